//! The attribute's front door: parses the attribute and the enum it sits
//! on, runs read → validate → expand, and turns every failure into
//! `compile_error!` next to a usable fallback enum.

use proc_macro2::{Span, TokenStream};
use syn::{Data, DeriveInput, LitStr};

use crate::expand::{self, Shell};
use crate::source;
use crate::table::Table;
use crate::validate;

pub(crate) fn status_table(args: TokenStream, item: TokenStream) -> TokenStream {
    let Ok(path) = syn::parse2::<LitStr>(args) else {
        return syn::Error::new(
            Span::call_site(),
            "expected the table's path as a string, e.g. #[status_table(\"status-codes.toml\")]",
        )
        .to_compile_error();
    };
    let shell = match parse_shell(item) {
        Ok(shell) => shell,
        Err(error) => return error.to_compile_error(),
    };
    let source = match source::load(&path.value()) {
        Ok(source) => source,
        Err(message) => return fallback(&shell, &path, &[message]),
    };
    match validate::table(&source.text) {
        Ok(table) => expand::enum_and_impls(&shell, &table, Some(&source.absolute)),
        Err(diagnostics) => {
            let messages: Vec<String> = diagnostics
                .iter()
                .map(|d| d.render(&source.shown, &source.text))
                .collect();
            let mut tokens = fallback(&shell, &path, &messages);
            // Still track the file, so fixing it triggers a rebuild.
            tokens.extend(expand::track_file(&source.absolute));
            tokens
        }
    }
}

/// The errors, each spanned on the path literal (rustc cannot point into
/// the TOML file, so the message text does), plus the enum generated from an
/// empty table: code using the enum still compiles, and the user sees the
/// table's mistakes instead of a cascade of "no variant or method" errors.
fn fallback(shell: &Shell, path: &LitStr, messages: &[String]) -> TokenStream {
    let mut tokens: TokenStream = messages
        .iter()
        .map(|message| syn::Error::new(path.span(), message).to_compile_error())
        .collect();
    tokens.extend(expand::enum_and_impls(shell, &Table::default(), None));
    tokens
}

/// The enum the attribute sits on must be empty: the table supplies the variants.
pub(crate) fn parse_shell(item: TokenStream) -> syn::Result<Shell> {
    let input: DeriveInput = syn::parse2(item)?;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "#[status_table] goes on an empty enum",
        ));
    };
    if !data.variants.is_empty() || !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "#[status_table] goes on an empty enum without generics: the table supplies the variants",
        ));
    }
    Ok(Shell {
        attrs: input.attrs,
        vis: input.vis,
        ident: input.ident,
    })
}
