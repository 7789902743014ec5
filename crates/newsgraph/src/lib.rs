//! # newsgraph
//!
//! Turn news articles into data an analyst can trust: entities with titles and affiliations, quotes with their
//! speakers, time expressions normalized against the article date, amounts, and places resolved offline.
//!
//! Build a [`Pipeline`] once and share it across threads; feed it [`Article`]s; get [`Document`]s whose every span
//! carries `start`/`end` in Unicode code points into the exact input text.
//!
//! ```
//! use newsgraph::{Article, Pipeline};
//!
//! let pipeline = Pipeline::builder().build();
//! let article = Article::parse("example", " date 2022-02-17 Russia announced on Thursday that it has begun withdrawing troops.");
//! let doc = pipeline.extract(&article).unwrap();
//! assert_eq!(doc.date.unwrap().to_string(), "2022-02-17");
//! assert!(doc.text[doc.body.start..].starts_with("Russia"));
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod amounts;
pub mod article;
pub mod corpus;
pub mod document;
pub mod entities;
pub mod error;
pub mod eval;
pub mod events;
pub mod pipeline;
pub mod places;
pub mod quotes;
pub mod text;
pub mod time;

pub use article::Article;
pub use document::Document;
pub use error::{Error, ErrorKind};
pub use pipeline::{Pipeline, PipelineBuilder};
pub use text::Span;
