//! Numbered lists that start again: new numbering instances (`w:num`) on the same
//! definitions, with `w:lvlOverride` / `w:startOverride` at each level's start, for each
//! document of a combined file and each repetition of a repeated list.

use std::collections::{BTreeMap, HashMap};

/// A package's numbering part, and the instances (`w:num`) added to it so that each
/// document's lists start again.
pub struct Numbering {
    xml: String,
    /// `w:numId` to its `w:abstractNumId`.
    abstract_of: HashMap<String, String>,
    /// `w:abstractNumId` to the `w:start` of each of its levels.
    starts: HashMap<String, BTreeMap<u32, String>>,
    next_id: u64,
    added: String,
}

impl Numbering {
    pub fn read(xml: String) -> Numbering {
        let mut abstract_of = HashMap::new();
        let mut starts: HashMap<String, BTreeMap<u32, String>> = HashMap::new();
        let mut next_id = 1;
        let mut rest = xml.as_str();
        while let Some(at) = rest.find("<w:abstractNum ") {
            let end = rest[at..]
                .find("</w:abstractNum>")
                .map_or(rest.len(), |e| at + e);
            let element = &rest[at..end];
            if let Some(id) = attribute(element, "w:abstractNumId") {
                let mut levels = BTreeMap::new();
                let mut lvl_rest = element;
                while let Some(l) = lvl_rest.find("<w:lvl ") {
                    let lvl_end = lvl_rest[l..]
                        .find("</w:lvl>")
                        .map_or(lvl_rest.len(), |e| l + e);
                    let lvl = &lvl_rest[l..lvl_end];
                    if let Some(level) = attribute(lvl, "w:ilvl").and_then(|v| v.parse().ok()) {
                        let start = lvl
                            .find("<w:start ")
                            .and_then(|s| attribute(&lvl[s..], "w:val"))
                            .unwrap_or_else(|| "1".into());
                        levels.insert(level, start);
                    }
                    lvl_rest = &lvl_rest[lvl_end..];
                }
                starts.insert(id, levels);
            }
            rest = &rest[end..];
        }
        let mut rest = xml.as_str();
        while let Some(at) = rest.find("<w:num ") {
            let end = rest[at..].find("</w:num>").map_or(rest.len(), |e| at + e);
            let element = &rest[at..end];
            if let (Some(num), Some(a)) = (
                attribute(element, "w:numId"),
                element
                    .find("<w:abstractNumId ")
                    .and_then(|s| attribute(&element[s..], "w:val")),
            ) {
                next_id = next_id.max(num.parse::<u64>().unwrap_or(0) + 1);
                abstract_of.insert(num, a);
            }
            rest = &rest[end..];
        }
        Numbering {
            xml,
            abstract_of,
            starts,
            next_id,
            added: String::new(),
        }
    }

    /// The content with each numbering instance it uses replaced by a new one on the same
    /// definition whose levels start again (`w:lvlOverride` / `w:startOverride`).
    /// `own`: the numbering of the document the content comes from, when it differs from
    /// this one (a document of a combined file whose lists got instances of their own).
    pub fn restart_lists(&mut self, content: &str, own: Option<&Numbering>) -> String {
        if let Some(own) = own {
            self.next_id = self.next_id.max(own.next_id);
        }
        let mut renamed: HashMap<String, String> = HashMap::new();
        let mut out = String::with_capacity(content.len());
        let mut rest = content;
        let key = "<w:numId w:val=\"";
        while let Some(at) = rest.find(key) {
            let value_start = at + key.len();
            let Some(len) = rest[value_start..].find('"') else {
                break;
            };
            let old = &rest[value_start..value_start + len];
            out.push_str(&rest[..value_start]);
            let lookup = own.map_or(&self.abstract_of, |n| &n.abstract_of);
            match lookup.get(old).cloned() {
                Some(abstract_id) if old != "0" => {
                    let new = renamed
                        .entry(old.to_string())
                        .or_insert_with(|| self.instance(&abstract_id));
                    out.push_str(new);
                }
                _ => out.push_str(old),
            }
            rest = &rest[value_start + len..];
        }
        out.push_str(rest);
        out
    }

    /// A new numbering instance of `abstract_id` whose levels start again; its id.
    fn instance(&mut self, abstract_id: &str) -> String {
        let id = self.next_id.to_string();
        self.next_id += 1;
        let overrides: String = self
                            .starts
                            .get(abstract_id)
                            .map(|levels| {
                                levels
                                    .iter()
                                    .map(|(level, start)| {
                                        format!(
                                            r#"<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>"#
                                        )
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
        self.added.push_str(&format!(
            r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>"#
        ));
        self.abstract_of.insert(id.clone(), abstract_id.to_string());
        id
    }

    pub fn changed(&self) -> bool {
        !self.added.is_empty()
    }

    /// The part's XML with the new instances: after the last `w:num`, before
    /// `w:numIdMacAtCleanup`.
    pub fn finish(mut self) -> String {
        let at = self
            .xml
            .find("<w:numIdMacAtCleanup")
            .or_else(|| self.xml.rfind("</w:numbering>"));
        if let Some(at) = at {
            self.xml.insert_str(at, &self.added);
        }
        self.xml
    }

    /// Gives each repetition of a repeated region (between the markers the template put
    /// around each repetition, [`REPEAT_START`] and [`REPEAT_END`]) new instances of the
    /// numbering it uses, so its lists start again; the markers go.
    pub fn restart_repeated(&mut self, xml: &str) -> String {
        let mut out = String::with_capacity(xml.len());
        // Per open repetition: numbering instance renamed to its own.
        let mut frames: Vec<HashMap<String, String>> = Vec::new();
        let mut rest = xml;
        let key = "<w:numId w:val=\"";
        loop {
            let next = [REPEAT_START, REPEAT_END, key]
                .iter()
                .filter_map(|m| rest.find(m).map(|at| (at, *m)))
                .min();
            let Some((at, mark)) = next else { break };
            out.push_str(&rest[..at]);
            rest = &rest[at + mark.len()..];
            if mark == REPEAT_START {
                frames.push(HashMap::new());
            } else if mark == REPEAT_END {
                frames.pop();
            } else {
                out.push_str(key);
                let len = rest.find('"').unwrap_or(rest.len());
                let old = rest[..len].to_string();
                rest = &rest[len..];
                let abstract_id = self.abstract_of.get(&old).cloned();
                match (frames.last_mut(), abstract_id) {
                    (Some(frame), Some(abstract_id)) if old != "0" => {
                        if !frame.contains_key(&old) {
                            let id = self.instance(&abstract_id);
                            frame.insert(old.clone(), id);
                        }
                        out.push_str(&frame[&old]);
                    }
                    _ => out.push_str(&old),
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Put around each repetition of a repeated region that holds a numbered list.
pub const REPEAT_START: &str = "<!--vanban:repeat-->";
pub const REPEAT_END: &str = "<!--/vanban:repeat-->";

/// The value of attribute `name` in the first start tag of `element`.
fn attribute(element: &str, name: &str) -> Option<String> {
    let tag_end = element.find('>')?;
    let key = format!(" {name}=\"");
    let start = element[..tag_end].find(&key)? + key.len();
    let len = element[start..].find('"')?;
    Some(element[start..start + len].to_string())
}
