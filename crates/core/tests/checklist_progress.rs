//! Saved progress: round trip, recovery from a damaged file, a stand's session that writes nothing, "what
//! changed", and a child process killed (SIGKILL) in the middle of saving, many times: the file is always
//! the old or the new version, never a broken one.

// The set-up helpers may panic too: a failed set-up is a failed test.
#![allow(clippy::unwrap_used)]

mod folder_tree;
mod watchdog;

use std::fs;
use std::path::Path;

use folder_tree::tree;
use premiers_pas_core::checklist::{Answer, Status, StepResult};
use premiers_pas_core::files;
use premiers_pas_core::progress::{
    Loaded, Notice, Progress, ProgressStore, BACKUP_FILE, LOCK_FILE, PROGRESS_FILE,
};

fn result(id: &str, status: Status) -> StepResult {
    StepResult { id: id.into(), status, reasons: vec![], evidence: vec![], answer: None }
}

fn sample(n: usize) -> Progress {
    let mut p = Progress::default();
    for i in 0..n {
        p.set_answer(
            "premiers-pas",
            &format!("step-{i}"),
            Some(if i % 2 == 0 { Answer::Done } else { Answer::NotYet }),
        );
    }
    p
}

/// A data folder whose progress was saved twice: `sample(2)` in the file, `sample(1)` in the copy.
fn saved_twice() -> (tempfile::TempDir, ProgressStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = ProgressStore::open(dir.path());
    store.save(&sample(1)).unwrap();
    store.save(&sample(2)).unwrap();
    (dir, store)
}

/// The notice of a load that recovered from the copy: where the damaged file was set aside, and why.
fn recovered_from_copy(loaded: &Loaded) -> (String, String) {
    match &loaded.notice {
        Some(Notice::Recovered { from_backup: true, damaged_copies, reason })
            if damaged_copies.len() == 1 =>
        {
            (damaged_copies[0].clone(), reason.clone())
        }
        other => panic!("expected a recovery from the copy, got {other:?}"),
    }
}

#[test]
fn round_trip_keeps_answers_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let store = ProgressStore::open(dir.path());
    assert_eq!(store.load().unwrap().progress, Progress::default(), "nothing saved yet");
    let mut p = sample(3);
    let first = p.record_summary("premiers-pas", &[result("firefox", Status::Todo)], 1);
    assert!(first.is_empty(), "a first visit has no changes");
    store.save(&p).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.progress, p);
    assert_eq!(loaded.progress.answers("premiers-pas").get("step-0"), Some(Answer::Done));
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join(PROGRESS_FILE)).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["packs"]["premiers-pas"]["answers"]["step-1"], "not_yet");
}

#[test]
fn what_changed_since_last_time() {
    let mut p = Progress::default();
    p.record_summary(
        "premiers-pas",
        &[result("firefox", Status::Todo), result("ublock-origin", Status::Todo)],
        1,
    );
    let changed = p.record_summary(
        "premiers-pas",
        &[
            result("firefox", Status::Done),
            result("ublock-origin", Status::Todo),
            result("new-step", Status::Manual),
        ],
        2,
    );
    let got: Vec<(&str, Option<Status>, Status)> =
        changed.iter().map(|c| (c.step.as_str(), c.before, c.after)).collect();
    assert_eq!(got, [("firefox", Some(Status::Todo), Status::Done), ("new-step", None, Status::Manual)]);
}

#[test]
fn forgetting_an_answer_removes_it() {
    let mut p = sample(2);
    p.set_answer("premiers-pas", "step-0", None);
    assert_eq!(p.answers("premiers-pas").get("step-0"), None);
    assert_eq!(p.answers("premiers-pas").get("step-1"), Some(Answer::NotYet));
}

#[test]
fn second_save_keeps_the_first_as_the_copy() {
    let (dir, _store) = saved_twice();
    let backup: Progress = serde_json::from_slice(&fs::read(dir.path().join(BACKUP_FILE)).unwrap()).unwrap();
    assert_eq!(backup, sample(1));
}

