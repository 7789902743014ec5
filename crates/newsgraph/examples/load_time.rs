//! How long the embedded data takes to load, per extractor, in a fresh process (the budget is 50 ms for
//! all of it): `cargo run --release -p newsgraph --example load_time`.
use newsgraph::{Article, Pipeline};
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let mut last = 0.0;
    let mut lap = |what: &str| {
        let now = t.elapsed().as_secs_f64() * 1e3;
        println!("{what:<28} {:>6.1} ms", now - last);
        last = now;
    };
    newsgraph::entities::preload();
    lap("entities (tagger, names)");
    newsgraph::time::preload();
    lap("time lexicon");
    newsgraph::places::preload();
    lap("places gazetteer");
    let p = Pipeline::builder().build();
    lap("pipeline (rest)");
    // Whatever loads on first use (quote cues, amounts) shows up in the first document.
    let _ = p.extract(&Article::parse(
        "x",
        " date 2022-02-17\nMoscow said on Tuesday that more than 100,000 troops had left, Peskov told reporters.",
    ));
    lap("first document");
    println!(
        "{:<28} {:>6.1} ms",
        "total",
        t.elapsed().as_secs_f64() * 1e3
    );
}
