//! Searching the directory: category, registration, distance ordering, place names, missing coordinates.

#![allow(clippy::unwrap_used)]

mod directory_server;

use std::time::Duration;

use directory_server::Server;
use premiers_pas_core::directory::search::{Placement, RegistrationFilter};
use premiers_pas_core::directory::{
    CancellationToken, DirectoryStore, PlaceResolution, RefreshOptions, SearchQuery, SearchResults,
};
use premiers_pas_core::journal::Journal;
use premiers_pas_core::reference::Reference;

fn clean_store() -> DirectoryStore {
    let server = Server::start();
    server.load_fixture("clean");
    let opts = RefreshOptions {
        connect_timeout: Duration::from_secs(1),
        file_timeout: Duration::from_secs(2),
        ..RefreshOptions::with_source(server.url("/federation.properties"))
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let mut store = DirectoryStore::ephemeral();
    rt.block_on(store.refresh(&opts, &Journal::new(), &|_| {}, &CancellationToken::new())).unwrap();
    store
}

fn run(store: &DirectoryStore, query: SearchQuery) -> SearchResults {
    let reference = Reference::builtin().unwrap();
    store.search(&query, &reference.categories).unwrap()
}

fn ids(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.org_id.as_str()).collect()
}

fn mail_near(near: &str) -> SearchQuery {
    SearchQuery { category: Some("mail".into()), near: Some(near.into()), ..SearchQuery::default() }
}

#[test]
fn mail_near_compiegne_lists_hosts_nearest_first_then_unlocated() {
    let store = clean_store();
    let r = run(&store, mail_near("compiegne"));
    assert!(matches!(&r.near, Some(PlaceResolution::Found { place }) if place.name == "Compiègne"));
    // Located by distance; then country-only in France (by name); then unknown. Beauvais (full), Endormie
    // (idle), Lille (video) and Bruxelles (chat) are not offered.
    assert_eq!(ids(&r), vec!["oise", "margny", "paris", "lyon", "amiens", "sans-adresse", "nulle-part"]);
    let d: Vec<Option<f64>> = r.hits.iter().map(|h| h.distance_km).collect();
    assert!(d[0].unwrap() < 1.0 && d[1].unwrap() < 2.0);
    assert!((60.0..90.0).contains(&d[2].unwrap()), "{d:?}");
    assert!(d[3].unwrap() > 300.0);
    assert_eq!(&d[4..], &[None, None, None]);
    assert_eq!(r.hits[4].placement, Placement::CountryOnly);
    assert_eq!(r.hits[5].placement, Placement::CountryOnly);
    assert_eq!(r.hits[6].placement, Placement::Unknown);
    assert!(r.hits.iter().all(|h| h.services.iter().all(|s| s.category == "mail")));
    assert_eq!(r.total, 7);
}

#[test]
fn accents_and_case_do_not_matter_and_coordinates_work_too() {
    let store = clean_store();
    let a = run(&store, mail_near("Compiègne"));
    let b = run(&store, mail_near("  COMPIEGNE "));
    let c = run(&store, mail_near("49.418,2.826"));
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(ids(&a), ids(&c));
    assert!(matches!(c.near, Some(PlaceResolution::Coordinates { .. })));
}

#[test]
fn from_lyon_the_order_changes() {
    let store = clean_store();
    let r = run(&store, mail_near("Lyon"));
    assert_eq!(ids(&r)[..4], ["lyon", "paris", "oise", "margny"]);
}

