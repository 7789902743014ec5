//! The output contract: one [`Document`] per article, serialized identically by the CLI and Python's `to_dict()`.
//!
//! Key names are stable; downstream tools rely on them. See `docs/schema.md`.

use crate::amounts::Amount;
use crate::article::{Credit, Dateline, Paragraph, Warning};
use crate::entities::{Entity, EntityCluster};
use crate::error::{Error, ErrorKind};
use crate::events::Event;
use crate::places::{Focus, Place};
use crate::quotes::Quote;
use crate::time::Timex;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A sentence: `start`/`end` in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// The article title. `start`/`end` are null when the title comes from the input record and does not occur in
/// the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// First code point, if the title is in the text.
    pub start: Option<usize>,
    /// One past the last code point, if the title is in the text.
    pub end: Option<usize>,
    /// The title.
    pub text: String,
}

/// The body of the article (after marker, title and dateline; before the credit line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// Everything newsgraph found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier of the input.
    pub id: String,
    /// Publication date (`YYYY-MM-DD`): marker, else corpus/record date, else dateline; null if none.
    pub date: Option<NaiveDate>,
    /// Title, from the text or the input record.
    pub title: Option<Title>,
    /// Dateline opening the body.
    pub dateline: Option<Dateline>,
    /// Credit line closing the article.
    pub credit: Option<Credit>,
    /// URL from the input record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Source (outlet) from the input record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The body range.
    pub body: Body,
    /// Paragraphs of the body, headings flagged.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of the body (and title).
    pub sentences: Vec<Sentence>,
    /// Named entity mentions.
    pub entities: Vec<Entity>,
    /// One per real-world entity: canonical name, label, title, affiliation, country, mention count.
    pub entity_clusters: Vec<EntityCluster>,
    /// Quotes and reported speech.
    pub quotes: Vec<Quote>,
    /// Time expressions (TimeML TIMEX3).
    pub timexes: Vec<Timex>,
    /// Amounts with qualifier and counted object.
    pub amounts: Vec<Amount>,
    /// Places resolved to GeoNames.
    pub places: Vec<Place>,
    /// Countries and places the article is about.
    pub focus: Focus,
    /// Events (CAMEO), empty until the events extractor lands.
    pub events: Vec<Event>,
    /// Warnings about the input (the text is kept).
    pub warnings: Vec<Warning>,
    /// Fields of the input record not otherwise used, passed through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// The exact input text; every offset points into it.
    pub text: String,
}

/// The error half of an output line: `{"id", "error": {"kind", "message"}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Identifier of the failed input.
    pub id: String,
    /// What went wrong.
    pub error: ErrorInfo,
}

/// Kind and message of a failure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// Machine-readable kind.
    pub kind: ErrorKind,
    /// Human-readable message.
    pub message: String,
}

impl ErrorRecord {
    /// The record for `error` on input `id`.
    pub fn new(id: impl Into<String>, error: &Error) -> ErrorRecord {
        ErrorRecord {
            id: id.into(),
            error: ErrorInfo {
                kind: error.kind(),
                message: error.to_string(),
            },
        }
    }
}

/// One output line: a document or an error record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Output {
    /// A processed document.
    Document(Box<Document>),
    /// A failed input.
    Error(ErrorRecord),
}
