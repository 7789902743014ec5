//! Scorers on annotated gold data: each reads a gold corpus, runs the pipeline, and reports the standard metrics.
//!
//! | task | data | metrics |
//! |---|---|---|
//! | `conll` | CoNLL-2003 columns | exact-span P/R/F1 per type and overall (conlleval) |
//! | `timeml` | TimeML directories | strict/relaxed span F1, value F1 (TempEval-3) |
//! | `polnear` | brat attribution files | direct-quote P/R/F1, speaker accuracy, reported-speech F1 |
//! | `ieer` | NIST IE-ER | NUMEX span F1 |
//! | `geowebnews` | brat + GeoNames | toponym F1, accuracy within 161 km |

use serde::Serialize;
use std::fmt;

pub mod conll;
pub mod geowebnews;
pub mod ieer;
pub mod polnear;
pub mod timeml;

/// Counts of true positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted and in gold.
    pub tp: usize,
    /// Predicted, not in gold.
    pub fp: usize,
    /// In gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (0 when gold is empty).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1, the harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another set of counts.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// `num / den`, or 0 when `den` is 0.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// One line of a report: a named metric and its value, with the counts behind it where there are any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    /// Name (`value_f1`, `PER f1`).
    pub name: String,
    /// Value (a ratio in 0..=1, or a count).
    pub value: f64,
    /// Counts behind a P/R/F1 figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
}

/// The outcome of a scorer run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Task name (`timeml`).
    pub task: String,
    /// Number of gold documents read.
    pub documents: usize,
    /// The metrics, in reading order.
    pub metrics: Vec<Metric>,
}

impl Report {
    /// An empty report for `task`.
    pub fn new(task: &str, documents: usize) -> Report {
        Report {
            task: task.to_string(),
            documents,
            metrics: Vec::new(),
        }
    }
    /// Adds a plain metric.
    pub fn metric(&mut self, name: &str, value: f64) {
        self.metrics.push(Metric {
            name: name.to_string(),
            value,
            counts: None,
        });
    }
    /// Adds precision, recall and F1 for `counts` under `prefix`.
    pub fn prf(&mut self, prefix: &str, counts: Counts) {
        for (n, v) in [
            ("precision", counts.precision()),
            ("recall", counts.recall()),
            ("f1", counts.f1()),
        ] {
            self.metrics.push(Metric {
                name: format!("{prefix} {n}"),
                value: v,
                counts: Some(counts),
            });
        }
    }
    /// Value of metric `name`, if present.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.metrics
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.value)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} ({} documents)", self.task, self.documents)?;
        for m in &self.metrics {
            match m.counts {
                Some(c) if m.name.ends_with(" f1") => writeln!(
                    f,
                    "  {:<32} {:.4}  (tp {} fp {} fn {})",
                    m.name, m.value, c.tp, c.fp, c.fn_
                )?,
                _ => writeln!(f, "  {:<32} {:.4}", m.name, m.value)?,
            }
        }
        Ok(())
    }
}