#[test]
fn registration_filters() {
    let store = clean_store();
    let open = run(&store, SearchQuery { registration: RegistrationFilter::Open, ..mail_near("compiegne") });
    assert_eq!(ids(&open), vec!["oise", "paris", "amiens", "sans-adresse", "nulle-part"]);
    let members =
        run(&store, SearchQuery { registration: RegistrationFilter::Members, ..mail_near("compiegne") });
    assert_eq!(ids(&members), vec!["margny", "paris"]);
    let paid = run(&store, SearchQuery { registration: RegistrationFilter::Paid, ..mail_near("compiegne") });
    assert_eq!(ids(&paid), vec!["lyon"]);
    assert_eq!("clients".parse::<RegistrationFilter>(), Ok(RegistrationFilter::Paid));
    assert!("gratuit".parse::<RegistrationFilter>().unwrap_err().contains("open, members, paid or any"));
    // Services that match the category but not the registration are not listed.
    let oise =
        run(&store, SearchQuery { registration: RegistrationFilter::Members, ..SearchQuery::default() });
    let oise = oise.hits.iter().find(|h| h.org_id == "oise").unwrap();
    assert_eq!(oise.services.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), vec!["nuage"]);
}

#[test]
fn full_services_and_inactive_organizations_only_when_asked() {
    let store = clean_store();
    let r = run(&store, SearchQuery { include_full: true, ..mail_near("compiegne") });
    assert_eq!(ids(&r)[..4], ["oise", "margny", "beauvais", "paris"]);
    let beauvais = &r.hits[2];
    assert!(!beauvais.services[0].available);
    let r = run(&store, SearchQuery { include_inactive: true, ..mail_near("compiegne") });
    assert!(ids(&r).contains(&"endormie"));
    assert!(!r.hits.iter().find(|h| h.org_id == "endormie").unwrap().active);
}

#[test]
fn other_categories_and_no_category() {
    let store = clean_store();
    let pads = run(&store, SearchQuery { category: Some("pads".into()), ..SearchQuery::default() });
    assert_eq!(ids(&pads), vec!["beauvais", "paris"]);
    let chat = run(
        &store,
        SearchQuery {
            category: Some("chat".into()),
            near: Some("Bruxelles".into()),
            ..SearchQuery::default()
        },
    );
    assert_eq!(ids(&chat), vec!["bruxelles"]);
    assert!(chat.hits[0].distance_km.unwrap() < 2.0);
    // No filter: every active organization, by name.
    let all = run(&store, SearchQuery::default());
    assert_eq!(all.total, 10);
    let names: Vec<&str> = all.hits.iter().map(|h| h.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| premiers_pas_core::directory::gazetteer::fold(n));
    assert_eq!(names, sorted);
    let nothing = run(&store, SearchQuery { category: Some("search".into()), ..SearchQuery::default() });
    assert!(nothing.hits.is_empty());
}

#[test]
fn limit_keeps_the_nearest_and_the_total() {
    let store = clean_store();
    let r = run(&store, SearchQuery { limit: Some(2), ..mail_near("compiegne") });
    assert_eq!(ids(&r), vec!["oise", "margny"]);
    assert_eq!(r.total, 7);
}

#[test]
fn an_ambiguous_place_returns_candidates_and_unranked_hits() {
    let store = clean_store();
    let r = run(&store, mail_near("Saint-Denis"));
    match &r.near {
        Some(PlaceResolution::Ambiguous { candidates, .. }) => {
            assert!(candidates.len() >= 2);
            assert!(candidates.iter().all(|c| c.region.is_some()));
        }
        other => panic!("{other:?}"),
    }
    assert!(r.hits.iter().all(|h| h.distance_km.is_none()));
    let r = run(&store, mail_near("Nowhere-sur-Rien"));
    assert!(matches!(r.near, Some(PlaceResolution::NotFound { .. })));
}

#[test]
fn invalid_coordinates_are_dropped_and_the_organization_kept() {
    let store = clean_store();
    let amiens = store.organization("amiens").unwrap();
    assert_eq!(amiens.location, None);
    assert_eq!(amiens.country_code.as_deref(), Some("FR"));
    let nowhere = store.organization("nulle-part").unwrap();
    assert_eq!((nowhere.location, nowhere.country_code.as_deref()), (None, None));
}

#[test]
fn search_without_a_directory_is_a_clear_error() {
    let store = DirectoryStore::ephemeral();
    let reference = Reference::builtin().unwrap();
    let err = store.search(&SearchQuery::default(), &reference.categories).unwrap_err();
    assert_eq!(premiers_pas_core::ErrorCode::code(&err), "directory.empty");
}
