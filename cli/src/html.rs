//! HTML (and the SVG inside it) written safe by type: markup comes only
//! from string literals of this program, `&'static str`, and every other
//! value, a number, a code, a file name, a header's text, goes in through
//! [`Html::text`] or an attribute, which escape it. A report built this
//! way cannot carry markup from its inputs, whatever they hold.

use std::fmt::{self, Display, Write as _};

/// A page being written.
#[derive(Debug, Default)]
pub(crate) struct Html {
    out: String,
}

impl Html {
    /// Markup written as it is: a literal of this program, never a value.
    pub(crate) fn markup(&mut self, markup: &'static str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// A value, escaped to show as text.
    pub(crate) fn text(&mut self, value: impl Display) -> &mut Self {
        // Writing into a String cannot fail.
        let _ = write!(Escaping(&mut self.out), "{value}");
        self
    }

    /// A start tag, `<tag name="value"…>`, each value escaped.
    pub(crate) fn open(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &dyn Display)],
    ) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.text(value);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    /// `<tag>text</tag>`, the text escaped.
    pub(crate) fn element(&mut self, tag: &'static str, text: impl Display) -> &mut Self {
        self.open(tag, &[]).text(text).close(tag)
    }

    /// An end tag, `</tag>`.
    pub(crate) fn close(&mut self, tag: &'static str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    pub(crate) fn into_string(self) -> String {
        self.out
    }
}

/// Escapes what is written through it for HTML text and quoted attribute
/// values alike. NUL, which HTML does not allow, becomes U+FFFD.
struct Escaping<'a>(&'a mut String);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for char in text.chars() {
            match char {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                '\0' => self.0.push('\u{fffd}'),
                _ => self.0.push(char),
            }
        }
        Ok(())
    }
}

/// A count with its thousands grouped, as people read it: `1,204`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Count(pub(crate) u64);

impl Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        for (at, digit) in digits.chars().enumerate() {
            if at > 0 && (digits.len() - at) % 3 == 0 {
                f.write_char(',')?;
            }
            f.write_char(digit)?;
        }
        Ok(())
    }
}

/// A share as a percentage with one decimal, `16.7%`; a dash for a share
/// of nothing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Percent(pub(crate) Option<f64>);

impl Percent {
    /// `part` of `whole`.
    pub(crate) fn of(part: u64, whole: u64) -> Self {
        #[expect(clippy::cast_precision_loss, reason = "a share needs no exact count")]
        Self((whole > 0).then(|| part as f64 / whole as f64))
    }
}

impl Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(share) => write!(f, "{:.1}%", share * 100.0),
            None => f.write_str("–"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Count, Html, Percent};

    #[test]
    fn values_are_escaped_in_text_and_attributes() {
        let mut html = Html::default();
        html.open("td", &[("title", &"\"><img src=x onerror=alert(1)>")])
            .text("<script>alert('x')</script> & </svg>\0")
            .close("td");
        assert_eq!(
            html.into_string(),
            "<td title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">\
             &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;/svg&gt;\u{fffd}</td>"
        );
    }

    #[test]
    fn counts_are_grouped_and_shares_rounded() {
        let shown: Vec<String> = [0, 7, 999, 1000, 1204, 1_234_567, u64::MAX]
            .map(|count| Count(count).to_string())
            .into();
        assert_eq!(
            shown,
            [
                "0",
                "7",
                "999",
                "1,000",
                "1,204",
                "1,234,567",
                "18,446,744,073,709,551,615"
            ]
        );
        assert_eq!(Percent::of(1, 6).to_string(), "16.7%");
        assert_eq!(Percent::of(0, 0).to_string(), "–");
        assert_eq!(Percent::of(6, 6).to_string(), "100.0%");
    }
}
