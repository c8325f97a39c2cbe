//! Where Premiers Pas keeps its own data (saved progress, the offline directory).
//!
//! One rule for every front-end: an explicit folder (`--data-dir`, or the `PREMIERS_PAS_DATA_DIR`
//! environment variable, which the front-ends read) wins; otherwise the platform's data folder
//! (`~/.local/share/premiers-pas` on Linux, `~/Library/Application Support/org.premiers-pas.premiers-pas`
//! on macOS, `%APPDATA%\premiers-pas\premiers-pas\data` on Windows).

use std::path::PathBuf;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "PREMIERS_PAS_DATA_DIR";

/// The platform data folder, if the platform has one (it may not exist yet).
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "premiers-pas", "premiers-pas").map(|d| d.data_dir().to_path_buf())
}

/// The data folder to use: `explicit` when given, else the platform default, else `./premiers-pas-data`.
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> PathBuf {
    explicit.or_else(default_data_dir).unwrap_or_else(|| PathBuf::from("premiers-pas-data"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_folder_wins() {
        let dir = PathBuf::from("/tmp/somewhere");
        assert_eq!(resolve_data_dir(Some(dir.clone())), dir);
    }

    /// Set in the child process that prints the folder [`resolve_data_dir`] finds without one.
    #[cfg(target_os = "linux")]
    const CHILD_ENV: &str = "PREMIERS_PAS_DATA_DIR_CHILD";

    /// Linux: the folder is `$XDG_DATA_HOME/premiers-pas`, else `~/.local/share/premiers-pas`. Each case in
    /// a child process, given its own environment.
    #[cfg(target_os = "linux")]
    #[test]
    fn without_one_the_platform_s_folder() {
        let found = |home: &str, data_home: Option<&str>| {
            let mut child = std::process::Command::new(std::env::current_exe().unwrap());
            child
                .args([
                    "--exact",
                    "paths::tests::data_dir_child",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(CHILD_ENV, "1")
                .env("HOME", home)
                .env_remove("XDG_DATA_HOME");
            if let Some(dir) = data_home {
                child.env("XDG_DATA_HOME", dir);
            }
            let out = child.output().unwrap();
            assert!(out.status.success(), "{out:?}");
            let printed = String::from_utf8_lossy(&out.stdout).into_owned();
            // Printed after the test's name, on its line.
            printed
                .split("data dir: ")
                .nth(1)
                .and_then(|rest| rest.lines().next())
                .map(PathBuf::from)
                .unwrap_or_else(|| panic!("the child did not say: {printed}"))
        };
        assert_eq!(
            found("/home/volunteer", None),
            PathBuf::from("/home/volunteer/.local/share/premiers-pas")
        );
        assert_eq!(found("/home/volunteer", Some("/srv/data")), PathBuf::from("/srv/data/premiers-pas"));
    }

    /// Not a test on its own: the child process of the test above.
    #[cfg(target_os = "linux")]
    #[test]
    #[ignore = "run by without_one_the_platform_s_folder"]
    fn data_dir_child() {
        if std::env::var_os(CHILD_ENV).is_some() {
            println!("data dir: {}", resolve_data_dir(None).display());
        }
    }
}
