//! Hashed features of the tagger: word, lowercase, affixes, shape, capitalization, sentence start, a +-2 window,
//! gazetteer matches with their position, the previous predicted labels and the labels the same word got
//! earlier in the document (Ratinov and Roth's prediction history).
//!
//! Every feature is a 64-bit hash of (template, value); the model maps hashes it was trained on to weights.

use super::clusters::Clusters;
use super::gazetteer::{Entry, Gazetteer, MAX_LEN};
use crate::text::{FNV_BASIS as FNV0, FNV_PRIME};

/// Murmur3's 64-bit finalizer: spreads bits so that hashes combine well.
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Combines two hashes (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    fmix(a.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b)
}

#[inline]
fn fnv(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(FNV_PRIME)
}

/// Hash of the lowercased form of `s`.
pub fn hash_lower(s: &str) -> u64 {
    let mut h = FNV0;
    if s.is_ascii() {
        for &b in s.as_bytes() {
            h = fnv(h, b.to_ascii_lowercase());
        }
    } else {
        let mut buf = [0u8; 4];
        for c in s.chars().flat_map(char::to_lowercase) {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h = fnv(h, b);
            }
        }
    }
    fmix(h)
}

fn hash_bytes(s: &[u8]) -> u64 {
    fmix(s.iter().fold(FNV0, |h, &b| fnv(h, b)))
}

/// Capitalization class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// No letters.
    None,
    /// All lower case.
    Lower,
    /// First letter upper, some lower (`Putin`, `McDonald`).
    Title,
    /// All letters upper (`NATO`, `RUSSIA`).
    Upper,
    /// Anything else (`iPhone`).
    Mixed,
}

/// What the tagger knows about one token before looking at labels.
#[derive(Debug, Clone, Copy)]
pub struct TokenInfo {
    /// Hash of the exact form.
    pub word: u64,
    /// Hash of the lowercased form.
    pub lower: u64,
    /// Hash of the collapsed shape (`Xx`, `X.X.`, `d-d`).
    pub shape: u64,
    /// Hashes of the lowercased prefixes of 1..=4 characters (0 when shorter).
    pub prefix: [u64; 4],
    /// Hashes of the lowercased suffixes of 1..=4 characters.
    pub suffix: [u64; 4],
    /// Gazetteer matches covering the token: bit `cat * 4 + pos` with pos B=0, I=1, L=2, U=3.
    pub gaz: u32,
    /// Capitalization.
    pub case: Case,
    /// Has at least one letter.
    pub alpha: bool,
    /// How the word is usually written elsewhere in the document, in running text (0 unseen, 1 lower,
    /// 2 capitalised, 3 capitals): recovers the case of headline words.
    pub doc_case: u8,
    /// Word clusters of the lowercased form, coarse and fine (0 when unknown).
    pub cluster: [u16; 2],
}

/// The parts of a token that phrase matching and the document's memory of case use: the full [`TokenInfo`]
/// (training) and the tagger's compact copy of a sentence's tokens both have them.
pub trait TokenCase {
    /// Hash of the lowercased form.
    fn lower(&self) -> u64;
    /// Capitalization.
    fn case(&self) -> Case;
    /// Has at least one letter.
    fn alpha(&self) -> bool;
    /// The gazetteer match bits (see [`TokenInfo::gaz`]).
    fn gaz_mut(&mut self) -> &mut u32;
    /// Sets the document case (see [`TokenInfo::doc_case`]).
    fn set_doc_case(&mut self, c: u8);
}

/// Implements [`TokenCase`] for a token type with fields `lower`, `case`, `alpha`, `gaz` and `doc_case`.
macro_rules! impl_token_case {
    ($t:ty) => {
        impl $crate::entities::features::TokenCase for $t {
            #[inline]
            fn lower(&self) -> u64 {
                self.lower
            }
            #[inline]
            fn case(&self) -> $crate::entities::features::Case {
                self.case
            }
            #[inline]
            fn alpha(&self) -> bool {
                self.alpha
            }
            #[inline]
            fn gaz_mut(&mut self) -> &mut u32 {
                &mut self.gaz
            }
            #[inline]
            fn set_doc_case(&mut self, c: u8) {
                self.doc_case = c;
            }
        }
    };
}
pub(crate) use impl_token_case;

impl_token_case!(TokenInfo);

