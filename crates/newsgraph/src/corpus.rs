//! Reading corpora: files, directories, JSON Lines, JSON arrays, gzip, stdin; each input becomes an [`Article`]
//! or an error that names it, so that a batch loses nothing.
//!
//! - A path to a file is read whatever its extension: `.jsonl` and `.json` (optionally `.gz`) hold records,
//!   anything else is one plain-text article (`.gz` is decompressed).
//! - A directory is walked recursively in sorted order; files ending in `.txt`, `.jsonl`, `.json` or those plus
//!   `.gz` are read. Hidden files (`.name`) are ignored. Other files are ignored too, unless they look binary, in
//!   which case they yield a [`Error::Binary`] failure: the analyst learns that something in the corpus was not read.
//! - `-` is standard input: JSON Lines when its first non-blank byte is `{`, a JSON array when it is `[`, else
//!   one plain-text article.
//!
//! Records are `{"id", "text", "date"?, "title"?, "url"?, "source"?}`; any other field is kept in
//! [`Article::meta`]. An article's `id` is the record's `id`, else the file path, plus `:line` for a JSON Lines
//! record (`#n`, 1-based, for an element of a JSON array).
//!
//! Reading streams: one file (or one JSON Lines record) is in memory at a time, so corpora of any size work, and
//! a single 50 MB line is just one large record.

use crate::article::{parse_date, Article, Warning};
use crate::document::{ErrorRecord, Output};
use crate::error::Error;
use crate::pipeline::Pipeline;
use chrono::NaiveDate;
use flate2::read::MultiGzDecoder;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input read from a corpus: an article, or the reason it could not be read.
#[derive(Debug)]
pub enum Input {
    /// A readable article, with warnings about its record (an invalid `date` field, say), which processing adds to
    /// the document's own warnings.
    Article {
        /// The article.
        article: Article,
        /// Problems with the record that did not stop it from being read.
        warnings: Vec<Warning>,
    },
    /// An input that failed, with the id it would have had.
    Failed {
        /// Identifier of the input (`path`, `path:line`).
        id: String,
        /// What went wrong.
        error: Error,
    },
}

impl Input {
    /// The id of the input.
    pub fn id(&self) -> &str {
        match self {
            Input::Article { article, .. } => &article.id,
            Input::Failed { id, .. } => id,
        }
    }

    /// Size of the text in bytes (0 for failures): what throughput figures count.
    pub fn text_len(&self) -> usize {
        match self {
            Input::Article { article, .. } => article.text.len(),
            Input::Failed { .. } => 0,
        }
    }

    /// Runs `pipeline` on the input: a document (with the record's warnings first), or an error record.
    pub fn process(&self, pipeline: &Pipeline) -> Output {
        match self {
            Input::Article { article, warnings } => match pipeline.extract(article) {
                Ok(mut doc) => {
                    if !warnings.is_empty() {
                        let mut all = warnings.clone();
                        all.append(&mut doc.warnings);
                        doc.warnings = all;
                    }
                    Output::Document(Box::new(doc))
                }
                Err(e) => Output::Error(ErrorRecord::new(article.id.clone(), &e)),
            },
            Input::Failed { id, error } => Output::Error(ErrorRecord::new(id.clone(), error)),
        }
    }
}

/// Reads every input under `paths` in a stable order (`-` is stdin), giving each article `date` when neither its
/// text marker nor its record has one. Lazy: nothing is read until the iterator is advanced.
pub fn read(paths: &[PathBuf], date: Option<NaiveDate>) -> Corpus {
    Corpus {
        pending: paths.iter().cloned().map(|p| (p, true)).collect(),
        current: None,
        date,
        date_from_name: false,
    }
}

