//! The statistical tagger: an averaged perceptron over hashed features, greedy left-to-right decoding with
//! BILOU constraints, and the compact weight file it ships as.
//!
//! Labels: 0 is O; `1 + 4 * type + pos` with pos B=0, I=1, L=2, U=3 and type PER=0, ORG=1, LOC=2, MISC=3.

use super::clusters::{Clusters, CLUSTERS};
use super::features::{
    f, first_probe, fmix, form_features, is_headline, mark_gazetteer_from, mix, neighbour_features,
    own_features, piece_features, pieces, previous_label_features, word_info, Case, Piece,
    TokenCase, TokenInfo, WordBuf, N_LABELS, PAD, T_BIAS, T_BIGRAML, T_BIGRAMR, T_DOC_CASE,
    T_DOC_CASE_LOWER, T_GAZ, T_GAZ_L, T_GAZ_R, T_HEADLINE, T_HIST, T_HIST_SHAPE, T_PREV, T_PREV2,
    T_SHAPE2L, T_SHAPE2R, T_START, WINDOW, WORD_ROWS,
};
use super::gazetteer::{Entry, Gazetteer, GAZETTEER};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// Entity types the tagger predicts, in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Type index of a label (`None` for O).
#[inline]
pub fn label_type(l: u8) -> Option<u8> {
    (l > 0).then(|| (l - 1) / 4)
}

/// Position of a label: 0 B, 1 I, 2 L, 3 U (4 for O).
#[inline]
pub fn label_pos(l: u8) -> u8 {
    if l == 0 {
        4
    } else {
        (l - 1) % 4
    }
}

/// Whether `cur` may follow `prev` (`last`: `cur` ends the sentence).
#[inline]
pub fn allowed(prev: u8, cur: u8, last: bool) -> bool {
    let open = matches!(label_pos(prev), 0 | 1);
    let cpos = label_pos(cur);
    if last && matches!(cpos, 0 | 1) {
        return false;
    }
    if open {
        matches!(cpos, 1 | 2) && label_type(cur) == label_type(prev)
    } else {
        !matches!(cpos, 1 | 2)
    }
}

/// Per previous label and "ends the sentence": each label's mask, all ones if [`allowed`] after it, else zero.
static ALLOWED: LazyLock<[[[i32; N_LABELS]; 2]; N_LABELS]> = LazyLock::new(|| {
    std::array::from_fn(|prev| {
        std::array::from_fn(|last| {
            std::array::from_fn(|cur| -i32::from(allowed(prev as u8, cur as u8, last == 1)))
        })
    })
});

/// The best allowed label: the first of the highest scores among the labels `allow` masks in (label 0, O, when none
/// is allowed or all score `i32::MIN`). The scores are masked and their maximum taken over all labels at once (no
/// branch per label, which the compiler turns into a few vector instructions), then the first label with it found.
#[inline]
fn best_label(acc: &[i32; N_LABELS], allow: &[i32; N_LABELS]) -> u8 {
    let mut masked = [i32::MIN; N_LABELS];
    for ((m, &s), &a) in masked.iter_mut().zip(acc).zip(allow) {
        *m = (s & a) | (i32::MIN & !a);
    }
    let top = masked.iter().copied().fold(i32::MIN, i32::max);
    if top == i32::MIN {
        return 0;
    }
    masked.iter().position(|&m| m == top).unwrap_or(0) as u8
}

/// Typed spans (token ranges) of a BILOU label sequence; tolerant of invalid sequences.
pub fn spans(labels: &[u8]) -> Vec<(Range<usize>, u8)> {
    let mut out = Vec::new();
    spans_into(labels, &mut out);
    out
}

/// [`spans`] appended to `out` (a buffer reused from one sentence to the next).
pub(crate) fn spans_into(labels: &[u8], out: &mut Vec<(Range<usize>, u8)>) {
    let mut open: Option<(usize, u8)> = None;
    for (i, &l) in labels.iter().enumerate() {
        // Most tokens are outside every name (O closes what is open).
        if l == 0 {
            open = None;
            continue;
        }
        let t = label_type(l);
        match label_pos(l) {
            0 => {
                open = t.map(|t| (i, t));
            }
            1 => {
                if open.map(|o| Some(o.1)) != Some(t) {
                    open = t.map(|t| (i, t));
                }
            }
            2 => {
                let start = match open {
                    Some((s, ot)) if Some(ot) == t => s,
                    _ => i,
                };
                if let Some(t) = t {
                    out.push((start..i + 1, t));
                }
                open = None;
            }
            3 => {
                if let Some(t) = t {
                    out.push((i..i + 1, t));
                }
                open = None;
            }
            _ => open = None,
        }
    }
}

/// Shipped weights: hashed feature -> one i16 weight per label, in an open-addressing table kept as the
/// bytes it ships as, so the embedded model is used in place without being loaded. A copy with each row in its slot
/// (one memory fetch per lookup instead of the slot's and then the row's) was measured: 18% fewer misses of a
/// simulated 1 MB cache in the batched lookups and 1.5% fewer instructions in the entity stage, but 5-10 MB more
/// resident memory and no CPU time saved alternating binaries, so the table stays as shipped.
pub struct Model {
    mask: usize,
    /// The table (see [`MAGIC_TABLE`]): the bytes of the embedded file, or built by training.
    table: Cow<'static, [u8]>,
    /// Where the slots and the weight rows start in `table`, and the number of rows.
    slots_at: usize,
    rows_at: usize,
    n: usize,
    /// One bit per hashed feature (from other hash bits than the key): most features a text brings up are
    /// not in the model, and this small bitset answers that without touching the large table.
    present: Vec<u64>,
    /// Unique per model built in this process: keys the per-thread weight cache.
    id: u64,
    /// Summed weights of the features with few values, looked up by index instead of hashing.
    dense: Box<Dense>,
}

/// Weights of the features whose values are few (labels, case classes, gazetteer bits), precomputed
/// from the hashed table so that tagging indexes arrays for them. Same sums as the hashed lookups.
struct Dense {
    headline: [i32; N_LABELS],
    /// By the previous two labels: the bias, the previous label's and the previous two labels' weights
    /// (every token gets each once, so they are one row).
    labels: Vec<[i32; N_LABELS]>,
    /// By document history type (0..5) and the token's case: the history type's weights and those with the
    /// case.
    history: [[i32; N_LABELS]; 25],
    /// Gazetteer bit of the token (with and without its case), of the left and right neighbours.
    gaz: Vec<[i32; N_LABELS]>,
    gaz_left: [[i32; N_LABELS]; 32],
    gaz_right: [[i32; N_LABELS]; 32],
    /// Sentence start by case.
    start: [[i32; N_LABELS]; 5],
    /// Document case (0..4) by the token's case and sentence-initial flag.
    doc_case: [[i32; N_LABELS]; 50],
}

const CASES: [Case; 5] = [
    Case::None,
    Case::Lower,
    Case::Title,
    Case::Upper,
    Case::Mixed,
];

impl Dense {
    /// All zero, until the weights are in.
    fn zero() -> Box<Dense> {
        Box::new(Dense {
            headline: [0; N_LABELS],
            labels: Vec::new(),
            history: [[0; N_LABELS]; 25],
            gaz: Vec::new(),
            gaz_left: [[0; N_LABELS]; 32],
            gaz_right: [[0; N_LABELS]; 32],
            start: [[0; N_LABELS]; 5],
            doc_case: [[0; N_LABELS]; 50],
        })
    }

    fn new(m: &Model) -> Box<Dense> {
        let row = |feat: u64| {
            let mut acc = [0i32; N_LABELS];
            m.add(feat, &mut acc);
            acc
        };
        let mut d = Box::new(Dense {
            headline: row(f(T_HEADLINE, 1)),
            labels: vec![[0; N_LABELS]; N_LABELS * N_LABELS],
            history: [[0; N_LABELS]; 25],
            gaz: vec![[0; N_LABELS]; 32 * 5],
            gaz_left: [[0; N_LABELS]; 32],
            gaz_right: [[0; N_LABELS]; 32],
            start: [[0; N_LABELS]; 5],
            doc_case: [[0; N_LABELS]; 50],
        });
        let bias = row(f(T_BIAS, 0));
        for p1 in 0..N_LABELS as u64 {
            let mut prev = row(f(T_PREV, p1));
            add_to(&mut prev, &bias);
            for p2 in 0..N_LABELS as u64 {
                let mut acc = row(f(T_PREV2, p1 << 8 | p2));
                add_to(&mut acc, &prev);
                d.labels[(p1 * N_LABELS as u64 + p2) as usize] = acc;
            }
        }
        for h in 0..5u64 {
            let hist = row(f(T_HIST, h));
            for c in CASES {
                let mut acc = row(f(T_HIST_SHAPE, mix(h, c as u64)));
                add_to(&mut acc, &hist);
                d.history[h as usize * 5 + c as usize] = acc;
            }
        }
        for b in 0..32u64 {
            for c in CASES {
                let mut acc = row(f(T_GAZ, mix(b, c as u64)));
                add_to(&mut acc, &row(f(T_GAZ, b)));
                d.gaz[b as usize * 5 + c as usize] = acc;
            }
            d.gaz_left[b as usize] = row(f(T_GAZ_L, b));
            d.gaz_right[b as usize] = row(f(T_GAZ_R, b));
        }
        for c in CASES {
            d.start[c as usize] = row(f(T_START, c as u64));
            for dc in 0..5u64 {
                for first in 0..2u64 {
                    d.doc_case[(dc as usize * 5 + c as usize) * 2 + first as usize] =
                        row(f(T_DOC_CASE, mix(dc, mix(c as u64, first))));
                }
            }
        }
        d
    }
}

static NEXT_MODEL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Deflate-compressed weights (older files).
const MAGIC: &[u8; 8] = b"NGNER1\0\0";
/// Uncompressed weights, sorted keys then label-major weights (older files).
const MAGIC_RAW: &[u8; 8] = b"NGNER2\0\0";
/// The lookup table itself: after the magic, `N_LABELS`, row count and slot count (u32 each, little
/// endian, then 4 bytes of padding), the slots (u32 key, u32 row; key 0 is empty; linear probing from
/// [`slot_of`]) and the rows (`N_LABELS` i16 each). Rows are in key order and slots filled in key order,
/// so the same weights always give the same bytes.
const MAGIC_TABLE: &[u8; 8] = b"NGNER3\0\0";
const HEADER: usize = 24;
const SLOT: usize = 8;
const ROW: usize = 2 * N_LABELS;

/// Where probing for key `k` starts.
#[inline]
fn slot_of(k: u32, mask: usize) -> usize {
    (k as usize).wrapping_mul(0x9e37_79b9) & mask
}

/// Size of [`Model::present`]: 256 KB, small enough to stay in a core's cache.
const PRESENT_BITS: usize = 1 << 21;

/// The presence bit of a key: from the key's bits that the table's slot index does not use first.
#[inline]
fn present_bit(k: u32) -> usize {
    (k.wrapping_mul(0x85eb_ca6b) >> 11) as usize % PRESENT_BITS
}

