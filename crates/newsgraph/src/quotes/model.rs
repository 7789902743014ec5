//! Which reporting-word candidates are attributions: a binary averaged perceptron (Collins 2002) over the
//! candidate's context, trained on PolNeAR train (`newsgraph train quotes`) and shipped as compact weights in
//! `data/quotes/cue_model.bin` (hashed features and weights only, no text).
//!
//! A candidate is a cue word (hand-written, stance or learned list) with the content clause the rules give it
//! (or, when they give none, the words after the cue, or the clause before a final cue). The rules' own verdict
//! is one feature among the cue's words, its neighbours, the subject and the content's shape.

use super::lexicon::PRONOUNS;
use super::mention::is_cap;
use super::{is_mark_token, Doc};
use std::ops::Range;
use std::sync::LazyLock;

/// The shipped weights (empty until trained: then the rules decide alone).
static MODEL_BYTES: &[u8] = include_bytes!("../../data/quotes/cue_model.bin");

/// Hashed feature -> weight, as an open-addressing table of `(key, weight)` slots: the keys are already
/// well-mixed hashes, so a key's low bits pick its slot and a lookup touches one cache line (a general hash map
/// touches a control byte and then the slot; with ~50k weights both miss the cache on every feature).
pub(crate) struct CueModel {
    /// Power-of-two table; an empty slot holds `EMPTY` with weight 0.
    slots: Vec<(u32, f32)>,
    /// Weight of the key equal to `EMPTY`, which cannot live in the table.
    empty_key: Option<f32>,
}

/// Marker of an unused slot.
const EMPTY: u32 = 0;

impl CueModel {
    /// Reads `key: u32 LE, weight: f32 LE` pairs; `None` for an empty or malformed file. A repeated key keeps
    /// its last weight.
    pub(crate) fn from_bytes(b: &[u8]) -> Option<CueModel> {
        if b.is_empty() || b.len() % 8 != 0 {
            return None;
        }
        // At most half full, so probe runs stay short.
        let size = (b.len() / 8 * 2).next_power_of_two().max(16);
        let mut m = CueModel {
            slots: vec![(EMPTY, 0.0); size],
            empty_key: None,
        };
        for c in b.chunks_exact(8) {
            let k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            let w = f32::from_le_bytes([c[4], c[5], c[6], c[7]]);
            m.insert(k, w);
        }
        Some(m)
    }

