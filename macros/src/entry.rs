//! The attribute's front door: parses the attribute and the enum it sits
//! on, runs read → validate → expand, and turns every failure into
//! `compile_error!` next to a usable fallback enum.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::quote_spanned;

use crate::expand::{self, Shell};
use crate::source;
use crate::table::Table;
use crate::validate;

pub(crate) fn status_table(args: TokenStream, item: TokenStream) -> TokenStream {
    let shell = match parse_shell(item) {
        Ok(shell) => shell,
        Err(error) => return error,
    };
    let written = args.to_string();
    let args_span = args
        .clone()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |t| t.span());
    let Some(path) = path_literal(args) else {
        let message = format!(
            "expected the table's path as one plain string, without escapes, \
             e.g. #[status_table(\"status-codes.toml\")]; found `{written}`"
        );
        return fallback(&shell, args_span, &[message]);
    };
    let source = match source::load(&path.value) {
        Ok(source) => source,
        Err(message) => return fallback(&shell, path.span, &[message]),
    };
    match validate::table(&source.text) {
        Ok(table) => expand::enum_and_impls(&shell, &table, Some(&source.absolute)),
        Err(diagnostics) => {
            let messages: Vec<String> = diagnostics
                .iter()
                .map(|d| d.render(&source.shown, &source.text))
                .collect();
            let mut tokens = fallback(&shell, path.span, &messages);
            // Still track the file, so fixing it triggers a rebuild.
            tokens.extend(expand::track_file(&source.absolute));
            tokens
        }
    }
}

/// The attribute's argument: one plain string literal without escapes.
struct PathLiteral {
    value: String,
    span: Span,
}

fn path_literal(args: TokenStream) -> Option<PathLiteral> {
    let mut tokens = args.into_iter();
    let (Some(TokenTree::Literal(literal)), None) = (tokens.next(), tokens.next()) else {
        return None;
    };
    let text = literal.to_string();
    let value = text.strip_prefix('"')?.strip_suffix('"')?;
    if value.contains(['\\', '"']) {
        return None;
    }
    Some(PathLiteral {
        value: value.to_owned(),
        span: literal.span(),
    })
}

fn compile_error(span: Span, message: &str) -> TokenStream {
    quote_spanned! {span=> ::core::compile_error! { #message } }
}

/// The errors, each spanned on the attribute's argument (rustc cannot point
/// into the TOML file, so the message text does), plus the enum generated
/// from an empty table: code using the enum still compiles, and the user sees
/// the real mistakes instead of a cascade of "no variant or method" errors.
fn fallback(shell: &Shell, span: Span, messages: &[String]) -> TokenStream {
    let mut tokens: TokenStream = messages
        .iter()
        .map(|message| compile_error(span, message))
        .collect();
    tokens.extend(expand::enum_and_impls(shell, &Table::default(), None));
    tokens
}

/// The enum the attribute sits on: outer attributes, a visibility, `enum`,
/// its name and an empty body; the table supplies the variants.
pub(crate) fn parse_shell(item: TokenStream) -> Result<Shell, TokenStream> {
    let mut tokens = item.into_iter().peekable();
    let mut attrs = TokenStream::new();
    while let Some(TokenTree::Punct(pound)) = tokens.peek() {
        if pound.as_char() != '#' {
            break;
        }
        attrs.extend(tokens.next());
        match tokens.next() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Bracket => {
                attrs.extend([TokenTree::Group(group)]);
            }
            _ => {
                return Err(compile_error(
                    Span::call_site(),
                    "#[status_table] goes on an empty enum",
                ));
            }
        }
    }
    let mut vis = TokenStream::new();
    if let Some(TokenTree::Ident(word)) = tokens.peek() {
        if word == "pub" {
            vis.extend(tokens.next());
            if let Some(TokenTree::Group(group)) = tokens.peek() {
                if group.delimiter() == Delimiter::Parenthesis {
                    vis.extend(tokens.next());
                }
            }
        }
    }
    let not_enum = |span: Span| compile_error(span, "#[status_table] goes on an empty enum");
    match tokens.next() {
        Some(TokenTree::Ident(word)) if word == "enum" => {}
        Some(other) => return Err(not_enum(other.span())),
        None => return Err(not_enum(Span::call_site())),
    }
    let Some(TokenTree::Ident(ident)) = tokens.next() else {
        return Err(not_enum(Span::call_site()));
    };
    let body_is_empty = matches!(
        (tokens.next(), tokens.next()),
        (Some(TokenTree::Group(body)), None)
            if body.delimiter() == Delimiter::Brace && body.stream().is_empty()
    );
    if !body_is_empty {
        return Err(compile_error(
            ident.span(),
            "#[status_table] goes on an empty enum without generics: the table supplies the variants",
        ));
    }
    Ok(Shell { attrs, vis, ident })
}
