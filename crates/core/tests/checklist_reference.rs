//! The reference data (apps, providers, categories): the shipped files load, lookups answer as
//! detection and the directory expect, and mistakes in the files are pointed at with their position.

use premiers_pas_core::audit::BrowserFamily;
use premiers_pas_core::checklist::ChecklistError;
use premiers_pas_core::i18n::{typeset, NARROW_NBSP};
use premiers_pas_core::reference::{AppKind, ProviderKind, Reference, OTHER_CATEGORY};
use premiers_pas_core::Lang;

fn builtin() -> Reference {
    Reference::builtin().unwrap_or_else(|e| panic!("builtin reference data is invalid:\n{e}"))
}

#[test]
fn shipped_folder_and_embedded_copy_agree() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists");
    let from_dir = Reference::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_dir, builtin());
}

#[test]
fn every_required_app_is_known_with_the_right_kind() {
    let r = builtin();
    let browsers = [
        ("firefox", Some(BrowserFamily::Gecko)),
        ("librewolf", Some(BrowserFamily::Gecko)),
        ("floorp", Some(BrowserFamily::Gecko)),
        ("waterfox", Some(BrowserFamily::Gecko)),
        ("tor-browser", Some(BrowserFamily::Gecko)),
        ("mullvad-browser", Some(BrowserFamily::Gecko)),
        ("chrome", Some(BrowserFamily::Chromium)),
        ("chromium", Some(BrowserFamily::Chromium)),
        ("brave", Some(BrowserFamily::Chromium)),
        ("edge", Some(BrowserFamily::Chromium)),
        ("vivaldi", Some(BrowserFamily::Chromium)),
        ("opera", Some(BrowserFamily::Chromium)),
        ("safari", None),
    ];
    for (id, family) in browsers {
        let app = r.apps.get(id).unwrap_or_else(|| panic!("missing app {id}"));
        assert_eq!(app.kind, AppKind::Browser, "{id}");
        assert_eq!(app.family, family, "{id}");
    }
    assert_eq!(r.apps.browsers().count(), browsers.len());
    assert_eq!(r.apps.get("thunderbird").map(|a| a.kind), Some(AppKind::MailClient));
    for id in ["organic-maps", "comaps", "osmand"] {
        let app = r.apps.get(id).unwrap_or_else(|| panic!("missing app {id}"));
        assert_eq!(app.kind, AppKind::Maps);
        assert!(app.android.as_ref().and_then(|a| a.fdroid.as_ref()).is_some(), "{id} has an F-Droid id");
        assert!(app.ios.as_ref().and_then(|a| a.app_store.as_ref()).is_some(), "{id} has an App Store id");
    }
    assert_eq!(
        r.apps.get("comaps").and_then(|a| a.android.as_ref()).and_then(|a| a.play.as_deref()),
        Some("app.comaps.google")
    );
    assert!(r.apps.get("firefox-esr").is_none(), "Firefox ESR is the `firefox` app");
}

#[test]
fn platform_identifiers_lead_back_to_the_app() {
    let apps = builtin().apps;
    let id = |a: Option<&premiers_pas_core::reference::App>| a.map(|a| a.id.clone());
    assert_eq!(id(apps.by_desktop_id("firefox_firefox.desktop")), Some("firefox".into()));
    assert_eq!(id(apps.by_desktop_id("firefox-esr.desktop")), Some("firefox".into()));
    assert_eq!(id(apps.by_flatpak_id("org.mozilla.Thunderbird")), Some("thunderbird".into()));
    assert_eq!(id(apps.by_snap_name("chromium")), Some("chromium".into()));
    assert_eq!(id(apps.by_macos_bundle_id("com.apple.Safari")), Some("safari".into()));
    assert_eq!(id(apps.by_macos_bundle_id("com.microsoft.edgemac")), Some("edge".into()));
    assert_eq!(id(apps.by_windows_progid("FirefoxURL-308046B0AF4A39CB")), Some("firefox".into()));
    assert_eq!(id(apps.by_windows_progid("MSEdgeHTM")), Some("edge".into()));
    assert_eq!(id(apps.by_windows_display_name("Mozilla Firefox (x64 fr)")), Some("firefox".into()));
    assert_eq!(id(apps.by_windows_display_name("Mozilla Thunderbird (x64 fr)")), Some("thunderbird".into()));
    assert_eq!(id(apps.by_windows_display_name("Opera Stable 112.0")), Some("opera".into()));
    assert_eq!(id(apps.by_desktop_id("gimp.desktop")), None);
    assert_eq!(id(apps.by_windows_progid("")), None);
}

