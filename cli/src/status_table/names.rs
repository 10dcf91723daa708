//! Finding a listed status by its name, ASCII case ignored, as core's
//! `from_name` does.

use std::cmp::Ordering;

/// Every name of a table in ASCII lower case, with its code, sorted: a
/// name is found by a binary search that folds the text it is given as it
/// compares, without a copy. A table's names are unique whatever their
/// case (the table check refuses `Delivered` beside `DELIVERED`).
#[derive(Debug)]
pub(crate) struct Names(Vec<(Box<str>, u16)>);

impl Names {
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = (&'a str, u16)>) -> Self {
        let mut folded: Vec<(Box<str>, u16)> = names
            .into_iter()
            .map(|(name, code)| (name.to_ascii_lowercase().into_boxed_str(), code))
            .collect();
        folded.sort_unstable();
        Self(folded)
    }

    /// The code named `name`, in any ASCII case.
    pub(crate) fn code(&self, name: &str) -> Option<u16> {
        self.0
            .binary_search_by(|(folded, _)| compare(folded, name))
            .ok()
            .map(|at| self.0[at].1)
    }
}

/// `folded` against `name` in ASCII lower case.
fn compare(folded: &str, name: &str) -> Ordering {
    folded
        .bytes()
        .cmp(name.bytes().map(|byte| byte.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::Names;

    #[test]
    fn a_name_is_found_in_any_ascii_case_and_only_whole() {
        let names = Names::new([("Delivered", 4000), ("Expired", 4501), ("Unknown", 3400)]);
        assert_eq!(names.code("Delivered"), Some(4000));
        assert_eq!(names.code("dELIVERED"), Some(4000));
        assert_eq!(names.code("expired"), Some(4501));
        assert_eq!(names.code("Deliver"), None);
        assert_eq!(names.code("Delivered "), None);
        assert_eq!(names.code(""), None);
        // Only ASCII letters fold, as in core: `Ñ` is not `ñ` here.
        let names = Names::new([("Señal", 1)]);
        assert_eq!(names.code("seÑal"), None);
        assert_eq!(names.code("SEñAL"), Some(1));
    }
}