#[inline]
fn key32(feat: u64) -> u32 {
    // Never 0: 0 marks an empty slot.
    ((feat >> 32) as u32) | 1
}

impl Model {
    /// Builds the lookup table from (feature, weights) pairs (a later pair for the same key wins).
    pub fn from_rows(rows: impl ExactSizeIterator<Item = (u64, [i16; N_LABELS])>) -> Model {
        let mut rows: Vec<(u32, [i16; N_LABELS])> = rows.map(|(k, w)| (key32(k), w)).collect();
        // Stable sort keeps the order of equal keys, so the last one can win.
        rows.sort_by_key(|r| r.0);
        let mut unique: Vec<(u32, [i16; N_LABELS])> = Vec::with_capacity(rows.len());
        for r in rows {
            match unique.last_mut() {
                Some(last) if last.0 == r.0 => *last = r,
                _ => unique.push(r),
            }
        }
        let n = unique.len();
        let cap = (n * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![(0u32, 0u32); cap];
        for (r, (k, _)) in unique.iter().enumerate() {
            let mut i = slot_of(*k, mask);
            while slots[i].0 != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (*k, r as u32);
        }
        let mut table = Vec::with_capacity(HEADER + cap * SLOT + n * ROW);
        table.extend_from_slice(MAGIC_TABLE);
        for v in [N_LABELS as u32, n as u32, cap as u32, 0] {
            table.extend_from_slice(&v.to_le_bytes());
        }
        for (k, r) in slots {
            table.extend_from_slice(&k.to_le_bytes());
            table.extend_from_slice(&r.to_le_bytes());
        }
        for (_, w) in &unique {
            for x in w {
                table.extend_from_slice(&x.to_le_bytes());
            }
        }
        Model::from_table(Cow::Owned(table)).unwrap_or_else(Model::empty)
    }

    /// A model without weights (every label scores 0).
    fn empty() -> Model {
        Model::from_rows(std::iter::empty())
    }

    /// Checks a [`MAGIC_TABLE`] table and makes the model around it.
    fn from_table(table: Cow<'static, [u8]>) -> Option<Model> {
        let u32_at = |o: usize| -> Option<usize> {
            Some(u32::from_le_bytes(table.get(o..o + 4)?.try_into().ok()?) as usize)
        };
        if table.get(..8)? != MAGIC_TABLE || u32_at(8)? != N_LABELS {
            return None;
        }
        let (n, cap) = (u32_at(12)?, u32_at(16)?);
        let rows_at = HEADER + cap * SLOT;
        if !cap.is_power_of_two() || n >= cap || table.len() != rows_at + n * ROW {
            return None;
        }
        let mut m = Model {
            mask: cap - 1,
            slots_at: HEADER,
            rows_at,
            n,
            table,
            present: vec![0; PRESENT_BITS / 64],
            id: NEXT_MODEL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            dense: Dense::zero(),
        };
        for i in 0..cap {
            let (k, r) = m.slot(i);
            if k != 0 {
                if r as usize >= n {
                    return None;
                }
                let b = present_bit(k);
                m.present[b / 64] |= 1 << (b % 64);
            }
        }
        m.dense = Dense::new(&m);
        Some(m)
    }

    /// Slot `i`: (key, row).
    #[inline]
    fn slot(&self, i: usize) -> (u32, u32) {
        let o = self.slots_at + i * SLOT;
        match self.table.get(o..o + SLOT) {
            Some(b) => (
                u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
                u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
            ),
            None => (0, 0),
        }
    }

    /// Adds the weights of `feat` (if known) to `acc`.
    #[inline]
    pub fn add(&self, feat: u64, acc: &mut [i32; N_LABELS]) {
        let k = key32(feat);
        let b = present_bit(k);
        match self.present.get(b / 64) {
            Some(w) if w & (1 << (b % 64)) != 0 => {}
            _ => return,
        }
        let mut i = slot_of(k, self.mask);
        loop {
            let (key, row) = self.slot(i);
            if key == k {
                let o = self.rows_at + row as usize * ROW;
                if let Some(r) = self.table.get(o..o + ROW) {
                    add_row(acc, r);
                }
                return;
            }
            if key == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of stored features.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the model has no features.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The model as it ships: its lookup table ([`MAGIC_TABLE`]), used in place when embedded.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.table.to_vec()
    }

    /// Reads what [`Model::to_bytes`] wrote (or an older weight file); `None` if the bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        if bytes.starts_with(MAGIC_TABLE) {
            return Model::from_table(Cow::Owned(bytes.to_vec()));
        }
        Model::from_rows(Model::old_rows(bytes)?.into_iter()).into()
    }

    /// The embedded model's bytes used in place (older formats are read into a new table).
    pub fn from_static(bytes: &'static [u8]) -> Option<Model> {
        if bytes.starts_with(MAGIC_TABLE) {
            return Model::from_table(Cow::Borrowed(bytes));
        }
        Model::from_bytes(bytes)
    }

    /// The (key, weights) rows of the older formats.
    fn old_rows(bytes: &[u8]) -> Option<Vec<(u64, [i16; N_LABELS])>> {
        let inflated;
        let raw: &[u8] = if let Some(body) = bytes.strip_prefix(MAGIC_RAW.as_slice()) {
            body
        } else {
            let body = bytes.strip_prefix(MAGIC.as_slice())?;
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::DeflateDecoder::new(body), &mut v)
                .ok()?;
            inflated = v;
            &inflated
        };
        let u32_at = |o: usize| -> Option<u32> {
            Some(u32::from_le_bytes(raw.get(o..o + 4)?.try_into().ok()?))
        };
        if u32_at(0)? as usize != N_LABELS {
            return None;
        }
        let n = u32_at(4)? as usize;
        let wbase = 8 + 4 * n;
        if raw.len() != wbase + 2 * N_LABELS * n {
            return None;
        }
        let mut rows = Vec::with_capacity(n);
        for r in 0..n {
            let k = u32_at(8 + 4 * r)?;
            let mut w = [0i16; N_LABELS];
            for (l, x) in w.iter_mut().enumerate() {
                let o = wbase + 2 * (l * n + r);
                *x = i16::from_le_bytes([raw[o], raw[o + 1]]);
            }
            // Keys are stored as the table's 32-bit keys: put them back where key32 reads them.
            rows.push(((k as u64) << 32, w));
        }
        Some(rows)
    }
}

/// Per-document memory of the entity types given to each word so far (prediction history).
#[derive(Default)]
pub struct History {
    counts: HashTable<[u16; 4]>,
    cases: HashTable<[u16; 3]>,
}

impl History {
    /// Notes how the words of one sentence are written (call for every sentence of the document before
    /// tagging). Sentence-initial words and headlines say nothing about a word's usual case.
    pub fn observe_case<T: TokenCase>(&mut self, infos: &[T]) {
        if is_headline(infos) {
            return;
        }
        for t in infos.iter().skip(1) {
            let k = match t.case() {
                Case::Lower => 0,
                Case::Title => 1,
                Case::Upper => 2,
                _ => continue,
            };
            let c = self.cases.entry(t.lower());
            c[k] = c[k].saturating_add(1);
        }
    }

    /// Fills each token's [`TokenInfo::doc_case`].
    pub fn apply_case<T: TokenCase>(&self, infos: &mut [T]) {
        if self.cases.is_empty() {
            return;
        }
        for t in infos.iter_mut() {
            self.apply_case_to(t);
        }
    }

    /// Fills one token's [`TokenInfo::doc_case`] (tokens without letters never have one: only words with
    /// letters are observed).
    #[inline]
    fn apply_case_to<T: TokenCase>(&self, t: &mut T) {
        if !t.alpha() || self.cases.is_empty() {
            return;
        }
        if let Some(c) = self.cases.get(t.lower()) {
            let (k, _) = c
                .iter()
                .enumerate()
                .max_by_key(|(i, n)| (**n, 3 - *i))
                .unwrap_or((0, &0));
            t.set_doc_case(k as u8 + 1);
        }
    }

    /// Forgets everything, keeping the maps' memory for the next document (unless a long document made them
    /// large).
    fn clear(&mut self) {
        self.counts.clear();
        self.cases.clear();
    }

    /// The feature value for a word: 1 + its most frequent earlier type, or 0.
    #[inline]
    pub fn get<T: TokenCase>(&self, t: &T) -> u8 {
        if !t.alpha() || self.counts.is_empty() {
            return 0;
        }
        match self.counts.get(t.lower()) {
            Some(c) => {
                let (best, n) = c
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, n)| (**n, 3 - *i))
                    .map(|(i, n)| (i, *n))
                    .unwrap_or((0, 0));
                if n == 0 {
                    0
                } else {
                    best as u8 + 1
                }
            }
            None => 0,
        }
    }

    /// Records that a word was tagged with `label`.
    #[inline]
    pub fn record<T: TokenCase>(&mut self, t: &T, label: u8) {
        if let Some(ty) = label_type(label) {
            if t.case() != Case::Lower {
                let c = self.counts.entry(t.lower());
                c[ty as usize] = c[ty as usize].saturating_add(1);
            }
        }
    }
}

/// A map from 64-bit hashes (word hashes: already well spread) to small counters, by open addressing with linear
/// probing: the per-document history probes it for most tokens, and it is emptied for every document.
struct HashTable<V> {
    /// Keys, 0 for an empty slot (the key 0 itself lives in `zero`).
    keys: Vec<u64>,
    values: Vec<V>,
    zero: Option<V>,
    /// The filled slots, so that emptying costs what was put in.
    used: Vec<u32>,
    len: usize,
}

impl<V> Default for HashTable<V> {
    fn default() -> Self {
        HashTable {
            keys: Vec::new(),
            values: Vec::new(),
            zero: None,
            used: Vec::new(),
            len: 0,
        }
    }
}

impl<V: Copy + Default> HashTable<V> {
    fn is_empty(&self) -> bool {
        self.len == 0 && self.zero.is_none()
    }

