//! The embedded gazetteer: GeoNames countries, first-level regions and cities over 15,000 people, small places of
//! 1,000 to 15,000 people (GeoNames cities1000, without their ids), plus curated seas, straits, rivers and
//! disputed regions (`data/geo/`, compiled by `scripts/build_geo.py`).

use std::borrow::Cow;
use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FxHash (rustc's hasher): the gazetteer's keys are trusted static data, so a fast non-keyed hash is fine and
/// keeps loading and lookups cheap.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FxHasher>>;

fn map<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

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
    /// A small place (under 15,000 people, from cities1000): it needs a place's context in the document.
    pub small: bool,
}

/// The compiled gazetteer.
pub(crate) struct Gazetteer {
    pub records: Vec<Record>,
    /// Lower-cased name -> (proper prefix of a longer name, comma-separated record numbers).
    index: HashMap<&'static str, (bool, &'static str)>,
    /// Names that match only with their exact case (codes and short forms: `US`, `UK`, `UAE`) -> record numbers.
    exact: HashMap<&'static str, &'static str>,
    /// Lines of `small.tsv` (places under 15,000 people), sorted by name: looked up by binary search, parsed only
    /// when a name matches. Their record numbers follow those of `records`.
    small: Vec<(&'static str, &'static str)>,
    /// Bit set over the hashes of small places' names and of their proper prefixes at word boundaries: most
    /// capitalized words are no small place and are turned away without a binary search.
    small_filter: Vec<u64>,
    /// `CC.code` -> admin1 record.
    admin1: HashMap<String, u32>,
    /// Demonym (exact case) -> record.
    demonyms: HashMap<&'static str, u32>,
}

static PLACES: &str = include_str!("../../data/geo/places.tsv");
static INDEX: &str = include_str!("../../data/geo/index.tsv");
static DEMONYMS: &str = include_str!("../../data/geo/demonyms.tsv");
static SMALL: &str = include_str!("../../data/geo/small.tsv");

/// Size of the small places' name filter in bits (a power of two; 512 KiB).
const SMALL_FILTER_BITS: usize = 1 << 22;

fn filter_slot(key: &str) -> (usize, u64) {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    let v = h.finish();
    // The high bits of the multiplicative hash are the well mixed ones.
    let bit = (v >> 42) as usize & (SMALL_FILTER_BITS - 1);
    (bit / 64, 1u64 << (bit % 64))
}

fn set_bit(filter: &mut [u64], key: &str) {
    let (w, m) = filter_slot(key);
    if let Some(x) = filter.get_mut(w) {
        *x |= m;
    }
}

fn test_bit(filter: &[u64], key: &str) -> bool {
    let (w, m) = filter_slot(key);
    filter.get(w).is_some_and(|x| x & m != 0)
}

/// A `small.tsv` line as a record.
fn parse_small(line: &'static str) -> Option<Record> {
    let mut f = line.split('\t').skip(1);
    Some(Record {
        id: 0,
        name: f.next()?,
        kind: Kind::City,
        country: f.next()?,
        admin1: f.next()?,
        lat: f.next()?.parse().unwrap_or(0.0),
        lon: f.next()?.parse().unwrap_or(0.0),
        population: f.next()?.parse().unwrap_or(0),
        common: false,
        small: true,
    })
}

