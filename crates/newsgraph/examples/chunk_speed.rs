//! Single-thread extraction speed (pipeline plus JSON) that holds up on a busy machine: the corpus is cut into
//! chunks of a few documents, each chunk is timed on every pass, and the fastest time of each chunk counts (a
//! chunk short enough to run between two preemptions now and then). For comparing two builds back to back.
//!
//! `cargo run --release --example chunk_speed -- DIR [PASSES] [DOCS_PER_CHUNK]`
use newsgraph::{corpus, Pipeline};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .expect("usage: chunk_speed DIR [PASSES] [DOCS_PER_CHUNK]"),
    );
    let passes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    let per_chunk: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(8);
    let inputs: Vec<corpus::Input> = corpus::read(&[dir], None).collect();
    let bytes: usize = inputs.iter().map(corpus::Input::text_len).sum();
    let pipeline = Pipeline::builder().build();
    let chunks: Vec<&[corpus::Input]> = inputs.chunks(per_chunk.max(1)).collect();
    let mut best = vec![f64::INFINITY; chunks.len()];
    for _ in 0..passes {
        for (c, chunk) in chunks.iter().enumerate() {
            let t = Instant::now();
            let mut n = 0;
            for input in chunk.iter() {
                let output = input.process(&pipeline);
                n += serde_json::to_vec(&output).map_or(0, |v| v.len());
            }
            std::hint::black_box(n);
            best[c] = best[c].min(t.elapsed().as_secs_f64());
        }
    }
    let total: f64 = best.iter().sum();
    println!(
        "{:.3} s for {:.2} MB: {:.2} MB/s (fastest of {passes} passes per chunk of {per_chunk} documents)",
        total,
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / total
    );
}
