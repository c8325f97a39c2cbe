//! Every file shipped in `checklists/` loads and validates, so a broken content change fails CI; and the
//! embedded copy is the folder's.

use std::path::{Path, PathBuf};

use premiers_pas_core::checklist::{validate_paths, Check, Library, Pack};

fn checklists_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists")
}

#[test]
fn builtin_library_loads() {
    let lib = Library::builtin().unwrap_or_else(|e| panic!("built-in checklists are invalid:\n{e}"));
    let ids: Vec<&str> = lib.packs.iter().map(|p| p.id.as_str()).collect();
    assert!(ids.contains(&"premiers-pas") && ids.contains(&"atelier-navigateur"), "{ids:?}");
}

#[test]
fn folder_loads_and_matches_the_embedded_copy() {
    let from_dir = Library::load_dir(&checklists_dir()).unwrap_or_else(|e| panic!("{e}"));
    let builtin = Library::builtin().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_dir.reference, builtin.reference);
    let mut a: Vec<&Pack> = from_dir.packs.iter().collect();
    let mut b: Vec<&Pack> = builtin.packs.iter().collect();
    a.sort_by_key(|p| &p.id);
    b.sort_by_key(|p| &p.id);
    assert_eq!(a, b, "every file in checklists/packs is embedded, and nothing else");
}

#[test]
fn every_file_in_the_folder_validates() {
    let mut paths = vec![checklists_dir()];
    for entry in std::fs::read_dir(checklists_dir().join("packs")).unwrap() {
        paths.push(entry.unwrap().path());
    }
    for name in ["apps.toml", "providers.toml", "categories.toml"] {
        paths.push(checklists_dir().join(name));
    }
    let diags = validate_paths(&paths).unwrap();
    assert!(diags.is_empty(), "{}", diags.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn default_pack_has_the_agreed_steps_in_order() {
    let lib = Library::builtin().unwrap();
    let pack = lib.pack("premiers-pas").unwrap();
    let ids: Vec<&str> = pack.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["private-maps", "firefox", "ublock-origin", "default-browser", "ethical-mail", "chatons-host"]
    );
    let maps = pack.step("private-maps").unwrap();
    assert!(maps.checks.contains(&Check::Manual), "the phone part is the person's call");
    for app in ["organic-maps", "comaps", "osmand"] {
        for store in ["fdroid", "play", "app-store"] {
            let found = maps.qr.iter().any(|q| {
                q.app.as_deref() == Some(app)
                    && q.store.map(|s| serde_json::to_value(s).unwrap()) == Some(serde_json::json!(store))
            });
            assert!(found, "a QR code for {app} on {store}");
        }
    }
    for step in ["private-maps", "ublock-origin"] {
        assert!(pack.step(step).unwrap().time_sensitive.is_some(), "{step} carries a time-sensitive note");
    }
    let ubo = pack.step("ublock-origin").unwrap();
    assert!(ubo.links.iter().any(|l| l.url.contains("addons.mozilla.org")));
    assert!(ubo.qr.iter().any(|q| q.url.contains("addons.mozilla.org")));
}
