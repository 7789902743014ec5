//! Scorer for the `timeml` task: TIMEX3 spans and values, scored the TempEval-3 way.
//!
//! Every `.tml` file under the given directory (recursively) is read; the document creation time (the `TIMEX3`
//! inside `<DCT>`) becomes the article date; the tags inside `<TEXT>` are stripped (entities unescaped) to give the
//! text the time tagger sees, and the gold `TIMEX3` spans are recorded as code-point offsets into that text.
//!
//! The DCT timex itself is not scored: in TempEval-3 it is given to systems as input, and it lies outside
//! `<TEXT>`. Metrics:
//! - strict span P/R/F1: same start and end;
//! - relaxed span P/R/F1: any overlap (one-to-one, first unmatched overlapping gold);
//! - value and type F1 as in TempEval-3: relaxed F1 times the attribute accuracy over relaxed matches, which is
//!   `2 * correct / (predicted + gold)`; type accuracy is reported too.
//!
//! Set `NEWSGRAPH_TIMEML_DEBUG=1` to print every miss, false alarm and wrong value to stderr.

use crate::error::{Error, Result};
use crate::eval::{Counts, Report};
use crate::pipeline::{Context, Pipeline};
use crate::time;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// One gold TIMEX3 inside `<TEXT>`.
#[derive(Debug, Clone)]
struct GoldTimex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// A parsed TimeML document: stripped text, creation date and gold timexes.
#[derive(Debug)]
struct TimemlDoc {
    text: String,
    dct: Option<NaiveDate>,
    gold: Vec<GoldTimex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let i = tag.find(&pat)? + pat.len();
    let j = tag[i..].find('"')? + i;
    Some(unescape(&tag[i..j]))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn parse(xml: &str) -> TimemlDoc {
    let dct = xml.find("<DCT>").and_then(|i| {
        let rest = &xml[i..];
        let end = rest.find("</DCT>").unwrap_or(rest.len());
        let v = attr(&rest[..end], "value")?;
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    });
    let body = match (xml.find("<TEXT>"), xml.find("</TEXT>")) {
        (Some(a), Some(b)) if a + 6 <= b => &xml[a + 6..b],
        _ => "",
    };
    let mut text = String::with_capacity(body.len());
    let mut chars = 0usize;
    let mut gold = Vec::new();
    // Open TIMEX3: (start in chars, type, value).
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('<') {
            let close = r.find('>').map_or(rest.len(), |k| k + 2);
            let tag = &rest[..close.min(rest.len())];
            if tag.starts_with("<TIMEX3") {
                open = Some((
                    chars,
                    attr(tag, "type").unwrap_or_default(),
                    attr(tag, "value").unwrap_or_default(),
                ));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((start, kind, value)) = open.take() {
                    gold.push(GoldTimex {
                        start,
                        end: chars,
                        kind,
                        value,
                    });
                }
            }
            rest = &rest[close.min(rest.len())..];
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        let piece = unescape(&rest[..next]);
        chars += piece.chars().count();
        text.push_str(&piece);
        rest = &rest[next..];
    }
    TimemlDoc { text, dct, gold }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let io = |e| Error::Io {
        path: dir.display().to_string(),
        source: e,
    };
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let p = entry.map_err(io)?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Scores the time tagger on the TimeML files under `path` (the pipeline's other extractors are not run).
pub fn evaluate(_pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(Error::EvalData(format!(
            "{}: no .tml files found",
            path.display()
        )));
    }
    let debug_var = std::env::var("NEWSGRAPH_TIMEML_DEBUG").ok();
    let debug = debug_var.is_some();
    // `NEWSGRAPH_TIMEML_DEBUG=all` also prints the correct matches (to study a convention's frequency).
    let debug_all = debug_var.as_deref() == Some("all");
    let (mut strict, mut relaxed) = (Counts::default(), Counts::default());
    let (mut value_ok, mut type_ok, mut n_sys, mut n_gold) = (0usize, 0usize, 0usize, 0usize);
    for f in &files {
        let xml = std::fs::read_to_string(f).map_err(|e| Error::Io {
            path: f.display().to_string(),
            source: e,
        })?;
        let doc = parse(&xml);
        let ctx = article_context(&doc.text, doc.dct);
        let sys = time::extract(&ctx);
        n_sys += sys.len();
        n_gold += doc.gold.len();
        let mut gold_used = vec![false; doc.gold.len()];
        for s in &sys {
            if doc
                .gold
                .iter()
                .any(|g| g.start == s.start && g.end == s.end)
            {
                strict.tp += 1;
            } else {
                strict.fp += 1;
            }
            let hit = doc
                .gold
                .iter()
                .enumerate()
                .find(|(k, g)| !gold_used[*k] && g.start < s.end && s.start < g.end);
            match hit {
                Some((k, g)) => {
                    gold_used[k] = true;
                    relaxed.tp += 1;
                    let vt = g.value == s.value;
                    let tt = g.kind == format!("{:?}", s.kind).to_uppercase();
                    value_ok += vt as usize;
                    type_ok += tt as usize;
                    if debug && (!vt || !tt || debug_all) {
                        eprintln!(
                            "{} {:?} gold {:?} {} {} | sys {:?} {:?} {} (dct {:?}) ctx {:?}",
                            if vt && tt { "OK" } else { "VALUE" },
                            f.file_name().unwrap_or_default(),
                            &doc.text
                                .chars()
                                .skip(g.start)
                                .take(g.end - g.start)
                                .collect::<String>(),
                            g.kind,
                            g.value,
                            s.text,
                            s.kind,
                            s.value,
                            doc.dct,
                            context(&doc.text, s.start, s.end)
                        );
                    }
                }
                None => {
                    relaxed.fp += 1;
                    if debug {
                        // A gold span it overlaps was already taken by another prediction: a split span.
                        let split = doc.gold.iter().any(|g| g.start < s.end && s.start < g.end);
                        eprintln!(
                            "{} {:?} {:?} {:?} {} ctx {:?}",
                            if split { "FP-SPLIT" } else { "FP" },
                            f.file_name().unwrap_or_default(),
                            s.text,
                            s.kind,
                            s.value,
                            context(&doc.text, s.start, s.end)
                        );
                    }
                }
            }
        }
        for (k, g) in doc.gold.iter().enumerate() {
            if !sys.iter().any(|s| s.start == g.start && s.end == g.end) {
                strict.fn_ += 1;
            }
            if !gold_used[k] {
                relaxed.fn_ += 1;
                if debug {
                    eprintln!(
                        "FN {:?} {} {} ctx {:?}",
                        f.file_name().unwrap_or_default(),
                        g.kind,
                        g.value,
                        context(&doc.text, g.start, g.end)
                    );
                }
            }
        }
    }
    let mut report = Report::new("timeml", files.len());
    report.prf("strict span", strict);
    report.prf("relaxed span", relaxed);
    let attr_f1 = |ok: usize| crate::eval::ratio(2 * ok, n_sys + n_gold);
    report.metric("value f1 (TempEval-3)", attr_f1(value_ok));
    report.metric("type f1 (TempEval-3)", attr_f1(type_ok));
    report.metric(
        "value accuracy (relaxed matches)",
        crate::eval::ratio(value_ok, relaxed.tp),
    );
    report.metric(
        "type accuracy (relaxed matches)",
        crate::eval::ratio(type_ok, relaxed.tp),
    );
    report.metric("gold timexes", n_gold as f64);
    report.metric("predicted timexes", n_sys as f64);
    Ok(report)
}

/// The context the pipeline builds for an article, title paragraph included (a first line the structure parser
/// takes for a title is tagged too); the DCT is the article date.
fn article_context(text: &str, dct: Option<NaiveDate>) -> Context<'_> {
    let st = crate::article::parse_structure(text);
    Context::of_article(text, &st, dct.or(st.date))
}

fn context(text: &str, start: usize, end: usize) -> String {
    let s: Vec<char> = text.chars().collect();
    let a = start.saturating_sub(40).min(s.len());
    let b = (end + 40).min(s.len());
    let m1 = start.min(s.len());
    let m2 = end.min(s.len()).max(m1);
    format!(
        "{}[{}]{}",
        s[a..m1].iter().collect::<String>(),
        s[m1..m2].iter().collect::<String>(),
        s[m2..b].iter().collect::<String>()
    )
    .replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let xml = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">1998-08-07</TIMEX3></DCT>
<TEXT>Bombs <EVENT eid="e1">exploded</EVENT> &amp; more <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT>"#;
        let d = parse(xml);
        assert_eq!(d.text, "Bombs exploded & more Friday.");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 8, 7));
        assert_eq!(d.gold.len(), 1);
        let g = &d.gold[0];
        assert_eq!(
            d.text
                .chars()
                .skip(g.start)
                .take(g.end - g.start)
                .collect::<String>(),
            "Friday"
        );
        assert_eq!(g.value, "1998-08-07");
    }

    #[test]
    fn a_first_line_taken_for_a_title_is_still_tagged() {
        let xml = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-20">1998-01-20</TIMEX3></DCT>
<TEXT>
The Pentagon said <TIMEX3 tid="t1" type="DATE" value="1998-01-20">today</TIMEX3> it will review the case, in fact?

Officials first reported the find in the evening news.
</TEXT>"#;
        let d = parse(xml);
        let ctx = article_context(&d.text, d.dct);
        let got = time::extract(&ctx);
        assert!(
            got.iter()
                .any(|t| t.text == "today" && t.value == "1998-01-20"),
            "{got:?}"
        );
    }
}
