//! The live audit's helper programs (`xdg-settings get default-web-browser`), run for real through a
//! shell: their answer is read, and no helper — stuck, chatty, or leaving a program behind — holds the
//! audit longer than its time limit.

#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod watchdog;

use std::time::Duration;

use premiers_pas_core::detect::{CommandOutput, CommandRunner, SystemCommands};

fn sh(script: &str, timeout: Duration) -> Option<CommandOutput> {
    let script = script.to_owned();
    watchdog::ends(&format!("sh -c '{script}'"), move || {
        SystemCommands { timeout }.run("sh", &["-c", &script])
    })
}

/// Plenty for a shell to start and print a line: the time limit is never what is measured here.
const AMPLE: Duration = Duration::from_secs(20);
/// The limit given to a helper that will never finish on its own: long enough for the shell to have
/// started what it starts, even on a loaded machine.
const SHORT: Duration = Duration::from_secs(3);

#[test]
fn a_helper_s_answer_and_status_are_read() {
    let out = sh("echo firefox-esr.desktop", AMPLE).unwrap();
    assert!(out.success);
    assert_eq!(out.stdout, "firefox-esr.desktop\n");
    let out = sh("echo not set; exit 3", AMPLE).unwrap();
    assert!(!out.success);
    assert_eq!(out.stdout, "not set\n");
}

#[test]
fn a_missing_program_is_no_answer() {
    let out = SystemCommands { timeout: AMPLE }.run("premiers-pas-no-such-helper", &[]);
    assert!(out.is_none());
}

#[test]
fn a_helper_that_prints_a_lot_finishes_and_its_output_is_capped() {
    // More than a pipe holds: a helper whose output is only read after it exits never exits.
    let out = sh(
        "i=0; while [ $i -lt 4000 ]; do echo 'a line of about fifty bytes, printed again'; i=$((i+1)); done",
        AMPLE,
    )
    .unwrap();
    assert!(out.success);
    assert_eq!(out.stdout.len(), 64 * 1024, "the first 64 KiB are kept, the rest read and dropped");
}

#[test]
fn a_helper_that_never_ends_is_stopped_at_its_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("helper.pid");
    // The shell waits for what it started: both are stopped, not only the shell.
    let script = format!("sleep 120 & echo $! > '{}'; wait", pid_file.display());
    assert!(sh(&script, SHORT).is_none());
    assert_stopped(&pid_file);
}

#[test]
fn a_program_left_running_with_the_output_open_cannot_hold_the_audit_and_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("left-behind.pid");
    // The helper ends at once, but its background job keeps the output open: reading "to the end" would
    // wait two minutes.
    let script = format!("sleep 120 & echo $! > '{}'; echo firefox.desktop", pid_file.display());
    assert!(sh(&script, SHORT).is_none(), "its answer is not whole while the job can still write");

    assert_stopped(&pid_file);
}

#[test]
fn a_helper_that_never_stops_printing_is_stopped_at_its_time_limit() {
    let started = std::time::Instant::now();
    assert!(sh("yes", SHORT).is_none());
    assert!(started.elapsed() < SHORT + Duration::from_secs(5), "{:?}", started.elapsed());
}

/// Linux: `setsid` (util-linux) and `/proc/self/task`.
#[cfg(target_os = "linux")]
#[test]
fn a_program_that_left_the_helper_s_group_leaves_nothing_waiting_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("escaped.pid");
    // `setsid` takes the job out of the helper's process group, where stopping the group cannot reach it;
    // it keeps the output open for two minutes.
    let script =
        format!("setsid sh -c 'echo $$ > \"{}\"; exec sleep 120' & echo firefox.desktop", pid_file.display());
    assert!(sh(&script, SHORT).is_none(), "its answer is not whole while the job can still write");
    // Nothing of this process still waits for that output (a reading thread would, for two minutes).
    let readers: Vec<String> = std::fs::read_dir("/proc/self/task")
        .map(|tasks| {
            tasks
                .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
                .filter(|name| name.trim() == "helper-output")
                .collect()
        })
        .unwrap_or_default();
    if let Ok(pid) = std::fs::read_to_string(&pid_file) {
        let _ = std::process::Command::new("kill").arg(pid.trim()).status();
    }
    assert!(readers.is_empty(), "threads still reading the helper's output: {readers:?}");
}

/// The process whose pid is in `pid_file` no longer runs (Linux: gone, or a zombie waiting for its new
/// parent to reap it). The signal is delivered at once; the loop only waits for the kernel to say so.
fn assert_stopped(pid_file: &std::path::Path) {
    if !cfg!(target_os = "linux") {
        return;
    }
    let pid = std::fs::read_to_string(pid_file).unwrap().trim().to_owned();
    let state = || {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        stat.rsplit(')').next().unwrap_or_default().split_whitespace().next().map(str::to_owned)
    };
    let stopped = |s: Option<String>| s.is_none_or(|s| s == "Z" || s == "X");
    let deadline = std::time::Instant::now() + watchdog::LIMIT;
    while !stopped(state()) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(stopped(state()), "process {pid} still runs: {:?}", state());
}
