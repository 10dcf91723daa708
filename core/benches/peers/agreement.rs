//! Every peer must be the same table as `SmsStatus`, or the ratios compare
//! different work. Checked on every `u16` and every name before measuring.

use std::str::FromStr;

use mobileconnect_status::SmsStatus;

use super::derived::DerivedStatus;
use super::handwritten::HandStatus;

/// The first disagreement between `SmsStatus` and a peer, described so the
/// peer's table can be fixed; `Ok` when all agree on every code and name.
pub(crate) fn check() -> Result<(), String> {
    for code in 0..=u16::MAX {
        let ours = SmsStatus::from_code(code);
        let hand = HandStatus::from_code(code);
        if (hand.code(), hand.name()) != (ours.code(), ours.name()) {
            return Err(format!(
                "code {code}: SmsStatus says {:?}, the hand-written table says {:?}",
                ours.name(),
                hand.name()
            ));
        }
        let by_repr = DerivedStatus::from_repr(code).map(DerivedStatus::name);
        let by_primitive = DerivedStatus::try_from(code).ok().map(DerivedStatus::name);
        if by_repr != ours.name() || by_primitive != ours.name() {
            return Err(format!(
                "code {code}: SmsStatus says {:?}, strum FromRepr says {by_repr:?}, \
                 num_enum TryFromPrimitive says {by_primitive:?}",
                ours.name()
            ));
        }
    }
    for status in SmsStatus::ALL {
        let name = status.name().unwrap_or_default();
        for spelling in [name.to_owned(), name.to_ascii_lowercase()] {
            let hand = HandStatus::from_str(&spelling).ok().map(HandStatus::code);
            let derived = DerivedStatus::from_str(&spelling).ok().map(u16::from);
            if hand != Some(status.code()) || derived != Some(status.code()) {
                return Err(format!(
                    "name {spelling:?}: SmsStatus says {}, the hand-written table says \
                     {hand:?}, strum EnumString says {derived:?}",
                    status.code()
                ));
            }
        }
    }
    Ok(())
}