#[test]
fn damaged_file_is_recovered_from_the_copy_and_reported() {
    let (dir, store) = saved_twice();
    fs::write(dir.path().join(PROGRESS_FILE), b"{\"version\": 1, \"packs\": {\"premiers-pas\": ").unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.progress, sample(1), "the previous good copy");
    let (copy, _) = recovered_from_copy(&loaded);
    assert!(Path::new(&copy).exists(), "the damaged file is kept aside, not deleted");
    assert_eq!(fs::read(copy).unwrap(), b"{\"version\": 1, \"packs\": {\"premiers-pas\": ");
    // The recovered copy is written back, so the next start is quiet.
    let again = store.load().unwrap();
    assert_eq!((again.progress, again.notice), (sample(1), None));
}

#[test]
fn damaged_file_without_copy_is_reported_not_silently_emptied() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(PROGRESS_FILE), b"\x00\x01garbage").unwrap();
    let loaded = ProgressStore::open(dir.path()).load().unwrap();
    assert_eq!(loaded.progress, Progress::default());
    assert!(
        matches!(&loaded.notice, Some(Notice::Recovered { from_backup: false, damaged_copies, .. }) if damaged_copies.len() == 1),
        "{:?}",
        loaded.notice
    );
}

#[test]
fn json_of_the_wrong_shape_is_damage_recovered_from_the_copy() {
    let deep = format!("{{\"version\": 1, \"packs\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let shapes: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("a list", b"[1, 2]".to_vec()),
        ("null", b"null".to_vec()),
        ("a number", b"42".to_vec()),
        ("a version in text", b"{\"version\": \"1\", \"packs\": {}}".to_vec()),
        (
            "an answer that is a number",
            b"{\"version\": 1, \"packs\": {\"p\": {\"answers\": {\"s\": 7}}}}".to_vec(),
        ),
        ("nested 100,000 deep", deep.into_bytes()),
    ];
    for (what, bytes) in shapes {
        let (dir, store) = saved_twice();
        fs::write(dir.path().join(PROGRESS_FILE), &bytes).unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(loaded.progress, sample(1), "{what}");
        let (copy, _) = recovered_from_copy(&loaded);
        assert_eq!(fs::read(copy).unwrap(), bytes, "{what}: kept aside as it was");
    }
}

#[test]
fn a_progress_file_that_is_a_folder_or_too_large_is_set_aside_and_the_copy_used() {
    // A folder: not a file to read, and nothing could ever be saved over it.
    let (dir, store) = saved_twice();
    let main = dir.path().join(PROGRESS_FILE);
    fs::remove_file(&main).unwrap();
    fs::create_dir(&main).unwrap();
    fs::write(main.join("kept.txt"), "kept").unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.progress, sample(1));
    let (copy, reason) = recovered_from_copy(&loaded);
    assert!(reason.contains("not a regular file"), "{reason}");
    assert_eq!(fs::read_to_string(Path::new(&copy).join("kept.txt")).unwrap(), "kept", "set aside whole");
    assert_eq!(store.load().unwrap(), Loaded { progress: sample(1), notice: None }, "and saved again");

    // Far larger than any progress (sparse: nothing on disk): refused by its size, kept aside as it is.
    let (dir, store) = saved_twice();
    let size = 64 * 1024 * 1024;
    fs::File::options().write(true).open(dir.path().join(PROGRESS_FILE)).unwrap().set_len(size).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.progress, sample(1));
    let (copy, reason) = recovered_from_copy(&loaded);
    assert!(reason.contains("too large"), "{reason}");
    assert_eq!(fs::metadata(copy).unwrap().len(), size);
}

#[cfg(unix)]
#[test]
fn a_progress_file_that_is_a_fifo_is_set_aside_without_waiting_for_a_writer() {
    let (dir, store) = saved_twice();
    let main = dir.path().join(PROGRESS_FILE);
    fs::remove_file(&main).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&main).status();
    assert!(made.as_ref().is_ok_and(|s| s.success()), "mkfifo makes the FIFO: {made:?}");
    let loaded = watchdog::ends("loading a progress file that is a FIFO", move || store.load().unwrap());
    assert_eq!(loaded.progress, sample(1));
    let (copy, _) = recovered_from_copy(&loaded);
    use std::os::unix::fs::FileTypeExt as _;
    assert!(fs::symlink_metadata(copy).unwrap().file_type().is_fifo(), "the FIFO is set aside, not opened");
}

