//! Word clusters learnt from raw news text (the exchange algorithm of Kneser and Ney / Martin et al.: classes
//! that maximise the likelihood of a class bigram model, in the spirit of Brown clusters). Words are lowercased,
//! so capitals and lower-case text map to the same cluster. The tagger uses a token's cluster and its
//! neighbours' as features: rare names share clusters with frequent ones.

use super::features::hash_lower;
use super::gazetteer::HashBuild;
use crate::pipeline::Context;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Word (lowercase hash) -> cluster ids at two granularities (1-based; 0 means unknown).
pub struct Clusters {
    map: HashMap<u64, [u16; 2], HashBuild>,
}

const MAGIC: &[u8; 8] = b"NGCLU1\0\0";

impl Clusters {
    /// Reads the shipped form: magic, then per word its lowercase hash (u64) and two cluster ids (u16, 1-based),
    /// little endian. Words are stored as hashes only: the file holds no text.
    pub fn from_bytes(bytes: &[u8]) -> Clusters {
        let mut map = HashMap::with_capacity_and_hasher(bytes.len() / 12, HashBuild::default());
        if let Some(body) = bytes.strip_prefix(MAGIC.as_slice()) {
            for rec in body.chunks_exact(12) {
                let h = u64::from_le_bytes([
                    rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6], rec[7],
                ]);
                map.insert(
                    h,
                    [
                        u16::from_le_bytes([rec[8], rec[9]]),
                        u16::from_le_bytes([rec[10], rec[11]]),
                    ],
                );
            }
        }
        Clusters { map }
    }

    /// Converts `word<TAB>cluster<TAB>cluster` lines (what [`learn`] gives) to the shipped form.
    pub fn tsv_to_bytes(src: &str) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for line in src.lines() {
            let mut f = line.split('\t');
            let Some(w) = f.next() else { continue };
            out.extend_from_slice(&hash_lower(w).to_le_bytes());
            let mut ids = [0u16; 2];
            for (slot, c) in ids.iter_mut().zip(f) {
                *slot = c.trim().parse::<u16>().map_or(0, |c| c.saturating_add(1));
            }
            out.extend_from_slice(&ids[0].to_le_bytes());
            out.extend_from_slice(&ids[1].to_le_bytes());
        }
        out
    }

    /// Parses `word<TAB>cluster<TAB>cluster` lines (coarse, then fine).
    pub fn parse(src: &str) -> Clusters {
        let mut map = HashMap::with_capacity_and_hasher(src.len() / 12, HashBuild::default());
        for line in src.lines() {
            let mut f = line.split('\t');
            let Some(w) = f.next() else { continue };
            let mut ids = [0u16; 2];
            for (slot, c) in ids.iter_mut().zip(f) {
                *slot = c.trim().parse::<u16>().map_or(0, |c| c.saturating_add(1));
            }
            map.insert(hash_lower(w), ids);
        }
        Clusters { map }
    }

    /// The clusters of a word given by its lowercase hash (0 when unknown).
    #[inline]
    pub fn get(&self, lower_hash: u64) -> [u16; 2] {
        if self.map.is_empty() {
            return [0; 2];
        }
        self.map.get(&lower_hash).copied().unwrap_or([0; 2])
    }
}

/// The embedded clusters.
pub static CLUSTERS: LazyLock<Clusters> =
    LazyLock::new(|| Clusters::from_bytes(include_bytes!("../../data/ner/clusters.bin")));

fn xlogx(x: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else {
        x * x.ln()
    }
}