    /// Where `k` is, or the empty slot where it would go (the table is never full).
    #[inline]
    fn slot(&self, k: u64) -> usize {
        let mask = self.keys.len().wrapping_sub(1);
        let mut i = (k as usize) & mask;
        while let Some(&x) = self.keys.get(i) {
            if x == k || x == 0 {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    #[inline]
    fn get(&self, k: u64) -> Option<&V> {
        if k == 0 {
            return self.zero.as_ref();
        }
        if self.len == 0 {
            return None;
        }
        let i = self.slot(k);
        match self.keys.get(i) {
            Some(&x) if x == k => self.values.get(i),
            _ => None,
        }
    }

    /// The value of `k`, inserted as the default if absent.
    #[inline]
    fn entry(&mut self, k: u64) -> &mut V {
        if k == 0 {
            return self.zero.get_or_insert_with(V::default);
        }
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let i = self.slot(k);
        if self.keys.get(i) == Some(&0) {
            self.keys[i] = k;
            self.values[i] = V::default();
            self.used.push(i as u32);
            self.len += 1;
        }
        &mut self.values[i]
    }

    /// Doubles the table: rare (a few times per long document), kept out of line so that [`HashTable::entry`]
    /// stays small enough to inline where the history counts every token.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let cap = (self.keys.len() * 2).max(256);
        let keys = std::mem::replace(&mut self.keys, vec![0; cap]);
        let values = std::mem::replace(&mut self.values, vec![V::default(); cap]);
        self.used.clear();
        for (k, v) in keys.into_iter().zip(values) {
            if k != 0 {
                let i = self.slot(k);
                self.keys[i] = k;
                self.values[i] = v;
                self.used.push(i as u32);
            }
        }
    }

    /// Empties the table, keeping its memory unless a long document made it large.
    fn clear(&mut self) {
        if self.keys.len() > 1 << 16 {
            *self = HashTable::default();
        } else {
            for &i in &self.used {
                if let Some(k) = self.keys.get_mut(i as usize) {
                    *k = 0;
                }
            }
        }
        self.used.clear();
        self.len = 0;
        self.zero = None;
    }
}

/// Adds a stored weight row (`N_LABELS` little-endian i16) to `acc`; indexed over a fixed-size array so that
/// the compiler widens all labels at once.
#[inline]
fn add_row(acc: &mut [i32; N_LABELS], r: &[u8]) {
    let Ok(r) = <&[u8; ROW]>::try_from(r) else {
        return;
    };
    for (l, a) in acc.iter_mut().enumerate() {
        *a += i16::from_le_bytes([r[2 * l], r[2 * l + 1]]) as i32;
    }
}

#[inline]
fn add_to(acc: &mut [i32; N_LABELS], v: &[i32; N_LABELS]) {
    for (a, x) in acc.iter_mut().zip(v.iter()) {
        *a += x;
    }
}

/// A word form's features and the summed weights of everything that depends on the form alone, for text
/// that is not a headline in capitals: its own features, its features as each neighbour in the window, and
/// the label-history features when the previous label is O (the usual case). Kept as i32: i16 copies of the sums
/// (with an exact i32 fallback) measured slower on the Kremlin releases, as about 2% of rows spread too far
/// for i16 even around a per-row base and reading these sums is only about 3% of the run time. In this order
/// (`repr(C)`): a scored token reads its word's `own` and `after_o` rows, which then share a cache line. The rare
/// headlines in capitals score their words afresh from the words' text: the form's full [`TokenInfo`] is not kept
/// here (a fifth of the entry's size, and of the memory a filling cache touches).
#[repr(C)]
struct WordWeights {
    own: [i32; N_LABELS],
    after_o: [i32; N_LABELS],
    neighbour: [[i32; N_LABELS]; 4],
}

/// What tagging reads of a token besides weights: a fifth of a [`TokenInfo`], so that a document's tokens are
/// copied and read in few cache lines.
#[derive(Debug, Clone, Copy)]
struct Token {
    lower: u64,
    shape: u64,
    gaz: u32,
    case: Case,
    alpha: bool,
    doc_case: u8,
}

impl Token {
    fn of(t: &TokenInfo) -> Token {
        Token {
            lower: t.lower,
            shape: t.shape,
            gaz: t.gaz,
            case: t.case,
            alpha: t.alpha,
            doc_case: t.doc_case,
        }
    }
}

super::features::impl_token_case!(Token);

/// The part of a cache entry that every token reads, apart from the weights (32 bytes): the cache's
/// [`WordWeights`] are about 12 MB when full, these 0.8 MB stay in a core's own cache.
#[derive(Clone, Copy)]
struct WordHot {
    token: Token,
    /// Gazetteer probe of the word as a one-word phrase.
    first: Option<(Entry, bool)>,
}

/// A slot of [`WordIndex`]: a word's key (0: empty), its entry and how often the entry was looked up since it came
/// in (see [`WordCache::keep_frequent`]).
#[derive(Clone, Copy, Default)]
struct IndexSlot {
    key: u64,
    id: u32,
    hits: u32,
}

/// The word cache's index: word key -> entry, by open addressing with linear probing in one array of 16-byte
/// slots, less than half full up to the cache's limit (at most three quarters full past it, so that a long sentence
/// of new words does not double the index's memory). Every token is looked up: a slot is one memory fetch where a hash map read its
/// control bytes and then its bucket (the index is larger than a core's own caches), and it counts the lookups
/// where they are found instead of in the entry.
#[derive(Default)]
struct WordIndex {
    slots: Vec<IndexSlot>,
    len: usize,
}

impl WordIndex {
    /// The slot key of a word key (0 marks an empty slot).
    #[inline]
    fn slot_key(k: u64) -> u64 {
        k.max(1)
    }

    /// Where `k` is, or the empty slot where it would go (`None` while there are no slots).
    #[inline]
    fn find(&self, k: u64) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = (k as usize) & mask;
        loop {
            let s = self.slots.get(i)?;
            if s.key == k || s.key == 0 {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The entry of word key `k`, if indexed.
    #[cfg(test)]
    fn get(&self, k: u64) -> Option<u32> {
        let k = Self::slot_key(k);
        let s = self.slots.get(self.find(k)?)?;
        (s.key == k).then_some(s.id)
    }

    /// The entry of word key `k`, if indexed, counting the lookup.
    #[inline]
    fn hit(&mut self, k: u64) -> Option<u32> {
        let k = Self::slot_key(k);
        let i = self.find(k)?;
        let s = self.slots.get_mut(i)?;
        if s.key != k {
            return None;
        }
        s.hits = s.hits.saturating_add(1);
        Some(s.id)
    }

    /// Indexes a new word key (not indexed yet) with its entry.
    fn insert(&mut self, k: u64, id: u32) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.resize((self.slots.len() * 2).max(1 << 10));
        }
        let k = Self::slot_key(k);
        if let Some(s) = self.find(k).and_then(|i| self.slots.get_mut(i)) {
            if s.key == 0 {
                self.len += 1;
            }
            *s = IndexSlot {
                key: k,
                id,
                hits: 0,
            };
        }
    }

    /// Moves the slots to a table of `cap` slots (a power of two, more than twice the slots in use).
    fn resize(&mut self, cap: usize) {
        let old = std::mem::replace(&mut self.slots, vec![IndexSlot::default(); cap]);
        for s in old {
            if s.key != 0 {
                if let Some(t) = self.find(s.key).and_then(|i| self.slots.get_mut(i)) {
                    *t = s;
                }
            }
        }
    }

    /// The lookup counts, by entry (`n` entries).
    fn hits(&self, n: usize) -> Vec<u32> {
        let mut hits = vec![0; n];
        for s in &self.slots {
            if let (true, Some(h)) = (s.key != 0, hits.get_mut(s.id as usize)) {
                *h = s.hits;
            }
        }
        hits
    }

    /// Keeps the entries that `new_id` maps to a new entry (not `u32::MAX`), with their new entries and no lookups
    /// counted, in a table of `cap` slots.
    fn keep(&mut self, new_id: &[u32], cap: usize) {
        let old = std::mem::replace(&mut self.slots, vec![IndexSlot::default(); cap]);
        self.len = 0;
        for s in old {
            match new_id.get(s.id as usize) {
                Some(&id) if s.key != 0 && id != u32::MAX => {
                    if let Some(t) = self.find(s.key).and_then(|i| self.slots.get_mut(i)) {
                        *t = IndexSlot {
                            key: s.key,
                            id,
                            hits: 0,
                        };
                        self.len += 1;
                    }
                }
                _ => {}
            }
        }
    }

    fn clear(&mut self) {
        self.slots.clear();
        self.len = 0;
    }
}

/// Slots of a [`WordIndex`] for a full cache: less than half of them used.
const INDEX_SLOTS: usize = (2 * CACHE_LIMIT).next_power_of_two();

/// Per-thread cache of [`WordWeights`], across documents: news repeats its words, so most tokens cost one
/// lookup instead of twenty weight lookups and a dozen string hashes.
#[derive(Default)]
pub struct WordCache {
    index: WordIndex,
    words: Vec<WordWeights>,
    /// Per entry of `words`: what each token reads.
    hot: Vec<WordHot>,
    /// Weights of the padding past the sentence edges, per window offset.
    pad: [[i32; N_LABELS]; 4],
    /// The model and word clusters the cache was filled with (a cache never mixes two models' weights).
    owner: (u64, usize),
    /// Bumped whenever the cache is emptied: word indexes from an older generation are stale.
    generation: u64,
    buf: WordBuf,
    keys: Vec<u64>,
    /// A sentence's new words' features with their rows of sums, the weight rows found for them and the sums
    /// (see [`WordCache::sum_new`]).
    batch: Vec<(u64, u32)>,
    found: Vec<(u32, u32)>,
    sums: Vec<[i32; N_LABELS]>,
    /// Word pieces (see [`Piece`]) -> where their summed rows start in `piece_rows` (by [`piece_key`] for shapes
    /// and affixes; by [`cluster_slot`] for clusters, plus one, 0 for none yet): a new word adds its pieces' rows
    /// instead of looking up their features again (a shape, a cluster or an affix has many words; on 300 news
    /// articles the pieces' features were two thirds of a new word's feature lookups).
    piece_index: HashTable<u32>,
    cluster_index: Vec<u32>,
    /// Each piece's rows, as many as its kind has (see [`PIECE_ROWS`]).
    piece_rows: Vec<[i32; N_LABELS]>,
    /// The pending batch's pieces: each new word's pieces, the rows made from `rows_from` on and their features
    /// with their rows (as `batch` is for words).
    word_pieces: Vec<[u32; 5]>,
    rows_from: usize,
    piece_batch: Vec<(u64, u32)>,
    /// Summed weights of the shape-pair features, by pair (see [`PairRows`]).
    pairs: PairRows,
}

/// The weights of the two word-pair features of a pair of neighbouring shapes, one for each token of the pair:
/// news has a few hundred shape pairs, so each token adds two cached rows instead of hashing and looking up two
/// features in the large table.
#[derive(Default)]
struct PairRows {
    /// Shape-pair hash (see [`pair_hashes`]) -> 1 + index in `rows` (0: not there yet).
    index: HashTable<u32>,
    /// Per pair: the weights of `T_SHAPE2L` (the pair's right token's) and of `T_SHAPE2R` (its left token's).
    rows: Vec<[[i32; N_LABELS]; 2]>,
}

/// Most shape pairs kept (odd text may have many) from one block of tokens to the next (see [`PairRows::trim`]).
const PAIR_LIMIT: usize = 4096;

impl PairRows {
    /// The index of a shape pair's rows, summed on first sight. Indexes stay valid until [`PairRows::trim`].
    #[inline]
    fn of(&mut self, model: &Model, pair: u64) -> usize {
        match self.index.get(pair) {
            Some(&i) if i > 0 => i as usize - 1,
            _ => self.add(model, pair),
        }
    }

    #[cold]
    #[inline(never)]
    fn add(&mut self, model: &Model, pair: u64) -> usize {
        let mut rows = [[0; N_LABELS]; 2];
        model.add(f(T_SHAPE2L, pair), &mut rows[0]);
        model.add(f(T_SHAPE2R, pair), &mut rows[1]);
        self.rows.push(rows);
        *self.index.entry(pair) = self.rows.len() as u32;
        self.rows.len() - 1
    }

    fn clear(&mut self) {
        self.index.clear();
        self.rows.clear();
    }

    /// Empties the rows if there are too many (called where no index is held: a block of tokens adds at most a
    /// few per token).
    fn trim(&mut self) {
        if self.rows.len() >= PAIR_LIMIT {
            self.clear();
        }
    }

    /// The rows at `i` (of [`PairRows::of`]); zero if none.
    #[inline]
    fn row(&self, i: usize, which: usize) -> &[i32; N_LABELS] {
        const ZERO: [i32; N_LABELS] = [0; N_LABELS];
        self.rows.get(i).and_then(|r| r.get(which)).unwrap_or(&ZERO)
    }
}

/// A word pair of two neighbouring tokens: its [`pair_hashes`] and its shape pair's index in [`PairRows`].
type Pair = (u64, u64, usize);

/// Per kind of [`Piece`] (see [`piece_kind`]): the word rows (see [`WORD_ROWS`]) that its rows add to, in order.
/// A prefix only adds to the word's own row, a suffix also to its rows as the neighbour at offsets -1 and +1, a
/// cluster to all but the after-O row.
const PIECE_ROWS: [&[usize]; 4] = [&[0, 1, 2, 3, 4, 5], &[0, 1, 2, 3, 4], &[0], &[0, 2, 3]];

/// The kind of a piece: its index in [`PIECE_ROWS`].
#[inline]
fn piece_kind(p: &Piece) -> usize {
    match p {
        Piece::Shape { .. } => 0,
        Piece::Cluster { .. } => 1,
        Piece::Prefixes(_) => 2,
        Piece::Suffixes { .. } => 3,
    }
}

/// The key of a shape or affix piece in [`WordCache::piece_index`]: a 64-bit hash, as words are keyed by theirs.
/// The affix hashes are already well spread: rotating them apart is enough.
#[inline]
fn piece_key(p: &Piece) -> u64 {
    let spread =
        |x: [u64; 4]| x[0] ^ x[1].rotate_left(16) ^ x[2].rotate_left(32) ^ x[3].rotate_left(48);
    match *p {
        Piece::Shape { shape, case } => mix(shape, case as u64),
        Piece::Prefixes(prefix) => spread(prefix) ^ 0x5bd1_e995,
        Piece::Suffixes { suffix, lengths } => {
            spread(suffix).rotate_left(7) ^ 0xc2b2_ae35 ^ (lengths as u64) << 56
        }
        Piece::Cluster {
            level,
            cluster,
            case,
        } => mix(cluster as u64, (level as u64) << 8 | case as u64),
    }
}

/// Where a cluster piece is in [`WordCache::cluster_index`]: few clusters, so a plain array.
#[inline]
fn cluster_slot(level: u8, cluster: u16, case: u8) -> usize {
    ((cluster as usize) * 2 + (level & 1) as usize) * 5 + (case as usize % 5)
}

/// Most rows of piece sums kept per thread (2.2 MB; 300 news articles bring about 20,000 pieces, most of them
/// affixes, and odd text may have many more): the piece sums are emptied when a batch leaves more.
const PIECE_ROW_LIMIT: usize = 1 << 15;

/// The cache's key of a word form: a hash of its bytes read up to 8 at a time (the bytes of a short word in two
/// overlapping reads; the length tells the reads apart), cheaper than the byte-wise hash of its features.
#[inline]
fn word_key(w: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let b = w.as_bytes();
    let n = b.len();
    let r8 = |i: usize| {
        b.get(i..i + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let r4 = |i: usize| {
        b.get(i..i + 4)
            .and_then(|s| <[u8; 4]>::try_from(s).ok())
            .map_or(0, |x| u32::from_le_bytes(x) as u64)
    };
    let step = |h: u64, x: u64| (h ^ x).wrapping_mul(K).rotate_left(31);
    let mut h = (n as u64).wrapping_mul(K);
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            h = step(h, r8(i));
            i += 8;
        }
        h = step(h, r8(n - 8));
    } else if n >= 4 {
        h = step(h, r4(0) << 32 | r4(n - 4));
    } else if let (Some(&x), Some(&y), Some(&z)) = (b.first(), b.get(n / 2), b.last()) {
        h = step(h, (x as u64) << 16 | (y as u64) << 8 | z as u64);
    }
    fmix(h)
}

/// Most word forms kept per thread (408 bytes of weights each); when full, the cache keeps its most used words.
/// The weights take the 12.5 MB that 24,576 entries took when each also kept the form's full infos (news keeps
/// bringing new words: a larger cache computes fewer of them again).
const CACHE_LIMIT: usize = 30_720;

impl WordCache {
    /// Makes the cache belong to `model` and `clusters`, emptying it if it held another's weights.
    fn own_by(&mut self, model: &Model, clusters: &Clusters, gaz: &Gazetteer) {
        let owner = (
            model.id,
            clusters as *const Clusters as usize
                ^ (gaz as *const Gazetteer as usize).rotate_left(17),
        );
        if self.owner == owner && self.words.len() >= CACHE_LIMIT {
            self.keep_frequent();
        } else if self.owner != owner {
            self.index.clear();
            self.words.clear();
            self.hot.clear();
            self.piece_index.clear();
            self.cluster_index.clear();
            self.piece_rows.clear();
            self.word_pieces.clear();
            self.piece_batch.clear();
            self.rows_from = 0;
            self.pairs.clear();
            self.owner = owner;
            self.generation += 1;
            // Room for a full cache at once: growing by doubling rehashed the index and copied the weights
            // (half a kilobyte a word) a dozen times while the first documents filled it. The lists' pages are
            // only touched as words come in.
            self.index.resize(INDEX_SLOTS);
            self.words.reserve(CACHE_LIMIT);
            self.hot.reserve(CACHE_LIMIT);
            for (k, o) in WINDOW.into_iter().enumerate() {
                let mut feats = Vec::new();
                neighbour_features(None, o, false, &mut feats);
                self.pad[k] = model.sum(&feats);
            }
        }
    }

    /// Makes room in a full cache: keeps the words looked up most often since they came in, up to three
    /// quarters of the cache, and drops the others. News keeps using its common words while most others come
    /// once: starting afresh instead computed the common words again after every filling (on 1,796 Kremlin
    /// articles, passes over them after the first computed about 27,000 words each; now about 10,000).
    fn keep_frequent(&mut self) {
        const ROOM: usize = CACHE_LIMIT / 4 * 3;
        // The fewest lookups a kept word has: more than the word at the room's edge in the order of lookups has
        // (ties there are all dropped), and at least one.
        let hits = self.index.hits(self.hot.len());
        let mut most = hits.clone();
        // Only the count at the room's edge matters: select it (linear) rather than sort them all.
        let edge =
            (ROOM < most.len()).then(|| *most.select_nth_unstable_by(ROOM, |a, b| b.cmp(a)).1);
        let floor = edge.map_or(1, |h| h.saturating_add(1)).max(1);
        let mut next = 0u32;
        let new_index: Vec<u32> = hits
            .iter()
            .map(|&h| {
                if h >= floor {
                    next += 1;
                    next - 1
                } else {
                    u32::MAX
                }
            })
            .collect();
        let mut i = 0;
        self.words.retain(|_| {
            i += 1;
            new_index.get(i - 1).is_some_and(|&n| n != u32::MAX)
        });
        let mut i = 0;
        self.hot.retain(|_| {
            i += 1;
            new_index.get(i - 1).is_some_and(|&n| n != u32::MAX)
        });
        self.index.keep(&new_index, INDEX_SLOTS);
        // A sentence of many new words (a megabyte of distinct words without a sentence end) grows the cache far
        // past its limit: the room it took is given back rather than held by the thread for the rest of the batch.
        if self.words.capacity() > 2 * CACHE_LIMIT {
            self.words.shrink_to(CACHE_LIMIT);
            self.hot.shrink_to(CACHE_LIMIT);
        }
        // Entry indexes changed: sentences looked up before are looked up again.
        self.generation += 1;
    }

    /// Index of a word form's entry, making it on first sight: a new entry's weights come in with
    /// [`WordCache::sum_new`] (until then `words` is shorter than `hot`) and its form's features are pushed to
    /// `batch`, each with its row of sums ([`WORD_ROWS`] per new entry from `first_new` on), for
    /// [`WordCache::sum_new`]; its pieces' features are summed once per piece (see [`WordCache::piece`]).
    fn word(
        &mut self,
        w: &str,
        clusters: &Clusters,
        gaz: &Gazetteer,
        first_new: usize,
        batch: &mut Vec<(u64, u32)>,
    ) -> u32 {
        let key = word_key(w);
        if let Some(i) = self.index.hit(key) {
            // A new word's second occurrence in its sentence.
            return i;
        }
        let info = word_info(w, clusters, &mut self.buf);
        let i = self.hot.len() as u32;
        let row = (self.hot.len().saturating_sub(first_new) * WORD_ROWS) as u32;
        form_features(&info, |r, f| batch.push((f, row + r as u32)));
        let mut ids = [0u32; 5];
        for (id, p) in ids.iter_mut().zip(pieces(&info)) {
            *id = self.piece(p);
        }
        self.word_pieces.push(ids);
        self.hot.push(WordHot {
            token: Token::of(&info),
            first: first_probe(&info, gaz),
        });
        self.index.insert(key, i);
        i
    }

    /// Where a piece's rows start in `piece_rows`, making them on first sight: its features are pushed to
    /// `piece_batch` with their rows (counted from `rows_from`), for [`WordCache::sum_new`] to sum.
    #[inline]
    fn piece(&mut self, p: Piece) -> u32 {
        let slot = match p {
            Piece::Cluster {
                level,
                cluster,
                case,
            } => {
                let i = cluster_slot(level, cluster, case);
                match self.cluster_index.get(i) {
                    Some(&at) if at > 0 => return at - 1,
                    _ => Some(i),
                }
            }
            _ => match self.piece_index.get(piece_key(&p)) {
                Some(&at) => return at,
                None => None,
            },
        };
        self.new_piece(p, slot)
    }

    /// Makes a piece's rows (see [`WordCache::piece`]); `cluster`: its slot in `cluster_index` if a cluster.
    #[cold]
    #[inline(never)]
    fn new_piece(&mut self, p: Piece, cluster: Option<usize>) -> u32 {
        let rows = PIECE_ROWS.get(piece_kind(&p)).copied().unwrap_or(&[]);
        let at = self.piece_rows.len() as u32;
        let first = (at as usize).saturating_sub(self.rows_from) as u32;
        let batch = &mut self.piece_batch;
        piece_features(&p, |r, f| {
            if let Some(j) = rows.iter().position(|&x| x == r) {
                batch.push((f, first + j as u32));
            }
        });
        // Grown by steps, not doubled: the rows are emptied past their limit, and doubling at the limit would hold
        // twice the room for the rest of the thread.
        if self.piece_rows.capacity() < at as usize + rows.len() {
            self.piece_rows.reserve_exact(PIECE_ROW_LIMIT / 8);
        }
        self.piece_rows
            .resize(at as usize + rows.len(), [0; N_LABELS]);
        match cluster {
            Some(i) => {
                if self.cluster_index.len() <= i {
                    self.cluster_index.resize(i + 1, 0);
                }
                self.cluster_index[i] = at + 1;
            }
            None => *self.piece_index.entry(piece_key(&p)) = at,
        }
        at
    }

    /// Sums the weights of the entries made from `first_new` on (`words` has the entries before them), from their
    /// features in `batch`: all of a sentence's new words in one batch of independent lookups (see
    /// [`Model::add_batch`]), as their memory fetches from the large weight table then overlap. Their weights are
    /// written once, as they are pushed.
    fn sum_new(&mut self, model: &Model, first_new: usize, batch: &mut Vec<(u64, u32)>) {
        // The new pieces first: their sums go into their words'.
        if let Some(new) = self.piece_rows.get_mut(self.rows_from..) {
            if !new.is_empty() {
                model.add_batch(&mut self.piece_batch, &mut self.found, new);
            }
        }
        let new = self.hot.len().saturating_sub(first_new);
        if new > 0 && self.words.len() == first_new {
            let sums = &mut self.sums;
            sums.clear();
            sums.resize(new * WORD_ROWS, [0; N_LABELS]);
            model.add_batch(batch, &mut self.found, sums);
            let piece_rows = &self.piece_rows;
            const ZERO: [i32; N_LABELS] = [0; N_LABELS];
            let row = |at: usize| piece_rows.get(at).unwrap_or(&ZERO);
            self.words
                .extend(
                    sums.chunks_exact(WORD_ROWS)
                        .zip(&self.word_pieces)
                        .map(|(s, ids)| {
                            // The pieces in the order of `pieces`, their rows as `PIECE_ROWS` has them.
                            let mut w: [[i32; N_LABELS]; WORD_ROWS] = std::array::from_fn(|r| s[r]);
                            let [shape, coarse, fine, prefix, suffix] = ids.map(|i| i as usize);
                            for (r, acc) in w.iter_mut().enumerate() {
                                add_to(acc, row(shape + r));
                            }
                            for (r, acc) in w.iter_mut().take(5).enumerate() {
                                add_to(acc, row(coarse + r));
                                add_to(acc, row(fine + r));
                            }
                            add_to(&mut w[0], row(prefix));
                            add_to(&mut w[0], row(suffix));
                            add_to(&mut w[2], row(suffix + 1));
                            add_to(&mut w[3], row(suffix + 2));
                            let [own, n0, n1, n2, n3, after_o] = w;
                            WordWeights {
                                own,
                                after_o,
                                neighbour: [n0, n1, n2, n3],
                            }
                        }),
                );
        }
        // Nothing pending: the pieces may be emptied here when there are too many.
        self.word_pieces.clear();
        self.piece_batch.clear();
        if self.piece_rows.len() >= PIECE_ROW_LIMIT {
            self.piece_index.clear();
            self.cluster_index.clear();
            self.piece_rows.clear();
        }
        self.rows_from = self.piece_rows.len();
    }

    /// Fills `ids` and `infos` for a sentence (no gazetteer marks, no document case yet).
    fn sentence(
        &mut self,
        words: &[&str],
        model: &Model,
        clusters: &Clusters,
        gaz: &Gazetteer,
        ids: &mut Vec<u32>,
        infos: &mut Vec<Token>,
    ) {
        ids.clear();
        infos.clear();
        self.append_sentence(words, model, clusters, gaz, ids, infos);
    }

    /// [`WordCache::sentence`] appending to `ids` and `infos`.
    fn append_sentence(
        &mut self,
        words: &[&str],
        model: &Model,
        clusters: &Clusters,
        gaz: &Gazetteer,
        ids: &mut Vec<u32>,
        infos: &mut Vec<Token>,
    ) {
        // In separate loops (hash, find, copy) so that the memory fetches of one word do not wait for the
        // previous word's: the cache is larger than a core's own caches.
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        keys.extend(words.iter().map(|w| word_key(w)));
        let start = ids.len();
        ids.extend(keys.iter().map(|&k| self.index.hit(k).unwrap_or(u32::MAX)));
        let mut first_new = self.hot.len();
        let mut batch = std::mem::take(&mut self.batch);
        batch.clear();
        for (id, w) in ids.iter_mut().skip(start).zip(words) {
            if *id == u32::MAX {
                *id = self.word(w, clusters, gaz, first_new, &mut batch);
                // A very long sentence of new words is summed in parts, so the buffers stay small.
                if batch.len() >= 1 << 14 {
                    self.sum_new(model, first_new, &mut batch);
                    batch.clear();
                    first_new = self.hot.len();
                }
            }
        }
        self.sum_new(model, first_new, &mut batch);
        self.batch = batch;
        // Kept for the next sentence, unless a very long one grew it: the cache lives as long as its thread.
        if keys.capacity() <= KEEP_TOKENS {
            self.keys = keys;
        }
        let new = ids.get(start..).unwrap_or(&[]);
        infos.extend(new.iter().map(|&i| self.hot[i as usize].token));
    }
}

thread_local! {
    static CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
    /// Buffers of [`Model::tag_document`], kept between documents so that they do not grow afresh each time.
    static DOCUMENT: std::cell::RefCell<DocumentScratch> = std::cell::RefCell::new(DocumentScratch::default());
}

/// What tagging a document needs besides the word cache: reused from one document to the next.
#[derive(Default)]
struct DocumentScratch {
    history: History,
    scratch: Scratch,
    all_ids: Vec<u32>,
    /// The document's tokens, as pass one got them from the cache.
    all_infos: Vec<Token>,
    generations: Vec<u64>,
    /// One sentence's labels.
    labels: Vec<u8>,
}

impl DocumentScratch {
    /// Frees the buffers a very long document grew: kept per thread, they would otherwise hold tens of megabytes
    /// (a 1.7 MB text's token infos take 37 MB) through the rest of the batch and its JSON writing.
    fn release_if_large(&mut self) {
        fn trim<T>(v: &mut Vec<T>) {
            if v.capacity() > KEEP_TOKENS {
                *v = Vec::new();
            }
        }
        trim(&mut self.all_ids);
        trim(&mut self.all_infos);
        trim(&mut self.generations);
        trim(&mut self.labels);
        let s = &mut self.scratch;
        trim(&mut s.infos);
        trim(&mut s.ids);
        trim(&mut s.feats);
        trim(&mut s.firsts);
        trim(&mut s.fixed);
        trim(&mut s.hashed);
        trim(&mut s.found);
        trim(&mut s.skip);
    }
}

/// Most tokens' worth of each buffer kept between documents (a long news article has a few thousand).
const KEEP_TOKENS: usize = 1 << 16;

/// Most tokens of a sentence scored at once (see [`Model::tag_infos`]): far more than a real sentence has.
const BLOCK: usize = 1 << 12;

/// A sentence being tagged: its words, their entries in the word cache and the gazetteer and clusters the cache
/// was filled with.
#[derive(Clone, Copy)]
struct Sentence<'a> {
    words: &'a [&'a str],
    ids: &'a [u32],
    gaz: &'a Gazetteer,
    clusters: &'a Clusters,
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct Scratch {
    infos: Vec<Token>,
    ids: Vec<u32>,
    feats: Vec<u64>,
    firsts: Vec<Option<(Entry, bool)>>,
    /// Per token: the summed weights that do not depend on predicted labels.
    fixed: Vec<[i32; N_LABELS]>,
    /// Hashed features with their token, and the weight rows found for them.
    hashed: Vec<(u64, u32)>,
    found: Vec<(u32, u32)>,
    /// Per token: whether it is scored only if it may continue an entity (see [`may_skip`]).
    skip: Vec<bool>,
}

impl Model {
    /// Tags one sentence greedily, left to right, continuing the document's `history`.
    pub fn tag_sentence(
        &self,
        words: &[&str],
        gaz: &Gazetteer,
        clusters: &Clusters,
        history: &mut History,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        CACHE.with(|c| {
            let mut cache = c.borrow_mut();
            self.tag_with_cache(
                words, gaz, clusters, history, scratch, &mut cache, false, out,
            )
        });
    }

