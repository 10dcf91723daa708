//! "Did you mean" for misspelt keys and vocabulary words.

/// The candidate closest to `word`, if it is close enough to be a typo:
/// at most one edit per three characters, and at least one edit allowed.
/// `word` is compared in lowercase, as every candidate is written.
///
/// A slice rather than any iterator: every crate that uses the table
/// compiles this file, in the macro, and each kind of iterator would be
/// one more copy of this function to compile.
///
/// `sms-status` asks it too, for a mistyped option or command, so a typo
/// is judged alike everywhere.
#[must_use]
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let budget = (word.chars().count() / 3).max(1);
    let folded = word.to_ascii_lowercase();
    candidates
        .iter()
        .map(|&candidate| (edit_distance(&folded, candidate), candidate))
        .filter(|(distance, _)| *distance <= budget)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters, with one row of memory.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_the_near_miss() {
        let keys = ["code", "name", "definition", "stage"];
        assert_eq!(closest("defintion", &keys), Some("definition"));
        assert_eq!(
            closest("retry-latr", &["wait", "retry-later", "none"]),
            Some("retry-later")
        );
        assert_eq!(closest("Stage", &keys), Some("stage"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(closest("colour", &["code", "name", "stage"]), None);
    }
}
