//! "Did you mean" for a mistyped subcommand or option. The table crate has
//! its own copy of the edit distance, for keys and words in the table;
//! its API is the macro's, not a home for the command line's helpers, and
//! this one also prefers a prefix.

/// The candidate `word` was probably meant to be: the only one it begins
/// (`--suppress` for `--suppress-list`), else the nearest within one edit
/// per three characters.
pub(super) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    let mut extending = candidates
        .clone()
        .into_iter()
        .filter(|candidate| candidate.starts_with(word));
    if let (Some(only), None) = (extending.next(), extending.next()) {
        return Some(only);
    }
    let budget = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|&(distance, _)| distance <= budget)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Every `--option` a help page names, in order, each once.
pub(super) fn long_options(help: &str) -> Vec<&str> {
    let mut options: Vec<&str> = Vec::new();
    for word in help.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let is_option = word.strip_prefix("--").is_some_and(|name| {
            name.starts_with(|c: char| c.is_ascii_lowercase()) && !name.ends_with('-')
        });
        if is_option && !options.contains(&word) {
            options.push(word);
        }
    }
    options
}

/// `a, b or c`.
pub(super) fn one_of(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
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
    use super::{closest, long_options, one_of};

    #[test]
    fn suggests_the_near_miss_and_the_only_extension() {
        let options = ["--format", "--help", "--suppress-list", "--since"];
        assert_eq!(closest("--formt", options), Some("--format"));
        assert_eq!(closest("--suppress", options), Some("--suppress-list"));
        assert_eq!(closest("lst", ["list", "explain", "triage"]), Some("list"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close_or_the_prefix_is_shared() {
        assert_eq!(closest("--colour", ["--code-kind", "--table"]), None);
        assert_eq!(closest("--s", ["--since", "--suppress-list"]), None);
    }

    #[test]
    fn finds_each_documented_option_once() {
        let help = "  --since DATE   only newer\n  --table NAME   not --since again; a -- b\n";
        assert_eq!(long_options(help), ["--since", "--table"]);
    }

    #[test]
    fn lists_words_as_a_sentence() {
        assert_eq!(one_of(&["a"]), "a");
        assert_eq!(one_of(&["a", "b", "c"]), "a, b or c");
    }
}
