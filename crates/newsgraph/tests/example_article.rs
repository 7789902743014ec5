//! Acceptance test on the analyst's example article (read in place from `../shared`, skipped when absent).

use newsgraph::{Article, Pipeline};
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/articles");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!(
            "skipped: {} not found (the shared data sits next to the repository)",
            p.display()
        );
        None
    }
}

#[test]
fn example_article_structure() {
    let Some(dir) = shared() else { return };
    let text = std::fs::read_to_string(dir.join("2022-02-17-russia-withdrawal.txt")).unwrap();
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("2022-02-17-russia-withdrawal.gold.json")).unwrap(),
    )
    .unwrap();
    let doc = Pipeline::builder()
        .structure_only()
        .build()
        .extract(&Article::parse("example", text.clone()))
        .unwrap();
    let g = &gold["document"];
    assert_eq!(doc.date.unwrap().to_string(), g["date"].as_str().unwrap());
    let chars: Vec<char> = text.chars().collect();
    let surface = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    assert!(
        surface(doc.body.start, doc.body.end).starts_with(g["body_starts_with"].as_str().unwrap())
    );
    let headings: Vec<String> = doc
        .paragraphs
        .iter()
        .filter(|p| p.heading)
        .map(|p| surface(p.start, p.end))
        .collect();
    let want: Vec<String> = g["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap().to_string())
        .collect();
    assert_eq!(headings, want);
    let credit = doc.credit.as_ref().unwrap();
    assert_eq!(credit.text, g["credit"]["text"].as_str().unwrap());
    assert_eq!(credit.agencies, vec!["AFP".to_string()]);
    assert!(doc.paragraphs.len() as u64 >= g["paragraphs_min"].as_u64().unwrap());
    // Sentences: each paragraph's sentences tile it, and the quote-closing sentences end after "said."/"told reporters.".
    let sentences: Vec<String> = doc
        .sentences
        .iter()
        .map(|s| surface(s.start, s.end))
        .collect();
    assert!(
        sentences.contains(&"“It’s a process that will take some time,” he explained.".to_string())
    );
    assert!(sentences.contains(
        &"Lavrov said he will respond to these proposals in writing on Thursday.".to_string()
    ));
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("“The Defense Minister")
            && s.ends_with("Dmitry Peskov told reporters.")));
    assert_eq!(sentences.len(), 30);
}
