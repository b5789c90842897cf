//! The compact JSON document, written directly: the same bytes as serde_json's serialisation of
//! the model (field order, `null` for absent options, escapes, number formats), which stays the
//! reference (`to_json_pretty`, and the tests here compare the two), at a fraction of the cost.

use super::{
    Amount, Article, Body, BodySource, Cue, DateGrain, DateValue, Dateline, Entity, EntityKind, Language, Mention,
    Quote, QuoteKind, Resolution, Span, Speaker,
};

/// The article as compact JSON.
pub(super) fn article(a: &Article) -> String {
    let mut w = Writer { out: String::with_capacity(1024 + a.text.len()) };
    w.out.push_str("{\"schema\":");
    w.string(a.schema);
    w.out.push_str(",\"language\":");
    w.name(language(a.language));
    w.out.push_str(",\"body\":");
    w.span(&a.body);
    w.out.push_str(",\"boilerplate\":");
    w.list(&a.boilerplate, Writer::span);
    w.out.push_str(",\"paragraphs\":");
    w.list(&a.paragraphs, Writer::span);
    w.out.push_str(",\"sentences\":");
    w.list(&a.sentences, Writer::span);
    w.out.push_str(",\"dateline\":");
    w.option(a.dateline.as_ref(), Writer::dateline);
    w.out.push_str(",\"entities\":");
    w.list(&a.entities, Writer::entity);
    w.out.push_str(",\"quotes\":");
    w.list(&a.quotes, Writer::quote);
    w.out.push_str(",\"resolutions\":");
    w.list(&a.resolutions, Writer::resolution);
    w.out.push('}');
    w.out
}

struct Writer {
    out: String,
}