/// The date a file name carries (`2022-02-17-russia.txt`, `kremlin_2021-10-24_0815.txt`, `20220217.txt`):
/// the first run of digits, alone or joined by `-`, `_` or `.`, that reads as a valid `YYYY-MM-DD` between 1900
/// and 2099. Only the last path component is read.
pub fn date_in_name(path: &str) -> Option<NaiveDate> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let b = name.as_bytes();
    let digits = |i: usize, n: usize| -> Option<u32> {
        let s = b.get(i..i + n)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0, |a, d| a * 10 + u32::from(d - b'0')))
    };
    let mut i = 0;
    while i < b.len() {
        // A date starts a run of digits (not inside a longer number).
        let starts = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit());
        if starts {
            let y = digits(i, 4).filter(|y| (1900..2100).contains(y));
            let sep = b.get(i + 4).copied();
            let (m, d, end) = match sep {
                Some(s @ (b'-' | b'_' | b'.')) if b.get(i + 7) == Some(&s) => {
                    (digits(i + 5, 2), digits(i + 8, 2), i + 10)
                }
                _ => (digits(i + 4, 2), digits(i + 6, 2), i + 8),
            };
            let whole = !b.get(end).is_some_and(u8::is_ascii_digit);
            if let (Some(y), Some(m), Some(d), true) = (y, m, d, whole) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                    return Some(date);
                }
            }
        }
        i += 1;
    }
    None
}

/// The iterator returned by [`read`]: one [`Input`] per article or failure, in input order.
pub struct Corpus {
    /// Paths still to read, with whether the user named them (named files are read whatever their extension).
    pending: VecDeque<(PathBuf, bool)>,
    /// The records file being read.
    current: Option<Records>,
    date: Option<NaiveDate>,
    /// Take a plain-text file's date from its name ([`date_in_name`]) before falling back to `date`.
    date_from_name: bool,
}

impl Corpus {
    /// Dates plain-text files by the date in their file name ([`date_in_name`]) when their text has no marker;
    /// files without one get the corpus date. Records keep their own `date` field.
    pub fn date_from_name(mut self, yes: bool) -> Corpus {
        self.date_from_name = yes;
        self
    }
}

impl std::fmt::Debug for Corpus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Corpus")
            .field("pending", &self.pending)
            .field("date", &self.date)
            .finish_non_exhaustive()
    }
}

impl Iterator for Corpus {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(records) = &mut self.current {
                match records.next() {
                    Some(input) => return Some(input),
                    None => self.current = None,
                }
            }
            let (path, named) = self.pending.pop_front()?;
            if let Some(input) = self.open(path, named) {
                return Some(input);
            }
        }
    }
}

/// What a file holds, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    JsonLines,
    Json,
}

/// The format and compression of a file name; `None` for names a directory walk does not read.
fn format_of(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(s) => (s.to_string(), true),
        None => (name, false),
    };
    let format = if stem.ends_with(".txt") {
        Format::Text
    } else if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        Format::JsonLines
    } else if stem.ends_with(".json") {
        Format::Json
    } else {
        return None;
    };
    Some((format, gz))
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Bytes sniffed to tell binary files from text, as grep and ripgrep do (a NUL byte means binary).
const SNIFF: usize = 8192;

impl Corpus {
    /// Opens one path: returns an input at once (a text file, a failure), or queues a directory's entries, or
    /// starts a records file (then returns `None` and the caller continues with `current`).
    fn open(&mut self, path: PathBuf, named: bool) -> Option<Input> {
        let id = path.display().to_string();
        if path.as_os_str() == "-" {
            return self.open_stdin();
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(failed(id, io_error(&path, e))),
        };
        if meta.is_dir() {
            match sorted_entries(&path) {
                Ok(entries) => {
                    // Depth first, in order: the entries go before whatever was queued after this directory.
                    for p in entries.into_iter().rev() {
                        self.pending.push_front((p, false));
                    }
                    None
                }
                Err(e) => Some(failed(id, io_error(&path, e))),
            }
        } else if named {
            let (format, gz) = format_of(&path).unwrap_or((Format::Text, is_gz(&path)));
            self.open_file(&path, format, gz)
        } else {
            match format_of(&path) {
                Some((format, gz)) => self.open_file(&path, format, gz),
                None => sniff_binary(&path).map(|e| failed(id, e)),
            }
        }
    }

