//! Why messages were never sent: the reason codes of not-sent events
//! (`"47"`, `16`) with their words ("Mobile Address not found"), kept
//! apart from status codes. A reason code is not a code of the status
//! table, whatever its number.

use std::collections::HashMap;

/// More distinct reasons than this are one "other reasons" entry, so that
/// a hostile input cannot grow the table without bound.
const MAX_REASONS: usize = 10_000;
/// Longest code and text kept; reports show reasons, not payloads.
const MAX_CODE_CHARS: usize = 40;
const MAX_TEXT_CHARS: usize = 200;

/// Which reason, as an index into [`Reasons`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ReasonId(u32);

impl ReasonId {
    pub(crate) const fn index(self) -> u32 {
        self.0
    }

    pub(crate) const fn from_index(index: u32) -> Self {
        Self(index)
    }
}

/// One reason: its code as the input wrote it and the first words seen
/// with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reason {
    pub(crate) code: Box<str>,
    pub(crate) text: Option<Box<str>>,
}

/// Every reason seen, each once.
#[derive(Debug, Default)]
pub(crate) struct Reasons {
    by_code: HashMap<Box<str>, ReasonId>,
    list: Vec<Reason>,
    other: Option<ReasonId>,
}

impl Reasons {
    /// The id of the reason with this code, added with `text` the first
    /// time the code is seen. An empty code is kept as "no code given".
    pub(crate) fn intern(&mut self, code: &str, text: Option<&str>) -> ReasonId {
        let code = cut(code.trim(), MAX_CODE_CHARS);
        if let Some(&id) = self.by_code.get(code.as_str()) {
            let reason = &mut self.list[id.0 as usize];
            if reason.text.is_none() {
                reason.text = words(text);
            }
            return id;
        }
        if self.list.len() >= MAX_REASONS {
            return self.other();
        }
        let id = self.push(Reason {
            code: code.as_str().into(),
            text: words(text),
        });
        self.by_code.insert(code.into(), id);
        id
    }

    /// Adds the reasons of `other`, and returns, for each of its ids, the
    /// id the same reason has here.
    pub(crate) fn absorb(&mut self, other: Self) -> Vec<ReasonId> {
        other
            .list
            .into_iter()
            .enumerate()
            .map(|(index, reason)| {
                if other.other.is_some_and(|id| id.index() as usize == index) {
                    self.other()
                } else {
                    self.intern(&reason.code, reason.text.as_deref())
                }
            })
            .collect()
    }

    pub(crate) fn get(&self, id: ReasonId) -> &Reason {
        &self.list[id.0 as usize]
    }

    fn other(&mut self) -> ReasonId {
        if let Some(id) = self.other {
            return id;
        }
        let id = self.push(Reason {
            code: "".into(),
            text: Some(format!("other reasons (more than {MAX_REASONS} distinct codes)").into()),
        });
        self.other = Some(id);
        id
    }

    fn push(&mut self, reason: Reason) -> ReasonId {
        let id = ReasonId(u32::try_from(self.list.len()).unwrap_or(u32::MAX));
        self.list.push(reason);
        id
    }
}

fn words(text: Option<&str>) -> Option<Box<str>> {
    text.map(str::trim)
        .filter(|text| !text.is_empty())
        .map(|text| cut(text, MAX_TEXT_CHARS).into())
}

/// The first `max` characters of `text`, with `…` when cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::Reasons;

    #[test]
    fn a_code_is_one_reason_with_the_first_words_given() {
        let mut reasons = Reasons::default();
        let first = reasons.intern("47", None);
        assert_eq!(
            reasons.intern(" 47 ", Some("Mobile Address not found")),
            first
        );
        assert_eq!(reasons.intern("47", Some("other words")), first);
        assert_eq!(
            reasons.get(first).text.as_deref(),
            Some("Mobile Address not found")
        );
        assert_ne!(reasons.intern("16", Some("InvalidAttributeValue")), first);
    }

    #[test]
    fn a_flood_of_codes_stays_bounded() {
        let mut reasons = Reasons::default();
        for code in 0..super::MAX_REASONS + 50 {
            reasons.intern(&code.to_string(), None);
        }
        assert_eq!(reasons.list.len(), super::MAX_REASONS + 1);
        let long = "x".repeat(1000);
        let id = reasons.intern("1", Some(&long));
        let kept = reasons.get(id).text.as_deref().expect("words");
        assert_eq!(kept.chars().count(), super::MAX_TEXT_CHARS + 1);
        assert!(kept.ends_with('…'));
    }
}
