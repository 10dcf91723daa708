//! The keys ENS signs batches with: read from a key file (one key a line,
//! so that the old and the new key are both accepted during a rotation)
//! or from the environment, never from an argument, where every user of
//! the machine could read it in the process list.
//!
//! Salesforce's documentation does not say whether the HMAC key is the
//! key's text or the bytes its base64 decodes to, and public receivers do
//! both, so each key is tried both ways (see `signature`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::quoted;

/// The environment variable that may hold the keys, one a line.
pub(crate) const KEY_VARIABLE: &str = "SMS_STATUS_SIGNATURE_KEY";

/// One signature key in the two forms an HMAC key can take.
pub(crate) struct SigningKey {
    /// The key's text as Marketing Cloud shows it, as UTF-8 bytes.
    pub(crate) text: Vec<u8>,
    /// The bytes its base64 decodes to, when it is base64.
    pub(crate) decoded: Option<Vec<u8>>,
}

impl SigningKey {
    fn new(text: &str) -> Self {
        Self {
            text: text.as_bytes().to_vec(),
            decoded: STANDARD.decode(text).ok().filter(|bytes| !bytes.is_empty()),
        }
    }
}

/// Where the keys come from.
enum Origin {
    /// A key file, read again when it changes, so that a new key can be
    /// added during a rotation without a restart.
    File {
        path: PathBuf,
        modified: Option<Stamp>,
    },
    Environment,
    None,
}

/// Every configured key.
pub(crate) struct Keys {
    origin: Mutex<(Origin, Arc<[SigningKey]>)>,
}

impl Keys {
    /// The keys in `file` when one is named, else those in the
    /// environment variable `environment` holds; no keys at all is allowed
    /// (the callback is being set up, and its key is not known yet).
    pub(crate) fn load(file: Option<&Path>, environment: Option<OsString>) -> Result<Self, String> {
        let (origin, keys) = match (file, environment) {
            (Some(path), _) => {
                let (keys, modified) = read_file(path)?;
                let origin = Origin::File {
                    path: path.to_owned(),
                    modified,
                };
                (origin, keys)
            }
            (None, Some(value)) => {
                let text = value.into_string().map_err(|_| {
                    format!("{KEY_VARIABLE} is not UTF-8 text: expected signature keys, one a line")
                })?;
                (Origin::Environment, parse(&text, KEY_VARIABLE)?)
            }
            (None, None) => (Origin::None, Vec::new()),
        };
        Ok(Self {
            origin: Mutex::new((origin, keys.into())),
        })
    }

    /// The keys now, having read the key file again if it changed since
    /// it was last read. A key file that became unreadable or wrong keeps
    /// the keys it held, and the problem is returned to be logged.
    pub(crate) fn current(&self) -> (Arc<[SigningKey]>, Option<String>) {
        let mut guard = self.origin.lock().unwrap_or_else(PoisonError::into_inner);
        let (origin, keys) = &mut *guard;
        let mut problem = None;
        if let Origin::File { path, modified } = origin {
            let now = stamp(path);
            if now != *modified {
                match read_file(path) {
                    Ok((fresh, stamp)) => {
                        *keys = fresh.into();
                        *modified = stamp;
                    }
                    Err(error) => {
                        *modified = now;
                        problem = Some(format!("{error}; the keys read before are kept"));
                    }
                }
            }
        }
        (Arc::clone(keys), problem)
    }

    /// How many keys there are and where they came from, for the log.
    pub(crate) fn describe(&self) -> String {
        let guard = self.origin.lock().unwrap_or_else(PoisonError::into_inner);
        let (origin, keys) = &*guard;
        let count = match keys.len() {
            1 => "1 signature key".to_owned(),
            count => format!("{count} signature keys"),
        };
        match origin {
            Origin::File { path, .. } => {
                format!(
                    "{count} from {}",
                    quoted::as_name(&path.display().to_string())
                )
            }
            Origin::Environment => format!("{count} from {KEY_VARIABLE}"),
            Origin::None => format!(
                "no signature key (--signature-key-file or {KEY_VARIABLE}): \
                 every signed batch is refused until one is configured"
            ),
        }
    }
}

/// When a file was last modified, and its length: a key added within the
/// file system's clock tick still changes the length.
type Stamp = (SystemTime, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The keys in the file and its stamp when read.
fn read_file(path: &Path) -> Result<(Vec<SigningKey>, Option<Stamp>), String> {
    let name = quoted::as_name(&path.display().to_string());
    let cannot =
        |error: std::io::Error| format!("cannot read the signature key file {name}: {error}");
    let modified = stamp(path);
    let bytes = std::fs::read(path).map_err(cannot)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{name} is not UTF-8 text: expected signature keys, one a line"))?;
    Ok((parse(&text, &name)?, modified))
}

/// One key a line; blank lines and lines starting with `#` are skipped,
/// and spaces around a key are not part of it.
fn parse(text: &str, name: &str) -> Result<Vec<SigningKey>, String> {
    let keys: Vec<SigningKey> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(SigningKey::new)
        .collect();
    if keys.is_empty() {
        return Err(format!(
            "{name} holds no key: expected the callback's signatureKey, one key a line"
        ));
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_kept_as_text_and_as_the_bytes_its_base64_decodes_to() {
        let keys = parse(
            "# rotated on 1 March\n V27FXfqI3DnhfQW1bhFDeJixpt8eDAY5R24UJI3cK6M= \n\nnot base64!\n",
            "keys",
        )
        .unwrap();
        assert_eq!(keys.len(), 2);
        assert_eq!(
            keys[0].text,
            b"V27FXfqI3DnhfQW1bhFDeJixpt8eDAY5R24UJI3cK6M="
        );
        assert_eq!(keys[0].decoded.as_ref().map(Vec::len), Some(32));
        assert_eq!(keys[1].decoded, None);
    }

    #[test]
    fn a_file_without_a_key_is_an_error_naming_it() {
        let error = parse("# nothing yet\n\n", "keys.txt").err().unwrap();
        assert!(error.starts_with("keys.txt holds no key"), "{error}");
    }
}
