//! Where a table of the user's own came from: the file, and whether
//! `--codes` or `SMS_STATUS_CODES` named it, for messages and for the
//! commands this program tells people to run.

use std::path::PathBuf;

/// The file a table of the user's own was read from.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    /// The file as it was named.
    pub(crate) path: PathBuf,
    /// The file's name as messages show it: escaped, and cut when long.
    pub(crate) shown: String,
    /// `--codes` or `SMS_STATUS_CODES`, whichever named the file.
    pub(crate) named_by: &'static str,
}

impl Origin {
    /// `--codes FILE`, as a shell reads it back: how a command printed
    /// for people to run again names the table.
    pub(crate) fn option(&self) -> String {
        format!("--codes {}", for_shell(&self.path.to_string_lossy()))
    }
}

/// `text` as one word to a POSIX shell: as it is when every character is
/// plain, else in single quotes (a quote inside written `'\''`).
pub(crate) fn for_shell(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./+,:@=%".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::for_shell;

    #[test]
    fn a_name_is_quoted_for_the_shell_only_when_it_needs_it() {
        assert_eq!(
            for_shell("../examples/my-codes.toml"),
            "../examples/my-codes.toml"
        );
        assert_eq!(for_shell("my codes.toml"), "'my codes.toml'");
        assert_eq!(for_shell("it's.toml"), r"'it'\''s.toml'");
        assert_eq!(for_shell("$HOME/x"), "'$HOME/x'");
        assert_eq!(for_shell(""), "''");
    }
}
