//! Events (CAMEO-coded who did what to whom). Not implemented yet: the list is always empty.

use crate::entities::Entity;
use crate::pipeline::Context;
use serde::{Deserialize, Serialize};

/// A coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// First code point of the trigger.
    pub start: usize,
    /// One past the last code point of the trigger.
    pub end: usize,
    /// Surface of the trigger.
    pub text: String,
    /// CAMEO code.
    pub code: String,
}

/// Finds the events of an article (none yet).
pub fn extract(_ctx: &Context, _entities: &[Entity]) -> Vec<Event> {
    Vec::new()
}
