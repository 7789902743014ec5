//! Prints the structure newsgraph finds in a text file: date, title, dateline, credit, paragraphs, sentences.
//!
//! `cargo run --example structure -- FILE`
use newsgraph::{Article, Pipeline};

fn main() {
    let path = std::env::args().nth(1).expect("usage: structure FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let doc = Pipeline::builder()
        .structure_only()
        .build()
        .extract(&Article::parse(path, text))
        .expect("non-empty text");
    let chars: Vec<char> = doc.text.chars().collect();
    let s = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    println!(
        "date: {:?}\ntitle: {:?}\ndateline: {:?}\ncredit: {:?}\nwarnings: {:?}",
        doc.date, doc.title, doc.dateline, doc.credit, doc.warnings
    );
    println!(
        "body starts: {:?}",
        s(doc.body.start, (doc.body.start + 40).min(doc.body.end))
    );
    for p in &doc.paragraphs {
        println!(
            "[{}{}] {:?}",
            p.start,
            if p.heading { " HEADING" } else { "" },
            s(p.start, (p.start + 60).min(p.end))
        );
    }
    for st in &doc.sentences {
        println!("  S: {}", s(st.start, st.end));
    }
}
