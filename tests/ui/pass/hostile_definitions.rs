// Definitions full of Rust string syntax, comment closers, markdown, HTML,
// Unicode and sheer length expand into code that compiles under strict lints,
// and `definition()` returns each one exactly as the table wrote it.
#![deny(warnings)]

#[mobileconnect_status_macros::status_table("pass/hostile_definitions.toml")]
pub enum Status {}

fn main() {
    let expected = [
        (Status::Quotes, "He said \"stop\" and 'quit' — “curly” ‘single’ « guillemets »"),
        (
            Status::Backslashes,
            r"C:\path\to\new \n is not a newline, \\ is two, \u0041 is not A, and a last \",
        ),
        (
            Status::CommentsAndCode,
            r#"*/ /* // /// //! #[doc = "x"] } ]; ) fn main() {} "); panic!("boom"#,
        ),
        (Status::RawStringDelimiters, r###"r"a" r#"b"# r##"c"## "# "## ### # br#"d"#"###),
        (
            Status::Markdown,
            "# Heading * bullet *emph* __strong__ `code` [link](https://example.com) \
             ![img](x.png) [`SmsStatus`] [Self::Quotes] --- > quote | a | b | ~~strike~~ \
             1. item <https://example.com> \\* escaped",
        ),
        (
            Status::Html,
            "<script>alert('x')</script> <b>bold</b> &amp; &lt; &#x41; &#65; <!-- comment --> \
             <br/> <details><summary>s</summary></details> </div>",
        ),
        (
            Status::NonAscii,
            "Zustellung fehlgeschlagen — 配信失敗 — فشل التسليم — Доставка — 📱✉️ — e\u{301} — \
             zero\u{200B}width — right\u{202E}left — tab\there",
        ),
        (
            Status::MultiLine,
            "first line\nsecond line *still text*\n\nafter a blank line\n    indented like code\n- not a list",
        ),
    ];
    for (status, definition) in expected {
        assert_eq!(status.definition(), Some(definition), "{status:?}");
    }
    let long = "<b>*x*</b> \\ \"q\" */ #[doc] 🙂 ".repeat(300);
    assert_eq!(Status::VeryLong.definition(), Some(long.as_str()));
    assert_eq!(
        Status::Markdown.note(),
        Some("*Why:* [`Outcome`](crate::Outcome) | `x` | **bold** <i>html</i>")
    );
    assert_eq!(Status::ALL.len(), 9);
}
