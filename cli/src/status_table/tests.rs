//! The table every command reads codes with, held to core: the built-in
//! table says of every code what `SmsStatus` says, and reads every text as
//! its `FromStr` does.

use mobileconnect_status::{CodeKind, SmsStatus};

use super::{Status, StatusTable};

#[test]
fn the_built_in_table_says_of_every_code_what_core_says() {
    let table = StatusTable::built_in();
    for code in 0..=u16::MAX {
        let core = SmsStatus::from_code(code);
        let ours = table.status(code);
        assert_eq!(ours.code(), code);
        assert_eq!(ours.is_listed(), core.is_recognized(), "{code}");
        assert_eq!(ours.name(), core.name(), "{code}");
        assert_eq!(ours.definition(), core.definition(), "{code}");
        assert_eq!(ours.note(), core.note(), "{code}");
        assert_eq!(ours.stage(), core.stage(), "{code}");
        assert_eq!(ours.outcome(), core.outcome(), "{code}");
        assert_eq!(ours.finality(), core.finality(), "{code}");
        assert_eq!(ours.action(), core.action(), "{code}");
        assert_eq!(table.classification(code), ours.classification(), "{code}");
        for kind in [CodeKind::Shared, CodeKind::Dedicated] {
            assert_eq!(ours.is_final_for(kind), core.is_final_for(kind), "{code}");
        }
    }
    let listed: Vec<u16> = table.listed().map(Status::code).collect();
    let core: Vec<u16> = SmsStatus::ALL.iter().map(|status| status.code()).collect();
    assert_eq!(listed, core);
    assert_eq!(table.listed().count(), table.0.rows.len());
}

#[test]
fn text_is_read_as_core_reads_it_with_the_built_in_table() {
    let mut inputs: Vec<String> = [
        "4000",
        " 4000 ",
        "4000.0",
        "4000.00",
        "4000.5",
        "4000.",
        ".0",
        "4510",
        "0",
        "65535",
        "65536",
        "99999999",
        "40O0",
        "-1",
        "+4000",
        "",
        "   ",
        "\t",
        "4000\n",
        "\u{a0}4000",
        "4000 Delivered",
        "4000  delivered ",
        "4000.0 Delivered",
        "4000 Expired",
        "4510 Delivered",
        "4000 Delivered x",
        "Delivered 4000",
        "Nope",
        "Delivered\u{0}",
        "4000\u{2003}Delivered",
        "x".repeat(100).as_str(),
        "DeliveredToAggregatorX",
    ]
    .map(str::to_owned)
    .to_vec();
    for status in SmsStatus::ALL {
        let name = status.name().expect("a listed name");
        inputs.push(name.to_owned());
        inputs.push(name.to_ascii_lowercase());
        inputs.push(format!(" {} ", name.to_ascii_uppercase()));
        inputs.push(format!("{} {name}", status.code()));
        inputs.push(format!("{}\t{}", status.code(), name.to_ascii_lowercase()));
    }
    let table = StatusTable::built_in();
    for input in &inputs {
        let ours = table.read_status(input).map_err(|error| error.to_string());
        let core = input
            .parse::<SmsStatus>()
            .map_err(|error| error.to_string());
        assert_eq!(ours, core, "{input:?}");
    }
}
