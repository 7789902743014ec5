//! Rough throughput of quote extraction alone (contexts built beforehand):
//! `cargo run --release --example quotes_speed DIR`.
use newsgraph::pipeline::Context;
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("directory of .txt articles");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("read dir").flatten() {
        if let Ok(t) = std::fs::read_to_string(e.path()) {
            texts.push(t);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctxs: Vec<Context> = texts.iter().map(|t| Context::from_text(t, None)).collect();
    let t0 = Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        for c in &ctxs {
            n += newsgraph::quotes::extract(c, &[], &[], &[]).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64() / 5.0;
    println!(
        "{} articles, {:.1} MB, {} quotes/run, {:.3} s/run, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        n / 5,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
