//! Reproducible training of the tagger on CoNLL-2003 columns: `newsgraph train ner --train FILE --valid FILE
//! --out FILE`. An averaged perceptron, greedy decoding on its own predictions (so that it learns to recover
//! from its mistakes), with upper- and lower-cased copies of some documents so that headlines in capitals and
//! lower-case text keep their accuracy. The epoch that scores best on the validation file is written.

use super::features::{
    dynamic_features, is_headline, sentence_infos, static_features, TokenInfo, N_LABELS,
};
use super::gazetteer::GAZETTEER;
use super::tagger::{spans, History, Model, Scratch};
use crate::error::{Error, Result};
use crate::eval::Counts;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// CoNLL training file.
    pub train: PathBuf,
    /// CoNLL validation file (model selection).
    pub valid: PathBuf,
    /// Where to write the model.
    pub out: PathBuf,
    /// Number of passes over the training data.
    pub epochs: usize,
    /// Features whose largest quantized weight is at most this are dropped.
    pub prune: i16,
}

/// A sentence of a CoNLL file: words and BILOU labels.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// Tokens.
    pub words: Vec<String>,
    /// BILOU label per token.
    pub labels: Vec<u8>,
}

/// A CoNLL document (sentences between `-DOCSTART-` lines).
pub type Doc = Vec<Sentence>;

fn type_index(t: &str) -> Option<u8> {
    match t {
        "PER" => Some(0),
        "ORG" => Some(1),
        "LOC" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

/// Reads CoNLL columns (word first, IOB1/IOB2 tag last) into documents with BILOU labels.
pub fn read_conll(path: &Path) -> Result<Vec<Doc>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    let mut docs: Vec<Doc> = vec![Vec::new()];
    let mut words = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush = |docs: &mut Vec<Doc>, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            let labels = iob_to_bilou(tags);
            if let Some(d) = docs.last_mut() {
                d.push(Sentence {
                    words: std::mem::take(words),
                    labels,
                });
            }
            tags.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut words, &mut tags);
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else { continue };
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut tags);
            if docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        words.push(word.to_string());
        tags.push(cols.last().unwrap_or("O").to_string());
    }
    flush(&mut docs, &mut words, &mut tags);
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// Gold entity spans of IOB1 or IOB2 tags: (token range, type).
pub fn iob_spans(tags: &[String]) -> Vec<(std::ops::Range<usize>, u8)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (p, t) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
        let ty = type_index(t);
        let continues = p == "I" && open.is_some_and(|(_, ot)| Some(ot) == ty);
        if !continues {
            if let Some((s, ot)) = open.take() {
                out.push((s..i, ot));
            }
            if let Some(ty) = ty {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, ot)) = open {
        out.push((s..tags.len(), ot));
    }
    out
}

fn iob_to_bilou(tags: &[String]) -> Vec<u8> {
    let mut labels = vec![0u8; tags.len()];
    for (r, t) in iob_spans(tags) {
        let base = 1 + 4 * t;
        if r.len() == 1 {
            labels[r.start] = base + 3;
        } else {
            labels[r.start] = base;
            for l in &mut labels[r.start + 1..r.end - 1] {
                *l = base + 1;
            }
            labels[r.end - 1] = base + 2;
        }
    }
    labels
}

/// Averaged perceptron weights during training (rows created on first update).
struct Weights {
    index: HashMap<u64, u32>,
    w: Vec<[f32; N_LABELS]>,
    u: Vec<[f32; N_LABELS]>,
    c: f32,
}

impl Weights {
    fn score(&self, feat: u64, acc: &mut [f32; N_LABELS]) {
        if let Some(&r) = self.index.get(&feat) {
            for (a, w) in acc.iter_mut().zip(self.w[r as usize].iter()) {
                *a += w;
            }
        }
    }
    fn update(&mut self, feat: u64, label: u8, delta: f32) {
        let n = self.w.len() as u32;
        let r = *self.index.entry(feat).or_insert(n) as usize;
        if r == self.w.len() {
            self.w.push([0.0; N_LABELS]);
            self.u.push([0.0; N_LABELS]);
        }
        self.w[r][label as usize] += delta;
        self.u[r][label as usize] += self.c * delta;
    }
    /// Averaged, quantized and pruned weights.
    fn export(&self, prune: i16) -> Model {
        let c = self.c.max(1.0);
        let avg = |r: usize, l: usize| self.w[r][l] - self.u[r][l] / c;
        let mut max = 0f32;
        for r in 0..self.w.len() {
            for l in 0..N_LABELS {
                max = max.max(avg(r, l).abs());
            }
        }
        let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
        let mut rows = Vec::new();
        for (&k, &r) in &self.index {
            let mut q = [0i16; N_LABELS];
            for (l, x) in q.iter_mut().enumerate() {
                *x = (avg(r as usize, l) * scale).round() as i16;
            }
            if q.iter().any(|x| x.abs() > prune) {
                rows.push((k, q));
            }
        }
        rows.sort_by_key(|r| r.0);
        Model::from_rows(rows.into_iter())
    }
}

