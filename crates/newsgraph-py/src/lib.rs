//! Python bindings: thin wrappers over the `newsgraph` core.
//!
//! Results cross the boundary as plain dicts made by `pythonize` from the same serde types the CLI writes as JSON,
//! so `Document.to_dict()` and `newsgraph extract` agree key for key. The typed, frozen objects are built from those
//! dicts in pure Python (`python/newsgraph/_model.py`).
#![forbid(unsafe_code)]

use newsgraph::corpus::{self, Corpus, Input};
use newsgraph::document::Output;
use newsgraph::{Article, Error, ErrorKind, Pipeline};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::{LazyLock, Mutex};

create_exception!(
    newsgraph,
    NewsgraphError,
    PyException,
    "Base class of every newsgraph error."
);
create_exception!(
    newsgraph,
    InvalidUtf8Error,
    NewsgraphError,
    "Bytes that are not valid UTF-8 (the message names the file and byte offset)."
);
create_exception!(
    newsgraph,
    EmptyTextError,
    NewsgraphError,
    "Text that is empty or holds only whitespace."
);
create_exception!(
    newsgraph,
    InvalidDateError,
    NewsgraphError,
    "A date that is not a valid YYYY-MM-DD date."
);
create_exception!(
    newsgraph,
    InvalidRecordError,
    NewsgraphError,
    "A record that is not valid JSON or lacks its text."
);
create_exception!(
    newsgraph,
    BinaryFileError,
    NewsgraphError,
    "A file that is binary, not text."
);
create_exception!(
    newsgraph,
    IoError,
    NewsgraphError,
    "A file or directory that cannot be read."
);
create_exception!(
    newsgraph,
    EvalDataError,
    NewsgraphError,
    "Evaluation data that is missing or malformed."
);

/// The pipeline with every extractor, built once and shared by all calls and threads.
static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::builder().build());

/// The Python exception for an error kind.
fn exception(kind: ErrorKind, message: String) -> PyErr {
    match kind {
        ErrorKind::InvalidUtf8 => InvalidUtf8Error::new_err(message),
        ErrorKind::EmptyText => EmptyTextError::new_err(message),
        ErrorKind::InvalidDate => InvalidDateError::new_err(message),
        ErrorKind::InvalidRecord => InvalidRecordError::new_err(message),
        ErrorKind::Binary => BinaryFileError::new_err(message),
        ErrorKind::Io => IoError::new_err(message),
        ErrorKind::EvalData => EvalDataError::new_err(message),
    }
}

fn to_py_err(e: &Error) -> PyErr {
    exception(e.kind(), e.to_string())
}

fn serialization_error(e: pythonize::PythonizeError) -> PyErr {
    NewsgraphError::new_err(format!("cannot convert the result: {e}"))
}

fn parse_date(date: Option<&str>) -> PyResult<Option<chrono::NaiveDate>> {
    date.map(newsgraph::article::parse_date)
        .transpose()
        .map_err(|e| to_py_err(&e))
}

/// Extracts everything from one article text; returns the document as a dict (the CLI's JSON object).
///
/// `text` may start with a `date YYYY-MM-DD` marker; `date` applies when it does not. Raises `InvalidDateError`
/// for an invalid `date` and `EmptyTextError` for empty or whitespace-only text.
#[pyfunction]
#[pyo3(signature = (text, date=None, id="0"))]
fn extract<'py>(
    py: Python<'py>,
    text: String,
    date: Option<&str>,
    id: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let date = parse_date(date)?;
    let article = Article::parse(id, text).with_date(date);
    let result = py.detach(|| PIPELINE.extract(&article));
    match result {
        Ok(doc) => pythonize::pythonize(py, &doc).map_err(serialization_error),
        Err(e) => Err(to_py_err(&e)),
    }
}

