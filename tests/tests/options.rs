//! The app's own options as a volunteer types them: `premiers-pas-app --help` and a mistake in them, in
//! the language asked for or the system's. No window opens: the options are read before anything starts.

use std::process::{Command, Output};

use premiers_pas_e2e::app_binary;

const N: char = '\u{202F}';

/// The app run with `args` and the system's language `lang` (a locale as `LANG` holds it).
fn run(args: &[&str], lang: &str) -> anyhow::Result<Output> {
    Ok(Command::new(app_binary()?)
        .args(args)
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()?)
}

#[test]
fn the_help_speaks_the_language_asked_for_else_the_system_s() -> anyhow::Result<()> {
    for (args, lang) in [(&["--help"][..], "fr_FR.UTF-8"), (&["--lang", "fr", "--help"][..], "en_GB.UTF-8")] {
        let out = run(args, lang)?;
        assert_eq!(out.status.code(), Some(0), "{args:?} {lang}");
        let help = String::from_utf8(out.stdout)?;
        assert!(help.contains(&format!("Utilisation{N}: premiers-pas-app [OPTIONS]")), "{help}");
        assert!(help.contains("--idle-seconds <N>"), "{help}");
        assert!(help.contains("Sur un stand"), "{help}");
    }
    let out = run(&["--help"], "en_GB.UTF-8")?;
    let help = String::from_utf8(out.stdout)?;
    assert!(help.contains("Usage: premiers-pas-app [OPTIONS]"), "{help}");
    Ok(())
}

#[test]
fn a_mistake_is_told_and_nothing_starts() -> anyhow::Result<()> {
    let out = run(&["--mode", "kiosque"], "fr_FR.UTF-8")?;
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let told = String::from_utf8(out.stderr)?;
    assert!(
        told.starts_with(&format!(
            "premiers-pas-app{N}: La valeur «{N}kiosque{N}» n’est pas valide pour «{N}--mode <MODE>{N}»."
        )),
        "{told}"
    );
    assert!(told.contains(&format!("[valeurs possibles{N}: home, stand, workshop]")), "{told}");

    let out = run(&["--lang", "en", "--idle-seconds", "5"], "fr_FR.UTF-8")?;
    assert_eq!(out.status.code(), Some(2));
    let told = String::from_utf8(out.stderr)?;
    assert!(told.contains("expected a number of seconds from 10 to 86400"), "{told}");
    Ok(())
}
