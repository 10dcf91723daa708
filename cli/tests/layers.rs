//! Triage's layers show the data's way: nothing in `read/` imports from
//! `resolve/` or `report/`, nothing in `resolve/` from `report/`, and no
//! file of the command line imports, through others, from itself.
//!
//! The sources are read as text: every `use` declaration (brace groups
//! expanded, `crate::`, `super::`, `self::` and child modules resolved),
//! and every path written in the code from `crate::`, `super::` or
//! `self::` (`crate::triage::report::text::write(…)`), is an edge from its
//! file to the file of the module the path reaches.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The command line's sources: `cli/src`.
fn sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

/// The module path of a source file: `lib.rs` is the crate, `x/mod.rs`
/// and `x.rs` are `x`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(sources()).expect("under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|last| last == "mod" || last == "lib" || last == "main")
    {
        parts.pop();
    }
    parts
}

/// The file of the deepest module that `path` (from the crate's root)
/// reaches, if it reaches one below the root.
fn file_of(path: &[String]) -> Option<PathBuf> {
    let mut dir = sources();
    let mut found = None;
    for segment in path {
        let file = dir.join(format!("{segment}.rs"));
        let folder = dir.join(segment);
        if file.is_file() {
            found = Some(file);
            dir = folder;
        } else if folder.join("mod.rs").is_file() {
            found = Some(folder.join("mod.rs"));
            dir = folder;
        } else {
            break;
        }
    }
    found
}

/// The code of `source`: without its tests, which come last in a module
/// whose `super` is the file, and without comments, so that doc links and
/// examples are not read as imports.
fn code(source: &str) -> String {
    let source = source
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or(source);
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of every `use` declaration in `code`, without its `use`,
/// visibility and `;`.
fn use_trees(code: &str) -> Vec<String> {
    let mut trees = Vec::new();
    let mut rest = code;
    while let Some(at) = find_use(rest) {
        let after = &rest[at + "use ".len()..];
        let end = after.find(';').unwrap_or(after.len());
        let tree: String = after[..end].split_whitespace().collect();
        // `use` in a string or a word of prose is no declaration.
        let path_like = tree
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_:{},*".contains(c));
        if path_like && !tree.is_empty() {
            trees.push(tree);
        }
        rest = &after[end..];
    }
    trees
}

/// Every path in `code` that starts from `crate::`, `super::` or
/// `self::`, up to its last segment: what an expression or a type names
/// without importing it (`crate::triage::report::text::write(out)` is
/// `crate::triage::report::text::write`).
fn inline_paths(code: &str) -> Vec<String> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut paths = Vec::new();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| is_word(c) || c == ':' || c == '$') {
                continue;
            }
            let mut end = at;
            loop {
                let word = code[end..]
                    .find(|c: char| !is_word(c))
                    .unwrap_or(code.len() - end);
                if word == 0 {
                    break;
                }
                end += word;
                if code[end..].starts_with("::") && code[end + 2..].starts_with(is_word) {
                    end += 2;
                } else {
                    break;
                }
            }
            paths.push(code[at..end].to_owned());
        }
    }
    paths
}

