//! Links from the page to the lists written with it, relative to the
//! page's directory, so that the page and its lists can move together
//! (zipped, copied to a share) and the links still work.

use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

/// The link from the page at `page` to the file at `target`: a relative
/// URL, each path segment percent-encoded. `None` if either directory
/// cannot be resolved (it vanished during the run).
pub(crate) fn href(page: &Path, target: &Path) -> Option<String> {
    let from = directory(page)?;
    let to = directory(target)?;
    let name = target.file_name()?;
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut segments: Vec<String> = vec!["..".to_owned(); from.len() - common];
    segments.extend(
        to[common..]
            .iter()
            .map(|part| encoded(part.as_os_str().as_encoded_bytes())),
    );
    segments.push(encoded(name.as_encoded_bytes()));
    Some(segments.join("/"))
}

/// The file's directory, absolute and with links resolved.
fn directory(file: &Path) -> Option<PathBuf> {
    let parent = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    parent.canonicalize().ok()
}

/// A path segment as a URL writes it: unreserved characters as they are,
/// every other byte as `%XX`, so that `#`, `?`, `:` and spaces in a file
/// name stay part of it.
fn encoded(segment: &[u8]) -> String {
    let mut url = String::with_capacity(segment.len());
    for &byte in segment {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{encoded, href};

    #[test]
    fn a_list_is_linked_relative_to_the_page() {
        let base = Path::new(env!("CARGO_MANIFEST_DIR"));
        let page = base.join("src/report.html");
        assert_eq!(
            href(&page, &base.join("src/suppress.txt")).as_deref(),
            Some("suppress.txt")
        );
        assert_eq!(
            href(&page, &base.join("samples/x y#1.txt")).as_deref(),
            Some("../samples/x%20y%231.txt")
        );
        assert_eq!(
            href(&base.join("report.html"), &base.join("src/triage/a.txt")).as_deref(),
            Some("src/triage/a.txt")
        );
        assert_eq!(href(&base.join("nowhere/r.html"), &page), None);
    }

    #[test]
    fn nothing_in_a_name_can_end_the_link_or_start_a_scheme() {
        assert_eq!(
            encoded("javascript:alert(1)\"<>".as_bytes()),
            "javascript%3Aalert%281%29%22%3C%3E"
        );
        assert_eq!(encoded("é".as_bytes()), "%C3%A9");
    }
}
