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
        // Without one, the platform's folder (its shape differs per platform), else a local folder.
        match default_data_dir() {
            Some(platform) => assert_eq!(resolve_data_dir(None), platform),
            None => assert_eq!(resolve_data_dir(None), PathBuf::from("premiers-pas-data")),
        }
        if cfg!(target_os = "linux") && default_data_dir().is_some() {
            assert!(resolve_data_dir(None).ends_with("premiers-pas"));
        }
    }
}
