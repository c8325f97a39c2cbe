//! Detection on fixture homes: each case is a home laid out as files under `tests/fixtures/homes/<case>`,

// Test helpers may panic: a failed set-up is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
//! audited through a `Host` that sees nothing of the real machine.

mod watchdog;

use std::fs;
use std::path::{Path, PathBuf};

use premiers_pas_core::audit::{Audit, Browser, BrowserProfile, Extension};
use premiers_pas_core::detect::{self, Host, MapRegistry, Reader};
use premiers_pas_core::journal::{Journal, JournalEntry, LookedAt};
use premiers_pas_core::reference::{ProviderKind, Reference};
use premiers_pas_core::OsFamily;

const UBO: &str = "uBlock0@raymondhill.net";
const UBO_CHROME: &str = "cjpalhdlnbpafiamejdnhcphjbkeiagm";
const UBO_LITE: &str = "ddkjiahejlhfcafbddmgiahcphecmpfh";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn home(case: &str) -> PathBuf {
    fixtures().join("homes").join(case)
}

fn reference() -> Reference {
    Reference::builtin().unwrap()
}

fn audit_host(host: &Host) -> (Audit, Journal) {
    let journal = Journal::new();
    let audit = detect::audit(host, &reference(), &journal);
    (audit, journal)
}

/// What the journal says was asked besides files: what, of what, and the answer.
fn looked_at(journal: &Journal) -> Vec<(LookedAt, String, Option<String>)> {
    journal
        .entries()
        .into_iter()
        .filter_map(|e| match e {
            JournalEntry::Looked { source, target, answer, .. } => Some((source, target, answer)),
            _ => None,
        })
        .collect()
}

fn audit_case(case: &str, os: OsFamily) -> Audit {
    audit_host(&Host::for_home(home(case), os)).0
}

fn browser<'a>(audit: &'a Audit, id: &str) -> &'a Browser {
    audit.browsers.iter().find(|b| b.id == id).unwrap_or_else(|| panic!("no {id} in {:#?}", audit.browsers))
}

fn profile<'a>(browser: &'a Browser, name: &str) -> &'a BrowserProfile {
    browser
        .profiles
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no profile {name} in {browser:#?}"))
}

fn extension<'a>(profile: &'a BrowserProfile, id: &str) -> Option<&'a Extension> {
    profile.extensions.iter().find(|e| e.id == id)
}

/// Copies a fixture home into a temporary folder, to damage it.
fn copy_home(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&home(case), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn debian_firefox_with_ubo_enabled() {
    let audit = audit_case("debian-firefox-ubo", OsFamily::Linux);
    assert!(audit.problems.is_empty(), "{:#?}", audit.problems);
    let firefox = browser(&audit, "firefox");
    assert_eq!(firefox.install, "system");
    assert!(firefox.root.ends_with(".mozilla/firefox"), "{}", firefox.root);
    assert_eq!(firefox.profiles.len(), 2);
    let esr = profile(firefox, "default-esr");
    assert!(esr.default, "the [Install…] default wins over Default=1");
    assert!(!profile(firefox, "default").default);
    let ubo = extension(esr, UBO).unwrap();
    assert!(ubo.enabled && ubo.disabled_reasons.is_empty());
    assert_eq!(ubo.version, "1.67.0");
    assert!(extension(esr, "formautofill@mozilla.org").is_none(), "built-ins are not listed");
    assert_eq!(audit.default_browser.as_deref(), Some("firefox"));
    let evidence = audit.default_browser_evidence.as_ref().unwrap();
    assert_eq!(evidence.value, "firefox-esr.desktop");
    assert!(evidence.source.ends_with(".config/mimeapps.list"));
    assert!(audit.files_read.iter().any(|f| f.ends_with("k3v9x2ab.default-esr/extensions.json")));
}

#[test]
fn snap_firefox_with_ubo_disabled_by_the_person() {
    let audit = audit_case("snap-firefox-ubo-disabled", OsFamily::Linux);
    let firefox = browser(&audit, "firefox");
    assert_eq!(firefox.install, "snap");
    let ubo = extension(profile(firefox, "default"), UBO).unwrap();
    assert!(!ubo.enabled);
    assert_eq!(ubo.disabled_reasons, vec!["user-disabled".to_owned()]);
    assert_eq!(audit.default_browser.as_deref(), Some("firefox"));
}

#[test]
fn flatpak_librewolf_and_its_export() {
    let audit = audit_case("flatpak-librewolf", OsFamily::Linux);
    assert_eq!(audit.browsers.len(), 1);
    let librewolf = browser(&audit, "librewolf");
    assert_eq!((librewolf.install.as_str(), librewolf.name.as_str()), ("flatpak", "LibreWolf"));
    let p = profile(librewolf, "default-default");
    assert!(p.default);
    assert!(extension(p, UBO).unwrap().enabled);
    let app = audit.apps.iter().find(|a| a.id == "librewolf").unwrap();
    assert_eq!(app.source, "flatpak");
}

#[test]
fn firefox_xdg_location_as_debian_esr_153_writes_it() {
    let audit = audit_case("firefox-xdg", OsFamily::Linux);
    let firefox = browser(&audit, "firefox");
    assert!(firefox.root.ends_with(".config/mozilla/firefox"), "{}", firefox.root);
    let defaults: Vec<&str> =
        firefox.profiles.iter().filter(|p| p.default).map(|p| p.name.as_str()).collect();
    assert_eq!(defaults, ["default-esr"]);
    assert!(extension(profile(firefox, "default-esr"), UBO).unwrap().enabled);
    assert!(profile(firefox, "default").extensions.is_empty(), "never opened");
}

#[test]
fn xdg_config_home_moves_the_xdg_root() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&home("firefox-xdg").join(".config"), &dir.path().join("elsewhere"));
    let host = Host::for_home(dir.path(), OsFamily::Linux)
        .with_env("XDG_CONFIG_HOME", dir.path().join("elsewhere").display().to_string());
    let (audit, _) = audit_host(&host);
    assert!(browser(&audit, "firefox").root.contains("elsewhere"));
}

