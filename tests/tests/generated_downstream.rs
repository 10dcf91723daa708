//! The table expanded in another crate (see the library's `regenerated`
//! module, compiled under strict lints) behaves exactly like core's enum.

use mobileconnect_status::{CodeKind, SmsStatus};
use mobileconnect_status_tests::regenerated::Status;

#[test]
fn a_downstream_expansion_agrees_with_core_on_every_code() {
    assert_eq!(Status::ALL.len(), SmsStatus::ALL.len());
    for code in 0..=u16::MAX {
        let ours = Status::from_code(code);
        let core = SmsStatus::from_code(code);
        assert_eq!(ours.code(), code);
        assert_eq!(ours.name(), core.name(), "{code}");
        assert_eq!(ours.definition(), core.definition(), "{code}");
        assert_eq!(ours.note(), core.note(), "{code}");
        assert_eq!(ours.stage(), core.stage(), "{code}");
        assert_eq!(ours.outcome(), core.outcome(), "{code}");
        assert_eq!(ours.action(), core.action(), "{code}");
        for kind in [CodeKind::Shared, CodeKind::Dedicated] {
            assert_eq!(ours.is_final_for(kind), core.is_final_for(kind), "{code}");
        }
        if let Some(name) = core.name() {
            assert_eq!(Status::from_name(name).map(Status::code), Some(code));
        }
    }
}
