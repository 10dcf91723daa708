//! `SmsStatus::from_str` on arbitrary text: never panics, a success survives
//! `Display` and back, and an error keeps a prefix of the input it names.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mobileconnect_status::SmsStatus;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match text.parse::<SmsStatus>() {
        Ok(status) => {
            assert_eq!(status.to_string().parse::<SmsStatus>(), Ok(status));
            assert_eq!(SmsStatus::from_code(status.code()), status);
        }
        Err(error) => {
            assert!(text.starts_with(error.input()), "{error:?} for {text:?}");
            assert_eq!(error.is_truncated(), error.input().len() < text.len());
            assert!(!error.to_string().is_empty());
        }
    }
});