#[test]
fn a_profile_listed_only_by_scanning() {
    let audit = audit_case("unlisted-profile", OsFamily::Linux);
    let firefox = browser(&audit, "firefox");
    assert_eq!(firefox.profiles.len(), 2, "{:#?}", firefox.profiles);
    let listed = profile(firefox, "default-release");
    assert!(!listed.unlisted && listed.default);
    let work = profile(firefox, "work");
    assert!(work.unlisted && !work.default);
    assert!(extension(work, UBO).unwrap().enabled);
    assert_eq!(extension(work, "{446900e4-71c2-419f-a6a7-df9c091e268b}").unwrap().name, "Bitwarden");
}

#[test]
fn chrome_ubo_disabled_by_mv2_and_ubo_lite_enabled() {
    let audit = audit_case("chrome-mv2", OsFamily::Linux);
    assert!(audit.problems.is_empty(), "{:#?}", audit.problems);
    let chrome = browser(&audit, "chrome");
    assert_eq!(chrome.name, "Google Chrome");
    assert_eq!(chrome.profiles.len(), 2);
    let main = profile(chrome, "Personne 1");
    assert!(main.default);
    assert!(!profile(chrome, "Travail").default);
    let ubo = extension(main, UBO_CHROME).unwrap();
    assert!(!ubo.enabled);
    assert_eq!(ubo.disabled_reasons, vec!["manifest-v2".to_owned()]);
    assert_eq!(ubo.manifest_version, Some(2));
    assert_eq!(ubo.name, "uBlock Origin");
    let lite = extension(main, UBO_LITE).unwrap();
    assert!(lite.enabled);
    assert_eq!(lite.name, "uBlock Origin Lite", "resolved through _locales");
    assert_eq!(lite.manifest_version, Some(3));
    assert!(lite.evidence.ends_with("Secure Preferences"));
    assert!(
        extension(main, "ahfgeienlihckogmohjhadlkjgocpleb").is_none(),
        "component extensions are left out"
    );
    assert_eq!(audit.default_browser.as_deref(), Some("chrome"));
    assert!(audit.apps.iter().any(|a| a.id == "chrome" && a.source == "desktop-entry"));
}

#[test]
fn thunderbird_gmail_and_posteo_accounts() {
    let audit = audit_case("thunderbird-gmail-posteo", OsFamily::Linux);
    assert_eq!(audit.mail_accounts.len(), 2, "{:#?}", audit.mail_accounts);
    let gmail = &audit.mail_accounts[0];
    assert_eq!(gmail.address.as_deref(), Some("ana.dupont@gmail.com"));
    assert_eq!(gmail.server, "imap.gmail.com");
    assert_eq!(gmail.provider.id, "google");
    assert_eq!(gmail.provider.kind, ProviderKind::BigTech);
    let posteo = &audit.mail_accounts[1];
    assert_eq!(posteo.address.as_deref(), Some("ana@posteo.net"));
    assert_eq!(posteo.provider.id, "posteo");
    assert_eq!(posteo.provider.kind, ProviderKind::Ethical);
    assert!(posteo.evidence.ends_with("prefs.js"));
}

#[test]
fn macos_home_with_a_binary_launchservices_plist() {
    let plist = home("macos-home")
        .join("Library/Preferences/com.apple.LaunchServices/com.apple.launchservices.secure.plist");
    assert!(fs::read(&plist).unwrap().starts_with(b"bplist00"), "the fixture must stay a binary plist");
    let audit = audit_case("macos-home", OsFamily::Macos);
    assert!(audit.problems.is_empty(), "{:#?}", audit.problems);
    assert_eq!(audit.os, OsFamily::Macos);
    assert_eq!(audit.default_browser.as_deref(), Some("firefox"));
    assert_eq!(audit.default_browser_evidence.as_ref().unwrap().value, "org.mozilla.firefox");
    let firefox = browser(&audit, "firefox");
    let p = profile(firefox, "default-release");
    assert!(p.default && p.path.contains("Profiles"));
    assert!(extension(p, UBO).unwrap().enabled);
    let app = audit.apps.iter().find(|a| a.id == "firefox").unwrap();
    assert_eq!((app.source.as_str(), app.version.as_deref()), ("app-bundle", Some("145.0.1")));
}

