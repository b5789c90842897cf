//! `Parser::parse_bytes` on arbitrary bytes: no panic; on success every span lies on char
//! boundaries inside the text, the JSON document parses, and the text layer's invariants hold.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PARSER: LazyLock<khabar::Parser> = LazyLock::new(khabar::Parser::new);

fn check(text: &str, s: &khabar::Span) {
    assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} outside {} bytes", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s:?} splits a char");
    assert_eq!(s.char_start, text[..s.start].chars().count());
    assert_eq!(s.char_end - s.char_start, text[s.start..s.end].chars().count());
}

fuzz_target!(|data: &[u8]| {
    let Ok(article) = PARSER.parse_bytes(data) else {
        // only invalid UTF-8 (or an input over the limit) is refused
        assert!(std::str::from_utf8(data).is_err() || data.len() > PARSER.max_input_bytes());
        return;
    };
    let text = article.text();
    check(text, &article.body());
    let mut last = 0;
    for s in article.sentences() {
        check(text, s);
        assert!(s.start >= last, "sentences out of order");
        last = s.end;
    }
    for e in article.entities() {
        for m in &e.mentions {
            check(text, &m.span);
            // the surface text, or with the article restored after the preposition ("للأمم" →
            // "الأمم", "للجنة" → "اللجنة")
            let surface = &text[m.span.start..m.span.end];
            let restored = ["", "ا", "ال"].iter().any(|r| m.text.strip_prefix(r) == Some(surface));
            assert!(restored, "{m:?}");
        }
    }
    for q in article.quotes() {
        check(text, &q.content.span);
    }
    for r in article.resolutions() {
        for m in &r.mentions {
            check(text, &m.span);
        }
    }
    let json = article.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["body"]["end"].as_u64(), Some(article.body().end as u64));
});
