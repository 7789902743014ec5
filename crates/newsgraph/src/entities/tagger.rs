//! The statistical tagger: an averaged perceptron over hashed features, greedy left-to-right decoding with
//! BILOU constraints, and the compact weight file it ships as.
//!
//! Labels: 0 is O; `1 + 4 * type + pos` with pos B=0, I=1, L=2, U=3 and type PER=0, ORG=1, LOC=2, MISC=3.

use super::clusters::{Clusters, CLUSTERS};
use super::features::{
    dynamic_features, is_headline, mix, neighbour_features, own_features, position_features,
    sentence_infos, Case, TokenInfo, N_LABELS, WINDOW,
};
use super::gazetteer::{Gazetteer, HashBuild, GAZETTEER};
use std::collections::HashMap;
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

/// Typed spans (token ranges) of a BILOU label sequence; tolerant of invalid sequences.
pub fn spans(labels: &[u8]) -> Vec<(Range<usize>, u8)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &l) in labels.iter().enumerate() {
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
    out
}

/// Shipped weights: hashed feature -> one i16 weight per label, in an open-addressing table.
pub struct Model {
    mask: usize,
    /// Open-addressing slots: (key, row index); key 0 is empty. Small, so probing stays in cache.
    slots: Vec<(u32, u32)>,
    /// Dense weight rows.
    rows: Vec<[i16; N_LABELS]>,
    /// Unique per model built in this process: keys the per-thread weight cache.
    id: u64,
}

static NEXT_MODEL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Deflate-compressed weights (older files).
const MAGIC: &[u8; 8] = b"NGNER1\0\0";
/// Uncompressed weights: larger on disk but read without inflating (faster load).
const MAGIC_RAW: &[u8; 8] = b"NGNER2\0\0";

#[inline]
fn key32(feat: u64) -> u32 {
    // Never 0: 0 marks an empty slot.
    ((feat >> 32) as u32) | 1
}

impl Model {
    /// Builds the lookup table from (feature, weights) pairs.
    pub fn from_rows(rows: impl ExactSizeIterator<Item = (u64, [i16; N_LABELS])>) -> Model {
        let mut m = Model::with_capacity(rows.len());
        for (k, w) in rows {
            m.insert(key32(k), w);
        }
        m
    }