#[test]
fn addresses_are_classified_by_domain() {
    let p = builtin().providers;
    let cases = [
        ("alice@gmail.com", "google", ProviderKind::BigTech),
        ("Alice@GMail.com", "google", ProviderKind::BigTech),
        ("bob@outlook.fr", "microsoft", ProviderKind::BigTech),
        ("bob@hotmail.co.uk", "microsoft", ProviderKind::BigTech),
        ("c@yahoo.fr", "yahoo", ProviderKind::BigTech),
        ("d@icloud.com", "apple", ProviderKind::BigTech),
        ("e@proton.me", "proton", ProviderKind::Ethical),
        ("f@posteo.net", "posteo", ProviderKind::Ethical),
        ("g@tutanota.de", "tuta", ProviderKind::Ethical),
        ("h@wanadoo.fr", "orange", ProviderKind::Isp),
        ("i@free.fr", "free", ProviderKind::Isp),
        ("j@zaclys.net", "zaclys", ProviderKind::Chatons),
        ("k@example.org", "unknown", ProviderKind::Unknown),
        ("k@live.mycompany.com", "unknown", ProviderKind::Unknown),
        ("no-at-sign", "unknown", ProviderKind::Unknown),
    ];
    for (address, id, kind) in cases {
        let m = p.classify_address(address);
        assert_eq!((m.id.as_str(), m.kind), (id, kind), "{address}");
    }
    let m = p.classify_address("alice@gmail.com");
    assert_eq!(m.matched_by.as_deref(), Some("domain:gmail.com"));
    assert_eq!(m.name, "Google");
    let unknown = p.classify_domain("Example.org.");
    assert_eq!((unknown.name.as_str(), unknown.matched_by), ("example.org", None));
}

