//! The French of the command line's `--help`. English is written once, as the doc comments of the `clap`
//! structs; this is its French, keyed and written as `premiers_pas_usage::Program` says. The tests fail
//! when a command or an argument has no French here, and when a key here matches nothing.

/// Each command's about and each argument's help, in French.
pub(super) const HELP: &[(&str, &str)] = &[
    // The program, and what `clap` adds to every command.
    (
        "premiers-pas",
        "La ligne de commande de Premiers Pas : regarder cet ordinateur, parcourir l’annuaire des CHATONS, \
         vérifier des parcours.",
    ),
    ("--lang", "Langue des messages (fr ou en). Par défaut, celle du système"),
    ("--data-dir", "Dossier où Premiers Pas garde ses données (les progrès enregistrés, l’annuaire hors ligne)"),
    ("--help", "Afficher l’aide"),
    ("--version", "Afficher la version"),
    ("help", "Afficher ce message, ou l’aide des commandes données"),
    // system
    ("system", "Décrire cet ordinateur : système d’exploitation, version, bureau, langue"),
    ("system --json", "Écrire du JSON au lieu du texte"),
    // audit
    (
        "audit",
        "Ce que cet ordinateur a déjà : navigateurs, extensions, navigateur par défaut, applications, comptes \
         de courriel",
    ),
    ("audit --json", "Écrire du JSON (schéma premiers-pas/audit/1) au lieu d’un résumé"),
    (
        "audit --home",
        "Regarder ce dossier comme un dossier personnel, au lieu de cet ordinateur (les dossiers du système ne \
         sont pas regardés)",
    ),
    ("audit --os", "Le système d’exploitation du dossier donné avec --home"),
    (
        "audit --env",
        "Une variable d’environnement telle que les détecteurs doivent la voir (XDG_CONFIG_HOME, APPDATA…). \
         Peut être répétée",
    ),
    ("audit --registry", "Des valeurs du registre de Windows, dans un fichier .reg (ce qu’écrit « reg export »)"),
    ("audit --pack", "Le parcours dont les étapes sont comparées à ce qui a été trouvé"),
    (
        "audit --system-root",
        "Avec --home : regarder aussi les dossiers du système (/usr/share/applications…) sous ce dossier",
    ),
    // mail
    ("mail", "Adresses de courriel : qui les héberge"),
    (
        "mail check",
        "Dire qui héberge le courriel d’une adresse (d’après son domaine ; avec --mx, d’après ses serveurs de \
         courrier)",
    ),
    ("mail check <address>", "L’adresse à vérifier, par exemple lea@exemple.fr"),
    ("mail check --mx", "Demander aussi les enregistrements MX du domaine (utilise le réseau)"),
    ("mail check --dns-server", "Le serveur DNS à interroger, sous la forme IP:PORT (par défaut : celui du système)"),
    ("mail check --json", "Écrire du JSON au lieu d’une phrase"),
    // checklist
    ("checklist", "Parcours : vérifier des fichiers, lister les parcours, en montrer un"),
    (
        "checklist validate",
        "Vérifier des fichiers de parcours : chaque problème est écrit fichier:ligne:colonne: message (code de \
         sortie 1 s’il y en a)",
    ),
    (
        "checklist validate <paths>",
        "Fichiers ou dossiers à vérifier. Un dossier qui contient un apps.toml est un dossier de parcours \
         complet ; un fichier de parcours est vérifié avec les données de référence de son dossier, ou avec \
         celles intégrées. Par défaut : les parcours intégrés",
    ),
    (
        "checklist list",
        "Lister les parcours disponibles : ceux intégrés, et ceux ajoutés dans l’application (« Ajouter un \
         parcours… », en atelier)",
    ),
    (
        "checklist list --from",
        "Un dossier de parcours à lire seul, au lieu des parcours intégrés et de ceux ajoutés dans l’application",
    ),
    ("checklist list --json", "Écrire du JSON au lieu du texte"),
    ("checklist show", "Montrer un parcours, étape par étape (intégré, ou ajouté dans l’application)"),
    ("checklist show <id>", "L’identifiant du parcours, par exemple premiers-pas"),
    (
        "checklist show --from",
        "Un dossier de parcours à lire seul, au lieu des parcours intégrés et de ceux ajoutés dans l’application",
    ),
    ("checklist show --json", "Écrire le parcours en JSON au lieu du texte"),
    // directory
    (
        "directory",
        "L’annuaire des CHATONS : le mettre à jour, le garder hors ligne, trouver un hébergeur près de chez vous",
    ),
    ("directory refresh", "Télécharger l’annuaire et le garder sur cet ordinateur, pour s’en servir hors ligne"),
    (
        "directory refresh --source",
        "Le fichier de la fédération (par défaut : celui de l’annuaire actuel, sauf un annuaire importé qui mènerait au réseau local ; sinon celui des CHATONS)",
    ),
    ("directory refresh --concurrency", "Nombre de fichiers téléchargés en même temps"),
    ("directory refresh --json", "Écrire le compte rendu de la mise à jour en JSON"),
    ("directory status", "Ce que contient l’annuaire hors ligne, et quand il a été téléchargé"),
    ("directory status --json", "Écrire du JSON au lieu du texte"),
    ("directory search", "Trouver des hébergeurs : par catégorie, par inscription, et par distance à un lieu"),
    (
        "directory search --category",
        "Un identifiant de catégorie : mail, cloud, pads, video-calls, chat, polls, file-sharing, \
         link-shortener, social, video, search, wiki, other",
    ),
    ("directory search --near", "« LAT,LON » ou une commune (« compiegne », « Saint-Denis, 93 »)"),
    (
        "directory search --registration",
        "Qui peut ouvrir un compte : open (tout le monde), members (les membres), paid (les clients qui \
         paient), any (peu importe)",
    ),
    ("directory search --limit", "Au plus ce nombre d’hébergeurs"),
    ("directory search --include-full", "Lister aussi les services complets ou fermés"),
    ("directory search --include-inactive", "Lister aussi les structures qui ont arrêté ou qui sont parties"),
    ("directory search --json", "Écrire du JSON au lieu du texte"),
    ("directory show", "Tout sur une structure (son identifiant est montré par « search »)"),
    ("directory show <org_id>", "L’identifiant de la structure, tel que « search » le montre (entre crochets)"),
    ("directory show --json", "Écrire du JSON au lieu du texte"),
    (
        "directory export",
        "Écrire l’annuaire hors ligne dans un fichier (pour l’emporter dans une salle sans réseau)",
    ),
    ("directory export <file>", "Le fichier à écrire"),
    ("directory import", "Faire de l’annuaire du FICHIER (écrit par « export ») l’annuaire hors ligne"),
    ("directory import <file>", "Un fichier écrit par « export »"),
    // report
    ("report", "Le bilan à garder : où vous en êtes d’un parcours, en HTML, Markdown ou JSON"),
    ("report --format", "html (une page autonome, à imprimer), markdown ou json"),
    ("report --output", "Écrire le bilan dans ce fichier au lieu de la sortie standard"),
    (
        "report --home",
        "Regarder ce dossier comme un dossier personnel, au lieu de cet ordinateur (les dossiers du système ne \
         sont pas regardés)",
    ),
    ("report --os", "Le système d’exploitation du dossier donné avec --home"),
    ("report --pack", "Le parcours que suit le bilan"),
];

/// The placeholders of values (`--data-dir <DIR>`), in French. Short and in capitals, as in English; a
/// name that reads the same in both languages is listed too, so that a new one is not missed.
pub(super) const VALUE_NAMES: &[(&str, &str)] = &[
    ("ADDRESS", "ADRESSE"),
    ("CATEGORY", "CATÉGORIE"),
    ("COMMAND", "COMMANDE"),
    ("CONCURRENCY", "NOMBRE"),
    ("DIR", "DOSSIER"),
    ("FILE", "FICHIER"),
    ("FORMAT", "FORMAT"),
    ("ID", "ID"),
    ("IP:PORT", "IP:PORT"),
    ("KEY=VALUE", "NOM=VALEUR"),
    ("LANG", "LANGUE"),
    ("LIMIT", "NOMBRE"),
    ("ORG_ID", "ID"),
    ("OS", "SYSTÈME"),
    ("PATHS", "CHEMINS"),
    ("PLACE", "LIEU"),
    ("REGISTRATION", "INSCRIPTION"),
    ("URL", "URL"),
];
