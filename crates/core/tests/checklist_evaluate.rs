//! Evaluation tables: audit facts built by hand go in, each step of the default pack gives a status, its
//! reasons and its evidence.

use premiers_pas_core::audit::{
    Audit, Browser, BrowserFamily, BrowserProfile, Evidence, Extension, InstalledApp, MailAccount, Problem,
};
use premiers_pas_core::checklist::{evaluate, evaluate_step, Answer, Answers, Library, Status, StepResult};
use premiers_pas_core::{Lang, OsFamily};

const UBO: &str = "uBlock0@raymondhill.net";
const UBO_CHROME: &str = "cjpalhdlnbpafiamejdnhcphjbkeiagm";
const UBO_LITE: &str = "ddkjiahejlhfcafbddmgiahcphecmpfh";

fn lib() -> Library {
    Library::builtin().unwrap_or_else(|e| panic!("{e}"))
}

fn ext(id: &str, name: &str, enabled: bool, reasons: &[&str]) -> Extension {
    Extension {
        id: id.into(),
        name: name.into(),
        version: "1.0".into(),
        enabled,
        disabled_reasons: reasons.iter().map(|r| r.to_string()).collect(),
        temporary: false,
        manifest_version: None,
        evidence: format!("/home/a/{name}/extensions.json"),
    }
}

fn profile(name: &str, default: bool, extensions: Vec<Extension>) -> BrowserProfile {
    BrowserProfile {
        name: name.into(),
        path: format!("/home/a/profiles/{name}"),
        default,
        unlisted: false,
        extensions,
    }
}

fn browser(id: &str, name: &str, family: BrowserFamily, profiles: Vec<BrowserProfile>) -> Browser {
    Browser {
        id: id.into(),
        name: name.into(),
        family,
        install: "system".into(),
        root: format!("/home/a/.{id}"),
        profiles,
    }
}

fn firefox(profiles: Vec<BrowserProfile>) -> Browser {
    browser("firefox", "Firefox", BrowserFamily::Gecko, profiles)
}

fn chrome(profiles: Vec<BrowserProfile>) -> Browser {
    browser("chrome", "Google Chrome", BrowserFamily::Chromium, profiles)
}

fn audit() -> Audit {
    Audit::empty(OsFamily::Linux)
}

fn with_default(mut a: Audit, id: &str) -> Audit {
    a.default_browser = Some(id.into());
    a.default_browser_evidence = Some(Evidence {
        source: "xdg-settings get default-web-browser".into(),
        value: format!("{id}.desktop"),
    });
    a
}

fn account(address: &str) -> MailAccount {
    let providers = lib().reference.providers;
    MailAccount {
        client: "thunderbird".into(),
        address: Some(address.into()),
        server: "imap.example.org".into(),
        protocol: "imap".into(),
        provider: providers.classify_address(address),
        evidence: "/home/a/.thunderbird/x.default/prefs.js".into(),
    }
}

fn with_mail(mut a: Audit, addresses: &[&str]) -> Audit {
    a.mail_accounts = addresses.iter().map(|x| account(x)).collect();
    a
}

fn run(step: &str, audit: &Audit, answer: Option<Answer>) -> StepResult {
    let lib = lib();
    let pack = lib.pack("premiers-pas").unwrap_or_else(|e| panic!("{e}"));
    let mut answers = Answers::none();
    if let Some(a) = answer {
        answers.0.insert(step.into(), a);
    }
    evaluate_step(
        pack.step(step).unwrap_or_else(|| panic!("no step {step}")),
        audit,
        &lib.reference,
        &answers,
        Lang::En,
    )
}

/// One row of a table: the status expected and words each expected reason contains.
fn check(case: &str, result: &StepResult, status: Status, reasons: &[&str]) {
    assert_eq!(result.status, status, "{case}: {:#?}", result.reasons);
    for r in reasons {
        assert!(
            result.reasons.iter().any(|x| x.contains(r)),
            "{case}: no reason with `{r}` in {:#?}",
            result.reasons
        );
    }
}

#[test]
fn private_maps() {
    let mut installed = audit();
    installed.apps.push(InstalledApp {
        id: "organic-maps".into(),
        name: "Organic Maps".into(),
        source: "flatpak".into(),
        version: None,
        evidence: "/var/lib/flatpak/exports/share/applications/app.organicmaps.desktop.desktop".into(),
    });
    check(
        "nothing known",
        &run("private-maps", &audit(), None),
        Status::Manual,
        &["tell us where you stand"],
    );
    check("said done", &run("private-maps", &audit(), Some(Answer::Done)), Status::Done, &["You told us"]);
    check(
        "said not yet",
        &run("private-maps", &audit(), Some(Answer::NotYet)),
        Status::Todo,
        &["not done yet"],
    );
    let bonus = run("private-maps", &installed, None);
    check(
        "desktop bonus",
        &bonus,
        Status::Manual,
        &["Organic Maps is installed on this computer", "tell us where you stand"],
    );
    assert!(bonus.evidence.iter().any(|e| e.contains("app.organicmaps")), "{:?}", bonus.evidence);
    check(
        "bonus and answer",
        &run("private-maps", &installed, Some(Answer::Done)),
        Status::Done,
        &["Organic Maps"],
    );
}

