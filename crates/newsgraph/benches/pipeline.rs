//! Throughput of parsing alone and of the full pipeline, in bytes of article text per second.
//!
//! Corpus: the bundled example articles, plus, when present next to the repository, the shared raw news
//! (`../shared/data/raw_news/...`, first 300 articles) and the shared example article.
//! Run with `cargo bench -p newsgraph --bench pipeline`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::{Article, Pipeline};
use std::hint::black_box;
use std::path::Path;

fn corpus() -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["examples/articles", "../shared/examples/articles"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt")),
            );
        }
    }
    let raw =
        root.join("../shared/data/raw_news/kremlin_ukraine_press_releases_2021_2022/articles");
    if let Ok(entries) = std::fs::read_dir(&raw) {
        let mut news: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        news.sort();
        files.extend(news.into_iter().take(300));
    } else {
        eprintln!(
            "note: {} absent; benchmarking the bundled examples only",
            raw.display()
        );
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(Article::parse(p.display().to_string(), text))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let parse = Pipeline::builder().structure_only().build();
    group.bench_function("parse_only", |b| {
        b.iter(|| {
            for a in &articles {
                let _ = black_box(parse.extract(black_box(a)));
            }
        })
    });
    let full = Pipeline::builder().build();
    group.bench_function("full", |b| {
        b.iter(|| {
            for a in &articles {
                let _ = black_box(full.extract(black_box(a)));
            }
        })
    });
    group.bench_function("full_and_json", |b| {
        b.iter(|| {
            for a in &articles {
                if let Ok(doc) = full.extract(a) {
                    black_box(serde_json::to_vec(&doc).map(|v| v.len()).unwrap_or(0));
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
