//! Reference timings of the Rust API for the Python overhead measurement (`python/bench.py`).
//! Ignored by default; run in release mode:
//!
//! ```text
//! cargo test --release --test ffi_bench -- --ignored --nocapture
//! python3 python/bench.py            # same corpus, through the Python package
//! ```
//!
//! The corpus is the fixture articles under `tests/c/data/` and, per language, their
//! concatenation (joined by a blank line): 1 to 4 KB articles.

use std::path::PathBuf;

/// CPU time of this process in seconds (wall time elsewhere than Linux): the machine is shared, so
/// CPU time is the steadier measure, and `python/bench.py` uses the same.
fn cpu_seconds() -> f64 {
    #[cfg(target_os = "linux")]
    {
        #[repr(C)]
        struct Timespec {
            tv_sec: i64,
            tv_nsec: i64,
        }
        unsafe extern "C" {
            fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
        }
        const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
        let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: a valid clock id and a valid out-pointer.
        let rc = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
        assert_eq!(rc, 0);
        ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
    }
    #[cfg(not(target_os = "linux"))]
    {
        use std::sync::OnceLock;
        static START: OnceLock<std::time::Instant> = OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64()
    }
}

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/c/data");
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let texts: Vec<(String, String)> = names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy()[..2].to_owned(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let mut out: Vec<String> = texts.iter().map(|(_, t)| t.clone()).collect();
    for lang in ["ar", "en"] {
        let joined: Vec<&str> = texts.iter().filter(|(l, _)| l == lang).map(|(_, t)| t.as_str()).collect();
        out.push(joined.join("\n\n"));
    }
    out
}

/// Best of several rounds of `per_round` passes over the corpus, in CPU microseconds per article.
fn time(corpus: &[String], f: impl Fn(&str)) -> f64 {
    let per_round = 20;
    let mut best = f64::MAX;
    for _ in 0..7 {
        let t = cpu_seconds();
        for _ in 0..per_round {
            for text in corpus {
                f(text);
            }
        }
        best = best.min((cpu_seconds() - t) * 1e6 / (per_round * corpus.len()) as f64);
    }
    best
}

#[test]
#[ignore = "timing; run with --release -- --ignored --nocapture"]
fn rust_api_timings() {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(String::len).sum();
    let parser = khabar::Parser::new();
    for t in &corpus {
        std::hint::black_box(parser.parse(t).unwrap());
    }
    let parse = time(&corpus, |t| {
        std::hint::black_box(parser.parse(t).unwrap());
    });
    let json = time(&corpus, |t| {
        std::hint::black_box(parser.parse(t).unwrap().to_json());
    });
    println!("corpus: {} articles, {:.1} KB average", corpus.len(), bytes as f64 / corpus.len() as f64 / 1024.0);
    println!("rust Parser::parse:           {parse:8.1} us/article");
    println!("rust Parser::parse + to_json: {json:8.1} us/article");
}
