//! `my-codes.toml` keeps the published rows as mobileconnect-status has
//! them: after an upgrade of the crate, this names each row to update.

#![deny(warnings)]

use my_gateway::MyStatus;

#[test]
fn the_published_rows_are_ours_too() {
    for &published in mobileconnect_status::SmsStatus::ALL {
        let ours = MyStatus::from_code(published.code());
        assert!(ours.is_recognized(), "add {published} to my-codes.toml");
        assert_eq!(ours.name(), published.name(), "{published}: name");
        assert_eq!(
            ours.definition(),
            published.definition(),
            "{published}: definition"
        );
        assert_eq!(ours.stage(), published.stage(), "{published}: stage");
        assert_eq!(ours.outcome(), published.outcome(), "{published}: outcome");
        assert_eq!(ours.finality(), published.finality(), "{published}: final");
        assert_eq!(ours.action(), published.action(), "{published}: action");
    }
}
