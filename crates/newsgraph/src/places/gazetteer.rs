//! The embedded gazetteer: GeoNames countries, first-level regions and cities over 15,000 people, small places of
//! 1,000 to 15,000 people (GeoNames cities1000, without their ids), plus curated seas, straits, rivers and
//! disputed regions (`data/geo/`, compiled by `scripts/build_geo.py`).

use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{LazyLock, OnceLock};

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
#[derive(Debug, Clone, Copy)]
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

/// Slots of the per-thread cache of parsed small places.
const SMALL_CACHE_SLOTS: usize = 512;

thread_local! {
    /// Recently parsed small places by record number modulo `SMALL_CACHE_SLOTS` (see `Gazetteer::record`).
    static SMALL_CACHE: RefCell<Vec<Option<(usize, Record)>>> = RefCell::new(vec![None; SMALL_CACHE_SLOTS]);
}

/// The compiled gazetteer. Loading only finds line starts: records are parsed when first used and names are
/// looked up by binary search in the sorted embedded text, so that building a pipeline stays cheap.
pub(crate) struct Gazetteer {
    /// Records of `places.tsv`, parsed on first use.
    parsed: Vec<OnceLock<Record>>,
    /// Names that match only with their exact case (codes and short forms: `US`, `UK`, `UAE`) -> record numbers.
    exact: HashMap<&'static str, &'static str>,
    /// Demonym (exact case) -> record.
    demonyms: HashMap<&'static str, u32>,
    /// A bit per shape (see [`name_shape`]) of the demonyms: most capitalized words have none of them and are
    /// turned away without hashing.
    demonym_shapes: Vec<u64>,
    /// A bit per shape of the exact-case names, likewise.
    exact_shapes: Vec<u64>,
}

/// The filter of `names`' shapes.
fn shape_filter<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut bits = vec![0u64; SHAPE_BITS / 64];
    for n in names {
        let s = name_shape(n);
        bits[s / 64] |= 1 << (s % 64);
    }
    bits
}

/// Whether `filter` may hold a name of `name`'s shape: false rules it out.
fn may_hold(filter: &[u64], name: &str) -> bool {
    let s = name_shape(name);
    filter.get(s / 64).is_some_and(|w| w & (1 << (s % 64)) != 0)
}

/// Bits of the shape filters of demonyms and exact-case names (a power of two).
const SHAPE_BITS: usize = 1 << 12;

/// A name's shape for the filters of demonyms and exact-case names: its length and its first and last bytes, as
/// a bit number.
fn name_shape(s: &str) -> usize {
    let b = s.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let (first, last) = (
        usize::from(first.unwrap_or(0)),
        usize::from(last.unwrap_or(0)),
    );
    (b.len().wrapping_mul(0x9E37) ^ first.wrapping_mul(0x2F1) ^ last.wrapping_mul(0x45))
        & (SHAPE_BITS - 1)
}

static PLACES: &str = include_str!("../../data/geo/places.tsv");
static INDEX: &str = include_str!("../../data/geo/index.tsv");
static DEMONYMS: &str = include_str!("../../data/geo/demonyms.tsv");
static SMALL: &str = include_str!("../../data/geo/small.tsv");

include!("geo_tables.rs");

/// Record number -> byte offset (u32 LE) of its line in `places.tsv`, compiled by `build.rs`.
static LINES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/geo_lines.bin"));
/// `CC.code TAB record` lines, sorted (compiled by `build.rs`).
static ADMIN1: &str = include_str!(concat!(env!("OUT_DIR"), "/geo_admin1.tsv"));
/// Hash table over `index.tsv` (see `geo_tables.rs`), compiled by `build.rs`.
static INDEX_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/geo_index.bin"));
/// Bit set over the hashes of small places' names and of their proper prefixes at word boundaries: most
/// capitalized words are no small place and are turned away without a binary search (compiled by `build.rs`).
static SMALL_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/geo_filter.bin"));
/// Hash table over small places' names and their proper prefixes at word boundaries (see `geo_tables.rs`),
/// compiled by `build.rs`: one probe instead of a binary search in 4 MB of text.
static SMALL_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/geo_small.bin"));

fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    let b = bytes.get(i * 4..i * 4 + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Whether the filter may hold a key whose `geo_hash` is `h`.
fn in_small_filter(h: u64) -> bool {
    let (b, m) = filter_bit(h);
    SMALL_FILTER.get(b).is_some_and(|x| x & m != 0)
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

/// The county table as compiled by `scripts/build_us_counties.py` (the tests read it; lookups read `COUNTIES`).
#[cfg(test)]
static US_COUNTIES: &str = include_str!("../../data/geo/us_counties.tsv");

/// The lines of `us_counties.tsv` keyed and sorted by their county key: `key TAB admin1 TAB name TAB lat TAB lon TAB
/// places` (compiled by `build.rs`), so that a county is found by binary search with nothing built at run time.
static COUNTIES: &str = include_str!(concat!(env!("OUT_DIR"), "/geo_counties.tsv"));

/// A US county: its state's admin1 code, its point (the mean of its GeoNames places) and how many places it has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct County {
    pub admin1: &'static str,
    pub lat: f32,
    pub lon: f32,
    pub places: u32,
}

/// The county of a `COUNTIES` line (its fields after the key).
fn parse_county(line: &'static str) -> Option<County> {
    let mut f = line.split('\t').skip(1);
    let admin1 = f.next()?;
    let _name = f.next()?;
    Some(County {
        admin1,
        lat: f.next()?.parse().unwrap_or(0.0),
        lon: f.next()?.parse().unwrap_or(0.0),
        places: f.next()?.parse().unwrap_or(0),
    })
}

/// The lookup key of a county name: lower case, `Saint`/`St.` as `st`, no periods.
pub(crate) fn county_key(name: &str) -> String {
    let mut k = String::with_capacity(name.len());
    normalize_into(name, &mut k);
    county_key_of_normalized(k)
}

/// The US counties named `name` (`Orange County`, `Orleans Parish`), all states together, in the order of
/// `us_counties.tsv`.
pub(crate) fn us_counties(name: &str) -> Vec<County> {
    let key = county_key(name);
    let mut out = Vec::new();
    let mut pos = lower_bound(COUNTIES, &key);
    while let Some((line, next)) = line_at(COUNTIES, pos) {
        if key_of(line) != key {
            break;
        }
        out.extend(parse_county(line));
        pos = next;
    }
    out
}

/// `ADMIN1` as a map from (country, code) to the record of the first line of that key (looked up for every place
/// of every document: a probe instead of a binary search and a key string). Built on first use.
static ADMIN1_BY_CODE: LazyLock<HashMap<(&'static str, &'static str), Option<u32>>> =
    LazyLock::new(|| {
        let mut m = map(ADMIN1.len() / 8);
        for line in ADMIN1.lines() {
            if let Some(((cc, code), n)) = line
                .split_once('\t')
                .and_then(|(k, n)| Some((k.split_once('.')?, n)))
            {
                m.entry((cc, code)).or_insert_with(|| n.parse().ok());
            }
        }
        m
    });

/// The gazetteer, loaded once.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Lower-cases `s` into `out`, mapping typographic apostrophes to `'` (as `scripts/build_geo.py` does).
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    // Most words are ASCII without a backtick: one pass that tests and lower-cases each byte (the words are
    // short: a copy call and a second pass cost more than they save).
    let start = out.len();
    out.reserve(s.len());
    for &b in s.as_bytes() {
        if !b.is_ascii() || b == b'`' {
            out.truncate(start);
            return normalize_slow(s, out);
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
}

/// [`normalize_into`] of a word with a backtick or a non-ASCII character: char by char.
#[cold]
fn normalize_slow(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // A decomposed diacritic (`Sa` + tilde + `o Paulo`) is dropped: the gazetteer's names are composed,
            // and its ASCII forms (`sao paulo`) find the place.
            c if crate::text::is_combining_mark(c) => {}
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

/// A record number of an id list, as `str::parse::<u32>` reads it (an optional `+`, then decimal digits, no
/// overflow), without its setup on every call: the lists are read on every lookup.
fn parse_id(b: &[u8]) -> Option<u32> {
    let digits = b.strip_prefix(b"+").unwrap_or(b);
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &c| {
        if c.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u32::from(c - b'0'))
        } else {
            None
        }
    })
}

/// The key (first tab-separated field) of a line.
fn key_of(line: &str) -> &str {
    // memchr, not a char pattern: read for every small place of a name looked up.
    memchr::memchr(b'\t', line.as_bytes()).map_or(line, |t| &line[..t])
}

/// The line of `data` that contains byte `pos`, as (start, end without the newline).
fn line_around(data: &str, lo: usize, pos: usize) -> (usize, usize) {
    let b = data.as_bytes();
    let start = b[lo..pos]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(lo, |p| lo + p + 1);
    let end = b[pos..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| pos + p);
    (start, end)
}

