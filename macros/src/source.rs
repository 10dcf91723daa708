//! Finds and reads the table file named in the attribute.

use std::path::{Path, PathBuf};

use crate::reader::{MAX_TABLE_BYTES, table_text, too_large};

/// The table's text and where it came from.
pub(crate) struct Source {
    /// The path as written in the attribute: what the editor knows the file
    /// by, and what every message names (never a machine-specific path).
    pub(crate) shown: String,
    /// Where the file was read, for the `include_bytes!` that makes cargo
    /// rebuild when it changes.
    pub(crate) absolute: PathBuf,
    pub(crate) text: String,
}

/// Where a test harness names the directory its table fixtures live in.
///
/// trybuild compiles each test case as the primary package of a project it
/// generates under the target directory, so `CARGO_MANIFEST_DIR` no longer
/// points near the fixtures. Only primary packages honour this variable:
/// dependencies, such as the core crate with its own table, never move.
pub(crate) const TABLE_DIR_VARIABLE: &str = "MOBILECONNECT_STATUS_TABLE_DIR";

/// Reads `relative` from the invoking crate's manifest directory.
///
/// The directory comes from `CARGO_MANIFEST_DIR` read now, at expansion
/// time: `env!` would freeze this crate's own directory, and the current
/// directory differs between cargo, rust-analyzer and test harnesses.
pub(crate) fn load(relative: &str) -> Result<Source, String> {
    if Path::new(relative).is_absolute() {
        return Err(format!(
            "{relative}: the table path must be relative to the directory of the crate's \
             Cargo.toml, not absolute, so that the crate builds on every machine"
        ));
    }
    let absolute = base_directory(relative)?.join(relative);
    let cannot_read = |error| {
        format!(
            "{relative}: cannot read the status table at {}: {error}",
            absolute.display()
        )
    };
    // Only a regular file, whose length is known before reading: a table
    // path that leads to a device or a pipe would never finish the build.
    let metadata = std::fs::metadata(&absolute).map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(format!(
            "{relative}: the status table at {} is not a file",
            absolute.display()
        ));
    }
    if metadata.len() > MAX_TABLE_BYTES {
        return Err(too_large(relative));
    }
    let bytes = std::fs::read(&absolute).map_err(cannot_read)?;
    let text = table_text(relative, bytes)?;
    Ok(Source {
        shown: relative.to_owned(),
        absolute,
        text,
    })
}

fn base_directory(relative: &str) -> Result<PathBuf, String> {
    let primary = std::env::var_os("CARGO_PRIMARY_PACKAGE").is_some();
    if let Some(directory) = std::env::var_os(TABLE_DIR_VARIABLE).filter(|_| primary) {
        return Ok(PathBuf::from(directory));
    }
    std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).ok_or_else(|| {
        format!("{relative}: CARGO_MANIFEST_DIR is not set, so the table cannot be found; build with cargo")
    })
}