#[test]
fn windows_home_with_firefox_chrome_and_a_registry_file() {
    let dir = home("windows-home");
    let registry = MapRegistry::parse_reg_bytes(&fs::read(dir.join("registry.reg")).unwrap()).unwrap();
    let host = Host::for_home(&dir, OsFamily::Windows).with_registry(Box::new(registry));
    let (audit, journal) = audit_host(&host);
    assert!(audit.problems.is_empty(), "{:#?}", audit.problems);
    // What was read of the registry is in the journal with the files: the default browser's keys, and
    // the installed programs' list, with the ones recognised.
    let looked = looked_at(&journal);
    let value = |end: &str| {
        looked
            .iter()
            .find(|(s, key, _)| *s == LookedAt::RegistryValue && key.ends_with(end))
            .map(|l| l.2.clone())
    };
    assert_eq!(value(r"UserChoiceLatest\ProgId").flatten().as_deref(), Some("FirefoxURL-308046B0AF4A39CB"));
    let listed: Vec<&str> = looked
        .iter()
        .filter(|(s, key, _)| *s == LookedAt::InstalledPrograms && key.ends_with(r"\Uninstall"))
        .filter_map(|(_, _, a)| a.as_deref())
        .collect();
    assert!(listed.iter().any(|ids| ids.contains("firefox")), "{looked:?}");
    assert!(listed.iter().any(|ids| ids.contains("chrome")), "{looked:?}");
    assert_eq!(
        audit.default_browser.as_deref(),
        Some("firefox"),
        "UserChoiceLatest before the stale UserChoice"
    );
    assert!(audit.default_browser_evidence.as_ref().unwrap().source.ends_with(r"UserChoiceLatest\ProgId"));
    let firefox = browser(&audit, "firefox");
    assert!(firefox.root.ends_with("AppData/Roaming/Mozilla/Firefox"));
    assert!(extension(profile(firefox, "default-release"), UBO).unwrap().enabled);
    let chrome = browser(&audit, "chrome");
    let lite = extension(profile(chrome, "Ana"), UBO_LITE).unwrap();
    assert!(lite.enabled && lite.name == "uBlock Origin Lite");
    let mut installed: Vec<(&str, Option<&str>)> =
        audit.apps.iter().map(|a| (a.id.as_str(), a.version.as_deref())).collect();
    installed.sort();
    assert_eq!(installed, vec![("chrome", Some("142.0.7444.60")), ("firefox", Some("145.0"))]);
}

#[test]
fn windows_appdata_can_be_moved_by_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&home("windows-home").join("AppData/Roaming"), &dir.path().join("Roam"));
    let host = Host::for_home(dir.path(), OsFamily::Windows)
        .with_env("APPDATA", dir.path().join("Roam").display().to_string());
    let (audit, _) = audit_host(&host);
    assert!(browser(&audit, "firefox").root.contains("Roam"));
}

#[test]
fn an_empty_home_has_nothing_and_no_problem() {
    for os in [OsFamily::Linux, OsFamily::Macos, OsFamily::Windows] {
        let audit = audit_case("empty", os);
        assert!(audit.browsers.is_empty() && audit.apps.is_empty() && audit.mail_accounts.is_empty());
        assert!(audit.problems.is_empty() && audit.files_read.is_empty(), "{os:?}");
        assert_eq!(audit.default_browser, None);
    }
}

#[test]
fn system_folders_are_seen_only_through_the_system_root() {
    let root = fixtures().join("roots/linux-system");
    let (without, _) = audit_host(&Host::for_home(home("empty"), OsFamily::Linux));
    assert!(without.apps.is_empty());
    let (with, _) = audit_host(&Host::for_home(home("empty"), OsFamily::Linux).with_system_root(&root));
    let mut found: Vec<(&str, &str)> = with.apps.iter().map(|a| (a.id.as_str(), a.source.as_str())).collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("chromium", "desktop-entry"),
            ("firefox", "desktop-entry"),
            ("organic-maps", "flatpak"),
            ("thunderbird", "snap")
        ]
    );
    assert_eq!(with.default_browser.as_deref(), Some("chromium"), "from XDG_CONFIG_DIRS");
    assert!(with.default_browser_evidence.as_ref().unwrap().source.ends_with("etc/xdg/mimeapps.list"));
}