    fn open_file(&mut self, path: &Path, format: Format, gz: bool) -> Option<Input> {
        let id = path.display().to_string();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return Some(failed(id, io_error(path, e))),
        };
        let reader: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::with_capacity(
                1 << 16,
                MultiGzDecoder::new(BufReader::new(file)),
            ))
        } else if format == Format::JsonLines {
            Box::new(BufReader::with_capacity(1 << 16, file))
        } else {
            // Read whole: a buffer in front of the file would only be allocated, never used (reading to the end
            // goes to the file directly).
            Box::new(BufReader::with_capacity(0, file))
        };
        self.start(id, reader, format)
    }

    fn open_stdin(&mut self) -> Option<Input> {
        let mut reader: Box<dyn BufRead + Send> =
            Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()));
        // Sniff the first non-blank byte to choose the format.
        let first = match reader.fill_buf() {
            Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()).copied(),
            Err(e) => return Some(failed("-".into(), io_error(Path::new("-"), e))),
        };
        let first = match first {
            Some(b) => Some(b),
            // Only blank bytes in the first block (rare): read everything and decide on the whole.
            None => {
                let mut all = Vec::new();
                if let Err(e) = reader.read_to_end(&mut all) {
                    return Some(failed("-".into(), io_error(Path::new("-"), e)));
                }
                let first = all.iter().find(|b| !b.is_ascii_whitespace()).copied();
                reader = Box::new(std::io::Cursor::new(all));
                first
            }
        };
        let format = match first {
            Some(b'{') => Format::JsonLines,
            Some(b'[') => Format::Json,
            _ => Format::Text,
        };
        self.start("-".into(), reader, format)
    }

    /// Reads a whole text or JSON file at once, or starts streaming JSON Lines.
    fn start(
        &mut self,
        id: String,
        mut reader: Box<dyn BufRead + Send>,
        format: Format,
    ) -> Option<Input> {
        match format {
            Format::JsonLines => {
                self.current = Some(Records::Lines {
                    reader,
                    source: id,
                    line: 0,
                    offset: 0,
                    date: self.date,
                    done: false,
                });
                None
            }
            Format::Text => {
                let mut bytes = Vec::new();
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    return Some(failed(id.clone(), io_error(Path::new(&id), e)));
                }
                let date = if self.date_from_name {
                    date_in_name(&id).or(self.date)
                } else {
                    self.date
                };
                Some(text_input(id, bytes, date))
            }
            Format::Json => {
                let mut bytes = Vec::new();
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    return Some(failed(id.clone(), io_error(Path::new(&id), e)));
                }
                if let Some(e) = check_text(&id, &bytes, 0) {
                    return Some(failed(id, e));
                }
                match serde_json::from_slice::<Value>(&bytes) {
                    Ok(Value::Array(items)) => {
                        self.current = Some(Records::Array {
                            items: items.into_iter().enumerate().collect(),
                            source: id,
                            date: self.date,
                        });
                        None
                    }
                    Ok(Value::Object(map)) => Some(record_input(map, &id, self.date)),
                    Ok(_) => Some(failed(
                        id.clone(),
                        Error::InvalidRecord {
                            location: id,
                            message: "expected a JSON object or an array of objects".into(),
                        },
                    )),
                    Err(e) => Some(failed(
                        id.clone(),
                        Error::InvalidRecord {
                            location: format!("{id}:{}", e.line()),
                            message: format!("malformed JSON: {e}"),
                        },
                    )),
                }
            }
        }
    }
}

fn is_gz(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

fn failed(id: String, error: Error) -> Input {
    Input::Failed { id, error }
}

/// Directory entries, sorted by name, hidden ones left out.
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // Symbolic links to directories are not followed (no cycles); links to files are read.
        let ty = entry.file_type()?;
        if ty.is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        out.push(entry.path());
    }
    out.sort();
    Ok(out)
}

/// For a file a directory walk does not read: an error if it looks binary (so it is reported), else nothing.
fn sniff_binary(path: &Path) -> Option<Error> {
    let mut buf = vec![0u8; SNIFF];
    let n = File::open(path).and_then(|mut f| f.read(&mut buf)).ok()?;
    memchr::memchr(0, &buf[..n]).map(|_| Error::Binary(path.display().to_string()))
}

/// Whether the file is binary: a NUL byte among its first bytes.
fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(SNIFF)]).is_some()
}

