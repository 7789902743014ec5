//! Reproducible training of the tagger on CoNLL-2003 columns: `newsgraph train ner --train FILE --valid FILE
//! --out FILE`. An averaged perceptron, greedy decoding on its own predictions (so that it learns to recover
//! from its mistakes), with upper- and lower-cased copies of some documents so that headlines in capitals and
//! lower-case text keep their accuracy. The epoch that scores best on the validation file is written.

use super::clusters::{Clusters, CLUSTERS};
use super::features::{
    dynamic_features, is_headline, sentence_infos, static_features, TokenInfo, N_LABELS,
};
use super::gazetteer::GAZETTEER;
use super::tagger::{spans, History, Model, Scratch};
use crate::error::{Error, Result};
use crate::eval::Counts;
use rayon::prelude::*;
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
    /// Word clusters to use (`word<TAB>cluster` lines); the embedded ones when `None`.
    pub clusters: Option<PathBuf>,
    /// Number of perceptrons trained on different orders and averaged.
    pub runs: usize,
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
}

/// The mean of several perceptrons' averaged weights, quantized to i16 and pruned.
fn export(runs: &[&Weights], prune: i16) -> Model {
    let mut sum: HashMap<u64, [f32; N_LABELS]> = HashMap::new();
    for w in runs {
        let c = w.c.max(1.0);
        for (&k, &r) in &w.index {
            let row = sum.entry(k).or_insert([0.0; N_LABELS]);
            for (l, x) in row.iter_mut().enumerate() {
                *x += (w.w[r as usize][l] - w.u[r as usize][l] / c) / runs.len() as f32;
            }
        }
    }
    let max = sum
        .values()
        .flat_map(|r| r.iter())
        .fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    let mut rows = Vec::new();
    for (&k, row) in &sum {
        let mut q = [0i16; N_LABELS];
        for (x, &v) in q.iter_mut().zip(row.iter()) {
            *x = (v * scale).round() as i16;
        }
        if q.iter().any(|x| x.abs() > prune) {
            rows.push((k, q));
        }
    }
    rows.sort_by_key(|r| r.0);
    Model::from_rows(rows.into_iter())
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
pub fn score(model: &Model, clusters: &Clusters, docs: &[Doc]) -> (Counts, [Counts; 4]) {
    let mut all = Counts::default();
    let mut per = [Counts::default(); 4];
    let mut scratch = Scratch::default();
    let mut scratch_infos = Vec::new();
    let mut out = Vec::new();
    for d in docs {
        let mut h = History::default();
        for s in d {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            sentence_infos(&words, &GAZETTEER, clusters, &mut scratch_infos);
            h.observe_case(&scratch_infos);
        }
        for s in d {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            model.tag_sentence(&words, &GAZETTEER, clusters, &mut h, &mut scratch, &mut out);
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
    let own_clusters = match &opts.clusters {
        Some(p) => Some(Clusters::from_bytes(&std::fs::read(p).map_err(|e| {
            Error::Io {
                path: p.display().to_string(),
                source: e,
            }
        })?)),
        None => None,
    };
    let clusters: &Clusters = own_clusters.as_ref().unwrap_or(&CLUSTERS);
    let mut docs = read_conll(&opts.train)?;
    let valid = read_conll(&opts.valid)?;
    // Deterministic augmentation: every 6th document also in capitals, every 8th also in lower case.
    let n = docs.len();
    let (aug_up, aug_low) = (6, 8);
    for i in 0..n {
        if i % aug_up == 0 {
            let d = recase(&docs[i], true);
            docs.push(d);
        }
        if i % aug_low == 3 {
            let d = recase(&docs[i], false);
            docs.push(d);
        }
    }
    // Several perceptrons, each seeing the documents in its own order; their averaged weights are averaged
    // (a cheap ensemble that evens out the order-dependence of one perceptron).
    let mut runs: Vec<(Weights, Vec<usize>)> = (0..opts.runs.max(1))
        .map(|_| {
            (
                Weights {
                    index: HashMap::new(),
                    w: Vec::new(),
                    u: Vec::new(),
                    c: 0.0,
                },
                (0..docs.len()).collect(),
            )
        })
        .collect();
    let mut rngs: Vec<u64> = (0..runs.len() as u64)
        .map(|r| 0x2545_f491_4f6c_dd1du64 ^ r.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .collect();
    let mut best: Option<(f64, Vec<u8>)> = None;
    for epoch in 0..opts.epochs {
        // Fisher-Yates with xorshift: same orders on every run of the command.
        for ((_, order), rng) in runs.iter_mut().zip(rngs.iter_mut()) {
            for i in (1..order.len()).rev() {
                *rng ^= *rng << 13;
                *rng ^= *rng >> 7;
                *rng ^= *rng << 17;
                order.swap(i, (*rng % (i as u64 + 1)) as usize);
            }
        }
        let results: Vec<(usize, usize)> = runs
            .par_iter_mut()
            .map(|(wts, order)| train_epoch(wts, &docs, order, clusters))
            .collect();
        let errors: usize = results.iter().map(|r| r.0).sum();
        let tokens: usize = results.iter().map(|r| r.1).sum();
        let all_weights: Vec<&Weights> = runs.iter().map(|r| &r.0).collect();
        let model = export(&all_weights, opts.prune);
        let (all, per) = score(&model, clusters, &valid);
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

/// Learns word clusters from the raw news under `raw` plus the words of the CoNLL file `conll` (if given), and
/// writes them to `out` in the shipped form (word hashes and cluster ids, see [`Clusters::from_bytes`]).
pub fn train_clusters(
    raw: &[PathBuf],
    conll: Option<&Path>,
    out: &Path,
    ks: &[usize],
) -> Result<usize> {
    let mut sentences = super::clusters::read_raw(raw);
    if let Some(c) = conll {
        for d in read_conll(c)? {
            for s in d {
                sentences.push(s.words.iter().map(|w| w.to_lowercase()).collect());
            }
        }
    }
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("clusters: {} sentences, {tokens} tokens", sentences.len());
    // One column per granularity, words in the same (frequency) order in each.
    let mut rows: Vec<String> = Vec::new();
    for &k in ks {
        let text = super::clusters::learn(&sentences, k, 3, 6);
        for (i, line) in text.lines().enumerate() {
            let (w, c) = line.split_once('\t').unwrap_or((line, "0"));
            match rows.get_mut(i) {
                Some(r) => {
                    r.push('\t');
                    r.push_str(c);
                }
                None => rows.push(format!("{w}\t{c}")),
            }
        }
    }
    let text = rows.join("\n") + "\n";
    std::fs::write(out, Clusters::tsv_to_bytes(&text)).map_err(|e| Error::Io {
        path: out.display().to_string(),
        source: e,
    })?;
    Ok(text.lines().count())
}

/// One pass of the perceptron over `docs` in `order`: (errors, tokens).
fn train_epoch(
    wts: &mut Weights,
    docs: &[Doc],
    order: &[usize],
    clusters: &Clusters,
) -> (usize, usize) {
    let mut infos: Vec<TokenInfo> = Vec::new();
    let mut feats = Vec::new();
    let mut errors = 0usize;
    let mut tokens = 0usize;
    for &di in order {
        let mut hist = History::default();
        for s in &docs[di] {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            sentence_infos(&words, &GAZETTEER, clusters, &mut infos);
            hist.observe_case(&infos);
        }
        for s in &docs[di] {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            sentence_infos(&words, &GAZETTEER, clusters, &mut infos);
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
    (errors, tokens)
}
