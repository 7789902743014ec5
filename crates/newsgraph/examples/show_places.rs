//! Prints the places, focus and amounts of one article (for eyeballing): `cargo run --release -p newsgraph
//! --example show_places -- FILE`.

use newsgraph::{Article, Pipeline};

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let raw = std::fs::read_to_string(&path).expect("read");
    let doc = Pipeline::builder()
        .build()
        .extract(&Article::parse(path, raw))
        .expect("extract");
    for p in &doc.places {
        println!(
            "PLACE {:<28} -> {:<24} {:<8} {:<3} {}",
            p.text,
            p.name.as_deref().unwrap_or("-"),
            p.feature.as_deref().unwrap_or("-"),
            p.country.as_deref().unwrap_or("-"),
            if p.demonym { "demonym" } else { "" }
        );
    }
    println!("FOCUS {:?} {:?}", doc.focus.countries, doc.focus.places);
    for a in &doc.amounts {
        println!(
            "AMOUNT {:<30} {:>14} {:?} {:?} obj={:?} unit={:?} cur={:?}",
            a.text,
            a.value,
            a.kind,
            a.qualifier,
            a.object.as_ref().map(|o| o.text.as_str()),
            a.unit,
            a.currency
        );
    }
}
