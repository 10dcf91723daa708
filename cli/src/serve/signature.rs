//! Checking `x-sfmc-ens-signature`: base64 of HMAC-SHA256 over the raw
//! body, computed before anything of the body is parsed, with every
//! configured key in both of its forms, and compared in constant time.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::keys::SigningKey;

/// The header ENS puts the signature in.
pub(crate) const HEADER: &str = "x-sfmc-ens-signature";

/// Which form of a key made the signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyForm {
    /// The key's text, as Marketing Cloud shows it.
    Text,
    /// The bytes the key's base64 decodes to.
    Decoded,
}

impl KeyForm {
    /// The word for it, in metrics.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            KeyForm::Text => "text",
            KeyForm::Decoded => "base64_decoded",
        }
    }
}

/// Why a request's signature is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// No signature header.
    Missing,
    /// A header that is not base64 of 32 bytes.
    Malformed,
    /// A well-formed signature that no key made.
    Mismatch,
}

impl Refusal {
    pub(crate) const ALL: [Refusal; 3] = [Refusal::Missing, Refusal::Malformed, Refusal::Mismatch];

    /// The word for it, in metrics and the log.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Refusal::Missing => "missing",
            Refusal::Malformed => "malformed",
            Refusal::Mismatch => "mismatch",
        }
    }
}

/// Which key form signed `body`, or why the signature is refused.
/// `header` is the header's value, if there is one.
pub(crate) fn verify(
    keys: &[SigningKey],
    header: Option<&[u8]>,
    body: &[u8],
) -> Result<KeyForm, Refusal> {
    let header = header.ok_or(Refusal::Missing)?;
    let signature = STANDARD
        .decode(header.trim_ascii())
        .ok()
        .filter(|signature| signature.len() == 32)
        .ok_or(Refusal::Malformed)?;
    for key in keys {
        if signs(&key.text, body, &signature) {
            return Ok(KeyForm::Text);
        }
        if let Some(decoded) = &key.decoded {
            if signs(decoded, body, &signature) {
                return Ok(KeyForm::Decoded);
            }
        }
    }
    Err(Refusal::Mismatch)
}

/// Whether `signature` is the HMAC-SHA256 of `body` under `key`, compared
/// in constant time (`verify_slice`), so that the time taken says nothing
/// of how many bytes of a forged signature were right.
fn signs(key: &[u8], body: &[u8], signature: &[u8]) -> bool {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(signature).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The signature key of Salesforce's create-callback example.
    const KEY: &str = "V27FXfqI3DnhfQW1bhFDeJixpt8eDAY5R24UJI3cK6M=";
    const BODY: &[u8] =
        br#"[{"eventCategoryType":"TransactionalSendEvents.SmsSent","info":{"messageKey":"m-1"}}]"#;

    fn key() -> SigningKey {
        SigningKey {
            text: KEY.as_bytes().to_vec(),
            decoded: STANDARD.decode(KEY).ok(),
        }
    }

    // Known answers computed apart from this code, with Python's hmac:
    // base64(HMAC-SHA256(key, BODY)) for the key's text and its bytes.
    const BY_TEXT: &str = "uNul9TWFLZCJu9hy8/QIMzcP1te/sQdM7rXH45N+G8U=";
    const BY_DECODED: &str = "7b2efzKuRYewP7zyE5X9y+uMjJhCfAUOTEx6rxB22WM=";

    #[test]
    fn a_signature_made_with_the_keys_text_is_accepted_as_text() {
        assert_eq!(
            verify(&[key()], Some(BY_TEXT.as_bytes()), BODY),
            Ok(KeyForm::Text)
        );
    }

    #[test]
    fn a_signature_made_with_the_keys_decoded_bytes_is_accepted_as_decoded() {
        assert_eq!(
            verify(&[key()], Some(BY_DECODED.as_bytes()), BODY),
            Ok(KeyForm::Decoded)
        );
    }

    #[test]
    fn one_changed_byte_of_the_body_is_a_mismatch() {
        let mut body = BODY.to_vec();
        body[10] ^= 1;
        assert_eq!(
            verify(&[key()], Some(BY_TEXT.as_bytes()), &body),
            Err(Refusal::Mismatch)
        );
    }

    #[test]
    fn a_header_that_is_not_base64_of_32_bytes_is_malformed() {
        assert_eq!(
            verify(&[key()], Some(b"not a signature"), BODY),
            Err(Refusal::Malformed)
        );
        assert_eq!(
            verify(&[key()], Some(b"AAAA"), BODY),
            Err(Refusal::Malformed)
        );
        assert_eq!(verify(&[key()], None, BODY), Err(Refusal::Missing));
    }
}
