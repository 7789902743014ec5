//! Articles: the input record, and the structure found in its text (date marker, title, dateline, headings,
//! paragraphs, credit line).

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

/// One input article: its text and whatever the corpus says about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier (record id, or file path, plus `:line` for JSON Lines).
    pub id: String,
    /// The exact input text; every output offset points into it.
    pub text: String,
    /// Publication date given by the corpus (record field or `--date`); a `date` marker in the text wins.
    pub date: Option<NaiveDate>,
    /// Title given by the record, if any.
    pub title: Option<String>,
    /// URL given by the record.
    pub url: Option<String>,
    /// Source (outlet) given by the record.
    pub source: Option<String>,
    /// Any other fields of the input record, passed through unchanged.
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Article {
    /// An article from raw text (which may carry a leading `date YYYY-MM-DD` marker).
    pub fn parse(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// Sets the corpus date (used when the text has no valid marker).
    pub fn with_date(mut self, date: Option<NaiveDate>) -> Article {
        self.date = date;
        self
    }
}

/// Parses a `YYYY-MM-DD` date, with the crate's error on failure.
pub fn parse_date(value: &str) -> crate::error::Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| crate::Error::InvalidDate {
        value: value.to_string(),
    })
}

/// A dateline opening the body: `MOSCOW, Apr 23:` or `Washington (AFP) –`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// The place named (`MOSCOW`).
    pub place: Option<String>,
    /// The agency named (`AFP`).
    pub agency: Option<String>,
}

/// A credit line (`*With AFP`, `-AFP`, `(Reuters)`) and the agencies it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Surface.
    pub text: String,
    /// Agencies named, canonical short names (`AFP`, `Reuters`, `AP`).
    pub agencies: Vec<String>,
}

/// A paragraph; `heading` marks short standalone lines such as section titles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Whether the paragraph is a section heading.
    pub heading: bool,
}

/// A warning about the input: the text is kept, something in it was not as expected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Machine-readable kind (`malformed_date_marker`, `invalid_date`, ...).
    pub kind: String,
    /// Human-readable explanation.
    pub message: String,
}

/// The structure of an article's text, in byte offsets (internal; the pipeline converts to code points).
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Date from the marker (or dateline), if any.
    pub date: Option<NaiveDate>,
    /// Byte range of the date marker.
    pub marker: Option<Range<usize>>,
    /// Byte range of the title paragraph.
    pub title: Option<Range<usize>>,
    /// Dateline: range, place, agency.
    pub dateline: Option<(Range<usize>, Option<String>, Option<String>)>,
    /// Credit line: range and agencies.
    pub credit: Option<(Range<usize>, Vec<String>)>,
    /// Paragraph byte ranges and heading flags (title and credit excluded).
    pub paragraphs: Vec<(Range<usize>, bool)>,
    /// Byte range of the body (after marker, title and dateline; before the credit).
    pub body: Range<usize>,
    /// Warnings found while parsing.
    pub warnings: Vec<Warning>,
}

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date[ \t]+(\d{4})-(\d{1,2})-(\d{1,2})\b[ \t]*").unwrap());
static MARKER_LIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date[ \t]+(\S+)[ \t]*").unwrap());

/// News agencies recognised in credit lines and datelines: (pattern, canonical name).
const AGENCIES: &[(&str, &str)] = &[
    ("AFP", "AFP"),
    ("Agence France-Presse", "AFP"),
    ("Agence France Presse", "AFP"),
    ("Reuters", "Reuters"),
    ("AP", "AP"),
    ("Associated Press", "AP"),
    ("The Associated Press", "AP"),
    ("dpa", "dpa"),
    ("DPA", "dpa"),
    ("EFE", "EFE"),
    ("ANSA", "ANSA"),
    ("Xinhua", "Xinhua"),
    ("TASS", "TASS"),
    ("Interfax", "Interfax"),
    ("RIA Novosti", "RIA Novosti"),
    ("Ukrinform", "Ukrinform"),
    ("UNIAN", "UNIAN"),
    ("Bloomberg", "Bloomberg"),
    ("UPI", "UPI"),
    ("Kyodo", "Kyodo"),
    ("Yonhap", "Yonhap"),
    ("Anadolu", "Anadolu"),
    ("PTI", "PTI"),
    ("IANS", "IANS"),
    ("AAP", "AAP"),
    ("CNA", "CNA"),
    ("Lusa", "Lusa"),
    ("Europa Press", "Europa Press"),
    ("Sputnik", "Sputnik"),
    ("BBC", "BBC"),
    ("CNN", "CNN"),
];

