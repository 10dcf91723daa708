//! The attribute's front door: parses the attribute and the enum it sits
//! on, runs read → check → expand, and turns every failure into
//! `compile_error!` next to a usable fallback enum.
//!
//! It works on `proc_macro`'s own types, as `lib.rs` and `derives` do,
//! rather than on `proc-macro2`'s, which would be one more crate in every
//! user's cold build. `proc_macro`'s functions panic outside a compiler
//! expansion, so this module stays thin: the expansion is text from
//! `mobileconnect-status-table`, tested there without a compiler, and is
//! lexed here, the user's own tokens kept as they came between the
//! generated attributes and the rest of the enum.

use proc_macro::{Delimiter, Ident, Span, TokenStream, TokenTree};

use crate::reader::expand::{self, Expansion};
use crate::reader::{Table, check};

use crate::compile_error::compile_error;
use crate::derives;
use crate::source;

pub(crate) fn status_table(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut shell = match parse_shell(item) {
        Ok(shell) => shell,
        Err(error) => return error,
    };
    let name = shell.name();
    let mut tokens = TokenStream::new();
    shell.attrs = derives::remove_implemented(shell.attrs, &name, &mut tokens);
    tokens.extend(expand_table(&shell, args));
    tokens
}

/// The enum and its impls from the table the attribute names, or the
/// errors in it next to the fallback enum.
fn expand_table(shell: &Shell, args: TokenStream) -> TokenStream {
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
        return fallback(shell, args_span, &[message]);
    };
    let source = match source::load(&path.value) {
        Ok(source) => source,
        Err(message) => return fallback(shell, path.span, &[message]),
    };
    match check(&source.text) {
        Ok(table) => {
            let expansion = expand::enum_and_impls(&shell.name(), &table, Some(&source.absolute));
            shell.complete(&expansion, path.span)
        }
        Err(diagnostics) => {
            let messages: Vec<String> = diagnostics
                .iter()
                .map(|d| d.render(&source.shown, &source.text))
                .collect();
            let mut tokens = fallback(shell, path.span, &messages);
            // Still track the file, so fixing it triggers a rebuild.
            match lex(&expand::track_file(&source.absolute)) {
                Ok(track) => tokens.extend(track),
                Err(problem) => tokens.extend(compile_error(path.span, &problem)),
            }
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

/// Generated text as tokens. Failing is a bug in the expansion, never the
/// table's doing (names are checked identifiers, other text is a string
/// literal), so the message asks for a report rather than a fix.
fn lex(text: &str) -> Result<TokenStream, String> {
    let report = |cause: &str| {
        format!(
            "#[status_table] generated code that rustc cannot read{cause}; \
             this is a bug in mobileconnect-status-macros, please report it with the table"
        )
    };
    // rustc may report a lexing error itself and panic instead of
    // returning `Err` (rust-lang/rust#58736); the panic is caught so the
    // build still gets the message and the fallback enum.
    match std::panic::catch_unwind(|| text.parse::<TokenStream>()) {
        Ok(Ok(tokens)) => Ok(tokens),
        Ok(Err(error)) => Err(report(&format!(" ({error})"))),
        Err(_) => Err(report("")),
    }
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
    let empty = expand::enum_and_impls(&shell.name(), &Table::default(), None);
    tokens.extend(shell.complete(&empty, span));
    tokens
}

/// The enum the attribute sits on, without its (empty) body. Its tokens are
/// emitted as the user wrote them, spans included: errors about the enum and
/// go-to-definition then land on the user's `enum SmsStatus`.
struct Shell {
    attrs: TokenStream,
    vis: TokenStream,
    keyword: Ident,
    ident: Ident,
}

impl Shell {
    /// The enum's name as the generated text writes it.
    fn name(&self) -> String {
        self.ident.to_string()
    }

    /// The user's tokens with the generated ones around them, in the order
    /// [`Expansion`] gives. Should the text not lex, the error spanned on
    /// `span`, and the enum from an empty table if that lexes.
    fn complete(&self, expansion: &Expansion, span: Span) -> TokenStream {
        self.assemble(expansion).unwrap_or_else(|problem| {
            let mut tokens = compile_error(span, &problem);
            let empty = expand::enum_and_impls(&self.name(), &Table::default(), None);
            tokens.extend(self.assemble(&empty).ok());
            tokens
        })
    }

    fn assemble(&self, expansion: &Expansion) -> Result<TokenStream, String> {
        let attributes = lex(&expansion.attributes)?;
        let rest = lex(&expansion.rest)?;
        let mut tokens = self.attrs.clone();
        tokens.extend(attributes);
        tokens.extend(self.vis.clone());
        tokens.extend([
            TokenTree::Ident(self.keyword.clone()),
            TokenTree::Ident(self.ident.clone()),
        ]);
        tokens.extend(rest);
        Ok(tokens)
    }
}

/// The enum the attribute sits on: outer attributes, a visibility, `enum`,
/// its name and an empty body; the table supplies the variants.
fn parse_shell(item: TokenStream) -> Result<Shell, TokenStream> {
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
        if word.to_string() == "pub" {
            vis.extend(tokens.next());
            if let Some(TokenTree::Group(group)) = tokens.peek() {
                if group.delimiter() == Delimiter::Parenthesis {
                    vis.extend(tokens.next());
                }
            }
        }
    }
    let not_enum = |span: Span| compile_error(span, "#[status_table] goes on an empty enum");
    let keyword = match tokens.next() {
        Some(TokenTree::Ident(word)) if word.to_string() == "enum" => word,
        Some(other) => return Err(not_enum(other.span())),
        None => return Err(not_enum(Span::call_site())),
    };
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
    Ok(Shell {
        attrs,
        vis,
        keyword,
        ident,
    })
}
