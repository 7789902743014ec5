//! Time expressions (TimeML TIMEX3), normalized against the article date.
//!
//! A hand-written, token-level scanner over [`Context::tokens`]: each token is looked up once in a small lexicon
//! (months, weekdays, units, number words, cue words); at each token that can start an expression, a handful of
//! matchers try their patterns and the longest match wins. Matchers never look further than a few tokens ahead,
//! so tagging is linear in the text. Values follow the TimeML conventions used by TimeBank and TempEval-3
//! (`2022-02-15`, `2022-W07`, `P3D`, `PRESENT_REF`...); relative expressions are anchored to the article date,
//! and the tense around a bare weekday or month decides whether it points back (the news default) or forward.
//! See [`lexicon`] for the words and [`calendar`] for the arithmetic.

pub mod calendar;
mod lexicon;
mod scan;

use crate::pipeline::Context;
use serde::{Deserialize, Serialize};

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (`2022-02-15`, `2021-12`, `2022-W07`).
    Date,
    /// A time of day (`2022-02-17T10:00`).
    Time,
    /// A length of time (`P3D`).
    Duration,
    /// A recurrence (`XXXX-WXX-1`).
    Set,
}

/// The bounds of an interval expression (`since December`: begin `2021-12`, end the article date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    /// TIMEX3 value of the start, if bounded.
    pub begin: Option<String>,
    /// TIMEX3 value of the end, if bounded.
    pub end: Option<String>,
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2022-02-15`, `P3D`, `PRESENT_REF`, `XXXX-WXX-1`).
    pub value: String,
    /// TIMEX3 mod (`BEFORE`, `AFTER`, `APPROX`, `START`, `END`, `MORE_THAN`, `LESS_THAN`...).
    #[serde(rename = "mod", default)]
    pub modifier: Option<String>,
    /// For intervals: begin and end values.
    #[serde(default)]
    pub interval: Option<Interval>,
}

/// Loads the embedded lexicons (done by [`crate::PipelineBuilder::build`]).
pub fn preload() {
    lexicon::preload();
}

/// Finds and normalizes the time expressions of an article.
pub fn extract(ctx: &Context) -> Vec<Timex> {
    scan::extract(ctx, false)
}

/// As [`extract`], for an article whose main country keeps the Orthodox calendar of feasts (Russia, Ukraine,
/// Greece, Serbia...): there a bare `Easter` is the Orthodox one unless the sentence says it is the Western one.
pub fn extract_in_orthodox_country(ctx: &Context) -> Vec<Timex> {
    scan::extract(ctx, true)
}

/// Whether a country (ISO alpha-2) keeps Easter by the Julian computus: its majority church is Eastern Orthodox.
pub fn orthodox_country(code: &str) -> bool {
    matches!(
        code,
        "RU" | "UA" | "BY" | "GR" | "CY" | "RS" | "ME" | "MK" | "BG" | "RO" | "MD" | "GE"
    )
}

#[cfg(test)]
mod tests;
