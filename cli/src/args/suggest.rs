//! "Did you mean" for a mistyped subcommand or option: the table check's
//! near-miss rule, so a typo is judged alike in a table key and in an
//! option, with one rule of the command line's own on top.

/// The candidate `word` was probably meant to be: the only one it begins
/// (`--suppress` for `--suppress-list`), else the nearest within one edit
/// per three characters.
pub(super) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let mut extending = candidates
        .iter()
        .filter(|candidate| candidate.starts_with(word));
    if let (Some(only), None) = (extending.next(), extending.next()) {
        return Some(only);
    }
    mobileconnect_status_table::closest(word, candidates)
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

#[cfg(test)]
mod tests {
    use super::{closest, long_options, one_of};

    #[test]
    fn suggests_the_near_miss_and_the_only_extension() {
        let options = ["--format", "--help", "--suppress-list", "--since"];
        assert_eq!(closest("--formt", &options), Some("--format"));
        assert_eq!(closest("--suppress", &options), Some("--suppress-list"));
        assert_eq!(closest("lst", &["list", "explain", "triage"]), Some("list"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close_or_the_prefix_is_shared() {
        assert_eq!(closest("--colour", &["--code-kind", "--table"]), None);
        assert_eq!(closest("--s", &["--since", "--suppress-list"]), None);
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
