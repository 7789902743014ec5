//! Gazetteers for the tagger's features and for countries: country, city and region names (GeoNames, World
//! Factbook), demonyms, census first and last names, PETRARCH/Phoenix persons and organizations.
//!
//! Phrases are matched on lowercased tokens, so headlines in capitals and lower-case text match alike.

use super::features::{hash_lower, mix};
use std::borrow::Cow;
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

/// Category bits of a place name: country, city or first-level region.
pub const PLACE_CATS: u8 = (1 << COUNTRY) | (1 << CITY) | (1 << REGION);

impl Entry {
    /// Whether the entry is in any of the categories `cats` (bits `1 << c`).
    pub fn is_any(&self, cats: u8) -> bool {
        self.cats & cats != 0
    }

    /// The country code, if the entry has one (blocs like `Western` have none).
    pub fn country(&self) -> Option<&str> {
        if self.country[0].is_ascii_uppercase() && self.country[1].is_ascii_uppercase() {
            std::str::from_utf8(&self.country).ok()
        } else {
            None
        }
    }
}

/// The embedded gazetteer: phrase hash (of its lowercased tokens) to entry, as an open-addressing table
/// kept in the bytes it ships as (`data/ner/gazetteer.bin`, built from `gazetteer.tsv`), so it is used in
/// place without loading.
///
/// Table layout: magic, slot count (u32, little endian, a power of two), then slots of 8 bytes: key (u32,
/// the high half of the phrase hash, 0 for an empty slot), category bits, country code (2 bytes), flags
/// (1: the phrase is an entry, 2: longer phrases start with it). Probing starts at the low bits of the hash.
pub struct Gazetteer {
    table: Cow<'static, [u8]>,
    mask: usize,
    /// One bit per stored key (see [`present_bit`]): most phrases probed are not in the table (a word followed
    /// by one that continues no name), and this bitset, small enough to stay in a core's cache, answers them
    /// without a fetch from the 2 MB table.
    present: Vec<u64>,
}

const MAGIC: &[u8; 8] = b"NGGAZ1\0\0";
const HEADER: usize = 16;
const SLOT: usize = 8;
const IS_ENTRY: u8 = 1;
const IS_PREFIX: u8 = 2;

/// The key stored for a phrase hash (never 0).
#[inline]
fn key_of(h: u64) -> u32 {
    ((h >> 32) as u32) | 1
}

/// Size of [`Gazetteer::present`]: 128 KB, about ten bits per stored key.
const PRESENT_BITS: usize = 1 << 20;

