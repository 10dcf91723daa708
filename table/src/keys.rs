//! The keys a `[[status]]` block may hold, in one list: for each, whether
//! a block needs it, what its value is, and how it is read. Reading a
//! block, the missing-key messages, the did-you-mean for a misspelt key
//! and the JSON Schema editors use all go by this list.

use std::collections::HashMap;
use std::ops::Range;

use super::diagnostic::{Diagnostic, Diagnostics, visible};
use super::document::{Block, Entry, Spanned, Value};
use super::names::VariantName;
use super::suggest::closest;
use super::table::{Action, Finality, Outcome, Row, Stage};
use super::text::TableText;
use super::values::{code, name, non_blank_text, quoted, word};

/// One key of a `[[status]]` block.
pub(crate) struct Key {
    pub(crate) name: &'static str,
    /// Whether every block must have it.
    pub(crate) required: bool,
    /// What its value is; "add a line" shows it when a block lacks the key.
    pub(crate) value: Expected,
    /// Reads the key's value, named by the first argument, into the
    /// draft, or reports why it cannot.
    read: fn(&str, &Spanned<Value>, &mut Draft, &mut Diagnostics),
    /// Whether the draft holds a usable value for the key: what a row
    /// needs of each required key when the draft becomes one.
    present: fn(&Draft) -> bool,
}

/// What a key's value is. Each holds what the missing key's message
/// suggests: a whole line, as written, or the vocabulary's words.
pub(crate) enum Expected {
    /// A status code, a whole number from 0 to 65535.
    Code(&'static str),
    /// A name the generated enum can use as a variant.
    Name(&'static str),
    /// Text that says something.
    Text(&'static str),
    /// One of a vocabulary's words: `key = one of …`.
    OneOf(&'static [&'static str]),
}

/// Every key, in the order the file's header comment and the blocks list
/// them, which is the order a block's missing keys are reported in.
pub(crate) const KEYS: &[Key] = &[
    Key {
        name: "code",
        required: true,
        value: Expected::Code("code = 4000"),
        read: |key, value, draft, errors| draft.code = code(key, value, errors),
        present: |draft| draft.code.is_some(),
    },
    Key {
        name: "name",
        required: true,
        value: Expected::Name("name = \"Delivered\""),
        read: |key, value, draft, errors| draft.name = name(key, value, errors),
        present: |draft| draft.name.is_some(),
    },
    Key {
        name: "definition",
        required: true,
        value: Expected::Text(
            "definition = \"The message was delivered to the recipient's device.\"",
        ),
        read: |key, value, draft, errors| {
            let expected = "the definition text, in quotes";
            let help = "copy the Definition from the published table, word for word";
            draft.definition = non_blank_text(key, value, expected, help, errors);
        },
        present: |draft| draft.definition.is_some(),
    },
    Key {
        name: "stage",
        required: true,
        value: Expected::OneOf(Stage::WORDS),
        read: |key, value, draft, errors| {
            draft.stage = word(key, value, Stage::WORDS, Stage::from_word, errors);
        },
        present: |draft| draft.stage.is_some(),
    },
    Key {
        name: "outcome",
        required: true,
        value: Expected::OneOf(Outcome::WORDS),
        read: |key, value, draft, errors| {
            draft.outcome = word(key, value, Outcome::WORDS, Outcome::from_word, errors);
        },
        present: |draft| draft.outcome.is_some(),
    },
    Key {
        name: "final",
        required: true,
        value: Expected::OneOf(Finality::WORDS),
        read: |key, value, draft, errors| {
            draft.finality = word(key, value, Finality::WORDS, Finality::from_word, errors);
        },
        present: |draft| draft.finality.is_some(),
    },
    Key {
        name: "action",
        required: true,
        value: Expected::OneOf(Action::WORDS),
        read: |key, value, draft, errors| {
            draft.action = word(key, value, Action::WORDS, Action::from_word, errors);
        },
        present: |draft| draft.action.is_some(),
    },
    Key {
        name: "note",
        required: false,
        value: Expected::Text("note = \"Why the status is classified this way.\""),
        read: |key, value, draft, errors| {
            let expected = "a short reason, in quotes";
            let help = "write a short reason, or remove the line: `note` is optional";
            draft.note = non_blank_text(key, value, expected, help, errors);
        },
        present: |draft| draft.note.is_some(),
    },
];

fn key_named(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|key| key.name == name)
}

/// The names of [`KEYS`], in order, for suggestions and messages: taken
/// from the list when the crate is compiled, so there is still one list.
const KEY_NAMES: [&str; KEYS.len()] = {
    let mut names = [""; KEYS.len()];
    let mut at = 0;
    while at < KEYS.len() {
        names[at] = KEYS[at].name;
        at += 1;
    }
    names
};

/// A block's values as far as they could be read; `None` where a value
/// was missing or wrong (its mistake is already reported).
#[derive(Default)]
pub(crate) struct Draft {
    /// Where the block's `[[status]]` is, for a message about the whole block.
    header: Range<usize>,
    pub(crate) code: Option<Spanned<u16>>,
    pub(crate) name: Option<Spanned<VariantName>>,
    definition: Option<TableText>,
    stage: Option<Stage>,
    outcome: Option<Outcome>,
    finality: Option<Finality>,
    action: Option<Action>,
    note: Option<TableText>,
}

impl Draft {
    /// Reads `block`'s entries by [`KEYS`], reporting keys written twice,
    /// unknown keys and missing ones.
    pub(crate) fn read(block: &Block, errors: &mut Diagnostics) -> Self {
        let mut draft = Self {
            header: block.header.clone(),
            ..Self::default()
        };
        let mut seen: HashMap<&str, &Spanned<String>> = HashMap::new();
        for Entry { key, value } in &block.entries {
            if errors.is_full() {
                break;
            }
            if let Some(first) = seen.insert(key.get_ref(), key) {
                errors.push(repeated_key(key, first));
                continue;
            }
            match key_named(key.get_ref()) {
                Some(known) => (known.read)(known.name, value, &mut draft, errors),
                None => errors.push(unknown_key(key, &KEY_NAMES, "in a [[status]] block")),
            }
        }
        if errors.is_full() {
            // The list is cut here anyway; looking for misspelt keys among
            // a flood of unknown ones would only cost time.
            return draft;
        }
        for key in KEYS {
            if key.required && !seen.contains_key(key.name) && !misspelt(block, key) {
                errors.push(missing_key(key, block.header.clone()));
            }
        }
        draft
    }

