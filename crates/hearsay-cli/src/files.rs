//! Everything the commands read and write: inputs (a file or standard
//! input) read whole under one size limit, the one directory walk, and the
//! [`Sink`] every output goes through.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use hearsay_core::format::Export;
use hearsay_core::learn::Bundle;

use crate::Failure;

/// Inputs larger than this are refused (files without being read).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The extensions `extract` reads from a folder.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// An I/O error's message without Rust's "(os error N)" suffix.
pub fn io_message(e: &io::Error) -> String {
    let message = e.to_string();
    match message.find(" (os error") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// One input: a file, or standard input (given as `-`).
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// `-` is standard input, anything else a file.
    pub fn from_arg(path: &Path) -> Input {
        if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(path.to_path_buf())
        }
    }

    /// The name used in messages and (reduced to its file name) in exports.
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "stdin".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The whole input, refusing anything over [`MAX_BYTES`] (a file whose
    /// size says so without reading it). The error is the reason alone,
    /// for the caller to put after the input's name.
    pub fn read_bytes(&self) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        let read = match self {
            Input::Stdin => io::stdin()
                .lock()
                .take(MAX_BYTES + 1)
                .read_to_end(&mut bytes),
            Input::File(path) => {
                let file = fs::File::open(path).map_err(|e| io_message(&e))?;
                let meta = file.metadata().map_err(|e| io_message(&e))?;
                if meta.is_dir() {
                    return Err("is a directory".to_string());
                }
                if meta.len() > MAX_BYTES {
                    return Err(too_large(Some(meta.len())));
                }
                file.take(MAX_BYTES + 1).read_to_end(&mut bytes)
            }
        };
        read.map_err(|e| io_message(&e))?;
        if bytes.len() as u64 > MAX_BYTES {
            // Standard input, or a file that grew while it was read.
            return Err(too_large(None));
        }
        Ok(bytes)
    }

    /// The whole input as UTF-8 text without a leading byte order mark
    /// (see [`Input::read_bytes`]).
    pub fn read_text(&self) -> Result<String, String> {
        let mut text = String::from_utf8(self.read_bytes()?)
            .map_err(|e| format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))?;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Ok(text)
    }

    /// HTML by extension, or (for standard input and other files) by a
    /// leading doctype or `<html>` tag.
    pub fn is_html(&self, text: &str) -> bool {
        if let Input::File(p) = self
            && has_extension(p, &["html", "htm"])
        {
            return true;
        }
        let head: String = text.trim_start().chars().take(14).collect();
        let head = head.to_ascii_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    }
}

/// The one message for an input over [`MAX_BYTES`], with its size when
/// known.
fn too_large(size: Option<u64>) -> String {
    let limit = MAX_BYTES / (1024 * 1024);
    match size {
        Some(size) => format!(
            "too large ({:.1} MiB; the limit is {limit} MiB)",
            size as f64 / (1024.0 * 1024.0)
        ),
        None => format!("too large (over the limit of {limit} MiB)"),
    }
}

/// Reads and validates one hearsay export; the error names the file and
/// the record.
/// The model bundle at `path`, or the shipped one when there is none. A
/// bundle that cannot be read or is damaged stops the command, naming it.
pub fn load_bundle(path: Option<&Path>) -> Result<Bundle, Failure> {
    let Some(path) = path else {
        return Ok(Bundle::shipped().clone());
    };
    let name = path.display();
    let bytes = Input::from_arg(path)
        .read_bytes()
        .map_err(|m| Failure::Fatal(format!("{name}: {m}")))?;
    Bundle::read(&bytes).map_err(|e| Failure::Fatal(format!("{name}: {e}")))
}

pub fn load_export(path: &Path) -> Result<Export, Failure> {
    let name = path.display();
    let text = Input::from_arg(path)
        .read_text()
        .map_err(|m| Failure::Fatal(format!("{name}: {m}")))?;
    Export::parse(&text).map_err(|e| Failure::Fatal(format!("{name}: {e}")))
}

/// True if `path`'s extension is one of `extensions`, in any case.
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The files under `dir`, recursively and sorted; with `extensions`, only
/// those with one of them (in any case). Symbolic links to files are
/// followed, to directories not. On an error the walk stops: the files found
/// until then come with it.
pub fn walk(dir: &Path, extensions: Option<&[&str]>) -> (Vec<PathBuf>, io::Result<()>) {
    fn visit(dir: &Path, keep: &dyn Fn(&Path) -> bool, found: &mut Vec<PathBuf>) -> io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                visit(&path, keep, found)?;
            } else if (kind.is_file() || (kind.is_symlink() && path.is_file())) && keep(&path) {
                found.push(path);
            }
        }
        Ok(())
    }
    let keep = |path: &Path| extensions.is_none_or(|x| has_extension(path, x));
    let mut found = Vec::new();
    let walked = visit(dir, &keep, &mut found);
    found.sort();
    (found, walked)
}

/// Where a command writes: standard output, or a file.
///
/// A file is written under a temporary name beside it and renamed by
/// [`Sink::finish`], so a run that fails half-way leaves neither a
/// half-written file nor a clobbered older one (the temporary file goes
/// when the sink is dropped unfinished). Something that is not a regular
/// file (`/dev/null`, a pipe) is written directly. On standard output, a
/// reader that has gone (`| head`) is no error: what follows is dropped
/// and [`Sink::closed`] says so. Write errors name the output.
pub enum Sink {
    Stdout {
        out: io::BufWriter<io::StdoutLock<'static>>,
        closed: bool,
    },
    File {
        out: io::BufWriter<fs::File>,
        /// Removes the temporary file unless it was put in place.
        tmp: TempFile,
        target: PathBuf,
    },
}

