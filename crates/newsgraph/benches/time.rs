//! Throughput of time tagging alone, of building the shared context, and of the adversarial paragraph
//! (digits, month names, weekdays) that must cost about the same as ordinary news.
//!
//! Run: `cargo bench -p newsgraph --bench time`. Uses the Kremlin press releases from `../shared` when present,
//! else a built-in news paragraph.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::pipeline::Context;
use std::hint::black_box;

fn news() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/raw_news/kremlin_ukraine_press_releases_2021_2022/articles");
    let mut text = String::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.iter().take(300) {
            if let Ok(t) = std::fs::read_to_string(f) {
                text.push_str(&t);
                text.push_str("\n\n");
            }
        }
    }
    if text.is_empty() {
        text = "Russia announced on Thursday that it has begun withdrawing more troops. Since Tuesday (15), \
                authorities have announced the withdrawal; drills continue until February 20. Earlier this \
                week, the Kremlin said talks could resume next month.\n\n"
            .repeat(2000);
    }
    text
}

fn bench(c: &mut Criterion) {
    let date = chrono::NaiveDate::from_ymd_opt(2022, 2, 17);
    let text = news();
    let adversarial = "12 May 1999 Tuesday (15) 3 4 2021 March 10:00 31 December 1990s the 15th "
        .repeat(text.len() / 72 + 1);
    let mut g = c.benchmark_group("time");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    let ctx = Context::from_text(&text, date);
    g.bench_function("context only (news)", |b| {
        b.iter(|| {
            black_box(Context::from_text(black_box(&text), date))
                .tokens
                .len()
        })
    });
    g.bench_function("timexes only (news)", |b| {
        b.iter(|| black_box(newsgraph::time::extract(black_box(&ctx))).len())
    });
    let actx = Context::from_text(&adversarial, date);
    g.throughput(Throughput::Bytes(adversarial.len() as u64));
    g.bench_function("timexes only (adversarial)", |b| {
        b.iter(|| black_box(newsgraph::time::extract(black_box(&actx))).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
