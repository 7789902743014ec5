//! Rough per-extractor throughput over a directory of .txt files: each extractor alone on top of parsing.
//! (The real benchmark is `newsgraph bench`.)
use newsgraph::{Article, Pipeline, PipelineBuilder};
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: stage_speed DIR [STAGE]");
    let only = std::env::args().nth(2);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir") {
        if let Ok(t) = std::fs::read_to_string(e.expect("entry").path()) {
            texts.push(t);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let none = || Pipeline::builder().structure_only();
    let stages: Vec<(&str, PipelineBuilder)> = vec![
        ("parse", none()),
        ("entities", none().with_entities(true)),
        ("timexes", none().with_timexes(true)),
        ("amounts", none().with_amounts(true)),
        ("quotes", none().with_quotes(true)),
        ("places", none().with_places(true)),
        ("all", Pipeline::builder()),
    ];
    for (name, b) in stages {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let p = b.build();
        let t = Instant::now();
        for text in &texts {
            let _ = p.extract(&Article::parse("x", text.as_str()));
        }
        let s = t.elapsed().as_secs_f64();
        println!("{name:<10} {:>7.1} MB/s  ({s:.2}s)", bytes as f64 / 1e6 / s);
    }
}
