//! Amounts: numbers with their qualifier, counted object, unit or currency.

use crate::pipeline::Context;
use crate::text::Span;
use crate::time::Timex;
use serde::{Deserialize, Serialize};

/// What an amount measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// A count of things (`100,000 troops`).
    Count,
    /// Money (`$1.5 billion`).
    Money,
    /// A percentage (`40%`).
    Percent,
    /// A measure with a unit (`5 km`).
    Measure,
    /// An age (`a 45-year-old man`).
    Age,
}

/// An amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// The number.
    pub value: f64,
    /// For ranges: the upper bound.
    #[serde(default)]
    pub value_max: Option<f64>,
    /// What it measures.
    pub kind: AmountKind,
    /// `>`, `<`, `~`, `>=`, `<=` or `range`.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// The counted noun phrase (`troops`).
    #[serde(default)]
    pub object: Option<Span>,
    /// Unit of a measure (`km`, `tonnes`).
    #[serde(default)]
    pub unit: Option<String>,
    /// ISO 4217 currency of money.
    #[serde(default)]
    pub currency: Option<String>,
}

/// Finds the amounts of an article (`timexes` keeps dates and times out).
pub fn extract(_ctx: &Context, _timexes: &[Timex]) -> Vec<Amount> {
    Vec::new()
}
