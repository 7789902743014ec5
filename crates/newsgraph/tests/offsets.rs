//! Property test: on any text the pipeline never panics, and every span in the serialized document satisfies the
//! offset invariant: `start <= end <= len` in code points, and where the span has a `text`, it is exactly the
//! document text from `start` to `end`.
//!
//! The document is walked as generic JSON, so spans added later by any extractor are checked too.

use newsgraph::{Article, Pipeline};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::builder().build());

/// Checks every object with integer `start` and `end` under `value`; returns the number of spans checked.
fn check_spans(value: &Value, chars: &[char], path: &str) -> Result<usize, String> {
    let mut n = 0;
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (start, end) = (start as usize, end as usize);
                if start > end || end > chars.len() {
                    return Err(format!(
                        "{path}: span {start}..{end} outside 0..{}",
                        chars.len()
                    ));
                }
                if let Some(Value::String(text)) = map.get("text") {
                    let surface: String = chars[start..end].iter().collect();
                    if &surface != text {
                        return Err(format!(
                            "{path}: text {text:?} but text[{start}..{end}] is {surface:?}"
                        ));
                    }
                }
                n += 1;
            }
            for (k, v) in map {
                if path.is_empty() && k == "text" {
                    continue;
                }
                n += check_spans(v, chars, &format!("{path}.{k}"))?;
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                n += check_spans(v, chars, &format!("{path}[{i}]"))?;
            }
        }
        _ => {}
    }
    Ok(n)
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let article = Article::parse("prop", text);
    match PIPELINE.extract(&article) {
        Ok(doc) => {
            let value = serde_json::to_value(&doc).unwrap();
            prop_assert_eq!(value["text"].as_str().unwrap(), text);
            let chars: Vec<char> = text.chars().collect();
            check_spans(&value, &chars, "").map_err(TestCaseError::fail)?;
        }
        Err(e) => prop_assert!(text.trim().is_empty(), "only empty text may fail, got {e}"),
    }
    Ok(())
}

/// Pieces of news text that exercise the parser: markers, quotes, abbreviations, numbers, datelines, credits,
/// multibyte letters, odd whitespace.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" date 2022-02-17 ".to_string()),
        Just("date 2022-13-45 ".to_string()),
        Just("MOSCOW, Apr 23: ".to_string()),
        Just("Washington (AFP) – ".to_string()),
        Just("“It’s a process,” he said. ".to_string()),
        Just("\"Quote without end ".to_string()),
        Just("Mr. Peskov told U.S. Gen. Smith on Feb. 3 ".to_string()),
        Just("1.5 million $3,000 40% ".to_string()),
        Just("... ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("*With AFP".to_string()),
        Just("(Reuters)".to_string()),
        Just("Dialog sketch\n\n".to_string()),
        Just("Zürich Київ 東京 🇺🇦 e\u{301} ".to_string()),
        Just("\u{feff}\u{200b}\u{a0}\t".to_string()),
        "[A-Za-z]{1,12}[ .,;:!?]",
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_hold(text in "\\PC*|\\p{Any}{0,200}") {
        check(&text)?;
    }

    #[test]
    fn news_like_text_never_panics_and_spans_hold(text in newsy()) {
        check(&text)?;
    }
}

#[test]
fn adversarial_inputs() {
    for text in [
        "\"".repeat(100_000),
        "“”".repeat(50_000),
        "1".repeat(200_000),
        ".".repeat(100_000),
        "\n".repeat(100_000) + "x",
        "A. ".repeat(50_000),
        "date ".repeat(10_000),
        // Thousands of ambiguous abbreviations beside thousands of places (was quadratic in places).
        "Mines in South Africa are old. ".to_string()
            + &"Work in SA is hard for miners in SA today. ".repeat(10_000),
    ] {
        check(&text).unwrap();
    }
}

#[test]
fn example_article_spans_hold() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/articles/2022-02-17-russia-withdrawal.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    check(&text).unwrap();
}
