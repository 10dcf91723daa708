// A table larger than the sizes up to which `from_code` and `from_name` are
// `match`es: the generated code search, hashed name lookup and per-column
// tables agree with the file.
use mobileconnect_status::{Action, CodeKind, Outcome, Stage};

#[mobileconnect_status_macros::status_table("pass/many_rows.toml")]
pub enum Status {}

fn main() {
    let stages = [Stage::SendService, Stage::Aggregator, Stage::Carrier, Stage::Handset];
    let outcomes = [Outcome::Pending, Outcome::Delivered, Outcome::Failed, Outcome::Unknown];
    let actions = [Action::Wait, Action::None, Action::RetryLater, Action::SuppressNumber, Action::Investigate];
    assert_eq!(Status::ALL.len(), 100);
    for (i, status) in Status::ALL.iter().copied().enumerate() {
        let code = u16::try_from(600 * i + 7).unwrap();
        let name = format!("Row{i:03}Status");
        assert_eq!(status.code(), code);
        assert_eq!(Status::from_code(code), status);
        assert_eq!(status.name(), Some(name.as_str()));
        assert_eq!(Status::from_name(&name), Some(status));
        assert_eq!(Status::from_name(&name.to_ascii_uppercase()), Some(status));
        assert_eq!(Status::from_name(&name.to_ascii_lowercase()), Some(status));
        assert_eq!(status.definition(), Some(format!("Definition of row {i}.").as_str()));
        assert_eq!(status.stage(), Some(stages[i % 4]));
        assert_eq!(status.outcome(), outcomes[i % 4]);
        assert_eq!(status.action(), actions[i % 5]);
        let (dedicated, shared) = [(true, true), (false, false), (false, true)][i % 3];
        assert_eq!(status.is_final_for(CodeKind::Dedicated), dedicated);
        assert_eq!(status.is_final_for(CodeKind::Shared), shared);
    }
    for unknown in ["", "Row100Status", "Row000Statu", "Row000Status ", "Unrecognized"] {
        assert_eq!(Status::from_name(unknown), None, "{unknown:?}");
    }
    // Below the first code, between two, and above the last: the search's
    // three ways to miss.
    for code in [0, 8, 65535] {
        let unlisted = Status::from_code(code);
        assert_eq!((unlisted.code(), unlisted.name(), unlisted.definition()), (code, None, None));
    }
}