/// Binary (NUL bytes) or invalid UTF-8, with the byte offset counted from the start of the file.
fn check_text(source: &str, bytes: &[u8], base: u64) -> Option<Error> {
    if is_binary(bytes) {
        return Some(Error::Binary(source.to_string()));
    }
    std::str::from_utf8(bytes)
        .err()
        .map(|e| Error::InvalidUtf8 {
            source_name: source.to_string(),
            offset: base as usize + e.valid_up_to(),
        })
}

/// A plain-text file: one article with the path as id. A UTF-8 byte order mark is dropped.
fn text_input(id: String, mut bytes: Vec<u8>, date: Option<NaiveDate>) -> Input {
    if is_binary(&bytes) {
        return failed(id.clone(), Error::Binary(id));
    }
    // The text is checked for UTF-8 once, by `String::from_utf8` (as `check_text` would report it: the offset
    // counts the byte order mark).
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        3
    } else {
        0
    };
    match String::from_utf8(bytes) {
        Ok(text) => Input::Article {
            article: Article::parse(id, text).with_date(date),
            warnings: Vec::new(),
        },
        Err(e) => failed(
            id.clone(),
            Error::InvalidUtf8 {
                source_name: id,
                offset: bom + e.utf8_error().valid_up_to(),
            },
        ),
    }
}

/// Records still to come from one file.
enum Records {
    /// JSON Lines, read one line at a time.
    Lines {
        reader: Box<dyn BufRead + Send>,
        source: String,
        /// Number of the last line read (1-based).
        line: usize,
        /// Byte offset of the next line in the file.
        offset: u64,
        date: Option<NaiveDate>,
        done: bool,
    },
    /// Elements of a JSON array (element index, value).
    Array {
        items: VecDeque<(usize, Value)>,
        source: String,
        date: Option<NaiveDate>,
    },
}

impl Iterator for Records {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        match self {
            Records::Array {
                items,
                source,
                date,
            } => {
                let (i, value) = items.pop_front()?;
                let fallback = format!("{source}#{}", i + 1);
                Some(match value {
                    Value::Object(map) => record_input(map, &fallback, *date),
                    _ => failed(
                        fallback.clone(),
                        Error::InvalidRecord {
                            location: fallback,
                            message: "array element is not a JSON object".into(),
                        },
                    ),
                })
            }
            Records::Lines {
                reader,
                source,
                line,
                offset,
                date,
                done,
            } => loop {
                if *done {
                    return None;
                }
                let mut buf = Vec::new();
                *line += 1;
                let location = format!("{source}:{line}");
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) => {
                        *done = true;
                        return None;
                    }
                    Ok(n) => {
                        let base = *offset;
                        *offset += n as u64;
                        if buf.iter().all(|b| b.is_ascii_whitespace()) {
                            continue; // blank lines (a trailing newline, say) are not records
                        }
                        if let Some(e) = check_text(source, &buf, base) {
                            return Some(failed(location, e));
                        }
                        // A byte order mark before the first record is not part of the JSON.
                        let json = match buf.strip_prefix(b"\xEF\xBB\xBF") {
                            Some(rest) if base == 0 => rest,
                            _ => &buf[..],
                        };
                        return Some(match serde_json::from_slice::<Value>(json) {
                            Ok(Value::Object(map)) => record_input(map, &location, *date),
                            Ok(_) => failed(
                                location.clone(),
                                Error::InvalidRecord {
                                    location,
                                    message: "expected a JSON object".into(),
                                },
                            ),
                            Err(e) => failed(
                                location.clone(),
                                Error::InvalidRecord {
                                    location,
                                    message: format!("malformed JSON: {e}"),
                                },
                            ),
                        });
                    }
                    Err(e) => {
                        *done = true;
                        return Some(failed(location, io_error(Path::new(source), e)));
                    }
                }
            },
        }
    }
}

