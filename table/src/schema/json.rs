//! A JSON value with its object keys in the order they were written, and
//! its pretty printing. The schema is a file people read and diff, so its
//! keys follow the table's own order (`code` before `name`), which
//! `serde_json`'s map, sorted by key, would not keep.

use std::fmt::Write as _;

/// A JSON value: only the kinds a schema needs.
pub(super) enum Json {
    Bool(bool),
    Number(usize),
    String(String),
    Array(Vec<Json>),
    /// Keys in the order they are printed.
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    pub(super) fn string(text: impl Into<String>) -> Self {
        Self::String(text.into())
    }

    /// An array of strings, such as a vocabulary's words.
    pub(super) fn strings<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        Self::Array(texts.into_iter().map(Self::string).collect())
    }

    /// The value as a document: two spaces an indent, a short array of
    /// plain values on one line, and a newline at the end.
    pub(super) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Self::Bool(value) => {
                let _ = write!(out, "{value}");
            }
            Self::Number(value) => {
                let _ = write!(out, "{value}");
            }
            Self::String(text) => quote(text, out),
            Self::Array(items) if items.iter().all(Self::is_plain) && short(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, depth);
                }
                out.push(']');
            }
            Self::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    out.push_str(if index > 0 { ",\n" } else { "\n" });
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Self::Object(entries) => {
                out.push('{');
                for (index, (key, value)) in entries.iter().enumerate() {
                    out.push_str(if index > 0 { ",\n" } else { "\n" });
                    indent(out, depth + 1);
                    quote(key, out);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }

    fn is_plain(&self) -> bool {
        !matches!(self, Self::Array(_) | Self::Object(_))
    }
}

/// Whether plain `items` fit on one line: a vocabulary's words do, their
/// descriptions are easier to read one a line.
fn short(items: &[Json]) -> bool {
    let length: usize = items
        .iter()
        .map(|item| match item {
            Json::String(text) => text.chars().count() + 4,
            _ => 8,
        })
        .sum();
    length <= 72
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// `text` as a JSON string (RFC 8259): quote marks, backslashes and control
/// characters escaped, everything else as it is.
fn quote(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn objects_keep_their_order_and_short_plain_arrays_stay_on_one_line() {
        let (a, b) = ("a".repeat(40), "b".repeat(40));
        let value = Json::Object(vec![
            ("type", Json::string("object")),
            ("required", Json::strings(["code", "name"])),
            (
                "nested",
                Json::Array(vec![Json::Object(vec![("ok", Json::Bool(true))])]),
            ),
            ("maximum", Json::Number(65_535)),
            ("long", Json::strings([a.as_str(), b.as_str()])),
        ]);
        let expected = r#"{
  "type": "object",
  "required": ["code", "name"],
  "nested": [
    {
      "ok": true
    }
  ],
  "maximum": 65535,
  "long": [
    "A",
    "B"
  ]
}
"#;
        assert_eq!(value.pretty(), expected.replace('A', &a).replace('B', &b));
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_control_characters() {
        let value = Json::string("write \\\" for \"\n\t\u{1b}’");
        assert_eq!(
            value.pretty(),
            "\"write \\\\\\\" for \\\"\\n\\t\\u001b’\"\n"
        );
    }
}
