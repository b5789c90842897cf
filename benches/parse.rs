//! End-to-end throughput on a corpus of the project's own articles, and parser construction.
//!
//! `cargo bench --bench parse`. The corpus is the sample articles under `examples/articles/`,
//! repeated to a few hundred KB of each language.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn corpus(lang: &str) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(lang)))
        .map(|p| std::fs::read_to_string(p).expect("article"))
        .collect();
    texts.sort();
    let one: usize = texts.iter().map(String::len).sum();
    let copies = (300 * 1024 / one.max(1)).max(1);
    texts.iter().cycle().take(texts.len() * copies).cloned().collect()
}

fn bench(c: &mut Criterion) {
    let parser = khabar::Parser::new();
    for lang in ["ar", "en"] {
        let texts = corpus(lang);
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut g = c.benchmark_group(format!("parse/{lang}"));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_function("end_to_end", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(parser.parse(black_box(t)).unwrap());
                }
            })
        });
        g.finish();
    }
    c.bench_function("parser/new", |b| b.iter(|| black_box(khabar::Parser::new())));
}

criterion_group!(benches, bench);
criterion_main!(benches);