    /// The row; or, when a required key has no usable value, `None` and
    /// the message saying so in `errors`. Every such key has been reported
    /// when the block was read, and this runs only on a table without
    /// mistakes, so it does not fail there; should it, the table fails with
    /// the message instead of losing the row.
    pub(crate) fn finish(self, errors: &mut Diagnostics) -> Option<Row> {
        let mut first_missing = None;
        for key in KEYS {
            if key.required && !(key.present)(&self) {
                first_missing = Some(key);
                break;
            }
        }
        let Self {
            header: _,
            code: Some(code),
            name: Some(name),
            definition: Some(definition),
            stage: Some(stage),
            outcome: Some(outcome),
            finality: Some(finality),
            action: Some(action),
            note,
        } = self
        else {
            errors.push(match first_missing {
                Some(key) => missing_key(key, self.header),
                // A key `KEYS` calls optional that the row needs: a mistake
                // in this file, still reported rather than losing the row.
                None => Diagnostic::new(self.header, "this [[status]] block is incomplete"),
            });
            return None;
        };
        Some(Row {
            code: code.into_inner(),
            name: name.into_inner(),
            definition,
            stage,
            outcome,
            finality,
            action,
            note,
        })
    }
}

/// Whether a key the block holds is `required` misspelt. That key is
/// already reported with the right spelling; "missing" on top of it would
/// be the same mistake twice.
fn misspelt(block: &Block, required: &Key) -> bool {
    block.entries.iter().any(|Entry { key, .. }| {
        key_named(key.get_ref()).is_none()
            && closest(key.get_ref(), &KEY_NAMES) == Some(required.name)
    })
}

/// A key this place does not take, with the nearest one it does.
pub(crate) fn unknown_key(key: &Spanned<String>, allowed: &[&str], place: &str) -> Diagnostic {
    let written = key.get_ref();
    let listed = allowed.join(", ");
    let diagnostic = Diagnostic::new(
        key.span(),
        format!("unknown key `{}` {place}", visible(written)),
    )
    .label("not a key this table uses");
    match closest(written, allowed) {
        Some(near) => diagnostic.help(format!("did you mean `{near}`? allowed keys: {listed}")),
        None => diagnostic.help(format!("allowed keys: {listed}")),
    }
}

/// TOML allows a key once per table; the second one is reported, with the
/// first, so neither value is silently the one that counts.
fn repeated_key(key: &Spanned<String>, first: &Spanned<String>) -> Diagnostic {
    Diagnostic::new(
        key.span(),
        format!(
            "`{}` is written twice in this block",
            visible(key.get_ref())
        ),
    )
    .label("written again here")
    .related(first.span(), "first written here")
    .help("each key appears once per [[status]] block; keep one of the lines")
}

fn missing_key(key: &Key, header: Range<usize>) -> Diagnostic {
    let name = key.name;
    let example = match key.value {
        Expected::Code(line) | Expected::Name(line) | Expected::Text(line) => line.to_owned(),
        Expected::OneOf(words) => format!("{name} = one of {}", quoted(words)),
    };
    Diagnostic::new(header, format!("this [[status]] block has no `{name}`"))
        .label(format!("`{name}` missing in this block"))
        .help(format!("add a line: {example}"))
}

#[cfg(test)]
mod tests {
    use super::super::diagnostic::{Diagnostic, Diagnostics};
    use super::super::document;
    use super::{Draft, KEYS};

