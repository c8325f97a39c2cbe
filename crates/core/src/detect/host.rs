//! The computer being audited, as the detectors may see it: a home folder, an OS family, the environment
//! variables that matter, a registry reader, a command runner, and where system-wide folders live.
//!
//! Detectors never read `std::env`, `dirs` or the real registry themselves: they ask the [`Host`]. So a
//! macOS or Windows home laid out as files can be audited on Linux, and a fixture home never sees the
//! real machine's `/usr/share/applications`. This module does not decide what is *found*; it only says
//! where to look.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::system::OsFamily;

/// The environment variables detectors may consult. Anything else is never read.
pub const RELEVANT_ENV: &[&str] = &[
    "HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CONFIG_DIRS",
    "XDG_DATA_DIRS",
    "XDG_CURRENT_DESKTOP",
    "APPDATA",
    "LOCALAPPDATA",
    "USERPROFILE",
];

/// Reads string values of a Windows registry (the real one on Windows, a map elsewhere).
///
/// Keys are full paths such as `HKEY_CURRENT_USER\Software\Microsoft`; `HKCU`/`HKLM` are accepted too.
/// Lookups are case-insensitive, as in the registry itself.
pub trait RegistryReader: fmt::Debug + Send + Sync {
    /// A string (or DWORD, as decimal text) value, if the key and value exist.
    fn string(&self, key: &str, name: &str) -> Option<String>;
    /// The names of the direct subkeys of a key (empty when it does not exist).
    fn subkeys(&self, key: &str) -> Vec<String>;
    /// Whether there is a registry to read at all (not the empty stand-in of a system without one): what
    /// is read of it is journaled only then.
    fn exists(&self) -> bool {
        true
    }
}

/// What a command printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandOutput {
    pub success: bool,
    pub stdout: String,
}

/// Runs a few read-only helper programs (`xdg-settings get default-web-browser`).
pub trait CommandRunner: fmt::Debug + Send + Sync {
    /// Runs `program args…`; `None` when the program is absent or did not finish in time.
    fn run(&self, program: &str, args: &[&str]) -> Option<CommandOutput>;
}

/// A registry with no keys: Linux and macOS, or a Windows home given without a registry file.
#[derive(Debug, Clone, Default)]
pub struct EmptyRegistry;

impl RegistryReader for EmptyRegistry {
    fn string(&self, _key: &str, _name: &str) -> Option<String> {
        None
    }
    fn subkeys(&self, _key: &str) -> Vec<String> {
        Vec::new()
    }
    fn exists(&self) -> bool {
        false
    }
}

/// A runner that has no programs: audits of a home laid out as files.
#[derive(Debug, Clone, Default)]
pub struct NoCommands;

impl CommandRunner for NoCommands {
    fn run(&self, _program: &str, _args: &[&str]) -> Option<CommandOutput> {
        None
    }
}

/// A runner with canned answers, keyed by the full command line (`xdg-settings get default-web-browser`).
#[derive(Debug, Clone, Default)]
pub struct FakeCommands {
    pub answers: BTreeMap<String, CommandOutput>,
}

impl CommandRunner for FakeCommands {
    fn run(&self, program: &str, args: &[&str]) -> Option<CommandOutput> {
        let mut line = program.to_owned();
        for a in args {
            line.push(' ');
            line.push_str(a);
        }
        self.answers.get(&line).cloned()
    }
}

/// Runs real programs, with a time limit: a helper stuck on a D-Bus call must not hang the audit.
///
/// The limit covers the helper's output too. Its output is read while it runs, so a helper that prints a
/// lot never waits on a full pipe; and a helper that leaves a program running with its output still open
/// (a shell script's forgotten background job) cannot hold the audit either. On Unix the helper runs in a
/// process group of its own, and when time is up the whole group is stopped.
#[derive(Debug, Clone)]
pub struct SystemCommands {
    pub timeout: Duration,
}

impl Default for SystemCommands {
    fn default() -> Self {
        SystemCommands { timeout: Duration::from_secs(5) }
    }
}

/// The most of a helper's output kept: we only want one line. The rest is read and dropped.
const MAX_HELPER_OUTPUT: u64 = 64 * 1024;

