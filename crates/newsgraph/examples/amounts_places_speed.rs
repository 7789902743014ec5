//! Rough throughput of amounts and places alone, and the gazetteer's load time.
//!
//! `cargo run --release -p newsgraph --example amounts_places_speed -- DIR` (a directory of `.txt` articles).

use newsgraph::pipeline::Context;
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        "../shared/data/raw_news/kremlin_ukraine_press_releases_2021_2022/articles".into()
    });
    let t = Instant::now();
    newsgraph::places::preload();
    println!("gazetteer load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("read dir").flatten() {
        if let Ok(s) = std::fs::read_to_string(e.path()) {
            texts.push(s);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctxs: Vec<Context> = texts.iter().map(|t| Context::from_text(t, None)).collect();
    let (mut n_amounts, mut n_places) = (0, 0);
    let t = Instant::now();
    for c in &ctxs {
        n_amounts += newsgraph::amounts::extract(c, &[]).len();
    }
    let ta = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for c in &ctxs {
        n_places += newsgraph::places::resolve(c, &[]).0.len();
    }
    let tp = t.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {:.1} MB: amounts {} in {:.3} s ({:.0} MB/s); places {} in {:.3} s ({:.0} MB/s); both {:.0} MB/s",
        texts.len(),
        mb,
        n_amounts,
        ta,
        mb / ta,
        n_places,
        tp,
        mb / tp,
        mb / (ta + tp)
    );
}
