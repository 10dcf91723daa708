//! The table step on arbitrary text: validation never panics; a valid table
//! has a row for every block, is sorted, unique and expands; every error renders with a line and column
//! inside the text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mobileconnect_status_table::{check, document, expand};
use proc_macro2::TokenStream;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match check(text) {
        Ok(table) => {
            assert!(!table.rows().is_empty());
            assert!(
                table
                    .rows()
                    .windows(2)
                    .all(|pair| pair[0].code < pair[1].code)
            );
            // A row for every block: none dropped without a message.
            let blocks = document::read(text).expect("a valid table is valid TOML");
            assert_eq!(table.rows().len(), blocks.blocks.len());
            let expansion = expand::enum_and_impls("SmsStatus", &table, None);
            let text = format!(
                "{}pub enum SmsStatus {}",
                expansion.attributes, expansion.rest
            );
            let _: TokenStream = text.parse().expect("the generated text lexes");
            // Each definition is in the code as its literal, whose round
            // trip the table crate's unit tests check for every char.
            for row in table.rows() {
                let literal = row.definition.literal();
                assert!(text.contains(&literal), "{:?}", row.definition);
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in &errors {
                assert!(error.span.start <= text.len(), "{error:?}");
                let rendered = error.render("status-codes.toml", text);
                let location = rendered.split(": ").next().unwrap_or_default();
                let parts: Vec<&str> = location.split(':').collect();
                assert_eq!(parts.len(), 3, "{rendered}");
                assert!(
                    parts[1].parse::<usize>().is_ok_and(|line| line >= 1),
                    "{rendered}"
                );
                assert!(
                    parts[2].parse::<usize>().is_ok_and(|column| column >= 1),
                    "{rendered}"
                );
            }
        }
    }
});
