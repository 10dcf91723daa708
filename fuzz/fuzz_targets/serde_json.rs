//! Deserializing `SmsStatus` from arbitrary JSON: never panics, a success
//! serializes to its code and reads back the same, and a JSON string is
//! accepted exactly when `FromStr` accepts its text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mobileconnect_status::SmsStatus;

fuzz_target!(|data: &[u8]| {
    let status = serde_json::from_slice::<SmsStatus>(data);
    if let Ok(status) = status {
        let json = serde_json::to_string(&status).expect("a status serializes");
        assert_eq!(json, status.code().to_string());
        assert_eq!(serde_json::from_str::<SmsStatus>(&json).ok(), Some(status));
    }
    if let Ok(text) = serde_json::from_slice::<String>(data) {
        assert_eq!(status.ok(), text.parse::<SmsStatus>().ok(), "{text:?}");
    }
    // Lists, as the wire carries them: one bad item fails the whole list.
    let _ = serde_json::from_slice::<Vec<SmsStatus>>(data);
});
