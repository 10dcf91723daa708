//! The table every command reads codes with, held to core: the built-in
//! table says of every code what `SmsStatus` says, and reads every text as
//! its `FromStr` does.

use mobileconnect_status::{CodeKind, SmsStatus};

use super::{Origin, Status, StatusTable};

fn origin(file: &str) -> Origin {
    Origin {
        path: file.into(),
        shown: file.to_owned(),
        named_by: "--codes",
    }
}

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
        assert_eq!(ours.to_string(), core.to_string(), "{code}");
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
        "04000",
        "00000",
        "99999",
        "0004000",
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

#[test]
fn the_shipped_table_read_at_run_time_is_the_built_in_table() {
    let checked = mobileconnect_status_table::check(crate::check::SHIPPED_TABLE)
        .expect("the shipped table is valid");
    let read = StatusTable::of_checked(origin("status-codes.toml"), &checked);
    let built_in = StatusTable::built_in();
    for code in 0..=u16::MAX {
        let (ours, core) = (read.status(code), built_in.status(code));
        assert_eq!(ours.name(), core.name(), "{code}");
        assert_eq!(ours.definition(), core.definition(), "{code}");
        assert_eq!(ours.note(), core.note(), "{code}");
        assert_eq!(ours.classification(), core.classification(), "{code}");
        assert_eq!(read.classification(code), ours.classification(), "{code}");
    }
    assert_eq!(read.0.rows, built_in.0.rows);
}

#[test]
fn a_code_only_a_table_of_its_own_lists_is_classified_as_that_table_says() {
    let own = "[[status]]\ncode = 4600\nname = \"BlockedByOurGateway\"\n\
        definition = \"Our gateway refused the number.\"\nstage = \"send-service\"\n\
        outcome = \"failed\"\nfinal = \"yes\"\naction = \"suppress-number\"\n";
    let checked = mobileconnect_status_table::check(own).expect("a valid table");
    let table = StatusTable::of_checked(origin("my-codes.toml"), &checked);
    let status = table.status(4600);
    assert_eq!(status.name(), Some("BlockedByOurGateway"));
    assert_eq!(
        status.stage(),
        Some(mobileconnect_status::Stage::SendService)
    );
    assert_eq!(status.outcome(), mobileconnect_status::Outcome::Failed);
    assert_eq!(
        status.action(),
        mobileconnect_status::Action::SuppressNumber
    );
    assert_eq!(
        table
            .read_status("blockedbyourgateway")
            .map(SmsStatus::code),
        Ok(4600)
    );
    // Codes it does not list, 4000 among them, are read as core reads an
    // unlisted code, whatever the built-in table says of them.
    assert!(!table.status(4000).is_listed());
    assert_eq!(
        table.classification(4000),
        super::Classification::unlisted(4000)
    );
    assert!(table.read_status("Delivered").is_err());
}
