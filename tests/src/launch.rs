//! How a test launches the app: its command-line options, said once.
//!
//! Every journey starts the app the same way (in French, on a fixture home seen as Linux, with its own
//! data folder) and differs only in a few options: the mode, the pack, the directory source. [`Launch`]
//! gives that common start and lets each test name only what it changes, so a reader sees at a glance
//! which mode, pack and source a journey uses. It gives the options as a list, for WebDriver
//! ([`crate::App::start`]) or for a `std::process::Command` alike. It does not check them: the app does,
//! and a test of bad options passes raw arguments to [`crate::App::launch`].

use std::ffi::{OsStr, OsString};
use std::path::Path;

/// The options the app is started with, each given at most once (setting one again replaces it).
#[derive(Debug, Clone, Default)]
pub struct Launch {
    options: Vec<(String, OsString)>,
}

impl Launch {
    /// The app in French, nothing else said: the welcome screen, the default data folder.
    pub fn french() -> Self {
        Launch::default().lang("fr")
    }

    /// The app in French on a fixture home seen as Linux, with its own data folder: what a journey needs
    /// to be deterministic.
    pub fn new(home: &Path, data_dir: &Path) -> Self {
        Launch::french().home(home).data_dir(data_dir)
    }

    /// `--mode`: home, stand or workshop (without it, the welcome screen asks).
    pub fn mode(self, mode: &str) -> Self {
        self.option("--mode", mode)
    }

    /// `--pack`: the checklist pack.
    pub fn pack(self, id: &str) -> Self {
        self.option("--pack", id)
    }

    /// `--lang`: the interface language.
    pub fn lang(self, lang: &str) -> Self {
        self.option("--lang", lang)
    }

    /// `--home` and `--os linux`: audit this folder as a Linux home instead of the machine's.
    pub fn home(self, home: &Path) -> Self {
        self.option("--home", home).option("--os", "linux")
    }

    /// `--data-dir`: where the app keeps its progress and its directory.
    pub fn data_dir(self, dir: &Path) -> Self {
        self.option("--data-dir", dir)
    }

    /// `--directory-source`: where the CHATONS directory is fetched from.
    pub fn source(self, url: &str) -> Self {
        self.option("--directory-source", url)
    }

    /// Any other option, by its full name (`--idle-seconds`).
    pub fn option(mut self, name: &str, value: impl AsRef<OsStr>) -> Self {
        let value = value.as_ref().to_owned();
        match self.options.iter_mut().find(|(n, _)| n == name) {
            Some((_, old)) => *old = value,
            None => self.options.push((name.to_owned(), value)),
        }
        self
    }

    /// The command line, for `std::process::Command::args`.
    pub fn args(&self) -> Vec<OsString> {
        self.options.iter().flat_map(|(name, value)| [OsString::from(name), value.clone()]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journey_launch_says_each_option_once() {
        let launch = Launch::new(Path::new("/h"), Path::new("/d"))
            .mode("home")
            .pack("p")
            .source("http://127.0.0.1:1/f")
            .lang("en")
            .option("--idle-seconds", "600");
        let args: Vec<String> = launch.args().iter().map(|a| a.to_string_lossy().into_owned()).collect();
        assert_eq!(
            args,
            [
                "--lang",
                "en",
                "--home",
                "/h",
                "--os",
                "linux",
                "--data-dir",
                "/d",
                "--mode",
                "home",
                "--pack",
                "p",
                "--directory-source",
                "http://127.0.0.1:1/f",
                "--idle-seconds",
                "600"
            ]
        );
    }
}
