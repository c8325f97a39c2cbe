//! Against the real thing: Debian's Firefox ESR creates a fresh profile in an empty home and writes its own
//! `extensions.json`; the audit of that home must find Debian's uBlock Origin
//! (`webext-ublock-origin-firefox`) enabled in the default profile.
//!
//! It starts a browser (a few seconds), so it is ignored by default; `make test` runs it with
//! `cargo test -p premiers-pas-core --test detect_real_firefox -- --ignored`. It needs the Debian packages
//! `firefox-esr` and `webext-ublock-origin-firefox`. Firefox runs without network, in a namespace of its
//! own (`unshare`).

// Test helpers may panic: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use premiers_pas_core::detect::{self, Host};
use premiers_pas_core::journal::Journal;
use premiers_pas_core::reference::Reference;
use premiers_pas_core::OsFamily;

const FIREFOX: &str = "firefox-esr";
const UBO: &str = "uBlock0@raymondhill.net";

/// How to run a program cut off the network here: in a network namespace of its own (`unshare -n`, for
/// root), else in a user namespace too (`unshare -rn`, for anyone where the system allows it). None: the
/// test fails rather than start a browser that would reach the internet.
fn offline() -> Command {
    for args in [&["-n"][..], &["-r", "-n"][..]] {
        let works = Command::new("unshare")
            .args(args)
            .arg("true")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if works {
            let mut command = Command::new("unshare");
            command.args(args);
            return command;
        }
    }
    panic!(
        "neither `unshare -n` nor `unshare -rn` works here, and Firefox must not start with the network: \
         run the test as root, or allow unprivileged user namespaces"
    );
}

/// Runs Firefox headless and offline in `home` until it exits or `limit` passes (then it is killed).
fn run_firefox(home: &Path, limit: Duration) {
    let shot = home.join("shot.png");
    let mut command = offline();
    command.arg(FIREFOX).args(["--headless", "--screenshot", shot.to_str().unwrap(), "about:blank"]);
    command
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("MOZ_HEADLESS_WIDTH")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = command.spawn().unwrap_or_else(|e| {
        panic!("could not start {FIREFOX} ({e}): install the Debian packages firefox-esr and webext-ublock-origin-firefox")
    });
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Every `extensions.json` under `dir`, three levels deep at most.
fn extension_files(dir: &Path, depth: usize, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) && depth > 0 {
            extension_files(&path, depth - 1, out);
        } else if entry.file_name() == "extensions.json" {
            out.push(path);
        }
    }
}

#[test]
#[ignore = "starts the real Firefox ESR (a few seconds); run with --ignored"]
fn real_firefox_esr_profile_has_debian_ubo_enabled() {
    assert!(
        Path::new("/usr/share/mozilla/extensions")
            .join("{ec8030f7-c20a-464f-9b0e-13a3a9e97384}")
            .join(UBO)
            .exists(),
        "Debian's webext-ublock-origin-firefox is not installed"
    );
    let home = tempfile::tempdir().unwrap();
    let mut written = Vec::new();
    for _ in 0..2 {
        run_firefox(home.path(), Duration::from_secs(60));
        written.clear();
        extension_files(home.path(), 4, &mut written);
        if !written.is_empty() {
            break;
        }
    }
    assert!(!written.is_empty(), "Firefox wrote no extensions.json under {}", home.path().display());

    let journal = Journal::new();
    let audit = detect::audit(
        &Host::for_home(home.path(), OsFamily::Linux),
        &Reference::builtin().unwrap(),
        &journal,
    );
    assert!(audit.problems.is_empty(), "{:#?}", audit.problems);
    let firefox = audit.browsers.iter().find(|b| b.id == "firefox").expect("the audit finds Firefox");
    eprintln!("Firefox ESR wrote its profiles under {}", firefox.root);
    let default = firefox.profiles.iter().find(|p| p.default).expect("a default profile");
    let ubo = default
        .extensions
        .iter()
        .find(|e| e.id == UBO)
        .unwrap_or_else(|| panic!("uBlock Origin not in the default profile {default:#?}"));
    assert!(ubo.enabled, "{ubo:#?}");
    assert!(!ubo.temporary);
    assert!(
        written.iter().any(|w| w.display().to_string() == ubo.evidence),
        "evidence is Firefox's own file"
    );
}
