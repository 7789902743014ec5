//! Load time and tokens per second of the entity tagger alone on a CoNLL file:
//! `cargo run --release --example ner_speed ../shared/data/ner/conll2003/valid.txt`.
use newsgraph::entities::{preload, tagger::tag_document, train::read_conll};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: ner_speed CONLL_FILE");
    let t = Instant::now();
    std::sync::LazyLock::force(&newsgraph::entities::gazetteer::GAZETTEER);
    let g = t.elapsed().as_secs_f64() * 1e3;
    std::sync::LazyLock::force(&newsgraph::entities::clusters::CLUSTERS);
    let c = t.elapsed().as_secs_f64() * 1e3 - g;
    std::sync::LazyLock::force(&newsgraph::entities::tagger::MODEL);
    let m = t.elapsed().as_secs_f64() * 1e3 - g - c;
    preload();
    println!(
        "load: {:.1} ms (gazetteer {g:.1}, clusters {c:.1}, model {m:.1})",
        t.elapsed().as_secs_f64() * 1e3
    );
    let docs = read_conll(std::path::Path::new(&path)).expect("conll file");
    let docs: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    for round in 0..5 {
        let t = Instant::now();
        let mut n = 0;
        for d in &docs {
            n += tag_document(d).len();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "round {round}: {tokens} tokens ({n} sentences) in {:.3} s: {:.0} tokens/s",
            secs,
            tokens as f64 / secs
        );
    }
}
