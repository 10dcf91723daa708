//! Prints the status table and explains one code.
//!
//! ```text
//! cargo run --example table -- 4504
//! ```

use mobileconnect_status::{CodeKind, SmsStatus};

fn main() {
    println!(
        "{:>5}  {:<48}  {:<12}  {:<9}  {:<17}  action",
        "code", "status", "stage", "outcome", "final"
    );
    for status in SmsStatus::ALL {
        let stage = status.stage().map_or("-", |stage| stage.as_str());
        let final_ = match (status.is_final(), status.is_final_for(CodeKind::Shared)) {
            (true, _) => "yes",
            (false, true) => "shared-codes-only",
            (false, false) => "no",
        };
        println!(
            "{:>5}  {:<48}  {stage:<12}  {:<9}  {final_:<17}  {}",
            status.code(),
            status.name().unwrap_or_default(),
            status.outcome(),
            status.action(),
        );
    }
    let asked = std::env::args().nth(1).unwrap_or_else(|| "4504".to_owned());
    println!();
    match asked.parse::<SmsStatus>() {
        Ok(status) => explain(status),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(2);
        }
    }
}

fn explain(status: SmsStatus) {
    match (status.name(), status.definition()) {
        (Some(name), Some(definition)) => println!("{} {name}: {definition}", status.code()),
        _ => println!(
            "{}: not in this table; treated as unknown, not final, to investigate",
            status.code()
        ),
    }
    println!(
        "stage: {}, outcome: {}, final: {}, action: {}",
        status.stage().map_or("-", |stage| stage.as_str()),
        status.outcome(),
        if status.is_final() { "yes" } else { "no" },
        status.action(),
    );
    if let Some(note) = status.note() {
        println!("why: {note}");
    }
}
