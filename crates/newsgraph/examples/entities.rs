//! Prints the entities and clusters of a text file: `cargo run --release --example entities FILE`.
use newsgraph::{Article, Pipeline};

fn main() {
    let path = std::env::args().nth(1).expect("usage: entities FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let pipeline = Pipeline::builder().build();
    let doc = pipeline
        .extract(&Article::parse(&path, &text))
        .expect("document");
    for e in &doc.entities {
        println!(
            "{:>5} {:<6} {:<28} c{:<3} {:<28} title={:?} affil={:?} country={:?}",
            e.start,
            format!("{:?}", e.label),
            e.text,
            e.cluster,
            e.canonical,
            e.title,
            e.affiliation,
            e.country
        );
    }
    for c in &doc.entity_clusters {
        println!("{}", serde_json::to_string(c).unwrap_or_default());
    }
}
