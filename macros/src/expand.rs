//! Model → tokens. The model is already checked, so nothing here validates
//! or fails. Policy that does not depend on the table (how an unlisted code is
//! classified, what `is_pending` means) lives in the core crate; the
//! generated arms only call it.

use std::fmt::Write as _;
use std::path::Path;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::table::{Row, Table};

/// The enum the attribute sits on, without its (empty) body.
pub(crate) struct Shell {
    pub(crate) attrs: TokenStream,
    pub(crate) vis: TokenStream,
    pub(crate) ident: Ident,
}

/// The enum and its inherent functions; with `table_file`, also the
/// `include_bytes!` that makes cargo rebuild when the file changes.
pub(crate) fn enum_and_impls(
    shell: &Shell,
    table: &Table,
    table_file: Option<&Path>,
) -> TokenStream {
    let mut tokens = enum_definition(shell, table);
    tokens.extend(lookups(shell, table));
    tokens.extend(classification(shell, table));
    if let Some(path) = table_file {
        tokens.extend(track_file(path));
    }
    tokens
}

/// `proc_macro::tracked_path` is unstable; including the bytes is the stable
/// way to make the file part of the crate's dependency info, in every profile.
pub(crate) fn track_file(path: &Path) -> TokenStream {
    let path = path.to_string_lossy();
    quote! { const _: &[u8] = ::core::include_bytes!(#path); }
}

fn variant(row: &Row) -> Ident {
    Ident::new(&row.name, Span::call_site())
}

fn code(row: &Row) -> Literal {
    Literal::u16_unsuffixed(row.code)
}

fn enum_definition(shell: &Shell, table: &Table) -> TokenStream {
    let Shell { attrs, vis, ident } = shell;
    let table_doc = doc_table(ident, table);
    let variants = table.rows.iter().map(|row| {
        let doc = variant_doc(row);
        let name = variant(row);
        quote! { #[doc = #doc] #name, }
    });
    quote! {
        #attrs
        #[doc = #table_doc]
        #[non_exhaustive]
        #vis enum #ident {
            #(#variants)*
            /// A code the table does not list (yet). The number is kept and
            /// round-trips unchanged; it is classified conservatively: stage
            /// from the thousands digit, outcome unknown, not final, action
            /// investigate. It never holds a listed code.
            Unrecognized(::mobileconnect_status::UnrecognizedCode),
        }
    }
}

fn doc_table(ident: &Ident, table: &Table) -> String {
    let mut doc = String::from(
        "\n\n# The table\n\n| Code | Status | Stage | Outcome | Final | Action |\n|---:|---|---|---|---|---|\n",
    );
    for row in &table.rows {
        let _ = writeln!(
            doc,
            "| {} | [`{name}`]({ident}::{name}) | {} | {} | {} | {} |",
            row.code,
            row.stage.word(),
            row.outcome.word(),
            row.finality.word(),
            row.action.word(),
            name = row.name,
        );
    }
    doc
}

fn variant_doc(row: &Row) -> String {
    let mut doc = format!(
        " {}\n\nCode **{}** · stage: {} · outcome: {} · final: {} · action: {}",
        markdown_text(&row.definition),
        row.code,
        row.stage.word(),
        row.outcome.word(),
        row.finality.word(),
        row.action.word(),
    );
    if let Some(note) = &row.note {
        let _ = write!(doc, "\n\n*Why:* {}", markdown_text(note));
    }
    doc
}

/// `text` as markdown that rustdoc renders back to exactly `text`, so a
/// definition reads the same in the docs as in the table.
///
/// Every ASCII punctuation character is backslash-escaped, which `CommonMark`
/// allows for all of them: no emphasis, code span, link, heading, list,
/// table cell, HTML tag or entity can start, and rustdoc's smart punctuation
/// leaves quotes and dashes alone. A line break becomes `<br>` because a
/// bare newline would be joined into the line (and two would start a new
/// paragraph). Only the doc text is escaped: `definition()` returns the
/// table's text verbatim.
fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 4);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => escaped.push_str("<br>\n"),
            c if c.is_ascii_punctuation() => {
                escaped.push('\\');
                escaped.push(c);
            }
            c => escaped.push(c),
        }
    }
    escaped
}