/// The gazetteer, loaded once.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Lower-cases `s` into `out`, mapping typographic apostrophes to `'` (as `scripts/build_geo.py` does).
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn parse_record(line: &'static str) -> Option<Record> {
    let mut f = line.split('\t');
    let id = f.next()?.parse().unwrap_or(0);
    let name = f.next()?;
    let code = f.next()?;
    let common = code.bytes().all(|c| c.is_ascii_lowercase());
    let kind = Kind::from_code(&code.to_ascii_uppercase())?;
    Some(Record {
        id,
        name,
        kind,
        country: f.next()?,
        admin1: f.next()?,
        lat: f.next()?.parse().unwrap_or(0.0),
        lon: f.next()?.parse().unwrap_or(0.0),
        population: f.next()?.parse().unwrap_or(0),
        common,
        small: false,
    })
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut records = Vec::with_capacity(38_000);
        let mut admin1 = map(4_000);
        for line in PLACES.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            // Record numbers are data line numbers: a bad line keeps its slot, unnamed.
            let r = parse_record(line).unwrap_or(Record {
                id: 0,
                name: "",
                kind: Kind::Feature,
                country: "",
                admin1: "",
                lat: 0.0,
                lon: 0.0,
                population: 0,
                common: true,
                small: false,
            });
            if r.kind == Kind::Admin1 {
                admin1.insert(format!("{}.{}", r.country, r.admin1), records.len() as u32);
            }
            records.push(r);
        }
        let mut index = map(90_000);
        let mut exact = map(1_000);
        for line in INDEX.lines() {
            let mut f = line.split('\t');
            let (Some(key), Some(flag), Some(ids)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            match key.strip_prefix('=') {
                Some(k) => {
                    exact.insert(k, ids);
                }
                None => {
                    index.insert(key, (flag == "p", ids));
                }
            }
        }
        let mut demonyms = map(700);
        for line in DEMONYMS.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((word, n)) = line.split_once('\t') {
                if let Ok(n) = n.parse::<u32>() {
                    if (n as usize) < records.len() {
                        demonyms.insert(word, n);
                    }
                }
            }
        }
        let small: Vec<(&'static str, &'static str)> = SMALL
            .lines()
            .map(|l| (l.split_once('\t').map_or(l, |(k, _)| k), l))
            .collect();
        let mut small_filter = vec![0u64; SMALL_FILTER_BITS / 64];
        for (k, _) in &small {
            set_bit(&mut small_filter, k);
            for (p, b) in k.bytes().enumerate() {
                if matches!(b, b' ' | b'\'') && p > 0 {
                    set_bit(&mut small_filter, &k[..p]);
                }
            }
        }
        Gazetteer {
            records,
            small,
            small_filter,
            index,
            exact,
            admin1,
            demonyms,
        }
    }

    /// Records named `surface` (`key` is its normalized form), into `out`; whether a longer name may start with
    /// `key` (`new` of `new york`).
    pub(crate) fn lookup(&self, surface: &str, key: &str, out: &mut Vec<u32>) -> bool {
        out.clear();
        let n = self.records.len() + self.small.len();
        let push = |ids: &str, out: &mut Vec<u32>| {
            for id in ids.split(',').filter_map(|i| i.parse::<u32>().ok()) {
                if (id as usize) < n && !out.contains(&id) {
                    out.push(id);
                }
            }
        };
        if let Some(ids) = self.exact.get(surface) {
            push(ids, out);
        }
        let prefix = match self.index.get(key) {
            Some((prefix, ids)) => {
                push(ids, out);
                *prefix
            }
            None => false,
        };
        // Small places only for names no larger place has (a town of 2,000 seldom beats a city of the same name,
        // and long candidate lists cost time on every mention).
        let collect = out.is_empty();
        self.lookup_small(key, out, collect) || prefix
    }

    /// Small places named `key`, into `out` (appended) when `collect`; whether a longer small place's name starts with it.
    fn lookup_small(&self, key: &str, out: &mut Vec<u32>, collect: bool) -> bool {
        if !test_bit(&self.small_filter, key) {
            return false;
        }
        let mut i = self.small.partition_point(|(k, _)| *k < key);
        while let Some((k, _)) = self.small.get(i) {
            if *k != key {
                break;
            }
            if collect {
                out.push((self.records.len() + i) as u32);
            }
            i += 1;
        }
        // Longer names continue after a space or an apostrophe (`red` of `red oak`): they sort right after it,
        // spaces first.
        while let Some((k, _)) = self.small.get(i) {
            match k.strip_prefix(key).and_then(|rest| rest.bytes().next()) {
                Some(b' ' | b'\'') => return true,
                Some(b) if b < b'\'' => i += 1,
                _ => return false,
            }
        }
        false
    }

    /// Record number `c`: a loaded record, or a small place parsed on demand.
    pub(crate) fn record(&self, c: u32) -> Cow<'_, Record> {
        let c = c as usize;
        if let Some(r) = self.records.get(c) {
            return Cow::Borrowed(r);
        }
        Cow::Owned(self.small_record(c))
    }

    fn small_record(&self, c: usize) -> Record {
        self.small
            .get(c - self.records.len())
            .and_then(|(_, l)| parse_small(l))
            .unwrap_or(Record {
                id: 0,
                name: "",
                kind: Kind::Feature,
                country: "",
                admin1: "",
                lat: 0.0,
                lon: 0.0,
                population: 0,
                common: true,
                small: false,
            })
    }

    /// The place a demonym (`Russian`, `Kurdish`) points to.
    pub(crate) fn demonym(&self, surface: &str) -> Option<u32> {
        self.demonyms.get(surface).copied()
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
