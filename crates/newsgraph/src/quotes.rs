//! Quotes and reported speech, each with its cue, speaker and audience.

use crate::entities::{Entity, EntityCluster};
use crate::pipeline::Context;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// What kind of quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A full quoted statement.
    Direct,
    /// A quoted fragment inside a sentence.
    Partial,
    /// Reported speech (no quotation marks).
    Indirect,
}

/// The verb or phrase that introduces a quote (`said`, `told`, `according to`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// Base form (`say`, `tell`, `according to`).
    pub lemma: String,
}

/// Who said it: the local mention and, once resolved, the named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// First code point of the local mention.
    pub start: usize,
    /// One past the last code point of the local mention.
    pub end: usize,
    /// Surface of the local mention (`he`, `Kremlin spokesman Dmitry Peskov`).
    pub text: String,
    /// Resolved name (`Dmitry Peskov`), if resolved.
    #[serde(default)]
    pub name: Option<String>,
    /// Entity cluster id, if resolved.
    #[serde(default)]
    pub cluster: Option<usize>,
    /// Title of the resolved speaker.
    #[serde(default)]
    pub title: Option<String>,
    /// Affiliation of the resolved speaker.
    #[serde(default)]
    pub affiliation: Option<String>,
}

/// A quote or a piece of reported speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The quotation including its marks; for reported speech, the content clause.
    pub text: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Cue verb or phrase.
    pub cue: Option<Cue>,
    /// Speaker, or null when none can be found.
    pub speaker: Option<Speaker>,
    /// Audience where stated (`reporters`, `news agencies`).
    #[serde(default)]
    pub audience: Option<Span>,
}

/// Finds the quotes and reported speech of an article and their speakers.
pub fn extract(_ctx: &Context, _entities: &[Entity], _clusters: &[EntityCluster]) -> Vec<Quote> {
    Vec::new()
}
