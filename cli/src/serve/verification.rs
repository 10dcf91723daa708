//! The verification body ENS posts, unsigned, when a callback is created:
//! `{"callbackId": "…", "verificationKey": "…"}`. The receiver keeps it
//! and logs the `ens-verify` request that completes the callback, with
//! this same body, as Salesforce's verify-callback page describes.
//!
//! The body comes without a signature, so anyone can send one: its fields
//! are bounded ([`MOST_FIELD_BYTES`]), and whatever of them reaches the log
//! is escaped, so that no body can write a terminal's control sequences or
//! a line of its own into the log.

use std::fmt::Write;

use serde_json::Value;

/// The most bytes a `callbackId` or a `verificationKey` may hold. The id
/// is a UUID (36 characters) and the key a short single-use code; no
/// documented size comes near this, so a longer one is not ENS's.
pub(crate) const MOST_FIELD_BYTES: usize = 512;

/// The characters of a value the log shows when it refuses the value; the
/// rest is cut.
const SHOWN_CHARACTERS: usize = 80;

/// A verification body's two fields.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Verification {
    pub(crate) callback_id: String,
    pub(crate) verification_key: String,
}

impl Verification {
    /// The body read as a verification body: an object whose
    /// `callbackId` and `verificationKey` are strings. `None` for any
    /// other body.
    pub(crate) fn read(body: &[u8]) -> Option<Self> {
        let Ok(Value::Object(fields)) = serde_json::from_slice(body) else {
            return None;
        };
        let text = |name: &str| fields.get(name)?.as_str().map(str::to_owned);
        Some(Self {
            callback_id: text("callbackId")?,
            verification_key: text("verificationKey")?,
        })
    }

    /// Whether a field is longer than [`MOST_FIELD_BYTES`].
    pub(crate) fn is_too_long(&self) -> bool {
        self.callback_id.len() > MOST_FIELD_BYTES || self.verification_key.len() > MOST_FIELD_BYTES
    }

    /// The request the operator sends to Marketing Cloud to finish
    /// creating the callback. The body is written anew from the two
    /// fields, as JSON on one line in printable ASCII: every other
    /// character is written as its `\u` escape, which JSON reads as the
    /// same character, so the request is exact and the log stays plain.
    pub(crate) fn request_to_send(&self) -> String {
        format!(
            "POST /platform/v1/ens-verify HTTP/1.1\n\
             Host: YOUR_SUBDOMAIN.rest.marketingcloudapis.com\n\
             Authorization: Bearer YOUR_ACCESS_TOKEN\n\
             Content-Type: application/json\n\n\
             {{\"callbackId\":{},\"verificationKey\":{}}}",
            ascii_json(&self.callback_id),
            ascii_json(&self.verification_key),
        )
    }
}

/// `value` as a JSON string in printable ASCII.
fn ascii_json(value: &str) -> String {
    let mut json = String::with_capacity(value.len() + 2);
    json.push('"');
    for character in value.chars() {
        match character {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            ' '..='~' => json.push(character),
            _ => {
                let mut units = [0; 2];
                for unit in character.encode_utf16(&mut units) {
                    let _ = write!(json, "\\u{unit:04x}");
                }
            }
        }
    }
    json.push('"');
    json
}

/// A value sent by anyone, for the log: its first characters, quoted and
/// escaped as Rust escapes a string (control and invisible characters
/// among them), and how long it was when it is cut.
pub(crate) fn shown(value: &str) -> String {
    let mut characters = value.chars();
    let start: String = characters.by_ref().take(SHOWN_CHARACTERS).collect();
    if characters.next().is_none() {
        format!("{start:?}")
    } else {
        format!("{start:?}… ({} bytes in all)", value.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verification_body_is_read_and_becomes_the_request_to_send() {
        let body =
            br#"{"callbackId": "65b885ab-c2b4-46fe-85d0-d6cb8be8057d", "verificationKey": "0a1b"}"#;
        let verification = Verification::read(body).unwrap();
        assert_eq!(
            verification.callback_id,
            "65b885ab-c2b4-46fe-85d0-d6cb8be8057d"
        );
        let request = verification.request_to_send();
        assert!(
            request.starts_with("POST /platform/v1/ens-verify HTTP/1.1\n"),
            "{request}"
        );
        assert!(request.ends_with(
            r#"{"callbackId":"65b885ab-c2b4-46fe-85d0-d6cb8be8057d","verificationKey":"0a1b"}"#
        ));
    }

    #[test]
    fn other_bodies_are_not_verification_bodies() {
        assert_eq!(
            Verification::read(br#"[{"callbackId": "a", "verificationKey": "b"}]"#),
            None
        );
        assert_eq!(Verification::read(br#"{"callbackId": "a"}"#), None);
        assert_eq!(
            Verification::read(br#"{"callbackId": 1, "verificationKey": "b"}"#),
            None
        );
        assert_eq!(Verification::read(b"not json"), None);
    }

    #[test]
    fn the_request_to_send_escapes_every_character_outside_printable_ascii_and_means_the_same() {
        let verification = Verification {
            callback_id: "id\"\\".to_owned(),
            verification_key: "a\u{1b}[31mb\u{2028}c\u{202e}d\u{1f600}\n".to_owned(),
        };
        let request = verification.request_to_send();
        let (_, body) = request.split_once("\n\n").unwrap();
        assert!(
            body.bytes().all(|byte| (b' '..=b'~').contains(&byte)),
            "{body}"
        );
        let read: Value = serde_json::from_str(body).unwrap();
        assert_eq!(read["callbackId"], "id\"\\");
        assert_eq!(
            read["verificationKey"],
            verification.verification_key.as_str()
        );
    }

    #[test]
    fn a_value_is_shown_escaped_and_cut() {
        assert_eq!(shown("a\u{1b}b"), r#""a\u{1b}b""#);
        let long = "x".repeat(100_000);
        let short = shown(&long);
        assert!(short.len() < 120, "{short}");
        assert!(short.ends_with("… (100000 bytes in all)"), "{short}");
    }
}
