//! Scorer for the `geowebnews` task: toponym detection and geocoding on GeoWebNews (Gritta et al. 2019).
//!
//! Reads `GWN.xml` (in the directory given, or the file itself): each `<article>` has its `<text>` and
//! `<toponym>`s with `type`, `start`/`end` (code points into the text) and `latitude`/`longitude`.
//!
//! - Detection: gold toponyms are the types that name a place, literally or not (Literal, Metonymic, Mixed,
//!   Literal_Modifier, Non_Literal_Modifier, Demonym, Embedded_Literal, Embedded_Non_Lit). Expressions (`city`),
//!   Non_Toponym, Homonym, Language and Coercion (`White House`, `EU`) are not gold; a prediction that overlaps one
//!   of them is neither right nor wrong. `exact` needs the same span, `relaxed` any overlap (one to one).
//! - Geocoding: every gold toponym with coordinates (of any type, as in the paper's accuracy@161km): the share that
//!   newsgraph places within 161 km (100 miles), through an overlapping predicted place with coordinates; and the
//!   same share over the matched ones only (resolution alone).

use crate::error::{Error, Result};
use crate::eval::{Counts, Report};
use crate::pipeline::Pipeline;
use crate::Article;
use std::path::Path;

const TOPONYM_TYPES: &[&str] = &[
    "Literal",
    "Metonymic",
    "Mixed",
    "Literal_Modifier",
    "Non_Literal_Modifier",
    "Demonym",
    "Embedded_Literal",
    "Embedded_Non_Lit",
];

const NEUTRAL_TYPES: &[&str] = &["Homonym", "Language", "Coercion", "Non_Toponym"];

/// One gold annotation.
#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    coords: Option<(f64, f64)>,
}

/// Great-circle distance in km.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn tag<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let s = block.find(&open)? + open.len();
    let e = block[s..].find(&close)? + s;
    Some(&block[s..e])
}

/// Parses `GWN.xml` into (id, text, gold toponyms).
fn parse(xml: &str) -> Vec<(String, String, Vec<Gold>)> {
    let mut out = Vec::new();
    for block in xml.split("<article ").skip(1) {
        let id = block.split('"').nth(1).unwrap_or_default().to_string();
        let Some(text) = tag(block, "text") else {
            continue;
        };
        let text = unescape(text);
        let mut golds = Vec::new();
        for t in block.split("<toponym>").skip(1) {
            let num = |n: &str| tag(t, n).and_then(|v| v.trim().parse::<f64>().ok());
            let (Some(start), Some(end)) = (num("start"), num("end")) else {
                continue;
            };
            let coords = match (num("latitude"), num("longitude")) {
                (Some(la), Some(lo)) => Some((la, lo)),
                _ => None,
            };
            golds.push(Gold {
                start: start as usize,
                end: end as usize,
                kind: tag(t, "type").unwrap_or_default().trim().to_string(),
                coords,
            });
        }
        out.push((id, text, golds));
    }
    out
}