#[test]
fn servers_and_mx_reveal_the_host() {
    let p = builtin().providers;
    assert_eq!(p.classify_server("imap.gmail.com").id, "google");
    assert_eq!(p.classify_server("outlook.office365.com").id, "microsoft");
    assert_eq!(p.classify_server("imap.orange.fr").kind, ProviderKind::Isp);
    assert_eq!(p.classify_server("posteo.de").id, "posteo");
    assert_eq!(p.classify_server("127.0.0.1").kind, ProviderKind::Unknown);
    assert_eq!(p.classify_server("gmail.com.evil.example").kind, ProviderKind::Unknown);

    let mx = |hosts: &[&str]| p.classify_mx(&hosts.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    let google = mx(&["aspmx.l.google.com", "alt1.aspmx.l.google.com"]);
    assert_eq!((google.id.as_str(), google.matched_by.as_deref()), ("google", Some("mx:aspmx.l.google.com")));
    assert_eq!(mx(&["example-org.mail.protection.outlook.com"]).id, "microsoft");
    assert_eq!(mx(&["example-org.x-v1.mx.microsoft"]).id, "microsoft");
    assert_eq!(
        mx(&["mx.example.org", "aspmx2.googlemail.com"]).id,
        "google",
        "any listed MX may reveal the host"
    );
    let none = mx(&["mx.example.org"]);
    assert_eq!((none.id.as_str(), none.name.as_str()), ("unknown", "mx.example.org"));
    assert_eq!(mx(&[]).kind, ProviderKind::Unknown);
}

#[test]
fn software_maps_to_categories() {
    let c = builtin().categories;
    for id in [
        "mail",
        "cloud",
        "pads",
        "video-calls",
        "chat",
        "polls",
        "file-sharing",
        "link-shortener",
        "social",
        "video",
        "search",
        "wiki",
        OTHER_CATEGORY,
    ] {
        assert!(c.get(id).is_some(), "category {id}");
    }
    assert_eq!(c.category_of("Etherpad"), "pads");
    assert_eq!(c.category_of("jitsi-meet"), "video-calls");
    assert_eq!(c.category_of("NEXTCLOUD"), "cloud");
    assert_eq!(c.category_of("Roundcube"), "mail");
    assert_eq!(c.category_of("PeerTube"), "video");
    assert_eq!(c.category_of("Some homemade tool"), OTHER_CATEGORY);
    assert_eq!(c.get("pads").map(|p| p.label.get(Lang::Fr)), Some("Pads et documents"));
}

const APPS_OK: &str = "reviewed = 2026-11-01\n[[app]]\nid = \"firefox\"\nname = \"Firefox\"\nkind = \"browser\"\nfamily = \"gecko\"\n";
const PROVIDERS_OK: &str =
    "reviewed = 2026-11-01\n[[provider]]\nid = \"google\"\nname = \"Google\"\nkind = \"big-tech\"\ndomains = [\"gmail.com\"]\n";
const CATEGORIES_OK: &str = "[[category]]\nid = \"other\"\nlabel = { fr = \"Autres\", en = \"Other\" }\n";

fn errors(apps: &str, providers: &str, categories: &str) -> Vec<String> {
    errors_in(apps, providers, categories, Lang::En)
}

/// Each problem as `file:line:col: message` in `lang`.
fn errors_in(apps: &str, providers: &str, categories: &str, lang: Lang) -> Vec<String> {
    match Reference::from_texts(
        ("apps.toml", apps),
        ("providers.toml", providers),
        ("categories.toml", categories),
    ) {
        Ok(_) => Vec::new(),
        Err(ChecklistError::Invalid(d)) => d.iter().map(|d| d.in_lang(lang)).collect(),
        Err(e) => panic!("unexpected error {e}"),
    }
}

#[test]
fn minimal_files_are_valid() {
    assert_eq!(errors(APPS_OK, PROVIDERS_OK, CATEGORIES_OK), Vec::<String>::new());
}

fn mistakes() -> (String, String, &'static str) {
    let apps = format!("{APPS_OK}[[app]]\nid = \"firefox\"\nname = \"Fx\"\nkind = \"browser\"\nfamilly = \"gecko\"\n[[app]]\nid = \"firefox\"\nname = \"Again\"\nkind = \"maps\"\nfamily = \"gecko\"\n");
    let providers = format!("{PROVIDERS_OK}[[provider]]\nid = \"gm\"\nname = \"G\"\nkind = \"bigtech\"\n[[provider]]\nid = \"x\"\nname = \"X\"\nkind = \"isp\"\ndomains = [\"gmail.com\", \"bad domain\"]\n");
    let categories =
        "[[category]]\nid = \"pads\"\nlabel = { fr = \"Pads\" }\nsoftware = [\"Etherpad\", \"etherpad\"]\n";
    (apps, providers, categories)
}

#[test]
fn mistakes_in_every_file_are_all_reported_with_positions() {
    let (apps, providers, categories) = mistakes();
    let errs = errors(&apps, &providers, categories);
    let expected = [
        "apps.toml:11:1: unknown key `familly` — did you mean `family`?",
        "apps.toml:13:6: duplicate app id `firefox`",
        "apps.toml:16:10: `family` is for browsers only, and `firefox` is not a browser",
        "providers.toml:10:8: unknown value `bigtech` — did you mean `big-tech`?",
        "providers.toml:15:12: domain `gmail.com` is already listed for `google`",
        "providers.toml:15:25: invalid domain `bad domain` — expected `example.org` or `name.*`",
        "categories.toml:3:9: `label` has no `en` text (French and English are both required)",
        "categories.toml:4:25: software `etherpad` is already in category `pads`",
        "categories.toml:1:1: no `other` category: it is the fallback for unknown software",
    ];
    for e in expected {
        assert!(errs.iter().any(|x| x == e), "missing `{e}` in:\n{}", errs.join("\n"));
    }
    assert_eq!(errs.len(), expected.len(), "{}", errs.join("\n"));
}

/// The same mistakes, said in French, at the same places; the French set in its typography.
#[test]
fn mistakes_in_every_file_are_said_in_french() {
    let (apps, providers, categories) = mistakes();
    let errs = errors_in(&apps, &providers, categories, Lang::Fr);
    let expected = [
        "apps.toml:11:1: clé inconnue `familly` — vouliez-vous dire `family` ?",
        "apps.toml:13:6: l’identifiant d’application `firefox` est déjà pris dans ce fichier",
        "apps.toml:16:10: `family` ne vaut que pour les navigateurs, et `firefox` n’en est pas un",
        "providers.toml:10:8: valeur inconnue `bigtech` — vouliez-vous dire `big-tech` ?",
        "providers.toml:15:12: le domaine `gmail.com` est déjà donné pour `google`",
        "providers.toml:15:25: domaine invalide `bad domain` — attendu `exemple.fr` ou `nom.*`",
        "categories.toml:3:9: `label` n’a pas de texte `en` (le français et l’anglais sont obligatoires)",
        "categories.toml:4:25: le logiciel `etherpad` est déjà dans la catégorie `pads`",
        "categories.toml:1:1: pas de catégorie `other` : c’est elle qui reçoit les logiciels inconnus",
    ];
    for e in expected {
        let e = typeset(e, Lang::Fr);
        assert!(errs.iter().any(|x| *x == e), "missing `{e}` in:\n{}", errs.join("\n"));
    }
    assert_eq!(errs.len(), expected.len(), "{}", errs.join("\n"));
    assert!(errs.iter().any(|x| x.contains(NARROW_NBSP)), "{}", errs.join("\n"));
}

/// Every check of the reference files has French words: the ids, names and values that are not valid.
#[test]
fn every_reference_check_is_said_in_french() {
    let apps = "reviewed = 2026-11-01\n[[app]]\nid = \"Fire Fox\"\nname = \" \"\nkind = \"browser\"\n\
                desktop_ids = [\"firefox\", \"\"]\nios = { app_store = \"id123\" }\n";
    let providers =
        "reviewed = 2026-11-01\n[[provider]]\nid = \"unknown\"\nname = \"\"\nkind = \"unknown\"\n\
                     servers = [\"bad host\"]\n[[provider]]\nid = \"a\"\nname = \"A\"\nkind = \"isp\"\n\
                     [[provider]]\nid = \"a\"\nname = \"A\"\nkind = \"isp\"\n";
    let categories = "[[category]]\nid = \"other\"\nlabel = { fr = \"Autres\", en = \"Other\" }\n\
                      software = [\"x\"]\n[[category]]\nid = \"Bad Id\"\nlabel = { fr = \"a\", en = \"b\" }\n\
                      [[category]]\nid = \"pads\"\nlabel = { fr = \"a\", en = \"b\" }\nsoftware = [\" \"]\n\
                      [[category]]\nid = \"pads\"\nlabel = { fr = \"a\", en = \"b\" }\n";
    let en = errors_in(apps, providers, categories, Lang::En);
    let fr = errors_in(apps, providers, categories, Lang::Fr);
    assert_eq!(en.len(), fr.len());
    for (en, fr) in en.iter().zip(&fr) {
        assert_ne!(en, fr, "said in English only");
    }
    for words in [
        "identifiant d’application invalide `Fire Fox`",
        "`name` est vide",
        "valeur vide dans `desktop_ids`",
        "l’identifiant de bureau `firefox` doit finir par `.desktop`",
        "l’identifiant App Store `id123` ne s’écrit qu’en chiffres",
        "identifiant de fournisseur invalide `unknown`",
        "un fournisseur de la liste ne peut pas être du type `unknown`",
        "modèle de serveur invalide `bad host`",
        "l’identifiant de fournisseur `a` est déjà pris",
        "la catégorie `other` sert de repli",
        "identifiant de catégorie invalide `Bad Id`",
        "nom de logiciel vide",
        "l’identifiant de catégorie `pads` est déjà pris",
    ] {
        assert!(fr.iter().any(|x| x.contains(words)), "missing `{words}` in:\n{}", fr.join("\n"));
    }
}
