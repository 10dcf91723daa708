//! The classification words read back: `as_str`, `Display`, `FromStr` and
//! serde agree for every value of every vocabulary, and a wrong word is an
//! error that names it and lists the allowed ones.

use std::fmt::Display;
use std::str::FromStr;

use mobileconnect_status::{Action, CodeKind, Finality, Outcome, ParseWordError, Stage};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn round_trips<T>(all: &[T], as_str: fn(T) -> &'static str)
where
    T: Copy
        + PartialEq
        + std::fmt::Debug
        + Display
        + FromStr<Err = ParseWordError>
        + Serialize
        + DeserializeOwned,
{
    for &value in all {
        let word = as_str(value);
        assert_eq!(value.to_string(), word);
        assert_eq!(word.parse::<T>(), Ok(value));
        assert_eq!(
            format!(" {} ", word.to_ascii_uppercase()).parse::<T>(),
            Ok(value)
        );
        let json = serde_json::to_string(&value).expect("serializes");
        assert_eq!(json, format!("\"{word}\""));
        assert_eq!(
            serde_json::from_str::<T>(&json).expect("deserializes"),
            value
        );
    }
    let error = "no such word".parse::<T>().expect_err("not a word");
    assert_eq!(error.input(), "no such word");
    assert_eq!(
        error.allowed(),
        all.iter()
            .map(|&v| as_str(v))
            .collect::<Vec<_>>()
            .as_slice()
    );
    let message = error.to_string();
    assert!(message.contains("\"no such word\""), "{message}");
    assert!(
        all.iter()
            .all(|&v| message.contains(&format!("\"{}\"", as_str(v)))),
        "{message}"
    );
    assert!(
        serde_json::from_str::<T>("\"no such word\"")
            .is_err_and(|e| e.to_string().contains("no such word"))
    );
}

#[test]
fn every_vocabulary_reads_back_its_own_words() {
    round_trips(Stage::ALL, Stage::as_str);
    round_trips(Outcome::ALL, Outcome::as_str);
    round_trips(Finality::ALL, Finality::as_str);
    round_trips(Action::ALL, Action::as_str);
    round_trips(CodeKind::ALL, CodeKind::as_str);
}

#[test]
fn the_error_names_the_vocabulary() {
    let error = "retry-latr".parse::<Action>().expect_err("misspelt");
    assert!(
        error
            .to_string()
            .starts_with("unknown action \"retry-latr\": expected one of \"wait\""),
        "{error}"
    );
    let error = "maybe".parse::<Finality>().expect_err("not a final word");
    assert!(
        error.to_string().starts_with("unknown final \"maybe\""),
        "{error}"
    );
}
