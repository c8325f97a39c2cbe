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

/// Set in the child process that runs [`escaped_helper_child`], alone.
const CHILD_ENV: &str = "PREMIERS_PAS_ESCAPED_HELPER_CHILD";
/// Printed by the child once it has checked: its success is not mistaken for a filter that ran nothing.
const CHILD_DONE: &str = "no thread left behind";

/// Linux: `setsid` (util-linux) and `/proc/self/task`.
#[cfg(target_os = "linux")]
#[test]
fn a_program_that_left_the_helper_s_group_leaves_nothing_waiting_on_it() {
    // In a process of its own, where no other test starts threads while this one counts them.
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "escaped_helper_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, "1")
        .output()
        .unwrap();
    let printed = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{printed}");
    assert!(printed.contains(CHILD_DONE), "the check did not run: {printed}");
}

/// Not a test on its own: the child process of the test above.
#[cfg(target_os = "linux")]
#[test]
#[ignore = "run by a_program_that_left_the_helper_s_group_leaves_nothing_waiting_on_it"]
fn escaped_helper_child() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    let before = threads();
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("escaped.pid");
    // `setsid` takes the job out of the helper's process group, where stopping the group cannot reach it;
    // it keeps the output open for two minutes.
    let script =
        format!("setsid sh -c 'echo $$ > \"{}\"; exec sleep 120' & echo firefox.desktop", pid_file.display());
    assert!(sh(&script, SHORT).is_none(), "its answer is not whole while the job can still write");
    // Every thread started since has ended, long before the job closes its output: nothing of this
    // process still waits for it (a reading thread would, for two minutes). The wait only lets the
    // guard's own thread finish.
    let deadline = std::time::Instant::now() + watchdog::LIMIT;
    let left = loop {
        let left: Vec<(String, String)> =
            threads().into_iter().filter(|(id, _)| !before.contains_key(id)).collect();
        if left.is_empty() || std::time::Instant::now() >= deadline {
            break left;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if let Ok(pid) = std::fs::read_to_string(&pid_file) {
        let _ = std::process::Command::new("kill").arg(pid.trim()).status();
    }
    assert!(left.is_empty(), "threads still running (id, name): {left:?}");
    println!("{CHILD_DONE}");
}

/// This process's threads: id and name.
#[cfg(target_os = "linux")]
fn threads() -> std::collections::BTreeMap<String, String> {
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .filter_map(|task| {
            let task = task.ok()?;
            let name = std::fs::read_to_string(task.path().join("comm")).ok()?;
            Some((task.file_name().to_string_lossy().into_owned(), name.trim().to_owned()))
        })
        .collect()
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
