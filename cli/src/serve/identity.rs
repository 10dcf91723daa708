//! An event's identity. ENS gives events no id and delivers at least
//! once, so the receiver derives one from what an event says, and stores
//! each identity once.
//!
//! An event that core's `SmsEvent` reads is identified by its kind
//! (`eventCategoryType`), `info.messageKey`, the code in `info.statusCode`
//! as its kind reads it (a status or a not-sent reason; none for
//! `SmsSent`), `timestampUTC` and `info.ordinal` (the part of a
//! multi-part message). Two deliveries of one event agree on all of
//! these, however their JSON is laid out or spelt (`"4000"` or `4000`).
//! Fields that do not change what triage concludes (`compositeId`,
//! `mid`, the status message) are left out, so a copy that differs only
//! there is still a copy. Any other event is identified by its exact
//! bytes: a broken event sent again is the same broken event.
//!
//! The identity is the first 16 bytes of SHA-256 over the fields, each
//! written with its length first so that no two lists of fields write the
//! same bytes. 128 bits make a collision between two different events
//! negligible (about 10^-20 among a billion events).

use mobileconnect_status::payload::{EventStatus, SmsEvent};
use sha2::{Digest, Sha256};

/// The identity of one event.
pub(crate) type Identity = [u8; 16];

/// The identity of an event read by `SmsEvent`.
pub(crate) fn of_event(event: &SmsEvent) -> Identity {
    let code = match event.status {
        EventStatus::Status(status) => status.code().to_string(),
        EventStatus::NotSent(Some(reason)) => reason.to_string(),
        _ => String::new(),
    };
    let timestamp = event
        .timestamp_utc
        .map(|millis| millis.to_string())
        .unwrap_or_default();
    hash(&[
        b"sms-event/1",
        event.kind.as_str().as_bytes(),
        event.info.message_key.as_bytes(),
        code.as_bytes(),
        timestamp.as_bytes(),
        event.info.ordinal.as_deref().unwrap_or_default().as_bytes(),
    ])
}

/// The identity of an event `SmsEvent` cannot read: its exact text.
pub(crate) fn of_text(text: &[u8]) -> Identity {
    hash(&[b"text/1", text])
}

fn hash(fields: &[&[u8]]) -> Identity {
    let mut sha = Sha256::new();
    for field in fields {
        sha.update((field.len() as u64).to_le_bytes());
        sha.update(field);
    }
    let digest = sha.finalize();
    let mut identity = [0; 16];
    identity.copy_from_slice(&digest[..16]);
    identity
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(json: &str) -> Identity {
        of_event(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn copies_laid_out_or_spelt_differently_are_one_event() {
        let one = event(
            r#"{"eventCategoryType":"TransactionalSendEvents.SmsDelivered","timestampUTC":1790949799000,
                "compositeId":"m-1.3","info":{"messageKey":"m-1","statusCode":"4000","to":"15550100001"}}"#,
        );
        let same = event(
            r#"{ "info": { "to": "15550100001", "statusCode": 4000, "messageKey": "m-1" },
                 "timestampUTC": 1790949799000, "compositeId": "m-1.3-resent",
                 "eventCategoryType": "TransactionalSendEvents.SmsDelivered" }"#,
        );
        assert_eq!(one, same);
    }

    #[test]
    fn a_different_code_time_kind_or_part_is_another_event() {
        let base = r#"{"eventCategoryType":"TransactionalSendEvents.SmsTransient","timestampUTC":1,"info":{"messageKey":"m-1","statusCode":"3000","ordinal":"0"}}"#;
        let others = [
            base.replace("3000", "3001"),
            base.replace(r#""timestampUTC":1"#, r#""timestampUTC":2"#),
            base.replace("SmsTransient", "SmsDelivered"),
            base.replace(r#""ordinal":"0""#, r#""ordinal":"1""#),
            base.replace("m-1", "m-2"),
        ];
        for other in &others {
            assert_ne!(event(base), event(other), "{other}");
        }
    }

    #[test]
    fn fields_cannot_run_into_each_other() {
        assert_ne!(hash(&[b"ab", b"c"]), hash(&[b"a", b"bc"]));
    }
}
