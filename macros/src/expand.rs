//! Model → tokens. The model is already checked, so nothing here validates
//! or fails. Policy that does not depend on the table (how an unlisted code is
//! classified, what `is_pending` means) lives in the core crate; the
//! generated arms only call it.

use std::fmt::Write as _;
use std::path::Path;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use syn::{Attribute, Visibility};

use crate::table::{Finality, Row, Table};

/// The enum the attribute sits on, without its (empty) body.
pub(crate) struct Shell {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: Visibility,
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
        #(#attrs)*
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
    let variants: Vec<Ident> = table.rows.iter().map(variant).collect();
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
    quote! {
        impl #ident {
            /// Every status the table lists, in code order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];

            /// The status for `code`. Total: a code the table does not list
            /// becomes [`Self::Unrecognized`], keeping the number.
            #[must_use]
            pub const fn from_code(code: u16) -> Self {
                match code {
                    #(#codes => Self::#variants,)*
                    _ => Self::Unrecognized(::mobileconnect_status::UnrecognizedCode::__unlisted(code)),
                }
            }

            /// The numeric code, listed or not.
            #[must_use]
            pub const fn code(self) -> u16 {
                match self {
                    #(Self::#variants => #codes,)*
                    Self::Unrecognized(code) => code.get(),
                }
            }

            /// The table's Status text, e.g. `"Delivered"`; `None` for an unlisted code.
            #[must_use]
            pub const fn name(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Self::#variants => ::core::option::Option::Some(#names),)*
                    Self::Unrecognized(_) => ::core::option::Option::None,
                }
            }

            /// The status with this table name, ignoring ASCII case.
            #[must_use]
            pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                // Exact spelling is the common case and compiles to a
                // direct string match; other casings fall back to a scan.
                match name {
                    #(#names => ::core::option::Option::Some(Self::#variants),)*
                    _ => Self::ALL
                        .iter()
                        .copied()
                        .find(|status| match status.name() {
                            ::core::option::Option::Some(known) => known.eq_ignore_ascii_case(name),
                            ::core::option::Option::None => false,
                        }),
                }
            }

            /// The table's Definition, verbatim; `None` for an unlisted code.
            #[must_use]
            pub const fn definition(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Self::#variants => ::core::option::Option::Some(#definitions),)*
                    Self::Unrecognized(_) => ::core::option::Option::None,
                }
            }

            /// The table's reason for the classification, where it gives one.
            #[must_use]
            pub const fn note(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Self::#variants => #notes,)*
                    Self::Unrecognized(_) => ::core::option::Option::None,
                }
            }
        }
    }
}

/// Arms grouped by value (`A | B => x`), one arm per vocabulary word, so
/// the generated matches stay small and free of repeated bodies.
fn grouped<K: PartialEq + Copy>(table: &Table, key: impl Fn(&Row) -> K) -> Vec<(K, Vec<Ident>)> {
    let mut groups: Vec<(K, Vec<Ident>)> = Vec::new();
    for row in &table.rows {
        let value = key(row);
        match groups.iter_mut().find(|(k, _)| *k == value) {
            Some((_, variants)) => variants.push(variant(row)),
            None => groups.push((value, vec![variant(row)])),
        }
    }
    groups
}

fn classification(shell: &Shell, table: &Table) -> TokenStream {
    let ident = &shell.ident;
    let stage_arms = grouped(table, |row| row.stage).into_iter().map(|(stage, variants)| {
        let stage = Ident::new(stage.variant(), Span::call_site());
        quote! { #(Self::#variants)|* => ::core::option::Option::Some(::mobileconnect_status::Stage::#stage), }
    });
    let outcome_arms = grouped(table, |row| row.outcome)
        .into_iter()
        .map(|(outcome, variants)| {
            let outcome = Ident::new(outcome.variant(), Span::call_site());
            quote! { #(Self::#variants)|* => ::mobileconnect_status::Outcome::#outcome, }
        });
    let action_arms = grouped(table, |row| row.action)
        .into_iter()
        .map(|(action, variants)| {
            let action = Ident::new(action.variant(), Span::call_site());
            quote! { #(Self::#variants)|* => ::mobileconnect_status::Action::#action, }
        });
    let final_arms = grouped(table, |row| row.finality)
        .into_iter()
        .map(|(finality, variants)| {
            let is_final = match finality {
                Finality::Yes => quote! { true },
                Finality::No => quote! { false },
                Finality::SharedCodesOnly => {
                    quote! { matches!(kind, ::mobileconnect_status::CodeKind::Shared) }
                }
            };
            quote! { #(Self::#variants)|* => #is_final, }
        });
    quote! {
        impl #ident {
            /// Which hop of the send this status describes. For an unlisted
            /// code, read from its thousands digit (1–4), else `None`.
            #[must_use]
            pub const fn stage(self) -> ::core::option::Option<::mobileconnect_status::Stage> {
                match self {
                    #(#stage_arms)*
                    Self::Unrecognized(code) => code.stage(),
                }
            }

            /// What this status says about the message; `Unknown` for an unlisted code.
            #[must_use]
            pub const fn outcome(self) -> ::mobileconnect_status::Outcome {
                match self {
                    #(#outcome_arms)*
                    Self::Unrecognized(code) => code.outcome(),
                }
            }

            /// What the sender should do; `Investigate` for an unlisted code.
            #[must_use]
            pub const fn action(self) -> ::mobileconnect_status::Action {
                match self {
                    #(#action_arms)*
                    Self::Unrecognized(code) => code.action(),
                }
            }

            /// Whether no further status is expected, for a message sent
            /// from a code of this `kind`. An unlisted code is never final.
            #[must_use]
            pub const fn is_final_for(self, kind: ::mobileconnect_status::CodeKind) -> bool {
                match self {
                    #(#final_arms)*
                    Self::Unrecognized(code) => code.is_final_for(kind),
                }
            }
        }
    }
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
        assert!(
            tokens.contains(&format!("Some ({literal})")),
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
