//! Gazetteers for the tagger's features and for countries: country, city and region names (GeoNames, World
//! Factbook), demonyms, census first and last names, PETRARCH/Phoenix persons and organizations.
//!
//! Phrases are matched on lowercased tokens, so headlines in capitals and lower-case text match alike.

use super::features::{hash_lower, mix};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Category bit: country name.
pub const COUNTRY: u8 = 0;
/// Category bit: city or capital.
pub const CITY: u8 = 1;
/// Category bit: first-level region.
pub const REGION: u8 = 2;
/// Category bit: demonym / nationality adjective.
pub const DEMONYM: u8 = 3;
/// Category bit: first name.
pub const FIRST: u8 = 4;
/// Category bit: last name.
pub const LAST: u8 = 5;
/// Category bit: a known person (political actor).
pub const PERSON: u8 = 6;
/// Category bit: a known organization.
pub const ORG: u8 = 7;

/// Longest phrase in tokens.
pub const MAX_LEN: usize = 5;

/// One gazetteer entry: category bits and country (ISO alpha-2, `[0, 0]` for none, `--` for a bloc).
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Bit `1 << c` for each category `c`.
    pub cats: u8,
    /// Country code bytes.
    pub country: [u8; 2],
}

impl Entry {
    /// The country code, if the entry has one (blocs like `Western` have none).
    pub fn country(&self) -> Option<&str> {
        if self.country[0].is_ascii_uppercase() && self.country[1].is_ascii_uppercase() {
            std::str::from_utf8(&self.country).ok()
        } else {
            None
        }
    }
}

/// The embedded gazetteer: phrase hash (of its lowercased tokens) to entry.
pub struct Gazetteer {
    map: HashMap<u64, Slot, HashBuild>,
}

/// A phrase hash's slot: the entry if the phrase itself is in the gazetteer, and whether longer phrases
/// start with it (so phrase matching can stop early).
#[derive(Debug, Clone, Copy)]
struct Slot {
    entry: Option<Entry>,
    longer: bool,
}

/// Start value of [`phrase_hash`].
pub const PHRASE_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hash of a phrase from its tokens' lowercase hashes.
pub fn phrase_hash(token_hashes: &[u64]) -> u64 {
    token_hashes.iter().fold(PHRASE_SEED, |h, &t| mix(h, t))
}

/// A hasher for keys that are already good 64-bit hashes: passes them through.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Builds [`PassThrough`] hashers.
pub type HashBuild = std::hash::BuildHasherDefault<PassThrough>;

impl Gazetteer {
    fn parse(src: &str) -> Gazetteer {
        let mut map = HashMap::with_capacity_and_hasher(90_000, HashBuild::default());
        let mut hs = Vec::new();
        for line in src.lines() {
            let mut f = line.split('\t');
            let (Some(phrase), Some(cats)) = (f.next(), f.next()) else {
                continue;
            };
            let cc = f.next().unwrap_or("").as_bytes();
            let mut bits = 0u8;
            for c in cats.chars() {
                bits |= match c {
                    'C' => 1 << COUNTRY,
                    'K' => 1 << CITY,
                    'A' => 1 << REGION,
                    'D' => 1 << DEMONYM,
                    'F' => 1 << FIRST,
                    'L' => 1 << LAST,
                    'P' => 1 << PERSON,
                    'O' => 1 << ORG,
                    _ => 0,
                };
            }
            hs.clear();
            hs.extend(phrase.split(' ').map(hash_lower));
            if hs.len() > MAX_LEN {
                continue;
            }
            let country = if cc.len() == 2 {
                [cc[0], cc[1]]
            } else if cc == b"-" {
                *b"--"
            } else {
                [0, 0]
            };
            let entry = Entry {
                cats: bits,
                country,
            };
            map.entry(phrase_hash(&hs))
                .and_modify(|s: &mut Slot| s.entry = Some(entry))
                .or_insert(Slot {
                    entry: Some(entry),
                    longer: false,
                });
            // Every proper prefix learns that a longer phrase starts with it.
            let mut h = PHRASE_SEED;
            for &t in &hs[..hs.len() - 1] {
                h = mix(h, t);
                map.entry(h)
                    .and_modify(|s: &mut Slot| s.longer = true)
                    .or_insert(Slot {
                        entry: None,
                        longer: true,
                    });
            }
        }
        Gazetteer { map }
    }

    /// The entry for a phrase given by its tokens' lowercase hashes.
    pub fn get(&self, token_hashes: &[u64]) -> Option<Entry> {
        self.get_hashed(phrase_hash(token_hashes))
    }

    /// The entry for a phrase hash (see [`phrase_hash`]).
    #[inline]
    pub fn get_hashed(&self, h: u64) -> Option<Entry> {
        self.map.get(&h).and_then(|s| s.entry)
    }

    /// For a phrase hash that is a phrase or begins one: the phrase's category bits (0 when it only begins
    /// longer phrases) and whether longer phrases start with it. `None`: no phrase starts this way.
    #[inline]
    pub fn probe(&self, h: u64) -> Option<(Entry, bool)> {
        let s = self.map.get(&h)?;
        let e = s.entry.unwrap_or(Entry {
            cats: 0,
            country: [0, 0],
        });
        Some((e, s.longer))
    }

    /// The entry for a phrase given as text tokens.
    pub fn lookup(&self, tokens: &[&str]) -> Option<Entry> {
        let hs: Vec<u64> = tokens.iter().map(|t| hash_lower(t)).collect();
        self.get(&hs)
    }
}

/// The embedded gazetteer, parsed once.
pub static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(include_str!("../../data/ner/gazetteer.tsv")));