impl Writer {
    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            each(self, item);
        }
        self.out.push(']');
    }

    fn option<T>(&mut self, value: Option<&T>, each: impl FnOnce(&mut Self, &T)) {
        match value {
            Some(v) => each(self, v),
            None => self.out.push_str("null"),
        }
    }

    fn opt_string(&mut self, value: &Option<String>) {
        self.option(value.as_ref(), |w, s| w.string(s));
    }

    /// A name that needs no escaping (enum variants).
    fn name(&mut self, s: &str) {
        self.out.push('"');
        self.out.push_str(s);
        self.out.push('"');
    }

    fn uint(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[i..] {
            self.out.push(d as char);
        }
    }

    fn int(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        self.uint(n.unsigned_abs());
    }

    /// A JSON string with serde_json's escapes: `\"`, `\\`, `\b \f \n \r \t`, and `\u00XX` for
    /// the other control characters; everything else as it is.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // eight bytes at a time while none of them needs an escape
            while let Some(chunk) = bytes.get(i..i + 8) {
                if needs_escape(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))) {
                    break;
                }
                i += 8;
            }
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x20 || b == b'"' || b == b'\\' {
                // an ASCII byte: `i` is a char boundary
                self.out.push_str(&s[start..i]);
                match b {
                    b'"' => self.out.push_str("\\\""),
                    b'\\' => self.out.push_str("\\\\"),
                    b'\n' => self.out.push_str("\\n"),
                    b'\r' => self.out.push_str("\\r"),
                    b'\t' => self.out.push_str("\\t"),
                    0x08 => self.out.push_str("\\b"),
                    0x0C => self.out.push_str("\\f"),
                    _ => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        self.out.push_str("\\u00");
                        self.out.push(HEX[(b >> 4) as usize] as char);
                        self.out.push(HEX[(b & 0xF) as usize] as char);
                    }
                }
                start = i + 1;
            }
            i += 1;
        }
        self.out.push_str(&s[start..]);
        self.out.push('"');
    }

    fn span(&mut self, s: &Span) {
        self.out.push_str("{\"start\":");
        self.uint(s.start as u64);
        self.out.push_str(",\"end\":");
        self.uint(s.end as u64);
        self.out.push_str(",\"char_start\":");
        self.uint(s.char_start as u64);
        self.out.push_str(",\"char_end\":");
        self.uint(s.char_end as u64);
        self.out.push('}');
    }

    fn mention(&mut self, m: &Mention) {
        self.out.push_str("{\"text\":");
        self.string(&m.text);
        self.out.push_str(",\"span\":");
        self.span(&m.span);
        self.out.push('}');
    }

    fn dateline(&mut self, d: &Dateline) {
        self.out.push_str("{\"span\":");
        self.span(&d.span);
        self.out.push_str(",\"locations\":");
        self.list(&d.locations, Writer::mention);
        self.out.push_str(",\"authors\":");
        self.list(&d.authors, Writer::mention);
        self.out.push_str(",\"agencies\":");
        self.list(&d.agencies, Writer::mention);
        self.out.push_str(",\"date\":");
        self.opt_string(&d.date);
        self.out.push('}');
    }

    fn entity(&mut self, e: &Entity) {
        self.out.push_str("{\"kind\":");
        self.name(entity_kind(e.kind));
        self.out.push_str(",\"name\":");
        self.string(&e.name);
        self.out.push_str(",\"mentions\":");
        self.list(&e.mentions, Writer::mention);
        self.out.push_str(",\"code\":");
        self.opt_string(&e.code);
        self.out.push_str(",\"date\":");
        self.option(e.date.as_ref(), Writer::date);
        self.out.push_str(",\"amount\":");
        self.option(e.amount.as_ref(), Writer::amount);
        self.out.push('}');
    }

    fn date(&mut self, d: &DateValue) {
        self.out.push_str("{\"value\":");
        self.string(&d.value);
        self.out.push_str(",\"grain\":");
        self.name(date_grain(d.grain));
        self.out.push('}');
    }

    fn amount(&mut self, a: &Amount) {
        self.out.push_str("{\"value\":");
        // serde_json's float format (shortest round-trip form, `null` when not finite)
        self.out.push_str(&serde_json::to_string(&a.value).expect("a float serialises"));
        self.out.push_str(",\"qualifier\":");
        self.opt_string(&a.qualifier);
        self.out.push_str(",\"unit\":");
        self.opt_string(&a.unit);
        self.out.push_str(",\"currency\":");
        self.opt_string(&a.currency);
        self.out.push('}');
    }

    fn quote(&mut self, q: &Quote) {
        self.out.push_str("{\"kind\":");
        self.name(quote_kind(q.kind));
        self.out.push_str(",\"speaker\":");
        self.option(q.speaker.as_ref(), Writer::speaker);
        self.out.push_str(",\"cue\":");
        self.option(q.cue.as_ref(), Writer::cue);
        self.out.push_str(",\"content\":");
        self.mention(&q.content);
        self.out.push_str(",\"setting\":");
        self.option(q.setting.as_ref(), Writer::mention);
        self.out.push('}');
    }

    fn speaker(&mut self, s: &Speaker) {
        self.out.push_str("{\"text\":");
        self.string(&s.text);
        self.out.push_str(",\"span\":");
        self.span(&s.span);
        self.out.push_str(",\"entity\":");
        self.option(s.entity.as_ref(), |w, &e| w.uint(e as u64));
        self.out.push_str(",\"role\":");
        self.opt_string(&s.role);
        self.out.push('}');
    }

    fn cue(&mut self, c: &Cue) {
        self.out.push_str("{\"text\":");
        self.string(&c.text);
        self.out.push_str(",\"span\":");
        self.span(&c.span);
        self.out.push_str(",\"lemma\":");
        self.string(&c.lemma);
        self.out.push('}');
    }

    fn resolution(&mut self, r: &Resolution) {
        self.out.push_str("{\"body\":");
        self.name(body(r.body));
        self.out.push_str(",\"body_source\":");
        self.name(body_source(r.body_source));
        self.out.push_str(",\"number\":");
        self.uint(r.number.into());
        self.out.push_str(",\"session\":");
        self.opt_string(&r.session);
        self.out.push_str(",\"year\":");
        self.option(r.year.as_ref(), |w, &y| w.int(y.into()));
        self.out.push_str(",\"year_conflict\":");
        self.out.push_str(if r.year_conflict { "true" } else { "false" });
        self.out.push_str(",\"symbol\":");
        self.string(&r.symbol);
        self.out.push_str(",\"mentions\":");
        self.list(&r.mentions, Writer::mention);
        self.out.push('}');
    }
}