#[test]
fn firefox_step() {
    check("no browser", &run("firefox", &audit(), None), Status::Todo, &["no browser of the Firefox family"]);
    let mut a = audit();
    a.browsers.push(firefox(vec![profile("default-release", true, vec![])]));
    let r = run("firefox", &a, None);
    check("firefox", &r, Status::Done, &["Firefox is installed"]);
    assert_eq!(r.evidence, ["/home/a/.firefox"]);
    let mut a = audit();
    a.browsers.push(browser("librewolf", "LibreWolf", BrowserFamily::Gecko, vec![]));
    check(
        "a fork",
        &run("firefox", &a, None),
        Status::Done,
        &["LibreWolf is installed", "cousin of Firefox"],
    );
    let mut a = audit();
    a.browsers.push(chrome(vec![]));
    check("chrome only", &run("firefox", &a, None), Status::Todo, &["no browser of the Firefox family"]);
    let mut a = audit();
    a.apps.push(InstalledApp {
        id: "firefox".into(),
        name: "Firefox".into(),
        source: "desktop-entry".into(),
        version: None,
        evidence: "/usr/share/applications/firefox-esr.desktop".into(),
    });
    check("installed, never opened", &run("firefox", &a, None), Status::Done, &["Firefox is installed"]);
    let mut a = audit();
    a.problems.push(Problem {
        code: "detect.unreadable".into(),
        app: Some("firefox".into()),
        path: "/home/a/.mozilla/firefox/profiles.ini".into(),
        message: "permission denied".into(),
    });
    let r = run("firefox", &a, None);
    check(
        "unreadable",
        &r,
        Status::Unknown,
        &["could not read a file of Firefox: reading refused (permissions)."],
    );
    assert_eq!(r.evidence, ["/home/a/.mozilla/firefox/profiles.ini"]);
    let mut a = audit();
    a.problems.push(Problem {
        code: "detect.too_many_entries".into(),
        app: Some("firefox".into()),
        path: "/home/a/.mozilla/firefox".into(),
        message: "the folder holds more than 4096 entries: only 4096 were looked at".into(),
    });
    let r = run("firefox", &a, None);
    check(
        "a folder too full to list whole",
        &r,
        Status::Unknown,
        &["A folder of Firefox holds too many entries"],
    );
    // The system's applications folder, listed in part: an application not found may be in the rest.
    let mut a = audit();
    a.problems.push(Problem {
        code: "detect.too_many_entries".into(),
        app: Some("system".into()),
        path: "/usr/share/applications".into(),
        message: "the folder holds more than 4096 entries: only 4096 were looked at".into(),
    });
    let r = run("firefox", &a, None);
    check("applications listed in part", &r, Status::Unknown, &["A folder of the system's applications"]);
    assert_eq!(r.evidence, ["/usr/share/applications"]);
    a.browsers.push(firefox(vec![profile("default-release", true, vec![])]));
    check("found all the same", &run("firefox", &a, None), Status::Done, &["Firefox is installed"]);
}