fn agency_alternation() -> String {
    let mut names: Vec<&str> = AGENCIES.iter().map(|(p, _)| *p).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

/// Canonical agency name for a surface (`Agence France-Presse` -> `AFP`).
pub fn canonical_agency(name: &str) -> Option<&'static str> {
    AGENCIES.iter().find(|(p, _)| *p == name).map(|(_, c)| *c)
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let a = agency_alternation();
    Regex::new(&format!(
        r"^(?:[*\-–—]\s*)?(?:\(?\s*(?:(?:[Ww]ith|[Ss]ource|[Rr]eporting by|[Bb]y)\s*:?\s+)?(?:{a})(?:\s*(?:,|and|&|/)\s*(?:{a}))*\s*\)?)\s*[.]?$"
    ))
    .unwrap()
});
static AGENCY_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{})\b", agency_alternation())).unwrap());

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let a = agency_alternation();
    Regex::new(&format!(
        r"^(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){{0,3}}|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?(?:,? (?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{{1,2}}(?:,? \d{{4}})?))?\s*(?:\((?P<agency>{a})\))?\s*(?:[:–—]|--|-)\s+"
    ))
    .unwrap()
});

/// Finds the structure of `text`: date marker, paragraphs, title, headings, dateline and credit line.
///
/// Linear in the length of the text.
pub fn parse_structure(text: &str) -> Structure {
    let mut st = Structure::default();
    let mut body_start = 0;
    // Both marker patterns open with `date` after white space (`\s` and `trim_start` agree on what that is):
    // a text that does not is spared the searches.
    let may_have_marker = text.trim_start().starts_with("date");
    if let Some(c) = may_have_marker.then(|| MARKER.captures(text)).flatten() {
        let m = c.get(0).unwrap();
        let (y, mo, d) = (&c[1], &c[2], &c[3]);
        match (y.parse::<i32>(), mo.parse::<u32>(), d.parse::<u32>()) {
            (Ok(y), Ok(mo), Ok(d)) if NaiveDate::from_ymd_opt(y, mo, d).is_some() => {
                st.date = NaiveDate::from_ymd_opt(y, mo, d);
            }
            _ => st.warnings.push(Warning {
                kind: "malformed_date_marker".into(),
                message: format!(
                    "date marker {:?} is not a valid date; date left null",
                    m.as_str().trim()
                ),
            }),
        }
        st.marker = Some(m.start()..m.end());
        body_start = m.end();
    } else if let Some(c) = may_have_marker
        .then(|| MARKER_LIKE.captures(text))
        .flatten()
    {
        let v = &c[1];
        if v.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
            let m = c.get(0).unwrap();
            st.warnings.push(Warning {
                kind: "malformed_date_marker".into(),
                message: format!(
                    "date marker {:?} is not a valid YYYY-MM-DD date; date left null",
                    m.as_str().trim()
                ),
            });
            st.marker = Some(m.start()..m.end());
            body_start = m.end();
        }
    }

    // Paragraphs: blank-line separated blocks when the text has any, else one per line.
    let blocks = split_blocks(text, body_start);
    let mut paragraphs: Vec<Range<usize>> = blocks;

    // Credit line: the last paragraph, if it is one.
    if let Some(last) = paragraphs.last().cloned() {
        let s = &text[last.clone()];
        if s.len() < 120 && CREDIT.is_match(s.trim()) {
            let agencies = agencies_in(s);
            if !agencies.is_empty() {
                st.credit = Some((last, agencies));
                paragraphs.pop();
            }
        }
    }

    // Title: a first paragraph that reads like a headline, followed by a body.
    if paragraphs.len() >= 2 {
        let first = paragraphs[0].clone();
        let second = &text[paragraphs[1].clone()];
        if looks_like_heading(&text[first.clone()], true)
            || looks_like_sentence_title(&text[first.clone()], second)
        {
            st.title = Some(first);
            paragraphs.remove(0);
        }
    }

    // Dateline at the start of the first body paragraph.
    if let Some(first) = paragraphs.first() {
        let s = &text[first.clone()];
        if let Some(c) = DATELINE.captures(s) {
            let m = c.get(0).unwrap();
            let place = c.name("place").map(|p| p.as_str().to_string());
            let agency = c
                .name("agency")
                .and_then(|a| canonical_agency(a.as_str()))
                .map(str::to_string);
            // Guard against ordinary sentences: a dateline place is in capitals, or is followed by an agency, or a date.
            let caps = place.as_deref().is_some_and(|p| {
                p.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                    && p.len() >= 3
            });
            // A word in capitals and a colon also open labels (`UPDATE:`, `BYLINE:`, `TITLE:`, `WATCH:`): with
            // neither agency nor date, the word must be the name of a place.
            let label_like = agency.is_none()
                && c.name("date").is_none()
                && m.as_str().trim_end().ends_with(':');
            let named_place = || {
                place.as_deref().is_some_and(|p| {
                    crate::places::is_place_name(&p.split(' ').collect::<Vec<_>>())
                })
            };
            if (caps || agency.is_some() || c.name("date").is_some())
                && (!label_like || named_place())
            {
                let end = first.start + m.as_str().trim_end().len();
                st.dateline = Some((first.start..end, place, agency));
                if st.date.is_none() {
                    if let Some(d) = c.name("date") {
                        st.date = parse_dateline_date(d.as_str());
                    }
                }
            }
        }
    }

    st.paragraphs = paragraphs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let heading = i > 0
                && looks_like_heading(&text[r.clone()], false)
                && paragraphs.get(i + 1).is_some();
            (r.clone(), heading)
        })
        .collect();
    // The body starts after the dateline, if any.
    st.body = match (st.paragraphs.first(), st.paragraphs.last()) {
        (Some(f), Some(l)) => {
            let start = match &st.dateline {
                Some((r, _, _)) => {
                    let rest = &text[r.end..l.0.end];
                    r.end + (rest.len() - rest.trim_start().len())
                }
                None => f.0.start,
            };
            start..l.0.end
        }
        _ => body_start..body_start,
    };
    st
}