/// Extracts many articles in parallel with the GIL released; one dict per input, in input order.
///
/// Each item is a text (id: its index) or a record dict `{"id"?, "text", "date"?, "title"?, "url"?, "source"?,
/// ...}` (other keys go to `meta`). A failed input gives an error dict `{"id", "error": {"kind", "message"}}` in
/// its place; nothing is raised for it. `threads` sets the size of a dedicated thread pool (default: all cores).
#[pyfunction]
#[pyo3(signature = (items, threads=None, date=None))]
fn extract_many<'py>(
    py: Python<'py>,
    items: Vec<Bound<'py, PyAny>>,
    threads: Option<usize>,
    date: Option<&str>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let date = parse_date(date)?;
    let mut inputs = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if item.is_instance_of::<PyString>() {
            let text: String = item.extract()?;
            inputs.push(Input::Article {
                article: Article::parse(i.to_string(), text).with_date(date),
                warnings: Vec::new(),
            });
        } else if item.is_instance_of::<PyDict>() {
            let map: serde_json::Map<String, serde_json::Value> = pythonize::depythonize(item)
                .map_err(|e| InvalidRecordError::new_err(format!("item {i}: {e}")))?;
            inputs.push(corpus::record_input(map, &i.to_string(), date));
        } else {
            return Err(PyTypeError::new_err(format!(
                "item {i}: expected a str or a dict record, got {}",
                item.get_type().name()?
            )));
        }
    }
    let pool = match threads {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| NewsgraphError::new_err(e.to_string()))?,
        ),
        None => None,
    };
    let outputs: Vec<Output> = py.detach(|| {
        let run = || {
            inputs
                .par_iter()
                .map(|input| input.process(&PIPELINE))
                .collect()
        };
        match &pool {
            Some(pool) => pool.install(run),
            None => run(),
        }
    });
    outputs
        .iter()
        .map(|o| pythonize::pythonize(py, o).map_err(serialization_error))
        .collect()
}

/// Iterates over a corpus (files, directories, `-`), yielding record dicts `{"id", "text", "date", "title", "url",
/// "source", "meta", "warnings"?}` for articles and error dicts `{"id", "error": {"kind", "message"}}` for failed inputs.
#[pyclass(module = "newsgraph._native")]
struct Reader {
    corpus: Mutex<Corpus>,
}

#[pymethods]
impl Reader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let next = py.detach(|| match self.corpus.lock() {
            Ok(mut corpus) => corpus.next(),
            Err(poisoned) => poisoned.into_inner().next(),
        });
        match next {
            None => Ok(None),
            Some(Input::Article { article, warnings }) => {
                let record = pythonize::pythonize(py, &article).map_err(serialization_error)?;
                // Problems with the record (an invalid date, say) travel with it, to be added to its document.
                if !warnings.is_empty() {
                    let warnings =
                        pythonize::pythonize(py, &warnings).map_err(serialization_error)?;
                    record.set_item("warnings", warnings)?;
                }
                Ok(Some(record))
            }
            Some(failed @ Input::Failed { .. }) => {
                pythonize::pythonize(py, &failed.process(&PIPELINE))
                    .map(Some)
                    .map_err(serialization_error)
            }
        }
    }
}

/// Reads a corpus lazily; see `Reader`. `date` applies to articles whose marker and record give none;
/// `date_from_name` dates plain-text files by a date in their file name first.
#[pyfunction]
#[pyo3(signature = (paths, date=None, date_from_name=false))]
fn read(paths: Vec<PathBuf>, date: Option<&str>, date_from_name: bool) -> PyResult<Reader> {
    let date = parse_date(date)?;
    Ok(Reader {
        corpus: Mutex::new(corpus::read(&paths, date).date_from_name(date_from_name)),
    })
}

/// The native module `newsgraph._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_class::<Reader>()?;
    m.add("NewsgraphError", py.get_type::<NewsgraphError>())?;
    m.add("InvalidUtf8Error", py.get_type::<InvalidUtf8Error>())?;
    m.add("EmptyTextError", py.get_type::<EmptyTextError>())?;
    m.add("InvalidDateError", py.get_type::<InvalidDateError>())?;
    m.add("InvalidRecordError", py.get_type::<InvalidRecordError>())?;
    m.add("BinaryFileError", py.get_type::<BinaryFileError>())?;
    m.add("IoError", py.get_type::<IoError>())?;
    m.add("EvalDataError", py.get_type::<EvalDataError>())?;
    Ok(())
}
