//! The app's own options in French: `premiers-pas-app --help` and its usage errors speak the person's
//! language (`--lang`, else the system's), as the command line does. A volunteer setting up a stand
//! reads them first.

use premiers_pas_usage::Program;

/// The desktop app, as `premiers-pas-usage` knows it: its name and the French of its options.
#[derive(Debug)]
pub struct DesktopApp;

impl Program for DesktopApp {
    const NAME: &'static str = "premiers-pas-app";
    const HELP: &'static [(&'static str, &'static str)] = &[
        (
            "premiers-pas-app",
            "Premiers Pas, l’application : les premiers pas vers une vie numérique plus libre, chez soi, sur \
             un stand ou en atelier",
        ),
        (
            "--mode",
            "Commencer directement dans ce mode (chez soi, sur un stand, en atelier) au lieu de montrer les \
             trois choix. Un stand lancé ainsi reste un stand",
        ),
        ("--lang", "Langue de l’interface (fr ou en). Par défaut, celle du système"),
        ("--pack", "Le parcours à suivre (par défaut : premiers-pas)"),
        (
            "--home",
            "Regarder ce dossier comme un dossier personnel, au lieu de cet ordinateur (les dossiers du système \
             ne sont pas regardés)",
        ),
        ("--os", "Le système d’exploitation du dossier donné avec --home"),
        (
            "--data-dir",
            "Dossier où Premiers Pas garde ses données (les progrès enregistrés, l’annuaire hors ligne). Par \
             défaut : la variable d’environnement PREMIERS_PAS_DATA_DIR si elle est donnée et non vide, sinon \
             celui du système",
        ),
        (
            "--directory-source",
            "Le fichier de la fédération que lit une mise à jour de l’annuaire (par défaut : celui de l’annuaire \
             actuel, sauf un annuaire importé qui mènerait au réseau local ; sinon celui des CHATONS)",
        ),
        (
            "--idle-seconds",
            "Sur un stand, secondes sans un geste avant de demander « Vous êtes toujours là ? » puis de tout \
             recommencer",
        ),
        ("--help", "Afficher l’aide"),
        ("--version", "Afficher la version"),
    ];
    const VALUE_NAMES: &'static [(&'static str, &'static str)] = &[
        ("DIR", "DOSSIER"),
        ("ID", "ID"),
        ("LANG", "LANGUE"),
        ("MODE", "MODE"),
        ("N", "N"),
        ("OS", "SYSTÈME"),
        ("URL", "URL"),
    ];
}

#[cfg(test)]
mod tests {
    use clap::error::ErrorKind;
    use clap::CommandFactory;
    use premiers_pas_core::i18n::NARROW_NBSP;
    use premiers_pas_core::Lang;
    use premiers_pas_usage::{checks, localised};

    use super::*;
    use crate::config::AppConfig;

    const N: char = NARROW_NBSP;

    #[test]
    fn every_option_has_its_french() {
        checks::catalog::<DesktopApp>(AppConfig::command());
        checks::helps_read_in_french::<DesktopApp>(AppConfig::command());
    }

    #[test]
    fn the_help_a_volunteer_reads() {
        let help = localised::<DesktopApp>(AppConfig::command(), Lang::Fr).term_width(100).render_help();
        let help = help.to_string();
        let flat = help.split([' ', '\n']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        assert!(help.starts_with("Premiers Pas, l’application"), "{help}");
        assert!(help.contains(&format!("Utilisation{N}: premiers-pas-app [OPTIONS]")), "{help}");
        assert!(flat.contains("--mode <MODE> Commencer directement"), "{help}");
        assert!(flat.contains(&format!("[valeurs possibles{N}: home, stand, workshop]")), "{help}");
        assert!(flat.contains("--os <SYSTÈME>"), "{help}");
        assert!(flat.contains("--idle-seconds <N> Sur un stand"), "{help}");
        assert!(flat.contains(&format!("[par défaut{N}: 120]")), "{help}");
        let english = localised::<DesktopApp>(AppConfig::command(), Lang::En).render_help().to_string();
        assert!(english.contains("Usage: premiers-pas-app [OPTIONS]"), "{english}");
    }

    #[test]
    fn a_mistake_in_the_options_is_told_in_french() {
        let told = |line: &str| {
            checks::told_in_french::<DesktopApp>(checks::usage_error::<DesktopApp>(
                AppConfig::command(),
                line,
            ))
        };
        let (kind, text) = told("--mode kiosque");
        assert_eq!(kind, ErrorKind::InvalidValue);
        assert!(
            text.starts_with(&format!(
                "premiers-pas-app{N}: La valeur «{N}kiosque{N}» n’est pas valide pour «{N}--mode <MODE>{N}».\n  \
                 [valeurs possibles{N}: home, stand, workshop]\n"
            )),
            "{text}"
        );
        let (_, text) = told("--os macos");
        assert!(text.contains(":\n  --home <DOSSIER>\n"), "{text}");
        for wrong in ["5", "trois", "100000"] {
            let (_, text) = told(&format!("--idle-seconds {wrong}"));
            assert!(text.contains(&format!("«{N}--idle-seconds <N>{N}»")), "{text}");
            assert!(
                text.contains(&format!("Détail{N}: il faut un nombre de secondes, de 10 à 86 400")),
                "{text}"
            );
        }
        let (kind, _) = told("--lang de");
        assert_eq!(kind, ErrorKind::InvalidValue);
        let (kind, text) = told("--mdoe stand");
        assert_eq!(kind, ErrorKind::UnknownArgument);
        assert!(text.contains(&format!("vouliez-vous dire «{N}--mode{N}»")), "{text}");
    }
}