/// True when one of the eight bytes of `x` may need an escape: a control character, `"` or `\`
/// (exact for "none": a false alarm only sends the bytes through the byte-by-byte check).
#[inline]
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    // a byte below 0x20
    let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0;
    control || has_zero(x ^ (ONES * b'"' as u64)) || has_zero(x ^ (ONES * b'\\' as u64))
}

fn language(l: Language) -> &'static str {
    l.code()
}

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "location",
        EntityKind::Date => "date",
        EntityKind::Amount => "amount",
    }
}

fn date_grain(g: DateGrain) -> &'static str {
    match g {
        DateGrain::Day => "day",
        DateGrain::Month => "month",
        DateGrain::Year => "year",
        DateGrain::Weekday => "weekday",
    }
}

fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
    }
}

fn body(b: Body) -> &'static str {
    match b {
        Body::SecurityCouncil => "security_council",
        Body::GeneralAssembly => "general_assembly",
        Body::HumanRightsCouncil => "human_rights_council",
        Body::EconomicAndSocialCouncil => "economic_and_social_council",
        Body::Other => "other",
    }
}

fn body_source(s: BodySource) -> &'static str {
    match s {
        BodySource::Stated => "stated",
        BodySource::Sentence => "sentence",
        BodySource::Article => "article",
        BodySource::Inferred => "inferred",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde<T: serde::Serialize>(v: &T) -> String {
        serde_json::to_string(v).unwrap()
    }

    #[test]
    fn enum_names_are_serdes() {
        for l in [Language::Arabic, Language::English, Language::Other] {
            assert_eq!(format!("\"{}\"", language(l)), serde(&l));
        }
        use EntityKind::*;
        for k in [Person, Organization, Location, Date, Amount] {
            assert_eq!(format!("\"{}\"", entity_kind(k)), serde(&k));
        }
        for g in [DateGrain::Day, DateGrain::Month, DateGrain::Year, DateGrain::Weekday] {
            assert_eq!(format!("\"{}\"", date_grain(g)), serde(&g));
        }
        for k in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed] {
            assert_eq!(format!("\"{}\"", quote_kind(k)), serde(&k));
        }
        use Body::*;
        for b in [SecurityCouncil, GeneralAssembly, HumanRightsCouncil, EconomicAndSocialCouncil, Other] {
            assert_eq!(format!("\"{}\"", body(b)), serde(&b));
        }
        use BodySource::*;
        for s in [Stated, Sentence, BodySource::Article, Inferred] {
            assert_eq!(format!("\"{}\"", body_source(s)), serde(&s));
        }
    }

    #[test]
    fn strings_escape_like_serde() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("«قال» \"x\" \\ \u{7F} \u{2028} ✓ 𝄞");
        let samples = [
            String::new(),
            all.clone(),
            "a".repeat(17) + "\"" + &"ب".repeat(9),
            "\n".repeat(9),
            "plain text of more than eight bytes".to_string(),
        ];
        for s in samples.iter().chain([&all[3..], &all[9..]].map(str::to_string).iter()) {
            let mut w = Writer { out: String::new() };
            w.string(s);
            assert_eq!(w.out, serde(s), "{s:?}");
        }
        for n in [0u64, 7, 10, 99, 100, 12345, u64::MAX] {
            let mut w = Writer { out: String::new() };
            w.uint(n);
            assert_eq!(w.out, serde(&n));
        }
        for n in [0i64, -1, -2015, 2015, i64::MIN, i64::MAX] {
            let mut w = Writer { out: String::new() };
            w.int(n);
            assert_eq!(w.out, serde(&n));
        }
    }

    #[test]
    fn articles_are_written_like_serde() {
        let parser = crate::Parser::new();
        for text in [
            "",
            "بيروت (رويترز) - قال وزير الخارجية اللبناني جان خوري يوم 3 آذار 2015 إن \"الحكومة\" ستدفع 5 ملايين دولار، وأشار إلى القرار 1701 (2006).\nأرسل تعليقك",
            "WASHINGTON (Reuters) - \"We will stay,\" said John Smith, a U.S. envoy, on Monday.\tAbout 2.5 million people\u{1}\\ fled; the U.N. Security Council adopted resolution 2254 (2015).",
        ] {
            let a = parser.parse(text).unwrap();
            assert_eq!(article(&a), serde(&a), "{text}");
        }
    }
}