    /// Notes the case of a sentence's words in `history` (the document pass before tagging), through the
    /// same per-thread cache as tagging.
    pub fn observe_sentence(
        &self,
        words: &[&str],
        clusters: &Clusters,
        history: &mut History,
        scratch: &mut Scratch,
    ) {
        CACHE.with(|c| {
            let mut cache = c.borrow_mut();
            cache.own_by(self, clusters, &GAZETTEER);
            cache.sentence(
                words,
                self,
                clusters,
                &GAZETTEER,
                &mut scratch.ids,
                &mut scratch.infos,
            );
        });
        history.observe_case(&scratch.infos);
    }

    /// Adds the weights of [`position_features`] of token `i` that come from the dense tables and the shape pairs'
    /// rows to `acc`, except the bias (decoding adds it with the label weights), and pushes the hashed ones, with
    /// the token's index, to `hashed` (for [`Model::add_batch`]). `left` and `right`: the token's left and right
    /// word pairs (each pair is the right pair of one token and the left pair of the next: hashed once).
    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn add_position(
        &self,
        infos: &[Token],
        i: usize,
        headline: bool,
        left: Pair,
        right: Pair,
        pairs: &PairRows,
        acc: &mut [i32; N_LABELS],
        hashed: &mut Vec<(u64, u32)>,
    ) {
        let d = &self.dense;
        let t = &infos[i];
        let l = i.checked_sub(1).map(|j| &infos[j]);
        let r = infos.get(i + 1);
        let at = i as u32;
        add_to(acc, pairs.row(left.2, 0));
        add_to(acc, pairs.row(right.2, 1));
        hashed.push((f(T_BIGRAML, left.1), at));
        hashed.push((f(T_BIGRAMR, right.1), at));
        let mut g = t.gaz;
        while g != 0 {
            let b = g.trailing_zeros() as usize;
            add_to(acc, &d.gaz[b * 5 + t.case as usize]);
            g &= g - 1;
        }
        if let Some(x) = l {
            let mut g = x.gaz;
            while g != 0 {
                add_to(acc, &d.gaz_left[g.trailing_zeros() as usize]);
                g &= g - 1;
            }
        }
        if let Some(x) = r {
            let mut g = x.gaz;
            while g != 0 {
                add_to(acc, &d.gaz_right[g.trailing_zeros() as usize]);
                g &= g - 1;
            }
        }
        if i == 0 {
            hashed.push((f(T_START, mix(t.case as u64, t.lower)), at));
            add_to(acc, &d.start[t.case as usize]);
        }
        if headline {
            add_to(acc, &d.headline);
        }
        if t.alpha {
            let dc = (t.doc_case as usize % 5) * 5 + t.case as usize;
            add_to(acc, &d.doc_case[dc * 2 + (i == 0) as usize]);
            if headline || i == 0 {
                hashed.push((f(T_DOC_CASE_LOWER, mix(t.doc_case as u64, t.lower)), at));
            }
        }
    }

