//! Scorer for the `ieer` task: amount spans against the NUMEX annotations of NIST IE-ER 1999 (MONEY, PERCENT,
//! MEASURE, CARDINAL).
//!
//! Each `<DOC>`'s headline and text, with the inline `<b_...>`/`<e_...>` tags stripped, is run through the pipeline
//! with the `<DATE_TIME>` as article date. IE-ER leaves qualifiers out of NUMEX (`about <NUMEX>53 per cent</NUMEX>`)
//! while newsgraph's `text` keeps them, so a leading qualifier (`more than`, `about`, `up to`...) is dropped from the
//! prediction before comparison. `exact` needs the same span; `relaxed` any overlap, one to one. Recall per NUMEX
//! type is reported too.

use crate::article::Article;
use crate::error::{Error, Result};
use crate::eval::{Counts, Report};
use crate::pipeline::Pipeline;
use chrono::NaiveDate;
use std::path::Path;

/// A document: id, date, stripped text and gold NUMEX spans (code points, type).
struct Doc {
    id: String,
    date: Option<NaiveDate>,
    text: String,
    gold: Vec<(usize, usize, String)>,
}

/// Strips the inline tags of `raw`, appending to `out` and recording NUMEX spans in code points.
fn strip_into(
    raw: &str,
    out: &mut String,
    chars: &mut usize,
    gold: &mut Vec<(usize, usize, String)>,
) {
    let mut open: Option<(usize, String)> = None;
    let mut rest = raw;
    while let Some(lt) = rest.find('<') {
        let before = &rest[..lt];
        out.push_str(before);
        *chars += before.chars().count();
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        if let Some(attrs) = tag.strip_prefix("b_numex") {
            let kind = attrs
                .split("type=\"")
                .nth(1)
                .and_then(|t| t.split('"').next())
                .unwrap_or("")
                .to_string();
            open = Some((*chars, kind));
        } else if tag == "e_numex" {
            if let Some((s, k)) = open.take() {
                gold.push((s, *chars, k));
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    *chars += rest.chars().count();
}

fn section<'a>(doc: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let s = doc.find(&open)? + open.len();
    let e = doc[s..].find(&close).map(|e| s + e).unwrap_or(doc.len());
    Some(&doc[s..e])
}

fn parse(raw: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    for d in raw.split("<DOC>").skip(1) {
        let id = section(d, "DOCNO").unwrap_or("").trim().to_string();
        // `03/14/1998 10:36:00`
        let date = section(d, "DATE_TIME")
            .and_then(|t| t.split_whitespace().next())
            .and_then(|t| NaiveDate::parse_from_str(t, "%m/%d/%Y").ok());
        let mut text = String::new();
        let mut chars = 0;
        let mut gold = Vec::new();
        if let Some(h) = section(d, "HEADLINE") {
            strip_into(h.trim(), &mut text, &mut chars, &mut gold);
            text.push_str("\n\n");
            chars += 2;
        }
        if let Some(t) = section(d, "TEXT") {
            strip_into(t, &mut text, &mut chars, &mut gold);
        }
        docs.push(Doc {
            id,
            date,
            text,
            gold,
        });
    }
    docs
}

/// Qualifier words newsgraph keeps in `text` and IE-ER leaves out.
const LEADING: &[&str] = &[
    "no more than ",
    "no fewer than ",
    "more than ",
    "greater than ",
    "higher than ",
    "in excess of ",
    "upwards of ",
    "less than ",
    "fewer than ",
    "lower than ",
    "at least ",
    "at most ",
    "up to ",
    "as many as ",
    "as much as ",
    "an estimated ",
    "close to ",
    "some ",
    "about ",
    "around ",
    "approximately ",
    "roughly ",
    "approx. ",
    "nearly ",
    "almost ",
    "over ",
    "above ",
    "exceeding ",
    "under ",
    "below ",
    "between ",
];

/// The spans IE-ER would annotate for a predicted amount: without a leading qualifier or article, without the
/// `-old` of an age (`45-year`), and a range as its two bounds (`$30 million` and `$40 million`).
fn core_spans(start: usize, text: &str, range: bool) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let lower: String = chars
        .iter()
        .map(|c| {
            if c.is_whitespace() {
                ' '
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let mut s = 0;
    for q in LEADING.iter().chain(&["a ", "an "]) {
        if lower[s..].starts_with(q) && lower.len() > s + q.len() {
            s += q.len();
        }
    }
    // `lower` is ASCII-mapped char by char, so byte and char offsets agree only for ASCII; count chars.
    let s_chars = lower[..s].chars().count();
    let mut e_chars = chars.len();
    if lower.ends_with("-old") {
        e_chars -= 4;
    }
    if range {
        let body = &lower[s..];
        for sep in [" to ", " and ", "-", "–"] {
            if let Some(p) = body.find(sep) {
                let a_end = s_chars + body[..p].chars().count();
                let b_start = a_end + sep.chars().count();
                return vec![
                    (start + s_chars, start + a_end),
                    (start + b_start, start + e_chars),
                ];
            }
        }
    }
    vec![(start + s_chars, start + e_chars)]
}

/// Scores `pipeline` on the gold data at `path` (the IE-ER directory or one of its files).
pub fn evaluate(pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| Error::EvalData(format!("{}: {e}", path.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !n.starts_with("README") && !n.starts_with('.'))
            })
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut docs = Vec::new();
    for f in &files {
        let raw = std::fs::read_to_string(f)
            .map_err(|e| Error::EvalData(format!("{}: {e}", f.display())))?;
        docs.extend(parse(&raw));
    }
    if docs.is_empty() {
        return Err(Error::EvalData(format!(
            "{}: no <DOC> found",
            path.display()
        )));
    }
    let debug = std::env::var_os("NEWSGRAPH_EVAL_DEBUG").is_some();
    let mut exact = Counts::default();
    let mut relaxed = Counts::default();
    let mut per_type: Vec<(String, usize, usize)> = Vec::new();
    for d in &docs {
        let doc =
            pipeline.extract(&Article::parse(d.id.clone(), d.text.clone()).with_date(d.date))?;
        let preds: Vec<(usize, usize)> = doc
            .amounts
            .iter()
            .flat_map(|a| core_spans(a.start, &a.text, a.qualifier.as_deref() == Some("range")))
            .collect();
        let surface =
            |s: usize, e: usize| -> String { d.text.chars().skip(s).take(e - s).collect() };
        let mut used = vec![false; d.gold.len()];
        for &(s, e) in &preds {
            match d
                .gold
                .iter()
                .enumerate()
                .find(|(i, g)| !used[*i] && g.0 == s && g.1 == e)
            {
                Some((i, _)) => {
                    used[i] = true;
                    exact.tp += 1;
                }
                None => {
                    exact.fp += 1;
                    if debug {
                        eprintln!(
                            "FP\t{}\t{}\t{}",
                            d.id,
                            surface(s, e),
                            surface(s.saturating_sub(30), e + 30).replace('\n', " ")
                        );
                    }
                }
            }
        }
        exact.fn_ += used.iter().filter(|u| !**u).count();
        if debug {
            for (g, u) in d.gold.iter().zip(&used) {
                if !u {
                    let ctx_s = g.0.saturating_sub(25);
                    eprintln!(
                        "FN\t{}\t{}\t{}\t{}",
                        d.id,
                        g.2,
                        surface(g.0, g.1),
                        surface(ctx_s, g.1 + 25).replace('\n', " ")
                    );
                }
            }
        }
        let mut used = vec![false; d.gold.len()];
        for &(s, e) in &preds {
            match d
                .gold
                .iter()
                .enumerate()
                .find(|(i, g)| !used[*i] && g.0 < e && s < g.1)
            {
                Some((i, _)) => {
                    used[i] = true;
                    relaxed.tp += 1;
                }
                None => relaxed.fp += 1,
            }
        }
        relaxed.fn_ += used.iter().filter(|u| !**u).count();
        for (g, u) in d.gold.iter().zip(&used) {
            match per_type.iter_mut().find(|t| t.0 == g.2) {
                Some(t) => {
                    t.1 += 1;
                    t.2 += usize::from(*u);
                }
                None => per_type.push((g.2.clone(), 1, usize::from(*u))),
            }
        }
    }
    let mut report = Report::new("ieer", docs.len());
    report.prf("numex exact", exact);
    report.prf("numex relaxed", relaxed);
    per_type.sort();
    for (t, n, hit) in per_type {
        report.metric(&format!("{t} relaxed recall"), crate::eval::ratio(hit, n));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_numex_offsets() {
        let raw = "<DOC><DOCNO> X1 </DOCNO><DATE_TIME> 03/14/1998 10:36:00 </DATE_TIME><BODY><HEADLINE>\nTaxes\n</HEADLINE><TEXT>\n<b_enamex type=\"LOCATION\">Kenya<e_enamex>: <b_numex type=\"CARDINAL\">5,000<e_numex> protesters, «<b_numex type=\"PERCENT\">3.9 percent<e_numex>»</TEXT></BODY></DOC>";
        let docs = parse(raw);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1998, 3, 14));
        let got: Vec<String> = d
            .gold
            .iter()
            .map(|(s, e, _)| d.text.chars().skip(*s).take(e - s).collect())
            .collect();
        assert_eq!(got, ["5,000", "3.9 percent"]);
    }

    #[test]
    fn qualifiers_are_dropped_before_comparison() {
        assert_eq!(core_spans(10, "more than 100,000", false), [(20, 27)]);
        assert_eq!(core_spans(0, "40%", false), [(0, 3)]);
        assert_eq!(core_spans(0, "more than\na dozen", false), [(12, 17)]);
        assert_eq!(
            core_spans(0, "between 100 and 200", true),
            [(8, 11), (16, 19)]
        );
        assert_eq!(core_spans(0, "45-year-old", false), [(0, 7)]);
    }
}