/// The presence bit of a stored key: from the key (the hash's high half), not from the low bits that choose
/// the slot.
#[inline]
fn present_bit(k: u32) -> usize {
    (k.wrapping_mul(0x85eb_ca6b) >> 12) as usize % PRESENT_BITS
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
    /// Builds the table from the gazetteer's TSV source (phrase, category letters, country).
    pub fn from_tsv(src: &str) -> Gazetteer {
        let mut map: HashMap<u64, Slot, HashBuild> =
            HashMap::with_capacity_and_hasher(120_000, HashBuild::default());
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
        // Fill the table in hash order so the same source always gives the same bytes.
        let mut slots: Vec<(u64, Slot)> = map.into_iter().collect();
        slots.sort_unstable_by_key(|s| s.0);
        let cap = (slots.len() * 2).next_power_of_two().max(16);
        let mut table = vec![0u8; HEADER + cap * SLOT];
        table[..8].copy_from_slice(MAGIC);
        table[8..12].copy_from_slice(&(cap as u32).to_le_bytes());
        for (h, slot) in slots {
            let mut i = h as usize & (cap - 1);
            while table[HEADER + i * SLOT..HEADER + i * SLOT + 4] != [0; 4] {
                i = (i + 1) & (cap - 1);
            }
            let e = slot.entry.unwrap_or(Entry {
                cats: 0,
                country: [0, 0],
            });
            let flags = if slot.entry.is_some() { IS_ENTRY } else { 0 }
                | if slot.longer { IS_PREFIX } else { 0 };
            let o = HEADER + i * SLOT;
            table[o..o + 4].copy_from_slice(&key_of(h).to_le_bytes());
            table[o + 4..o + 8].copy_from_slice(&[e.cats, e.country[0], e.country[1], flags]);
        }
        Gazetteer::from_table(Cow::Owned(table)).unwrap_or_else(Gazetteer::empty)
    }

    /// A gazetteer with no phrases.
    fn empty() -> Gazetteer {
        Gazetteer {
            table: Cow::Owned(Vec::new()),
            mask: 0,
            present: Vec::new(),
        }
    }

    /// Checks a table and wraps it.
    fn from_table(table: Cow<'static, [u8]>) -> Option<Gazetteer> {
        if table.get(..8)? != MAGIC {
            return None;
        }
        let cap = u32::from_le_bytes(table.get(8..12)?.try_into().ok()?) as usize;
        if !cap.is_power_of_two() || table.len() != HEADER + cap * SLOT {
            return None;
        }
        let mut present = vec![0u64; PRESENT_BITS / 64];
        for slot in table.get(HEADER..)?.chunks_exact(SLOT) {
            let k = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]);
            if k != 0 {
                let b = present_bit(k);
                present[b / 64] |= 1 << (b % 64);
            }
        }
        Some(Gazetteer {
            table,
            mask: cap - 1,
            present,
        })
    }

    /// The table's bytes (what `data/ner/gazetteer.bin` holds).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.table.to_vec()
    }

    /// The slot of a phrase hash: (entry, flags).
    #[inline]
    fn slot(&self, h: u64) -> Option<(Entry, u8)> {
        let k = key_of(h);
        let b = present_bit(k);
        if self.present.get(b / 64)? & (1 << (b % 64)) == 0 {
            return None;
        }
        let mut i = h as usize & self.mask;
        loop {
            let o = HEADER + i * SLOT;
            let b = self.table.get(o..o + SLOT)?;
            let key = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            if key == k {
                let e = Entry {
                    cats: b[4],
                    country: [b[5], b[6]],
                };
                return Some((e, b[7]));
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The entry for a phrase given by its tokens' lowercase hashes.
    pub fn get(&self, token_hashes: &[u64]) -> Option<Entry> {
        self.get_hashed(phrase_hash(token_hashes))
    }

    /// The entry for a phrase hash (see [`phrase_hash`]).
    #[inline]
    pub fn get_hashed(&self, h: u64) -> Option<Entry> {
        self.slot(h)
            .and_then(|(e, flags)| (flags & IS_ENTRY != 0).then_some(e))
    }

    /// For a phrase hash that is a phrase or begins one: the phrase's category bits (0 when it only begins
    /// longer phrases) and whether longer phrases start with it. `None`: no phrase starts this way.
    #[inline]
    pub fn probe(&self, h: u64) -> Option<(Entry, bool)> {
        let (e, flags) = self.slot(h)?;
        Some((e, flags & IS_PREFIX != 0))
    }

    /// The entry for a phrase given as text tokens.
    pub fn lookup(&self, tokens: &[&str]) -> Option<Entry> {
        // No phrase is longer (the table leaves them out): a long mention is not hashed word by word, which made
        // the callers that try every prefix of one quadratic.
        if tokens.len() > MAX_LEN {
            return None;
        }
        // The phrase hash folded as it goes (what `get` computes from the hashes), without collecting them.
        self.get_hashed(
            tokens
                .iter()
                .fold(PHRASE_SEED, |h, t| mix(h, hash_lower(t))),
        )
    }
}

/// The embedded gazetteer, used in place.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::from_table(Cow::Borrowed(include_bytes!(
        "../../data/ner/gazetteer.bin"
    )))
    .unwrap_or_else(Gazetteer::empty)
});

#[cfg(test)]
mod tests {
    use super::*;

    /// `gazetteer.bin` is derived from `gazetteer.tsv` (the reviewable source): they must agree.
    /// `UPDATE_DATA=1 cargo test -p newsgraph gazetteer_table` rebuilds the table after the TSV changed.
    #[test]
    fn gazetteer_table_matches_its_source() {
        let built = Gazetteer::from_tsv(include_str!("../../data/ner/gazetteer.tsv")).to_bytes();
        if std::env::var_os("UPDATE_DATA").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/ner/gazetteer.bin");
            std::fs::write(path, &built).expect("write gazetteer.bin");
            return;
        }
        assert!(
            GAZETTEER.to_bytes() == built,
            "data/ner/gazetteer.bin is out of date: run UPDATE_DATA=1 cargo test -p newsgraph gazetteer_table"
        );
    }

    #[test]
    fn phrases_prefixes_and_misses() {
        let g = &*GAZETTEER;
        let russia = g.lookup(&["Russia"]).expect("Russia");
        assert!(russia.cats & (1 << COUNTRY) != 0);
        assert_eq!(russia.country(), Some("RU"));
        // US states over same-named foreign places (Florida, Puerto Rico; Maryland, Liberia), countries kept.
        for (state, cc) in [
            ("Florida", "US"),
            ("Maryland", "US"),
            ("Montana", "US"),
            ("Georgia", "GE"),
        ] {
            let e = GAZETTEER.lookup(&[state]).expect(state);
            assert_eq!(e.country(), Some(cc), "{state}");
        }
        assert!(g.lookup(&["Buenos", "Aires"]).is_some());
        // "Buenos" alone is no entry but begins one.
        assert!(g.lookup(&["Buenos"]).is_none());
        let h = phrase_hash(&[hash_lower("buenos")]);
        assert!(matches!(g.probe(h), Some((e, true)) if e.cats == 0));
        assert!(g.lookup(&["Xqzzyplonk"]).is_none());
    }
}