/// Byte offset of the first line of `data` (lines sorted by key, byte order) whose key is not less than `key`.
fn lower_bound(data: &str, key: &str) -> usize {
    let (mut lo, mut hi) = (0, data.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (s, e) = line_around(data, lo, mid);
        match data.get(s..e).map(key_of).map(|k| k.cmp(key)) {
            Some(Ordering::Less) => lo = e + 1,
            _ => hi = s,
        }
    }
    lo.min(data.len())
}

/// The line starting at byte `pos` and the start of the next one.
fn line_at(data: &'static str, pos: usize) -> Option<(&'static str, usize)> {
    let rest = data.get(pos..).filter(|r| !r.is_empty())?;
    Some(match memchr::memchr(b'\n', rest.as_bytes()) {
        Some(n) => (&rest[..n], pos + n + 1),
        None => (rest, data.len()),
    })
}

fn unnamed() -> Record {
    Record {
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
    }
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let n = LINES.len() / 4;
        let parsed = (0..n).map(|_| OnceLock::new()).collect();
        // The exact-case keys start with `=` and sort together.
        let mut exact = map(500);
        let from = lower_bound(INDEX, "=");
        let mut pos = from;
        while let Some((line, next)) = line_at(INDEX, pos) {
            let Some(k) = key_of(line).strip_prefix('=') else {
                break;
            };
            exact.insert(k, line.rsplit('\t').next().unwrap_or(""));
            pos = next;
        }
        let mut demonyms = map(700);
        for line in DEMONYMS.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((word, r)) = line.split_once('\t') {
                if let Ok(r) = r.parse::<u32>() {
                    if (r as usize) < n {
                        demonyms.insert(word, r);
                    }
                }
            }
        }
        let demonym_shapes = shape_filter(demonyms.keys().copied());
        let exact_shapes = shape_filter(exact.keys().copied());
        Gazetteer {
            parsed,
            exact,
            demonyms,
            demonym_shapes,
            exact_shapes,
        }
    }

    /// The `index.tsv` entry of `key`: whether it is a proper prefix of a longer name, and its record numbers.
    /// `h` is the key's `geo_hash`.
    fn index_entry(&self, key: &str, h: u64) -> Option<(bool, &'static str)> {
        let mut slot = index_slot(h);
        loop {
            let at = u32_at(INDEX_TABLE, slot)?;
            if at == 0 {
                return None;
            }
            // Compare the key in place before finding the line's end: most probes are other names.
            let start = at as usize - 1;
            let b = INDEX.as_bytes();
            if b.get(start..start + key.len()) == Some(key.as_bytes())
                && b.get(start + key.len()) == Some(&b'\t')
            {
                // The fields after the key: `p` (a longer name continues it) or nothing, then the ids. Tabs
                // found with memchr: this runs for every capitalized word.
                let (line, _) = line_at(INDEX, start)?;
                let after_key = line.get(key.len() + 1..).unwrap_or("");
                let (flag, ids) = match memchr::memchr(b'\t', after_key.as_bytes()) {
                    Some(t) => {
                        let ids = &after_key[t + 1..];
                        let ids = memchr::memchr(b'\t', ids.as_bytes()).map_or(ids, |e| &ids[..e]);
                        (&after_key[..t], ids)
                    }
                    None => (after_key, ""),
                };
                return Some((flag == "p", ids));
            }
            slot = (slot + 1) & (INDEX_SLOTS - 1);
        }
    }

    /// Number of records in `places.tsv` (small places are numbered after them).
    pub(crate) fn len(&self) -> usize {
        self.parsed.len()
    }

    /// Records named `surface` (`key` is its normalized form), into `out`; whether a longer name may start with
    /// `key` (`new` of `new york`).
    pub(crate) fn lookup(&self, surface: &str, key: &str, out: &mut Vec<u32>) -> bool {
        self.lookup_hashed(surface, key, geo_hash(key.as_bytes()), out)
    }

    /// [`Gazetteer::lookup`] given the key's `geo_hash` `h` (a caller that hashed it already).
    pub(crate) fn lookup_hashed(
        &self,
        surface: &str,
        key: &str,
        h: u64,
        out: &mut Vec<u32>,
    ) -> bool {
        out.clear();
        let n = self.parsed.len() + SMALL.len();
        let push = |ids: &str, out: &mut Vec<u32>| {
            for id in ids.as_bytes().split(|&b| b == b',').filter_map(parse_id) {
                if (id as usize) < n && !out.contains(&id) {
                    out.push(id);
                }
            }
        };
        if let Some(ids) = Some(surface)
            .filter(|s| may_hold(&self.exact_shapes, s))
            .and_then(|s| self.exact.get(s))
        {
            push(ids, out);
        }
        // One hash of the key for both tables.
        let prefix = match self.index_entry(key, h) {
            Some((prefix, ids)) => {
                push(ids, out);
                prefix
            }
            None => false,
        };
        // Small places only for names no larger place has or only towns under 100,000 have (a town of 2,000 seldom
        // beats a city of the same name, but may beat a town in another state the story never names; long
        // candidate lists cost time on every mention).
        let collect = out.iter().all(|&c| {
            let r = self.record(c);
            r.kind == Kind::City && r.population < 100_000
        });
        self.lookup_small(key, h, out, collect) || prefix
    }

    /// Small places named `key`, into `out` (appended) when `collect`; whether a longer small place's name starts
    /// with it. A small place's record number is the records' count plus the byte offset of its line.
    /// Adds the small places named `key` to `out` even where larger places share the name: for a name whose
    /// container the text gives (`Gainesville, Va.`).
    pub(crate) fn add_small(&self, key: &str, out: &mut Vec<u32>) {
        let before = out.len();
        self.lookup_small(key, geo_hash(key.as_bytes()), out, true);
        // Never twice the same record.
        let mut k = before;
        while k < out.len() {
            if out[..before].contains(&out[k]) {
                out.swap_remove(k);
            } else {
                k += 1;
            }
        }
    }

    /// `h` is the key's `geo_hash`.
    fn lookup_small(&self, key: &str, h: u64, out: &mut Vec<u32>, collect: bool) -> bool {
        if !in_small_filter(h) {
            return false;
        }
        let b = SMALL.as_bytes();
        let mut slot = small_slot(h);
        let (start, flags) = loop {
            let Some(v) = u32_at(SMALL_TABLE, slot) else {
                return false;
            };
            if v == 0 {
                return false;
            }
            // Compare the key in place: the witness line's name is the key itself (exact) or continues it.
            let start = (v & !(SMALL_EXACT | SMALL_PREFIX)) as usize - 1;
            let next = b.get(start + key.len());
            let fits = if v & SMALL_EXACT != 0 {
                next == Some(&b'\t')
            } else {
                matches!(next, Some(b' ' | b'\''))
            };
            if fits && b.get(start..start + key.len()) == Some(key.as_bytes()) {
                break (start, v);
            }
            slot = (slot + 1) & (SMALL_SLOTS - 1);
        };
        if collect && flags & SMALL_EXACT != 0 {
            let mut pos = start;
            while let Some((line, next)) = line_at(SMALL, pos) {
                if key_of(line) != key {
                    break;
                }
                out.push((self.parsed.len() + pos) as u32);
                pos = next;
            }
        }
        flags & SMALL_PREFIX != 0
    }

    /// Whether record number `c` is a small place (`record(c).small`) without parsing it: small places are
    /// numbered after the records of `places.tsv`, and every small place's line parses (see the tests).
    pub(crate) fn is_small(&self, c: u32) -> bool {
        c as usize >= self.parsed.len()
    }

    /// Record number `c`: a record of `places.tsv` (parsed once), or a small place parsed on demand.
    #[inline]
    pub(crate) fn record(&self, c: u32) -> Cow<'_, Record> {
        // A record parsed before needs no line offset: inlined, so that the callers (over 100,000 calls on a few
        // hundred articles, most reading one field) pay no call or copy for it.
        match self.parsed.get(c as usize).and_then(OnceLock::get) {
            Some(r) => Cow::Borrowed(r),
            None => self.record_slow(c),
        }
    }

    /// [`Gazetteer::record`] of a record not parsed yet or of a small place.
    #[inline(never)]
    fn record_slow(&self, c: u32) -> Cow<'_, Record> {
        let c = c as usize;
        if let (Some(cell), Some(start)) = (self.parsed.get(c), u32_at(LINES, c)) {
            return Cow::Borrowed(cell.get_or_init(|| {
                line_at(PLACES, start as usize)
                    .and_then(|(l, _)| parse_record(l))
                    .unwrap_or_else(unnamed)
            }));
        }
        // Small places are too many to keep a parsed slot each (memory), but the same few are asked for over and
        // over while a document is resolved: a small per-thread cache, one slot per record number modulo its size.
        let small = c - self.parsed.len();
        let parse = || {
            line_at(SMALL, small)
                .and_then(|(l, _)| parse_small(l))
                .unwrap_or_else(unnamed)
        };
        let slot = c % SMALL_CACHE_SLOTS;
        Cow::Owned(
            SMALL_CACHE
                .try_with(|cache| {
                    let mut cache = cache.borrow_mut();
                    match cache.get(slot) {
                        Some(Some((at, r))) if *at == c => *r,
                        _ => {
                            let r = parse();
                            if let Some(cell) = cache.get_mut(slot) {
                                *cell = Some((c, r));
                            }
                            r
                        }
                    }
                })
                .unwrap_or_else(|_| parse()),
        )
    }

    /// The place a demonym (`Russian`, `Kurdish`) points to.
    pub(crate) fn demonym(&self, surface: &str) -> Option<u32> {
        if !may_hold(&self.demonym_shapes, surface) {
            return None;
        }
        self.demonyms.get(surface).copied()
    }

    /// The admin1 record of `cc`.`code`.
    pub(crate) fn admin1(&self, cc: &str, code: &str) -> Option<u32> {
        if code.is_empty() {
            return None;
        }
        let by_code: &HashMap<(&str, &str), Option<u32>> = &ADMIN1_BY_CODE;
        by_code.get(&(cc, code)).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The small places named `key` and whether a longer name continues it, by binary search in the sorted
    /// text: what the compiled table must answer.
    fn by_search(key: &str) -> (Vec<usize>, bool) {
        let mut found = Vec::new();
        let mut pos = lower_bound(SMALL, key);
        while let Some((line, next)) = line_at(SMALL, pos) {
            if key_of(line) != key {
                break;
            }
            found.push(pos);
            pos = next;
        }
        let longer = SMALL.lines().any(|l| {
            key_of(l)
                .strip_prefix(key)
                .is_some_and(|r| r.starts_with([' ', '\'']))
        });
        (found, longer)
    }

    #[test]
    fn demonym_filter_lets_every_demonym_through() {
        let g = &*GAZETTEER;
        assert!(g.demonyms.len() > 100);
        for (d, &r) in &g.demonyms {
            assert_eq!(g.demonym(d), Some(r), "{d}");
        }
        // Most capitalized words are turned away by their shape.
        let words = "The President said on Tuesday that Moscow Washington Geneva Smith Johnson";
        let passed = words
            .split(' ')
            .filter(|w| may_hold(&g.demonym_shapes, w))
            .count();
        assert!(passed <= 4, "{passed}");
        for k in g.exact.keys() {
            assert!(may_hold(&g.exact_shapes, k), "{k}");
        }
    }

    #[test]
    fn small_places_are_told_by_their_number() {
        let g = &*GAZETTEER;
        // Every small place's line parses, so the records numbered after `places.tsv`'s are all small.
        let mut pos = 0;
        while let Some((line, next)) = line_at(SMALL, pos) {
            assert!(parse_small(line).is_some(), "{line:?}");
            let c = (g.len() + pos) as u32;
            assert!(g.is_small(c) && g.record(c).small, "{line:?}");
            pos = next;
        }
        // The index names records of `places.tsv` only.
        for line in INDEX.lines() {
            let ids = line.split('\t').nth(2).unwrap_or("");
            for id in ids.split(',').filter_map(|i| parse_id(i.as_bytes())) {
                assert!((id as usize) < g.len(), "{line:?}");
                assert!(!g.is_small(id) && !g.record(id).small, "{line:?}");
            }
        }
        for ids in g.exact.values() {
            for id in ids.split(',').filter_map(|i| parse_id(i.as_bytes())) {
                assert!((id as usize) < g.len(), "{ids:?}");
            }
        }
        for &d in g.demonyms.values() {
            assert!(!g.is_small(d));
        }
    }

    #[test]
    fn county_keys_read_like_the_general_rule() {
        // The rule in full (lower case, no periods, `saint` as `st`, single spaces), against the shortcut for
        // plain names.
        let general = |name: &str| {
            let mut k = String::new();
            normalize_into(name, &mut k);
            let k = k.replace('.', "");
            let k = k
                .strip_prefix("saint ")
                .map_or(k.clone(), |r| format!("st {r}"));
            k.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let mut names: Vec<&str> = US_COUNTIES
            .lines()
            .filter_map(|l| l.split('\t').nth(1))
            .collect();
        names.extend([
            "",
            " ",
            "Saint Croix County",
            "St. Louis County",
            "Orange  County",
            " Orange County ",
            "Orange\u{a0}County",
            "SAINT LUCIE",
            "Saintly County",
        ]);
        for name in names {
            assert_eq!(county_key(name), general(name), "{name:?}");
        }
    }

    #[test]
    fn counties_are_found_as_a_map_of_the_table_finds_them() {
        // The map the table makes: every line under its name's key, in the table's order.
        let mut map: StdHashMap<String, Vec<County>> = StdHashMap::new();
        let mut names = Vec::new();
        for line in US_COUNTIES.lines() {
            let mut f = line.split('\t');
            let (Some(admin1), Some(name), Some(lat), Some(lon), Some(n)) =
                (f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            names.push(name);
            map.entry(county_key(name)).or_default().push(County {
                admin1,
                lat: lat.parse().unwrap_or(0.0),
                lon: lon.parse().unwrap_or(0.0),
                places: n.parse().unwrap_or(0),
            });
        }
        assert!(names.len() > 3000);
        names.extend([
            "",
            "County",
            "Orange County",
            "ORANGE COUNTY",
            "Saint Croix County",
            "St. Croix County",
            "Nowhere County",
            "Orange  County",
        ]);
        for name in names {
            let want = map.get(&county_key(name)).cloned().unwrap_or_default();
            assert_eq!(us_counties(name), want, "{name:?}");
        }
        // Same-name counties of several states, in the table's order.
        assert!(us_counties("Orange County").len() > 3);
    }

    #[test]
    fn record_numbers_read_like_str_parse() {
        for s in [
            "0",
            "17",
            "+5",
            "",
            "+",
            "-1",
            "4294967295",
            "4294967296",
            "12a",
            " 3",
            "007",
        ] {
            assert_eq!(parse_id(s.as_bytes()), s.parse::<u32>().ok(), "{s:?}");
        }
    }

    #[test]
    fn admin1_map_answers_like_a_search_of_the_sorted_table() {
        let g = &*GAZETTEER;
        let by_search = |cc: &str, code: &str| -> Option<u32> {
            let k = format!("{cc}.{code}");
            let (line, _) = line_at(ADMIN1, lower_bound(ADMIN1, &k))?;
            let (key, n) = line.split_once('\t')?;
            (key == k).then(|| n.parse().ok()).flatten()
        };
        let mut pairs: Vec<(&'static str, &'static str)> = ADMIN1
            .lines()
            .filter_map(|l| key_of(l).split_once('.'))
            .collect();
        pairs.extend([
            ("US", "XX"),
            ("UA", "11"),
            ("", "01"),
            ("ZZ", "1"),
            ("US", ""),
        ]);
        assert!(pairs.len() > 1000);
        for (cc, code) in pairs {
            let want = if code.is_empty() {
                None
            } else {
                by_search(cc, code)
            };
            assert_eq!(g.admin1(cc, code), want, "{cc}.{code}");
        }
    }

    #[test]
    fn normalized_names_match_lower_casing_char_by_char() {
        for s in [
            "New York",
            "Côte d’Ivoire",
            "O`Hare",
            "ST. LOUIS",
            "",
            "İstanbul",
            "Kyiv's",
        ] {
            let mut want = String::from("x");
            for c in s.chars() {
                match c {
                    '’' | '‘' | '`' => want.push('\''),
                    c => want.extend(c.to_lowercase()),
                }
            }
            let mut got = String::from("x");
            normalize_into(s, &mut got);
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn small_places_table_answers_like_a_search_of_the_text() {
        let g = &*GAZETTEER;
        let mut keys: Vec<&str> = SMALL.lines().step_by(211).map(key_of).collect();
        // Prefixes at word boundaries, and names that are no small place.
        keys.extend([
            "san", "new", "saint", "port", "le", "red", "moscow", "xqzzy", "a",
        ]);
        for line in SMALL.lines().step_by(1009) {
            let k = key_of(line);
            if let Some(p) = k.find(' ') {
                keys.push(&k[..p]);
            }
        }
        for key in keys {
            let (found, longer) = by_search(key);
            let mut out = Vec::new();
            let got = g.lookup_small(key, geo_hash(key.as_bytes()), &mut out, true);
            let want: Vec<u32> = found.iter().map(|p| (g.len() + p) as u32).collect();
            assert_eq!(out, want, "{key}");
            assert_eq!(got, longer, "{key}");
        }
    }
}