    fn with_capacity(n: usize) -> Model {
        let cap = (n * 2).next_power_of_two().max(16);
        Model {
            mask: cap - 1,
            slots: vec![(0, 0); cap],
            rows: Vec::with_capacity(n),
            id: NEXT_MODEL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    fn insert(&mut self, k: u32, w: [i16; N_LABELS]) {
        let mut i = (k as usize).wrapping_mul(0x9e37_79b9) & self.mask;
        loop {
            if self.slots[i].0 == k {
                self.rows[self.slots[i].1 as usize] = w;
                return;
            }
            if self.slots[i].0 == 0 {
                self.slots[i] = (k, self.rows.len() as u32);
                self.rows.push(w);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of `feat` (if known) to `acc`.
    #[inline]
    pub fn add(&self, feat: u64, acc: &mut [i32; N_LABELS]) {
        let k = key32(feat);
        let mut i = (k as usize).wrapping_mul(0x9e37_79b9) & self.mask;
        loop {
            let (key, row) = self.slots[i];
            if key == k {
                if let Some(r) = self.rows.get(row as usize) {
                    for (a, &w) in acc.iter_mut().zip(r.iter()) {
                        *a += w as i32;
                    }
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
        self.rows.len()
    }

    /// Whether the model has no features.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Serializes (u32 keys, then i16 weights label by label, little endian), uncompressed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.len();
        let mut raw = Vec::with_capacity(16 + n * (4 + 2 * N_LABELS));
        raw.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        raw.extend_from_slice(&(n as u32).to_le_bytes());
        let mut used: Vec<(u32, u32)> = self.slots.iter().copied().filter(|s| s.0 != 0).collect();
        used.sort_unstable();
        for &(k, _) in &used {
            raw.extend_from_slice(&k.to_le_bytes());
        }
        // Weights label-major: same-label columns compress better.
        for l in 0..N_LABELS {
            for &(_, r) in &used {
                raw.extend_from_slice(&self.rows[r as usize][l].to_le_bytes());
            }
        }
        let mut out = MAGIC_RAW.to_vec();
        out.extend_from_slice(&raw);
        out
    }

    /// Reads what [`Model::to_bytes`] wrote; `None` if the bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
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
        let mut m = Model::with_capacity(n);
        for r in 0..n {
            let k = u32_at(8 + 4 * r)?;
            let mut w = [0i16; N_LABELS];
            for (l, x) in w.iter_mut().enumerate() {
                let o = wbase + 2 * (l * n + r);
                *x = i16::from_le_bytes([raw[o], raw[o + 1]]);
            }
            m.insert(k, w);
        }
        Some(m)
    }
}

/// Per-document memory of the entity types given to each word so far (prediction history).
#[derive(Default)]
pub struct History {
    counts: HashMap<u64, [u16; 4], HashBuild>,
    cases: HashMap<u64, [u16; 3], HashBuild>,
}

impl History {
    /// Notes how the words of one sentence are written (call for every sentence of the document before
    /// tagging). Sentence-initial words and headlines say nothing about a word's usual case.
    pub fn observe_case(&mut self, infos: &[TokenInfo]) {
        if is_headline(infos) {
            return;
        }
        for t in infos.iter().skip(1) {
            let k = match t.case {
                Case::Lower => 0,
                Case::Title => 1,
                Case::Upper => 2,
                _ => continue,
            };
            let c = self.cases.entry(t.lower).or_insert([0; 3]);
            c[k] = c[k].saturating_add(1);
        }
    }

    /// Fills each token's [`TokenInfo::doc_case`].
    pub fn apply_case(&self, infos: &mut [TokenInfo]) {
        if self.cases.is_empty() {
            return;
        }
        for t in infos.iter_mut() {
            if let Some(c) = self.cases.get(&t.lower) {
                let (k, _) = c
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, n)| (**n, 3 - *i))
                    .unwrap_or((0, &0));
                t.doc_case = k as u8 + 1;
            }
        }
    }

    /// The feature value for a word: 1 + its most frequent earlier type, or 0.
    #[inline]
    pub fn get(&self, t: &TokenInfo) -> u8 {
        if !t.alpha || self.counts.is_empty() {
            return 0;
        }
        match self.counts.get(&t.lower) {
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
    pub fn record(&mut self, t: &TokenInfo, label: u8) {
        if let Some(ty) = label_type(label) {
            if t.case != Case::Lower {
                let c = self.counts.entry(t.lower).or_insert([0; 4]);
                c[ty as usize] = c[ty as usize].saturating_add(1);
            }
        }
    }
}

#[inline]
fn add_to(acc: &mut [i32; N_LABELS], v: &[i32; N_LABELS]) {
    for (a, x) in acc.iter_mut().zip(v.iter()) {
        *a += x;
    }
}

/// Summed weights of word-level features, per thread, across documents (frequent words hit it).
#[derive(Default)]
pub struct WordCache {
    map: HashMap<u64, [i32; N_LABELS], HashBuild>,
    /// Id of the model the cache belongs to (a cache never mixes two models' weights).
    model: u64,
}

const CACHE_LIMIT: usize = 60_000;

impl WordCache {
    #[inline]
    fn get_or(&mut self, key: u64, compute: impl FnOnce() -> [i32; N_LABELS]) -> [i32; N_LABELS] {
        if let Some(v) = self.map.get(&key) {
            return *v;
        }
        if self.map.len() >= CACHE_LIMIT {
            self.map.clear();
        }
        let v = compute();
        self.map.insert(key, v);
        v
    }
}

thread_local! {
    static CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct Scratch {
    infos: Vec<TokenInfo>,
    feats: Vec<u64>,
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
            self.tag_with_cache(words, gaz, clusters, history, scratch, &mut cache, out)
        });
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
        out: &mut Vec<u8>,
    ) {
        if cache.model != self.id {
            cache.map.clear();
            cache.model = self.id;
        }
        out.clear();
        sentence_infos(words, gaz, clusters, &mut scratch.infos);
        history.apply_case(&mut scratch.infos);
        let infos = &scratch.infos;
        let headline = is_headline(infos);
        let (mut p1, mut p2) = (0u8, 0u8);
        let mut dynf = [0u64; 6];
        for i in 0..infos.len() {
            let mut acc = [0i32; N_LABELS];
            // Weights of the token's own features and of its neighbours' come from the per-word cache.
            let own = infos[i].word ^ headline as u64;
            let v = cache.get_or(own, || {
                scratch.feats.clear();
                own_features(&infos[i], headline, &mut scratch.feats);
                self.sum(&scratch.feats)
            });
            add_to(&mut acc, &v);
            for o in WINDOW {
                let j = i as isize + o;
                let x = (j >= 0 && (j as usize) < infos.len()).then(|| &infos[j as usize]);
                let key = mix(x.map_or(0, |x| x.word), (o + 8) as u64) ^ headline as u64;
                let v = cache.get_or(key, || {
                    scratch.feats.clear();
                    neighbour_features(x, o, headline, &mut scratch.feats);
                    self.sum(&scratch.feats)
                });
                add_to(&mut acc, &v);
            }
            scratch.feats.clear();
            position_features(infos, i, headline, &mut scratch.feats);
            for &f in &scratch.feats {
                self.add(f, &mut acc);
            }
            dynamic_features(&infos[i], p1, p2, history.get(&infos[i]), &mut dynf);
            for &f in &dynf {
                self.add(f, &mut acc);
            }
            let last = i + 1 == infos.len();
            let mut best = 0u8;
            let mut best_score = i32::MIN;
            for (l, &s) in acc.iter().enumerate() {
                if s > best_score && allowed(p1, l as u8, last) {
                    best = l as u8;
                    best_score = s;
                }
            }
            out.push(best);
            p2 = p1;
            p1 = best;
        }
        for (t, &l) in infos.iter().zip(out.iter()) {
            history.record(t, l);
        }
    }
}

/// The embedded model, loaded once.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../data/ner/model.bin"))
        .unwrap_or_else(|| Model::from_rows(std::iter::empty()))
});

/// Tags a document given as sentences of tokens with the embedded model: BILOU labels per token.
pub fn tag_document(sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
    let mut history = History::default();
    let mut scratch = Scratch::default();
    for s in sentences {
        sentence_infos(s, &GAZETTEER, &CLUSTERS, &mut scratch.infos);
        history.observe_case(&scratch.infos);
    }
    sentences
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            MODEL.tag_sentence(
                s,
                &GAZETTEER,
                &CLUSTERS,
                &mut history,
                &mut scratch,
                &mut out,
            );
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
