//! Fuzz target: any UTF-8 input is parsed and extracted without panicking, and every span in the serialized
//! document satisfies the offset invariant (`text[start..end]` in code points equals the span's `text`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::{Article, Pipeline};
use serde_json::Value;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::builder().build());

fn check(value: &Value, chars: &[char], top: bool) {
    match value {
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= chars.len(), "span {s}..{e} out of bounds");
                if let Some(Value::String(t)) = map.get("text") {
                    assert_eq!(&chars[s..e].iter().collect::<String>(), t);
                }
            }
            for (k, v) in map {
                if !(top && k == "text") {
                    check(v, chars, false);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| check(v, chars, false)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = newsgraph::article::parse_structure(text);
    if let Ok(doc) = PIPELINE.extract(&Article::parse("fuzz", text)) {
        let value = serde_json::to_value(&doc).unwrap();
        let chars: Vec<char> = text.chars().collect();
        check(&value, &chars, true);
    }
});
