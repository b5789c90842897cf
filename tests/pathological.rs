//! Pathological inputs finish in linear time.
//!
//! Time is measured as work, not on the clock: the text layer counts the bytes it normalises,
//! tokenises and segments, every lexicon entry it compares and every offset lookup
//! (`khabar::text::work_done`, a deterministic per-thread counter). For each input shape the work
//! for 4n bytes must stay within 5× the work for n bytes (linear, with room for rounding), and
//! under a fixed number of units per input byte. Sizes stay small enough for a debug build in
//! CI; the bench (`cargo bench --bench parse`) runs the same shapes at 10 MB on the clock.
mod common;

use khabar::text::{reset_work, work_done};

/// Units of work per input byte no shape may exceed (ordinary articles do about 5–10).
const MAX_PER_BYTE: u64 = 60;
/// Base size in bytes; each shape is also parsed at 4× this.
const N: usize = 5_000;

/// An input shape: its name and a maker of about n bytes of it.
type Shape = (&'static str, Box<dyn Fn(usize) -> String>);

/// `unit` repeated to about `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

fn shapes() -> Vec<Shape> {
    vec![
        ("Arabic letters without a space", Box::new(|n| repeat("مجلسالامنالدولي", n))),
        ("Latin letters without a space", Box::new(|n| repeat("x", n))),
        ("digits and dots without a space", Box::new(|n| repeat("1.2,", n))),
        ("full stops", Box::new(|n| repeat(".", n))),
        ("guillemets", Box::new(|n| repeat("«", n))),
        ("straight double quotes", Box::new(|n| repeat("\"", n))),
        ("balanced quotes in one paragraph", Box::new(|n| repeat("«نعم» ", n))),
        ("an Arabic cue verb", Box::new(|n| repeat("قال ", n))),
        ("an English cue verb", Box::new(|n| repeat("said ", n))),
        ("alternating scripts letter by letter", Box::new(|n| repeat("aب", n))),
        ("alternating scripts, digits and marks", Box::new(|n| repeat("Aب1٢.َ‏«x»", n))),
        ("resolution references", Box::new(|n| repeat("القرار 2254 (2015) و", n))),
        ("capitalised words", Box::new(|n| repeat("Security Council ", n))),
        ("clitic-heavy words", Box::new(|n| repeat("وللامم وبالمجلس ", n))),
    ]
}

/// Shapes that exercise the quotes extractor: cue verbs, quotations and speakers over and over,
/// most of them in one long sentence.
fn quote_shapes() -> Vec<Shape> {
    vec![
        ("Arabic cue verbs each in its own paragraph", Box::new(|n| repeat("وقال الوزير\n", n))),
        ("quotations after cue verbs in one paragraph", Box::new(|n| repeat("قال «نعم» ", n))),
        ("quotations and cue verbs alternating", Box::new(|n| repeat("«نعم لا» قال الوزير، ", n))),
        ("clauses running to the end of one sentence", Box::new(|n| repeat("قال الوزير إن الحل «قريب» ", n))),
        ("a named speaker, then bare titles", Box::new(|n| repeat("وقال وزير الخارجية سامي مراد إن ", n))),
        ("participles after quotations", Box::new(|n| repeat("مضيفا «نعم» ", n))),
        ("source phrases", Box::new(|n| repeat("بحسب الوزير، ", n))),
        ("documents as subjects", Box::new(|n| repeat("وأكد القرار ", n))),
        ("speakers before colons", Box::new(|n| repeat("الوزير: «نعم لا نعم لا» ", n))),
        ("a sentence opened by كان", Box::new(|n| format!("وكان {}", repeat("الوزير قد قال إن ", n)))),
        ("English quotations and cue verbs alternating", Box::new(|n| repeat("\"Yes, we will,\" she said, ", n))),
        ("English bodies and bare titles", Box::new(|n| repeat("the Security Council said the council ", n))),
        ("English cue verbs in one sentence", Box::new(|n| repeat("the minister said that ", n))),
        ("one long Arabic article", Box::new(|n| common::long_article("ar", n))),
        ("one long English article", Box::new(|n| common::long_article("en", n))),
    ]
}

/// 25 000 and 100 000 quotation marks of one kind or pattern.
fn mark_shapes() -> Vec<Shape> {
    let marks = |unit: &'static str| -> Box<dyn Fn(usize) -> String> { Box::new(move |n| unit.repeat(n)) };
    vec![
        ("straight double quotes", marks("\"")),
        ("opening guillemets", marks("«")),
        ("closing guillemets", marks("»")),
        ("guillemets opening, then closing", Box::new(|n| format!("{}{}", "«".repeat(n / 2), "»".repeat(n / 2)))),
        (
            "straight quotes opening, then guillemets closing",
            Box::new(|n| format!("{}{}", "\"x".repeat(n / 2), "»".repeat(n / 2))),
        ),
        ("empty guillemet pairs", marks("«»")),
        ("nested curly quotes", Box::new(|n| format!("{}{}", "“".repeat(n / 2), "”".repeat(n / 2)))),
        ("straight quotes around cue verbs", marks("\"قال ")),
    ]
}

fn work(parser: &khabar::Parser, text: &str) -> u64 {
    reset_work();
    let article = parser.parse(text).expect("parses");
    std::hint::black_box(article);
    work_done()
}

fn check(shapes: Vec<Shape>) {
    check_with(khabar::Parser::builder().max_input_bytes(64 << 20).build(), shapes);
}

fn check_with(parser: khabar::Parser, shapes: Vec<Shape>) {
    check_sizes(parser, shapes, N);
}

/// Checks each shape made at `n` and at `4 * n`.
fn check_sizes(parser: khabar::Parser, shapes: Vec<Shape>, n: usize) {
    let mut failures = Vec::new();
    for (name, make) in shapes {
        let (small, large) = (make(n), make(4 * n));
        let (w1, w4) = (work(&parser, &small), work(&parser, &large));
        let per_byte = w4 / large.len() as u64;
        eprintln!("{name}: {w1} → {w4} units ({:.2}×), {per_byte}/byte", w4 as f64 / w1.max(1) as f64);
        if w4 > 5 * w1.max(1) || per_byte > MAX_PER_BYTE {
            failures.push(format!("{name}: work {w1} for {} bytes, {w4} for {} bytes", small.len(), large.len()));
        }
    }
    assert!(failures.is_empty(), "superlinear or heavy work:\n{}", failures.join("\n"));
}

#[test]
fn pathological_inputs_take_linear_work() {
    check(shapes());
}

/// Long articles (the bench corpus joined) with every extractor but quotes (see below).
#[test]
fn long_articles_take_linear_work_without_quotes() {
    let parser = khabar::Parser::builder()
        .max_input_bytes(64 << 20)
        .extractors(khabar::Extractors { quotes: false, ..khabar::Extractors::all() })
        .build();
    check_with(
        parser,
        vec![
            ("one long Arabic article", Box::new(|n| common::long_article("ar", n))),
            ("one long English article", Box::new(|n| common::long_article("en", n))),
        ],
    );
}

/// Cue-verb floods, quotation floods and long articles: the quotes extractor reads each stretch
/// of text a bounded number of times (its own loops count their steps with `text::tick`).
#[test]
fn cue_verb_floods_take_linear_work() {
    check(quote_shapes());
}

/// 100 000 quotation marks (and 25 000 for the comparison).
#[test]
fn quotation_mark_floods_take_linear_work() {
    check_sizes(khabar::Parser::builder().max_input_bytes(64 << 20).build(), mark_shapes(), 25_000);
}

#[test]
fn ordinary_articles_do_modest_work() {
    let parser = khabar::Parser::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/corpus");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let per_byte = work(&parser, &text) / text.len() as u64;
        assert!(per_byte <= MAX_PER_BYTE / 2, "{}: {per_byte} units per byte", path.display());
    }
}