/// Learns `k` clusters over the lowercased words of `texts` (sentences of tokens) that occur at least
/// `min_count` times; returns `word<TAB>cluster` lines, most frequent words first.
pub fn learn(sentences: &[Vec<String>], k: usize, min_count: usize, iterations: usize) -> String {
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for s in sentences {
        for w in s {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = freq.into_iter().filter(|(_, n)| *n >= min_count).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // Id 0: sentence boundary; 1: rare words; then the vocabulary.
    let ids: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32 + 2))
        .collect();
    let n = vocab.len() + 2;
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
    for s in sentences {
        let mut prev = 0u32;
        for w in s {
            let id = ids.get(w.as_str()).copied().unwrap_or(1);
            *bigrams.entry((prev, id)).or_default() += 1;
            prev = id;
        }
        *bigrams.entry((prev, 0)).or_default() += 1;
    }
    let mut succ: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    let mut nl = vec![0f64; n];
    let mut nr = vec![0f64; n];
    for (&(a, b), &c) in &bigrams {
        succ[a as usize].push((b, c));
        pred[b as usize].push((a, c));
        nl[a as usize] += c as f64;
        nr[b as usize] += c as f64;
    }
    // Boundary and rare words keep classes of their own (0 and 1); words start round-robin.
    let k = k.max(3);
    let mut class: Vec<usize> = (0..n)
        .map(|i| if i < 2 { i } else { 2 + (i - 2) % (k - 2) })
        .collect();
    let mut m = vec![0f64; k * k];
    let mut cl = vec![0f64; k];
    let mut cr = vec![0f64; k];
    for (&(a, b), &c) in &bigrams {
        m[class[a as usize] * k + class[b as usize]] += c as f64;
    }
    for w in 0..n {
        cl[class[w]] += nl[w];
        cr[class[w]] += nr[w];
    }
    let mut r = vec![0f64; k];
    let mut l = vec![0f64; k];
    let mut rnz: Vec<usize> = Vec::new();
    let mut lnz: Vec<usize> = Vec::new();
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 2..n {
            let a = class[w];
            // Bigram counts of w with each class, apart from w itself.
            rnz.clear();
            lnz.clear();
            let mut selfc = 0f64;
            for &(v, c) in &succ[w] {
                if v as usize == w {
                    selfc += c as f64;
                    continue;
                }
                let d = class[v as usize];
                if r[d] == 0.0 {
                    rnz.push(d);
                }
                r[d] += c as f64;
            }
            for &(u, c) in &pred[w] {
                if u as usize == w {
                    continue;
                }
                let d = class[u as usize];
                if l[d] == 0.0 {
                    lnz.push(d);
                }
                l[d] += c as f64;
            }
            // Take w out of a.
            let apply = |m: &mut [f64],
                         cl: &mut [f64],
                         cr: &mut [f64],
                         b: usize,
                         sign: f64,
                         r: &[f64],
                         l: &[f64]| {
                for &d in &rnz {
                    m[b * k + d] += sign * r[d];
                }
                for &d in &lnz {
                    m[d * k + b] += sign * l[d];
                }
                m[b * k + b] += sign * selfc;
                cl[b] += sign * nl[w];
                cr[b] += sign * nr[w];
            };
            apply(&mut m, &mut cl, &mut cr, a, -1.0, &r, &l);
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 2..k {
                let mut gain = 0.0;
                for &d in &rnz {
                    if d != b {
                        let x = m[b * k + d];
                        gain += xlogx(x + r[d]) - xlogx(x);
                    }
                }
                for &d in &lnz {
                    if d != b {
                        let x = m[d * k + b];
                        gain += xlogx(x + l[d]) - xlogx(x);
                    }
                }
                let x = m[b * k + b];
                gain += xlogx(x + r[b] + l[b] + selfc) - xlogx(x);
                gain -= xlogx(cl[b] + nl[w]) - xlogx(cl[b]);
                gain -= xlogx(cr[b] + nr[w]) - xlogx(cr[b]);
                if gain > best_gain + 1e-9 {
                    best_gain = gain;
                    best = b;
                }
            }
            apply(&mut m, &mut cl, &mut cr, best, 1.0, &r, &l);
            if best != a {
                moved += 1;
                class[w] = best;
            }
            for &d in &rnz {
                r[d] = 0.0;
            }
            for &d in &lnz {
                l[d] = 0.0;
            }
        }
        eprintln!("clusters: {moved} of {} words moved", n - 2);
        if moved == 0 {
            break;
        }
    }
    let mut out = String::new();
    for (i, (w, _)) in vocab.iter().enumerate() {
        out.push_str(w);
        out.push('\t');
        out.push_str(&(class[i + 2] - 2).to_string());
        out.push('\n');
    }
    out
}

/// Lowercased sentences of the `.txt` files under `dirs` (recursively), tokenized as the pipeline does.
pub fn read_raw(dirs: &[std::path::PathBuf]) -> Vec<Vec<String>> {
    let mut files = Vec::new();
    let mut stack: Vec<std::path::PathBuf> = dirs.to_vec();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(&p) {
                stack.extend(rd.filter_map(|e| e.ok().map(|e| e.path())));
            }
        } else if p.extension().is_some_and(|e| e == "txt") {
            files.push(p);
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let ctx = Context::from_text(&text, None);
        for i in 0..ctx.sentences.len() {
            out.push(
                ctx.sentence_tokens(i)
                    .iter()
                    .map(|t| t.text(&text).to_lowercase())
                    .collect(),
            );
        }
    }
    out
}
