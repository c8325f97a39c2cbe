//! What the command line says when something fails, in the person's language.
//!
//! The engine's errors speak English: their text is the technical record (a path, an OS error, a line
//! number) and the UI has its own sentences for them, which speak of screens and buttons. A volunteer at
//! a terminal needs a sentence about commands and options instead, in `--lang`. So the sentence is chosen
//! by the error's stable code, never by its English text; the English text follows, verbatim, as the
//! detail, and the code closes the message so that it can be searched for or reported.
//!
//! Errors of the command line itself (a file it reads or writes, an unknown category) get codes of their
//! own in the `cli` domain, so that every failure has the same three parts, as text or as JSON.

use std::path::PathBuf;

use premiers_pas_core::checklist::{diagnostics_in, ChecklistError};
use premiers_pas_core::detect::mail_check::MailCheckError;
use premiers_pas_core::detect::RegistryFileError;
use premiers_pas_core::directory::DirectoryError;
use premiers_pas_core::i18n::typeset;
use premiers_pas_core::progress::ProgressError;
use premiers_pas_core::report::ReportError;
use premiers_pas_core::session::SessionError;
use premiers_pas_core::{ErrorCode, IpcError, Lang};

/// The source scan the drift tests share (here, and for the detectors' problem codes in `cmd::audit`).
#[cfg(test)]
#[path = "../../core/tests/error_codes_scan/mod.rs"]
pub(crate) mod error_codes_scan;

