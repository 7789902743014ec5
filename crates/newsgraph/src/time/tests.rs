//! Tests of the time tagger on real sentences, one family at a time.

use super::*;
use chrono::NaiveDate;

fn tag(text: &str, date: Option<&str>) -> Vec<Timex> {
    let d = date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let ctx = Context::from_text(text, d);
    extract(&ctx)
}

fn show(t: &[Timex]) -> Vec<(String, String)> {
    t.iter()
        .map(|x| (x.text.clone(), x.value.clone()))
        .collect()
}

#[test]
fn smoke() {
    let t = tag(
        "Russia announced on Thursday that it began withdrawing troops.",
        Some("2022-02-17"),
    );
    assert_eq!(show(&t), vec![("Thursday".into(), "2022-02-17".into())]);
}
