//! Scorer for the `polnear` task: attributions in brat standoff (PolNeAR, Newell et al. 2018).
//!
//! `DIR` holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`; article dates come from `metadata.tsv` in
//! `DIR` or its parent. When an article has several annotators, the first `.ann` file in name order is the gold
//! (one annotation per article, so no article counts twice).
//!
//! Gold attributions are the `E` lines with a `Content`; a content whose text begins with a quotation mark is a
//! **direct quote** (the data's own definition), any other content is **reported speech**. Duplicate contents
//! (the same spans with several sources) count once, with all their sources.
//!
//! Predicted attributions are the quotes that have a speaker or a cue (an unattributed scare quote is not an
//! attribution, and PolNeAR does not annotate it), less the partial quotes inside predicted reported speech (they
//! belong to that attribution's content); they split the same way: text beginning with a quotation mark
//! is direct, the rest is reported speech. Split quotes are compared by their parts.
//!
//! Matching, one to one, greedily by size of overlap:
//! - **overlap** (the headline figure, as in Pareti's "partial" match): a predicted and a gold content match when
//!   they share at least one letter or digit;
//! - **exact**: they match when they cover exactly the same letters and digits, i.e. exact spans after trimming
//!   quotation marks, punctuation and whitespace at every edge.
//!
//! Speaker accuracy is measured on the overlap-matched direct quotes whose gold has a Source: correct when the
//! predicted speaker mention overlaps a gold Source span (a pronoun mention counts, as in the gold); reported
//! speaker accuracy the same way on the overlap-matched reported speech (no speaker counts as wrong).

use crate::article::Article;
use crate::error::{Error, Result};
use crate::eval::{Counts, Report};
use crate::pipeline::Pipeline;
use crate::quotes::{Quote, QuoteKind};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A gold attribution: content parts (code-point ranges) and source parts.
#[derive(Debug, Clone, Default)]
pub(crate) struct GoldAttribution {
    pub(crate) content: Vec<(usize, usize)>,
    pub(crate) sources: Vec<(usize, usize)>,
    pub(crate) cue: Vec<(usize, usize)>,
    pub(crate) direct: bool,
}

/// A content to match: its letter/digit positions, sorted.
struct Item {
    cores: Vec<usize>,
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Whether `c` opens or closes a quotation.
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '`'
    )
}

/// Parses one brat `.ann` file into attributions.
pub(crate) fn parse_ann(ann: &str) -> Vec<GoldAttribution> {
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut out = Vec::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        // Surfaces may hold newlines: continuation lines are not annotations.
        if id.len() < 2 || !id[1..].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if id.starts_with('T') {
            let mut parts = body.splitn(2, ' ');
            let _typ = parts.next();
            let ranges = parts.next().unwrap_or("");
            let mut v = Vec::new();
            for r in ranges.split(';') {
                let mut nums = r.split_whitespace().filter_map(|n| n.parse::<usize>().ok());
                if let (Some(a), Some(b)) = (nums.next(), nums.next()) {
                    v.push((a, b));
                }
            }
            spans.insert(id, v);
        } else if id.starts_with('E') {
            events.push(
                body.split_whitespace()
                    .filter_map(|kv| kv.split_once(':'))
                    .collect(),
            );
        }
    }
    for ev in events {
        let mut a = GoldAttribution::default();
        for (role, id) in ev {
            let Some(s) = spans.get(id) else { continue };
            if role == "Content" {
                a.content = s.clone();
            } else if role == "Cue" {
                a.cue = s.clone();
            } else if role.starts_with("Source") {
                a.sources.extend(s.iter().copied());
            }
        }
        if !a.content.is_empty() {
            out.push(a);
        }
    }
    out
}

/// Letter/digit code-point positions covered by `parts` of `chars`.
fn cores(chars: &[char], parts: &[(usize, usize)]) -> Vec<usize> {
    let mut v: Vec<usize> = parts
        .iter()
        .flat_map(|&(a, b)| a.min(chars.len())..b.min(chars.len()))
        .filter(|&i| chars[i].is_alphanumeric())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

pub(crate) fn starts_with_mark(chars: &[char], parts: &[(usize, usize)]) -> bool {
    let Some(&(a, b)) = parts.first() else {
        return false;
    };
    chars[a.min(chars.len())..b.min(chars.len())]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|&c| is_quote_mark(c))
}

