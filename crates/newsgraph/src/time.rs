//! Time expressions (TimeML TIMEX3), normalized against the article date.

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
pub fn preload() {}

/// Finds and normalizes the time expressions of an article.
pub fn extract(_ctx: &Context) -> Vec<Timex> {
    Vec::new()
}
