//! Training the cue model of [`super::model`] on PolNeAR (`newsgraph train quotes --train polnear/train --out
//! crates/newsgraph/data/quotes/cue_model.bin`).
//!
//! Every reported-speech candidate of the extractor is an example: positive when a gold reported-speech
//! attribution (content not opening with a quotation mark) has a cue overlapping the candidate's cue and a content
//! overlapping the candidate's content. Binary averaged perceptron, documents shuffled each epoch.

use super::reported::Collected;
use crate::article::parse_structure;
use crate::error::{Error, Result};
use crate::eval::polnear::{annotations, parse_ann, starts_with_mark};
use crate::pipeline::Context;
use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// What training saw and wrote.
#[derive(Debug, Clone, Copy)]
pub struct TrainSummary {
    /// Articles read.
    pub documents: usize,
    /// Candidates (examples).
    pub examples: usize,
    /// Positive examples.
    pub positives: usize,
    /// Weights written.
    pub weights: usize,
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Examples of one article: candidates' features and labels.
fn examples(text: &str, ann: &str) -> Vec<(Vec<u32>, bool)> {
    let st = parse_structure(text);
    let ctx = Context::of_article(text, &st, st.date);
    let mut collected: Vec<Collected> = Vec::new();
    let _ = super::run(&ctx, &[], &[], &[], Some(&mut collected));
    let chars: Vec<char> = text.chars().collect();
    let gold: Vec<_> = parse_ann(ann)
        .into_iter()
        .filter(|g| !starts_with_mark(&chars, &g.content))
        .collect();
    let hits =
        |parts: &[(usize, usize)], a: usize, b: usize| parts.iter().any(|&(s, e)| s < b && a < e);
    collected
        .into_iter()
        .map(|c| {
            let (ca, cb) = (ctx.char_of(c.cue.start), ctx.char_of(c.cue.end));
            let (ta, tb) = (ctx.char_of(c.content.start), ctx.char_of(c.content.end));
            let y = gold
                .iter()
                .any(|g| hits(&g.cue, ca, cb) && hits(&g.content, ta, tb));
            (c.features, y)
        })
        .collect()
}

/// Trains on the PolNeAR split at `dir` (`text/`, `attributions/`) for `epochs` passes and writes the weights
/// to `out`.
pub fn train(dir: &Path, out: &Path, epochs: usize) -> Result<TrainSummary> {
    // One annotation per article, as in the scorer.
    let anns = annotations(&dir.join("attributions"))?;
    let mut docs: Vec<Vec<(Vec<u32>, bool)>> = Vec::new();
    for (name, ann) in &anns {
        let Ok(text) = read(&dir.join("text").join(format!("{name}.txt"))) else {
            continue;
        };
        docs.push(examples(&text, &read(ann)?));
    }
    let examples_n: usize = docs.iter().map(Vec::len).sum();
    let positives: usize = docs.iter().flatten().filter(|e| e.1).count();
    // Averaged perceptron: w, and the running sum of updates weighted by time for the average.
    let mut w: HashMap<u32, f32> = HashMap::new();
    let mut u: HashMap<u32, f32> = HashMap::new();
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &d in &order {
            for (feats, y) in &docs[d] {
                let s: f32 = feats.iter().map(|k| w.get(k).copied().unwrap_or(0.0)).sum();
                let guess = s > 0.0;
                if guess != *y {
                    let step = if *y { 1.0 } else { -1.0 };
                    for k in feats {
                        *w.entry(*k).or_insert(0.0) += step;
                        *u.entry(*k).or_insert(0.0) += c * step;
                    }
                }
                c += 1.0;
            }
        }
    }
    let mut rows: Vec<(u32, f32)> = w
        .iter()
        .map(|(k, v)| (*k, v - u.get(k).copied().unwrap_or(0.0) / c))
        .filter(|(_, v)| v.abs() > 1e-3)
        .collect();
    rows.sort_by_key(|r| r.0);
    let mut bytes = Vec::with_capacity(rows.len() * 8);
    for (k, v) in &rows {
        bytes.extend(k.to_le_bytes());
        bytes.extend(v.to_le_bytes());
    }
    fs::write(out, bytes).map_err(|source| Error::Io {
        path: out.display().to_string(),
        source,
    })?;
    Ok(TrainSummary {
        documents: docs.len(),
        examples: examples_n,
        positives,
        weights: rows.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped weights must be what the README's training command writes from the current code: a change
    /// to candidate collection or features that is not followed by retraining would ship stale weights.
    #[test]
    fn shipped_cue_model_is_what_training_writes() {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/quotes/polnear/train");
        if !dir.join("attributions").exists() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let out = tempfile::NamedTempFile::new().unwrap();
        let summary = train(&dir, out.path(), 5).unwrap();
        let trained = fs::read(out.path()).unwrap();
        let shipped: &[u8] = include_bytes!("../../data/quotes/cue_model.bin");
        assert_eq!(summary.weights * 8, trained.len());
        assert!(
            trained == shipped,
            "data/quotes/cue_model.bin is stale: retrain it with the README's `newsgraph train quotes` command"
        );
    }
}
