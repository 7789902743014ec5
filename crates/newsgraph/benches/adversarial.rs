//! Hostile text stays linear: full extraction of runs of one unit (a hyphen chain of places, thousands of
//! attributions in one sentence, runs of offices and names, quotation marks, digits) at two sizes. Linear code
//! shows the same MB/s at both sizes; a quadratic pass halves it at the larger one.
//! Run with `cargo bench -p newsgraph --bench adversarial`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsgraph::{Article, Pipeline};
use std::hint::black_box;

/// Units that each made some pass quadratic before it was mended, and a few long-standing hostile shapes.
const UNITS: &[(&str, &str)] = &[
    ("place_chain", "Russia-Ukraine-"),
    ("said", "said "),
    ("said_x", ", said Putin, "),
    ("according_to", "according to "),
    ("office_names", "Head of the Office Andriy Yermak "),
    ("title_chain", "Kremlin spokesman "),
    ("nationality_org", "Russian Defense Ministry "),
    ("particle_names", "Luigi di Maio "),
    ("quote_marks", "“a” "),
    ("digits", "1 "),
    ("weekdays", "on Tuesday (15) "),
];

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::builder().build();
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    for (name, unit) in UNITS {
        for kb in [100usize, 200] {
            let text = unit.repeat(kb * 1000 / unit.len() + 1);
            let article = Article::parse(*name, text);
            group.throughput(Throughput::Bytes(article.text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(*name, format!("{kb}KB")),
                &article,
                |b, a| b.iter(|| black_box(pipeline.extract(black_box(a)).map(|d| d.quotes.len()))),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
