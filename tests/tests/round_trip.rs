//! Every listed status survives every conversion, and every `u16` survives
//! `from_code`/`code`, listed or not.

use mobileconnect_status::SmsStatus;

#[test]
fn every_u16_round_trips_through_from_code() {
    let mut listed = 0;
    for code in 0..=u16::MAX {
        let status = SmsStatus::from_code(code);
        assert_eq!(status.code(), code);
        assert_eq!(u16::from(status), code);
        assert_eq!(SmsStatus::from(code), status);
        if status.is_recognized() {
            listed += 1;
            assert!(SmsStatus::ALL.contains(&status));
        } else {
            assert!(matches!(status, SmsStatus::Unrecognized(unlisted) if unlisted.get() == code));
        }
    }
    assert_eq!(listed, SmsStatus::ALL.len());
}

#[test]
fn every_row_round_trips_through_name_text_and_serde() {
    for &status in SmsStatus::ALL {
        let name = status.name().expect("listed statuses have names");
        assert_eq!(SmsStatus::from_name(name), Some(status));
        assert_eq!(
            SmsStatus::from_name(&name.to_ascii_lowercase()),
            Some(status)
        );
        assert_eq!(
            SmsStatus::from_name(&name.to_ascii_uppercase()),
            Some(status)
        );
        assert_eq!(name.parse(), Ok(status));
        assert_eq!(status.code().to_string().parse(), Ok(status));
        let shown = status.to_string();
        assert_eq!(shown, format!("{} {name}", status.code()));
        assert_eq!(shown.parse(), Ok(status));
        let json = serde_json::to_string(&status).expect("serializes");
        assert_eq!(json, status.code().to_string());
        assert_eq!(
            serde_json::from_str::<SmsStatus>(&json).expect("deserializes"),
            status
        );
        assert_eq!(
            serde_json::from_str::<SmsStatus>(&format!("\"{name}\"")).expect("by name"),
            status
        );
    }
}

#[test]
fn all_is_in_code_order_without_repeats() {
    assert!(
        SmsStatus::ALL
            .windows(2)
            .all(|pair| pair[0].code() < pair[1].code())
    );
    assert!(SmsStatus::ALL.iter().all(|status| status.is_recognized()));
}

#[test]
fn unlisted_codes_round_trip_unchanged() {
    let status: SmsStatus = "4510".parse().expect("an unlisted code parses");
    assert_eq!(status.to_string(), "4510");
    assert_eq!(status.to_string().parse(), Ok(status));
    assert_eq!(serde_json::to_string(&status).expect("serializes"), "4510");
}