impl CommandRunner for SystemCommands {
    fn run(&self, program: &str, args: &[&str]) -> Option<CommandOutput> {
        let mut command = Command::new(program);
        command.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command.spawn().ok()?;
        let deadline = Instant::now() + self.timeout;
        // First the output, whole once every writer has closed it: the helper and whatever it started.
        // Only then is the helper reaped, so that until it is, its process group cannot be another's
        // and stopping the group never reaches a stranger.
        let stdout = child.stdout.take().and_then(|out| read_until(out, deadline));
        let status = stdout.as_ref().and_then(|_| loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
                _ => break None,
            }
        });
        match (status, stdout) {
            (Some(status), Some(stdout)) => Some(CommandOutput { success: status.success(), stdout }),
            _ => {
                stop(&mut child);
                None
            }
        }
    }
}

/// A helper's output, at most [`MAX_HELPER_OUTPUT`] of it, read to its end unless `deadline` comes first.
///
/// On Unix, in this thread: the pipe is read without blocking, waiting in `poll` for the time left. A
/// program that left the helper's process group (`setsid`) with the output open, which stopping the group
/// cannot reach, leaves nothing behind when the time is up.
#[cfg(unix)]
fn read_until(mut out: std::process::ChildStdout, deadline: Instant) -> Option<String> {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    use std::io::ErrorKind;

    rustix::io::ioctl_fionbio(&out, true).ok()?;
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        // Checked at every turn: a helper that never stops printing never leaves the pipe empty.
        if Instant::now() >= deadline {
            return None;
        }
        match out.read(&mut buf) {
            Ok(0) => return Some(String::from_utf8_lossy(&kept).into_owned()),
            Ok(n) => {
                let room = (MAX_HELPER_OUTPUT as usize).saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return None;
                }
                let left = Timespec::try_from(left).ok()?;
                // Ready to read, closed, or interrupted: the next read says which; out of time: the next
                // turn says so.
                let _ = poll(&mut [PollFd::new(&out, PollFlags::IN)], Some(&left));
            }
            Err(_) => return None,
        }
    }
}

/// A helper's output, at most [`MAX_HELPER_OUTPUT`] of it, read to its end unless `deadline` comes first.
/// Elsewhere, by a thread: one left behind by a program that keeps the output open waits for it; the audit
/// does not.
#[cfg(not(unix))]
fn read_until(mut out: std::process::ChildStdout, deadline: Instant) -> Option<String> {
    let (sender, printed) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("helper-output".into())
        .spawn(move || {
            let mut kept = Vec::new();
            let _ = (&mut out).take(MAX_HELPER_OUTPUT).read_to_end(&mut kept);
            let _ = std::io::copy(&mut out, &mut std::io::sink());
            sender.send(String::from_utf8_lossy(&kept).into_owned())
        })
        .ok()?;
    printed.recv_timeout(deadline.saturating_duration_since(Instant::now())).ok()
}

/// Stops a helper that ran out of time, with what it started in its process group (Unix), then reaps it.
fn stop(child: &mut std::process::Child) {
    #[cfg(unix)]
    let _ = rustix::process::kill_process_group(
        rustix::process::Pid::from_child(child),
        rustix::process::Signal::KILL,
    );
    let _ = child.kill();
    let _ = child.wait();
}

/// A computer to audit.
#[derive(Debug)]
pub struct Host {
    /// The home folder of the person audited.
    pub home: PathBuf,
    /// Decides where applications keep their files.
    pub os: OsFamily,
    /// Where system-wide folders (`/usr/share/applications`, `/var/lib/flatpak`, `/Applications`) live:
    /// `/` for the live machine, `None` when auditing a home laid out as files (only the home is seen).
    pub system_root: Option<PathBuf>,
    /// True for the machine we run on: it may have running browsers and files being rewritten.
    pub live: bool,
    env: BTreeMap<String, String>,
    registry: Box<dyn RegistryReader>,
    commands: Box<dyn CommandRunner>,
}

impl Host {
    /// A home laid out as files: no system folders, no commands, an empty registry unless given.
    pub fn for_home(home: impl Into<PathBuf>, os: OsFamily) -> Host {
        Host {
            home: home.into(),
            os,
            system_root: None,
            live: false,
            env: BTreeMap::new(),
            registry: Box::new(EmptyRegistry),
            commands: Box::new(NoCommands),
        }
    }

