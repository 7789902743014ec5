//! Errors: one enum for the crate, each variant a kind that bindings map to their own exception types.

use serde::{Deserialize, Serialize};

/// Everything that can go wrong while reading or processing an input.
///
/// Odd article text is data, not an error: extraction itself never fails on text. Errors come from input that is
/// not text at all, is empty, or cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bytes that are not valid UTF-8.
    #[error("{source_name}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// File or record the bytes came from.
        source_name: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Text that is empty or holds only whitespace.
    #[error("{0}: empty document (no text besides whitespace)")]
    EmptyText(String),
    /// A date argument or field that is not a valid `YYYY-MM-DD` date.
    #[error("invalid date {value:?}: expected YYYY-MM-DD")]
    InvalidDate {
        /// The value given.
        value: String,
    },
    /// A JSON record that cannot be parsed or lacks its text.
    #[error("{location}: {message}")]
    InvalidRecord {
        /// `file:line` of the record.
        location: String,
        /// What is wrong.
        message: String,
    },
    /// A file that looks binary (NUL bytes), skipped.
    #[error("{0}: binary file, not text")]
    Binary(String),
    /// A file or directory that cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A scorer's gold data is missing or malformed.
    #[error("evaluation data: {0}")]
    EvalData(String),
}

/// The stable, machine-readable kind of an [`Error`], as written in error records (`{"error": {"kind": ...}}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// See [`Error::InvalidUtf8`].
    InvalidUtf8,
    /// See [`Error::EmptyText`].
    EmptyText,
    /// See [`Error::InvalidDate`].
    InvalidDate,
    /// See [`Error::InvalidRecord`].
    InvalidRecord,
    /// See [`Error::Binary`].
    Binary,
    /// See [`Error::Io`].
    Io,
    /// See [`Error::EvalData`].
    EvalData,
}

impl Error {
    /// The kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            Error::EmptyText(_) => ErrorKind::EmptyText,
            Error::InvalidDate { .. } => ErrorKind::InvalidDate,
            Error::InvalidRecord { .. } => ErrorKind::InvalidRecord,
            Error::Binary(_) => ErrorKind::Binary,
            Error::Io { .. } => ErrorKind::Io,
            Error::EvalData(_) => ErrorKind::EvalData,
        }
    }
}

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