fn parse_dateline_date(s: &str) -> Option<NaiveDate> {
    let cleaned = s.replace(['.', ','], "");
    let parts: Vec<&str> = cleaned.split_whitespace().collect();
    if parts.len() != 3 {
        return None;
    }
    let month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| parts[0].to_lowercase().starts_with(m))? as u32
        + 1;
    NaiveDate::from_ymd_opt(parts[2].parse().ok()?, month, parts[1].parse().ok()?)
}

fn agencies_in(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in AGENCY_IN.find_iter(s) {
        if let Some(c) = canonical_agency(m.as_str()) {
            if !out.iter().any(|o| o == c) {
                out.push(c.to_string());
            }
        }
    }
    out
}

/// Splits `text[from..]` into trimmed paragraph ranges.
fn split_blocks(text: &str, from: usize) -> Vec<Range<usize>> {
    let rest = &text[from..];
    let has_blank = rest.contains("\n\n")
        || rest.contains("\n\r\n")
        || rest.lines().any(|l| l.trim().is_empty());
    let mut out = Vec::new();
    let mut push = |s: usize, e: usize| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if lead < seg.len() {
            out.push(s + lead..e - trail);
        }
    };
    let mut start = from;
    let mut pos = from;
    let bytes = text.as_bytes();
    while pos < text.len() {
        match memchr::memchr(b'\n', &bytes[pos..]) {
            None => break,
            Some(i) => {
                let nl = pos + i;
                let line_start = pos;
                if has_blank {
                    // Blank line: the line [line_start, nl) is whitespace only.
                    if text[line_start..nl].trim().is_empty() {
                        push(start, line_start);
                        start = nl + 1;
                    }
                } else {
                    push(start, nl);
                    start = nl + 1;
                }
                pos = nl + 1;
            }
        }
    }
    push(start, text.len());
    // Inside a blank-line block, single newlines still separate paragraphs unless the text is hard-wrapped.
    let mut split = Vec::with_capacity(out.len());
    for r in out {
        let block = &text[r.clone()];
        if !has_blank || !block.contains('\n') || is_hard_wrapped(block) {
            split.push(r);
            continue;
        }
        let mut s = r.start;
        for line in block.split_inclusive('\n') {
            let e = s + line.len();
            let seg = &text[s..e];
            let lead = seg.len() - seg.trim_start().len();
            let trail = seg.len() - seg.trim_end().len();
            if lead < seg.len() {
                split.push(s + lead..e - trail);
            }
            s = e;
        }
    }
    split
}

/// Lines broken at a fixed width (most lines 40-100 characters, none much longer): newlines are not paragraph
/// breaks there.
fn is_hard_wrapped(block: &str) -> bool {
    let lines: Vec<usize> = block.lines().map(|l| l.chars().count()).collect();
    if lines.len() < 3 {
        return false;
    }
    let max = lines.iter().copied().max().unwrap_or(0);
    let body = &lines[..lines.len() - 1];
    max <= 100 && body.iter().filter(|&&n| n >= 40).count() * 4 >= body.len() * 3
}