    /// The machine this program runs on, as the current user sees it.
    pub fn live() -> Host {
        let env: BTreeMap<String, String> =
            RELEVANT_ENV.iter().filter_map(|k| std::env::var(k).ok().map(|v| ((*k).to_owned(), v))).collect();
        let home = directories::BaseDirs::new()
            .map(|b| b.home_dir().to_path_buf())
            .or_else(|| env.get("HOME").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("."));
        Host {
            home,
            os: OsFamily::current(),
            system_root: Some(PathBuf::from(if cfg!(windows) { "C:\\" } else { "/" })),
            live: true,
            env,
            registry: live_registry(),
            commands: Box::new(SystemCommands::default()),
        }
    }

    /// Sets an environment variable as the detectors will see it.
    pub fn with_env(mut self, key: impl Into<String>, value: impl Into<String>) -> Host {
        self.env.insert(key.into(), value.into());
        self
    }

    /// Uses this registry.
    pub fn with_registry(mut self, registry: Box<dyn RegistryReader>) -> Host {
        self.registry = registry;
        self
    }

    /// Uses this command runner.
    pub fn with_commands(mut self, commands: Box<dyn CommandRunner>) -> Host {
        self.commands = commands;
        self
    }

    /// Lets the detectors see system-wide folders under `root` (`/` on the live machine).
    pub fn with_system_root(mut self, root: impl Into<PathBuf>) -> Host {
        self.system_root = Some(root.into());
        self
    }

    /// A relevant environment variable, when set and not empty.
    pub fn env(&self, key: &str) -> Option<&str> {
        self.env.get(key).map(String::as_str).filter(|v| !v.is_empty())
    }

    /// The registry reader.
    pub fn registry(&self) -> &dyn RegistryReader {
        self.registry.as_ref()
    }

    /// The command runner.
    pub fn commands(&self) -> &dyn CommandRunner {
        self.commands.as_ref()
    }

    /// `home/relative`, where `relative` is written with `/` whatever the OS.
    pub fn home_path(&self, relative: &str) -> PathBuf {
        join_slashed(&self.home, relative)
    }

    /// A system-wide path (written as on the audited OS, e.g. `/usr/share/applications`), re-rooted under
    /// [`Host::system_root`]; `None` when system folders are not to be seen.
    pub fn system_path(&self, absolute: &str) -> Option<PathBuf> {
        let root = self.system_root.as_ref()?;
        Some(join_slashed(root, absolute.trim_start_matches(['/', '\\'])))
    }

    /// A path taken from an environment variable: used as is when absolute on this machine, else ignored.
    fn env_dir(&self, key: &str) -> Option<PathBuf> {
        let value = self.env(key)?;
        let path = PathBuf::from(value);
        path.is_absolute().then_some(path)
    }

    /// `XDG_CONFIG_HOME`, default `~/.config`.
    pub fn xdg_config_home(&self) -> PathBuf {
        self.env_dir("XDG_CONFIG_HOME").unwrap_or_else(|| self.home_path(".config"))
    }

    /// `XDG_DATA_HOME`, default `~/.local/share`.
    pub fn xdg_data_home(&self) -> PathBuf {
        self.env_dir("XDG_DATA_HOME").unwrap_or_else(|| self.home_path(".local/share"))
    }

    /// Each of `XDG_CONFIG_DIRS` (default `/etc/xdg`), as system paths.
    pub fn xdg_config_dirs(&self) -> Vec<PathBuf> {
        self.system_list("XDG_CONFIG_DIRS", "/etc/xdg")
    }

