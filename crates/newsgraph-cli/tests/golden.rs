//! Golden output: `newsgraph extract` on each bundled example article equals `tests/golden/<name>.json`.
//!
//! After an intended change of output, regenerate with `UPDATE_GOLDEN=1 cargo test -p newsgraph-cli --test golden`
//! and review the diff.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The first place where two JSON values differ, as a path.
fn first_difference(path: &str, a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => {
                        if let Some(d) = first_difference(&format!("{path}.{k}"), v, w) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{path}.{k}: missing in the new output")),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: new in the output"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(&format!("{path}[{i}]"), v, w) {
                    return Some(d);
                }
            }
            (x.len() != y.len())
                .then(|| format!("{path}: {} items expected, {} found", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: expected {a}, found {b}")),
    }
}

#[test]
fn bundled_examples_match_their_golden_output() {
    let root = workspace();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v != "0");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(root.join("examples/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "jsonl"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 4, "bundled examples are missing");
    let mut failures = Vec::new();
    for input in inputs {
        let name = input.file_name().unwrap().to_str().unwrap().to_string();
        let relative = format!("examples/articles/{name}");
        let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .current_dir(&root)
            .args(["extract", "--quiet", &relative])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{relative}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let docs: Vec<Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let actual = Value::Array(docs);
        let golden = root.join("tests/golden").join(format!("{name}.json"));
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(
                &golden,
                serde_json::to_string_pretty(&actual).unwrap() + "\n",
            )
            .unwrap();
            continue;
        }
        let expected: Value = match std::fs::read_to_string(&golden) {
            Ok(s) => serde_json::from_str(&s).unwrap(),
            Err(_) => {
                failures.push(format!("{name}: no golden file {}", golden.display()));
                continue;
            }
        };
        if let Some(d) = first_difference("", &expected, &actual) {
            failures.push(format!("{name}: {d}"));
        }
    }
    assert!(
        failures.is_empty(),
        "output differs from tests/golden (regenerate with UPDATE_GOLDEN=1 after review):\n{}",
        failures.join("\n")
    );
}