/// A temporary file's name, removed on drop unless taken.
pub struct TempFile(Option<PathBuf>);

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}

impl Sink {
    /// Standard output, or `output` when given.
    pub fn open(output: Option<&Path>) -> io::Result<Sink> {
        match output {
            None => Ok(Sink::Stdout {
                out: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
                closed: false,
            }),
            Some(target) => Sink::create(target),
        }
    }

    /// The file `target`, written under a temporary name (see [`Sink`]).
    pub fn create(target: &Path) -> io::Result<Sink> {
        let special = fs::metadata(target).is_ok_and(|m| !m.is_file());
        let tmp = (!special).then(|| {
            let name = target
                .file_name()
                .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
            target.with_file_name(format!(".{name}.hearsay-{}.tmp", std::process::id()))
        });
        let file = fs::File::create(tmp.as_deref().unwrap_or(target))
            .map_err(|e| write_error(Some(target), &e))?;
        Ok(Sink::File {
            out: io::BufWriter::with_capacity(1 << 16, file),
            tmp: TempFile(tmp),
            target: target.to_path_buf(),
        })
    }

    /// True once standard output's reader has gone.
    pub fn closed(&self) -> bool {
        matches!(self, Sink::Stdout { closed: true, .. })
    }

    /// Flushes, and puts a file in place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout { closed: true, .. } => Ok(()),
            Sink::Stdout { mut out, .. } => match out.flush() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(write_error(None, &e)),
                _ => Ok(()),
            },
            Sink::File {
                out,
                mut tmp,
                target,
            } => {
                let file = out.into_inner().map_err(|e| e.into_error());
                let done = file.and_then(|f| match &tmp.0 {
                    Some(path) => f.sync_all().and_then(|()| fs::rename(path, &target)),
                    None => Ok(()),
                });
                match done {
                    Ok(()) => {
                        tmp.0 = None;
                        Ok(())
                    }
                    Err(e) => Err(write_error(Some(&target), &e)),
                }
            }
        }
    }
}

/// Writes `bytes` whole to `output` (or standard output).
pub fn write_whole(output: Option<&Path>, bytes: &[u8]) -> io::Result<()> {
    let mut sink = Sink::open(output)?;
    sink.write_all(bytes)?;
    sink.finish()
}

/// `e`, saying which output it hit.
fn write_error(target: Option<&Path>, e: &io::Error) -> io::Error {
    let message = match target {
        Some(target) => format!("cannot write {}: {}", target.display(), io_message(e)),
        None => format!("cannot write the output: {}", io_message(e)),
    };
    io::Error::new(e.kind(), message)
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout { closed: true, .. } => Ok(buf.len()),
            Sink::Stdout { out, closed } => match out.write(buf) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(buf.len())
                }
                Err(e) => Err(write_error(None, &e)),
                Ok(n) => Ok(n),
            },
            Sink::File { out, target, .. } => {
                out.write(buf).map_err(|e| write_error(Some(target), &e))
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout { closed: true, .. } => Ok(()),
            Sink::Stdout { out, closed } => match out.flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(())
                }
                other => other.map_err(|e| write_error(None, &e)),
            },
            Sink::File { out, target, .. } => {
                out.flush().map_err(|e| write_error(Some(target), &e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("hearsay-files-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path, found: &[PathBuf]) -> Vec<String> {
        found
            .iter()
            .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn one_walk_with_or_without_an_extension_filter() {
        let dir = scratch("walk");
        fs::create_dir_all(dir.join("b/c")).unwrap();
        for file in ["z.TXT", "a.json", "b/c/x.html", "b/y.md", "b/noext"] {
            fs::write(dir.join(file), "x").unwrap();
        }
        let (found, walked) = walk(&dir, Some(TEXT_EXTENSIONS));
        walked.unwrap();
        assert_eq!(names(&dir, &found), ["b/c/x.html", "b/y.md", "z.TXT"]);
        let (found, walked) = walk(&dir, None);
        walked.unwrap();
        assert_eq!(
            names(&dir, &found),
            ["a.json", "b/c/x.html", "b/noext", "b/y.md", "z.TXT"]
        );
        let (found, walked) = walk(&dir.join("absent"), None);
        assert!(found.is_empty() && walked.is_err());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unfinished_sink_leaves_the_older_file_and_no_temporary_file() {
        let dir = scratch("sink");
        let target = dir.join("out.json");
        fs::write(&target, "older").unwrap();
        let mut sink = Sink::create(&target).unwrap();
        sink.write_all(b"half of a new").unwrap();
        drop(sink);
        assert_eq!(fs::read_to_string(&target).unwrap(), "older");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);

        let mut sink = Sink::create(&target).unwrap();
        sink.write_all(b"new").unwrap();
        sink.finish().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn text_loses_its_byte_order_mark_and_names_the_first_bad_byte() {
        let dir = scratch("read");
        fs::write(dir.join("bom.txt"), "\u{feff}Text.").unwrap();
        fs::write(dir.join("bad.txt"), b"ok \xff").unwrap();
        let read = |name: &str| Input::from_arg(&dir.join(name)).read_text();
        assert_eq!(read("bom.txt").unwrap(), "Text.");
        assert_eq!(read("bad.txt").unwrap_err(), "not valid UTF-8 (byte 3)");
        assert_eq!(read("").unwrap_err(), "is a directory");
        assert_eq!(too_large(None), "too large (over the limit of 64 MiB)");
        let _ = fs::remove_dir_all(&dir);
    }
}