/// Where the next `use ` keyword starts a declaration in `text`.
fn find_use(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find("use ") {
        let at = from + found;
        let before = text[..at].chars().next_back();
        if before.is_none_or(|c| c.is_whitespace() || c == ';' || c == '{' || c == ')') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Every path a use tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d`
/// and `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let (Some(open), Some(close)) = (tree.find('{'), tree.rfind('}')) else {
        return vec![tree.to_owned()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..close.max(open + 1)];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (at, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .flat_map(|part| expand(&format!("{prefix}{part}")))
        .collect()
}

/// The file `path`, named in `file`, imports from; `None` for another
/// crate, or the file itself.
fn target(file: &Path, path: &str) -> Option<PathBuf> {
    let module = module_of(file);
    let mut segments: Vec<String> = path
        .split("::")
        .map(str::to_owned)
        .filter(|segment| segment != "self" && segment != "*")
        .collect();
    let mut base = match segments.first().map(String::as_str) {
        Some("crate") => {
            segments.remove(0);
            Vec::new()
        }
        Some("super") => {
            let mut base = module.clone();
            while segments.first().is_some_and(|segment| segment == "super") {
                segments.remove(0);
                base.pop();
            }
            base
        }
        Some(first) => {
            let mut child = module.clone();
            child.push(first.to_owned());
            if file_of(&child).is_none_or(|found| module_of(&found) != child) {
                return None;
            }
            module.clone()
        }
        None => return None,
    };
    base.extend(segments);
    file_of(&base).filter(|found| found != file)
}

/// Every file of the command line, and the files it imports from.
fn imports() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut files = Vec::new();
    rust_files(&sources(), &mut files);
    files
        .into_iter()
        .map(|file| {
            let code = code(&std::fs::read_to_string(&file).expect("a source file"));
            let targets = use_trees(&code)
                .iter()
                .flat_map(|tree| expand(tree))
                .chain(inline_paths(&code))
                .filter_map(|path| target(&file, &path))
                .collect();
            (file, targets)
        })
        .collect()
}

fn shown(file: &Path) -> String {
    file.strip_prefix(sources())
        .unwrap_or(file)
        .display()
        .to_string()
}

#[test]
fn each_layer_imports_only_from_the_layers_before_it() {
    let triage = sources().join("triage");
    let layer = |file: &Path| {
        ["read", "resolve", "report"]
            .into_iter()
            .find(|layer| file.starts_with(triage.join(layer)))
    };
    let mut wrong = Vec::new();
    for (file, targets) in imports() {
        let forbidden: &[&str] = match layer(&file) {
            Some("read") => &["resolve", "report"],
            Some("resolve") => &["report"],
            _ => &[],
        };
        for target in targets {
            if layer(&target).is_some_and(|to| forbidden.contains(&to)) {
                wrong.push(format!("{} imports {}", shown(&file), shown(&target)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the data's way:\n{}",
        wrong.join("\n")
    );
}

/// Depth-first from `file`, keeping the path: a file met again on it
/// closes a cycle, which is added to `cycles`.
fn visit(
    file: &Path,
    graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    path: &mut Vec<PathBuf>,
    done: &mut BTreeSet<PathBuf>,
    cycles: &mut Vec<String>,
) {
    if let Some(at) = path.iter().position(|seen| seen == file) {
        let cycle: Vec<String> = path[at..]
            .iter()
            .chain([&path[at]])
            .map(|f| shown(f))
            .collect();
        cycles.push(cycle.join(" -> "));
        return;
    }
    if !done.insert(file.to_owned()) {
        return;
    }
    path.push(file.to_owned());
    for target in graph.get(file).into_iter().flatten() {
        visit(target, graph, path, done, cycles);
    }
    path.pop();
}

#[test]
fn no_file_imports_from_itself_through_others() {
    let graph = imports();
    let (mut done, mut cycles) = (BTreeSet::new(), Vec::new());
    for file in graph.keys() {
        visit(file, &graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_reading_of_imports_finds_what_it_must() {
    assert_eq!(
        expand("crate::triage::{read::Sink,resolve::{Tally,fate::Fate}}"),
        [
            "crate::triage::read::Sink",
            "crate::triage::resolve::Tally",
            "crate::triage::resolve::fate::Fate"
        ]
    );
    let file = sources().join("triage/read/csv/records.rs");
    assert_eq!(
        target(&file, "super::header::Columns"),
        Some(sources().join("triage/read/csv/header.rs"))
    );
    assert_eq!(
        target(&file, "crate::triage::read::values::instant::TimeReader"),
        Some(sources().join("triage/read/values/instant.rs"))
    );
    assert_eq!(target(&file, "std::io"), None);
    assert_eq!(
        inline_paths(
            "let x = crate::triage::report::text::write(out, super::Sink::new());\n\
             std::fs::read(crate::X); f::<crate::a::B>(self::c::D);"
        ),
        [
            "crate::triage::report::text::write",
            "crate::X",
            "crate::a::B",
            "super::Sink::new",
            "self::c::D"
        ]
    );
    let graph = imports();
    assert!(
        graph[&sources().join("triage/resolve/mod.rs")]
            .contains(&sources().join("triage/read/mod.rs")),
        "the tally imports the Sink it is"
    );
}
