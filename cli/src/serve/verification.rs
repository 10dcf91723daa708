//! The verification body ENS posts, unsigned, when a callback is created:
//! `{"callbackId": "…", "verificationKey": "…"}`. The receiver keeps it
//! and logs the `ens-verify` request that completes the callback, with
//! this same body, as Salesforce's verify-callback page describes.

use serde_json::Value;

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

    /// The request the operator sends to Marketing Cloud to finish
    /// creating the callback. The body is written anew from the two
    /// fields (the same JSON, on one line), so that nothing in a body
    /// can start another line of the log.
    pub(crate) fn request_to_send(&self) -> String {
        let body = serde_json::json!({
            "callbackId": self.callback_id,
            "verificationKey": self.verification_key,
        });
        format!(
            "POST /platform/v1/ens-verify HTTP/1.1\n\
             Host: YOUR_SUBDOMAIN.rest.marketingcloudapis.com\n\
             Authorization: Bearer YOUR_ACCESS_TOKEN\n\
             Content-Type: application/json\n\n\
             {body}"
        )
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
}