/// A short one-sentence first line ending in a period, followed by a longer paragraph: a headline written as a
/// sentence (`O’Malley campaign to shift staff, resources to Iowa.`).
fn looks_like_sentence_title(s: &str, next: &str) -> bool {
    let s = s.trim();
    let words = s.split_whitespace().count();
    let body = s.trim_end_matches('.');
    s.ends_with('.')
        && !s.contains('\n')
        && (3..=14).contains(&words)
        && !body.contains(". ")
        && !s.contains(['“', '"'])
        && next.split_whitespace().count() > words * 2
        && s.chars().next().is_some_and(char::is_uppercase)
}

/// A short standalone line without final sentence punctuation.
fn looks_like_heading(s: &str, title: bool) -> bool {
    let s = s.trim();
    let max_words = if title { 25 } else { 10 };
    let max_len = if title { 200 } else { 80 };
    // Length first: most paragraphs are long, and this runs on every one of them.
    if s.is_empty() || s.len() > max_len * 4 || s.chars().count() > max_len || s.contains('\n') {
        return false;
    }
    let words = s.split_whitespace().count();
    if words == 0 || words > max_words {
        return false;
    }
    let last = s.chars().next_back().unwrap_or('.');
    let first = s.chars().next().unwrap_or('a');
    if matches!(last, '.' | ',' | ';' | ':' | '”' | '"' | '-' | '–') {
        return false;
    }
    first.is_uppercase() || first.is_ascii_digit() || matches!(first, '“' | '"' | '‘' | '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_date_body_and_credit() {
        let text = " date 2022-02-17 Russia announced on Thursday that it has begun.\n\nKremlin said so.\n\nDialog sketch\n\nEarlier this week, they met.\n\n*With AFP\n";
        let st = parse_structure(text);
        assert_eq!(st.date, NaiveDate::from_ymd_opt(2022, 2, 17));
        assert!(text[st.body.clone()].starts_with("Russia announced"));
        assert_eq!(st.credit.as_ref().unwrap().1, vec!["AFP".to_string()]);
        let headings: Vec<&str> = st
            .paragraphs
            .iter()
            .filter(|p| p.1)
            .map(|p| &text[p.0.clone()])
            .collect();
        assert_eq!(headings, ["Dialog sketch"]);
        assert_eq!(st.paragraphs.len(), 4);
    }

    #[test]
    fn malformed_marker_warns_and_keeps_text() {
        let st = parse_structure("date 2022-13-45 Text here.");
        assert_eq!(st.date, None);
        assert_eq!(st.warnings[0].kind, "malformed_date_marker");
        assert_eq!(st.paragraphs.len(), 1);
    }

    #[test]
    fn title_and_datelines() {
        let text = "Putin meets Lukashenko\n\nMOSCOW, Apr 23: The two leaders met on Friday.\n\nThey talked.";
        let st = parse_structure(text);
        assert_eq!(&text[st.title.clone().unwrap()], "Putin meets Lukashenko");
        let (r, place, _) = st.dateline.clone().unwrap();
        assert_eq!(&text[r], "MOSCOW, Apr 23:");
        assert_eq!(place.as_deref(), Some("MOSCOW"));
        let text = "Washington (AFP) – The president said.\nMore text.";
        let st = parse_structure(text);
        let (r, place, agency) = st.dateline.clone().unwrap();
        assert_eq!(&text[r], "Washington (AFP) –");
        assert_eq!(place.as_deref(), Some("Washington"));
        assert_eq!(agency.as_deref(), Some("AFP"));
        // A colon after a word in capitals opens a dateline only when the word names a place.
        let text = "LOS ANGELES: The actor was hurt.\n\nMore text.";
        let (r, place, _) = parse_structure(text).dateline.unwrap();
        assert_eq!(&text[r], "LOS ANGELES:");
        assert_eq!(place.as_deref(), Some("LOS ANGELES"));
        for label in [
            "UPDATE: The shop closed on Monday.",
            "BYLINE: Jane Roe.",
            "TITLE: The fair opened on Monday in the rain.",
        ] {
            let st = parse_structure(&format!("{label}\n\nMore text."));
            assert_eq!(st.dateline, None, "{label}");
            assert_eq!(st.body.start, 0, "{label}");
        }
        let st = parse_structure("Russia said on Monday it was ready.\n\n(Reuters)");
        assert_eq!(st.credit.unwrap().1, vec!["Reuters".to_string()]);
        let st = parse_structure("Russia said on Monday it was ready.\n\n-AFP");
        assert_eq!(st.credit.unwrap().1, vec!["AFP".to_string()]);
    }
}