fn lookups(shell: &Shell, table: &Table) -> TokenStream {
    let ident = &shell.ident;
    let count = table.rows.len();
    let variants: Vec<Ident> = table.rows.iter().map(variant).collect();
    let indexes = 0..count;
    let codes: Vec<Literal> = table.rows.iter().map(code).collect();
    let names: Vec<&str> = table.rows.iter().map(|row| row.name.as_str()).collect();
    let definitions = table.rows.iter().map(|row| row.definition.as_str());
    let notes = table.rows.iter().map(|row| {
        if let Some(note) = &row.note {
            quote! { ::core::option::Option::Some(#note) }
        } else {
            quote! { ::core::option::Option::None }
        }
    });
    // rustc lowers a `match` on integers to a jump table or a tree of
    // compares: faster than a binary search at every size measured, up to
    // 10,000 rows. Variants are named through the enum, not `Self`: with
    // `Self::Variant` in every arm, rustc's type checking of `ALL` and
    // `row()` took 5 times as long at 10,000 rows and grew with the square
    // of the rows (its path resolution walks the variants).
    let from_code_body = quote! {
        match code {
            #(#codes => #ident::#variants,)*
            _ => Self::Unrecognized(::mobileconnect_status::UnrecognizedCode::__unlisted(code)),
        }
    };
    let from_name_body = from_name_body(table);
    quote! {
        impl #ident {
            /// Every status the table lists, in code order.
            pub const ALL: &'static [Self] = &[#(#ident::#variants),*];

            /// The row of a listed status in the tables below; one past
            /// the last row for an unlisted code. The one `match` over all
            /// variants: rustc's time for a `match` grows faster than its
            /// arms, so every other lookup reads a table by this row.
            #[inline]
            const fn row(self) -> usize {
                match self {
                    #(#ident::#variants => #indexes,)*
                    Self::Unrecognized(_) => #count,
                }
            }

            /// The status for `code`. Total: a code the table does not list
            /// becomes [`Self::Unrecognized`], keeping the number.
            #[must_use]
            #[inline]
            pub const fn from_code(code: u16) -> Self {
                #from_code_body
            }

            /// The numeric code, listed or not.
            #[must_use]
            #[inline]
            pub const fn code(self) -> u16 {
                const CODES: &[u16] = &[#(#codes),*];
                match self {
                    Self::Unrecognized(code) => code.get(),
                    listed => CODES[listed.row()],
                }
            }

            /// The table's Status text, e.g. `"Delivered"`; `None` for an unlisted code.
            #[must_use]
            #[inline]
            pub const fn name(self) -> ::core::option::Option<&'static str> {
                const NAMES: &[&str] = &[#(#names),*];
                let row = self.row();
                if row < NAMES.len() { ::core::option::Option::Some(NAMES[row]) } else { ::core::option::Option::None }
            }

            /// The status with this table name, ignoring ASCII case.
            #[must_use]
            #[inline]
            pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                #from_name_body
            }

            /// The table's Definition, verbatim; `None` for an unlisted code.
            #[must_use]
            pub const fn definition(self) -> ::core::option::Option<&'static str> {
                const DEFINITIONS: &[&str] = &[#(#definitions),*];
                let row = self.row();
                if row < DEFINITIONS.len() { ::core::option::Option::Some(DEFINITIONS[row]) } else { ::core::option::Option::None }
            }

            /// The table's reason for the classification, where it gives one.
            #[must_use]
            pub const fn note(self) -> ::core::option::Option<&'static str> {
                const NOTES: &[::core::option::Option<&str>] = &[#(#notes),*];
                let row = self.row();
                if row < NOTES.len() { NOTES[row] } else { ::core::option::Option::None }
            }
        }
    }
}

fn classification(shell: &Shell, table: &Table) -> TokenStream {
    let ident = &shell.ident;
    let stages = table.rows.iter().map(|row| {
        let stage = Ident::new(row.stage.variant(), Span::call_site());
        quote! { ::mobileconnect_status::Stage::#stage }
    });
    let outcomes = table.rows.iter().map(|row| {
        let outcome = Ident::new(row.outcome.variant(), Span::call_site());
        quote! { ::mobileconnect_status::Outcome::#outcome }
    });
    let actions = table.rows.iter().map(|row| {
        let action = Ident::new(row.action.variant(), Span::call_site());
        quote! { ::mobileconnect_status::Action::#action }
    });
    let finalities = table.rows.iter().map(|row| {
        let finality = Ident::new(row.finality.variant(), Span::call_site());
        quote! { ::mobileconnect_status::Finality::#finality }
    });
    quote! {
        impl #ident {
            /// Which hop of the send this status describes. For an unlisted
            /// code, read from its thousands digit (1–4), else `None`.
            #[must_use]
            pub const fn stage(self) -> ::core::option::Option<::mobileconnect_status::Stage> {
                const STAGES: &[::mobileconnect_status::Stage] = &[#(#stages),*];
                match self {
                    Self::Unrecognized(code) => code.stage(),
                    listed => ::core::option::Option::Some(STAGES[listed.row()]),
                }
            }

            /// What this status says about the message; `Unknown` for an unlisted code.
            #[must_use]
            pub const fn outcome(self) -> ::mobileconnect_status::Outcome {
                const OUTCOMES: &[::mobileconnect_status::Outcome] = &[#(#outcomes),*];
                match self {
                    Self::Unrecognized(code) => code.outcome(),
                    listed => OUTCOMES[listed.row()],
                }
            }

            /// What the sender should do; `Investigate` for an unlisted code.
            #[must_use]
            pub const fn action(self) -> ::mobileconnect_status::Action {
                const ACTIONS: &[::mobileconnect_status::Action] = &[#(#actions),*];
                match self {
                    Self::Unrecognized(code) => code.action(),
                    listed => ACTIONS[listed.row()],
                }
            }

            /// Whether another status can follow: the table's `final` column.
            /// `No` for an unlisted code.
            #[must_use]
            pub const fn finality(self) -> ::mobileconnect_status::Finality {
                const FINALITIES: &[::mobileconnect_status::Finality] = &[#(#finalities),*];
                match self {
                    Self::Unrecognized(code) => code.finality(),
                    listed => FINALITIES[listed.row()],
                }
            }

            /// Whether no further status is expected, for a message sent
            /// from a code of this `kind`. An unlisted code is never final.
            #[must_use]
            pub const fn is_final_for(self, kind: ::mobileconnect_status::CodeKind) -> bool {
                self.finality().is_final_for(kind)
            }
        }
    }
}

/// Up to this many rows, `from_name` is a `match`: for a short table a few
/// length compares beat hashing the name. Above it, the `match` would cost
/// time linear in the rows, so name hashes are binary-searched instead.
const MATCHED_NAMES_MAX_ROWS: usize = 64;

fn from_name_body(table: &Table) -> TokenStream {
    if table.rows.len() <= MATCHED_NAMES_MAX_ROWS {
        let variants: Vec<Ident> = table.rows.iter().map(variant).collect();
        let names: Vec<&str> = table.rows.iter().map(|row| row.name.as_str()).collect();
        return quote! {
            // Exact spelling is the common case and compiles to a direct
            // string match. Other casings take one pass of guards, each
            // comparing lengths first, so a wrong name costs one compare.
            match name {
                #(#names => ::core::option::Option::Some(Self::#variants),)*
                #(known if known.eq_ignore_ascii_case(#names) => ::core::option::Option::Some(Self::#variants),)*
                _ => ::core::option::Option::None,
            }
        };
    }
    // The row number, not the variant: a constant holding every variant
    // costs rustc's constant validation time growing with the square of
    // the rows, and `ALL` already holds them. The table has at most
    // `validate::MAX_ROWS` (20,000) rows, so a row number fits in a `u16`.
    let mut hashed: Vec<(u64, usize)> = table
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (folded_name_hash(&row.name), index))
        .collect();
    hashed.sort_by_key(|(hash, _)| *hash);
    let name_hashes = hashed.iter().map(|(hash, _)| Literal::u64_suffixed(*hash));
    let rows = hashed
        .iter()
        .map(|(_, row)| Literal::usize_unsuffixed(*row));
    quote! {
        // Every listed name by the FNV-1a hash of its lower-case bytes,
        // sorted: one pass over the input, a binary search over integers,
        // then one real comparison (two names can share a hash).
        const BY_NAME_HASH: &[(u64, u16)] = &[#((#name_hashes, #rows)),*];
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in name.bytes() {
            hash = (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
        }
        let first = BY_NAME_HASH.partition_point(|(known, _)| *known < hash);
        BY_NAME_HASH[first..]
            .iter()
            .take_while(|(known, _)| *known == hash)
            .map(|&(_, row)| Self::ALL[usize::from(row)])
            .find(|status| matches!(status.name(), ::core::option::Option::Some(known) if known.eq_ignore_ascii_case(name)))
    }
}

/// The hash the generated `from_name` computes at run time, computed here
/// for the table's names: FNV-1a over the ASCII-lower-case bytes.
fn folded_name_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use quote::quote;

    use super::{enum_and_impls, markdown_text};
    use crate::entry::parse_shell;
    use crate::validate;

    const REAL: &str = include_str!("../../status-codes.toml");

    fn expanded(toml: &str) -> String {
        let table = validate::table(toml).expect("a valid table");
        let shell = parse_shell(quote! { #[derive(Clone, Copy)] pub enum SmsStatus {} })
            .expect("an empty enum");
        enum_and_impls(
            &shell,
            &table,
            Some(Path::new("/project/status-codes.toml")),
        )
        .to_string()
    }

    #[test]
    fn the_same_table_gives_byte_identical_tokens() {
        let first = expanded(REAL);
        for _ in 0..5 {
            assert_eq!(expanded(REAL), first);
        }
    }

    #[test]
    fn block_order_in_the_file_does_not_change_the_tokens() {
        let header_line = "\n[[status]]\n";
        let (header, blocks) = REAL.split_once(header_line).expect("the table has blocks");
        let mut blocks: Vec<String> = blocks
            .split(header_line)
            .map(|b| format!("{}\n", b.trim_end()))
            .collect();
        blocks.reverse();
        let reversed = format!("{header}{header_line}{}", blocks.join(header_line));
        assert_ne!(reversed, REAL);
        assert_eq!(expanded(&reversed), expanded(REAL));
    }

    #[test]
    fn every_row_becomes_a_documented_variant_and_a_table_line() {
        let tokens = expanded(REAL);
        for name in [
            "QueuedToSfmcSendService",
            "DeliveredToAggregator",
            "FailedDueToInvalidDestinationAddress",
        ] {
            assert!(tokens.contains(&format!("{name} ,")), "variant {name}");
            assert!(
                tokens.contains(&format!("[`{name}`](SmsStatus::{name})")),
                "doc table line for {name}"
            );
        }
        assert!(tokens.contains("include_bytes ! (\"/project/status-codes.toml\")"));
    }

    /// What rustdoc shows for text written by `markdown_text`: the
    /// backslash escapes and the `<br>` line breaks undone.
    fn rendered(markdown: &str) -> String {
        let mut text = String::new();
        let mut chars = markdown.replace("<br>\n", "\n").chars().collect::<Vec<_>>();
        chars.reverse();
        while let Some(c) = chars.pop() {
            if c == '\\' {
                let escaped = chars.pop().expect("an escape is followed by a character");
                assert!(escaped.is_ascii_punctuation(), "escaped {escaped:?}");
                text.push(escaped);
            } else {
                assert!(
                    !c.is_ascii_punctuation(),
                    "{c:?} left unescaped in {markdown:?}"
                );
                text.push(c);
            }
        }
        text
    }

    #[test]
    fn markdown_and_html_in_a_definition_are_shown_as_written() {
        let hostile = "*not emphasis* _nor_ `code` [link](x) <b>bold</b> &amp; # | \\ \"q\" */ r#\"x\"# -- ...";
        let escaped = markdown_text(hostile);
        assert!(escaped.starts_with("\\*not emphasis\\* \\_nor\\_ \\`code\\`"));
        assert!(escaped.contains("\\<b\\>bold\\<\\/b\\> \\&amp\\; \\# \\| \\\\ \\\""));
        assert_eq!(rendered(&escaped), hostile);
    }

    #[test]
    fn line_breaks_stay_line_breaks_and_other_text_is_untouched() {
        assert_eq!(markdown_text("a\nb\r\nc\rd"), "a<br>\nb<br>\nc<br>\nd");
        assert_eq!(
            markdown_text("Zustellung an das Gerät 📱"),
            "Zustellung an das Gerät 📱"
        );
        let every_ascii: String = (0_u8..=127).map(char::from).collect();
        assert_eq!(
            rendered(&markdown_text(&every_ascii)),
            every_ascii.replace('\r', "\n")
        );
    }

    #[test]
    fn the_docs_escape_a_definition_but_definition_returns_it_verbatim() {
        let definition = "Use <b>\\\\</b> & \\\"*/\\\" # [x]";
        let toml = REAL.replacen(
            "definition = \"The message was delivered to the recipient’s device.\"",
            &format!("definition = \"{definition}\""),
            1,
        );
        assert_ne!(toml, REAL);
        let tokens = expanded(&toml);
        let verbatim = "Use <b>\\</b> & \"*/\" # [x]";
        let literal = proc_macro2::Literal::string(verbatim).to_string();
        // The verbatim literal can only be the definitions table's entry:
        // the doc string holds the escaped text.
        assert!(
            tokens.contains(&literal),
            "definition() returns the text verbatim"
        );
        let doc =
            proc_macro2::Literal::string(&format!(" {}", markdown_text(verbatim))).to_string();
        assert!(
            tokens.contains(&doc[..doc.len() - 1]),
            "the doc holds the escaped text"
        );
    }
}
