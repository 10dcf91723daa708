//! How much room a chart label needs, worked out before the page is drawn:
//! the page runs no script, so a chart cannot measure its text and must
//! leave room for it in any font a reader's browser picks.
//!
//! Each character counts at least its advance in DejaVu Sans, the widest
//! of the usual sans-serif fonts (Verdana's metrics, and the default sans
//! on many Linux systems); Segoe UI, San Francisco, Roboto, Arial and
//! Helvetica are narrower, so a label laid out by this estimate has room
//! to spare in them. The browser test measures the real boxes in DejaVu
//! Sans.

/// Bold text is wider: DejaVu Sans Bold's lowercase letters take 1.13
/// times the room of the regular ones (its digits 1.09).
const BOLD: f64 = 1.13;

/// The width, in the chart's units, of `text` drawn at `size` (the font
/// size in the same units), bold or not.
pub(super) fn label_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text.chars().map(ems).sum();
    ems * size * if bold { BOLD } else { 1.0 }
}

/// A character's advance in ems, at least DejaVu Sans's for its class:
/// digits 0.636, lowercase letters 0.56 on average and 0.97 at most (`m`),
/// capitals 0.67 on average, punctuation about a third, `%` 0.95. Words
/// here are labels and dates, which average out; anything unusual counts
/// a whole em.
fn ems(character: char) -> f64 {
    match character {
        '0'..='9' => 0.64,
        ' ' | ',' | '.' | ':' | ';' | '\'' | '(' | ')' | '-' | '/' => 0.4,
        '%' => 0.95,
        'a'..='z' => 0.62,
        'A'..='Z' => 0.75,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::label_width;

    #[test]
    fn counts_take_their_digits_and_separators() {
        // 10 digits and 3 commas at 11 units: DejaVu Sans draws 80.5.
        let width = label_width("1,000,000,000", 11.0, false);
        assert!((81.0..90.0).contains(&width), "{width}");
        assert!(label_width("9", 11.0, true) > label_width("9", 11.0, false));
        assert!(label_width("", 12.0, false).abs() < f64::EPSILON);
    }
}
