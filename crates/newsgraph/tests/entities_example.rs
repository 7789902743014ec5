//! The analyst's example article: every `must` person with the expected title and affiliation, every `must`
//! organization and place (and nationalities with their countries). Skips when `../shared` is absent.

use newsgraph::entities::EntityLabel;
use newsgraph::{Article, Pipeline};
use serde_json::Value;
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.is_dir().then_some(p)
}

#[test]
fn example_article_entities() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (example articles) is absent");
        return;
    };
    let dir = shared.join("examples/articles");
    let text =
        std::fs::read_to_string(dir.join("2022-02-17-russia-withdrawal.txt")).expect("article");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("2022-02-17-russia-withdrawal.gold.json")).expect("gold"),
    )
    .expect("gold json");
    let doc = Pipeline::builder()
        .build()
        .extract(&Article::parse("russia-withdrawal", text))
        .expect("document");
    let must = |v: &Value| v.get("must").and_then(Value::as_bool) == Some(true);

    for p in gold["persons"]
        .as_array()
        .expect("persons")
        .iter()
        .filter(|v| must(v))
    {
        let name = p["name"].as_str().expect("name");
        let cluster = doc
            .entity_clusters
            .iter()
            .find(|c| c.label == EntityLabel::Person && c.canonical == name)
            .unwrap_or_else(|| panic!("person {name} not found in {:#?}", doc.entity_clusters));
        let title = cluster
            .title
            .as_deref()
            .unwrap_or_else(|| panic!("{name}: no title"));
        let want_title = p["title"].as_str().expect("title");
        // "Kremlin spokesman": the title may or may not repeat the organization.
        assert!(
            want_title.to_lowercase().contains(&title.to_lowercase())
                || title.to_lowercase().contains(&want_title.to_lowercase()),
            "{name}: title {title:?}, expected {want_title:?}"
        );
        assert_eq!(
            cluster.affiliation.as_deref(),
            p["affiliation"].as_str(),
            "{name}: affiliation"
        );
        for m in p["mentions"].as_array().expect("mentions") {
            let m = m.as_str().expect("mention");
            assert!(
                doc.entities
                    .iter()
                    .any(|e| e.text == m && e.cluster == cluster.id),
                "{name}: mention {m:?} not in its cluster"
            );
        }
    }
    for o in gold["organizations"]
        .as_array()
        .expect("organizations")
        .iter()
        .filter(|v| must(v))
    {
        let name = o["name"].as_str().expect("name");
        let cluster = doc
            .entity_clusters
            .iter()
            .find(|c| c.label == EntityLabel::Org && c.canonical == name)
            .unwrap_or_else(|| panic!("organization {name} not found"));
        if let Some(ms) = o.get("mentions").and_then(Value::as_array) {
            for m in ms {
                let m = m.as_str().expect("mention");
                assert!(
                    doc.entities
                        .iter()
                        .any(|e| e.text == m && e.cluster == cluster.id),
                    "{name}: mention {m:?} not in its cluster"
                );
            }
        }
    }
    for p in gold["places"]
        .as_array()
        .expect("places")
        .iter()
        .filter(|v| must(v))
    {
        let name = p["name"].as_str().expect("name");
        let e = doc
            .entities
            .iter()
            .find(|e| e.text == name && e.label == EntityLabel::Loc)
            .unwrap_or_else(|| panic!("place {name} not found"));
        if let Some(cc) = p.get("country").and_then(Value::as_str) {
            assert_eq!(e.country.as_deref(), Some(cc), "{name}: country");
        }
    }
    for n in gold["nationalities"].as_array().expect("nationalities") {
        let text = n["text"].as_str().expect("text");
        let e = doc
            .entities
            .iter()
            .find(|e| e.text == text && e.label == EntityLabel::Norp)
            .unwrap_or_else(|| panic!("nationality {text} not found"));
        assert_eq!(
            e.country.as_deref(),
            n["country"].as_str(),
            "{text}: country"
        );
    }
    // Every span is the surface at its code-point offsets.
    let chars: Vec<char> = doc.text.chars().collect();
    for e in &doc.entities {
        let s: String = chars[e.start..e.end].iter().collect();
        assert_eq!(s, e.text);
        assert_eq!(doc.entity_clusters[e.cluster].canonical, e.canonical);
    }
}