#[cfg(unix)]
#[test]
fn a_broken_copy_never_stops_a_good_progress_file_from_loading() {
    // The copy is a link to itself: it cannot even be opened (for root neither).
    let dir = tempfile::tempdir().unwrap();
    let store = ProgressStore::open(dir.path());
    store.save(&sample(2)).unwrap();
    let backup = dir.path().join(BACKUP_FILE);
    std::os::unix::fs::symlink(&backup, &backup).unwrap();
    assert_eq!(store.load().unwrap(), Loaded { progress: sample(2), notice: None });
    assert_eq!(store.load_read_only().unwrap(), Loaded { progress: sample(2), notice: None });
    // And the next save replaces the broken copy with the good file.
    store.save(&sample(3)).unwrap();
    let copy: Progress = serde_json::from_slice(&fs::read(&backup).unwrap()).unwrap();
    assert_eq!(copy, sample(2));
}

#[test]
fn missing_file_with_a_copy_uses_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(BACKUP_FILE), serde_json::to_vec(&sample(3)).unwrap()).unwrap();
    let loaded = ProgressStore::open(dir.path()).load().unwrap();
    assert_eq!(loaded.progress, sample(3));
    assert!(matches!(loaded.notice, Some(Notice::Recovered { from_backup: true, .. })));
}

/// The notice of a load that found nothing good: why, and where the damaged files were set aside.
fn recovered_nothing(loaded: &Loaded) -> (Vec<String>, String) {
    assert_eq!(loaded.progress, Progress::default());
    match &loaded.notice {
        Some(Notice::Recovered { from_backup: false, damaged_copies, reason }) => {
            (damaged_copies.clone(), reason.clone())
        }
        other => panic!("expected a recovery with nothing to start from, got {other:?}"),
    }
}

#[test]
fn a_damaged_copy_with_the_file_missing_is_set_aside_and_reported() {
    // Before, the journey started empty without a word, and the second save replaced that copy.
    let (dir, store) = saved_twice();
    fs::remove_file(dir.path().join(PROGRESS_FILE)).unwrap();
    fs::write(dir.path().join(BACKUP_FILE), b"{\"version\": 1, \"pa").unwrap();
    let loaded = store.load().unwrap();
    let (copies, reason) = recovered_nothing(&loaded);
    assert!(reason.contains("missing and its copy was damaged"), "{reason}");
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(copies[0].contains("progress.json.bak.corrupt-"), "{copies:?}");

    // Saves that follow never reach the damaged copy: it is kept aside as it was.
    store.save(&sample(4)).unwrap();
    store.save(&sample(5)).unwrap();
    assert_eq!(fs::read(&copies[0]).unwrap(), b"{\"version\": 1, \"pa");
    assert_eq!(store.load().unwrap(), Loaded { progress: sample(5), notice: None });
}

#[test]
fn a_damaged_file_and_a_damaged_copy_are_both_set_aside() {
    let (dir, store) = saved_twice();
    fs::write(dir.path().join(PROGRESS_FILE), b"not json").unwrap();
    fs::write(dir.path().join(BACKUP_FILE), b"nor this").unwrap();
    let (copies, reason) = recovered_nothing(&store.load().unwrap());
    assert!(reason.contains("damaged") && reason.contains("so was its copy"), "{reason}");
    let kept: Vec<Vec<u8>> = copies.iter().map(|c| fs::read(c).unwrap()).collect();
    assert_eq!(kept, [b"not json".to_vec(), b"nor this".to_vec()], "{copies:?}");
    assert!(!dir.path().join(BACKUP_FILE).exists());
}