#[test]
fn a_hidden_entry_in_the_home_removes_the_system_one() {
    let root = fixtures().join("roots/linux-system");
    let (audit, _) =
        audit_host(&Host::for_home(home("hidden-entry"), OsFamily::Linux).with_system_root(&root));
    assert!(!audit.apps.iter().any(|a| a.id == "chromium"), "{:#?}", audit.apps);
    assert!(audit.apps.iter().any(|a| a.id == "firefox"));
}

#[test]
fn every_file_read_is_in_the_journal() {
    let (audit, journal) = audit_host(&Host::for_home(home("thunderbird-gmail-posteo"), OsFamily::Linux));
    let journaled: Vec<String> = journal
        .entries()
        .into_iter()
        .filter_map(|e| match e {
            JournalEntry::FileRead { path, error: None, .. } => Some(path),
            _ => None,
        })
        .collect();
    assert!(!audit.files_read.is_empty());
    for f in &audit.files_read {
        assert!(journaled.contains(f), "{f} not journaled");
    }
    assert!(audit.files_read.iter().any(|f| f.ends_with("profiles.ini")));
}

#[test]
fn truncated_json_is_a_problem_not_a_crash() {
    let audit = audit_case("broken-truncated", OsFamily::Linux);
    let codes: Vec<(&str, &str)> =
        audit.problems.iter().map(|p| (p.code.as_str(), p.path.as_str())).collect();
    assert!(
        codes.iter().any(|(c, p)| *c == "detect.invalid_json" && p.ends_with("extensions.json")),
        "{codes:?}"
    );
    assert!(
        codes.iter().any(|(c, p)| *c == "detect.invalid_json" && p.ends_with("Default/Preferences")),
        "{codes:?}"
    );
    let firefox = browser(&audit, "firefox");
    assert!(profile(firefox, "default").extensions.is_empty());
    assert!(audit.problems.iter().all(|p| p.app.is_some()));
}

#[test]
fn garbage_everywhere_gives_problems_only() {
    let audit = audit_case("broken-garbage", OsFamily::Linux);
    let codes: Vec<&str> = audit.problems.iter().map(|p| p.code.as_str()).collect();
    for expected in ["detect.invalid_ini", "detect.invalid_json", "detect.invalid_prefs"] {
        assert!(codes.contains(&expected), "{expected} missing from {:#?}", audit.problems);
    }
    assert!(audit.mail_accounts.is_empty());
    assert_eq!(audit.default_browser, None);
    // The garbage profile is still found by scanning the root.
    assert!(browser(&audit, "firefox").profiles.iter().any(|p| p.unlisted));
}

#[test]
fn a_folder_where_a_file_is_expected() {
    let audit = audit_case("broken-not-a-file", OsFamily::Linux);
    let problem = audit.problems.iter().find(|p| p.code == "detect.not_a_file").unwrap();
    assert!(problem.path.ends_with("extensions.json"));
    assert!(problem.message.contains("folder"));
    assert_eq!(browser(&audit, "firefox").profiles.len(), 1, "the missing profile is skipped");
}

#[test]
fn a_huge_file_is_not_read() {
    let dir = copy_home("debian-firefox-ubo");
    let ext = dir.path().join(".mozilla/firefox/k3v9x2ab.default-esr/extensions.json");
    // Sparse: 20 MiB on paper, nothing on disk.
    fs::File::options().write(true).open(&ext).unwrap().set_len(20 * 1024 * 1024).unwrap();
    let (audit, _) = audit_host(&Host::for_home(dir.path(), OsFamily::Linux));
    let problem = audit.problems.iter().find(|p| p.code == "detect.too_large").unwrap();
    assert!(problem.path.ends_with("extensions.json"));
    assert!(!audit.files_read.iter().any(|f| f.ends_with("k3v9x2ab.default-esr/extensions.json")));
}