/// Computes [`TokenInfo`] for each token of a sentence.
pub fn sentence_infos(
    words: &[&str],
    gaz: &Gazetteer,
    clusters: &Clusters,
    out: &mut Vec<TokenInfo>,
) {
    out.clear();
    let mut buf = WordBuf::default();
    out.extend(words.iter().map(|w| word_info(w, clusters, &mut buf)));
    mark_gazetteer(out, gaz);
}

/// Reusable buffers of [`word_info`].
#[derive(Default)]
pub struct WordBuf {
    lower: String,
    shape: Vec<u8>,
}

/// What a word form alone tells (no gazetteer match, no document case yet): the tagger caches it per form.
pub fn word_info(w: &str, clusters: &Clusters, buf: &mut WordBuf) -> TokenInfo {
    if w.is_ascii() {
        word_info_ascii(w.as_bytes(), clusters, &mut buf.shape)
    } else {
        word_info_chars(w, clusters, buf)
    }
}

/// [`word_info`] of an ASCII word, in one pass over its bytes: the same values as [`word_info_chars`] (for ASCII,
/// Unicode's upper case, lower case and numeric classes are A-Z, a-z and 0-9, a character is a byte, and the
/// prefix hashes are the running FNV states of the lowercase hash), at about half the instructions; most news
/// words are ASCII, and a new word's infos are a tenth of the tagger's work on text it has not seen.
fn word_info_ascii(b: &[u8], clusters: &Clusters, shape: &mut Vec<u8>) -> TokenInfo {
    let (mut up, mut low) = (0usize, 0usize);
    let first_up = b.first().is_some_and(u8::is_ascii_uppercase);
    let (mut word, mut lower) = (FNV0, FNV0);
    let mut prefix = [0u64; 4];
    shape.clear();
    for (i, &c) in b.iter().enumerate() {
        let class = if c.is_ascii_uppercase() {
            up += 1;
            b'X'
        } else if c.is_ascii_lowercase() {
            low += 1;
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else {
            c
        };
        if shape.last() != Some(&class) && shape.len() < 12 {
            shape.push(class);
        }
        word = fnv(word, c);
        lower = fnv(lower, c.to_ascii_lowercase());
        if let Some(p) = prefix.get_mut(i) {
            *p = fmix(lower);
        }
    }
    let mut suffix = [0u64; 4];
    for (k, s) in suffix.iter_mut().enumerate().take(b.len()) {
        let tail = b.get(b.len() - 1 - k..).unwrap_or(&[]);
        *s = fmix(
            tail.iter()
                .fold(FNV0, |h, &c| fnv(h, c.to_ascii_lowercase())),
        );
    }
    let lower_hash = fmix(lower);
    TokenInfo {
        word: fmix(word),
        lower: lower_hash,
        cluster: clusters.get(lower_hash),
        shape: hash_bytes(shape),
        prefix,
        suffix,
        gaz: 0,
        case: case_of(up, low, first_up),
        alpha: up + low > 0,
        doc_case: 0,
    }
}

/// The capitalization class from the counts of upper- and lower-case letters and whether the first character is
/// upper case.
#[inline]
fn case_of(up: usize, low: usize, first_up: bool) -> Case {
    match (up, low) {
        (0, 0) => Case::None,
        (0, _) => Case::Lower,
        (_, 0) => Case::Upper,
        _ if first_up => Case::Title,
        _ => Case::Mixed,
    }
}

/// [`word_info`] of any word, character by character.
fn word_info_chars(w: &str, clusters: &Clusters, buf: &mut WordBuf) -> TokenInfo {
    let WordBuf { lower, shape } = buf;
    lower.clear();
    lower.extend(w.chars().flat_map(char::to_lowercase));
    let (mut up, mut low, mut first_up) = (0usize, 0usize, false);
    shape.clear();
    for (i, c) in w.chars().enumerate() {
        let class = if c.is_uppercase() {
            up += 1;
            if i == 0 {
                first_up = true;
            }
            b'X'
        } else if c.is_lowercase() {
            low += 1;
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        // Collapse runs so that shapes generalise over length, but keep 'Xx' distinct from 'X'.
        if shape.last() != Some(&class) && shape.len() < 12 {
            shape.push(class);
        }
    }
    let case = case_of(up, low, first_up);
    let lb = lower.as_bytes();
    let mut prefix = [0u64; 4];
    let mut suffix = [0u64; 4];
    // Char boundaries from the front and the back, without allocating.
    let mut k = 0;
    for (i, _) in lower.char_indices().skip(1).take(4) {
        prefix[k] = hash_bytes(&lb[..i]);
        k += 1;
    }
    if k < 4 && !lb.is_empty() {
        prefix[k] = hash_bytes(lb);
    }
    let mut k = 0;
    for (i, _) in lower.char_indices().rev().take(4) {
        suffix[k] = hash_bytes(&lb[i..]);
        k += 1;
    }
    // A word shorter than 4 characters has no longer prefixes: keep the two arrays aligned.
    let n = k;
    for slot in prefix.iter_mut().skip(n) {
        *slot = 0;
    }
    let lower_hash = hash_bytes(lower.as_bytes());
    TokenInfo {
        word: hash_bytes(w.as_bytes()),
        lower: lower_hash,
        cluster: clusters.get(lower_hash),
        shape: hash_bytes(shape),
        prefix,
        suffix,
        gaz: 0,
        case,
        alpha: up + low > 0,
        doc_case: 0,
    }
}

/// Marks gazetteer matches of up to [`MAX_LEN`] tokens (on lowercase hashes, as the gazetteer has them) in
/// the tokens' [`TokenInfo::gaz`] bits. Stops extending a phrase as soon as no entry starts with it.
pub fn mark_gazetteer(out: &mut [TokenInfo], gaz: &Gazetteer) {
    let firsts: Vec<_> = out.iter().map(|t| first_probe(t, gaz)).collect();
    mark_gazetteer_from(out, gaz, &firsts);
}

/// The gazetteer probe for the one-word phrase of a token (what [`mark_gazetteer_from`] starts from);
/// `None` for tokens without letters and words no phrase starts with.
#[inline]
pub fn first_probe(t: &TokenInfo, gaz: &Gazetteer) -> Option<(Entry, bool)> {
    if !t.alpha {
        return None;
    }
    gaz.probe(mix(super::gazetteer::PHRASE_SEED, t.lower))
}

/// [`mark_gazetteer`] given each token's [`first_probe`] (which the tagger caches per word form).
pub fn mark_gazetteer_from<T: TokenCase>(
    out: &mut [T],
    gaz: &Gazetteer,
    firsts: &[Option<(Entry, bool)>],
) {
    for t in out.iter_mut() {
        *t.gaz_mut() = 0;
    }
    for i in 0..out.len() {
        let Some(mut probe) = firsts.get(i).copied().flatten() else {
            continue;
        };
        let mut h = mix(super::gazetteer::PHRASE_SEED, out[i].lower());
        let mut len = 1;
        loop {
            let (e, longer) = probe;
            let mut cats = e.cats as u32;
            while cats != 0 {
                let c = cats.trailing_zeros();
                cats &= cats - 1;
                if len == 1 {
                    *out[i].gaz_mut() |= 1 << (c * 4 + 3);
                } else {
                    *out[i].gaz_mut() |= 1 << (c * 4);
                    for t in &mut out[i + 1..i + len - 1] {
                        *t.gaz_mut() |= 1 << (c * 4 + 1);
                    }
                    *out[i + len - 1].gaz_mut() |= 1 << (c * 4 + 2);
                }
            }
            if !longer || len >= MAX_LEN || i + len >= out.len() {
                break;
            }
            len += 1;
            h = mix(h, out[i + len - 1].lower());
            match gaz.probe(h) {
                Some(p) => probe = p,
                None => break,
            }
        }
    }
}

// Template ids.
pub(crate) const T_BIAS: u64 = 1;
pub(crate) const T_WORD: u64 = 2;
pub(crate) const T_LOWER: u64 = 3;
pub(crate) const T_LOWER_AT: u64 = 4; // + offset
pub(crate) const T_SHAPE_AT: u64 = 10; // + offset
pub(crate) const T_PREFIX: u64 = 16;
pub(crate) const T_SUFFIX: u64 = 20;
pub(crate) const T_SHAPE2L: u64 = 24;
pub(crate) const T_SHAPE2R: u64 = 25;
pub(crate) const T_BIGRAML: u64 = 26;
pub(crate) const T_BIGRAMR: u64 = 27;
pub(crate) const T_GAZ: u64 = 28;
pub(crate) const T_GAZ_L: u64 = 29;
pub(crate) const T_GAZ_R: u64 = 30;
pub(crate) const T_START: u64 = 31;
pub(crate) const T_HEADLINE: u64 = 32;
pub(crate) const T_CASE_AT: u64 = 33; // + offset
pub(crate) const T_PREV: u64 = 40;
pub(crate) const T_PREV2: u64 = 41;
pub(crate) const T_PREV_LOWER: u64 = 42;
pub(crate) const T_PREV_SHAPE: u64 = 43;
pub(crate) const T_HIST: u64 = 44;
pub(crate) const T_HIST_SHAPE: u64 = 45;
pub(crate) const T_LOWER_CASE: u64 = 46;
pub(crate) const T_DOC_CASE: u64 = 47;
pub(crate) const T_DOC_CASE_LOWER: u64 = 48;
pub(crate) const T_WORD_AT: u64 = 50; // + offset
pub(crate) const T_SUFFIX_AT: u64 = 54; // + offset
pub(crate) const T_CLUSTER: u64 = 60;
pub(crate) const T_CLUSTER_CASE: u64 = 61;
pub(crate) const T_CLUSTER_AT: u64 = 62; // + offset

/// Hash of a feature: template and value.
#[inline]
pub(crate) fn f(t: u64, v: u64) -> u64 {
    mix(t, v)
}

/// Value of a feature looking past the sentence edge.
pub(crate) const PAD: u64 = 0x0bad;

/// Offsets of the context window.
pub const WINDOW: [isize; 4] = [-2, -1, 1, 2];

/// Features of token `i` that do not depend on predicted labels. `headline`: the sentence is in capitals.
pub fn static_features(infos: &[TokenInfo], i: usize, headline: bool, out: &mut Vec<u64>) {
    own_features(&infos[i], headline, out);
    for o in WINDOW {
        let j = i as isize + o;
        let x = (j >= 0 && (j as usize) < infos.len()).then(|| &infos[j as usize]);
        neighbour_features(x, o, headline, out);
    }
    position_features(infos, i, headline, out);
}

/// Features of the token itself: they depend only on its form (and the headline flag), so the tagger caches
/// their summed weights per word.
#[inline]
pub fn own_features(t: &TokenInfo, headline: bool, out: &mut Vec<u64>) {
    // In capitals or lower-case text the exact form says little: leave it out so the lowercase carries the
    // word.
    if !headline {
        out.push(f(T_WORD, t.word));
    }
    out.push(f(T_LOWER, t.lower));
    out.push(f(T_LOWER_CASE, mix(t.lower, t.case as u64)));
    out.push(f(T_SHAPE_AT + 2, t.shape));
    out.push(f(T_CASE_AT + 2, t.case as u64));
    for (level, &c) in t.cluster.iter().enumerate() {
        if c != 0 {
            let c = (level as u64) << 16 | c as u64;
            out.push(f(T_CLUSTER, c));
            out.push(f(T_CLUSTER_CASE, mix(c, t.case as u64)));
        }
    }
    for k in 0..4 {
        if t.prefix[k] != 0 {
            out.push(f(T_PREFIX + k as u64, t.prefix[k]));
            out.push(f(T_SUFFIX + k as u64, t.suffix[k]));
        }
    }
}

/// Features of the neighbour at offset `o` (`None` past the sentence edge): they depend only on the
/// neighbour's form, the offset and the headline flag, so they are cached too.
#[inline]
pub fn neighbour_features(x: Option<&TokenInfo>, o: isize, headline: bool, out: &mut Vec<u64>) {
    let k = match o {
        -2 => 0u64,
        -1 => 1,
        1 => 2,
        _ => 3,
    };
    out.push(f(T_LOWER_AT + k, x.map_or(PAD, |x| x.lower)));
    for level in 0..2 {
        let c = x.map_or(PAD, |x| x.cluster[level] as u64);
        out.push(f(T_CLUSTER_AT + k, (level as u64) << 16 | c));
    }
    let sk = if k >= 2 { k + 1 } else { k };
    out.push(f(T_SHAPE_AT + sk, x.map_or(PAD, |x| x.shape)));
    out.push(f(T_CASE_AT + sk, x.map_or(9, |x| x.case as u64)));
    if o.abs() == 1 {
        let k = (o > 0) as u64;
        if !headline {
            out.push(f(T_WORD_AT + k, x.map_or(PAD, |x| x.word)));
        }
        out.push(f(T_SUFFIX_AT + k, x.map_or(PAD, |x| x.suffix[2])));
    }
}

/// Rows of the sums the tagger caches per word form (not in a headline in capitals): the word's own features,
/// its features as the neighbour at each offset of [`WINDOW`] (rows 1 to 4) and the label-history features after
/// O (row 5).
pub const WORD_ROWS: usize = 6;

/// What a group of a word's features reads besides the form itself: many words share each piece (a shape, a
/// cluster, the first or last four letters), so the tagger sums a piece's weights once for all its words. With
/// the features [`form_features`] gives, a word's pieces' features are those of [`own_features`],
/// [`neighbour_features`] and the after-O features of [`dynamic_features`] (not in headlines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Piece {
    /// The collapsed shape and the capitalization.
    Shape {
        /// [`TokenInfo::shape`].
        shape: u64,
        /// [`TokenInfo::case`].
        case: u8,
    },
    /// A cluster of one level (0 coarse, 1 fine; cluster 0 is unknown) with the capitalization.
    Cluster {
        /// Coarse or fine.
        level: u8,
        /// The cluster id.
        cluster: u16,
        /// [`TokenInfo::case`].
        case: u8,
    },
    /// [`TokenInfo::prefix`].
    Prefixes([u64; 4]),
    /// [`TokenInfo::suffix`], with the bits of the affix lengths the word has (those with a prefix).
    Suffixes {
        /// The suffix hashes.
        suffix: [u64; 4],
        /// Bit `k`: the word has affixes of `k + 1` characters.
        lengths: u8,
    },
}

/// The pieces of a word form (see [`Piece`]).
pub fn pieces(t: &TokenInfo) -> [Piece; 5] {
    let case = t.case as u8;
    let lengths = (0..4).fold(0u8, |m, k| m | ((t.prefix[k] != 0) as u8) << k);
    [
        Piece::Shape {
            shape: t.shape,
            case,
        },
        Piece::Cluster {
            level: 0,
            cluster: t.cluster[0],
            case,
        },
        Piece::Cluster {
            level: 1,
            cluster: t.cluster[1],
            case,
        },
        Piece::Prefixes(t.prefix),
        Piece::Suffixes {
            suffix: t.suffix,
            lengths,
        },
    ]
}

/// The features a piece brings to a word's rows (see [`WORD_ROWS`]): `push(row, feature)`.
pub fn piece_features(p: &Piece, mut push: impl FnMut(usize, u64)) {
    match *p {
        Piece::Shape { shape, case } => {
            push(0, f(T_SHAPE_AT + 2, shape));
            push(0, f(T_CASE_AT + 2, case as u64));
            for k in 0..4u64 {
                let sk = if k >= 2 { k + 1 } else { k };
                push(1 + k as usize, f(T_SHAPE_AT + sk, shape));
                push(1 + k as usize, f(T_CASE_AT + sk, case as u64));
            }
            push(5, previous_label_features(0, 0, shape)[1]);
        }
        Piece::Cluster {
            level,
            cluster,
            case,
        } => {
            let c = (level as u64) << 16 | cluster as u64;
            if cluster != 0 {
                push(0, f(T_CLUSTER, c));
                push(0, f(T_CLUSTER_CASE, mix(c, case as u64)));
            }
            for k in 0..4u64 {
                push(1 + k as usize, f(T_CLUSTER_AT + k, c));
            }
        }
        Piece::Prefixes(prefix) => {
            for (k, &x) in prefix.iter().enumerate() {
                if x != 0 {
                    push(0, f(T_PREFIX + k as u64, x));
                }
            }
        }
        Piece::Suffixes { suffix, lengths } => {
            for (k, &x) in suffix.iter().enumerate() {
                if lengths & (1 << k) != 0 {
                    push(0, f(T_SUFFIX + k as u64, x));
                }
            }
            push(2, f(T_SUFFIX_AT, suffix[2]));
            push(3, f(T_SUFFIX_AT + 1, suffix[2]));
        }
    }
}

/// The features of a word's rows (see [`WORD_ROWS`]) that read its exact or lowercase form, which no other word
/// shares: `push(row, feature)`.
pub fn form_features(t: &TokenInfo, mut push: impl FnMut(usize, u64)) {
    push(0, f(T_WORD, t.word));
    push(0, f(T_LOWER, t.lower));
    push(0, f(T_LOWER_CASE, mix(t.lower, t.case as u64)));
    for k in 0..4u64 {
        push(1 + k as usize, f(T_LOWER_AT + k, t.lower));
    }
    push(2, f(T_WORD_AT, t.word));
    push(3, f(T_WORD_AT + 1, t.word));
    push(5, previous_label_features(0, t.lower, 0)[0]);
}

/// Features that depend on the token's place: bias, bigrams, gazetteer matches, sentence start, headline and
/// document case.
pub fn position_features(infos: &[TokenInfo], i: usize, headline: bool, out: &mut Vec<u64>) {
    let t = &infos[i];
    let l = i.checked_sub(1).map(|j| &infos[j]);
    let r = infos.get(i + 1);
    out.push(f(T_BIAS, 0));
    out.push(f(T_SHAPE2L, mix(l.map_or(PAD, |x| x.shape), t.shape)));
    out.push(f(T_SHAPE2R, mix(t.shape, r.map_or(PAD, |x| x.shape))));
    out.push(f(T_BIGRAML, mix(l.map_or(PAD, |x| x.lower), t.lower)));
    out.push(f(T_BIGRAMR, mix(t.lower, r.map_or(PAD, |x| x.lower))));
    let mut g = t.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        out.push(f(T_GAZ, mix(b, t.case as u64)));
        out.push(f(T_GAZ, b));
        g &= g - 1;
    }
    if let Some(x) = l {
        let mut g = x.gaz;
        while g != 0 {
            out.push(f(T_GAZ_L, g.trailing_zeros() as u64));
            g &= g - 1;
        }
    }
    if let Some(x) = r {
        let mut g = x.gaz;
        while g != 0 {
            out.push(f(T_GAZ_R, g.trailing_zeros() as u64));
            g &= g - 1;
        }
    }
    if i == 0 {
        out.push(f(T_START, mix(t.case as u64, t.lower)));
        out.push(f(T_START, t.case as u64));
    }
    if headline {
        out.push(f(T_HEADLINE, 1));
    }
    if t.alpha {
        out.push(f(
            T_DOC_CASE,
            mix(t.doc_case as u64, mix(t.case as u64, (i == 0) as u64)),
        ));
        if headline || i == 0 {
            out.push(f(T_DOC_CASE_LOWER, mix(t.doc_case as u64, t.lower)));
        }
    }
}