#[cfg(unix)]
#[test]
fn a_progress_file_that_cannot_be_read_is_set_aside_and_the_copy_used() {
    // A link to itself cannot be opened (for root neither). It used to stop every start with
    // `progress.io`.
    let (dir, store) = saved_twice();
    let main = dir.path().join(PROGRESS_FILE);
    fs::remove_file(&main).unwrap();
    std::os::unix::fs::symlink(&main, &main).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.progress, sample(1));
    let (copy, reason) = recovered_from_copy(&loaded);
    assert!(reason.contains("could not be read"), "{reason}");
    assert!(fs::symlink_metadata(copy).unwrap().file_type().is_symlink(), "the link is set aside as it is");
    assert_eq!(store.load().unwrap(), Loaded { progress: sample(1), notice: None }, "and saved again");
}

#[cfg(target_os = "linux")]
#[test]
fn a_progress_file_that_fails_to_read_for_now_is_an_error_and_nothing_is_renamed() {
    // A read that fails with a disk error (reading the start of /proc/self/mem does), like a file in a
    // cloud folder not downloaded yet, may work next time: setting the newest progress aside for the
    // older copy would lose answers. The copy gets the same care.
    for (case, file) in [("the progress file", PROGRESS_FILE), ("its copy", BACKUP_FILE)] {
        let (dir, store) = saved_twice();
        if file == BACKUP_FILE {
            fs::remove_file(dir.path().join(PROGRESS_FILE)).unwrap();
        }
        let path = dir.path().join(file);
        fs::remove_file(&path).ok();
        std::os::unix::fs::symlink("/proc/self/mem", &path).unwrap();
        let names = || {
            let mut names: Vec<String> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        let before = names();
        let err = store.load().unwrap_err();
        assert_eq!(premiers_pas_core::ErrorCode::code(&err), "progress.io", "{case}");
        assert!(err.to_string().contains(file), "{case}: {err}");
        assert_eq!(names(), before, "{case}: nothing renamed");
        assert!(fs::symlink_metadata(&path).unwrap().file_type().is_symlink(), "{case}");
    }
}

#[test]
fn a_copy_from_a_newer_version_is_never_replaced() {
    let newer: &[u8] = b"{\"version\": 99, \"packs\": {}}";
    for (case, main) in [("missing", None), ("damaged", Some(b"{\"vers".as_slice()))] {
        let dir = tempfile::tempdir().unwrap();
        if let Some(bytes) = main {
            fs::write(dir.path().join(PROGRESS_FILE), bytes).unwrap();
        }
        fs::write(dir.path().join(BACKUP_FILE), newer).unwrap();
        let before = files(dir.path());
        let err = ProgressStore::open(dir.path()).load().unwrap_err();
        assert_eq!(premiers_pas_core::ErrorCode::code(&err), "progress.too_new", "{case}");
        assert!(err.to_string().contains(BACKUP_FILE), "{case}: {err}");
        assert_eq!(files(dir.path()), before, "{case}: nothing set aside, nothing written");
    }
}

#[test]
fn a_newer_version_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(PROGRESS_FILE);
    fs::write(&path, b"{\"version\": 99, \"packs\": {}, \"future\": true}").unwrap();
    let err = ProgressStore::open(dir.path()).load().unwrap_err();
    assert_eq!(premiers_pas_core::ErrorCode::code(&err), "progress.too_new");
    assert_eq!(fs::read(&path).unwrap(), b"{\"version\": 99, \"packs\": {}, \"future\": true}");
}

#[test]
fn an_ephemeral_store_keeps_progress_in_memory_only() {
    let store = ProgressStore::ephemeral();
    assert!(!store.is_persistent());
    assert_eq!(store.path(), None);
    store.save(&sample(2)).unwrap();
    assert_eq!(store.load().unwrap().progress, sample(2), "kept in memory for the visit");
}

