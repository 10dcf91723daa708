//! SMS event kinds as Salesforce writes them: ENS's
//! `TransactionalSendEvents.SmsSent`, the Transactional Messaging API's
//! `TransactionalSendEvents.SMSNotSent` and bare names, each read to one
//! kind that says what its `statusCode` holds.

use mobileconnect_status::{Action, EventCode, EventKind, Outcome};

#[test]
fn every_spelling_salesforce_uses_reads_to_its_kind() {
    let cases = [
        ("TransactionalSendEvents.SmsSent", EventKind::Sent),
        ("TransactionalSendEvents.SMSSent", EventKind::Sent),
        ("SMSQueued", EventKind::Queued),
        ("TransactionalSendEvents.SmsNotSent", EventKind::NotSent),
        ("TransactionalSendEvents.SMSNotSent", EventKind::NotSent),
        ("transactionalsendevents.smsnotsent", EventKind::NotSent),
        (" SmsTransient ", EventKind::Transient),
        ("TransactionalSendEvents.SmsDelivered", EventKind::Delivered),
        ("TransactionalSendEvents.SmsBounced", EventKind::Bounced),
    ];
    for (text, kind) in cases {
        assert_eq!(text.parse::<EventKind>(), Ok(kind), "{text}");
    }
    for &kind in EventKind::ALL {
        assert_eq!(kind.to_string().parse::<EventKind>(), Ok(kind));
        let json = serde_json::to_string(&kind).expect("serializes");
        assert_eq!(serde_json::from_str::<EventKind>(&json).ok(), Some(kind));
    }
}

#[test]
fn other_kinds_and_categories_are_errors_naming_the_input() {
    for text in [
        "TransactionalSendEvents.EmailSent",
        "EngagementEvents.SmsSent",
        "SmsSent.",
        "Sms",
        "",
    ] {
        let error = text.parse::<EventKind>().expect_err(text);
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("unknown SMS event kind {text:?}")),
            "{message}"
        );
        assert!(message.contains("\"SmsNotSent\""), "{message}");
    }
}

#[test]
fn the_kind_says_what_its_status_code_holds() {
    let held: Vec<(EventKind, EventCode, Option<Outcome>, Option<Action>)> = EventKind::ALL
        .iter()
        .map(|&kind| (kind, kind.code(), kind.outcome(), kind.action()))
        .collect();
    assert_eq!(
        held,
        [
            (
                EventKind::Queued,
                EventCode::Absent,
                Some(Outcome::Pending),
                Some(Action::Wait)
            ),
            (
                EventKind::Sent,
                EventCode::Absent,
                Some(Outcome::Pending),
                Some(Action::Wait)
            ),
            (
                EventKind::NotSent,
                EventCode::NotSentReason,
                Some(Outcome::Failed),
                Some(Action::Investigate)
            ),
            (EventKind::Transient, EventCode::Status, None, None),
            (EventKind::Delivered, EventCode::Status, None, None),
            (EventKind::Bounced, EventCode::Status, None, None),
        ]
    );
}
