//! docx-rs writes every part it knows, with property elements in its own order (`w:rPr` first
//! in `w:pPr`, `w:jc` before `w:spacing`, header references after `w:pgSz`...), which the
//! schema forbids and strict consumers flag. This puts the children of each property element
//! into the schema's order, drops what the starters do not use (comments, footnotes,
//! numbering, custom properties) and packs the parts with a theme, as Word does.

use std::io::{Cursor, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Additions the docx-rs API cannot express, inserted before the children are ordered.
#[derive(Debug, Default, Clone)]
pub struct Extras {
    /// Elements of the section's `w:sectPr` (a certificate's frame, vertical centring).
    pub section: &'static [&'static str],
    /// When the file was made (`2026-12-03T09:30:00Z`), for its properties; `None` keeps
    /// the fixed date of the bundled templates (they are compared byte for byte).
    pub made: Option<String>,
}

/// Children order of the elements whose content model is a sequence, from ECMA-376 part 1
/// (transitional). Names on one line share a place (a choice in the schema).
const ORDER: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    ("w:pgBorders", &["w:top", "w:left", "w:bottom", "w:right"]),
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left w:start",
            "w:bottom",
            "w:right w:end",
            "w:insideH",
            "w:insideV",
        ],
    ),
    (
        "w:tcBorders",
        &[
            "w:top",
            "w:left w:start",
            "w:bottom",
            "w:right w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
    ),
    (
        "w:tblCellMar",
        &["w:top", "w:left w:start", "w:bottom", "w:right w:end"],
    ),
    (
        "w:tcMar",
        &["w:top", "w:left w:start", "w:bottom", "w:right w:end"],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
];

/// Vietnamese for spelling and hyphenation, on every run by default.
const LANG: &str = r#"<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>"#;

/// One XML element with its children, or any other event (text, declaration...).
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
    },
    Other(Event<'static>),
}

fn parse(xml: &str) -> Result<Vec<Node>, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<(BytesStart<'static>, Vec<Node>)> = Vec::new();
    let mut top = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let node = match event {
            Event::Eof => break,
            Event::Start(start) => {
                stack.push((start.into_owned(), Vec::new()));
                continue;
            }
            Event::End(_) => {
                let (start, children) = stack.pop().ok_or("an end tag without a start")?;
                Node::Element { start, children }
            }
            Event::Empty(start) => Node::Element {
                start: start.into_owned(),
                children: Vec::new(),
            },
            other => Node::Other(other.into_owned()),
        };
        match stack.last_mut() {
            Some((_, children)) => children.push(node),
            None => top.push(node),
        }
    }
    if !stack.is_empty() {
        return Err("an element is not closed".into());
    }
    Ok(top)
}

fn write(nodes: &[Node], out: &mut Writer<Vec<u8>>) -> std::io::Result<()> {
    for node in nodes {
        match node {
            Node::Element { start, children } if children.is_empty() => {
                out.write_event(Event::Empty(start.borrow()))?
            }
            Node::Element { start, children } => {
                out.write_event(Event::Start(start.borrow()))?;
                write(children, out)?;
                out.write_event(Event::End(start.to_end()))?;
            }
            Node::Other(event) => out.write_event(event.borrow())?,
        }
    }
    Ok(())
}

fn name_of(node: &Node) -> Option<&str> {
    match node {
        Node::Element { start, .. } => {
            let name = start.name();
            let len = name.as_ref().len();
            Some(&start.as_ref()[..len])
        }
        Node::Other(_) => None,
    }
}

/// Drops attributes the schema does not declare (`w:type` on `w:gridCol`) or that only
/// duplicate when a template repeats content (`w14:paraId`, `w14:textId`).
fn clean_attributes(start: &mut BytesStart<'static>) {
    let name = start.name().as_ref().to_string();
    let drop = |key: &str| {
        key == "w14:paraId" || key == "w14:textId" || (name == "w:gridCol" && key == "w:type")
    };
    if !start.attributes().flatten().any(|a| drop(a.key.as_ref())) {
        return;
    }
    let kept: Vec<(String, String)> = start
        .attributes()
        .flatten()
        .filter(|a| !drop(a.key.as_ref()))
        .map(|a| (a.key.as_ref().to_string(), a.value.to_string()))
        .collect();
    let mut content = name.clone();
    for (key, value) in &kept {
        content.push_str(&format!(" {key}=\"{value}\""));
    }
    *start = BytesStart::from_content(content, name.len());
}

fn tidy_nodes(nodes: &mut [Node], parent: &str) {
    for node in nodes.iter_mut() {
        let Node::Element { start, children } = node else {
            continue;
        };
        clean_attributes(start);
        let name = start.name().as_ref().to_string();
        // A style's paragraph properties (`CT_PPrGeneral`) have no paragraph-mark `w:rPr`.
        if name == "w:pPr" && (parent == "w:style" || parent == "w:pPrDefault") {
            children.retain(|c| name_of(c) != Some("w:rPr"));
        }
        tidy_nodes(children, &name);
        if let Some((_, order)) = ORDER.iter().find(|(n, _)| *n == name) {
            let rank = |child: &Node| {
                name_of(child)
                    .and_then(|n| order.iter().position(|o| o.split(' ').any(|x| x == n)))
                    .unwrap_or(order.len())
            };
            children.sort_by_key(rank);
        }
    }
}

/// The first element named `name`, depth first.
fn find_mut<'a>(nodes: &'a mut [Node], name: &str) -> Option<&'a mut Vec<Node>> {
    for node in nodes.iter_mut() {
        if let Node::Element { start, children } = node {
            if start.name().as_ref() == name {
                return Some(children);
            }
            if let Some(found) = find_mut(children, name) {
                return Some(found);
            }
        }
    }
    None
}