    fn insert(&mut self, k: u32, w: f32) {
        if k == EMPTY {
            self.empty_key = Some(w);
            return;
        }
        let mask = self.slots.len() - 1;
        let mut i = k as usize & mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == EMPTY || slot.0 == k {
                *slot = (k, w);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The weight of feature `k`, if the model has one.
    fn get(&self, k: u32) -> Option<f32> {
        if k == EMPTY {
            return self.empty_key;
        }
        let mask = self.slots.len() - 1;
        let mut i = k as usize & mask;
        loop {
            let (key, w) = self.slots[i];
            if key == k {
                return Some(w);
            }
            if key == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Sum of the weights of `feats`.
    pub(crate) fn score(&self, feats: &[u32]) -> f32 {
        feats.iter().map(|&k| self.get(k).unwrap_or(0.0)).sum()
    }
}

/// The shipped model, if trained. For experiments (cross-validation), `NEWSGRAPH_QUOTES_CUE_MODEL` names a
/// weight file to use instead.
pub(crate) static CUE_MODEL: LazyLock<Option<CueModel>> =
    LazyLock::new(|| match std::env::var_os("NEWSGRAPH_QUOTES_CUE_MODEL") {
        Some(p) => std::fs::read(p).ok().and_then(|b| CueModel::from_bytes(&b)),
        None => CueModel::from_bytes(MODEL_BYTES),
    });

/// Score above which a candidate is kept, chosen by two-fold cross-validation on PolNeAR train (reported F1
/// of the folds 0.676 at 0, 0.686 at -3, 0.697 at -5, 0.692 at -9); below zero because a candidate the model
/// is unsure of costs less as a false alarm than as a miss under F1.
/// `NEWSGRAPH_QUOTES_CUE_THRESHOLD` overrides it for experiments.
pub(crate) static THRESHOLD: LazyLock<f32> = LazyLock::new(|| {
    std::env::var("NEWSGRAPH_QUOTES_CUE_THRESHOLD")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(-5.0)
});

/// Where a candidate cue comes from.
#[derive(Clone, Copy)]
pub(crate) enum Source {
    /// A reporting verb of the hand-written list (`said`, `told`), or `according to`.
    Strong,
    /// A weak verb of the hand-written list (`think`, `believe`).
    Weak,
    /// A stance verb (`criticized`, `called for`).
    Stance,
    /// A cue form learned from PolNeAR train.
    Learned,
}

/// What a candidate looks like, for [`features`].
pub(crate) struct Candidate<'x> {
    pub cue: &'x Range<usize>,
    pub lemma: &'static str,
    pub source: Source,
    /// Share of the form's occurrences in train that were cues (0 when unknown).
    pub reliability: f32,
    pub sentence: Range<usize>,
    pub content: &'x Range<usize>,
    pub speaker: Option<&'x Range<usize>>,
    /// Whether the hand-written rules accepted it.
    pub rules: bool,
    pub title: bool,
}

/// A word's hash, lower-cased (ASCII) as it is hashed: each word is hashed once per candidate, the features
/// combine the hashes. FNV-1a over the first 32 bytes lower-cased, then a 0xfe end marker, exactly as two
/// writes to [`Fnv`] (which restarts from its basis when its state is 0); `const` so that the labels' hashes
/// are computed at compile time.
const fn word_hash(w: &str) -> u64 {
    use crate::text::{FNV_BASIS as BASIS, FNV_PRIME as PRIME};
    let b = w.as_bytes();
    let n = if b.len() < 32 { b.len() } else { 32 };
    let mut h = BASIS;
    let mut i = 0;
    while i < n {
        h ^= b[i].to_ascii_lowercase() as u64;
        h = h.wrapping_mul(PRIME);
        i += 1;
    }
    if h == 0 {
        h = BASIS;
    }
    h ^= 0xfe;
    h.wrapping_mul(PRIME)
}

/// The hash of a fixed label, computed at compile time.
macro_rules! label {
    ($s:expr) => {
        const { word_hash($s) }
    };
}

/// A feature key: a tag and up to two word hashes.
fn key_of(tag: u8, a: u64, b: u64) -> u32 {
    let x = (a ^ u64::from(tag).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0xff51_afd7_ed55_8ccd);
    let x = (x ^ (x >> 29) ^ b.rotate_left(17)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    (x ^ (x >> 32)) as u32
}

/// A feature key from words (`key(1, "says", "")`).
#[cfg(test)]
fn key(tag: u8, a: &str, b: &str) -> u32 {
    key_of(tag, word_hash(a), word_hash(b))
}

/// A coarse shape of a word (pronoun, capitalized, lower case, quotation mark, other punctuation, digit), as
/// the hash of its label.
fn shape(w: &str) -> u64 {
    if w.is_empty() {
        label!("none")
    } else if PRONOUNS.contains(w) {
        label!("pron")
    } else if is_mark_token(w) {
        label!("mark")
    } else if w.starts_with(|c: char| c.is_ascii_digit()) {
        label!("digit")
    } else if is_cap(w) {
        label!("cap")
    } else if w.starts_with(|c: char| c.is_alphabetic()) {
        label!("lower")
    } else {
        label!("punct")
    }
}

/// A length bucket, as the hash of its label.
fn bucket(n: usize) -> u64 {
    match n {
        0 => label!("0"),
        1 => label!("1"),
        2 => label!("2"),
        3..=5 => label!("3-5"),
        6..=10 => label!("6-10"),
        11..=20 => label!("11-20"),
        _ => label!("21+"),
    }
}

/// The features of candidate `c` into `out` (cleared first).
pub(crate) fn features(doc: &Doc, c: &Candidate, out: &mut Vec<u32>) {
    out.clear();
    let t = |i: usize| doc.t(i);
    let head = c.cue.start;
    let w = t(head);
    let before = |k: usize| {
        if head >= c.sentence.start + k {
            t(head - k)
        } else {
            ""
        }
    };
    let after = |k: usize| {
        let i = c.cue.end + k;
        if i < c.sentence.end {
            t(i)
        } else {
            ""
        }
    };
    let src = match c.source {
        Source::Strong => label!("strong"),
        Source::Weak => label!("weak"),
        Source::Stance => label!("stance"),
        Source::Learned => label!("learned"),
    };
    let rules = if c.rules {
        label!("rules")
    } else {
        label!("fallback")
    };
    let rel = match (c.reliability * 10.0) as u32 {
        0 => label!("r0"),
        1 => label!("r1"),
        2 => label!("r2"),
        3 | 4 => label!("r3"),
        5..=7 => label!("r5"),
        _ => label!("r8"),
    };
    let (p1, p2, n1, n2) = (before(1), before(2), after(0), after(1));
    let dir = if c.content.start < c.cue.start {
        label!("before")
    } else {
        label!("after")
    };
    let subject = match c.speaker {
        None => label!("none"),
        Some(s) if s.end - s.start == 1 && PRONOUNS.contains(t(s.start)) => label!("pron"),
        Some(s) if (s.start..s.end).any(|i| is_cap(t(i))) => label!("name"),
        Some(_) => label!("desc"),
    };
    let first = t(c.content.start);
    let len = bucket(c.content.end - c.content.start);
    let (hw, hl, hp1, hn1, hsrc, hrules, hdir, hsubject, hfirst, hrel) = (
        word_hash(w),
        word_hash(c.lemma),
        word_hash(p1),
        word_hash(n1),
        src,
        rules,
        dir,
        subject,
        word_hash(first),
        rel,
    );
    let k = key_of;
    let none = label!("");
    out.extend([
        k(0, label!("bias"), none),
        k(1, hw, none),
        k(2, hl, none),
        k(3, hsrc, hrules),
        k(4, hrel, hrules),
        k(5, hp1, none),
        k(6, hn1, none),
        k(7, word_hash(p2), hp1),
        k(8, hn1, word_hash(n2)),
        k(9, hw, hn1),
        k(10, hp1, hw),
        k(11, shape(p1), shape(n1)),
        k(12, hdir, hrules),
        k(13, hsubject, hdir),
        k(14, hfirst, hdir),
        k(15, len, hdir),
        k(16, hl, hrules),
        k(17, hl, hdir),
        k(18, hl, hsubject),
        k(
            19,
            if c.title {
                label!("title")
            } else {
                label!("body")
            },
            hrules,
        ),
        k(20, shape(w), hrel),
        k(21, shape(first), hdir),
        k(22, hl, hn1),
        k(23, hsrc, hsubject),
        k(
            24,
            if head == c.sentence.start {
                label!("first")
            } else {
                label!("inner")
            },
            hsrc,
        ),
        k(25, word_hash(t(c.content.end)), hdir),
        k(26, hw, hdir),
        k(27, hl, hp1),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip() {
        let mut b = Vec::new();
        for (k, w) in [(7u32, 0.5f32), (9, -1.25)] {
            b.extend(k.to_le_bytes());
            b.extend(w.to_le_bytes());
        }
        let m = CueModel::from_bytes(&b).expect("two weights");
        assert_eq!(m.score(&[7, 9, 11]), -0.75);
        assert!(CueModel::from_bytes(&[]).is_none());
        assert!(CueModel::from_bytes(&[1, 2, 3]).is_none());
    }

    #[test]
    fn colliding_zero_and_repeated_keys() {
        let mut b = Vec::new();
        // 0 is the empty marker; 16 and 32 share slot 0 of a 16-slot table; 16 repeats (last wins).
        for (k, w) in [(0u32, 2.0f32), (16, 1.0), (32, 4.0), (16, 3.0)] {
            b.extend(k.to_le_bytes());
            b.extend(w.to_le_bytes());
        }
        let m = CueModel::from_bytes(&b).expect("weights");
        assert_eq!(m.get(0), Some(2.0));
        assert_eq!(m.get(16), Some(3.0));
        assert_eq!(m.get(32), Some(4.0));
        assert_eq!(m.get(48), None);
        assert_eq!(m.score(&[0, 16, 32, 48]), 9.0);
    }

    #[test]
    fn keys_ignore_ascii_case() {
        assert_eq!(key(1, "Says", ""), key(1, "says", ""));
        assert_ne!(key(1, "says", ""), key(2, "says", ""));
    }
}