/// Scores `pipeline` on the gold data at `path` (the GeoWebNews directory or its `GWN.xml`).
pub fn evaluate(pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let file = if path.is_dir() {
        path.join("GWN.xml")
    } else {
        path.to_path_buf()
    };
    let xml = std::fs::read_to_string(&file)
        .map_err(|e| Error::EvalData(format!("{}: {e}", file.display())))?;
    let docs = parse(&xml);
    if docs.is_empty() {
        return Err(Error::EvalData(format!(
            "{}: no <article> found",
            file.display()
        )));
    }
    let mut exact = Counts::default();
    let mut relaxed = Counts::default();
    let (mut geo_gold, mut geo_hit, mut geo_matched, mut geo_matched_hit) =
        (0usize, 0usize, 0usize, 0usize);
    let mut errors: Vec<f64> = Vec::new();
    // NEWSGRAPH_EVAL_DEBUG=1 lists the misses on stderr (for error analysis).
    let debug = std::env::var_os("NEWSGRAPH_EVAL_DEBUG").is_some();
    for (id, text, golds) in &docs {
        let surface = |s: usize, e: usize| -> String { text.chars().skip(s).take(e - s).collect() };
        let doc = pipeline.extract(&Article::parse(id.clone(), text.clone()))?;
        let preds = &doc.places;
        let is_top = |g: &Gold| TOPONYM_TYPES.contains(&g.kind.as_str());
        let is_neutral =
            |g: &Gold| NEUTRAL_TYPES.contains(&g.kind.as_str()) || g.kind.ends_with("_Expression");
        let tops: Vec<&Gold> = golds.iter().filter(|g| is_top(g)).collect();
        // Exact.
        let mut used = vec![false; tops.len()];
        for p in preds {
            match tops
                .iter()
                .enumerate()
                .find(|(i, g)| !used[*i] && g.start == p.start && g.end == p.end)
            {
                Some((i, _)) => {
                    used[i] = true;
                    exact.tp += 1;
                }
                None => {
                    let neutral = golds
                        .iter()
                        .any(|g| !is_top(g) && is_neutral(g) && g.start < p.end && p.start < g.end);
                    if !neutral {
                        exact.fp += 1;
                        if debug {
                            eprintln!("FP\t{id}\t{}\t{:?}", p.text, p.name);
                        }
                    }
                }
            }
        }
        exact.fn_ += used.iter().filter(|u| !**u).count();
        if debug {
            for (g, u) in tops.iter().zip(&used) {
                if !u {
                    eprintln!(
                        "FN\t{id}\t{}\t{}\t{}",
                        surface(g.start, g.end),
                        g.kind,
                        surface(g.start.saturating_sub(30), g.end + 30).replace('\n', " ")
                    );
                }
            }
        }
        // Relaxed (overlap, one to one).
        let mut used = vec![false; tops.len()];
        for p in preds {
            match tops
                .iter()
                .enumerate()
                .find(|(i, g)| !used[*i] && g.start < p.end && p.start < g.end)
            {
                Some((i, _)) => {
                    used[i] = true;
                    relaxed.tp += 1;
                }
                None => {
                    let neutral = golds
                        .iter()
                        .any(|g| !is_top(g) && g.start < p.end && p.start < g.end);
                    if !neutral {
                        relaxed.fp += 1;
                    }
                }
            }
        }
        relaxed.fn_ += used.iter().filter(|u| !**u).count();
        // Geocoding over every gold toponym with coordinates.
        for g in golds {
            let Some(gc) = g.coords else { continue };
            geo_gold += 1;
            let best = preds
                .iter()
                .filter(|p| p.start < g.end && g.start < p.end)
                .filter_map(|p| Some((p.lat?, p.lon?)))
                .map(|pc| haversine_km(gc, pc))
                .min_by(f64::total_cmp);
            if debug && best.map_or(true, |d| d > 161.0) {
                let p = preds.iter().find(|p| p.start < g.end && g.start < p.end);
                // Why: not detected at all, detected but unresolved, or resolved too far away.
                let cause = match (p, best) {
                    (None, _) => "undetected",
                    (Some(_), None) => "unresolved",
                    (Some(_), Some(_)) => "wrong",
                };
                eprintln!(
                    "GEO\t{id}\t{}\t{}\t{cause}\t{:?}\t{:?}\t{:?}\t{:.0}",
                    surface(g.start, g.end),
                    g.kind,
                    gc,
                    p.and_then(|p| p
                        .name
                        .clone()
                        .or_else(|| p.near.clone().map(|n| format!("~{n}")))),
                    p.and_then(|p| p.country.clone()),
                    best.unwrap_or(-1.0)
                );
            }
            if let Some(d) = best {
                geo_matched += 1;
                errors.push(d);
                if d <= 161.0 {
                    geo_hit += 1;
                    geo_matched_hit += 1;
                }
            }
        }
    }
    let mut report = Report::new("geowebnews", docs.len());
    report.prf("toponym exact", exact);
    report.prf("toponym relaxed", relaxed);
    report.metric("gold with coordinates", geo_gold as f64);
    report.metric(
        "acc@161km (all gold with coords)",
        crate::eval::ratio(geo_hit, geo_gold),
    );
    report.metric("matched gold with coords", geo_matched as f64);
    report.metric(
        "acc@161km (matched)",
        crate::eval::ratio(geo_matched_hit, geo_matched),
    );
    errors.sort_by(f64::total_cmp);
    if let Some(m) = errors.get(errors.len() / 2) {
        report.metric("median error km (matched)", *m);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_is_right_on_known_distances() {
        // Moscow - Kyiv is about 755 km.
        let d = haversine_km((55.7522, 37.6156), (50.4547, 30.5238));
        assert!((d - 755.0).abs() < 15.0, "{d}");
        assert!(haversine_km((1.0, 1.0), (1.0, 1.0)) < 1e-9);
    }

    #[test]
    fn scores_shared_data_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/geo/geowebnews");
        if !dir.join("GWN.xml").exists() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let xml = std::fs::read_to_string(dir.join("GWN.xml")).unwrap();
        let docs = parse(&xml);
        assert_eq!(docs.len(), 200);
        let with_coords: usize = docs
            .iter()
            .map(|d| d.2.iter().filter(|g| g.coords.is_some()).count())
            .sum();
        assert_eq!(with_coords, 2601);
    }
}
