// Shared by `build.rs` (which compiles the gazetteer's lookup tables into OUT_DIR) and the gazetteer (which reads
// them): one hash and one table layout on both sides. No inner attributes or doc comments: this file is
// `include!`d by the build script.

/// FxHash-style multiplicative hash of a name (trusted static data: a fast non-keyed hash is fine).
pub(crate) fn geo_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

/// Slots of the index table (a power of two, about four per name): u32 LE byte offsets plus one, 0 empty.
pub(crate) const INDEX_SLOTS: usize = 1 << 18;

/// Slots of the small places' table (a power of two, about three per name): u32 LE, 0 empty, else the byte offset
/// plus one of a `small.tsv` line (the first one with the name, or one whose name continues it), with the flags
/// below in the top bits.
pub(crate) const SMALL_SLOTS: usize = 1 << 18;

/// Small-table flag: the line's name is the key itself (and the lines after it with the same name follow).
pub(crate) const SMALL_EXACT: u32 = 1 << 31;

/// Small-table flag: a longer small place's name starts with the key and a space or an apostrophe.
pub(crate) const SMALL_PREFIX: u32 = 1 << 30;

/// Size of the small places' name filter in bits (a power of two; 512 KiB).
pub(crate) const FILTER_BITS: usize = 1 << 22;

/// First slot in the index table of a key whose `geo_hash` is `h` (one hash serves all three tables).
pub(crate) fn index_slot(h: u64) -> usize {
    // The high bits of the multiplicative hash are the well mixed ones.
    (h >> 40) as usize & (INDEX_SLOTS - 1)
}

/// First slot in the small places' table of a key whose `geo_hash` is `h`.
pub(crate) fn small_slot(h: u64) -> usize {
    (h >> 38) as usize & (SMALL_SLOTS - 1)
}

/// Byte and bit mask in the filter of a key whose `geo_hash` is `h`.
pub(crate) fn filter_bit(h: u64) -> (usize, u8) {
    let bit = (h >> 42) as usize & (FILTER_BITS - 1);
    (bit / 8, 1u8 << (bit % 8))
}

/// The lookup key of a US county name already normalized (lower case, see `normalize_into`): `saint` as `st`, no
/// periods, single spaces (`st croix county`). Shared so that the build script keys its county table as the
/// gazetteer keys a name.
pub(crate) fn county_key_of_normalized(k: String) -> String {
    // Most names need nothing more (`orange county`): no copies for them.
    let plain = !k.contains('.')
        && !k.starts_with("saint ")
        && k.split(' ')
            .all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
    if plain {
        return k;
    }
    let k = k.replace('.', "");
    let k = k
        .strip_prefix("saint ")
        .map_or(k.clone(), |r| format!("st {r}"));
    k.split_whitespace().collect::<Vec<_>>().join(" ")
}
