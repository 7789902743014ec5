//! Scorer for the `polnear` task.

use crate::error::{Error, Result};
use crate::eval::Report;
use crate::pipeline::Pipeline;
use std::path::Path;

/// Scores `pipeline` on the gold data at `path`.
pub fn evaluate(_pipeline: &Pipeline, path: &Path) -> Result<Report> {
    Err(Error::EvalData(format!(
        "{}: the polnear scorer is not implemented yet",
        path.display()
    )))
}
