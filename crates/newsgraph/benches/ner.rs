//! Entity tagger alone, tokens per second, on CoNLL-2003 valid.txt (skipped when ../shared is absent):
//! `cargo bench -p newsgraph --bench ner`.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::entities::{preload, tagger::tag_document, train::read_conll};
use std::path::PathBuf;

fn bench(c: &mut Criterion) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ner/conll2003/valid.txt");
    let Ok(docs) = read_conll(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    preload();
    let docs: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens as u64));
    g.sample_size(10);
    g.bench_function("tag conll valid", |b| {
        b.iter(|| docs.iter().map(|d| tag_document(d).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