fn recase(doc: &Doc, upper: bool) -> Doc {
    doc.iter()
        .map(|s| Sentence {
            words: s
                .words
                .iter()
                .map(|w| {
                    if upper {
                        w.to_uppercase()
                    } else {
                        w.to_lowercase()
                    }
                })
                .collect(),
            labels: s.labels.clone(),
        })
        .collect()
}

/// Exact-span counts of `model` on `docs` (all types together and per type).
pub fn score(model: &Model, docs: &[Doc]) -> (Counts, [Counts; 4]) {
    let mut all = Counts::default();
    let mut per = [Counts::default(); 4];
    let mut scratch = Scratch::default();
    let mut scratch_infos = Vec::new();
    let mut out = Vec::new();
    for d in docs {
        let mut h = History::default();
        for s in d {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            sentence_infos(&words, &GAZETTEER, &mut scratch_infos);
            h.observe_case(&scratch_infos);
        }
        for s in d {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            model.tag_sentence(&words, &GAZETTEER, &mut h, &mut scratch, &mut out);
            let gold = spans(&s.labels);
            let pred = spans(&out);
            for g in &gold {
                if pred.contains(g) {
                    per[g.1 as usize].tp += 1;
                } else {
                    per[g.1 as usize].fn_ += 1;
                }
            }
            for p in &pred {
                if !gold.contains(p) {
                    per[p.1 as usize].fp += 1;
                }
            }
        }
    }
    for c in per {
        all.add(c);
    }
    (all, per)
}

/// Trains the tagger and writes the best epoch's model to `opts.out`. Returns the validation F1 of that model.
pub fn train(opts: &TrainOptions) -> Result<f64> {
    let mut docs = read_conll(&opts.train)?;
    let valid = read_conll(&opts.valid)?;
    // Deterministic augmentation: every 6th document also in capitals, every 8th also in lower case.
    let n = docs.len();
    for i in 0..n {
        if i % 6 == 0 {
            let d = recase(&docs[i], true);
            docs.push(d);
        }
        if i % 8 == 3 {
            let d = recase(&docs[i], false);
            docs.push(d);
        }
    }
    let mut wts = Weights {
        index: HashMap::new(),
        w: Vec::new(),
        u: Vec::new(),
        c: 0.0,
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut infos: Vec<TokenInfo> = Vec::new();
    let mut feats = Vec::new();
    let mut best: Option<(f64, Vec<u8>)> = None;
    for epoch in 0..opts.epochs {
        // Fisher-Yates with xorshift: same order on every run.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &di in &order {
            let mut hist = History::default();
            for s in &docs[di] {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                sentence_infos(&words, &GAZETTEER, &mut infos);
                hist.observe_case(&infos);
            }
            for s in &docs[di] {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                sentence_infos(&words, &GAZETTEER, &mut infos);
                hist.apply_case(&mut infos);
                let headline = is_headline(&infos);
                let (mut p1, mut p2) = (0u8, 0u8);
                let mut dynf = [0u64; 6];
                let mut preds = Vec::with_capacity(words.len());
                for i in 0..infos.len() {
                    wts.c += 1.0;
                    feats.clear();
                    static_features(&infos, i, headline, &mut feats);
                    dynamic_features(&infos[i], p1, p2, hist.get(&infos[i]), &mut dynf);
                    feats.extend_from_slice(&dynf);
                    let mut acc = [0f32; N_LABELS];
                    for &f in &feats {
                        wts.score(f, &mut acc);
                    }
                    let mut pred = 0u8;
                    for l in 1..N_LABELS {
                        if acc[l] > acc[pred as usize] {
                            pred = l as u8;
                        }
                    }
                    let gold = s.labels[i];
                    tokens += 1;
                    if pred != gold {
                        errors += 1;
                        for &f in &feats {
                            wts.update(f, gold, 1.0);
                            wts.update(f, pred, -1.0);
                        }
                    }
                    preds.push(pred);
                    p2 = p1;
                    p1 = pred;
                }
                for (t, &l) in infos.iter().zip(preds.iter()) {
                    hist.record(t, l);
                }
            }
        }
        let model = wts.export(opts.prune);
        let (all, per) = score(&model, &valid);
        eprintln!(
            "epoch {}: train error {:.4}, {} features, valid F1 {:.4} (PER {:.4} ORG {:.4} LOC {:.4} MISC {:.4})",
            epoch + 1,
            errors as f64 / tokens.max(1) as f64,
            model.len(),
            all.f1(),
            per[0].f1(),
            per[1].f1(),
            per[2].f1(),
            per[3].f1()
        );
        if best.as_ref().map_or(true, |b| all.f1() > b.0) {
            best = Some((all.f1(), model.to_bytes()));
        }
    }
    let (f1, bytes) = best.ok_or_else(|| Error::EvalData("no epochs".into()))?;
    std::fs::write(&opts.out, &bytes).map_err(|e| Error::Io {
        path: opts.out.display().to_string(),
        source: e,
    })?;
    eprintln!(
        "wrote {} ({} bytes), valid F1 {:.4}",
        opts.out.display(),
        bytes.len(),
        f1
    );
    Ok(f1)
}
