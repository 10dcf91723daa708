//! Every function and trait the generated enum has, used as a service would:
//! nothing was derived or written by hand for `MyStatus`.

#![deny(warnings)]

use std::collections::{BTreeSet, HashSet};

use mobileconnect_status::{
    Action, CodeKind, Finality, Outcome, ParseErrorKind, ParseStatusError, SmsStatus, Stage,
};
use my_gateway::{MyStatus, from_published, latest, to_published};

#[test]
fn the_table_is_the_published_one_plus_our_code() {
    assert_eq!(MyStatus::ALL.len(), SmsStatus::ALL.len() + 1);
    let codes: Vec<u16> = MyStatus::ALL.iter().map(|status| status.code()).collect();
    assert!(
        codes.windows(2).all(|pair| pair[0] < pair[1]),
        "in code order"
    );
    assert_eq!(codes.last(), Some(&4600));

    let ours = MyStatus::BlockedByOurGateway;
    assert_eq!(MyStatus::from_code(4600), ours);
    assert_eq!(ours.name(), Some("BlockedByOurGateway"));
    assert_eq!(MyStatus::from_name("blockedbyourgateway"), Some(ours));
    assert_eq!(MyStatus::from_name("NoSuchStatus"), None);
    assert!(
        ours.definition()
            .is_some_and(|text| text.contains("block list"))
    );
    assert!(ours.note().is_some());
    assert_eq!(ours.stage(), Some(Stage::Handset));
    assert_eq!(ours.outcome(), Outcome::Failed);
    assert_eq!(ours.finality(), Finality::Yes);
    assert_eq!(ours.action(), Action::SuppressNumber);
    assert!(ours.is_final() && ours.is_final_for(CodeKind::Shared));
    assert!(ours.is_failure() && !ours.is_pending() && !ours.is_delivered());
    assert!(!ours.is_retryable() && ours.is_recognized());
}

#[test]
fn the_shortcuts_follow_the_classification() {
    assert!(MyStatus::Enroute.is_pending());
    assert!(MyStatus::Delivered.is_delivered());
    assert!(MyStatus::Expired.is_retryable());
    assert!(MyStatus::DeliveredToAggregator.is_final_for(CodeKind::Shared));
    assert!(!MyStatus::DeliveredToAggregator.is_final());
    assert_eq!(MyStatus::Unknown.outcome(), Outcome::Unknown);
}

#[test]
fn an_unlisted_code_is_kept_and_classified_conservatively() {
    let unlisted = MyStatus::from_code(4510);
    assert!(!unlisted.is_recognized());
    let MyStatus::Unrecognized(code) = unlisted else {
        panic!("4510 is not in our table");
    };
    assert_eq!(code.get(), 4510);
    assert_eq!(unlisted.code(), 4510);
    assert_eq!(
        (unlisted.name(), unlisted.definition(), unlisted.note()),
        (None, None, None)
    );
    assert_eq!(unlisted.stage(), Some(Stage::Handset));
    assert_eq!(unlisted.outcome(), Outcome::Unknown);
    assert_eq!(unlisted.action(), Action::Investigate);
    assert!(!unlisted.is_final());
}

#[test]
fn text_in_and_out() {
    let status: MyStatus = " 4600 ".parse().expect("a padded code");
    assert_eq!(status, MyStatus::BlockedByOurGateway);
    assert_eq!("4600 BlockedByOurGateway".parse(), Ok(status));
    assert_eq!(status.to_string(), "4600 BlockedByOurGateway");
    assert_eq!(format!("[{status:<28}]"), "[4600 BlockedByOurGateway    ]");
    assert_eq!(format!("{status:?}"), "BlockedByOurGateway");
    assert_eq!(
        format!("{:?}", MyStatus::from_code(4999)),
        "Unrecognized(UnrecognizedCode(4999))"
    );
    let error: ParseStatusError = "46O0".parse::<MyStatus>().expect_err("a typo");
    assert_eq!(error.kind(), ParseErrorKind::Invalid);
    assert_eq!(error.input(), "46O0");
}

#[test]
fn copies_compare_hash_and_order_by_code() {
    let status = MyStatus::Delivered;
    let copy = status;
    #[allow(clippy::clone_on_copy, reason = "Clone is part of what is checked")]
    let clone = status.clone();
    assert_eq!((copy, clone), (status, status));
    assert!(MyStatus::BlockedByOurGateway > MyStatus::Delivered);
    assert!(MyStatus::from_code(4510) > MyStatus::Delivered);
    assert_eq!(
        MyStatus::Delivered.cmp(&MyStatus::from_code(4000)),
        std::cmp::Ordering::Equal
    );
    let set: HashSet<MyStatus> = [status, copy, MyStatus::from_code(4000)].into();
    assert_eq!(set.len(), 1);
    let ordered: BTreeSet<MyStatus> = MyStatus::ALL.iter().copied().collect();
    assert_eq!(ordered.len(), MyStatus::ALL.len());
    let resolved = latest([
        ("m-1", MyStatus::Delivered),
        ("m-1", MyStatus::Enroute),
        ("m-2", MyStatus::DeliveredToAggregator),
        ("m-2", MyStatus::BlockedByOurGateway),
    ]);
    assert_eq!(resolved["m-1"], MyStatus::Delivered);
    assert_eq!(resolved["m-2"], MyStatus::BlockedByOurGateway);
}

#[test]
fn conversions_go_through_the_code() {
    assert_eq!(MyStatus::from(4000_u16), MyStatus::Delivered);
    assert_eq!(u16::from(MyStatus::BlockedByOurGateway), 4600);
    assert_eq!(from_published(SmsStatus::Expired), MyStatus::Expired);
    assert_eq!(to_published(MyStatus::Expired), SmsStatus::Expired);
    let private = to_published(MyStatus::BlockedByOurGateway);
    assert!(!private.is_recognized(), "4600 is only in our table");
    assert_eq!(private.code(), 4600);
    for &published in SmsStatus::ALL {
        assert_eq!(to_published(from_published(published)), published);
    }
}