    /// Each of `XDG_DATA_DIRS` (default `/usr/local/share:/usr/share`), as system paths.
    pub fn xdg_data_dirs(&self) -> Vec<PathBuf> {
        self.system_list("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
    }

    fn system_list(&self, key: &str, default: &str) -> Vec<PathBuf> {
        let raw = self.env(key).unwrap_or(default);
        let mut out: Vec<PathBuf> = Vec::new();
        for part in raw.split(':').map(str::trim).filter(|p| p.starts_with('/')) {
            let Some(path) = self.system_path(part) else {
                continue;
            };
            if !out.contains(&path) {
                out.push(path);
            }
        }
        out
    }

    /// The lower-cased names in `XDG_CURRENT_DESKTOP` (`ubuntu:GNOME` → `ubuntu`, `gnome`).
    pub fn desktops(&self) -> Vec<String> {
        self.env("XDG_CURRENT_DESKTOP")
            .unwrap_or("")
            .split(':')
            .map(|d| d.trim().to_ascii_lowercase())
            .filter(|d| !d.is_empty())
            .collect()
    }

    /// `%APPDATA%`, default `HOME/AppData/Roaming` (Windows homes).
    pub fn appdata(&self) -> PathBuf {
        self.env_dir("APPDATA").unwrap_or_else(|| self.home_path("AppData/Roaming"))
    }

    /// `%LOCALAPPDATA%`, default `HOME/AppData/Local` (Windows homes).
    pub fn local_appdata(&self) -> PathBuf {
        self.env_dir("LOCALAPPDATA").unwrap_or_else(|| self.home_path("AppData/Local"))
    }

    /// `~/Library/Application Support` (macOS homes).
    pub fn mac_app_support(&self) -> PathBuf {
        self.home_path("Library/Application Support")
    }
}

/// Joins a `/`-separated relative path piece by piece, so it works for any audited OS on any OS.
pub fn join_slashed(base: &Path, relative: &str) -> PathBuf {
    let mut out = base.to_path_buf();
    for part in relative.split(['/', '\\']).filter(|p| !p.is_empty() && *p != ".") {
        // A piece of data must not lead out of the folder it names: no `..`, and on Windows no drive
        // (`C:`) or root, which `push` would put in the base's place.
        if !Path::new(part).components().all(|c| matches!(c, Component::Normal(_))) {
            continue;
        }
        out.push(OsStr::new(part));
    }
    out
}

#[cfg(windows)]
fn live_registry() -> Box<dyn RegistryReader> {
    Box::new(super::registry::LiveRegistry)
}

#[cfg(not(windows))]
fn live_registry() -> Box<dyn RegistryReader> {
    Box::new(EmptyRegistry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_folders_default_under_the_home() {
        let host = Host::for_home("/h", OsFamily::Windows);
        assert_eq!(host.appdata(), PathBuf::from("/h/AppData/Roaming"));
        assert_eq!(host.local_appdata(), PathBuf::from("/h/AppData/Local"));
        let host = host.with_env("APPDATA", "/elsewhere/Roaming");
        assert_eq!(host.appdata(), PathBuf::from("/elsewhere/Roaming"));
    }

    #[test]
    fn a_home_audit_sees_no_system_folder() {
        let host = Host::for_home("/h", OsFamily::Linux);
        assert!(host.xdg_data_dirs().is_empty());
        assert_eq!(host.system_path("/usr/share"), None);
        let host = host.with_system_root("/fixture-root");
        assert_eq!(
            host.xdg_data_dirs(),
            vec![PathBuf::from("/fixture-root/usr/local/share"), PathBuf::from("/fixture-root/usr/share")]
        );
    }

    #[test]
    fn slashed_paths_never_climb_out() {
        assert_eq!(join_slashed(Path::new("/a"), "b/../c"), PathBuf::from("/a/b/c"));
        assert_eq!(join_slashed(Path::new("/a"), "Google\\Chrome"), PathBuf::from("/a/Google/Chrome"));
        assert_eq!(join_slashed(Path::new("/a"), "/etc/./passwd"), PathBuf::from("/a/etc/passwd"));
    }

    /// On Windows a drive in data (`C:` from a Chrome `path`) would replace the base when pushed.
    #[cfg(windows)]
    #[test]
    fn slashed_paths_never_change_drive() {
        let base = Path::new(r"D:\home\p");
        assert_eq!(join_slashed(base, r"C:\Windows\System32"), PathBuf::from(r"D:\home\p\Windows\System32"));
    }

    #[test]
    fn desktops_are_lower_cased_parts() {
        let host = Host::for_home("/h", OsFamily::Linux).with_env("XDG_CURRENT_DESKTOP", "ubuntu:GNOME");
        assert_eq!(host.desktops(), vec!["ubuntu".to_owned(), "gnome".to_owned()]);
    }

    #[test]
    fn fake_commands_answer_by_command_line() {
        let mut fake = FakeCommands::default();
        fake.answers.insert(
            "xdg-settings get default-web-browser".into(),
            CommandOutput { success: true, stdout: "firefox.desktop\n".into() },
        );
        let out = fake.run("xdg-settings", &["get", "default-web-browser"]).unwrap();
        assert_eq!(out.stdout.trim(), "firefox.desktop");
        assert!(fake.run("xdg-settings", &["get", "other"]).is_none());
    }
}
