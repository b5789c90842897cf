//! Throughput of the whole parse and of each stage, on a corpus of the project's own wire-style
//! articles (`benches/corpus/`), with baselines that bound what any parser could do, parser
//! construction, scaling with the size of one article and pathological 10 MB inputs.
//!
//! `cargo bench --bench parse` (BENCHMARKS.md records the figures). Criterion reports the
//! throughput per group; the scaling and pathological checks print their own lines, timed with
//! the clock once each (best of three), before criterion runs.

use aho_corasick::AhoCorasick;
use criterion::{BenchmarkId, Criterion, Throughput};
use khabar::{Extractors, Parser};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The articles of one language (`ar` or `en`) under `benches/corpus/`, sorted by name.
fn articles(lang: &str) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("benches/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(lang)))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("article")).collect()
}

/// At least `bytes` of articles: the corpus cycled, every second pass with its paragraphs in
/// reverse order so that the articles are not all byte-identical repeats.
fn corpus(lang: &str, bytes: usize) -> Vec<String> {
    let base = articles(lang);
    let mut out = Vec::new();
    let mut total = 0;
    for pass in 0.. {
        for a in &base {
            if total >= bytes {
                return out;
            }
            let text = if pass % 2 == 1 {
                let mut lines: Vec<&str> = a.lines().collect();
                lines[1..].reverse(); // keep the dateline first
                lines.join("\n")
            } else {
                a.clone()
            };
            total += text.len();
            out.push(text);
        }
    }
    out
}

/// One article of about `bytes`: the corpus's paragraphs joined, the first dateline kept.
fn long_article(lang: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 16 * 1024);
    for a in corpus(lang, bytes) {
        out.push_str(&a);
        out.push('\n');
    }
    out
}

/// The best of three runs of `f`.
fn best_of_three(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .expect("three runs")
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// Building the first parser (every table) in this process, then linear scaling and the
/// pathological inputs, printed.
fn checks(first_parser: Duration) {
    println!("parser/first_new: {:.1} ms (all tables built)", first_parser.as_secs_f64() * 1e3);
    let parser = Parser::builder().max_input_bytes(64 << 20).build();
    // The whole pipeline and the pipeline without quotes, each at 1, 4 and 16 MB.
    let no_quotes = Parser::builder()
        .max_input_bytes(64 << 20)
        .extractors(Extractors { quotes: false, ..Extractors::all() })
        .build();
    for lang in ["ar", "en"] {
        for (label, p, sizes) in
            [("all", &parser, [1 << 20, 4 << 20, 16 << 20]), ("no_quotes", &no_quotes, [1 << 20, 4 << 20, 16 << 20])]
        {
            let mut base = None;
            for size in sizes.into_iter().filter(|&s| s > 0) {
                let text = long_article(lang, size);
                let d = best_of_three(|| {
                    black_box(p.parse(black_box(&text)).expect("parses"));
                });
                let per_mb = d.as_secs_f64() / (text.len() as f64 / (1 << 20) as f64);
                let ratio = per_mb / *base.get_or_insert(per_mb);
                println!(
                    "scaling/{lang}/{label}/{} KB: {:.3} s, {:.2} MB/s, time per MB {ratio:.2}× the smallest's",
                    size >> 10,
                    d.as_secs_f64(),
                    mb_per_s(text.len(), d)
                );
            }
        }
    }
    let ten = 10 << 20;
    let shapes: [(&str, &str); 9] = [
        ("no space", "مجلسالامنالدولي"),
        ("quote marks", "«"),
        ("straight quotes", "\""),
        ("cue verb", "قال "),
        ("cue verbs in lines", "وقال الوزير\n"),
        ("quotations after cue verbs", "قال «نعم» "),
        ("alternating scripts", "aب"),
        ("scripts, digits, marks", "Aب1٢.َ‏«x»"),
        ("full stops", "."),
    ];
    for (name, unit) in shapes {
        let text = unit.repeat(ten / unit.len());
        let t = Instant::now();
        black_box(parser.parse(&text).expect("parses"));
        let d = t.elapsed();
        println!("pathological/{name}/10MB: {:.2} s, {:.2} MB/s", d.as_secs_f64(), mb_per_s(text.len(), d));
    }
}

fn bench(c: &mut Criterion) {
    let parser = Parser::new();
    let only = |ex: Extractors| Parser::builder().extractors(ex).build();
    let stages = [
        ("text_layer", only(Extractors::none())),
        ("dateline", only(Extractors { dateline: true, ..Extractors::none() })),
        ("entities", only(Extractors { entities: true, ..Extractors::none() })),
        ("entities_quotes", only(Extractors { entities: true, quotes: true, ..Extractors::none() })),
        ("resolutions", only(Extractors { resolutions: true, ..Extractors::none() })),
    ];
    // a baseline no parser can beat: one Aho-Corasick pass for 200 words over the same text
    let words: Vec<String> = articles("ar")
        .iter()
        .chain(articles("en").iter())
        .flat_map(|a| a.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 4)
        .take(200)
        .collect();
    let ac = AhoCorasick::new(&words).expect("automaton");
    for lang in ["ar", "en"] {
        let texts = corpus(lang, 1 << 20);
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut g = c.benchmark_group(lang.to_string());
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
        g.bench_function("baseline/utf8_validate_copy", |b| {
            b.iter(|| {
                for t in &texts {
                    let s = std::str::from_utf8(black_box(t.as_bytes())).expect("utf-8");
                    black_box(s.to_owned());
                }
            })
        });
        g.bench_function("baseline/aho_corasick", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(ac.find_iter(black_box(t.as_str())).count());
                }
            })
        });
        g.bench_function("end_to_end", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(parser.parse(black_box(t)).expect("parses"));
                }
            })
        });
        g.bench_function("end_to_end_json", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(parser.parse(black_box(t)).expect("parses").to_json());
                }
            })
        });
        g.bench_function("stage/normalisation", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(khabar::text::Normalized::new(black_box(t)));
                }
            })
        });
        g.bench_function("stage/normalisation_tokens", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(khabar::text::Analysis::new(black_box(t)));
                }
            })
        });
        for (name, p) in &stages {
            g.bench_with_input(BenchmarkId::new("stage", name), p, |b, p| {
                b.iter(|| {
                    for t in &texts {
                        black_box(p.parse(black_box(t)).expect("parses"));
                    }
                })
            });
        }
        g.finish();
        println!("corpus/{lang}: {} articles, {bytes} bytes", texts.len());
    }
    c.bench_function("parser/new_after_first", |b| b.iter(|| black_box(Parser::new())));
}

fn main() {
    let t = Instant::now();
    black_box(Parser::new());
    let first = t.elapsed();
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench --bench parse -- --checks-only` skips criterion; a filter skips the checks
    let filtered = args.iter().skip(1).any(|a| !a.starts_with('-'));
    if !filtered {
        checks(first);
    }
    if args.iter().any(|a| a == "--checks-only") {
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
