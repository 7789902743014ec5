//! Rough parse-only throughput over a directory of .txt files (the real benchmark is `newsgraph bench`).
use newsgraph::{Article, Pipeline};
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: parse_speed DIR");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir") {
        let p = e.expect("entry").path();
        if let Ok(t) = std::fs::read_to_string(&p) {
            texts.push(t);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let p = Pipeline::builder().structure_only().build();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for text in &texts {
            n += p
                .extract(&Article::parse("x", text.as_str()))
                .map(|d| d.sentences.len())
                .unwrap_or(0);
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} docs, {:.1} MB x3, {:.2}s, {:.1} MB/s, {} sentences",
        texts.len(),
        bytes as f64 / 1e6,
        s,
        3.0 * bytes as f64 / 1e6 / s,
        n
    );
}
