//! Output files written whole or not at all.
//!
//! Suppress and retry lists are imported to stop or repeat sends, so a
//! half-written list is worse than none. Every output is checked before
//! the first input is read: it must not be an input or another output
//! (compared as files, so links and `./x` are caught), its directory must
//! exist and take a new file, and it must be a regular file if it exists.
//! Each output is written to a temporary file beside it, flushed and
//! synced, and only when every output is complete are they renamed over
//! their targets. An interrupted or failed run leaves each previous file
//! as it was, or the complete new one; an interruption removes the
//! temporary files.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::fatal::Fatal;
use crate::file_identity::{FileIdentity, directory_of, planned_location};

/// Temporary files not yet renamed into place, for the interrupt handler
/// to remove. Held while outputs are renamed, so an interruption waits for
/// all of them or none.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the temporary files of outputs not yet in place, then exits
/// with 130, as shells expect after Ctrl-C. Called on SIGINT, SIGTERM and
/// SIGHUP.
pub(crate) fn interrupted() -> ! {
    let mut pending = pending();
    // Outputs are renamed into place all under this lock: either none is
    // in place yet, and their temporary files are here, or all are.
    let unchanged = if pending.is_empty() {
        ""
    } else {
        "; no output was changed"
    };
    for path in pending.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    eprintln!("sms-status: interrupted{unchanged}");
    std::process::exit(130)
}

/// An output asked for on the command line.
#[derive(Debug, Clone)]
pub(crate) struct Requested {
    /// The option that named it, for messages: `--suppress-list`.
    pub(crate) option: &'static str,
    pub(crate) path: PathBuf,
}

/// An output being written: a temporary file beside its target.
pub(crate) struct Staged {
    option: &'static str,
    target: PathBuf,
    temporary: PathBuf,
    writer: BufWriter<File>,
}

impl Staged {
    /// The option that named the output: `--suppress-list`.
    pub(crate) fn option(&self) -> &'static str {
        self.option
    }

    /// Where the output's contents go until [`commit`].
    pub(crate) fn writer(&mut self) -> &mut BufWriter<File> {
        &mut self.writer
    }

    fn failed(&self, doing: &str, error: &io::Error) -> Fatal {
        Fatal::new(format!(
            "cannot {doing} {} {}: {error}; no output was changed",
            self.option,
            self.target.display()
        ))
    }
}