#[test]
fn a_stand_session_leaves_the_data_folder_as_it_was() {
    use premiers_pas_core::checklist::Library;
    use premiers_pas_core::journal::Journal;
    use premiers_pas_core::session::{AuditTarget, Mode, Session};
    use premiers_pas_core::{Lang, OsFamily};

    // The data folder holds someone's progress, saved at home.
    let dir = tempfile::tempdir().unwrap();
    ProgressStore::open(dir.path()).save(&sample(2)).unwrap();
    let before = tree(dir.path());
    assert!(before.keys().any(|p| p.ends_with(PROGRESS_FILE)), "{:?}", before.keys());

    // A visit at a stand on that folder: judged, answered, then forgotten for the next visitor.
    let library = std::sync::Arc::new(Library::builtin().unwrap());
    let home = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/homes/debian-firefox-ubo");
    let target = AuditTarget::home(home, Some(OsFamily::Linux));
    let (mut stand, _) =
        Session::start(Mode::Stand, "premiers-pas", library, target, dir.path(), Journal::new()).unwrap();
    stand.run_audit(Lang::Fr).unwrap();
    let steps = stand.set_answer("chatons-host", Some(Answer::Done), Lang::Fr).unwrap();
    let answered = steps.iter().find(|s| s.id == "chatons-host").unwrap();
    assert_eq!(answered.answer, Some(Answer::Done), "kept in memory for the visit");
    stand.next_visitor().unwrap();

    assert_eq!(tree(dir.path()), before, "the folder is left byte for byte as it was");
}

const CHILD_ENV: &str = "PREMIERS_PAS_PROGRESS_KILL_DIR";

/// Not a test on its own: the child process of the kill test. It saves two alternating versions, big
/// enough that a save takes a while, until it is killed.
#[test]
#[ignore = "run by kill_during_save_never_breaks_the_file"]
fn progress_kill_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let store = ProgressStore::open(Path::new(&dir));
    let versions = [sample(2000), sample(2001)];
    for i in 0.. {
        store.save(&versions[i % 2]).unwrap();
        if i == 0 {
            println!("saving");
        }
    }
}

#[cfg(unix)]
#[test]
fn kill_during_save_never_breaks_the_file() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let store = ProgressStore::open(dir.path());
    let versions = [sample(2000), sample(2001)];
    store.save(&versions[1]).unwrap();
    let exe = std::env::current_exe().unwrap();
    const ROUNDS: u32 = 200;
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", "progress_kill_child", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child has finished one save and is in the loop, then kill it after a delay that
        // sweeps 0–30 ms (a save takes a few to tens of ms), so kills land at every point of a save.
        let mut line = String::new();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        while !line.contains("saving") {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                panic!("round {round}: the child ended before saving");
            }
        }
        std::thread::sleep(std::time::Duration::from_micros(u64::from(round * 7919 % 60) * 500));
        child.kill().unwrap();
        child.wait().unwrap();

        let bytes = fs::read(dir.path().join(PROGRESS_FILE)).unwrap();
        let on_disk: Progress = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: progress.json is broken: {e}"));
        assert!(versions.contains(&on_disk), "round {round}: neither the old nor the new version");
        let loaded = store.load().unwrap();
        assert_eq!(loaded.notice, None, "round {round}");
        assert!(versions.contains(&loaded.progress), "round {round}");
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != PROGRESS_FILE && n != BACKUP_FILE)
        .collect();
    assert!(leftovers.is_empty(), "interrupted saves leave nothing behind once loaded: {leftovers:?}");
}

/// Every file of a folder (not recursive) with its bytes.
#[allow(clippy::unwrap_used)]
fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn read_only_load_gives_the_same_progress_and_writes_nothing() {
    let damaged: &[u8] = b"{\"version\": 1, \"packs\": {\"premiers-pas\": ";
    let good_copy = serde_json::to_vec(&sample(1)).unwrap();
    // What the folder holds: the progress file and its copy (none when `None`).
    type Case<'a> = (&'a str, Option<&'a [u8]>, Option<&'a [u8]>);
    let cases: [Case; 5] = [
        ("damaged, with a copy", Some(damaged), Some(&good_copy)),
        ("damaged, no copy", Some(damaged), None),
        ("missing, with a copy", None, Some(&good_copy)),
        ("damaged, damaged copy", Some(damaged), Some(damaged)),
        ("missing, damaged copy", None, Some(damaged)),
    ];
    for (case, main, backup) in cases {
        let dir = tempfile::tempdir().unwrap();
        if let Some(bytes) = main {
            fs::write(dir.path().join(PROGRESS_FILE), bytes).unwrap();
        }
        if let Some(bytes) = backup {
            fs::write(dir.path().join(BACKUP_FILE), bytes).unwrap();
        }
        // What an interrupted save leaves behind.
        fs::write(dir.path().join(".premiers-pas-AbC123.tmp"), b"{\"vers").unwrap();
        let before = files(dir.path());

        let read_only = ProgressStore::open(dir.path()).load_read_only().unwrap();
        assert_eq!(files(dir.path()), before, "{case}: nothing written, renamed or removed");

        let repaired = ProgressStore::open(dir.path()).load().unwrap();
        assert_eq!(read_only.progress, repaired.progress, "{case}");
        match (&read_only.notice, &repaired.notice) {
            (
                Some(Notice::Recovered { from_backup: a, damaged_copies, reason: r1 }),
                Some(Notice::Recovered { from_backup: b, reason: r2, .. }),
            ) if damaged_copies.is_empty() => assert_eq!((a, r1), (b, r2), "{case}"),
            other => panic!("{case}: {other:?}"),
        }
        assert_ne!(files(dir.path()), before, "{case}: the ordinary load repairs the folder");
    }
}