fn overlap(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// One-to-one greedy matching by overlap size; returns (gold, predicted) pairs.
fn match_items(gold: &[Item], pred: &[Item], exact: bool) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ok = if exact {
                !g.cores.is_empty() && g.cores == p.cores
            } else {
                let (g0, g1) = (g.cores.first(), g.cores.last());
                let (p0, p1) = (p.cores.first(), p.cores.last());
                matches!((g0, g1, p0, p1), (Some(g0), Some(g1), Some(p0), Some(p1)) if g0 <= p1 && p0 <= g1)
            };
            if ok {
                let n = overlap(&g.cores, &p.cores);
                if n > 0 {
                    pairs.push((n, gi, pi));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gused = vec![false; gold.len()];
    let mut pused = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, gi, pi) in pairs {
        if !gused[gi] && !pused[pi] {
            gused[gi] = true;
            pused[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

fn counts(matched: usize, gold: usize, pred: usize) -> Counts {
    Counts {
        tp: matched,
        fp: pred - matched,
        fn_: gold - matched,
    }
}

/// Publication dates by file name, from `metadata.tsv` next to or above `dir`.
fn dates(dir: &Path) -> HashMap<String, NaiveDate> {
    let mut out = HashMap::new();
    for cand in [dir.join("metadata.tsv"), dir.join("../metadata.tsv")] {
        let Ok(tsv) = fs::read_to_string(&cand) else {
            continue;
        };
        let mut lines = tsv.lines();
        let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
        let name = header.iter().position(|h| *h == "filename");
        let date = header.iter().position(|h| *h == "publication_date");
        let (Some(name), Some(date)) = (name, date) else {
            continue;
        };
        for l in lines {
            let cols: Vec<&str> = l.split('\t').collect();
            if let (Some(n), Some(d)) = (cols.get(name), cols.get(date)) {
                if let Ok(d) = NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                    out.insert(n.to_string(), d);
                }
            }
        }
        break;
    }
    out
}

/// Code-point parts of a predicted quote.
fn quote_parts(q: &Quote) -> Vec<(usize, usize)> {
    if q.parts.is_empty() {
        vec![(q.start, q.end)]
    } else {
        q.parts.iter().map(|p| (p.start, p.end)).collect()
    }
}

/// The `.ann` files of a split's `attributions/` directory, one per article (`<article>_<annotator>.ann`): the
/// first in name order, keyed by the article's name. The scorer and the cue model's training read the same ones.
pub(crate) fn annotations(ann_dir: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let mut entries: Vec<PathBuf> = fs::read_dir(ann_dir)
        .map_err(|source| Error::Io {
            path: ann_dir.display().to_string(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    entries.sort();
    let mut anns = BTreeMap::new();
    for p in entries {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if let Some((name, _annotator)) = stem.rsplit_once('_') {
            anns.entry(name.to_string()).or_insert(p);
        }
    }
    Ok(anns)
}

/// Scores `pipeline` on the gold data at `path` (a split directory such as `polnear/dev`).
///
/// When the environment variable `NEWSGRAPH_POLNEAR_ERRORS` names a file, the misses and false alarms are
/// written there, one per line, for error analysis.
pub fn evaluate(pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let text_dir = path.join("text");
    let ann_dir = path.join("attributions");
    if !text_dir.is_dir() || !ann_dir.is_dir() {
        return Err(Error::EvalData(format!(
            "{}: expected text/ and attributions/ subdirectories (a PolNeAR split such as polnear/dev)",
            path.display()
        )));
    }
    let anns = annotations(&ann_dir)?;
    let dates = dates(path);
    let mut errors = std::env::var_os("NEWSGRAPH_POLNEAR_ERRORS")
        .and_then(|p| fs::File::create(p).ok())
        .map(std::io::BufWriter::new);

    let (mut direct, mut direct_exact, mut reported, mut reported_exact) = (
        Counts::default(),
        Counts::default(),
        Counts::default(),
        Counts::default(),
    );
    let (mut speaker_ok, mut speaker_total, mut documents) = (0usize, 0usize, 0usize);
    let (mut reported_speaker_ok, mut reported_speaker_total) = (0usize, 0usize);
    for (name, ann_path) in &anns {
        let text_path = text_dir.join(format!("{name}.txt"));
        let Ok(text) = read(&text_path) else {
            continue;
        };
        documents += 1;
        let chars: Vec<char> = text.chars().collect();
        let mut gold = parse_ann(&read(ann_path)?);
        // Same content with several sources: count once, keep every source.
        gold.sort_by(|a, b| a.content.cmp(&b.content));
        let mut merged: Vec<GoldAttribution> = Vec::new();
        for g in gold {
            match merged.last_mut() {
                Some(last) if last.content == g.content => last.sources.extend(g.sources),
                _ => merged.push(g),
            }
        }
        for g in &mut merged {
            g.direct = starts_with_mark(&chars, &g.content);
        }
        let article =
            Article::parse(name.clone(), text.clone()).with_date(dates.get(name).copied());
        let quotes = match pipeline.extract(&article) {
            Ok(doc) => doc.quotes,
            Err(_) => Vec::new(),
        };
        // A partial quote inside predicted reported speech is part of that attribution, not one of its own.
        let inside_reported = |q: &Quote| {
            quotes.iter().any(|h| {
                h.kind == QuoteKind::Indirect && h.start <= q.start && q.end <= h.end && h != q
            })
        };
        let predicted: Vec<&Quote> = quotes
            .iter()
            .filter(|q| q.speaker.is_some() || q.cue.is_some())
            .filter(|q| q.kind != QuoteKind::Partial || !inside_reported(q))
            .collect();
        for want_direct in [true, false] {
            let gs: Vec<&GoldAttribution> =
                merged.iter().filter(|g| g.direct == want_direct).collect();
            let ps: Vec<&Quote> = predicted
                .iter()
                .copied()
                .filter(|q| starts_with_mark(&chars, &quote_parts(q)) == want_direct)
                .collect();
            let gi: Vec<Item> = gs
                .iter()
                .map(|g| Item {
                    cores: cores(&chars, &g.content),
                })
                .collect();
            let pi: Vec<Item> = ps
                .iter()
                .map(|q| Item {
                    cores: cores(&chars, &quote_parts(q)),
                })
                .collect();
            let m = match_items(&gi, &pi, false);
            let mx = match_items(&gi, &pi, true);
            let c = counts(m.len(), gi.len(), pi.len());
            let cx = counts(mx.len(), gi.len(), pi.len());
            if want_direct {
                direct.add(c);
                direct_exact.add(cx);
            } else {
                reported.add(c);
                reported_exact.add(cx);
            }
            let (ok_count, total, tag) = if want_direct {
                (&mut speaker_ok, &mut speaker_total, "SPEAKER")
            } else {
                (
                    &mut reported_speaker_ok,
                    &mut reported_speaker_total,
                    "REPORTED-SPEAKER",
                )
            };
            for &(g, p) in &m {
                if gs[g].sources.is_empty() {
                    continue;
                }
                *total += 1;
                let ok = ps[p]
                    .speaker
                    .as_ref()
                    .is_some_and(|s| gs[g].sources.iter().any(|&(a, b)| s.start < b && a < s.end));
                if ok {
                    *ok_count += 1;
                } else if let Some(w) = errors.as_mut() {
                    let _ = writeln!(
                        w,
                        "{tag}\t{name}\tgold={:?}\tpred={:?}\tquote={:?}",
                        spans_text(&chars, &gs[g].sources, " | "),
                        ps[p].speaker.as_ref().map(|s| s.text.as_str()),
                        short(&ps[p].text)
                    );
                }
            }
            if let Some(w) = errors.as_mut() {
                let kind = if want_direct { "DIRECT" } else { "REPORTED" };
                let gm: Vec<bool> = (0..gi.len()).map(|i| m.iter().any(|x| x.0 == i)).collect();
                let pm: Vec<bool> = (0..pi.len()).map(|i| m.iter().any(|x| x.1 == i)).collect();
                for (i, g) in gs.iter().enumerate() {
                    let exact = mx.iter().any(|x| x.0 == i);
                    // A miss whose content some prediction overlaps was lost to one-to-one matching (the
                    // prediction spans several gold contents, or several gold contents share the words).
                    let covered = || (0..pi.len()).any(|p| overlap(&gi[i].cores, &pi[p].cores) > 0);
                    let tag = if !gm[i] && covered() {
                        "FN-COVERED"
                    } else if !gm[i] {
                        "FN"
                    } else if !exact {
                        "INEXACT"
                    } else {
                        continue;
                    };
                    let _ = writeln!(
                        w,
                        "{kind} {tag}\t{name}\t{}\tcue={}\tsource={}",
                        short(&spans_text(&chars, &g.content, " | ")),
                        spans_text(&chars, &g.cue, " "),
                        spans_text(&chars, &g.sources, " ")
                    );
                    if tag == "INEXACT" {
                        if let Some(&(_, p)) = m.iter().find(|x| x.0 == i) {
                            let _ = writeln!(w, "  pred\t{}", short(&ps[p].text));
                        }
                    }
                }
                for (i, q) in ps.iter().enumerate() {
                    if !pm[i] {
                        let _ = writeln!(w, "{kind} FP\t{name}\t{}", short(&q.text));
                    }
                }
            }
        }
    }
    let mut report = Report::new("polnear", documents);
    report.prf("direct overlap", direct);
    report.prf("direct exact", direct_exact);
    report.metric(
        "speaker accuracy",
        crate::eval::ratio(speaker_ok, speaker_total),
    );
    report.metric("speaker judged quotes", speaker_total as f64);
    report.prf("reported overlap", reported);
    report.prf("reported exact", reported_exact);
    report.metric(
        "reported speaker accuracy",
        crate::eval::ratio(reported_speaker_ok, reported_speaker_total),
    );
    report.metric("reported speaker judged", reported_speaker_total as f64);
    Ok(report)
}

fn slice(chars: &[char], a: usize, b: usize) -> String {
    chars[a.min(chars.len())..b.min(chars.len())]
        .iter()
        .collect()
}

/// The text of each span, joined by `sep`.
fn spans_text(chars: &[char], spans: &[(usize, usize)], sep: &str) -> String {
    let parts: Vec<String> = spans.iter().map(|&(a, b)| slice(chars, a, b)).collect();
    parts.join(sep)
}

fn short(s: &str) -> String {
    let s = s.replace('\n', "⏎");
    if s.chars().count() > 200 {
        let head: String = s.chars().take(200).collect();
        format!("{head}…")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_discontinuous_brat_spans() {
        let ann = "T1\tSource 0 3\tHim\nT2\tCue 4 8\tsaid\nT3\tContent 10 20;30 40\txx\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let g = parse_ann(ann);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].content, vec![(10, 20), (30, 40)]);
        assert_eq!(g[0].sources, vec![(0, 3)]);
    }

    /// Reported speaker accuracy judges the matched reported speech: a speaker overlapping the gold Source is right,
    /// another is wrong.
    #[test]
    fn reported_speaker_accuracy_judges_matched_reported_speech() {
        let dir = tempfile::tempdir().unwrap();
        let split = dir.path();
        fs::create_dir_all(split.join("text")).unwrap();
        fs::create_dir_all(split.join("attributions")).unwrap();
        let text = "The mayor said the bridge would stay shut. The council said the road would reopen in June.";
        fs::write(split.join("text/doc.txt"), text).unwrap();
        // The second gold source is the mayor on purpose: the council, which the pipeline names, is then wrong.
        let ann = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 41\tx\n\
            E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n\
            T4\tSource 0 9\tThe mayor\nT5\tCue 55 59\tsaid\nT6\tContent 60 89\tx\n\
            E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n";
        fs::write(split.join("attributions/doc_a.ann"), ann).unwrap();
        let report = evaluate(&Pipeline::builder().build(), split).unwrap();
        assert_eq!(
            report.get("reported speaker judged"),
            Some(2.0),
            "{report:?}"
        );
        assert_eq!(
            report.get("reported speaker accuracy"),
            Some(0.5),
            "{report:?}"
        );
    }

    #[test]
    fn exact_match_ignores_marks_and_punctuation() {
        let chars: Vec<char> = "“We will win,” he said.".chars().collect();
        let gold = Item {
            cores: cores(&chars, &[(0, 14)]),
        };
        let pred = Item {
            cores: cores(&chars, &[(1, 12)]),
        };
        assert_eq!(match_items(&[gold], &[pred], true), vec![(0, 0)]);
    }
}
