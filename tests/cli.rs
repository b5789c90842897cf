//! The `khabar` command line: files, stdin, JSON Lines, and its errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn khabar(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run khabar");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn scratch(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("khabar-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn parses_a_file_into_the_json_document() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles/ar-02-minister.txt");
    let out = khabar(&["parse", path], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], khabar::SCHEMA);
    assert_eq!(doc["language"], "ar");
    // identical to the library's document
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim_end(), khabar::parse(&text).unwrap().to_json());
}

#[test]
fn reads_stdin_and_pretty_prints() {
    let out = khabar(&["parse", "--pretty", "-"], "بيروت (رويترز) - قال مسؤول إن الاجتماع انتهى.".as_bytes());
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("\n  \"schema\""));
    let doc: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(doc["dateline"]["agencies"][0]["text"], "رويترز");
}

#[test]
fn errors_are_one_line_and_a_failure_status() {
    let out = khabar(&["parse", "/no/such/file.txt"], b"");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("khabar: /no/such/file.txt: "), "{err}");

    let bad = scratch("bad.txt", b"abc \xd8 def");
    let out = khabar(&["parse", bad.to_str().unwrap()], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("invalid UTF-8 at byte offset 4"));

    let big = scratch("big.txt", &[b'a'; 64]);
    let out = khabar(&["parse", "--max-bytes", "10", big.to_str().unwrap()], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("exceeds the limit of 10 bytes"));
}

#[test]
fn jsonl_keeps_ids_and_reports_bad_lines_in_place() {
    let input = concat!(
        r#"{"id": "a", "text": "WASHINGTON (Reuters) - The talks resumed on Monday."}"#,
        "\n",
        "not json\n",
        "\n",
        r#"{"id": 7, "body": "no text field"}"#,
        "\n",
        r#"{"id": "b", "text": "قال الوزير إن المحادثات ستستمر."}"#,
        "\n",
    );
    let out = khabar(&["parse", "--jsonl"], input.as_bytes());
    assert!(!out.status.success(), "a bad record makes the exit status a failure");
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["dateline"]["locations"][0]["text"], "WASHINGTON");
    assert_eq!(lines[1]["error"]["kind"], "invalid_json");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["error"]["kind"], "missing_text");
    assert_eq!(lines[3]["id"], "b");
    assert_eq!(lines[3]["language"], "ar");
}

#[test]
fn jsonl_reports_invalid_utf8_with_its_offset() {
    let out = khabar(&["parse", "--jsonl", "-"], b"{\"id\":1,\"text\":\"ab\xff\"}\n");
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["error"]["kind"], "invalid_utf8");
    assert_eq!(line["error"]["offset"], 18);
}

#[test]
fn parallel_jsonl_keeps_input_order_and_matches_one_thread() {
    let texts = [
        "WASHINGTON (Reuters) - The talks resumed on Monday.",
        "بيروت (رويترز) - قال مسؤول إن الاجتماع انتهى دون اتفاق.",
        "قال الوزير إن المحادثات ستستمر.",
    ];
    let input: String =
        (0..600).map(|i| serde_json::json!({"id": i, "text": texts[i % texts.len()]}).to_string() + "\n").collect();
    let many = khabar(&["parse", "--jsonl", "--jobs", "3"], input.as_bytes());
    let one = khabar(&["parse", "--jsonl", "-j", "1"], input.as_bytes());
    assert!(many.status.success() && one.status.success());
    assert_eq!(many.stdout, one.stdout);
    let ids: Vec<u64> = String::from_utf8(many.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (0..600).collect::<Vec<u64>>());
}