#[test]
fn ublock_origin_step() {
    let ubo = || ext(UBO, "uBlock Origin", true, &[]);
    let step = "ublock-origin";

    let a = with_default(
        {
            let mut a = audit();
            a.browsers.push(firefox(vec![profile("default-release", true, vec![ubo()])]));
            a
        },
        "firefox",
    );
    let r = run(step, &a, None);
    check("in the default profile", &r, Status::Done, &["uBlock Origin is active in Firefox"]);
    assert_eq!(r.evidence, ["/home/a/uBlock Origin/extensions.json"]);

    let mut a = with_default(audit(), "firefox");
    a.browsers
        .push(firefox(vec![profile("default-release", true, vec![]), profile("old", false, vec![ubo()])]));
    check("another profile", &run(step, &a, None), Status::Partial, &["in another profile (“old”)"]);

    let mut a = with_default(audit(), "firefox");
    a.browsers.push(firefox(vec![profile("default-release", true, vec![])]));
    check(
        "missing",
        &run(step, &a, None),
        Status::Todo,
        &["did not find it in Firefox, your default browser"],
    );

    let mut a = with_default(audit(), "chrome");
    a.browsers.push(chrome(vec![profile(
        "Default",
        true,
        vec![ext(UBO_CHROME, "uBlock Origin", false, &["manifest-v2"])],
    )]));
    check(
        "chrome turned it off",
        &run(step, &a, None),
        Status::Todo,
        &[
            "installed in Google Chrome but not working",
            "Manifest V2",
            "in the Chrome family",
            "uBlock Origin Lite",
        ],
    );

    let mut a = with_default(audit(), "chrome");
    a.browsers.push(chrome(vec![profile(
        "Default",
        true,
        vec![ext(UBO_LITE, "uBlock Origin Lite", true, &[])],
    )]));
    check(
        "the lite fallback",
        &run(step, &a, None),
        Status::Partial,
        &["uBlock Origin Lite is active", "better than nothing"],
    );

    let mut a = with_default(audit(), "chrome");
    a.browsers.push(chrome(vec![profile("Default", true, vec![])]));
    a.browsers.push(firefox(vec![profile("default-release", true, vec![ubo()])]));
    check(
        "in the other browser",
        &run(step, &a, None),
        Status::Partial,
        &["active in Firefox, but your links open in Google Chrome"],
    );

    let mut a = audit();
    a.browsers.push(firefox(vec![profile("default-release", true, vec![ubo()])]));
    check("one browser, default unknown", &run(step, &a, None), Status::Done, &["active in Firefox"]);

    let mut a = audit();
    a.browsers.push(firefox(vec![profile("default-release", true, vec![ubo()])]));
    a.browsers.push(chrome(vec![profile("Default", true, vec![])]));
    check(
        "two browsers, default unknown",
        &run(step, &a, None),
        Status::Partial,
        &["could not tell which browser"],
    );

    let mut temp = ubo();
    temp.temporary = true;
    let mut a = with_default(audit(), "firefox");
    a.browsers.push(firefox(vec![profile("default-release", true, vec![temp])]));
    check("temporary", &run(step, &a, None), Status::Partial, &["loaded temporarily"]);

    let mut a = with_default(audit(), "firefox");
    a.browsers.push(firefox(vec![profile(
        "default-release",
        true,
        vec![ext(UBO, "uBlock Origin", false, &["user-disabled"])],
    )]));
    check(
        "turned off by the person",
        &run(step, &a, None),
        Status::Todo,
        &["turned off in the extension settings: to turn it back on, open Firefox’s extensions page"],
    );

    check("no browser at all", &run(step, &audit(), None), Status::Todo, &["no browser to look in"]);

    let a = with_default(audit(), "firefox");
    check("default has no profile", &run(step, &a, None), Status::Unknown, &["no profile of Firefox"]);

    // A profile's list of extensions that could not be read may list it: not found is not known.
    let unreadable = |path: &str| Problem {
        code: "detect.invalid_json".into(),
        app: Some("firefox".into()),
        path: path.into(),
        message: "it is not valid JSON".into(),
    };
    let mut a = with_default(audit(), "firefox");
    a.browsers.push(firefox(vec![profile("default-release", true, vec![])]));
    a.problems.push(unreadable("/home/a/profiles/default-release/extensions.json"));
    check(
        "its profile's file unreadable",
        &run(step, &a, None),
        Status::Unknown,
        &[
            "did not find it in Firefox",
            "could not read a file of Firefox: invalid JSON (a damaged file, or one being written).",
        ],
    );
    // A file outside the profiles looked in changes nothing.
    a.problems[0] = unreadable("/home/a/profiles/other/extensions.json");
    check("another profile's file unreadable", &run(step, &a, None), Status::Todo, &["did not find it"]);

    let mut a = with_default(audit(), "safari");
    a.browsers.push(firefox(vec![profile("default-release", true, vec![ubo()])]));
    check(
        "safari default",
        &run(step, &a, None),
        Status::Partial,
        &["your links open in Safari", "does not exist for Safari"],
    );
}

#[test]
fn default_browser() {
    let step = "default-browser";
    check("firefox", &run(step, &with_default(audit(), "firefox"), None), Status::Done, &["open in Firefox"]);
    check(
        "a fork",
        &run(step, &with_default(audit(), "tor-browser"), None),
        Status::Done,
        &["open in Tor Browser"],
    );
    let mut a = with_default(audit(), "chrome");
    let r = run(step, &a, None);
    check("chrome", &r, Status::Todo, &["open in Google Chrome"]);
    assert!(!r.reasons.iter().any(|x| x.contains("Good news")), "{:?}", r.reasons);
    assert_eq!(r.evidence, ["xdg-settings get default-web-browser: chrome.desktop"]);
    a.browsers.push(firefox(vec![]));
    check(
        "chrome, firefox there",
        &run(step, &a, None),
        Status::Todo,
        &["Good news: Firefox is already installed"],
    );
    check("cannot tell", &run(step, &audit(), None), Status::Unknown, &["could not tell which browser"]);
    let mut a = audit();
    a.default_browser_evidence =
        Some(Evidence { source: "mimeapps.list".into(), value: "odd-browser.desktop".into() });
    check(
        "unknown browser",
        &run(step, &a, None),
        Status::Unknown,
        &["(odd-browser.desktop) is not one we know"],
    );
}

