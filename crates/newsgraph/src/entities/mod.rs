//! Named entities: people (with title and affiliation), organizations, places, nationalities; linked within the
//! document into clusters.

pub mod features;
pub mod gazetteer;
pub mod tagger;
pub mod train;

use crate::pipeline::Context;
use serde::{Deserialize, Serialize};

/// Entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    /// A person.
    Person,
    /// An organization (government bodies, companies, agencies, alliances).
    Org,
    /// A place (countries, regions, cities, physical features).
    Loc,
    /// Nationalities, religious and political groups (`Russian`, `Western`).
    Norp,
    /// Other names (events, works, products).
    Misc,
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// Type.
    pub label: EntityLabel,
    /// Full name of the entity this mention refers to (its cluster's canonical name).
    pub canonical: String,
    /// Document-level cluster id (index into `entity_clusters`).
    pub cluster: usize,
    /// For persons: title (`spokesman`, `President`).
    #[serde(default)]
    pub title: Option<String>,
    /// For persons: affiliation (`Kremlin`, `Russia`).
    #[serde(default)]
    pub affiliation: Option<String>,
    /// For places and nationalities (and affiliations that are countries): ISO 3166 alpha-2 code.
    #[serde(default)]
    pub country: Option<String>,
}

/// One real-world entity of the document, with everything known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityCluster {
    /// Cluster id (its index).
    pub id: usize,
    /// Canonical (fullest) name.
    pub canonical: String,
    /// Type.
    pub label: EntityLabel,
    /// Title, for persons.
    #[serde(default)]
    pub title: Option<String>,
    /// Affiliation, for persons.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// ISO 3166 alpha-2 country code, where one applies.
    #[serde(default)]
    pub country: Option<String>,
    /// Number of mentions.
    pub mentions: usize,
}

/// Loads the embedded model and gazetteers (done by [`crate::PipelineBuilder::build`]).
pub fn preload() {}

/// Finds the entity mentions of an article and links them into clusters.
pub fn recognize(_ctx: &Context) -> (Vec<Entity>, Vec<EntityCluster>) {
    (Vec::new(), Vec::new())
}
