//! Helpers shared by the CLI's integration tests: a scratch directory and a
//! way to run the `hearsay` binary in it.
#![allow(dead_code)] // each test file uses its own subset

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// A fresh, empty directory for one test, unique to this process.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hearsay-cli-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `hearsay ARGS` in `dir` with no standard input.
pub fn hearsay(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `hearsay ARGS` in `dir` with `input` on standard input (written by
/// a thread, so the CLI may stop reading early).
pub fn hearsay_with_stdin(dir: &Path, args: &[&str], input: Vec<u8>) -> Output {
    let mut child = spawn(dir, args, Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Runs `hearsay ARGS` in `dir` with a standard output whose reader has
/// gone before anything is written (`| head` that stopped at once).
pub fn hearsay_into_closed_pipe(dir: &Path, args: &[&str]) -> Output {
    let mut child = spawn(dir, args, Stdio::null());
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

/// Starts `hearsay ARGS` in `dir`, its outputs piped.
fn spawn(dir: &Path, args: &[&str], stdin: Stdio) -> Child {
    Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .current_dir(dir)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A 65 MiB file that takes no disk space, one MiB over the CLI's limit.
pub fn oversized_file(path: &Path) {
    let file = fs::File::create(path).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
}

/// Checks that a run failed with exit code 2 and said `needle` on stderr.
#[track_caller]
pub fn fails_with(out: &Output, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(needle), "{needle:?} not in {err:?}");
}