#[test]
fn one_store_at_a_time_may_write_a_folder() {
    use premiers_pas_core::progress::ProgressError;
    use premiers_pas_core::ErrorCode;

    let dir = tempfile::tempdir().unwrap();
    let first = ProgressStore::open_exclusive(dir.path()).unwrap();
    first.save(&sample(3)).unwrap();
    let err = ProgressStore::open_exclusive(dir.path()).unwrap_err();
    assert!(matches!(err, ProgressError::InUse { .. }), "{err:?}");
    assert_eq!(err.code(), "progress.in_use");
    // A reader is not a writer: `premiers-pas report` still reads it.
    assert_eq!(ProgressStore::open(dir.path()).load_read_only().unwrap().progress, sample(3));
    drop(first);
    // The lock goes with the last copy of its descriptor. A sibling test that starts a program forks
    // this process, and until that child execs it holds a copy of every open descriptor, the lock's
    // included (close-on-exec closes it only then): give such a moment a few seconds to pass.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let second = loop {
        match ProgressStore::open_exclusive(dir.path()) {
            Err(ProgressError::InUse { .. }) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            other => break other.unwrap(),
        }
    };
    assert_eq!(second.load().unwrap().progress, sample(3));
}

#[test]
fn an_exclusive_store_creates_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("not").join("yet");
    let store = ProgressStore::open_exclusive(&data).unwrap();
    assert!(data.join(LOCK_FILE).is_file());
    assert_eq!(store.load().unwrap().progress, Progress::default());
}

const LOCK_CHILD_ENV: &str = "PREMIERS_PAS_PROGRESS_LOCK_DIR";

/// Not a test on its own: the other program of the lock test. It holds the folder's progress until its
/// standard input closes.
#[test]
#[ignore = "run by another_program_holding_the_progress_is_told_apart"]
fn progress_lock_child() {
    let Some(dir) = std::env::var_os(LOCK_CHILD_ENV) else {
        return;
    };
    let store = ProgressStore::open_exclusive(Path::new(&dir)).unwrap();
    println!("locked");
    std::io::read_to_string(std::io::stdin()).unwrap();
    drop(store);
}

#[test]
fn another_program_holding_the_progress_is_told_apart() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    use premiers_pas_core::progress::ProgressError;

    let dir = tempfile::tempdir().unwrap();
    ProgressStore::open(dir.path()).save(&sample(2)).unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "progress_lock_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env(LOCK_CHILD_ENV, dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("locked") {
        line.clear();
        assert_ne!(out.read_line(&mut line).unwrap(), 0, "the other program ended before locking");
    }
    // A stale temporary file of the other program's save in progress: a refused store leaves it alone.
    let temp = dir.path().join(format!("{}1234{}", files::TEMP_PREFIX, files::TEMP_SUFFIX));
    fs::write(&temp, b"half").unwrap();
    let err = ProgressStore::open_exclusive(dir.path()).unwrap_err();
    assert!(matches!(err, ProgressError::InUse { .. }), "{err:?}");
    assert!(temp.exists());

    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    let store = ProgressStore::open_exclusive(dir.path()).unwrap();
    assert_eq!(store.load().unwrap().progress, sample(2));
}
