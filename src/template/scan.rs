//! Finding tags in the joined text of a paragraph, wherever Word's runs break them, and
//! working out what each text node holds once every tag's text sits in the node where the
//! tag begins.

use super::expr::{self, Tag};
use super::xml::PartTree;
use crate::diag::{Message, msg};

/// A tag found in a paragraph.
#[derive(Debug, Clone)]
pub struct Found {
    pub paragraph: usize,
    /// First and last text node the tag's text covers.
    pub first_node: usize,
    pub last_node: usize,
    /// The tag as typed, normalised.
    pub text: String,
    /// The tag, or why it cannot be read.
    pub tag: Result<Tag, Message>,
}

/// What a text node holds after the scan.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Tag(usize),
}

/// The scan of one part: tags in document order, and the new content of every text node a
/// tag touched (`None`: untouched, emit as it was).
#[derive(Debug, Default)]
pub struct Scan {
    pub tags: Vec<Found>,
    pub pieces: Vec<Option<Vec<Piece>>>,
    /// Paragraph problems: (paragraph, message, hint).
    pub errors: Vec<(usize, Message, Message)>,
    /// Text that looks like part of a tag but is printed as typed: (paragraph, message, hint).
    pub warnings: Vec<(usize, Message, Message)>,
}

enum Span {
    Tag {
        start: usize,
        end: usize,
    },
    /// `\{{`: prints `{{`.
    Escape {
        start: usize,
        end: usize,
    },
}

pub fn scan(tree: &PartTree) -> Scan {
    let mut scan = Scan {
        pieces: vec![None; tree.nodes.len()],
        ..Scan::default()
    };
    for (p, paragraph) in tree.paragraphs.iter().enumerate() {
        if paragraph.nodes.is_empty() {
            continue;
        }
        let mut joined = String::new();
        let mut bounds = Vec::with_capacity(paragraph.nodes.len());
        for &n in &paragraph.nodes {
            bounds.push(joined.len());
            joined.push_str(&tree.nodes[n].text);
        }
        if !joined.contains('{') && !joined.contains("}}") {
            continue;
        }
        let spans = match find_spans(&joined) {
            Ok((spans, warning)) => {
                if let Some((message, hint)) = warning {
                    scan.warnings.push((p, message, hint));
                }
                spans
            }
            Err((message, hint)) => {
                scan.errors.push((p, message, hint));
                continue;
            }
        };
        if spans.is_empty() {
            continue;
        }
        let node_at = |offset: usize| match bounds.binary_search(&offset) {
            Ok(mut i) => {
                // Several nodes may start here when some are empty: take the last one that
                // holds text at this offset.
                while i + 1 < bounds.len() && bounds[i + 1] == offset {
                    i += 1;
                }
                i
            }
            Err(i) => i - 1,
        };
        // Tag ids for this paragraph's spans.
        let mut span_tags: Vec<Option<usize>> = Vec::with_capacity(spans.len());
        for span in &spans {
            match *span {
                Span::Tag { start, end } => {
                    let raw = &joined[start..end];
                    let text = expr::normalize_tag_text(raw);
                    let tag = expr::parse_tag(&text);
                    span_tags.push(Some(scan.tags.len()));
                    scan.tags.push(Found {
                        paragraph: p,
                        first_node: paragraph.nodes[node_at(start)],
                        last_node: paragraph.nodes[node_at(end - 1)],
                        text,
                        tag,
                    });
                }
                Span::Escape { .. } => span_tags.push(None),
            }
        }
        // Rebuild each touched node's content.
        for (i, &n) in paragraph.nodes.iter().enumerate() {
            let node_start = bounds[i];
            let node_end = node_start + tree.nodes[n].text.len();
            let mut touched = false;
            let mut pieces: Vec<Piece> = Vec::new();
            let mut cursor = node_start;
            for (span, tag) in spans.iter().zip(&span_tags) {
                let (start, end) = match *span {
                    Span::Tag { start, end } | Span::Escape { start, end } => (start, end),
                };
                if end <= node_start || start >= node_end {
                    continue;
                }
                touched = true;
                if start > cursor {
                    push_text(&mut pieces, &joined[cursor..start]);
                }
                if start >= node_start {
                    match tag {
                        Some(id) => pieces.push(Piece::Tag(*id)),
                        None => push_text(&mut pieces, "{{"),
                    }
                }
                cursor = end.min(node_end);
            }
            if touched {
                if cursor < node_end {
                    push_text(&mut pieces, &joined[cursor..node_end]);
                }
                scan.pieces[n] = Some(pieces);
            }
        }
    }
    scan
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(text);
    } else {
        pieces.push(Piece::Text(text.to_string()));
    }
}

/// A problem of a paragraph's text: (message, hint).
type Problem = (Message, Message);

