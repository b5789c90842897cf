//! Parity: the JSON document is identical from the Rust API, from the C ABI (a real C program),
//! from the Python package (str and bytes input) and from the `khabar` command, for the same
//! inputs: the fixture articles under `tests/c/data/` and a few edge cases.
//!
//! Needs `cc` and `python3` on PATH (override with `$CC` and `$KHABAR_PYTHON`).

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where this build's `libkhabar.so` is: next to the test binary (`cargo test`), else one level up
/// (`cargo build`).
fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    [deps, deps.parent().unwrap()]
        .into_iter()
        .find(|d| d.join("libkhabar.so").exists())
        .expect("libkhabar.so")
        .to_path_buf()
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ffi_parity");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The inputs, written to files: the fixtures plus invented edge cases.
fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/c/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let cases: [(&str, &str); 4] = [
        ("edge-empty.txt", ""),
        ("edge-nul.txt", "A\0B said \"no\".\n"),
        (
            "edge-mixed.txt",
            "نيويورك (أ ف ب) - said the UN envoy: \"talks resume\" — قال المبعوث «نأمل».\n\nShare this:\n",
        ),
        ("edge-combining.txt", "e\u{301}te\u{301} à Genève — ١٢٣ ٤٥٦ 🙂 emoji and RTL\u{200f} marks.\n"),
    ];
    for (name, text) in cases {
        let path = out_dir().join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    files
}

fn stdout_lines(cmd: &mut Command) -> Vec<String> {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect()
}

fn rust_json(files: &[PathBuf]) -> Vec<String> {
    files.iter().map(|f| khabar::parse(&std::fs::read_to_string(f).unwrap()).unwrap().to_json()).collect()
}

fn c_json(files: &[PathBuf]) -> Vec<String> {
    let exe = out_dir().join("print_json");
    let dir = lib_dir();
    let status = Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".into()))
        .args(["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-I"])
        .arg(root().join("include"))
        .arg(root().join("tests/c/print_json.c"))
        .arg(dir.join("libkhabar.so"))
        .arg(format!("-Wl,-rpath,{}", dir.display()))
        .arg("-o")
        .arg(&exe)
        .status()
        .expect("run cc");
    assert!(status.success(), "cc failed");
    stdout_lines(Command::new(&exe).args(files))
}

const PY: &str = r#"
import sys, json, khabar
mode = sys.argv[1]
for path in sys.argv[2:]:
    data = open(path, "rb").read()
    article = khabar.parse(data if mode == "bytes" else data.decode("utf-8"))
    print(article.to_json())
"#;

fn python_json(files: &[PathBuf], mode: &str) -> Vec<String> {
    let python = std::env::var("KHABAR_PYTHON").unwrap_or_else(|_| "python3".into());
    stdout_lines(
        Command::new(python)
            .args(["-c", PY, mode])
            .args(files)
            .env("PYTHONPATH", root().join("python"))
            .env("KHABAR_LIBRARY", lib_dir().join("libkhabar.so"))
            .env("PYTHONIOENCODING", "utf-8"),
    )
}

#[test]
fn json_is_identical_from_rust_c_python_and_the_cli() {
    let files = inputs();
    let rust = rust_json(&files);
    let mut others = vec![("C ABI", c_json(&files)), ("Python str", python_json(&files, "str"))];
    others.push(("Python bytes", python_json(&files, "bytes")));
    if let Some(cli) = option_env!("CARGO_BIN_EXE_khabar") {
        others.push(("CLI", stdout_lines(Command::new(cli).arg("parse").args(&files))));
    }
    eprintln!("compared with Rust: {:?}", others.iter().map(|(n, _)| *n).collect::<Vec<_>>());
    for (name, got) in others {
        assert_eq!(got.len(), files.len(), "{name}: one document per input");
        for ((file, want), got) in files.iter().zip(&rust).zip(&got) {
            assert_eq!(got, want, "{name} differs from Rust for {}", file.display());
        }
    }
}
