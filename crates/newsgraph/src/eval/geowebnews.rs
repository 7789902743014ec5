//! Scorer for the `geowebnews` task.

use crate::error::{Error, Result};
use crate::eval::Report;
use crate::pipeline::Pipeline;
use std::path::Path;

/// Scores `pipeline` on the gold data at `path`.
pub fn evaluate(_pipeline: &Pipeline, path: &Path) -> Result<Report> {
    Err(Error::EvalData(format!(
        "{}: the geowebnews scorer is not implemented yet",
        path.display()
    )))
}
