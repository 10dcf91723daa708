//! The HTML report as a browser reads it: html5gum's WHATWG tokenizer,
//! and from its tokens a small tree of elements to look numbers up in.

use std::collections::BTreeMap;

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements HTML never closes.
const VOID: &[&str] = &["br", "meta", "link", "img", "input", "hr", "wbr", "source"];

/// One element: its tag, its attributes, the text inside it (its
/// descendants' included) and its child elements.
#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) tag: String,
    pub(crate) attributes: BTreeMap<String, String>,
    pub(crate) text: String,
    children: Vec<usize>,
}

/// A page, tokenized.
#[derive(Debug)]
pub(crate) struct Page {
    elements: Vec<Element>,
    /// What the tokenizer called a parse error.
    pub(crate) errors: Vec<String>,
    pub(crate) comments: usize,
}

impl Page {
    pub(crate) fn parse(html: &str) -> Self {
        let mut emitter = DefaultEmitter::default();
        // Script, style and title contents are text, as in a browser.
        emitter.naively_switch_states(true);
        let mut page = Page {
            elements: Vec::new(),
            errors: Vec::new(),
            comments: 0,
        };
        let mut open: Vec<usize> = Vec::new();
        for token in Tokenizer::new_with_emitter(html, emitter) {
            match token.expect("a string reads without I/O errors") {
                Token::StartTag(tag) => {
                    let name = text(&tag.name);
                    let at = page.elements.len();
                    if let Some(&parent) = open.last() {
                        page.elements[parent].children.push(at);
                    }
                    page.elements.push(Element {
                        attributes: tag
                            .attributes
                            .iter()
                            .map(|(name, value)| (text(name), text(&value.value)))
                            .collect(),
                        text: String::new(),
                        children: Vec::new(),
                        tag: name.clone(),
                    });
                    if !tag.self_closing && !VOID.contains(&name.as_str()) {
                        open.push(at);
                    }
                }
                Token::EndTag(tag) => {
                    let name = text(&tag.name);
                    if let Some(depth) = open.iter().rposition(|&at| page.elements[at].tag == name)
                    {
                        open.truncate(depth);
                    }
                }
                Token::String(string) => {
                    let string = text(&string.value);
                    for &at in &open {
                        page.elements[at].text.push_str(&string);
                    }
                }
                Token::Comment(_) => page.comments += 1,
                Token::Doctype(_) => {}
                Token::Error(error) => page.errors.push(format!("{:?}", error.value)),
            }
        }
        page
    }

    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.elements.iter()
    }

    /// The element with this id; panics if there is none.
    pub(crate) fn id(&self, id: &str) -> &Element {
        self.find("id", id)
            .unwrap_or_else(|| panic!("the page has an element with id {id:?}"))
    }

    /// The first element whose attribute `name` is `value`.
    pub(crate) fn find(&self, name: &str, value: &str) -> Option<&Element> {
        self.elements
            .iter()
            .find(|element| element.attributes.get(name).map(String::as_str) == Some(value))
    }

    /// Every element with an attribute `name`, in page order.
    pub(crate) fn with(&self, name: &str) -> Vec<&Element> {
        self.elements
            .iter()
            .filter(|element| element.attributes.contains_key(name))
            .collect()
    }

    /// The texts of an element's child cells (`th` and `td`), trimmed.
    pub(crate) fn cells(&self, row: &Element) -> Vec<String> {
        row.children
            .iter()
            .map(|&at| &self.elements[at])
            .filter(|cell| cell.tag == "td" || cell.tag == "th")
            .map(|cell| cell.text.trim().to_owned())
            .collect()
    }

    /// The rows of the table with this id's body.
    pub(crate) fn rows(&self, table: &str) -> Vec<Vec<String>> {
        let table = self.id(table);
        let body = table
            .children
            .iter()
            .map(|&at| &self.elements[at])
            .find(|child| child.tag == "tbody")
            .expect("a table body");
        body.children
            .iter()
            .map(|&at| self.cells(&self.elements[at]))
            .collect()
    }

    /// The whole page's text.
    pub(crate) fn text(&self) -> &str {
        self.elements
            .iter()
            .find(|element| element.tag == "html")
            .map_or("", |html| html.text.as_str())
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("the page is UTF-8")
}

/// A number as the page prints it, `1,204`, read back.
pub(crate) fn count(text: &str) -> u64 {
    text.trim()
        .replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("{text:?} is a count"))
}

/// A share as the page prints it: `16.7%`, or `–` for a share of nothing.
pub(crate) fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "–".to_owned();
    }
    #[expect(clippy::cast_precision_loss, reason = "counts in tests are small")]
    let share = part as f64 / whole as f64;
    format!("{:.1}%", share * 100.0)
}
