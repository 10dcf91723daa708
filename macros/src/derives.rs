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

use proc_macro::{Delimiter, Group, Span, TokenStream, TokenTree};

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

/// A derived trait the expansion implements: where it was written and
/// what to tell the user.
pub(crate) struct Conflict {
    pub(crate) span: Span,
    pub(crate) message: String,
}

/// `attrs` without the derives of traits in [`IMPLEMENTED`], and one
/// [`Conflict`] per derive removed. A derive left empty is dropped whole;
/// other derives and attributes are kept as written.
pub(crate) fn remove_implemented(
    attrs: TokenStream,
    enum_name: &str,
) -> (TokenStream, Vec<Conflict>) {
    let mut kept = TokenStream::new();
    let mut conflicts = Vec::new();
    let mut tokens = attrs.into_iter();
    while let Some(pound) = tokens.next() {
        let Some(TokenTree::Group(attr)) = tokens.next() else {
            // The entry point only passes `#` `[...]` pairs.
            kept.extend([pound]);
            continue;
        };
        match derive_list(&attr) {
            Some(list) => {
                let remaining = without_implemented(&list, enum_name, &mut conflicts);
                if !remaining.is_empty() {
                    kept.extend([pound, rebuilt_derive(&attr, remaining)]);
                }
            }
            None => kept.extend([pound, TokenTree::Group(attr)]),
        }
    }
    (kept, conflicts)
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

/// The derive's paths, comma-separated, without those whose last segment
/// names a trait in [`IMPLEMENTED`] (`Clone`, `std::clone::Clone`,
/// `serde::Serialize`).
fn without_implemented(
    derived: &Group,
    enum_name: &str,
    conflicts: &mut Vec<Conflict>,
) -> Vec<TokenStream> {
    let mut remaining = Vec::new();
    let mut path: Vec<TokenTree> = Vec::new();
    let mut tokens = derived.stream().into_iter();
    loop {
        let token = tokens.next();
        let at_end = match &token {
            None => true,
            Some(TokenTree::Punct(punct)) => punct.as_char() == ',',
            Some(_) => false,
        };
        if !at_end {
            path.extend(token);
            continue;
        }
        match path.last() {
            Some(TokenTree::Ident(trait_name))
                if IMPLEMENTED.contains(&trait_name.to_string().as_str()) =>
            {
                conflicts.push(Conflict {
                    span: trait_name.span(),
                    message: message(&trait_name.to_string(), enum_name),
                });
            }
            Some(_) => remaining.push(path.iter().cloned().collect()),
            None => {}
        }
        path.clear();
        if token.is_none() {
            return remaining;
        }
    }
}

/// `[derive(paths)]` with the original spans.
fn rebuilt_derive(attr: &Group, paths: Vec<TokenStream>) -> TokenTree {
    let mut list = TokenStream::new();
    for (index, path) in paths.into_iter().enumerate() {
        if index > 0 {
            list.extend([TokenTree::Punct(proc_macro::Punct::new(
                ',',
                proc_macro::Spacing::Alone,
            ))]);
        }
        list.extend(path);
    }
    let mut inner = attr.stream().into_iter();
    let derive = inner.next();
    let original = inner.next();
    let mut group = Group::new(Delimiter::Parenthesis, list);
    if let Some(original) = original {
        group.set_span(original.span());
    }
    let mut body: TokenStream = derive.into_iter().collect();
    body.extend([TokenTree::Group(group)]);
    let mut rebuilt = Group::new(Delimiter::Bracket, body);
    rebuilt.set_span(attr.span());
    TokenTree::Group(rebuilt)
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