/// Everything a subcommand can fail with.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Checklist(#[from] ChecklistError),
    #[error(transparent)]
    Directory(#[from] DirectoryError),
    #[error(transparent)]
    Mail(#[from] MailCheckError),
    #[error(transparent)]
    Progress(#[from] ProgressError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The checklists or reference data built into the program do not load: the installation is broken,
    /// whatever the code of the underlying error says.
    #[error("the built-in checklists are invalid")]
    Builtin(#[source] ChecklistError),
    /// A `.reg` file given with `--registry` does not parse.
    #[error("in the registry file {}", path.display())]
    RegistryFile {
        path: PathBuf,
        #[source]
        source: RegistryFileError,
    },
    /// A file named on the command line could not be read.
    #[error("could not read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file named on the command line could not be written.
    #[error("could not write {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `directory search --category` with a category that does not exist.
    #[error("unknown category `{given}` (expected {})", known.join(", "))]
    UnknownCategory { given: String, known: Vec<String> },
    /// The command's output could not be written (standard output sent to a full disk, say).
    #[error("could not write the output")]
    Output(#[source] std::io::Error),
    /// The async runtime for network work could not start.
    #[error("could not start the network runtime")]
    Runtime(#[source] std::io::Error),
    /// JSON output could not be written.
    #[error("could not write JSON")]
    Json(#[from] serde_json::Error),
}

impl ErrorCode for CliError {
    fn code(&self) -> &'static str {
        match self {
            CliError::Checklist(e) | CliError::Builtin(e) => e.code(),
            CliError::Directory(e) => e.code(),
            CliError::Mail(e) => e.code(),
            CliError::Progress(e) => e.code(),
            CliError::Report(e) => e.code(),
            CliError::Session(e) => e.code(),
            CliError::RegistryFile { source, .. } => source.code(),
            CliError::Read { .. } => "cli.read_failed",
            CliError::Write { .. } => "cli.write_failed",
            CliError::Output(_) => "cli.output_failed",
            CliError::UnknownCategory { .. } => "cli.unknown_category",
            CliError::Runtime(_) => "cli.runtime",
            CliError::Json(_) => "cli.json",
        }
    }

    fn detail(&self) -> Option<String> {
        Some(technical(self))
    }
}

impl CliError {
    /// The error as the `--json` outputs and the text both show it: the code, the sentence in `lang`
    /// (set in its typography) and the technical detail, verbatim. Problems found in checklist files
    /// are the exception: they are what the person must read, so the detail is each of them in `lang`.
    pub fn to_ipc(&self, lang: Lang) -> IpcError {
        let sentence = match self {
            CliError::Builtin(_) => BUILTIN,
            _ => sentence(self.code()).unwrap_or(GENERIC),
        };
        let detail = match self {
            CliError::Checklist(ChecklistError::Invalid(problems))
            | CliError::Builtin(ChecklistError::Invalid(problems)) => Some(diagnostics_in(problems, lang)),
            _ => self.detail(),
        };
        let mut message = typeset(pick(sentence, lang), lang).into_owned();
        if let CliError::UnknownCategory { known, .. } = self {
            message = message.replace("{}", &known.join(", "));
        }
        IpcError { code: self.code().to_owned(), message, detail }
    }

    /// The lines printed on standard error: the sentence, then the detail, then the code.
    pub fn to_text(&self, lang: Lang) -> String {
        render_text(&self.to_ipc(lang), lang)
    }
}

/// An error the engine handed over already in its IPC shape (an own pack left out, say), as text: the
/// sentence for its code in `lang`, then its detail (else its message), and the code. The sentence
/// says what the message would, so the message is not glued in front of the detail.
pub fn ipc_error_text(error: &IpcError, lang: Lang) -> String {
    let sentence = typeset(pick(sentence(&error.code).unwrap_or(GENERIC), lang), lang).into_owned();
    let detail = error.detail.clone().unwrap_or_else(|| error.message.clone());
    render_text(&IpcError { code: error.code.clone(), message: sentence, detail: Some(detail) }, lang)
}

/// `premiers-pas : sentence` then indented `Détail : …` (each further line of the detail indented under
/// it) and `Code d’erreur : …` lines.
fn render_text(error: &IpcError, lang: Lang) -> String {
    let [program, detail, code] = match lang {
        Lang::Fr => ["premiers-pas : ", "  Détail : ", "  Code d’erreur : "],
        Lang::En => ["premiers-pas: ", "  Detail: ", "  Error code: "],
    };
    // Only the labels are set in French typography; the detail is kept exactly as the engine wrote it.
    let mut out = format!("{}{}\n", typeset(program, lang), error.message);
    if let Some(text) = &error.detail {
        out.push_str(&format!("{}{}\n", typeset(detail, lang), text.replace('\n', "\n    ")));
    }
    out.push_str(&format!("{}{}\n", typeset(code, lang), error.code));
    out
}

/// The English text of an error and of its causes, joined as `anyhow` prints a chain; the engine's own
/// detail (a parse error kept beside the message rather than as a cause) is added when it is not there.
fn technical(err: &CliError) -> String {
    let mut text = err.to_string();
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        let part = c.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        cause = c.source();
    }
    let inner = match err {
        CliError::Directory(e) => e.detail(),
        CliError::Session(e) => e.detail(),
        _ => None,
    };
    if let Some(extra) = inner.filter(|d| !text.contains(d.as_str())) {
        text.push_str(": ");
        text.push_str(&extra);
    }
    text
}

/// A sentence in French and in English.
type Sentence = [&'static str; 2];

fn pick(sentence: Sentence, lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => sentence[0],
        Lang::En => sentence[1],
    }
}

const BUILTIN: Sentence = [
    "Les parcours intégrés à premiers-pas sont abîmés : cette installation est défectueuse. Réinstallez \
     premiers-pas.",
    "The checklists built into premiers-pas are damaged: this installation is broken. Reinstall \
     premiers-pas.",
];

/// For a code that has no sentence yet; the test below keeps this from happening.
const GENERIC: Sentence = [
    "Quelque chose n’a pas fonctionné. Le détail ci-dessous peut aider la personne qui vous accompagne.",
    "Something did not work. The detail below can help whoever is helping you.",
];

/// What went wrong and what to do, for each code the command line can meet: the engine's codes and its
/// own. Written for a terminal: it names commands and options where the UI names buttons.
fn sentence(code: &str) -> Option<Sentence> {
    Some(match code {
        "checklist.invalid" => [
            "Ces fichiers de parcours contiennent des erreurs. « premiers-pas checklist validate DOSSIER » \
             les montre une à une, avec leur ligne.",
            "These checklist files have errors. “premiers-pas checklist validate FOLDER” shows each one \
             with its line.",
        ],
        "checklist.unreadable" => [
            "Un fichier ou un dossier de parcours n’a pas pu être lu. Vérifiez le chemin donné : existe-t-il, \
             et avez-vous le droit de le lire ?",
            "A checklist file or folder could not be read. Check the path you gave: does it exist, and may \
             you read it?",
        ],
        "checklist.unknown_pack" => [
            "Ce parcours n’existe pas. « premiers-pas checklist list » montre ceux qui existent.",
            "There is no such checklist pack. “premiers-pas checklist list” shows the ones there are.",
        ],
        "mail.invalid_address" => [
            "Cette adresse de courriel ne semble pas complète. Vérifiez qu’elle a la forme nom@exemple.fr.",
            "This mail address does not look complete. Check that it reads like name@example.org.",
        ],
        "mail.dns_failed" => [
            "Les serveurs de courrier de ce domaine n’ont pas pu être demandés. Vérifiez la connexion à \
             Internet (ou le serveur donné avec --dns-server), puis réessayez.",
            "The domain’s mail servers could not be looked up. Check the internet connection (or the server \
             given with --dns-server), then try again.",
        ],
        "registry.syntax" => [
            "Le fichier de registre donné avec --registry n’a pas pu être lu. Donnez un fichier .reg tel que \
             l’écrit « reg export ».",
            "The registry file given with --registry could not be read. Give a .reg file as “reg export” \
             writes it.",
        ],
        "progress.io" => [
            "Les progrès enregistrés n’ont pas pu être lus ou écrits dans le dossier de données. Vérifiez ce \
             dossier (--data-dir) et vos droits sur lui, puis réessayez.",
            "The saved progress could not be read or written in the data folder. Check that folder \
             (--data-dir) and your rights on it, then try again.",
        ],
        "progress.too_new" => [
            "Les progrès ont été enregistrés par une version plus récente de Premiers Pas ; ils n’ont pas été \
             modifiés. Installez cette version pour les retrouver.",
            "The progress was saved by a newer version of Premiers Pas; it was left untouched. Install that \
             version to find it again.",
        ],
        "progress.encode" => [
            "Les progrès n’ont pas pu être préparés pour l’enregistrement. Réessayez ; si cela recommence, \
             signalez-le avec son code d’erreur.",
            "The progress could not be prepared for saving. Try again; if it happens again, report it with \
             its error code.",
        ],
        "progress.in_use" => [
            "Les progrès de ce dossier de données sont ouverts dans une fenêtre de Premiers Pas. Fermez-la, \
             puis réessayez.",
            "The progress in this data folder is open in a Premiers Pas window. Close it, then try again.",
        ],
        "own_pack.invalid" => [
            "Ce fichier n’est pas un parcours valide. Vérifiez-le avec « premiers-pas checklist validate ».",
            "This file is not a valid pack. Check it with “premiers-pas checklist validate”.",
        ],
        "own_pack.too_large" => [
            "Ce fichier est trop gros pour être un parcours (256 Kio au plus).",
            "This file is too large to be a pack (256 KiB at most).",
        ],
        "own_pack.unreadable" => [
            "Ce fichier de parcours n’a pas pu être lu. Vérifiez qu’il est toujours là et lisible.",
            "This pack file could not be read. Check that it is still there and readable.",
        ],
        "own_pack.builtin_id" => [
            "Un parcours fourni avec Premiers Pas a déjà cet identifiant : ce fichier a été laissé de côté. \
             Donnez-lui un autre « id ».",
            "A pack shipped with Premiers Pas already has this id: this file was left out. Give it another \
             “id”.",
        ],
        "own_pack.duplicate_id" => [
            "Un autre de vos parcours a déjà cet identifiant : ce fichier a été laissé de côté. Donnez à l’un \
             des deux un autre « id ».",
            "Another of your packs already has this id: this file was left out. Give one of the two another \
             “id”.",
        ],
        "own_pack.write_failed" => [
            "Le parcours n’a pas pu être gardé dans le dossier de données. Vérifiez ce dossier (--data-dir) \
             et la place sur le disque.",
            "The pack could not be kept in the data folder. Check that folder (--data-dir) and the space \
             left on the disk.",
        ],
        "own_pack.remove_failed" => [
            "Le parcours n’a pas pu être retiré. Supprimez son fichier dans le dossier « packs » du dossier \
             de données.",
            "The pack could not be removed. Delete its file in the data folder’s “packs” folder.",
        ],
        "own_pack.not_own" => [
            "Seuls les parcours que vous avez ajoutés peuvent être retirés.",
            "Only the packs you added can be removed.",
        ],
        "qr.empty" => ["Il n’y a rien à mettre dans ce code QR.", "There is nothing to put in this QR code."],
        "qr.too_long" => [
            "Ce texte est trop long pour tenir dans un code QR. Raccourcissez-le.",
            "This text is too long to fit in a QR code. Make it shorter.",
        ],
        "report.encode" => [
            "Le bilan n’a pas pu être préparé. Réessayez, ou choisissez un autre format avec --format.",
            "The report could not be prepared. Try again, or choose another format with --format.",
        ],
        "directory.invalid_source" => [
            "L’adresse donnée pour l’annuaire n’est pas une adresse web. Donnez à --source une adresse en \
             http:// ou https://.",
            "The address given for the directory is not a web address. Give --source an http:// or https:// \
             address.",
        ],
        "directory.source_unavailable" => [
            "Le serveur de l’annuaire n’a pas répondu. L’annuaire gardé sur cet ordinateur, s’il y en a un, \
             reste tel quel. Vérifiez la connexion à Internet et l’adresse (--source), puis réessayez.",
            "The directory’s server did not answer. The directory kept on this computer, if there is one, \
             stays as it was. Check the internet connection and the address (--source), then try again.",
        ],
        "directory.nothing_answered" => [
            "Aucun fichier de l’annuaire n’a pu être lu : pas de connexion à Internet, ou les serveurs ne \
             répondent pas. L’annuaire gardé sur cet ordinateur reste tel quel, avec sa date ; réessayez plus \
             tard.",
            "No file of the directory could be read: no internet connection, or the servers do not answer. \
             The directory kept on this computer stays as it was, with its date; try again later.",
        ],
        "directory.not_a_federation" => [
            "L’adresse donnée n’est pas celle d’un fichier de fédération ChatonsInfos (« file.class = \
             Federation ») : une page web, peut-être, plutôt que le fichier brut. Rien n’a été remplacé. \
             Vérifiez l’adresse (--source).",
            "The address given is not that of a ChatonsInfos federation file (“file.class = Federation”): a \
             web page, perhaps, rather than the raw file. Nothing was replaced. Check the address (--source).",
        ],
        "directory.client" => [
            "La connexion à Internet n’a pas pu être préparée. Réessayez ; si cela recommence, signalez-le \
             avec son code d’erreur.",
            "The internet connection could not be prepared. Try again; if it happens again, report it with \
             its error code.",
        ],
        "directory.empty" => [
            "Il n’y a pas encore d’annuaire sur cet ordinateur. Téléchargez-le avec « premiers-pas directory \
             refresh », ou importez un fichier avec « premiers-pas directory import ».",
            "There is no directory on this computer yet. Download it with “premiers-pas directory refresh”, \
             or import a file with “premiers-pas directory import”.",
        ],
        "directory.unusable" => [
            "L’annuaire enregistré sur cet ordinateur n’est pas utilisable (abîmé, ou d’une autre version de \
             Premiers Pas). Téléchargez-le à nouveau avec « premiers-pas directory refresh », ou importez un \
             fichier avec « premiers-pas directory import ».",
            "The directory saved on this computer cannot be used (damaged, or from another version of \
             Premiers Pas). Download it again with “premiers-pas directory refresh”, or import a file with \
             “premiers-pas directory import”.",
        ],
        "directory.unknown_organization" => [
            "Aucun hébergeur de l’annuaire n’a cet identifiant. « premiers-pas directory search » montre les \
             identifiants, entre crochets.",
            "No host in the directory has this id. “premiers-pas directory search” shows the ids, in \
             brackets.",
        ],
        "directory.read_failed" => [
            "Un fichier d’annuaire n’a pas pu être lu. Vérifiez le chemin donné, et que le fichier est \
             toujours là.",
            "A directory file could not be read. Check the path you gave, and that the file is still there.",
        ],
        "directory.write_failed" => [
            "L’annuaire n’a pas pu être enregistré. Vérifiez que le dossier existe, que vous pouvez y écrire \
             et qu’il reste de la place sur le disque.",
            "The directory could not be saved. Check that the folder exists, that you may write in it and \
             that the disk has room left.",
        ],
        "directory.encode_failed" => [
            "L’annuaire n’a pas pu être préparé pour l’enregistrement. Réessayez ; si cela recommence, \
             signalez-le avec son code d’erreur.",
            "The directory could not be prepared for saving. Try again; if it happens again, report it with \
             its error code.",
        ],
        "directory.import_foreign" => [
            "Ce fichier n’est pas un annuaire enregistré par Premiers Pas. Donnez le fichier écrit par \
             « premiers-pas directory export ».",
            "This file is not a directory saved by Premiers Pas. Give the file written by “premiers-pas \
             directory export”.",
        ],
        "directory.import_version" => [
            "Ce fichier d’annuaire vient d’une autre version de Premiers Pas. Exportez-le avec la même \
             version, ou téléchargez l’annuaire avec « premiers-pas directory refresh ».",
            "This directory file comes from another version of Premiers Pas. Export it with the same \
             version, or download the directory with “premiers-pas directory refresh”.",
        ],
        "directory.import_corrupt" => [
            "Ce fichier d’annuaire est abîmé ou incomplet ; rien n’a été changé. Demandez-en une \
             nouvelle copie, ou téléchargez l’annuaire avec « premiers-pas directory refresh ».",
            "This directory file is damaged or incomplete; nothing was changed. Ask for a new \
             copy, or download the directory with “premiers-pas directory refresh”.",
        ],
        "directory.import_too_large" => [
            "Ce fichier est trop gros pour être un annuaire. Vérifiez que vous avez donné le bon fichier.",
            "This file is too large to be a directory. Check that you gave the right file.",
        ],
        "directory.too_large" => [
            "L’annuaire reçu est trop gros pour être gardé, et rien n’a été remplacé. Un \
             hébergeur de la fédération publie sans doute des fichiers anormalement gros ; réessayez plus tard.",
            "The directory received is too large to keep, and nothing was replaced. A host of the \
             federation is probably publishing abnormally large files; try again later.",
        ],
        "directory.invalid_snapshot" => [
            "L’annuaire n’a pas pu être reconstruit. Téléchargez-le à nouveau avec « premiers-pas directory \
             refresh », ou importez un fichier d’annuaire.",
            "The directory could not be rebuilt. Download it again with “premiers-pas directory refresh”, \
             or import a directory file.",
        ],
        "session.home_unreadable" => [
            "Le dossier donné avec --home n’a pas pu être ouvert. Vérifiez qu’il existe et que c’est bien un \
             dossier.",
            "The folder given with --home could not be opened. Check that it exists and is a folder.",
        ],
        "session.unknown_step" => [
            "Cette étape n’existe pas dans ce parcours. « premiers-pas checklist show PARCOURS » montre ses \
             étapes.",
            "This step does not exist in this pack. “premiers-pas checklist show PACK” shows its steps.",
        ],
        "session.no_audit" => [
            "Cet ordinateur n’a pas encore été regardé. Lancez d’abord « premiers-pas audit ».",
            "This computer has not been looked at yet. Run “premiers-pas audit” first.",
        ],
        "session.not_ephemeral" => [
            "Tout effacer n’est possible que sur un stand ou en atelier ; chez vous, les progrès restent \
             gardés.",
            "Forgetting everything is only for a stand or a workshop; at home, progress is kept.",
        ],
        "cli.read_failed" => [
            "Ce fichier n’a pas pu être lu. Vérifiez le chemin donné : existe-t-il, et avez-vous le droit de \
             le lire ?",
            "This file could not be read. Check the path you gave: does it exist, and may you read it?",
        ],
        "cli.write_failed" => [
            "Le fichier n’a pas pu être écrit ; un fichier déjà là à ce nom est gardé tel quel. Vérifiez que \
             le dossier existe, que vous pouvez y écrire et qu’il reste de la place sur le disque.",
            "The file could not be written; a file already there under that name is kept as it was. Check \
             that the folder exists, that you may write in it and that the disk has room left.",
        ],
        "cli.output_failed" => [
            "Le résultat n’a pas pu être écrit jusqu’au bout. Si vous l’envoyez dans un fichier, vérifiez qu’il \
             reste de la place sur le disque.",
            "The result could not be written in full. If you send it to a file, check that the disk has room \
             left.",
        ],
        // `{}`: the categories there are, filled in by `CliError::to_ipc`.
        "cli.unknown_category" => [
            "Cette catégorie n’existe pas. Choisissez-en une parmi celles-ci : {}.",
            "There is no such category. Choose one of these: {}.",
        ],
        "cli.runtime" => [
            "premiers-pas n’a pas pu se préparer à utiliser le réseau. Réessayez ; si cela recommence, \
             signalez-le avec son code d’erreur.",
            "premiers-pas could not get ready to use the network. Try again; if it happens again, report it \
             with its error code.",
        ],
        "cli.json" => [
            "Le résultat n’a pas pu être écrit en JSON. Réessayez sans --json ; si cela recommence, \
             signalez-le avec son code d’erreur.",
            "The result could not be written as JSON. Try without --json; if it happens again, report it \
             with its error code.",
        ],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::collections::BTreeMap;
    use std::path::Path;

    use premiers_pas_core::checklist::Diagnostic;
    use premiers_pas_core::i18n::NARROW_NBSP;

    use super::*;

    fn not_found() -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory (os error 2)")
    }

    #[test]
    fn a_core_error_reads_as_a_french_sentence_then_its_detail_and_code() {
        let err = CliError::from(DirectoryError::ImportCorrupt {
            path: "/clé/annuaire.json".into(),
            detail: "expected value at line 1 column 1".into(),
        });
        let text = err.to_text(Lang::Fr);
        let n = NARROW_NBSP;
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with(&format!("premiers-pas{n}: Ce fichier d’annuaire est abîmé")), "{text}");
        assert!(lines[0].contains(&format!("incomplet{n}; rien n’a été changé")), "{text}");
        assert!(lines[0].contains(&format!("«{n}premiers-pas directory refresh{n}»")), "{text}");
        assert_eq!(
            lines[1],
            format!(
                "  Détail{n}: /clé/annuaire.json is damaged or incomplete: expected value at line 1 column 1"
            )
        );
        assert_eq!(lines[2], format!("  Code d’erreur{n}: directory.import_corrupt"));
    }

    #[test]
    fn the_same_error_in_english_keeps_the_same_detail_and_code() {
        let err = CliError::from(ChecklistError::Read { path: "/x/pack.toml".into(), source: not_found() });
        let text = err.to_text(Lang::En);
        assert_eq!(
            text,
            "premiers-pas: A checklist file or folder could not be read. Check the path you gave: does it \
             exist, and may you read it?\n  Detail: could not read /x/pack.toml: No such file or directory \
             (os error 2)\n  Error code: checklist.unreadable\n"
        );
        assert!(!text.contains(NARROW_NBSP));
        let fr = err.to_text(Lang::Fr);
        assert!(fr.contains("could not read /x/pack.toml: No such file or directory (os error 2)"), "{fr}");
        assert!(fr.contains("Vérifiez le chemin donné"), "{fr}");
    }

    /// Problems found in checklist files are what the person must read: in their language, one a line,
    /// each line under the first.
    #[test]
    fn problems_in_checklist_files_are_said_in_the_persons_language() {
        let problem = |line, fr: &str, en: &str| Diagnostic {
            file: "x ; y/a.toml".into(),
            line,
            col: 1,
            message: en.into(),
            message_fr: Some(fr.into()),
        };
        let problems = vec![
            problem(1, "clé inconnue `tittle` — vouliez-vous dire `title` ?", "unknown key `tittle`"),
            problem(2, "clé manquante `id`", "missing key `id`"),
        ];
        let n = NARROW_NBSP;
        for err in [
            CliError::Checklist(ChecklistError::Invalid(problems.clone())),
            CliError::Builtin(ChecklistError::Invalid(problems.clone())),
        ] {
            let text = err.to_text(Lang::Fr);
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), 4, "{text}");
            // The message is set in French typography, the file's name is not.
            assert_eq!(
                lines[1],
                format!(
                    "  Détail{n}: x ; y/a.toml:1:1: clé inconnue `tittle` — vouliez-vous dire `title`{n}?"
                )
            );
            assert_eq!(lines[2], "    x ; y/a.toml:2:1: clé manquante `id`");
            let en = err.to_text(Lang::En);
            assert!(
                en.contains(
                    "  Detail: x ; y/a.toml:1:1: unknown key `tittle`\n    x ; y/a.toml:2:1: missing key \
                     `id`\n"
                ),
                "{en}"
            );
        }
    }

    /// An error handed over in its IPC shape: its detail alone, the English message not glued in front.
    #[test]
    fn an_ipc_error_shows_its_detail_without_its_message() {
        let error = IpcError {
            code: "own_pack.invalid".into(),
            message: "this file is not a valid checklist pack".into(),
            detail: Some("a.toml:1:1: première\na.toml:2:1: seconde".into()),
        };
        let n = NARROW_NBSP;
        let text = ipc_error_text(&error, Lang::Fr);
        assert!(!text.contains("not a valid"), "{text}");
        assert!(
            text.contains(&format!("  Détail{n}: a.toml:1:1: première\n    a.toml:2:1: seconde\n")),
            "{text}"
        );
        let bare = IpcError { detail: None, ..error };
        assert!(
            ipc_error_text(&bare, Lang::En).contains("  Detail: this file is not a valid checklist pack\n")
        );
    }

    /// The categories there are, in the sentence itself: the detail is English.
    #[test]
    fn an_unknown_category_lists_the_categories_in_the_sentence() {
        let err = CliError::UnknownCategory {
            given: "courriel".into(),
            known: vec!["mail".into(), "cloud".into()],
        };
        let n = NARROW_NBSP;
        let fr = err.to_ipc(Lang::Fr);
        assert_eq!(
            fr.message,
            format!("Cette catégorie n’existe pas. Choisissez-en une parmi celles-ci{n}: mail, cloud.")
        );
        let en = err.to_ipc(Lang::En);
        assert_eq!(en.message, "There is no such category. Choose one of these: mail, cloud.");
        assert_eq!(en.detail, fr.detail);
        // Only that sentence has a place for a list.
        for code in codes_in_source().keys().filter(|c| *c != "cli.unknown_category") {
            let s = sentence(code).unwrap_or(GENERIC);
            assert!(!s[0].contains("{}") && !s[1].contains("{}"), "{code}");
        }
    }

    #[test]
    fn the_detail_is_never_retypeset() {
        // A French space before a colon in the detail is the engine's text: it stays as written.
        let err = CliError::UnknownCategory { given: "x : y".into(), known: vec!["mail".into()] };
        let ipc = err.to_ipc(Lang::Fr);
        assert_eq!(ipc.detail.as_deref(), Some("unknown category `x : y` (expected mail)"));
        assert!(err.to_text(Lang::Fr).contains("`x : y`"));
    }

    #[test]
    fn json_errors_keep_their_shape_with_a_localised_message() {
        let err = CliError::from(MailCheckError::InvalidAddress("ana".into()));
        let fr = serde_json::to_value(err.to_ipc(Lang::Fr)).unwrap();
        assert_eq!(fr["code"], "mail.invalid_address");
        assert_eq!(
            fr["message"],
            "Cette adresse de courriel ne semble pas complète. Vérifiez qu’elle a la forme nom@exemple.fr."
        );
        assert_eq!(fr["detail"], "`ana` is not a mail address (expected name@domain)");
        let en = serde_json::to_value(err.to_ipc(Lang::En)).unwrap();
        assert_eq!(en["code"], fr["code"]);
        assert_eq!(en["detail"], fr["detail"]);
        assert!(en["message"].as_str().unwrap().starts_with("This mail address"));
        assert_eq!(fr.as_object().unwrap().len(), 3);
    }

    #[test]
    fn errors_of_the_command_line_itself_have_codes_and_keep_their_cause() {
        let err = CliError::Write { path: "/nulle/part/bilan.html".into(), source: not_found() };
        let ipc = err.to_ipc(Lang::Fr);
        assert_eq!(ipc.code, "cli.write_failed");
        assert!(ipc.message.starts_with("Le fichier n’a pas pu être écrit"), "{}", ipc.message);
        assert_eq!(
            ipc.detail.as_deref(),
            Some("could not write /nulle/part/bilan.html: No such file or directory (os error 2)")
        );
    }

    #[test]
    fn a_broken_installation_says_so_whatever_the_underlying_code() {
        let err = CliError::Builtin(ChecklistError::UnknownPack("x".into()));
        let ipc = err.to_ipc(Lang::Fr);
        assert_eq!(ipc.code, "checklist.unknown_pack");
        assert!(ipc.message.contains("Réinstallez premiers-pas"), "{}", ipc.message);
        assert_eq!(
            ipc.detail.as_deref(),
            Some("the built-in checklists are invalid: no checklist pack with id `x`")
        );
    }

    #[test]
    fn french_sentences_follow_french_typography_and_english_ones_english() {
        for code in codes_in_source().keys() {
            let s = sentence(code).unwrap_or(GENERIC);
            let fr = typeset(s[0], Lang::Fr);
            for bad in [" :", " ;", " ?", " !", "« ", " »", "'", "\u{A0}"] {
                assert!(!fr.contains(bad), "{code}: `{bad}` in {fr}");
            }
            for bad in [NARROW_NBSP, '\'', '«', '»'] {
                assert!(!s[1].contains(bad), "{code}: `{bad}` in {}", s[1]);
            }
            for text in s {
                assert!(text.ends_with(['.', '?']) && !text.contains("  "), "{code}: {text}");
            }
        }
    }

    // Every code is read from the source: each `impl ErrorCode for` of the engine and of this crate (the
    // scan src-tauri/tests/error_codes.rs uses for the UI's catalogs). A new error, or a new variant with a
    // new code, fails here until it has a sentence in both languages.
    fn codes_in_source() -> BTreeMap<String, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        super::error_codes_scan::codes_in(&root, &["crates/core/src", "crates/cli/src"])
    }

    #[test]
    fn the_source_scan_finds_the_codes_of_the_engine_and_of_the_command_line() {
        let codes = codes_in_source();
        for known in [
            "checklist.unreadable",
            "directory.import_corrupt",
            "directory.invalid_source",
            "progress.too_new",
            "registry.syntax",
            "session.home_unreadable",
            "cli.write_failed",
            "cli.unknown_category",
        ] {
            assert!(codes.contains_key(known), "{known} not found; found {codes:?}");
        }
        assert!(!codes.contains_key("sample.read"), "a test module's sample counted as a code");
        assert_eq!(
            super::error_codes_scan::code_literals(
                r#"match self { A => "a.b", B => "not a code", C => "x.y_2" }"#
            ),
            ["a.b", "x.y_2"]
        );
    }

    #[test]
    fn every_error_code_has_a_command_line_sentence_in_french_and_in_english() {
        let missing: Vec<String> = codes_in_source()
            .into_iter()
            .filter(|(code, _)| sentence(code).is_none_or(|s| s.iter().any(|t| t.trim().is_empty())))
            .map(|(code, origin)| format!("{code} (from {origin})"))
            .collect();
        assert!(
            missing.is_empty(),
            "error codes without a sentence in crates/cli/src/errors.rs:\n{}",
            missing.join("\n")
        );
        assert!(sentence("directory.no_such_reason").is_none());
    }
}
