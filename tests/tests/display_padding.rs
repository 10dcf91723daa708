//! `Display` of a status pads, aligns and truncates exactly as the same text
//! in a `String` would, for every code, in core's enum and in an enum
//! expanded downstream.

use mobileconnect_status::SmsStatus;
use mobileconnect_status_tests::regenerated::Status;

/// Each format spec applied to the status and to its unpadded text.
fn formatted(status: &dyn std::fmt::Display) -> [String; 10] {
    [
        format!("{status:<28}"),
        format!("{status:>28}"),
        format!("{status:^29}"),
        format!("{status:*^30}"),
        format!("{status:-<6}"),
        format!("{status:8}"),
        format!("{status:.4}"),
        format!("{status:>12.6}"),
        format!("{status:.0}"),
        format!("{status:.80}"),
    ]
}

#[test]
fn width_fill_alignment_and_precision_apply_as_to_a_string() {
    for code in 0..=u16::MAX {
        for status in [
            &SmsStatus::from_code(code) as &dyn std::fmt::Display,
            &Status::from_code(code),
        ] {
            let text = status.to_string();
            assert_eq!(formatted(status), formatted(&text), "{code}");
        }
    }
}

#[test]
fn the_readme_example_lines_up() {
    let lines: Vec<String> = [4000, 4510, 2000]
        .map(|code| format!("[{:<28}]", SmsStatus::from_code(code)))
        .to_vec();
    assert_eq!(
        lines,
        [
            "[4000 Delivered              ]",
            "[4510                        ]",
            "[2000 DeliveredToAggregator  ]",
        ]
    );
    assert_eq!(
        format!("{:>10}", SmsStatus::Expired),
        "4501 Expired".to_owned()
    );
    assert_eq!(format!("{:_>14}", SmsStatus::Expired), "__4501 Expired");
}