impl Drop for Staged {
    /// An output dropped before [`commit`] leaves nothing behind.
    fn drop(&mut self) {
        let mut pending = pending();
        if let Some(at) = pending.iter().position(|path| *path == self.temporary) {
            pending.swap_remove(at);
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

/// Checks every output against the inputs and each other, and opens its
/// temporary file. `inputs` are the files that will be read, by name.
pub(crate) fn stage(
    requested: &[Requested],
    inputs: &[(String, FileIdentity)],
) -> Result<Vec<Staged>, Fatal> {
    // Each output so far: its option, where it will be, and the file there.
    let mut seen: Vec<(&'static str, PathBuf, Option<FileIdentity>)> = Vec::new();
    let mut staged = Vec::with_capacity(requested.len());
    for output in requested {
        let refuse = |why: String| {
            Fatal::new(format!(
                "{} {}: {why} (see sms-status --help)",
                output.option,
                output.path.display()
            ))
        };
        if output.path.as_os_str() == "-" {
            return Err(refuse(
                "this output is written to a file, not to standard output; name a file".to_owned(),
            ));
        }
        if ends_with_separator(&output.path) {
            return Err(refuse(
                "this names a directory; name a file in it".to_owned(),
            ));
        }
        let target = target(&output.path).map_err(refuse)?;
        let identity = FileIdentity::of(&target);
        if let Some((input, _)) = inputs
            .iter()
            .find(|(_, input)| Some(input) == identity.as_ref())
        {
            return Err(refuse(format!(
                "this is the input {input}: triage never writes over its inputs; name another file"
            )));
        }
        let location = planned_location(&target).ok_or_else(|| {
            refuse(format!(
                "the directory {} does not exist",
                directory_of(&target).display()
            ))
        })?;
        let same = |(_, place, file): &&(&'static str, PathBuf, Option<FileIdentity>)| {
            *place == location || (file.is_some() && *file == identity)
        };
        if let Some((other, ..)) = seen.iter().find(same) {
            return Err(refuse(format!(
                "{other} names this file too: one output would overwrite the other; give each its own file"
            )));
        }
        seen.push((output.option, location, identity));
        staged.push(open_temporary(output.option, target).map_err(refuse)?);
    }
    Ok(staged)
}

/// Whether a path ends with a separator (`lists/`): a directory's name,
/// which `Path::file_name` would read as the last component.
fn ends_with_separator(path: &Path) -> bool {
    let text = path.as_os_str().as_encoded_bytes();
    text.last()
        .is_some_and(|&last| std::path::is_separator(char::from(last)))
}

/// The file to replace: the path itself, or the file a symbolic link at
/// it points to, so that the link stays a link. What exists there must be
/// a regular file.
fn target(path: &Path) -> Result<PathBuf, String> {
    let Ok(link) = std::fs::symlink_metadata(path) else {
        return Ok(path.to_owned());
    };
    let metadata = std::fs::metadata(path)
        .map_err(|_| "a symbolic link to a file that does not exist".to_owned())?;
    if metadata.is_dir() {
        return Err("this is a directory; name a file in it".to_owned());
    }
    if !metadata.is_file() {
        return Err("this is not a regular file (a pipe or a device); name a file".to_owned());
    }
    if link.file_type().is_symlink() {
        return path
            .canonicalize()
            .map_err(|error| format!("cannot follow the link: {error}"));
    }
    Ok(path.to_owned())
}

/// Creates a new temporary file beside `target`, never over an existing
/// file.
fn open_temporary(option: &'static str, target: PathBuf) -> Result<Staged, String> {
    let name = target.file_name().map_or_else(
        || "output".into(),
        |name| name.to_string_lossy().into_owned(),
    );
    let mut pending = pending();
    for attempt in 0..100 {
        let temporary = directory_of(&target).join(format!(
            ".{name}.sms-status-{}-{attempt}.tmp",
            std::process::id()
        ));
        match File::options()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => {
                pending.push(temporary.clone());
                return Ok(Staged {
                    option,
                    target,
                    temporary,
                    writer: BufWriter::with_capacity(1 << 16, file),
                });
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => {
                return Err(format!(
                    "cannot write a new file in {}: {error}",
                    directory_of(&target).display()
                ));
            }
        }
    }
    Err(format!(
        "cannot write a new file in {}: 100 temporary names are taken",
        directory_of(&target).display()
    ))
}

/// Completes every output: flushes and syncs each temporary file, then,
/// only if all are complete, renames each over its target. A failure
/// before the renames changes no output.
pub(crate) fn commit(mut staged: Vec<Staged>) -> Result<(), Fatal> {
    for output in &mut staged {
        output
            .writer
            .flush()
            .and_then(|()| output.writer.get_ref().sync_all())
            .map_err(|error| output.failed("write", &error))?;
        // A list that replaces another keeps its permissions.
        if let Ok(existing) = std::fs::metadata(&output.target) {
            let _ = std::fs::set_permissions(&output.temporary, existing.permissions());
        }
    }
    let mut pending = pending();
    for (replaced, output) in staged.iter().enumerate() {
        std::fs::rename(&output.temporary, &output.target).map_err(|error| {
            // Renames within a directory fail only when it vanished or
            // changed permission under the run: say what was replaced.
            let done: Vec<&str> = staged[..replaced]
                .iter()
                .map(|output| output.option)
                .collect();
            Fatal::new(format!(
                "cannot replace {} {}: {error}; outputs already replaced: {}",
                output.option,
                output.target.display(),
                if done.is_empty() {
                    "none".to_owned()
                } else {
                    done.join(", ")
                }
            ))
        })?;
        pending.retain(|path| *path != output.temporary);
        // The rename is durable once the directory is synced too.
        if let Ok(directory) = File::open(directory_of(&output.target)) {
            let _ = directory.sync_all();
        }
    }
    Ok(())
}
