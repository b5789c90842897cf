//! Property tests: for any input the parser never panics, every span lies on char boundaries inside
//! the input with consistent code-point offsets, and the JSON document is valid and round-trips.

use proptest::prelude::*;
use serde_json::Value;

/// Every object in the document that looks like a span.
fn spans(v: &Value, out: &mut Vec<(usize, usize, usize, usize)>) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(cs), Some(ce)) =
                (m.get("start"), m.get("end"), m.get("char_start"), m.get("char_end"))
            {
                let n = |x: &Value| x.as_u64().unwrap() as usize;
                out.push((n(s), n(e), n(cs), n(ce)));
            }
            m.values().for_each(|x| spans(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let article = khabar::parse(text).unwrap();
    let json = article.to_json();
    let doc: Value = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("invalid JSON: {e}")))?;
    prop_assert_eq!(&serde_json::to_value(&article).unwrap(), &doc, "JSON does not round-trip");
    let mut all = Vec::new();
    spans(&doc, &mut all);
    prop_assert!(!all.is_empty(), "the body span is always there");
    for (s, e, cs, ce) in all {
        prop_assert!(s <= e && e <= text.len(), "span {}..{} outside 0..{}", s, e, text.len());
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {}..{} off char boundaries", s, e);
        prop_assert_eq!(cs, text[..s].chars().count());
        prop_assert_eq!(ce, text[..e].chars().count());
    }
    for m in article.entities().iter().flat_map(|e| &e.mentions) {
        prop_assert!(m.span.end <= text.len());
    }
    Ok(())
}

/// Fragments of news text: datelines, quote marks, speech verbs, clitics, digits, resolutions.
const FRAGMENTS: &[&str] = &[
    "بيروت (رويترز) - ",
    "القاهرة - أ ش أ: ",
    "WASHINGTON (Reuters) - ",
    "نيويورك/ ",
    "دمشق ـ ",
    "«",
    "»",
    "\"",
    "“",
    "”",
    "'",
    "„",
    "‹",
    "›",
    "قال ",
    "وقال ",
    "وأضاف ",
    "أكد ",
    "مشيرا إلى أن ",
    "إن ",
    "أن ",
    "said ",
    "according to ",
    "الوزير ",
    "جان لوك مارتان",
    "والمغرب ",
    "للأمم المتحدة ",
    "بمجلس الأمن ",
    "القرار ",
    "القرارين 242 و338",
    "قرار مجلس الأمن رقم ٢١٧٨",
    "S/RES/2334 (2016)",
    "A/RES/ES-10/19 ",
    "resolution 1701 ",
    "٢٠١٥",
    "۱۳۷۳",
    "3.5 ",
    "، ",
    ". ",
    "؟ ",
    "!\n",
    "\n",
    "\n\n",
    " ",
    "ﻻ",
    "\u{064E}",
    "ـ",
    "\u{200F}",
    "أرسل تعليقك\n",
    "Share this:\n",
    "(",
    ")",
    "/",
    "-",
    "–",
    "د. ",
    "U.N. ",
    "Dr. ",
    "11 أيلول/سبتمبر 2001 ",
    "أكثر من 20 ألف مقاتل ",
    "500 مليون دولار ",
    "الاثنين ",
    "Nov 3 ",
    "مجلس الأمن الدولي ",
    "الجمعية العامة ",
    "🙂",
    "\u{0301}",
    "e\u{0301}",
];

fn article_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn arabic_and_punctuation(text in "[\\u0600-\\u06FF\\uFE70-\\uFEFF \\n.,:;!?()«»\"'/\\-–0-9a-zA-Z]{0,400}") {
        check(&text)?;
    }

    #[test]
    fn article_like_strings(text in article_like()) {
        check(&text)?;
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        match khabar::Parser::new().parse_bytes(&bytes) {
            Ok(a) => check(a.text())?,
            Err(khabar::Error::InvalidUtf8 { offset }) => {
                prop_assert_eq!(offset, std::str::from_utf8(&bytes).unwrap_err().valid_up_to());
            }
            Err(e) => prop_assert!(false, "unexpected error {}", e),
        }
    }
}
