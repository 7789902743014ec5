//! Python bindings: thin wrappers over the `newsgraph` core.
use pyo3::prelude::*;

/// The native module `newsgraph._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