/// Orders one part's property elements, with `extra` elements (XML text) appended to the
/// first element named `into`.
fn tidy_part(xml: &[u8], extra: &[(&str, &str)]) -> Result<Vec<u8>, String> {
    let xml = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let mut nodes = parse(xml)?;
    for (into, fragment) in extra {
        let added = parse(fragment)?;
        let target = find_mut(&mut nodes, into).ok_or_else(|| format!("no <{into}>"))?;
        target.extend(added);
    }
    tidy_nodes(&mut nodes, "");
    let mut out = Writer::new(Vec::with_capacity(xml.len()));
    write(&nodes, &mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORD_CT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The package of a built docx-rs document: its parts in schema order, with a theme, without
/// the parts the starters do not use.
pub fn pack(docx: docx_rs::XMLDocx, extras: Extras) -> Result<Vec<u8>, String> {
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut overrides: Vec<(String, String)> = vec![
        (
            "/word/document.xml".into(),
            format!("{WORD_CT}.document.main+xml"),
        ),
        ("/word/styles.xml".into(), format!("{WORD_CT}.styles+xml")),
        (
            "/word/settings.xml".into(),
            format!("{WORD_CT}.settings+xml"),
        ),
        (
            "/word/fontTable.xml".into(),
            format!("{WORD_CT}.fontTable+xml"),
        ),
        (
            "/word/theme/theme1.xml".into(),
            "application/vnd.openxmlformats-officedocument.theme+xml".into(),
        ),
    ];
    let mut rels = format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{REL_NS}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="{REL_NS}/fontTable" Target="fontTable.xml"/><Relationship Id="rId4" Type="{REL_NS}/theme" Target="theme/theme1.xml"/>"#
    );
    // docx-rs names header n `headerN.xml` with the relationship id `rIdHeaderN`.
    for n in 1..=docx.headers.len() {
        rels.push_str(&format!(
            r#"<Relationship Id="rIdHeader{n}" Type="{REL_NS}/header" Target="header{n}.xml"/>"#
        ));
        overrides.push((
            format!("/word/header{n}.xml"),
            format!("{WORD_CT}.header+xml"),
        ));
    }
    rels.push_str("</Relationships>");
    if !docx.footers.is_empty() {
        return Err("footers are not packed".into());
    }
    overrides.push((
        "/docProps/core.xml".into(),
        "application/vnd.openxmlformats-package.core-properties+xml".into(),
    ));
    overrides.push((
        "/docProps/app.xml".into(),
        "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
    ));

    let mut types = format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
    );
    for (name, kind) in &overrides {
        types.push_str(&format!(
            r#"<Override PartName="{name}" ContentType="{kind}"/>"#
        ));
    }
    types.push_str("</Types>");
    let root_rels = format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    );

    parts.push(("[Content_Types].xml".into(), types.into_bytes()));
    parts.push(("_rels/.rels".into(), root_rels.into_bytes()));
    let section: Vec<(&str, &str)> = extras.section.iter().map(|e| ("w:sectPr", *e)).collect();
    let document = tidy_part(&docx.document, &section)?;
    parts.push(("word/document.xml".into(), document));
    parts.push(("word/_rels/document.xml.rels".into(), rels.into_bytes()));
    parts.push((
        "word/styles.xml".into(),
        tidy_part(&docx.styles, &[("w:rPr", LANG)])?,
    ));
    parts.push(("word/settings.xml".into(), tidy_part(&docx.settings, &[])?));
    parts.push((
        "word/fontTable.xml".into(),
        tidy_part(&docx.font_table, &[])?,
    ));
    parts.push(("word/theme/theme1.xml".into(), THEME.as_bytes().to_vec()));
    for (i, header) in docx.headers.iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), tidy_part(header, &[])?));
    }
    let core = String::from_utf8(docx.doc_props.core).map_err(|e| e.to_string())?;
    parts.push((
        "docProps/core.xml".into(),
        match &extras.made {
            Some(made) => core.replace(">1970-01-01T00:00:00Z<", &format!(">{made}<")),
            None => core,
        }
        .replace(">unknown<", ">vanban<")
        .into_bytes(),
    ));
    parts.push(("docProps/app.xml".into(), docx.doc_props.app));

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (name, bytes) in &parts {
        zip.start_file(name.as_str(), options)
            .map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// The Office theme with Times New Roman as both theme fonts (Word reads a theme from every
/// document it opens; strict validators require one).
const THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_properties_follow_the_schema_order() {
        let xml = r#"<w:p w14:paraId="00000001"><w:pPr><w:rPr/><w:jc w:val="both"/><w:ind w:firstLine="720"/><w:spacing w:after="120"/></w:pPr></w:p>"#;
        let out = String::from_utf8(tidy_part(xml.as_bytes(), &[]).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:spacing w:after="120"/><w:ind w:firstLine="720"/><w:jc w:val="both"/><w:rPr/></w:pPr></w:p>"#
        );
    }

    #[test]
    fn header_references_come_first_in_the_section() {
        let xml = r#"<w:sectPr><w:pgSz w:w="1"/><w:headerReference w:type="default"/><w:titlePg/><w:headerReference w:type="first"/></w:sectPr>"#;
        let out = String::from_utf8(tidy_part(xml.as_bytes(), &[]).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:sectPr><w:headerReference w:type="default"/><w:headerReference w:type="first"/><w:pgSz w:w="1"/><w:titlePg/></w:sectPr>"#
        );
    }

    #[test]
    fn text_and_entities_survive() {
        let xml = r#"<w:r><w:t xml:space="preserve">a &amp; b {{x}}</w:t></w:r>"#;
        let out = String::from_utf8(tidy_part(xml.as_bytes(), &[]).unwrap()).unwrap();
        assert_eq!(out, xml);
    }
}