/// An article from a record `{"id", "text", "date"?, "title"?, "url"?, "source"?, ...}`; `fallback_id` names it
/// when it has no `id`, and `date` applies when it has no `date`.
///
/// A record without a string `text` is an [`Error::InvalidRecord`]; an invalid `date` is a warning (date left to
/// the marker or `date`), so the text is kept.
pub fn record_input(
    mut map: Map<String, Value>,
    fallback_id: &str,
    date: Option<NaiveDate>,
) -> Input {
    let id = match map.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Null) | None => fallback_id.to_string(),
        Some(other) => {
            map.insert("id".into(), other);
            fallback_id.to_string()
        }
    };
    let invalid = |message: String| {
        failed(
            id.clone(),
            Error::InvalidRecord {
                location: fallback_id.to_string(),
                message,
            },
        )
    };
    let text = match map.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return invalid("field \"text\" is not a string".into()),
        None => return invalid("record has no \"text\" field".into()),
    };
    let mut strings = [None, None, None, None];
    for (slot, key) in strings.iter_mut().zip(["date", "title", "url", "source"]) {
        match map.remove(key) {
            Some(Value::String(s)) => *slot = Some(s),
            Some(Value::Null) | None => {}
            Some(_) => return invalid(format!("field {key:?} is not a string")),
        }
    }
    let [record_date, title, url, source] = strings;
    let mut warnings = Vec::new();
    let date = match record_date {
        Some(d) => match parse_date(&d) {
            Ok(d) => Some(d),
            Err(_) => {
                warnings.push(Warning {
                    kind: "invalid_date".into(),
                    message: format!(
                        "record date {d:?} is not a valid YYYY-MM-DD date; it was ignored"
                    ),
                });
                date
            }
        },
        None => date,
    };
    Input::Article {
        article: Article {
            id,
            text,
            date,
            title,
            url,
            source,
            meta: (!map.is_empty()).then_some(map),
        },
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    fn ids(inputs: &[Input]) -> Vec<String> {
        inputs.iter().map(|i| i.id().to_string()).collect()
    }

    fn file(path: &Path, bytes: &[u8]) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::File::create(path)
            .unwrap()
            .write_all(bytes)
            .unwrap();
    }

    #[test]
    fn directories_are_walked_in_sorted_order_with_records() {
        let d = dir();
        let root = d.path();
        file(&root.join("b.txt"), b"Second article.");
        file(&root.join("a/z.txt"), b"First article, in a subdirectory.");
        file(
            &root.join("c.jsonl"),
            b"{\"id\": \"r1\", \"text\": \"One.\", \"date\": \"2022-02-17\", \"lang\": \"en\"}\n\n{\"text\": \"Two.\"}\n",
        );
        file(&root.join("notes.md"), b"ignored text file");
        file(&root.join(".hidden.txt"), b"ignored hidden file");
        let inputs: Vec<Input> = read(&[root.to_path_buf()], None).collect();
        let r = root.display();
        assert_eq!(
            ids(&inputs),
            [
                format!("{r}/a/z.txt"),
                format!("{r}/b.txt"),
                "r1".to_string(),
                format!("{r}/c.jsonl:3"),
            ]
        );
        match &inputs[2] {
            Input::Article { article, .. } => {
                assert_eq!(article.date, NaiveDate::from_ymd_opt(2022, 2, 17));
                assert_eq!(article.meta.as_ref().unwrap()["lang"], "en");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn file_names_can_date_plain_text_articles() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (name, want) in [
            ("corpus/2022-02-17-russia-withdrawal.txt", ymd(2022, 2, 17)),
            ("kremlin_2021-10-24_0815_66988.txt", ymd(2021, 10, 24)),
            ("wire.20190305.txt", ymd(2019, 3, 5)),
            ("2020_12_31.txt", ymd(2020, 12, 31)),
            // Not dates: an invalid day, a longer number, a year alone, a date in a directory name.
            ("2021-02-30-note.txt", None),
            ("id_120220217.txt", None),
            ("report-2021.txt", None),
            ("2022-02-17/article.txt", None),
        ] {
            assert_eq!(date_in_name(name), want, "{name}");
        }
        let d = dir();
        let root = d.path();
        file(
            &root.join("2022-03-01-talks.txt"),
            b"Talks began on Tuesday.",
        );
        // The record date; extraction still prefers the text's own marker.
        file(
            &root.join("2022-03-02-marked.txt"),
            b" date 2022-01-05\nA marked text.",
        );
        file(&root.join("undated.txt"), b"No date in this name.");
        let fallback = ymd(2020, 1, 1);
        let dates: Vec<Option<NaiveDate>> = read(&[root.to_path_buf()], fallback)
            .date_from_name(true)
            .map(|i| match i {
                Input::Article { article, .. } => article.date,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(dates, [ymd(2022, 3, 1), ymd(2022, 3, 2), fallback]);
        // Off by default: the corpus date applies.
        let dates: Vec<Option<NaiveDate>> = read(&[root.to_path_buf()], None)
            .map(|i| match i {
                Input::Article { article, .. } => article.date,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(dates, [None, None, None]);
    }

    #[test]
    fn bad_inputs_become_failures_that_name_them() {
        let d = dir();
        let root = d.path();
        file(&root.join("bad.txt"), b"caf\xC3\xA9 ok \xFF here");
        file(&root.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        file(
            &root.join("data.jsonl"),
            b"{\"text\": \"fine\"}\n{not json\n{\"text\": \"also fine\"}\n",
        );
        let inputs: Vec<Input> =
            read(&[root.to_path_buf(), root.join("missing.txt")], None).collect();
        let errors: Vec<(String, String)> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::Failed { id, error } => Some((id.clone(), error.to_string())),
                _ => None,
            })
            .collect();
        assert_eq!(inputs.len(), 6, "{inputs:?}");
        assert!(
            errors[0]
                .1
                .contains("bad.txt: invalid UTF-8 at byte offset 9"),
            "{errors:?}"
        );
        assert!(errors[1].0.ends_with("data.jsonl:2") && errors[1].1.contains("data.jsonl:2"));
        assert!(errors[2].1.contains("image.png: binary file"));
        assert!(errors[3].0.ends_with("missing.txt"));
    }

    /// A plain text is checked for UTF-8 once, after its byte order mark is dropped: the offset of a bad byte
    /// still counts from the start of the file, and a NUL byte still makes it binary.
    #[test]
    fn plain_text_errors_count_offsets_from_the_file_start() {
        let error = |bytes: &[u8]| match text_input("t.txt".into(), bytes.to_vec(), None) {
            Input::Failed { error, .. } => error.to_string(),
            Input::Article { article, .. } => format!("article {:?}", article.text),
        };
        assert!(
            error(b"ab \xFF").contains("offset 3"),
            "{}",
            error(b"ab \xFF")
        );
        assert!(error(b"\xEF\xBB\xBFab \xFF").contains("offset 6"));
        assert!(error(b"ab\0cd").contains("binary"));
        assert_eq!(error(b"\xEF\xBB\xBFab cd"), "article \"ab cd\"");
    }

    #[test]
    fn gzip_and_json_arrays() {
        let d = dir();
        let root = d.path();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"id\": 7, \"text\": \"Zipped.\"}\n")
            .unwrap();
        file(&root.join("a.jsonl.gz"), &gz.finish().unwrap());
        file(&root.join("b.json"), b"[{\"text\": \"x\"}, 3, {\"id\": \"named\", \"text\": \"y\", \"date\": \"2022-13-45\"}]");
        file(&root.join("c.json"), b"{\"text\": \"single\"}");
        file(
            &root.join("d.jsonl"),
            b"\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"x\"}\n",
        );
        let inputs: Vec<Input> = read(&[root.to_path_buf()], None).collect();
        let r = root.display();
        assert_eq!(
            ids(&inputs),
            [
                "7".to_string(),
                format!("{r}/b.json#1"),
                format!("{r}/b.json#2"),
                "named".into(),
                format!("{r}/c.json"),
                "bom".into(),
            ]
        );
        match &inputs[3] {
            Input::Article { article, warnings } => {
                assert_eq!(article.date, None);
                assert_eq!(warnings[0].kind, "invalid_date");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn record_without_text_is_invalid() {
        let mut map = Map::new();
        map.insert("id".into(), "x".into());
        match record_input(map, "f:1", None) {
            Input::Failed { id, error } => {
                assert_eq!(id, "x");
                assert_eq!(error.to_string(), "f:1: record has no \"text\" field");
            }
            other => panic!("{other:?}"),
        }
    }
}