#[test]
fn ethical_mail() {
    let step = "ethical-mail";
    check("no account", &run(step, &audit(), None), Status::Manual, &["only you know where your mail lives"]);
    check(
        "gmail",
        &run(step, &with_mail(audit(), &["a@gmail.com"]), None),
        Status::Todo,
        &["a@gmail.com is with Google, a big tech company", "No rush"],
    );
    check(
        "posteo",
        &run(step, &with_mail(audit(), &["a@posteo.net"]), None),
        Status::Done,
        &["respects your privacy"],
    );
    check("chatons", &run(step, &with_mail(audit(), &["a@zaclys.net"]), None), Status::Done, &["CHATONS"]);
    check(
        "mixed",
        &run(step, &with_mail(audit(), &["a@gmail.com", "a@posteo.net"]), None),
        Status::Partial,
        &["Google", "Posteo"],
    );
    let r = run(step, &with_mail(audit(), &["a@orange.fr"]), None);
    check("isp", &r, Status::Todo, &["your internet access provider", "tied to your subscription"]);
    assert_eq!(r.evidence, ["/home/a/.thunderbird/x.default/prefs.js"]);
    check(
        "unknown only",
        &run(step, &with_mail(audit(), &["a@example.org"]), None),
        Status::Manual,
        &["do not know who hosts a@example.org"],
    );
    check(
        "good and unknown",
        &run(step, &with_mail(audit(), &["a@posteo.net", "b@example.org"]), None),
        Status::Partial,
        &["Posteo"],
    );
    check(
        "the same twice",
        &run(step, &with_mail(audit(), &["a@posteo.net", "A@posteo.net"]), None),
        Status::Done,
        &["Posteo"],
    );
    // When this computer cannot tell (webmail, a host we do not know), the person's answer does...
    check(
        "no account, said done",
        &run(step, &audit(), Some(Answer::Done)),
        Status::Done,
        &["only you know where your mail lives", "You told us this is done"],
    );
    check(
        "no account, said not yet",
        &run(step, &audit(), Some(Answer::NotYet)),
        Status::Todo,
        &["You told us this is not done yet"],
    );
    check(
        "unknown only, said done",
        &run(step, &with_mail(audit(), &["a@example.org"]), Some(Answer::Done)),
        Status::Done,
        &["do not know who hosts a@example.org", "You told us this is done"],
    );
    // ...but not over what was found.
    check(
        "gmail, said done",
        &run(step, &with_mail(audit(), &["a@gmail.com"]), Some(Answer::Done)),
        Status::Todo,
        &["Google"],
    );
}

#[test]
fn chatons_host() {
    let step = "chatons-host";
    check("unanswered", &run(step, &audit(), None), Status::Manual, &["tell us where you stand"]);
    check("answered", &run(step, &audit(), Some(Answer::Done)), Status::Done, &["You told us"]);
    check(
        "a chatons address",
        &run(step, &with_mail(audit(), &["a@zaclys.net"]), None),
        Status::Manual,
        &["Zaclys, a member of the CHATONS"],
    );
}

#[test]
fn whole_pack_in_french_and_in_order() {
    let lib = lib();
    let pack = lib.pack("premiers-pas").unwrap();
    let mut a = with_default(audit(), "firefox");
    a.browsers.push(firefox(vec![profile(
        "default-release",
        true,
        vec![ext(UBO, "uBlock Origin", true, &[])],
    )]));
    let results = evaluate(pack, &a, &lib.reference, &Answers::none(), Lang::Fr);
    let got: Vec<(&str, Status)> = results.iter().map(|r| (r.id.as_str(), r.status)).collect();
    assert_eq!(
        got,
        [
            ("private-maps", Status::Manual),
            ("firefox", Status::Done),
            ("ublock-origin", Status::Done),
            ("default-browser", Status::Done),
            ("ethical-mail", Status::Manual),
            ("chatons-host", Status::Manual),
        ]
    );
    assert!(
        results[2].reasons[0].contains("uBlock Origin est actif dans Firefox"),
        "{:?}",
        results[2].reasons
    );
    let json = serde_json::to_value(&results[0]).unwrap();
    assert_eq!(json["status"], "manual");
}
