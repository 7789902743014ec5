//! The embedded gazetteer: GeoNames countries, first-level regions and cities over 15,000 people, plus curated
//! seas, straits, rivers and disputed regions (`data/geo/`, compiled by `scripts/build_geo.py`).

use std::collections::HashMap;
use std::sync::LazyLock;

/// What kind of place a gazetteer record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An independent country or territory (GeoNames PCLI and friends).
    Country,
    /// A first-level administrative region (ADM1).
    Admin1,
    /// A region without administrative status (Donbas, Middle East, Kashmir).
    Region,
    /// A populated place.
    City,
    /// A national capital (PPLC).
    Capital,
    /// A physical feature: sea, strait, river, mountains.
    Feature,
    /// A continent.
    Continent,
}

impl Kind {
    fn from_code(c: &str) -> Option<Kind> {
        Some(match c {
            "C" => Kind::Country,
            "A" => Kind::Admin1,
            "R" => Kind::Region,
            "P" => Kind::City,
            "L" => Kind::Capital,
            "F" => Kind::Feature,
            "K" => Kind::Continent,
            _ => return None,
        })
    }

    /// The `feature` users see.
    pub(crate) fn feature(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Admin1 | Kind::Region => "region",
            Kind::City | Kind::Capital => "city",
            Kind::Feature | Kind::Continent => "feature",
        }
    }
}

/// One gazetteer record.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    /// GeoNames id, 0 when the curated list has none.
    pub id: u64,
    pub name: &'static str,
    pub kind: Kind,
    /// ISO alpha-2, empty for continents and seas.
    pub country: &'static str,
    /// GeoNames admin1 code within the country (`11`), empty when none.
    pub admin1: &'static str,
    pub lat: f32,
    pub lon: f32,
    pub population: u64,
    /// The name is also a common English word (`Reading`, `Mobile`): it needs context to count as a place.
    pub common: bool,
}

/// The compiled gazetteer.
pub(crate) struct Gazetteer {
    pub records: Vec<Record>,
    /// Lower-cased name or alias -> record indices.
    by_name: HashMap<Box<str>, Vec<u32>>,
    /// Names that must match with their exact case (short forms and codes: `US`, `UK`, `UAE`).
    exact: HashMap<&'static str, Vec<u32>>,
    /// `CC.code` -> admin1 record.
    admin1: HashMap<String, u32>,
    /// ISO alpha-2 -> country record.
    countries: HashMap<&'static str, u32>,
    /// Demonym (exact case) -> record.
    demonyms: HashMap<&'static str, u32>,
    /// Longest name in tokens, bounds the matching window.
    pub max_words: usize,
}

static PLACES: &str = include_str!("../../data/geo/places.tsv");
static DEMONYMS: &str = include_str!("../../data/geo/demonyms.tsv");

/// The gazetteer, loaded once.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Lower-cases `s` into `out`, mapping typographic apostrophes to `'`.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut records = Vec::with_capacity(38_000);
        let mut by_name: HashMap<Box<str>, Vec<u32>> = HashMap::with_capacity(80_000);
        let mut exact: HashMap<&'static str, Vec<u32>> = HashMap::new();
        let mut admin1 = HashMap::new();
        let mut countries = HashMap::new();
        let mut max_words = 1;
        let mut key = String::new();
        for line in PLACES.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (
                Some(id),
                Some(name),
                Some(kind),
                Some(cc),
                Some(a1),
                Some(lat),
                Some(lon),
                Some(pop),
            ) = (
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
            )
            else {
                continue;
            };
            let aliases = f.next().unwrap_or("");
            let common = kind.chars().all(|c| c.is_ascii_lowercase());
            let Some(kind) = Kind::from_code(&kind.to_ascii_uppercase()) else {
                continue;
            };
            let idx = records.len() as u32;
            records.push(Record {
                id: id.parse().unwrap_or(0),
                name,
                kind,
                country: cc,
                admin1: a1,
                lat: lat.parse().unwrap_or(0.0),
                lon: lon.parse().unwrap_or(0.0),
                population: pop.parse().unwrap_or(0),
                common,
            });
            match kind {
                Kind::Country => {
                    countries.insert(cc, idx);
                }
                Kind::Admin1 => {
                    admin1.insert(format!("{cc}.{a1}"), idx);
                }
                _ => {}
            }
            for n in std::iter::once(name).chain(aliases.split('|')) {
                if n.is_empty() {
                    continue;
                }
                max_words = max_words.max(n.split(' ').count());
                // Short and all-capital names are codes (`US`, `UAE`): they match only as written.
                let letters = n.chars().filter(|c| c.is_alphabetic()).count();
                if letters <= 3 || n.chars().all(|c| !c.is_lowercase()) {
                    let v = exact.entry(n).or_default();
                    if !v.contains(&idx) {
                        v.push(idx);
                    }
                    continue;
                }
                key.clear();
                normalize_into(n, &mut key);
                let v = by_name.entry(key.as_str().into()).or_default();
                if !v.contains(&idx) {
                    v.push(idx);
                }
            }
        }
        let mut demonyms = HashMap::new();
        let curated_by_name: HashMap<&str, u32> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                matches!(
                    r.kind,
                    Kind::Region | Kind::Feature | Kind::Continent | Kind::Admin1
                )
            })
            .map(|(i, r)| (r.name, i as u32))
            .collect();
        for line in DEMONYMS.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((word, target)) = line.split_once('\t') else {
                continue;
            };
            let idx = match target.strip_prefix('@') {
                Some(place) => curated_by_name.get(place).copied(),
                None => countries.get(target).copied(),
            };
            if let Some(idx) = idx {
                demonyms.insert(word, idx);
            }
        }
        Gazetteer {
            records,
            by_name,
            exact,
            admin1,
            countries,
            demonyms,
            max_words,
        }
    }

    /// Records named `surface` (`key` is its normalized form).
    pub(crate) fn lookup(&self, surface: &str, key: &str) -> Vec<u32> {
        let mut out: Vec<u32> = self.exact.get(surface).cloned().unwrap_or_default();
        if let Some(v) = self.by_name.get(key) {
            for &i in v {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        out
    }

    /// The place a demonym (`Russian`, `Kurdish`) points to.
    pub(crate) fn demonym(&self, surface: &str) -> Option<u32> {
        self.demonyms.get(surface).copied()
    }

    /// The country record of ISO code `cc`.
    pub(crate) fn country(&self, cc: &str) -> Option<u32> {
        self.countries.get(cc).copied()
    }

    /// The admin1 record of `cc`.`code`.
    pub(crate) fn admin1(&self, cc: &str, code: &str) -> Option<u32> {
        if code.is_empty() {
            return None;
        }
        let mut k = String::with_capacity(cc.len() + code.len() + 1);
        k.push_str(cc);
        k.push('.');
        k.push_str(code);
        self.admin1.get(&k).copied()
    }
}
