//! End-to-end tests of the `newsgraph` binary: output order, exit codes, bad inputs, pipes, large documents.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn newsgraph() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.stdin(Stdio::null());
    cmd
}

fn run(args: &[&str]) -> Output {
    newsgraph().args(args).output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `<workspace>/../shared`, where the shared data sits next to the repository (absent on a bare clone).
fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then_some(dir)
}

#[test]
fn output_follows_input_order_across_threads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let body =
            format!("Article number {i} says that the council met on Monday. ").repeat(i % 7 + 1);
        write(&dir.path().join(format!("{i:03}.txt")), body.as_bytes());
    }
    let out = run(&["extract", "--threads", "2", p(dir.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..40)
        .map(|i| format!("{}/{i:03}.txt", p(dir.path())))
        .collect();
    assert_eq!(ids, expected);
    let summary = stderr(&out);
    assert!(summary.contains("40 documents (0 failed)"), "{summary}");
}

#[test]
fn some_failures_exit_1_and_the_others_are_written() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("a.txt"),
        b"The minister resigned on Friday.",
    );
    write(&dir.path().join("b.txt"), b"   \n\n  ");
    write(
        &dir.path().join("c.txt"),
        b"Parliament will vote next week.",
    );
    let out = run(&["extract", p(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 3);
    assert!(docs[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("The minister"));
    assert_eq!(docs[1]["error"]["kind"], "empty_text");
    assert!(docs[1]["id"].as_str().unwrap().ends_with("b.txt"));
    assert!(docs[2]["text"].as_str().unwrap().starts_with("Parliament"));
    assert!(stderr(&out).contains("3 documents (1 failed)"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["extract"],
        vec!["extract", "--date", "2022-13-45", "x.txt"],
        vec!["extract", "--threads", "many", "x.txt"],
        vec!["extract", "--no-such-flag", "x.txt"],
        vec!["no-such-command"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn an_output_file_that_cannot_be_created_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    write(&input, b"Rain is expected.");
    let output = dir.path().join("no/such/dir/out.jsonl");
    let out = run(&["extract", "--output", p(&output), p(&input)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot create"), "{}", stderr(&out));
}

#[test]
fn help_explains_the_commands() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("extract") && text.contains("bench") && text.contains("eval"));
    let out = run(&["extract", "--help"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("--date") && text.contains("--threads") && text.contains("--output"));
    assert!(text.contains("Exit status"));
}

#[test]
fn invalid_utf8_names_file_and_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("latin1.txt");
    write(&file, b"Caf\xC3\xA9 owners in Z\xFCrich protested.");
    let out = run(&["extract", p(&file)]);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs[0]["id"], p(&file));
    assert_eq!(docs[0]["error"]["kind"], "invalid_utf8");
    let message = docs[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.contains(p(&file)) && message.contains("byte offset 17"),
        "{message}"
    );
    assert!(stderr(&out).contains("byte offset 17"));
}

#[test]
fn empty_file_is_an_empty_text_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.txt");
    write(&file, b"");
    let out = run(&["extract", p(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out)[0]["error"]["kind"], "empty_text");
}

#[test]
fn date_from_name_dates_files_and_resolves_their_weekdays() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("2022-02-17-talks.txt"),
        b"The envoys met on Tuesday.",
    );
    write(
        &dir.path().join("2021-05-04-marked.txt"),
        b" date 2022-03-01\nThe envoys met on Tuesday.",
    );
    write(&dir.path().join("notes.txt"), b"The envoys met on Tuesday.");
    let out = run(&[
        "extract",
        "--date-from-name",
        "--date",
        "2020-01-10",
        p(dir.path()),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = lines(&out);
    // Sorted by name: the marker beats the name, the name beats --date, --date is the fallback.
    let got: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap(),
                d["timexes"][0]["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2022-03-01", "2022-03-01"),
            ("2022-02-17", "2022-02-15"),
            ("2020-01-10", "2020-01-07"),
        ]
    );
    // Without the flag the name is not read.
    let out = run(&["extract", p(&dir.path().join("2022-02-17-talks.txt"))]);
    assert_eq!(lines(&out)[0]["date"], Value::Null);
}

#[test]
fn malformed_date_marker_warns_keeps_text_and_leaves_date_null() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad-date.txt");
    let text = " date 2022-13-45 The central bank raised rates on Thursday.";
    write(&file, text.as_bytes());
    let out = run(&["extract", p(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = &lines(&out)[0];
    assert_eq!(doc["date"], Value::Null);
    assert_eq!(doc["text"], text);
    assert_eq!(doc["warnings"][0]["kind"], "malformed_date_marker");
    assert!(!doc["sentences"].as_array().unwrap().is_empty());
}

#[test]
fn malformed_json_line_names_file_and_line_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.jsonl");
    write(
        &file,
        b"{\"id\": \"one\", \"text\": \"First record.\"}\n{\"id\": \"two\", \"text\": \"broken\n{\"text\": \"Third record.\", \"date\": \"2022-02-17\", \"lang\": \"en\"}\n",
    );
    let out = run(&["extract", p(&file)]);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["id"], "one");
    let location = format!("{}:2", p(&file));
    assert_eq!(docs[1]["id"], location.as_str());
    assert_eq!(docs[1]["error"]["kind"], "invalid_record");
    assert!(docs[1]["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with(&location));
    assert_eq!(docs[2]["id"], format!("{}:3", p(&file)).as_str());
    assert_eq!(docs[2]["date"], "2022-02-17");
    assert_eq!(docs[2]["meta"]["lang"], "en");
}

#[test]
fn binary_file_in_a_directory_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), b"Officials met in Geneva.");
    write(
        &dir.path().join("photo.jpg"),
        b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01",
    );
    write(&dir.path().join("scan.txt"), b"%PDF-1.4\n\0\0\x01binary");
    write(
        &dir.path().join("notes.md"),
        b"not read: other extension, text",
    );
    let out = run(&["extract", p(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 3, "{docs:?}");
    assert!(docs[0]["text"].is_string());
    assert_eq!(docs[1]["error"]["kind"], "binary");
    assert!(docs[1]["id"].as_str().unwrap().ends_with("photo.jpg"));
    assert_eq!(docs[2]["error"]["kind"], "binary");
}

#[test]
fn unreadable_and_missing_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("ok.txt"), b"Officials met in Geneva.");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("broken.txt")).unwrap();
    let locked = dir.path().join("locked.txt");
    write(&locked, b"Secret.");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    // root reads files whatever their mode: then the locked file is just another article.
    let locked_readable = std::fs::read(&locked).is_ok();
    let out = run(&["extract", p(dir.path()), p(&dir.path().join("missing.txt"))]);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    let kinds: Vec<&str> = docs
        .iter()
        .map(|d| d["error"]["kind"].as_str().unwrap_or("ok"))
        .collect();
    if cfg!(unix) {
        let locked_kind = if locked_readable { "ok" } else { "io" };
        assert_eq!(kinds, ["io", locked_kind, "ok", "io"], "{docs:?}");
    }
    assert!(docs.last().unwrap()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("missing.txt"));
}

