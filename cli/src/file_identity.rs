//! Whether two paths name one file: through `./x` and `x`, a symbolic
//! link or a hard link. People's files are compared this way before any
//! output is written, so an output can never overwrite an input.

use std::path::{Path, PathBuf};

/// What identifies a file: its device and inode on Unix, else its
/// canonical path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileIdentity(Identity);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    #[cfg(unix)]
    Inode { device: u64, inode: u64 },
    #[cfg_attr(unix, allow(dead_code))]
    Canonical(PathBuf),
}

impl FileIdentity {
    /// The identity of an existing file (following links); `None` when
    /// nothing exists at `path`.
    pub(crate) fn of(path: &Path) -> Option<Self> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let metadata = std::fs::metadata(path).ok()?;
            Some(Self(Identity::Inode {
                device: metadata.dev(),
                inode: metadata.ino(),
            }))
        }
        #[cfg(not(unix))]
        {
            path.canonicalize()
                .ok()
                .map(|path| Self(Identity::Canonical(path)))
        }
    }
}

impl FileIdentity {
    /// The identity of the regular file standard input reads, when it is
    /// one (`sms-status triage - < extract.csv`); `None` for a terminal or
    /// a pipe, which no output can overwrite.
    pub(crate) fn of_stdin() -> Option<Self> {
        #[cfg(unix)]
        {
            // /dev/stdin is a link to descriptor 0: its metadata is the
            // file's, read without touching the descriptor.
            let metadata = std::fs::metadata("/dev/stdin").ok()?;
            if metadata.is_file() {
                return Self::of(Path::new("/dev/stdin"));
            }
        }
        None
    }
}

/// Where a path that may not exist yet would be: its directory's canonical
/// path (links resolved) and its file name. Two outputs that do not exist
/// yet are the same file when these agree.
pub(crate) fn planned_location(path: &Path) -> Option<PathBuf> {
    Some(
        directory_of(path)
            .canonicalize()
            .ok()?
            .join(path.file_name()?),
    )
}

/// The directory a path is in: its parent, or `.` for a bare file name.
pub(crate) fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::{FileIdentity, planned_location};

    #[test]
    fn links_and_dotted_paths_are_one_file() {
        let dir = std::env::temp_dir().join(format!("sms-status-identity-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        let file = dir.join("extract.csv");
        std::fs::write(&file, "x").expect("a file");
        let hard = dir.join("hard.csv");
        let _ = std::fs::remove_file(&hard);
        std::fs::hard_link(&file, &hard).expect("a hard link");
        let dotted = dir.join(".").join("extract.csv");
        let identity = FileIdentity::of(&file);
        assert!(identity.is_some());
        assert_eq!(FileIdentity::of(&hard), identity);
        assert_eq!(FileIdentity::of(&dotted), identity);
        #[cfg(unix)]
        {
            let soft = dir.join("soft.csv");
            let _ = std::fs::remove_file(&soft);
            std::os::unix::fs::symlink(&file, &soft).expect("a symbolic link");
            assert_eq!(FileIdentity::of(&soft), identity);
        }
        let other = dir.join("other.csv");
        std::fs::write(&other, "x").expect("a file");
        assert_ne!(FileIdentity::of(&other), identity);
        assert_eq!(FileIdentity::of(&dir.join("missing.csv")), None);
        assert_eq!(
            planned_location(&dir.join("new.txt")),
            planned_location(&dir.join(".").join("new.txt"))
        );
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