    /// Adds the weights of many hashed features, each to its token's row of `accs`, in three passes (presence
    /// bits, slots, weight rows) of independent lookups: the table is far larger than a core's caches, and
    /// lookups that do not wait for each other overlap their memory fetches.
    fn add_batch(
        &self,
        feats: &mut Vec<(u64, u32)>,
        found: &mut Vec<(u32, u32)>,
        accs: &mut [[i32; N_LABELS]],
    ) {
        feats.retain(|&(feat, _)| {
            let b = present_bit(key32(feat));
            matches!(self.present.get(b / 64), Some(w) if w & (1 << (b % 64)) != 0)
        });
        found.clear();
        for &(feat, at) in feats.iter() {
            let k = key32(feat);
            let mut i = slot_of(k, self.mask);
            loop {
                let (key, row) = self.slot(i);
                if key == k {
                    found.push((row, at));
                    break;
                }
                if key == 0 {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        for &(row, at) in found.iter() {
            let o = self.rows_at + row as usize * ROW;
            if let (Some(r), Some(acc)) = (self.table.get(o..o + ROW), accs.get_mut(at as usize)) {
                add_row(acc, r);
            }
        }
    }

    /// Summed weights of some features.
    fn sum(&self, feats: &[u64]) -> [i32; N_LABELS] {
        let mut acc = [0i32; N_LABELS];
        for &f in feats {
            self.add(f, &mut acc);
        }
        acc
    }

    #[allow(clippy::too_many_arguments)]
    fn tag_with_cache(
        &self,
        words: &[&str],
        gaz: &Gazetteer,
        clusters: &Clusters,
        history: &mut History,
        scratch: &mut Scratch,
        cache: &mut WordCache,
        cased: bool,
        out: &mut Vec<u8>,
    ) {
        cache.own_by(self, clusters, gaz);
        let mut infos = std::mem::take(&mut scratch.infos);
        let mut ids = std::mem::take(&mut scratch.ids);
        cache.sentence(words, self, clusters, gaz, &mut ids, &mut infos);
        let sentence = Sentence {
            words,
            ids: &ids,
            gaz,
            clusters,
        };
        self.tag_infos(&mut infos, sentence, history, scratch, cache, cased, out);
        scratch.infos = infos;
        scratch.ids = ids;
    }

    /// Tags one sentence given its tokens' infos as the cache has them (no gazetteer marks, no document case
    /// yet: both are filled here) and its words with their cache entries.
    #[allow(clippy::too_many_arguments)]
    fn tag_infos(
        &self,
        infos: &mut [Token],
        sentence: Sentence,
        history: &mut History,
        scratch: &mut Scratch,
        cache: &mut WordCache,
        cased: bool,
        out: &mut Vec<u8>,
    ) {
        out.clear();
        let Sentence {
            words,
            ids,
            gaz,
            clusters,
        } = sentence;
        let Scratch {
            feats,
            firsts,
            fixed,
            hashed,
            found,
            skip,
            ..
        } = scratch;
        firsts.clear();
        firsts.extend(ids.iter().map(|&i| cache.hot[i as usize].first));
        mark_gazetteer_from(infos, gaz, firsts);
        let headline = is_headline(infos);
        let n = infos.len();
        // Only in text written in mixed case (the document, `cased`, and the sentence): in lower-case text names
        // are lower-case words after lower-case words.
        let skipping = cased
            && !headline
            && infos
                .iter()
                .any(|t| matches!(t.case, Case::Title | Case::Upper | Case::Mixed));
        skip.clear();
        skip.extend(infos.iter().map(|t| skipping && may_skip(t)));
        // The weights that do not depend on predicted labels first, for the whole sentence, in loops of
        // independent memory fetches (the decoder below is a chain of dependent steps that cannot overlap
        // them). Word-pair weights are mostly rare and far out in memory. A skipped token's sums are computed
        // afresh if decoding scores it: nothing is summed for it here.
        // Only scored tokens' rows are read (a skipped token's is computed afresh if decoding scores it): only
        // theirs are zeroed.
        // A very long sentence (text without sentence ends, e.g. a megabyte of dots) is scored and decoded in
        // blocks of tokens, so that its rows of sums and hashed features stay bounded: each token's sums read only
        // its own window of tokens and decoding is greedy, so the labels are those of one pass over the sentence.
        if fixed.len() < n.min(BLOCK) {
            fixed.resize(n.min(BLOCK), [0; N_LABELS]);
        }
        let allowed_after = &*ALLOWED;
        let (mut p1, mut p2) = (0u8, 0u8);
        let mut start = 0;
        while start < n {
            let end = n.min(start + BLOCK);
            let fixed = &mut fixed[..end - start];
            hashed.clear();
            cache.pairs.trim();
            // The right word pair of a scored token is the left pair of the next: hashed once when both are
            // scored.
            let mut carried: Option<Pair> = None;
            for i in start..end {
                if skip[i] {
                    carried = None;
                    continue;
                }
                fixed[i - start] = [0; N_LABELS];
                // The document case is read only for scored tokens.
                history.apply_case_to(&mut infos[i]);
                let pairs = &mut cache.pairs;
                let left = carried.unwrap_or_else(|| {
                    self.pair(
                        pairs,
                        i.checked_sub(1).and_then(|j| infos.get(j)),
                        infos.get(i),
                    )
                });
                let right = self.pair(pairs, infos.get(i), infos.get(i + 1));
                self.add_position(
                    infos,
                    i,
                    headline,
                    left,
                    right,
                    pairs,
                    &mut fixed[i - start],
                    hashed,
                );
                carried = Some(right);
            }
            if start > 0 {
                // Hashed features name their token's row: rows are counted from the block's start.
                for h in hashed.iter_mut() {
                    h.1 -= start as u32;
                }
            }
            self.add_batch(hashed, found, fixed);
            if headline {
                // Headlines in capitals drop the exact-form features: rare enough to compute afresh, from the
                // words' full infos (the same as the cache's entries were made from), for the block's tokens and
                // their windows.
                let mut buf = WordBuf::default();
                let from = start.saturating_sub(2);
                let full: Vec<TokenInfo> = words
                    .get(from..n.min(end + 2))
                    .unwrap_or(&[])
                    .iter()
                    .map(|w| word_info(w, clusters, &mut buf))
                    .collect();
                let info = |j: usize| j.checked_sub(from).and_then(|j| full.get(j));
                for (i, acc) in (start..end).zip(fixed.iter_mut()) {
                    feats.clear();
                    if let Some(t) = info(i) {
                        own_features(t, true, feats);
                    }
                    for o in WINDOW {
                        let j = i as isize + o;
                        let x = (j >= 0 && (j as usize) < n)
                            .then(|| info(j as usize))
                            .flatten();
                        neighbour_features(x, o, true, feats);
                    }
                    for &f in feats.iter() {
                        self.add(f, acc);
                    }
                }
            } else {
                for i in start..end {
                    if !skip[i] {
                        add_words(&mut fixed[i - start], ids, cache, i);
                    }
                }
            }
            for i in start..end {
                if skip[i] {
                    if label_pos(p1) >= 2 {
                        // Nothing open: the token is outside any name.
                        out.push(0);
                        p2 = p1;
                        p1 = 0;
                        continue;
                    }
                    if let Some(t) = infos.get_mut(i) {
                        history.apply_case_to(t);
                    }
                    fixed[i - start] = self.token_fixed(infos, ids, cache, i);
                }
                let mut acc = fixed[i - start];
                let t = &infos[i];
                let hist = history.get(t);
                let d = &self.dense;
                add_to(
                    &mut acc,
                    &d.labels[(p1 as usize % N_LABELS) * N_LABELS + p2 as usize % N_LABELS],
                );
                add_to(
                    &mut acc,
                    &d.history[(hist as usize % 5) * 5 + t.case as usize],
                );
                if p1 == 0 {
                    add_to(&mut acc, &cache.words[ids[i] as usize].after_o);
                } else {
                    let [lower, shape] = previous_label_features(p1, t.lower, t.shape);
                    self.add(lower, &mut acc);
                    self.add(shape, &mut acc);
                }
                let last = i + 1 == n;
                let best = best_label(&acc, &allowed_after[p1 as usize % N_LABELS][last as usize]);
                out.push(best);
                p2 = p1;
                p1 = best;
            }
            start = end;
        }
        for (t, &l) in infos.iter().zip(out.iter()) {
            history.record(t, l);
        }
    }
}

/// Adds the cached weights of the words in token `i`'s window (not a headline in capitals) to `acc`: the token's
/// own form and each neighbour's form at its offset (padding past the sentence edges).
#[inline]
fn add_words(sum: &mut [i32; N_LABELS], ids: &[u32], cache: &WordCache, i: usize) {
    let entry = |j: Option<usize>| {
        j.and_then(|j| ids.get(j))
            .and_then(|&id| cache.words.get(id as usize))
    };
    // The rows are chosen first and then added in a local array, which the compiler keeps in vector registers.
    let [p0, p1, p2, p3] = &cache.pad;
    let rows = [
        entry(i.checked_sub(2)).map_or(p0, |w| &w.neighbour[0]),
        entry(i.checked_sub(1)).map_or(p1, |w| &w.neighbour[1]),
        entry(i.checked_add(1)).map_or(p2, |w| &w.neighbour[2]),
        entry(i.checked_add(2)).map_or(p3, |w| &w.neighbour[3]),
    ];
    let mut acc = *sum;
    if let Some(w) = entry(Some(i)) {
        add_to(&mut acc, &w.own);
    }
    for r in rows {
        add_to(&mut acc, r);
    }
    *sum = acc;
}

/// Whether a token is a lower-case word or has no letters: in text written in mixed case such a token starts
/// no name, so decoding scores it only when a name is open before it.
#[inline]
fn may_skip(t: &Token) -> bool {
    matches!(t.case, Case::None | Case::Lower)
}

impl Model {
    /// The label-independent weights of token `i` of a sentence that is not a headline in capitals, computed on
    /// their own (for a token that [`may_skip`] left out of the sentence's batch).
    fn token_fixed(
        &self,
        infos: &[Token],
        ids: &[u32],
        cache: &mut WordCache,
        i: usize,
    ) -> [i32; N_LABELS] {
        let mut acc = [[0i32; N_LABELS]];
        let pairs = &mut cache.pairs;
        let left = self.pair(
            pairs,
            i.checked_sub(1).and_then(|j| infos.get(j)),
            infos.get(i),
        );
        let right = self.pair(pairs, infos.get(i), infos.get(i + 1));
        let (mut hashed, mut found) = (Vec::new(), Vec::new());
        self.add_position(
            infos,
            i,
            false,
            left,
            right,
            pairs,
            &mut acc[0],
            &mut hashed,
        );
        for h in hashed.iter_mut() {
            h.1 = 0;
        }
        self.add_batch(&mut hashed, &mut found, &mut acc);
        let [mut acc] = acc;
        add_words(&mut acc, ids, cache, i);
        acc
    }

    /// The word pair of two neighbouring tokens (`None` past the sentence edge), with its shape pair's rows.
    #[inline]
    fn pair(&self, pairs: &mut PairRows, l: Option<&Token>, r: Option<&Token>) -> Pair {
        let (shape, lower) = pair_hashes(l, r);
        (shape, lower, pairs.of(self, shape))
    }
}

/// The shape pair and the lowercase pair of two neighbouring tokens (`None` past the sentence edge), as the
/// word-pair features of [`position_features`] combine them.
#[inline]
fn pair_hashes(l: Option<&Token>, r: Option<&Token>) -> (u64, u64) {
    (
        mix(l.map_or(PAD, |x| x.shape), r.map_or(PAD, |x| x.shape)),
        mix(l.map_or(PAD, |x| x.lower), r.map_or(PAD, |x| x.lower)),
    )
}

/// The embedded model, loaded once.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_static(include_bytes!("../../data/ner/model.bin")).unwrap_or_else(Model::empty)
});

/// Tags a document given as sentences of tokens with the embedded model: BILOU labels per token.
pub fn tag_document(sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
    MODEL.tag_document(sentences, &GAZETTEER, &CLUSTERS)
}

impl Model {
    /// Tags a document: a first pass notes how each word is usually written, then each sentence is tagged
    /// in order, continuing the document's history. Each word form is looked up once for both passes.
    pub fn tag_document(
        &self,
        sentences: &[Vec<&str>],
        gaz: &Gazetteer,
        clusters: &Clusters,
    ) -> Vec<Vec<u8>> {
        let words: Vec<&str> = sentences.iter().flatten().copied().collect();
        let mut ranges = Vec::with_capacity(sentences.len());
        let mut start = 0;
        for s in sentences {
            ranges.push(start..start + s.len());
            start += s.len();
        }
        let mut labels = Vec::with_capacity(words.len());
        self.tag_words(&words, &ranges, gaz, clusters, &mut labels);
        ranges
            .into_iter()
            .map(|r| labels.get(r).unwrap_or(&[]).to_vec())
            .collect()
    }

