//! A user's `#[derive]` of a trait the expansion implements: taken out of
//! the derive, and reported with the reason.
//!
//! Left in, it would meet the generated impl as a wall of "conflicting
//! implementations" errors (and, for the comparison traits, impls that
//! compare variants instead of codes). Taken out, the crate compiles but
//! for one error per such trait, on the trait's name in the derive, saying
//! why it is not needed.
//!
//! Only derives written after `#[status_table]` reach the attribute: rustc
//! expands a `#[derive]` above it first, on the empty enum, before the
//! attribute runs. The crate's docs say to put `#[status_table]` first.
//!
//! Written with plain loops over `proc_macro` tokens and no collections of
//! streams: every crate that uses the table compiles this crate, and a
//! first version built on iterators, `Vec`s of streams and a struct per
//! conflict cost its compile clearly more (BENCHMARKS.md, "Cold build, in
//! instructions").

use proc_macro::{Delimiter, Group, Punct, Spacing, TokenStream, TokenTree};

use crate::compile_error::compile_error;

/// What the expansion implements for every enum, by the name a derive
/// would give it: std's derives and serde's (which the expansion
/// implements with core's `serde` feature), and `Display`, `FromStr`,
/// `From` and `Into` for crates such as `derive_more`. Core's
/// `__status_traits!` (core/src/generated.rs) writes the impls.
const IMPLEMENTED: &[&str] = &[
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Display",
    "FromStr",
    "From",
    "Into",
    "Serialize",
    "Deserialize",
];

/// `attrs` (`#` `[...]` pairs) without the derives of traits in
/// [`IMPLEMENTED`]; for each one taken out, a `compile_error!` on its name
/// in `errors`. A derive left empty is dropped whole; other derives and
/// attributes are kept as written.
pub(crate) fn remove_implemented(
    attrs: TokenStream,
    enum_name: &str,
    errors: &mut TokenStream,
) -> TokenStream {
    let mut kept = TokenStream::new();
    let mut pound = None;
    for token in attrs {
        let TokenTree::Group(attr) = token else {
            pound = Some(token);
            continue;
        };
        let attr = match derive_list(&attr) {
            Some(list) => {
                let remaining = without_implemented(&list, enum_name, errors);
                if remaining.is_empty() {
                    pound = None;
                    continue;
                }
                rebuilt_derive(&attr, &list, remaining)
            }
            None => attr,
        };
        kept.extend(pound.take());
        kept.extend([TokenTree::Group(attr)]);
    }
    kept
}

/// The parenthesised list of `#[derive(...)]`, or `None` for any other
/// attribute.
fn derive_list(attr: &Group) -> Option<Group> {
    let mut inner = attr.stream().into_iter();
    match (inner.next(), inner.next(), inner.next()) {
        (Some(TokenTree::Ident(word)), Some(TokenTree::Group(list)), None)
            if word.to_string() == "derive" && list.delimiter() == Delimiter::Parenthesis =>
        {
            Some(list)
        }
        _ => None,
    }
}

/// The derive's comma-separated paths without those whose last segment
/// names a trait in [`IMPLEMENTED`] (`Clone`, `std::clone::Clone`,
/// `serde::Serialize`).
fn without_implemented(derived: &Group, enum_name: &str, errors: &mut TokenStream) -> TokenStream {
    let mut remaining = TokenStream::new();
    let mut path = TokenStream::new();
    let mut last = None;
    let mut tokens = derived.stream().into_iter();
    loop {
        let token = tokens.next();
        match &token {
            Some(TokenTree::Punct(punct)) if punct.as_char() == ',' => {}
            Some(TokenTree::Ident(ident)) => {
                last = Some(ident.clone());
                path.extend(token);
                continue;
            }
            Some(_) => {
                path.extend(token);
                continue;
            }
            None => {}
        }
        // The end of one path: keep it, or report it.
        let name = last.as_ref().map(ToString::to_string);
        match (last.take(), name) {
            (Some(ident), Some(name)) if IMPLEMENTED.contains(&name.as_str()) => {
                errors.extend(compile_error(ident.span(), &message(&name, enum_name)));
            }
            (Some(_), _) => {
                if !remaining.is_empty() {
                    remaining.extend([TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
                }
                remaining.extend(path);
            }
            (None, _) => {}
        }
        path = TokenStream::new();
        if token.is_none() {
            return remaining;
        }
    }
}

/// `[derive(paths)]`, spanned as the original attribute and list.
fn rebuilt_derive(attr: &Group, list: &Group, paths: TokenStream) -> Group {
    let mut group = Group::new(Delimiter::Parenthesis, paths);
    group.set_span(list.span());
    let mut body = TokenStream::new();
    body.extend(attr.stream().into_iter().next());
    body.extend([TokenTree::Group(group)]);
    let mut rebuilt = Group::new(Delimiter::Bracket, body);
    rebuilt.set_span(attr.span());
    rebuilt
}

fn message(derived: &str, enum_name: &str) -> String {
    let why = match derived {
        "Serialize" | "Deserialize" => {
            " when mobileconnect-status's `serde` feature is on (enable the feature \
             instead: the generated impls write the integer code and read integers, \
             numeric strings and names, keeping unlisted codes)"
        }
        "PartialEq" | "Eq" | "PartialOrd" | "Ord" | "Hash" => {
            " by code (so the highest code wins and an unlisted code compares by its number)"
        }
        _ => "",
    };
    format!(
        "remove `{derived}` from this derive: #[status_table] implements {derived} \
         for `{enum_name}` itself{why}; it implements Clone, Copy, Debug, Display, \
         FromStr, PartialEq, Eq, PartialOrd, Ord, Hash, From<u16> and Into<u16> for \
         every generated enum, and Serialize and Deserialize with the `serde` feature"
    )
}