/// Waits for a child whose stdout reader went away: it must exit 0 and say nothing on stderr.
fn ends_quietly_with_success(mut child: std::process::Child) {
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(err, "", "a closed pipe is not an error");
}

#[test]
fn closed_pipe_ends_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = String::new();
    for i in 0..3000 {
        records.push_str(&format!(
            "{{\"id\": \"r{i}\", \"text\": \"The mayor of the city said on Tuesday that {i} new buses would be bought.\"}}\n"
        ));
    }
    let file = dir.path().join("many.jsonl");
    write(&file, records.as_bytes());
    let mut child = newsgraph()
        .args(["extract", p(&file)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader (and so the pipe) is dropped here, as `head -1` does.
    assert!(first.contains("\"r0\""));
    ends_quietly_with_success(child);
}

#[test]
fn eval_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tiny.conll");
    write(
        &file,
        b"-DOCSTART- -X- -X- O\n\nPeskov NNP B-NP B-PER\nspoke VBD B-VP O\nin IN B-PP O\nMoscow NNP B-NP B-LOC\n. . O O\n",
    );
    let mut child = newsgraph()
        .args(["eval", "conll", p(&file)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the report is written, as `| head -0` would.
    drop(child.stdout.take());
    ends_quietly_with_success(child);
}

#[test]
fn a_50_mb_one_line_document() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.txt");
    let sentence = "The ministry said 1.5 million tonnes of grain left Odesa, “a record,” officials told reporters. ";
    let text = sentence.repeat(50_000_000 / sentence.len() + 1);
    write(&file, text.as_bytes());
    let out = newsgraph()
        .args(["extract", "--quiet", p(&file)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The output is some 860 MB of JSON: read only the fields checked (a full `Value` tree took a minute).
    #[derive(serde::Deserialize)]
    struct Doc {
        text: String,
        paragraphs: Vec<serde::de::IgnoredAny>,
    }
    let out = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<Doc> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, text);
    assert_eq!(docs[0].paragraphs.len(), 1);
}

#[test]
fn stdin_text_and_json_lines() {
    let mut child = newsgraph()
        .args(["extract", "--date", "2021-06-01", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Voters went to the polls on Sunday.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let docs = lines(&out);
    assert_eq!(docs[0]["id"], "-");
    assert_eq!(docs[0]["date"], "2021-06-01");

    let mut child = newsgraph()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\n{\"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let ids: Vec<Value> = lines(&out).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["-:2", "b"]);
}

#[test]
fn output_file_and_record_fields() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    write(
        &input,
        br#"[{"id": "x", "text": "Rain is expected.", "title": "Weather", "url": "https://example.org/x", "source": "Daily"}]"#,
    );
    let output = dir.path().join("out.jsonl");
    let out = run(&["extract", "--output", p(&output), p(&input)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let doc: Value =
        serde_json::from_str(std::fs::read_to_string(&output).unwrap().trim()).unwrap();
    assert_eq!(doc["id"], "x");
    assert_eq!(doc["url"], "https://example.org/x");
    assert_eq!(doc["source"], "Daily");
}

#[test]
fn every_output_line_has_the_contract_keys() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let out = run(&["extract", p(&root)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for doc in lines(&out) {
        for key in [
            "id",
            "date",
            "title",
            "dateline",
            "credit",
            "paragraphs",
            "sentences",
            "entities",
            "quotes",
            "timexes",
            "amounts",
            "places",
            "events",
            "warnings",
            "text",
        ] {
            assert!(doc.get(key).is_some(), "{} lacks {key}", doc["id"]);
        }
    }
}

#[test]
fn the_example_article_from_shared() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let file = shared.join("examples/articles/2022-02-17-russia-withdrawal.txt");
    let out = run(&["extract", p(&file)]);
    assert_eq!(out.status.code(), Some(0));
    let doc = &lines(&out)[0];
    assert_eq!(doc["date"], "2022-02-17");
    assert_eq!(doc["credit"]["agencies"][0], "AFP");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let surface = |v: &Value| -> String {
        text[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    assert!(surface(&doc["body"]).starts_with("Russia announced on Thursday"));
    let headings: Vec<String> = doc["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["heading"] == true)
        .map(surface)
        .collect();
    assert_eq!(
        headings,
        [
            "Announcement of withdrawal",
            "Ukraine does not believe in withdrawal",
            "Dialog sketch"
        ]
    );
    assert!(doc["paragraphs"].as_array().unwrap().len() >= 25);
}
