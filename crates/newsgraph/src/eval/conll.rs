//! Scorer for the `conll` task: exact-span precision, recall and F1 per type and overall, as conlleval, on the
//! gold tokens of a CoNLL-2003 file (`-DOCSTART-` separates documents; the tagger keeps document history).
//! The tagger's PER/ORG/LOC/MISC are compared directly; in the pipeline's output PERSON is PER and NORP is
//! MISC.

use crate::entities::tagger::{spans, tag_document, TYPES};
use crate::entities::train::read_conll;
use crate::error::{Error, Result};
use crate::eval::{Counts, Report};
use crate::pipeline::Pipeline;
use std::path::Path;

/// Scores the entity tagger on the gold data at `path`.
pub fn evaluate(_pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let docs = read_conll(path)?;
    if docs.is_empty() {
        return Err(Error::EvalData(format!(
            "{}: no CoNLL sentences",
            path.display()
        )));
    }
    let mut per = [Counts::default(); 4];
    let mut tokens = 0usize;
    let started = std::time::Instant::now();
    for d in &docs {
        let sents: Vec<Vec<&str>> = d
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        tokens += sents.iter().map(Vec::len).sum::<usize>();
        let predicted = tag_document(&sents);
        for (s, pred) in d.iter().zip(predicted.iter()) {
            let gold = spans(&s.labels);
            let pred = spans(pred);
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
    let secs = started.elapsed().as_secs_f64();
    let mut all = Counts::default();
    for c in per {
        all.add(c);
    }
    let mut report = Report::new("conll", docs.len());
    report.prf("overall", all);
    for (t, c) in TYPES.iter().zip(per) {
        report.prf(t, c);
    }
    report.metric("tokens", tokens as f64);
    report.metric("tokens per second", tokens as f64 / secs.max(1e-9));
    Ok(report)
}
