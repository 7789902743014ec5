//! Prints the quotes of a text file (development aid): `cargo run --release --example quotes_dump FILE`.
use newsgraph::{Article, Pipeline};

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(&path).expect("read");
    let p = Pipeline::builder().build();
    let doc = p.extract(&Article::parse(path, text)).expect("extract");
    for q in &doc.quotes {
        let sp = q
            .speaker
            .as_ref()
            .map(|s| format!("{} => {:?}", s.text, s.name));
        let cue = q.cue.as_ref().map(|c| c.text.clone());
        println!(
            "[{:?}] {:?}\n    parts={} cue={:?} speaker={:?} aud={:?}",
            q.kind,
            q.text.chars().take(160).collect::<String>(),
            q.parts.len(),
            cue,
            sp,
            q.audience.as_ref().map(|a| &a.text)
        );
    }
}