/// Finds `{{...}}`, `{{{...}}}` and `\{{` in a paragraph's text. Quotes inside a tag may hold
/// `}}`. A `{{` with no end in the paragraph is an error, and so is a `}}` with no tag open;
/// but where the paragraph holds no `{{` at all (a code listing), that `}}` is text, printed as
/// typed, with a warning.
fn find_spans(text: &str) -> Result<(Vec<Span>, Option<Problem>), Problem> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' && bytes[i + 1..].starts_with(b"{{") {
            spans.push(Span::Escape {
                start: i,
                end: i + 3,
            });
            // What follows up to its `}}` is literal text too.
            i = match text[i + 3..].find("}}") {
                Some(close) if !text[i + 3..i + 3 + close].contains("{{") => i + 3 + close + 2,
                _ => i + 3,
            };
            continue;
        }
        if bytes[i..].starts_with(b"}}") {
            let before: String = text[..i]
                .chars()
                .rev()
                .take(20)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let hint = match before.rsplit_once('{') {
                Some((_, word))
                    if !word.is_empty()
                        && word.chars().all(|c| c.is_alphanumeric() || c == '_') =>
                {
                    msg!("template-did-you-mean", word = word.to_string())
                }
                _ => msg!("template-delete-complete-tag-belonged"),
            };
            let message = msg!("template-stray-after", before = before.to_string());
            if !text.contains("{{") {
                return Ok((
                    spans,
                    Some((msg!("template-printed-typed", message = &message), hint)),
                ));
            }
            return Err((message, hint));
        }
        if !bytes[i..].starts_with(b"{{") {
            i += 1;
            continue;
        }
        let start = i;
        let triple = bytes[i..].starts_with(b"{{{");
        let j = i + if triple { 3 } else { 2 };
        let mut quote: Option<char> = None;
        let mut end = None;
        let rest = &text[j..];
        for (k, c) in rest.char_indices() {
            let at = j + k;
            match quote {
                Some(q) => {
                    if same_quote(q, c) {
                        quote = None;
                    }
                }
                None => {
                    if is_quote(c) {
                        quote = Some(c);
                    } else if bytes[at..].starts_with(b"}}") {
                        let close = if triple && bytes[at..].starts_with(b"}}}") {
                            3
                        } else {
                            2
                        };
                        end = Some(at + close);
                        break;
                    } else if bytes[at..].starts_with(b"{{") {
                        break;
                    }
                }
            }
        }
        match end {
            Some(e) => {
                spans.push(Span::Tag { start, end: e });
                i = e;
            }
            None => {
                let shown: String = text[start..].chars().take(40).collect();
                let hint = if text[start..].chars().filter(|&c| is_quote(c)).count() % 2 == 1 {
                    msg!("template-quote-tag-not-closed")
                } else {
                    msg!("template-close-tag-with-write-literal")
                };
                return Err((
                    msg!("template-unclosed-tag", shown = shown.to_string()),
                    hint,
                ));
            }
        }
    }
    Ok((spans, None))
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

fn same_quote(open: char, c: char) -> bool {
    is_quote(open) && is_quote(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::PartKind;
    use crate::template::xml;

    fn pieces_of(xml_text: &str) -> (Scan, PartTree) {
        let tree = xml::parse(xml_text, PartKind::Word).unwrap();
        (scan(&tree), tree)
    }

    #[test]
    fn a_tag_split_over_three_runs_moves_into_the_first() {
        let (scan, _) = pieces_of(
            "<w:p><w:r><w:t>Kính gửi: {{ten_</w:t></w:r><w:r><w:t>don</w:t></w:r><w:r><w:t>_vi}}.</w:t></w:r></w:p>",
        );
        assert_eq!(scan.tags.len(), 1);
        assert_eq!(scan.tags[0].text, "{{ten_don_vi}}");
        assert_eq!(
            scan.pieces[0],
            Some(vec![Piece::Text("Kính gửi: ".into()), Piece::Tag(0)])
        );
        assert_eq!(scan.pieces[1], Some(vec![]));
        assert_eq!(scan.pieces[2], Some(vec![Piece::Text(".".into())]));
    }

    #[test]
    fn split_delimiters_are_found() {
        let (scan, _) = pieces_of(
            "<w:p><w:r><w:t>{</w:t></w:r><w:r><w:t>{so_va</w:t></w:r><w:r><w:t>n_ban}</w:t></w:r><w:r><w:t>}</w:t></w:r></w:p>",
        );
        assert_eq!(scan.tags[0].text, "{{so_van_ban}}");
        assert_eq!(scan.pieces[0], Some(vec![Piece::Tag(0)]));
        assert_eq!(scan.pieces[3], Some(vec![]));
    }

    #[test]
    fn escaped_braces_print_literally() {
        let (scan, _) = pieces_of(r"<w:p><w:r><w:t>a \{{b}} c</w:t></w:r></w:p>");
        assert!(scan.tags.is_empty());
        assert_eq!(scan.pieces[0], Some(vec![Piece::Text("a {{b}} c".into())]));
    }

    #[test]
    fn quotes_may_hold_closing_braces() {
        let (scan, _) = pieces_of(r#"<w:p><w:r><w:t>{{default x "}}"}}</w:t></w:r></w:p>"#);
        assert_eq!(scan.tags[0].text, r#"{{default x "}}"}}"#);
    }

    #[test]
    fn an_unclosed_tag_is_an_error_of_its_paragraph() {
        let (scan, _) = pieces_of("<w:p/><w:p><w:r><w:t>{{ho_ten</w:t></w:r></w:p>");
        assert_eq!(scan.errors.len(), 1);
        assert_eq!(
            (scan.errors[0].0, scan.errors[0].1.to_string().as_str()),
            (1, "unclosed tag '{{ho_ten'")
        );
    }
}