    /// [`Model::tag_document`] for a document given as its words and its sentences' ranges of them (in order,
    /// not overlapping): one label per word in `out` (words outside every sentence get O).
    pub fn tag_words(
        &self,
        words: &[&str],
        sentences: &[Range<usize>],
        gaz: &Gazetteer,
        clusters: &Clusters,
        out: &mut Vec<u8>,
    ) {
        out.clear();
        out.resize(words.len(), 0);
        let sentence = |r: &Range<usize>| words.get(r.clone()).unwrap_or(&[]);
        CACHE.with(|c| {
            DOCUMENT.with(|d| {
                let mut cache = c.borrow_mut();
                let mut d = d.borrow_mut();
                let DocumentScratch {
                    history,
                    scratch,
                    all_ids,
                    all_infos,
                    generations,
                    labels,
                } = &mut *d;
                history.clear();
                all_ids.clear();
                all_infos.clear();
                generations.clear();
                // Sized once: doubling would hold half as much again while the last copy is made.
                all_ids.reserve(words.len());
                all_infos.reserve(words.len());
                // Words after the first of a sentence: with letters, and capitalised.
                let (mut alpha, mut title) = (0usize, 0usize);
                for r in sentences {
                    let s = sentence(r);
                    cache.own_by(self, clusters, gaz);
                    let start = all_infos.len();
                    cache.append_sentence(s, self, clusters, gaz, all_ids, all_infos);
                    let infos = all_infos.get(start..).unwrap_or(&[]);
                    history.observe_case(infos);
                    for t in infos.iter().skip(1) {
                        alpha += t.alpha as usize;
                        title += (t.case == Case::Title) as usize;
                    }
                    generations.push(cache.generation);
                }
                // Text in mixed case: at least one word in 20 after the sentence starts is capitalised (news
                // has several times that; text in lower case none).
                let cased = title * 20 >= alpha && title > 0;
                let mut offset = 0;
                for (r, &generation) in sentences.iter().zip(generations.iter()) {
                    let s = sentence(r);
                    let at = offset..offset + s.len();
                    offset += s.len();
                    cache.own_by(self, clusters, gaz);
                    // A word's infos do not depend on the cache, but its entry index does: after the cache was
                    // emptied, the sentence's words are looked up again.
                    let mut ids = std::mem::take(&mut scratch.ids);
                    match all_ids.get(at.clone()) {
                        Some(known) if generation == cache.generation => {
                            ids.clear();
                            ids.extend_from_slice(known);
                        }
                        _ => cache.sentence(s, self, clusters, gaz, &mut ids, &mut scratch.infos),
                    }
                    labels.clear();
                    if let Some(infos) = all_infos.get_mut(at) {
                        if infos.len() == ids.len() {
                            let sentence = Sentence {
                                words: s,
                                ids: &ids,
                                gaz,
                                clusters,
                            };
                            self.tag_infos(
                                infos, sentence, history, scratch, &mut cache, cased, labels,
                            );
                        }
                    }
                    scratch.ids = ids;
                    if let Some(o) = out.get_mut(r.clone()) {
                        if o.len() == labels.len() {
                            o.copy_from_slice(labels);
                        }
                    }
                }
                // A document that filled the cache makes room now rather than when the next one starts, so that a
                // cache grown by a long sentence is not held under the next document's token lists (the same
                // call the next document's first sentence would make: the labels are unchanged).
                cache.own_by(self, clusters, gaz);
                d.release_if_large();
            })
        })
    }
}

/// Tags a document given as its words and its sentences' ranges of them with the embedded model: one BILOU
/// label per word (see [`Model::tag_words`]).
pub fn tag_words(words: &[&str], sentences: &[Range<usize>], out: &mut Vec<u8>) {
    MODEL.tag_words(words, sentences, &GAZETTEER, &CLUSTERS, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::dynamic_features;

    /// The masked maximum picks what comparing the allowed labels one by one picks: the first allowed label of the
    /// highest score, O when every allowed label scores `i32::MIN`; ties and extreme scores included.
    #[test]
    fn best_label_is_the_first_allowed_maximum() {
        let one_by_one = |acc: &[i32; N_LABELS], prev: u8, last: bool| {
            let (mut best, mut best_score) = (0u8, i32::MIN);
            for l in (0..N_LABELS as u8).filter(|&l| allowed(prev, l, last)) {
                if acc[l as usize] > best_score {
                    best = l;
                    best_score = acc[l as usize];
                }
            }
            best
        };
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for round in 0..4000 {
            let mut acc = [0i32; N_LABELS];
            for a in acc.iter_mut() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *a = match round % 4 {
                    0 => (x % 5) as i32 - 2,
                    1 => x as i32,
                    2 => [i32::MIN, i32::MAX, 0, -1][(x % 4) as usize],
                    _ => i32::MIN,
                };
            }
            for prev in 0..N_LABELS as u8 {
                for last in [false, true] {
                    assert_eq!(
                        best_label(&acc, &ALLOWED[prev as usize][last as usize]),
                        one_by_one(&acc, prev, last),
                        "{acc:?} after {prev}, last {last}"
                    );
                }
            }
        }
    }

    #[test]
    fn bilou_spans_and_constraints() {
        // B-PER L-PER O U-LOC
        let labels = [1, 3, 0, 12];
        assert_eq!(spans(&labels), vec![(0..2, 0), (3..4, 2)]);
        // B-ORG I-ORG L-ORG
        assert_eq!(spans(&[5, 6, 7]), vec![(0..3, 1)]);
        assert!(allowed(0, 1, false));
        assert!(!allowed(0, 1, true), "B cannot end a sentence");
        assert!(!allowed(1, 0, false), "an open entity must close");
        assert!(allowed(1, 3, true));
        assert!(!allowed(1, 7, false), "L-ORG cannot close B-PER");
    }

    /// The dense tables and the per-word cache are only a faster way to the same sums: check them against
    /// the plain feature lists on real sentences, headlines and sentence edges included.
    #[test]
    fn fast_scores_equal_plain_feature_sums() {
        use crate::entities::features::{position_features, sentence_infos, static_features};
        let sentences: [&[&str]; 4] = [
            &[
                "Kremlin",
                "spokesman",
                "Dmitry",
                "Peskov",
                "told",
                "reporters",
                "in",
                "Moscow",
                ".",
            ],
            &["RUSSIA", "PULLS", "TROOPS", "FROM", "UKRAINE", "BORDER"],
            &[
                "The", "New", "York", "Times", "reported", "it", "on", "Tuesday", "(", "15", ")",
            ],
            &["Buenos", "Aires"],
        ];
        let m = &*MODEL;
        let mut history = History::default();
        let mut pairs = PairRows::default();
        for words in sentences {
            let mut infos = Vec::new();
            sentence_infos(words, &GAZETTEER, &CLUSTERS, &mut infos);
            history.apply_case(&mut infos);
            let headline = is_headline(&infos);
            let tokens: Vec<Token> = infos.iter().map(Token::of).collect();
            for (i, word) in words.iter().enumerate() {
                let mut feats = Vec::new();
                position_features(&infos, i, headline, &mut feats);
                let mut fast = [[0i32; N_LABELS]];
                let (mut hashed, mut found) = (Vec::new(), Vec::new());
                let left = m.pair(
                    &mut pairs,
                    i.checked_sub(1).map(|j| &tokens[j]),
                    tokens.get(i),
                );
                let right = m.pair(&mut pairs, tokens.get(i), tokens.get(i + 1));
                m.add_position(
                    &tokens,
                    i,
                    headline,
                    left,
                    right,
                    &pairs,
                    &mut fast[0],
                    &mut hashed,
                );
                for h in hashed.iter_mut() {
                    h.1 = 0;
                }
                m.add_batch(&mut hashed, &mut found, &mut fast);
                m.add(f(T_BIAS, 0), &mut fast[0]);
                let fast = fast[0];
                assert_eq!(m.sum(&feats), fast, "position features of {word}");
                feats.clear();
                static_features(&infos, i, headline, &mut feats);
                assert!(!feats.is_empty());
            }
            // Tagging through the cache gives the labels of the plain greedy decoder.
            let mut scratch = Scratch::default();
            let mut out = Vec::new();
            let mut h1 = History::default();
            m.tag_sentence(
                words,
                &GAZETTEER,
                &CLUSTERS,
                &mut h1,
                &mut scratch,
                &mut out,
            );
            let (mut p1, mut p2) = (0u8, 0u8);
            let mut h2 = History::default();
            let mut plain = Vec::new();
            for i in 0..infos.len() {
                let mut feats = Vec::new();
                static_features(&infos, i, headline, &mut feats);
                let mut dynf = [0u64; 6];
                dynamic_features(&infos[i], p1, p2, h2.get(&infos[i]), &mut dynf);
                feats.extend_from_slice(&dynf);
                let acc = m.sum(&feats);
                let last = i + 1 == infos.len();
                let best = (0..N_LABELS as u8)
                    .filter(|&l| allowed(p1, l, last))
                    .max_by_key(|&l| (acc[l as usize], std::cmp::Reverse(l)))
                    .unwrap_or(0);
                plain.push(best);
                p2 = p1;
                p1 = best;
            }
            for (t, &l) in infos.iter().zip(plain.iter()) {
                h2.record(t, l);
            }
            assert_eq!(out, plain, "labels of {words:?}");
            history = h2;
        }
        let _ = history;
    }

    /// Tagging a document leaves lower-case words and tokens without letters unscored unless a name is open
    /// before them: on news text it gives the labels of scoring every token, names with lower-case words in them
    /// included (their tokens are scored on their own).
    #[test]
    fn skipping_unscored_tokens_keeps_the_labels_of_full_scoring() {
        let doc: Vec<Vec<&str>> = [
            "Kremlin spokesman Dmitry Peskov told reporters in Moscow that the Bank of England had not called .",
            "The head of the European Commission , Ursula von der Leyen , met Luigi di Maio in Rome on Tuesday .",
            "Prices rose by 3.5 % in March , the Office for National Statistics said .",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        let fast = tag_document(&doc);
        let m = &*MODEL;
        let mut history = History::default();
        let mut scratch = Scratch::default();
        for s in &doc {
            m.observe_sentence(s, &CLUSTERS, &mut history, &mut scratch);
        }
        let full: Vec<Vec<u8>> = doc
            .iter()
            .map(|s| {
                let mut out = Vec::new();
                m.tag_sentence(
                    s,
                    &GAZETTEER,
                    &CLUSTERS,
                    &mut history,
                    &mut scratch,
                    &mut out,
                );
                out
            })
            .collect();
        assert_eq!(fast, full);
        let names: Vec<String> = doc
            .iter()
            .zip(&fast)
            .flat_map(|(s, ls)| spans(ls).into_iter().map(move |(r, _)| s[r].join(" ")))
            .collect();
        for name in [
            "Bank of England",
            "Ursula von der Leyen",
            "Office for National Statistics",
        ] {
            assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        }
    }

    #[test]
    fn a_full_cache_keeps_the_words_looked_up_again_with_their_weights() {
        let (model, clusters, gaz) = (&*MODEL, &*CLUSTERS, &*GAZETTEER);
        let mut cache = WordCache::default();
        cache.own_by(model, clusters, gaz);
        let words = ["the", "Kremlin", "said", "the", "Putin", "the", "said"];
        let (mut ids, mut infos) = (Vec::new(), Vec::new());
        cache.sentence(&words, model, clusters, gaz, &mut ids, &mut infos);
        let entry = |cache: &WordCache, w: &str| {
            let i = cache.index.get(word_key(w)).expect("cached") as usize;
            (
                cache.hot[i].token.lower,
                cache.words[i].own,
                cache.words[i].after_o,
            )
        };
        let (the, said) = (entry(&cache, "the"), entry(&cache, "said"));
        let generation = cache.generation;
        cache.keep_frequent();
        // Sentences looked up before must be looked up again: entry indexes moved.
        assert!(cache.generation > generation);
        assert_eq!(cache.words.len(), 2);
        assert_eq!(cache.index.hits(cache.hot.len()), vec![0, 0]);
        assert_eq!(entry(&cache, "the"), the);
        assert_eq!(entry(&cache, "said"), said);
        assert!(cache.index.get(word_key("Kremlin")).is_none());
        // A dropped word comes back with the same weights.
        let kremlin = {
            let mut fresh = WordCache::default();
            fresh.own_by(model, clusters, gaz);
            fresh.sentence(&["Kremlin"], model, clusters, gaz, &mut ids, &mut infos);
            entry(&fresh, "Kremlin")
        };
        cache.sentence(&["Kremlin"], model, clusters, gaz, &mut ids, &mut infos);
        assert_eq!(entry(&cache, "Kremlin"), kremlin);
    }

    /// A cached word's rows are the summed weights of its plain features, as made from its pieces' rows and its
    /// form's features, for words that share pieces and words that bring new ones.
    #[test]
    fn cached_word_rows_are_the_plain_feature_sums() {
        let (m, clusters, gaz) = (&*MODEL, &*CLUSTERS, &*GAZETTEER);
        let mut cache = WordCache::default();
        cache.own_by(m, clusters, gaz);
        let words = [
            "Kremlin", "kremlin", "Peskov", "said", "says", "NATO", "3.5", "iPhone", "Zürich", "a",
            ",", "Kyiv", "Kyivan",
        ];
        let (mut ids, mut infos) = (Vec::new(), Vec::new());
        for chunk in words.chunks(4) {
            cache.sentence(chunk, m, clusters, gaz, &mut ids, &mut infos);
        }
        let mut buf = WordBuf::default();
        for w in words {
            let t = word_info(w, clusters, &mut buf);
            let entry = &cache.words[cache.index.get(word_key(w)).expect("cached") as usize];
            let mut feats = Vec::new();
            own_features(&t, false, &mut feats);
            assert_eq!(entry.own, m.sum(&feats), "{w}");
            for (k, o) in WINDOW.into_iter().enumerate() {
                feats.clear();
                neighbour_features(Some(&t), o, false, &mut feats);
                assert_eq!(entry.neighbour[k], m.sum(&feats), "{w} at {o}");
            }
            let mut dynf = [0u64; 6];
            dynamic_features(&t, 0, 0, 0, &mut dynf);
            assert_eq!(entry.after_o, m.sum(&dynf[2..4]), "{w}");
        }
    }

    /// Words whose piece sums were emptied (more pieces than the limit) get the sums of a fresh cache.
    #[test]
    fn word_sums_survive_emptied_piece_sums() {
        let (model, clusters, gaz) = (&*MODEL, &*CLUSTERS, &*GAZETTEER);
        // Words of many shapes: every run of up to eight of four character classes, no class twice in a row.
        let mut words: Vec<String> = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..8 {
            let mut longer = Vec::new();
            for w in &words {
                for c in ['a', 'B', '7', '-'] {
                    if !w.ends_with(c) {
                        longer.push(format!("{w}{c}"));
                    }
                }
            }
            all.extend(longer.iter().cloned());
            words = longer;
        }
        let mut cache = WordCache::default();
        cache.own_by(model, clusters, gaz);
        let (mut ids, mut infos) = (Vec::new(), Vec::new());
        for chunk in all.chunks(50) {
            let chunk: Vec<&str> = chunk.iter().map(String::as_str).collect();
            cache.sentence(&chunk, model, clusters, gaz, &mut ids, &mut infos);
        }
        // More rows of pieces went in than the limit: the sums were emptied on the way.
        let mut buf = WordBuf::default();
        let distinct: std::collections::HashSet<Piece> = all
            .iter()
            .flat_map(|w| pieces(&word_info(w, clusters, &mut buf)))
            .collect();
        let rows_in: usize = distinct
            .iter()
            .map(|p| PIECE_ROWS[piece_kind(p)].len())
            .sum();
        assert!(rows_in > PIECE_ROW_LIMIT, "{rows_in}");
        assert!(cache.piece_rows.len() < rows_in - PIECE_ROW_LIMIT / 2);
        for w in ["Kremlin", all[0].as_str(), all[all.len() - 1].as_str()] {
            let mut fresh = WordCache::default();
            fresh.own_by(model, clusters, gaz);
            fresh.sentence(&[w], model, clusters, gaz, &mut ids, &mut infos);
            cache.sentence(&[w], model, clusters, gaz, &mut ids, &mut infos);
            let sums = |c: &WordCache| {
                let i = c.index.get(word_key(w)).expect("cached") as usize;
                (c.words[i].own, c.words[i].neighbour, c.words[i].after_o)
            };
            assert_eq!(sums(&cache), sums(&fresh), "{w}");
        }
    }

    #[test]
    fn a_sentence_longer_than_a_block_is_tagged_as_in_one_pass() {
        // Ten words to a unit: the first block boundary falls inside a name. Every unit after the first has the
        // same window and the same previous labels, so in one pass over the sentence each gets the same labels.
        let unit = [
            "the", "Nordic", "Steel", "Group", "hired", "Anna", "Berg", "of", "Oslo", ",",
        ];
        let n = unit.len();
        let words: Vec<&str> = unit
            .iter()
            .copied()
            .cycle()
            .take(n * (2 * BLOCK / n + 3))
            .collect();
        assert!(words.len() > 2 * BLOCK);
        let mut labels = Vec::new();
        tag_words(&words, std::slice::from_ref(&(0..words.len())), &mut labels);
        let second = labels[n..2 * n].to_vec();
        assert!(second.iter().any(|&l| l != 0), "{second:?}");
        // The last unit ends the sentence (no name may stay open there): left out.
        let units = words.len() / n;
        for k in 1..units - 1 {
            assert_eq!(labels[k * n..(k + 1) * n], second[..], "unit {k}");
        }
    }

    /// The shape pairs' rows are the weights of their two features, also after a trim emptied them.
    #[test]
    fn shape_pair_rows_are_the_pair_features_weights() {
        let m = &*MODEL;
        let mut pairs = PairRows::default();
        let tokens: Vec<Token> = ["Kremlin", "spokesman", "said", "3.5", "NATO"]
            .iter()
            .map(|w| Token::of(&word_info(w, &CLUSTERS, &mut WordBuf::default())))
            .collect();
        let check = |pairs: &mut PairRows| {
            for i in 0..=tokens.len() {
                let (l, r) = (i.checked_sub(1).map(|j| &tokens[j]), tokens.get(i));
                let (shape, _, at) = m.pair(pairs, l, r);
                assert_eq!(pairs.row(at, 0), &m.sum(&[f(T_SHAPE2L, shape)]));
                assert_eq!(pairs.row(at, 1), &m.sum(&[f(T_SHAPE2R, shape)]));
            }
        };
        check(&mut pairs);
        // Different pairs (invented hashes) fill the rows past the limit: a trim empties them.
        for k in 0..PAIR_LIMIT as u64 {
            pairs.of(m, mix(k, 7));
        }
        assert!(pairs.rows.len() > PAIR_LIMIT);
        pairs.trim();
        assert!(pairs.rows.is_empty());
        check(&mut pairs);
        assert!(pairs.rows.len() <= tokens.len() + 1);
    }

    #[test]
    fn model_round_trip() {
        let mut w = [0i16; N_LABELS];
        w[3] = 7;
        w[16] = -2;
        let m = Model::from_rows(vec![(0xdead_beef_0000_0001u64, w)].into_iter());
        let m2 = Model::from_bytes(&m.to_bytes()).expect("model");
        let mut acc = [0i32; N_LABELS];
        m2.add(0xdead_beef_0000_0001, &mut acc);
        assert_eq!(acc[3], 7);
        assert_eq!(acc[16], -2);
    }
}
