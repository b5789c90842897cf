//! Builds the C and C++ programs under `tests/c/`, `examples/c/` and `examples/cpp/` with the
//! system compilers against the library cargo just built, and runs them.
//!
//! The library is the `cdylib` and `staticlib` cargo built with this test binary
//! (`target/<profile>/deps/`). Compilers: `$CC` (default `cc`) and `$CXX` (default `c++`). The C
//! test runs under AddressSanitizer and UBSan when the compiler supports them (set
//! `KHABAR_SANITIZE=0` to turn that off); `tests/c/valgrind.sh` runs it under valgrind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const STRICT: &[&str] = &["-Wall", "-Wextra", "-Wpedantic", "-Werror"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The directory holding the `libkhabar.so` and `libkhabar.a` of this build: `target/<profile>/deps/`
/// (next to this test binary), where `cargo test` writes them, else `target/<profile>/`, where
/// `cargo build` copies them.
fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let deps = exe.parent().expect("target/<profile>/deps").to_path_buf();
    let candidates = [deps.clone(), deps.parent().expect("target/<profile>").to_path_buf()];
    candidates.iter().find(|d| d.join(shared_lib_name()).exists()).cloned().unwrap_or_else(|| {
        panic!("{} not found in {candidates:?}: build with `cargo test` or `cargo build`", shared_lib_name())
    })
}

fn shared_lib_name() -> &'static str {
    if cfg!(target_os = "macos") { "libkhabar.dylib" } else { "libkhabar.so" }
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("c_api");
    std::fs::create_dir_all(&dir).expect("create output dir");
    dir
}

fn cc() -> String {
    std::env::var("CC").unwrap_or_else(|_| "cc".into())
}

fn cxx() -> String {
    std::env::var("CXX").unwrap_or_else(|_| "c++".into())
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    if !out.status.success() {
        panic!(
            "{cmd:?} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out
}

/// `-fsanitize=address,undefined` when the C compiler can build and run a program with it.
fn sanitizer_flags() -> &'static [&'static str] {
    static FLAGS: OnceLock<&'static [&'static str]> = OnceLock::new();
    FLAGS.get_or_init(|| {
        const SAN: &[&str] = &["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-fno-sanitize-recover=all"];
        if std::env::var("KHABAR_SANITIZE").is_ok_and(|v| v == "0") {
            return &[];
        }
        let dir = out_dir();
        let src = dir.join("probe.c");
        std::fs::write(&src, "int main(void) { return 0; }\n").unwrap();
        let exe = dir.join("probe");
        let ok = Command::new(cc()).args(SAN).arg(&src).arg("-o").arg(&exe).status().is_ok_and(|s| s.success())
            && Command::new(&exe).status().is_ok_and(|s| s.success());
        if ok { SAN } else { &[] }
    })
}

/// Links against the shared library, with an rpath so the program finds it.
fn link_shared(cmd: &mut Command) {
    let dir = lib_dir();
    cmd.arg(dir.join(shared_lib_name())).arg(format!("-Wl,-rpath,{}", dir.display())).arg("-pthread");
}

fn compile_c(name: &str, src: &Path, extra: &[&str]) -> PathBuf {
    let exe = out_dir().join(name);
    let mut cmd = Command::new(cc());
    cmd.arg("-std=c99").args(STRICT).args(extra).arg("-I").arg(root().join("include")).arg(src).arg("-o").arg(&exe);
    link_shared(&mut cmd);
    run(&mut cmd);
    exe
}

#[test]
fn c_test_program_passes() {
    let exe = compile_c("test_ffi", &root().join("tests/c/test_ffi.c"), sanitizer_flags());
    let out = run(Command::new(&exe).arg(root().join("tests/c/data")).env("ASAN_OPTIONS", "detect_leaks=1"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    assert!(out.stderr.is_empty() || !String::from_utf8_lossy(&out.stderr).contains("ERROR"), "sanitizer report");
}

/// The static library links with the line the README gives.
#[test]
fn c_test_program_links_statically() {
    let exe = out_dir().join("test_ffi_static");
    let mut cmd = Command::new(cc());
    cmd.arg("-std=c99")
        .args(STRICT)
        .arg("-I")
        .arg(root().join("include"))
        .arg(root().join("tests/c/test_ffi.c"))
        .arg(lib_dir().join("libkhabar.a"))
        .args(["-lpthread", "-ldl", "-lm"])
        .arg("-o")
        .arg(&exe);
    run(&mut cmd);
    let out = run(Command::new(&exe).arg(root().join("tests/c/data")));
    assert!(String::from_utf8_lossy(&out.stdout).contains(" passed, 0 failed"));
}

#[test]
fn c_example_prints_the_article() {
    let exe = compile_c("parse_file", &root().join("examples/c/parse_file.c"), &[]);
    for (file, lang) in [("ar-1.txt", "language ar"), ("en-1.txt", "language en")] {
        let out = run(Command::new(&exe).arg(root().join("tests/c/data").join(file)));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(lang), "{stdout}");
        let n = khabar::parse(&std::fs::read_to_string(root().join("tests/c/data").join(file)).unwrap()).unwrap();
        assert!(stdout.contains(&format!("statements: {}", n.quotes().len())), "{stdout}");
        assert!(stdout.contains(&format!("resolutions: {}", n.resolutions().len())), "{stdout}");
        for r in n.resolutions() {
            assert!(stdout.contains(&r.symbol), "{stdout}");
        }
    }
    // Invalid UTF-8 is reported with its offset and a non-zero exit.
    let bad = out_dir().join("bad.txt");
    std::fs::write(&bad, b"abc\xffdef").unwrap();
    let out = Command::new(&exe).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at byte 3"));
}

#[test]
fn cpp_wrapper_example_runs() {
    let exe = out_dir().join("parse_file_cpp");
    let mut cmd = Command::new(cxx());
    cmd.arg("-std=c++17")
        .args(STRICT)
        .arg("-I")
        .arg(root().join("include"))
        .arg("-I")
        .arg(root().join("examples/cpp"))
        .arg(root().join("examples/cpp/parse_file.cpp"))
        .arg("-o")
        .arg(&exe);
    link_shared(&mut cmd);
    run(&mut cmd);
    let out = run(Command::new(&exe).arg(root().join("tests/c/data/en-2.txt")));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("invalid input rejected: invalid UTF-8 at byte offset 3 (offset 3)"), "{stdout}");
}

#[test]
fn header_compiles_as_c99_and_as_cpp() {
    let src = root().join("tests/c/header_check.c");
    let exe = compile_c("header_check_c", &src, &[]);
    run(&mut Command::new(exe));
    for std in ["-std=c++11", "-std=c++17"] {
        let exe = out_dir().join(format!("header_check_cpp{}", &std[8..]));
        let mut cmd = Command::new(cxx());
        cmd.args(["-x", "c++", std]).args(STRICT).arg("-I").arg(root().join("include")).arg(&src);
        // `-x none` so that the library after the source is not read as C++.
        cmd.args(["-x", "none", "-o"]).arg(&exe);
        link_shared(&mut cmd);
        run(&mut cmd);
        run(&mut Command::new(exe));
    }
}