/// Number of labels (O plus BILU for 4 types).
pub const N_LABELS: usize = 17;

/// Features of token `i` that depend on the previous predicted labels `p1`, `p2` and on the entity type the
/// same word got earlier in the document (`hist`, 0 for none).
#[inline]
pub fn dynamic_features(t: &TokenInfo, p1: u8, p2: u8, hist: u8, out: &mut [u64; 6]) {
    out[0] = f(T_PREV, p1 as u64);
    out[1] = f(T_PREV2, (p1 as u64) << 8 | p2 as u64);
    [out[2], out[3]] = previous_label_features(p1, t.lower, t.shape);
    out[4] = f(T_HIST, hist as u64);
    out[5] = f(T_HIST_SHAPE, mix(hist as u64, t.case as u64));
}

/// The features of [`dynamic_features`] that combine the previous label `p1` with the word's lowercase hash
/// and its shape hash (the tagger computes them from its compact tokens).
#[inline]
pub fn previous_label_features(p1: u8, lower: u64, shape: u64) -> [u64; 2] {
    [
        f(T_PREV_LOWER, mix(p1 as u64, lower)),
        f(T_PREV_SHAPE, mix(p1 as u64, shape)),
    ]
}

/// Whether a sentence is a headline in capitals (no lower-case letter, several capitalised words).
pub fn is_headline<T: TokenCase>(infos: &[T]) -> bool {
    let upper = infos.iter().filter(|t| t.case() == Case::Upper).count();
    upper >= 2
        && !infos
            .iter()
            .any(|t| matches!(t.case(), Case::Lower | Case::Title | Case::Mixed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::clusters::CLUSTERS;
    use crate::entities::gazetteer::{CITY, COUNTRY, GAZETTEER};

    #[test]
    fn shapes_cases_and_gazetteer_positions() {
        let words = [
            "Russian", "troops", "left", "Buenos", "Aires", "and", "RUSSIA",
        ];
        let mut infos = Vec::new();
        sentence_infos(&words, &GAZETTEER, &CLUSTERS, &mut infos);
        assert_eq!(infos[0].case, Case::Title);
        assert_eq!(infos[1].case, Case::Lower);
        assert_eq!(infos[6].case, Case::Upper);
        // "Buenos Aires" is a city: B on Buenos, L on Aires.
        assert!(infos[3].gaz & (1 << (CITY as u32 * 4)) != 0);
        assert!(infos[4].gaz & (1 << (CITY as u32 * 4 + 2)) != 0);
        // "RUSSIA" in capitals still matches the country as a unit.
        assert!(infos[6].gaz & (1 << (COUNTRY as u32 * 4 + 3)) != 0);
        // Same word in another case: same lowercase hash, different exact hash.
        assert_eq!(hash_lower("RUSSIA"), hash_lower("Russia"));
        assert_eq!(infos[0].suffix[1], hash_bytes(b"an"));
    }

    /// A word's pieces' features and its form's are the features of its cached rows, row by row.
    #[test]
    fn pieces_and_form_are_a_words_cached_features() {
        let words = [
            "Putin",
            "said",
            "NATO",
            "3.5",
            "iPhone",
            "Zelenskyy",
            ",",
            "de",
            "a",
            "Zürich",
            "ab",
        ];
        let mut buf = WordBuf::default();
        let sorted = |mut v: Vec<u64>| {
            v.sort_unstable();
            v
        };
        for w in words {
            let t = word_info(w, &CLUSTERS, &mut buf);
            let mut rows = vec![Vec::new(); WORD_ROWS];
            own_features(&t, false, &mut rows[0]);
            for (k, o) in WINDOW.into_iter().enumerate() {
                neighbour_features(Some(&t), o, false, &mut rows[1 + k]);
            }
            let mut dynf = [0u64; 6];
            dynamic_features(&t, 0, 0, 0, &mut dynf);
            rows[5].extend_from_slice(&dynf[2..4]);
            let mut split = vec![Vec::new(); WORD_ROWS];
            form_features(&t, |r, f| split[r].push(f));
            for p in pieces(&t) {
                piece_features(&p, |r, f| split[r].push(f));
            }
            for (r, (a, b)) in rows.into_iter().zip(split).enumerate() {
                assert_eq!(sorted(a), sorted(b), "{w:?} row {r}");
            }
        }
    }

    /// The one-pass infos of ASCII words are those of the character-by-character path, for words of every length
    /// around the four-character affixes and of every character class.
    #[test]
    fn ascii_word_infos_equal_the_general_ones() {
        let words = [
            "",
            "a",
            "Z",
            "ab",
            "abc",
            "Abcd",
            "abcde",
            "Putin",
            "said",
            "NATO",
            "3.5",
            "iPhone",
            "McDonald's",
            "U.S.",
            "--",
            "x1-Y2z",
            "COVID-19",
            "MiXeD",
            "http://example.com/a_b?c=1",
            "aaaaaaaaaaaaaaaaaaaa",
            "a-b-c-d-e-f-g-h-i-j-k-l-m-n",
            "9",
            "(",
            "ALLCAPSWORD",
        ];
        let (mut buf, mut shape) = (WordBuf::default(), Vec::new());
        for w in words {
            let fast = word_info_ascii(w.as_bytes(), &CLUSTERS, &mut shape);
            let general = word_info_chars(w, &CLUSTERS, &mut buf);
            assert_eq!(format!("{fast:?}"), format!("{general:?}"), "{w:?}");
        }
        // The clusters are looked up by the same lowercase hash.
        let the = word_info("The", &CLUSTERS, &mut buf);
        assert_eq!(the.lower, hash_lower("the"));
    }

    #[test]
    fn headline_detection() {
        let mut infos = Vec::new();
        sentence_infos(
            &["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"],
            &GAZETTEER,
            &CLUSTERS,
            &mut infos,
        );
        assert!(is_headline(&infos));
        sentence_infos(&["Japan", "won", "."], &GAZETTEER, &CLUSTERS, &mut infos);
        assert!(!is_headline(&infos));
    }
}