#[test]
fn the_cap_is_what_the_reader_is_told() {
    let journal = Journal::new();
    let mut reader = Reader::new(&journal, false).with_max_bytes(64);
    let host = Host::for_home(home("debian-firefox-ubo"), OsFamily::Linux);
    let audit = detect::audit_with(&host, &reference(), &mut reader);
    assert!(audit.problems.iter().any(|p| p.code == "detect.too_large"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_in_problems_not_hangs() {
    use std::os::unix::fs::symlink;
    let dir = copy_home("debian-firefox-ubo");
    let root = dir.path().join(".mozilla/firefox");
    // A folder that links to its parent, a file that links to itself, two profiles linking to each other.
    symlink(&root, root.join("loop.default")).unwrap();
    let ext = root.join("k3v9x2ab.default-esr/extensions.json");
    fs::remove_file(&ext).unwrap();
    symlink(&ext, &ext).unwrap();
    symlink(root.join("b.default"), root.join("a.default")).unwrap();
    symlink(root.join("a.default"), root.join("b.default")).unwrap();
    let (audit, _) = audit_host(&Host::for_home(dir.path(), OsFamily::Linux));
    let problem = audit.problems.iter().find(|p| p.path.ends_with("extensions.json")).unwrap();
    assert!(problem.message.contains("link"), "{problem:?}");
    assert!(browser(&audit, "firefox").profiles.len() <= 3);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_opened() {
    let dir = copy_home("debian-firefox-ubo");
    let ext = dir.path().join(".mozilla/firefox/k3v9x2ab.default-esr/extensions.json");
    fs::remove_file(&ext).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&ext).status();
    assert!(made.as_ref().is_ok_and(|s| s.success()), "mkfifo makes the FIFO: {made:?}");
    let home = dir.path().to_path_buf();
    let (audit, _) = watchdog::ends("auditing a home with a FIFO", move || {
        audit_host(&Host::for_home(home, OsFamily::Linux))
    });
    assert!(audit
        .problems
        .iter()
        .any(|p| p.code == "detect.not_a_file" && p.path.ends_with("extensions.json")));
}

/// Where the child started by `unreadable_files_are_reported` finds the home to audit.
#[cfg(unix)]
const UNREADABLE_HOME: &str = "PREMIERS_PAS_TEST_UNREADABLE_HOME";

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    // In the child started below, as a user without privileges: the audit itself.
    if let Some(home) = std::env::var_os(UNREADABLE_HOME) {
        assert_unreadable_reported(Path::new(&home));
        return;
    }
    let dir = copy_home("debian-firefox-ubo");
    let ext = dir.path().join(".mozilla/firefox/k3v9x2ab.default-esr/extensions.json");
    fs::set_permissions(&ext, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&ext).is_err() {
        assert_unreadable_reported(dir.path());
    } else {
        // Root reads anything: the audit runs again as a user the file's mode does stop.
        as_nobody("unreadable_files_are_reported", UNREADABLE_HOME, dir.path());
    }
}

#[cfg(unix)]
fn assert_unreadable_reported(home: &Path) {
    let (audit, _) = audit_host(&Host::for_home(home, OsFamily::Linux));
    let problem = audit.problems.iter().find(|p| p.path.ends_with("extensions.json"));
    let problem = problem.unwrap_or_else(|| panic!("no problem with extensions.json: {:?}", audit.problems));
    assert_eq!(problem.code, "detect.unreadable");
    assert!(problem.message.contains("permission denied"), "{}", problem.message);
    // The profile is still seen, without what could not be read.
    assert_eq!(browser(&audit, "firefox").profiles.len(), 2);
}

/// Runs the test `name` of this binary again, in a child process as the unprivileged user `nobody`
/// (`setpriv`, from util-linux), with `home` (given to that user) in the environment variable `var`.
#[cfg(unix)]
fn as_nobody(name: &str, var: &str, home: &Path) {
    use std::os::unix::fs::{lchown, PermissionsExt};
    const NOBODY: u32 = 65534;
    fn give(path: &Path) {
        lchown(path, Some(NOBODY), Some(NOBODY)).unwrap();
        if fs::symlink_metadata(path).unwrap().is_dir() {
            for entry in fs::read_dir(path).unwrap() {
                give(&entry.unwrap().path());
            }
        }
    }
    give(home);
    // The test binary is copied where that user may run it: the build folder may be in a private home.
    let bin = tempfile::tempdir().unwrap();
    let exe = bin.path().join("test");
    fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
    fs::set_permissions(&exe, fs::Permissions::from_mode(0o755)).unwrap();
    give(bin.path());
    let ids = NOBODY.to_string();
    let out = std::process::Command::new("setpriv")
        .args(["--reuid", &ids, "--regid", &ids, "--clear-groups", "--"])
        .arg(&exe)
        .args(["--exact", name, "--test-threads=1", "--nocapture"])
        .env(var, home)
        .output()
        .unwrap_or_else(|err| panic!("setpriv (util-linux) runs the test as `nobody`: {err}"));
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the test as `nobody`: {}\n{said}", out.status);
    assert!(said.contains("1 passed"), "the test ran as `nobody`: {said}");
}

/// A binary property list (`bplist00`) of `objects`, the first one the root; object references and
/// offsets are written on four bytes.
fn binary_plist(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"bplist00".to_vec();
    let mut offsets = Vec::new();
    for object in objects {
        offsets.push(u32::try_from(out.len()).unwrap());
        out.extend_from_slice(object);
    }
    let table = out.len() as u64;
    for offset in offsets {
        out.extend_from_slice(&offset.to_be_bytes());
    }
    out.extend_from_slice(&[0; 6]);
    out.extend_from_slice(&[4, 4]);
    out.extend_from_slice(&(objects.len() as u64).to_be_bytes());
    out.extend_from_slice(&0u64.to_be_bytes());
    out.extend_from_slice(&table.to_be_bytes());
    out
}

/// A binary property list array object holding the objects `refs` (fewer than 15).
fn plist_array(refs: &[u32]) -> Vec<u8> {
    let mut out = vec![0xA0 | u8::try_from(refs.len()).unwrap()];
    for r in refs {
        out.extend_from_slice(&r.to_be_bytes());
    }
    out
}

fn write_file(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Whether the audit reports `file` as an unreadable property list, for a reason that says `why`.
fn plist_problem(audit: &Audit, file: &str, why: &str) -> bool {
    audit
        .problems
        .iter()
        .any(|p| p.code == "detect.invalid_plist" && p.path.ends_with(file) && p.message.contains(why))
}

const LAUNCH_SERVICES: &str =
    "Library/Preferences/com.apple.LaunchServices/com.apple.launchservices.secure.plist";

#[test]
fn a_property_list_nested_without_end_is_a_problem_not_a_crash() {
    let dir = copy_home("macos-home");
    // A million arrays, each inside the one before: 9 MB, under the size cap. Dropping such a value
    // recursively would overflow any thread's stack and abort the whole program.
    let depth: u32 = 1_000_000;
    let chain: Vec<Vec<u8>> =
        (0..depth).map(|i| if i + 1 < depth { plist_array(&[i + 1]) } else { plist_array(&[]) }).collect();
    write_file(&dir.path().join(LAUNCH_SERVICES), &binary_plist(&chain));
    // The same in XML, in an application's Info.plist.
    let xml = format!(
        "<?xml version=\"1.0\"?><plist version=\"1.0\">{}{}</plist>",
        "<array>".repeat(500_000),
        "</array>".repeat(500_000)
    );
    write_file(&dir.path().join("Applications/Deep.app/Contents/Info.plist"), xml.as_bytes());
    let home = dir.path().to_path_buf();
    let (audit, _) = watchdog::ends("auditing deep property lists", move || {
        audit_host(&Host::for_home(home, OsFamily::Macos))
    });
    assert!(plist_problem(&audit, "secure.plist", "levels deep"), "{:#?}", audit.problems);
    assert!(plist_problem(&audit, "Deep.app/Contents/Info.plist", "levels deep"), "{:#?}", audit.problems);
    assert_eq!(audit.default_browser, None);
    assert!(audit.apps.iter().any(|a| a.id == "firefox"), "the other applications are still found");
}

#[test]
fn a_property_list_that_expands_without_end_is_a_problem_not_a_hang() {
    let dir = copy_home("macos-home");
    // Forty arrays, each holding the next one twice: a few hundred bytes that read as 2^40 values.
    let levels: u32 = 40;
    let bomb: Vec<Vec<u8>> = (0..levels)
        .map(|i| if i + 1 < levels { plist_array(&[i + 1, i + 1]) } else { plist_array(&[]) })
        .collect();
    let bomb = binary_plist(&bomb);
    assert!(bomb.len() < 1024);
    write_file(&dir.path().join("Applications/Bomb.app/Contents/Info.plist"), &bomb);
    write_file(&dir.path().join(LAUNCH_SERVICES), &bomb);
    let home = dir.path().to_path_buf();
    let (audit, _) = watchdog::ends("auditing expanding property lists", move || {
        audit_host(&Host::for_home(home, OsFamily::Macos))
    });
    assert!(plist_problem(&audit, "secure.plist", "values"), "{:#?}", audit.problems);
    assert!(plist_problem(&audit, "Bomb.app/Contents/Info.plist", "values"), "{:#?}", audit.problems);
    assert!(audit.apps.iter().any(|a| a.id == "firefox"));
}

/// The files the journal says were opened outside `home` (or through a `..`).
fn read_outside(journal: &Journal, home: &Path) -> Vec<String> {
    journal
        .entries()
        .into_iter()
        .filter_map(|e| match e {
            JournalEntry::FileRead { path, .. } => Some(path),
            _ => None,
        })
        .filter(|p| {
            let p = Path::new(p);
            !p.starts_with(home) || p.components().any(|c| c == std::path::Component::ParentDir)
        })
        .collect()
}

/// A copy of a fixture home, and beside it a folder `outside` that nothing in the home may lead to.
fn fixture_beside_an_outside(case: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let home_dir = root.path().join("home");
    copy_dir(&home(case), &home_dir);
    let outside = root.path().join("outside");
    (root, home_dir, outside)
}

#[test]
fn names_in_chrome_files_never_lead_outside_the_home() {
    let (_root, home_dir, outside) = fixture_beside_an_outside("chrome-mv2");
    // Beside the home: an "extension" and a catalogue of messages that must never be read.
    write_file(
        &outside.join("1.0/manifest.json"),
        br#"{"name": "Read outside the home", "version": "6.6.6", "manifest_version": 3}"#,
    );
    write_file(&outside.join("messages.json"), br#"{"extName": {"message": "Named outside the home"}}"#);
    // Extension ids written as paths, relative and absolute, in the profile's preferences…
    let profile_dir = home_dir.join(".config/google-chrome/Default");
    let prefs = serde_json::json!({"extensions": {"settings": {
        "../../../../../outside": {"state": 1},
        outside.display().to_string(): {"state": 1},
    }}});
    fs::write(profile_dir.join("Preferences"), prefs.to_string()).unwrap();
    // …and a manifest whose default language is a path.
    let lite = profile_dir.join(format!("Extensions/{UBO_LITE}/2025.1116.1_0/manifest.json"));
    let manifest = serde_json::json!({"manifest_version": 3, "name": "__MSG_extName__",
        "version": "2025.1116.1", "default_locale": outside.display().to_string()});
    fs::write(&lite, manifest.to_string()).unwrap();

    let (audit, journal) = audit_host(&Host::for_home(&home_dir, OsFamily::Linux));
    assert_eq!(read_outside(&journal, &home_dir), Vec::<String>::new());
    let main = profile(browser(&audit, "chrome"), "Personne 1");
    for e in &main.extensions {
        assert!(!e.name.contains("outside the home") && e.version != "6.6.6", "{e:#?}");
    }
    // Without its messages, the extension goes by its id.
    assert_eq!(extension(main, UBO_LITE).unwrap().name, UBO_LITE);
}

#[test]
fn json_of_the_wrong_shape_is_a_problem_and_never_a_crash() {
    let dir = copy_home("chrome-mv2");
    let chrome = dir.path().join(".config/google-chrome");
    // Valid JSON, but not what Chrome writes: each is said, not taken for "no extension".
    fs::write(chrome.join("Local State"), "42").unwrap();
    fs::write(chrome.join("Default/Preferences"), "null").unwrap();
    fs::write(chrome.join("Profile 1/Preferences"), "[1, 2, 3]").unwrap();
    // Numbers where text is expected, and text where numbers are.
    let odd = serde_json::json!({"extensions": {"settings": {
        UBO_LITE: {"state": "1", "disable_reasons": "none", "location": "x", "path": 7,
                   "manifest": {"name": 42, "version": [], "manifest_version": "3"}},
    }}});
    fs::write(chrome.join("Default/Secure Preferences"), odd.to_string()).unwrap();
    let (audit, _) = audit_host(&Host::for_home(dir.path(), OsFamily::Linux));
    for file in ["google-chrome/Local State", "Default/Preferences", "Profile 1/Preferences"] {
        assert!(
            audit.problems.iter().any(|p| p.code == "detect.unexpected_format" && p.path.ends_with(file)),
            "{file}: {:#?}",
            audit.problems
        );
    }
    let chrome = browser(&audit, "chrome");
    assert_eq!(chrome.profiles.len(), 2, "the profiles are still there, under their folders' names");
    let lite = extension(profile(chrome, "Default"), UBO_LITE).unwrap();
    assert_eq!((lite.name.as_str(), lite.manifest_version), ("uBlock Origin Lite", Some(3)), "from disk");

    // Firefox: `null`, and an array nested far deeper than any JSON reader should follow.
    let dir = copy_home("debian-firefox-ubo");
    let root = dir.path().join(".mozilla/firefox");
    fs::write(root.join("k3v9x2ab.default-esr/extensions.json"), "null").unwrap();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    fs::write(root.join("p0q1r2s3.default/extensions.json"), deep).unwrap();
    let (audit, _) = audit_host(&Host::for_home(dir.path(), OsFamily::Linux));
    let problem =
        |code: &str, file: &str| audit.problems.iter().any(|p| p.code == code && p.path.ends_with(file));
    assert!(
        problem("detect.unexpected_format", "k3v9x2ab.default-esr/extensions.json"),
        "{:#?}",
        audit.problems
    );
    assert!(problem("detect.invalid_json", "p0q1r2s3.default/extensions.json"), "{:#?}", audit.problems);
}

#[test]
fn profile_paths_in_profiles_ini_never_lead_outside_the_home() {
    let (_root, home_dir, outside) = fixture_beside_an_outside("debian-firefox-ubo");
    // Beside the home: a profile that must never be read.
    write_file(&outside.join("extensions.json"), br#"{"addons": []}"#);
    let ini = home_dir.join(".mozilla/firefox/profiles.ini");
    let mut text = fs::read_to_string(&ini).unwrap();
    text.push_str(&format!(
        "\n[Profile2]\nName=climbs\nIsRelative=1\nPath=../../../outside\n\
         \n[Profile3]\nName=absolute\nIsRelative=0\nPath={}\n\
         \n[Profile4]\nName=twice\nPath=k3v9x2ab.default-esr\nPath=../../../outside\n\
         \n[Profile5]\nName=no path\n\
         \n[Profile6]\nPath=\n",
        outside.display()
    ));
    fs::write(&ini, text).unwrap();
    let (audit, journal) = audit_host(&Host::for_home(&home_dir, OsFamily::Linux));
    assert_eq!(read_outside(&journal, &home_dir), Vec::<String>::new());
    let unresolved: Vec<&str> = audit
        .problems
        .iter()
        .filter(|p| p.code == "detect.unresolved_path")
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(unresolved.len(), 1, "{:#?}", audit.problems);
    assert!(unresolved[0].contains(&outside.display().to_string()), "{unresolved:?}");
    let firefox = browser(&audit, "firefox");
    assert_eq!(firefox.profiles.len(), 2, "{:#?}", firefox.profiles);
    assert!(extension(profile(firefox, "default-esr"), UBO).unwrap().enabled);

    // No section at all: the profiles are still found by scanning the folder.
    fs::write(&ini, "StartWithLastProfile=1\n").unwrap();
    let (audit, _) = audit_host(&Host::for_home(&home_dir, OsFamily::Linux));
    let firefox = browser(&audit, "firefox");
    assert_eq!(firefox.profiles.len(), 2);
    assert!(firefox.profiles.iter().all(|p| p.unlisted));
}

#[test]
fn empty_files_and_text_that_is_not_utf8() {
    // Thunderbird: prefs.js with a Latin-1 name among the accounts, profiles.ini with a Latin-1 name.
    let dir = copy_home("thunderbird-gmail-posteo");
    let tb = dir.path().join(".thunderbird");
    let prefs = tb.join("tb5x6y7z.default-release/prefs.js");
    let mut bytes = fs::read(&prefs).unwrap();
    bytes.extend_from_slice(b"user_pref(\"mail.identity.id1.fullName\", \"Ana Dupr\xe9\");\n");
    fs::write(&prefs, bytes).unwrap();
    let ini = tb.join("profiles.ini");
    let text = fs::read(&ini).unwrap();
    fs::write(&ini, [&text[..], b"\n[Profile1]\nName=Pr\xe9f\xe9r\xe9\nPath=absent\n"].concat()).unwrap();
    let (audit, _) = audit_host(&Host::for_home(dir.path(), OsFamily::Linux));
    assert_eq!(audit.mail_accounts.len(), 2, "{:#?}", audit.mail_accounts);
    assert!(audit.problems.is_empty(), "{:#?}", audit.problems);

    // Empty: a prefs.js says nothing (no account, no problem); an empty JSON file is not JSON.
    fs::write(&prefs, "").unwrap();
    let (audit, _) = audit_host(&Host::for_home(dir.path(), OsFamily::Linux));
    assert!(audit.mail_accounts.is_empty() && audit.problems.is_empty(), "{:#?}", audit.problems);
    let dir = copy_home("chrome-mv2");
    fs::write(dir.path().join(".config/google-chrome/Default/Preferences"), "").unwrap();
    let dir_ff = copy_home("debian-firefox-ubo");
    fs::write(dir_ff.path().join(".mozilla/firefox/k3v9x2ab.default-esr/extensions.json"), "").unwrap();
    for (home, file) in [(&dir, "Default/Preferences"), (&dir_ff, "default-esr/extensions.json")] {
        let (audit, _) = audit_host(&Host::for_home(home.path(), OsFamily::Linux));
        assert!(
            audit.problems.iter().any(|p| p.code == "detect.invalid_json" && p.path.ends_with(file)),
            "{file}: {:#?}",
            audit.problems
        );
    }
}

#[test]
fn an_account_listed_a_million_times_is_one_account() {
    // 9 MB of prefs.js, under the size cap: the same account over and over. Read as listed, each
    // repetition became an account of its own, some 300 bytes each: gigabytes from a file.
    let dir = copy_home("thunderbird-gmail-posteo");
    let prefs = dir.path().join(".thunderbird/tb5x6y7z.default-release/prefs.js");
    let mut text = fs::read_to_string(&prefs).unwrap();
    text.push_str(&format!(
        "user_pref(\"mail.accountmanager.accounts\", \"{}account2\");\n",
        "account1,".repeat(1_000_000)
    ));
    fs::write(&prefs, text).unwrap();
    let (audit, _) = audit_host(&Host::for_home(dir.path(), OsFamily::Linux));
    assert_eq!(audit.mail_accounts.len(), 2);
    let addresses: Vec<Option<&str>> = audit.mail_accounts.iter().map(|a| a.address.as_deref()).collect();
    assert_eq!(addresses, [Some("ana.dupont@gmail.com"), Some("ana@posteo.net")]);
}

/// On this computer the audit also asks a helper program and looks at the names of the programs running:
/// both are in the journal, as the files are, whatever they answered (here a home with nothing in it,
/// and no helper to run).
#[test]
fn what_the_audit_asks_besides_files_is_journaled() {
    let dir = tempfile::tempdir().unwrap();
    let mut host = Host::for_home(dir.path(), OsFamily::Linux);
    host.live = true;
    let (_, journal) = audit_host(&host);
    let looked = looked_at(&journal);
    assert!(
        looked.contains(&(LookedAt::Program, "xdg-settings get default-web-browser".to_owned(), None)),
        "{looked:?}"
    );
    assert!(
        looked.iter().any(|(source, _, answer)| *source == LookedAt::Processes && answer.is_some()),
        "{looked:?}"
    );
}
