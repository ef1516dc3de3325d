//! Writing files so that none is ever seen half-written: a temporary file beside the target,
//! renamed into place with the umask's mode; the output folder proven writable first, and the
//! temporaries of a killed run cleaned up.

use crate::diag::msg;
use std::fs;
use std::io::Write;
use std::path::Path;

use crate::diag::{Diagnostic, Message, display};
use crate::docx::Package;

/// Moves a PDF made in the work folder to `target` (a rename within the output folder, so
/// no half-written PDF is ever seen there).
pub(super) fn place(made: &Path, target: &Path) -> Result<(), Message> {
    if !made.is_file() {
        return Err(msg!("convert-output-folder-removed-while-converting"));
    }
    if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty())
        && !dir.is_dir()
    {
        fs::create_dir_all(dir).map_err(|e| {
            msg!(
                "batch-cannot-create-its-folder",
                e = crate::diag::io_arg(&e)
            )
        })?;
    }
    fs::rename(made, target).map_err(|e| msg!("cli-cannot-write-file", e = crate::diag::io_arg(&e)))
}

pub(super) fn write_parts(
    package: &Package,
    replaced: &[(usize, &[u8])],
    added: &[(String, Vec<u8>)],
    path: &Path,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        fs::create_dir_all(dir)?;
    }
    // The zip is built in memory (the writer seeks back to patch each entry's header), then
    // written with one call to a temporary file renamed into place.
    let size: usize = replaced.iter().map(|(_, b)| b.len() / 4).sum::<usize>() + (1 << 16);
    let zip = package
        .write(
            std::io::Cursor::new(Vec::with_capacity(size)),
            replaced,
            added,
        )
        .map_err(std::io::Error::other)?
        .into_inner();
    write_atomically(path, &zip)
}

/// Writes `bytes` to `path` through a temporary file beside it renamed into place, so no
/// half-written file is ever seen. The file is made with the process's umask (0644 as a
/// rule), not a temporary file's private 0600: colleagues open it from a shared folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vanban-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes one document: the rendered parts in place of the template's, every other entry
/// copied raw; to a temporary file renamed into place, so no half-written file is ever seen.
pub fn write_document(
    package: &Package,
    parts: &[(usize, Vec<u8>)],
    added: &[(String, Vec<u8>)],
    path: &Path,
) -> std::io::Result<()> {
    let replaced: Vec<(usize, &[u8])> = parts.iter().map(|(i, b)| (*i, b.as_slice())).collect();
    write_parts(package, &replaced, added, path)
}

/// Makes the output folder, and proves it can be written, before any document is.
pub fn prepare_out_dir(out: &Path) -> Result<(), Vec<Diagnostic>> {
    let fail = |message: crate::diag::Message| vec![Diagnostic::error(display(out), message)];
    if out.exists() && !out.is_dir() {
        return Err(fail(msg!("batch-output-folder-file")));
    }
    fs::create_dir_all(out).map_err(|e| {
        fail(msg!(
            "batch-cannot-create-output-folder",
            e = crate::diag::io_arg(&e)
        ))
    })?;
    tempfile::Builder::new()
        .prefix(".vanban-")
        .tempfile_in(out)
        .map_err(|e| {
            fail(msg!(
                "batch-cannot-write-output-folder",
                e = crate::diag::io_arg(&e)
            ))
        })?;
    remove_stale_temporaries(out, 3);
    Ok(())
}

/// Temporary files a killed run left behind (`.vanban-*.tmp`, older than ten minutes so a
/// run writing to the same folder at the same time keeps its own), down to `depth` folders.
pub(super) fn remove_stale_temporaries(dir: &Path, depth: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_dir() {
            if depth > 1 {
                remove_stale_temporaries(&path, depth - 1);
            }
            continue;
        }
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 600);
        if name.starts_with(".vanban-") && name.ends_with(".tmp") && old {
            let _ = fs::remove_file(&path);
        }
    }
}