    const BLOCK: &str = "[[status]]\ncode = 4000\nname = \"Delivered\"\n\
        definition = \"Delivered.\"\nstage = \"handset\"\noutcome = \"delivered\"\n\
        final = \"yes\"\naction = \"none\"\nnote = \"Reached the phone.\"\n";

    /// The draft of the one block in `text`, and what reading it reported.
    fn read(text: &str) -> (Draft, Vec<Diagnostic>) {
        let document = document::read(text).expect("valid TOML");
        let mut errors = Diagnostics::default();
        let draft = Draft::read(&document.blocks[0], &mut errors);
        (draft, errors.finish().err().unwrap_or_default())
    }

    fn without_key(key: &str) -> String {
        BLOCK
            .split_inclusive('\n')
            .filter(|line| !line.starts_with(&format!("{key} =")))
            .collect()
    }

    #[test]
    fn the_block_names_every_key_and_reads_whole() {
        for key in KEYS {
            assert!(
                BLOCK.contains(&format!("\n{} = ", key.name)),
                "{}",
                key.name
            );
        }
        let (draft, errors) = read(BLOCK);
        assert_eq!(errors, []);
        let row = draft.finish(&mut Diagnostics::default()).expect("a row");
        assert_eq!((row.code, row.name.as_str()), (4000, "Delivered"));
    }

    #[test]
    fn each_required_key_missing_is_reported_with_a_line_to_add() {
        for key in KEYS {
            let (draft, errors) = read(&without_key(key.name));
            if !key.required {
                assert_eq!(errors, [], "{} is optional", key.name);
                continue;
            }
            let [error] = errors.as_slice() else {
                panic!("{}: {errors:#?}", key.name);
            };
            assert_eq!(
                error.message,
                format!("this [[status]] block has no `{}`", key.name)
            );
            let help = error.help.as_deref().unwrap_or_default();
            assert!(
                help.starts_with(&format!("add a line: {} = ", key.name)),
                "{help}"
            );
            // Finishing the draft anyway reports the key again rather than
            // dropping the row without a word.
            let mut finishing = Diagnostics::default();
            assert_eq!(draft.finish(&mut finishing), None, "{}", key.name);
            assert_eq!(finishing.finish(), Err(errors.clone()), "{}", key.name);
        }
    }

    #[test]
    fn each_key_is_present_exactly_when_its_line_was_read() {
        for key in KEYS {
            let (whole, _) = read(BLOCK);
            assert!((key.present)(&whole), "{} read but not present", key.name);
            let (without, _) = read(&without_key(key.name));
            assert!(
                !(key.present)(&without),
                "{} present without its line",
                key.name
            );
        }
    }

    #[test]
    fn a_misspelt_key_is_suggested_and_not_also_missing() {
        let (_, errors) = read(&BLOCK.replace("outcome =", "outcom ="));
        let [error] = errors.as_slice() else {
            panic!("{errors:#?}");
        };
        assert_eq!(error.message, "unknown key `outcom` in a [[status]] block");
        assert_eq!(
            error.help.as_deref(),
            Some(
                "did you mean `outcome`? allowed keys: code, name, definition, stage, outcome, final, action, note"
            )
        );
    }
}
