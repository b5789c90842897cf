//! The tables the statement finder reads: speech cues (`cues.tsv`) and closed word classes
//! (`words.tsv`), parsed once.

use crate::text::{Analysis, Lexicon, clitic_splits, normalize};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// How a cue introduces a statement (see `cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Say,
    Assert,
    Directive,
    According,
    Relay,
}

/// One form of a cue.
#[derive(Debug, Clone)]
pub(super) struct CueForm {
    pub(super) lemma: String,
    pub(super) class: Class,
    /// The subject is feminine (قالت, مضيفة).
    pub(super) feminine: bool,
    /// A participle or -ing form that continues the sentence's speaker.
    pub(super) participle: bool,
}

/// A closed word class of `words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Word {
    Title,
    Noun,
    Func,
    Time,
    Setting,
    Doc,
    Discourse,
    Media,
    EnTitle,
    EnOrg,
    EnStop,
    EnPron,
}

/// The last two letters of the first word of the cues of one language (lower-cased): every
/// clitic reading of a word ends like the word, so a word ending otherwise starts no cue.
#[derive(Debug)]
pub(super) struct Tails {
    /// One bit per hash of a pair of last letters (see [`tail_bit`]).
    bits: [u64; 64],
    /// A cue's first word has fewer than two letters: every word may start one.
    any: bool,
}

impl Default for Tails {
    fn default() -> Self {
        Tails { bits: [0; 64], any: false }
    }
}

/// The bit of [`Tails::bits`] for a pair of last letters (pairs may share one: a shared bit
/// only lets a word through to the lexicon).
fn tail_bit((a, b): (char, char)) -> usize {
    ((a as usize).wrapping_mul(31) ^ (b as usize)) & 4095
}

impl Tails {
    fn add(&mut self, form: &str) {
        let a = Analysis::new(form);
        let Some(t) = a.tokens().first() else { return };
        match last_two(&a.normalized()[t.norm()]) {
            Some(tail) => {
                let bit = tail_bit(tail);
                self.bits[bit / 64] |= 1 << (bit % 64);
            }
            None => self.any = true,
        }
    }

    /// True when a cue may start at the normalised word `w`.
    pub(super) fn may_start(&self, w: &str) -> bool {
        self.any
            || last_two(w).is_some_and(|t| {
                let bit = tail_bit(t);
                self.bits[bit / 64] & (1 << (bit % 64)) != 0
            })
    }
}

/// The last two chars of a word, ASCII lower-cased.
#[inline]
fn last_two(w: &str) -> Option<(char, char)> {
    // Two ASCII chars, or two of two bytes (Arabic letters), read from the bytes.
    let lower = |x: u8| char::from(x.to_ascii_lowercase());
    let two = |lead: u8, cont: u8| char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(cont & 0x3F));
    match w.as_bytes() {
        [.., a, b] if a.is_ascii() && b.is_ascii() => return Some((lower(*a), lower(*b))),
        [.., a1, a2, b1, b2] if a1 >> 5 == 0b110 && b1 >> 5 == 0b110 && a2 >> 6 == 0b10 => {
            // (a valid string: `b2` and `a2` continue their lead bytes)
            if let (Some(a), Some(b)) = (two(*a1, *a2), two(*b1, *b2)) {
                return Some((a, b));
            }
        }
        _ => {}
    }
    let mut back = w.chars().rev();
    let b = back.next()?.to_ascii_lowercase();
    let a = back.next()?.to_ascii_lowercase();
    Some((a, b))
}

/// The cue lexicons: Arabic, English (case-folded), with the endings of their first words.
pub(super) static CUES: LazyLock<(Lexicon<CueForm>, Lexicon<CueForm>, [Tails; 2])> = LazyLock::new(|| {
    let mut ar = Lexicon::new(false);
    let mut en = Lexicon::new(true);
    let mut tails: [Tails; 2] = Default::default();
    for line in include_str!("cues.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [lang, lemma, class, forms] = cols[..] else { panic!("cues.tsv: bad line {line:?}") };
        let class = match class {
            "say" => Class::Say,
            "assert" => Class::Assert,
            "directive" => Class::Directive,
            "according" => Class::According,
            "relay" => Class::Relay,
            _ => panic!("cues.tsv: bad class {class:?}"),
        };
        let (lex, tails) = if lang == "ar" { (&mut ar, &mut tails[0]) } else { (&mut en, &mut tails[1]) };
        // Forms are space-separated, but a multi-word form ("جدد التأكيد:m") has spaces too: a
        // form ends at its tag.
        let mut pending = String::new();
        for piece in forms.split(' ') {
            if !pending.is_empty() {
                pending.push(' ');
            }
            pending.push_str(piece);
            let Some((form, tag)) = pending.rsplit_once(':') else { continue };
            let (feminine, participle) = match tag {
                "m" | "p" | "x" => (false, false),
                "f" => (true, false),
                "pm" | "pp" => (false, true),
                "pf" => (true, true),
                _ => panic!("cues.tsv: bad tag {tag:?}"),
            };
            lex.insert(form, CueForm { lemma: lemma.to_string(), class, feminine, participle });
            tails.add(form);
            pending.clear();
        }
        assert!(pending.is_empty(), "cues.tsv: form without a tag in {line:?}");
    }
    (ar, en, tails)
});

impl Word {
    /// The class's bit in a set of classes.
    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// Closed word classes, keyed by normalised word (Arabic without clitics or article, English
/// lower-cased), as sets of [`Word::bit`]s. A word may be in several classes.
pub(super) static WORDS: LazyLock<FxHashMap<String, u16>> = LazyLock::new(|| {
    let mut map: FxHashMap<String, u16> = FxHashMap::default();
    for line in include_str!("words.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (class, words) = line.split_once('\t').expect("words.tsv: class<TAB>words");
        let class = match class {
            "title" => Word::Title,
            "noun" => Word::Noun,
            "func" => Word::Func,
            "time" => Word::Time,
            "setting" => Word::Setting,
            "doc" => Word::Doc,
            "discourse" => Word::Discourse,
            "media" => Word::Media,
            "en_title" => Word::EnTitle,
            "en_org" => Word::EnOrg,
            "en_stop" => Word::EnStop,
            "en_pron" => Word::EnPron,
            _ => panic!("words.tsv: bad class {class:?}"),
        };
        for w in words.split_whitespace() {
            let key = normalize(w).to_lowercase();
            *map.entry(key).or_default() |= class.bit();
        }
    }
    map
});

/// Strips the article ال from a normalised Arabic word when at least three letters remain (so
/// "الله" stays whole).
pub(super) fn bare(w: &str) -> &str {
    match w.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => w,
    }
}

/// The classes of a word as written (an ASCII word lower-cased), without the heap for short words.
fn classes_of(w: &str) -> u16 {
    if w.is_ascii() && w.bytes().any(|b| b.is_ascii_uppercase()) {
        let mut buf = [0u8; 32];
        let lower: String;
        let key = if w.len() <= buf.len() {
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            std::str::from_utf8(&buf[..w.len()]).expect("ASCII case changes keep UTF-8")
        } else {
            lower = w.to_ascii_lowercase();
            &lower
        };
        return WORDS.get(key).copied().unwrap_or(0);
    }
    WORDS.get(w).copied().unwrap_or(0)
}

/// True when the normalised word `w` (any clitics, article, case) is in `class`.
pub(super) fn is(w: &str, class: Word) -> bool {
    let has = |s: &str| WORDS.get(s).is_some_and(|&l| l & class.bit() != 0);
    if w.is_ascii() {
        return classes_of(w) & class.bit() != 0;
    }
    has(w)
        || clitic_splits(w)
            .any(|s| has(&s.stem) || has(bare(&s.stem)) || unsuffixed(&s.stem).is_some_and(|u| has(u) || has(bare(u))))
}

/// The classes of a normalised word as [`is`] reads it (any clitics, article, case) and as
/// [`is_exact`] reads it, as sets of [`Word::bit`]s, in one pass.
pub(super) fn classes(w: &str) -> (u16, u16) {
    let words = &*WORDS;
    let get = |s: &str| words.get(s).copied().unwrap_or(0);
    if w.is_ascii() {
        // `bare` leaves an ASCII word as it is, and the table's keys are lower case, so the
        // word as written adds nothing to the word lower-cased.
        let c = classes_of(w);
        return (c, c);
    }
    // A string and its `bare` form, each looked up once (`bare` gives a suffix: the same
    // string when the length is).
    let with_bare = |s: &str| {
        let b = bare(s);
        get(s) | if b.len() == s.len() { 0 } else { get(b) }
    };
    let exact = with_bare(w);
    let mut loose = exact;
    for s in clitic_splits(w) {
        // (the whole word, the first reading, is looked up already)
        if s.stem.len() != w.len() || *s.stem != *w {
            loose |= with_bare(&s.stem);
        }
        if let Some(u) = unsuffixed(&s.stem) {
            loose |= with_bare(u);
        }
    }
    (loose, exact)
}

/// True when a set of classes from [`classes`] holds `class`.
pub(super) fn holds(set: u16, class: Word) -> bool {
    set & class.bit() != 0
}

/// The word without a possessive pronoun suffix (تقريره → تقرير), when at least three letters remain.
fn unsuffixed(w: &str) -> Option<&str> {
    for suffix in ["هما", "هم", "ها", "ه"] {
        if let Some(rest) = w.strip_suffix(suffix)
            && rest.chars().count() >= 3
        {
            return Some(rest);
        }
    }
    None
}

/// True when a normalised Arabic word carries the article, possibly after و/ف/ب/ل ("والمجلس",
/// "للأمم", "بالخارج").
pub(super) fn definite(w: &str) -> bool {
    ["ال", "وال", "فال", "بال", "لل", "ولل", "فلل", "وبال", "فبال"].iter().any(|p| w.starts_with(p))
}

/// True when the normalised word is exactly (without clitics) in `class` (the finder reads it for
/// tokens through their classes).
#[cfg_attr(not(test), allow(dead_code))]
pub(super) fn is_exact(w: &str, class: Word) -> bool {
    let bit = class.bit();
    classes_of(w) & bit != 0 || WORDS.get(bare(w)).is_some_and(|&l| l & bit != 0)
}

/// Forces the tables.
pub(super) fn warm() {
    LazyLock::force(&CUES);
    LazyLock::force(&WORDS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        assert!(CUES.0.len() > 150 && CUES.1.len() > 50);
        assert!(is("والوزير", Word::Title));
        assert!(is("للجنة", Word::Noun));
        assert!(is("الاثنين", Word::Time));
        assert!(is("تقريره", Word::Setting));
        assert!(definite("للأمم".replace('أ', "ا").as_str()) && !definite("كاليندو"));
        assert!(is_exact("في", Word::Func));
        assert!(!is("لامبيرت", Word::Title));
        assert!(is("Minister", Word::EnTitle));
        for w in ["", "a", "Said", "SAID", "قال", "وقالت", "xقا", "قاx", "é", "éé", "ضé", "a\u{2019}"]
        {
            let mut back = w.chars().rev();
            let slow = back.next().and_then(|b| Some((back.next()?.to_ascii_lowercase(), b.to_ascii_lowercase())));
            assert_eq!(last_two(w), slow, "{w}");
        }
        // `classes` agrees with `is` and `is_exact`, class by class.
        let all = [
            Word::Title,
            Word::Noun,
            Word::Func,
            Word::Time,
            Word::Setting,
            Word::Doc,
            Word::Discourse,
            Word::Media,
            Word::EnTitle,
            Word::EnOrg,
            Word::EnStop,
            Word::EnPron,
        ];
        for w in
            ["والوزير", "للجنة", "تقريره", "الوزير", "وزير", "في", "بالقول", "Minister", "minister", "The", "x", ""]
        {
            let (loose, exact) = classes(w);
            for c in all {
                assert_eq!(holds(loose, c), is(w, c), "{w} {c:?}");
                assert_eq!(holds(exact, c), is_exact(w, c), "{w} {c:?}");
            }
        }
        // The finder looks cues up at words only.
        for line in include_str!("cues.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let forms = line.split('\t').nth(3).unwrap();
            for form in forms.split(' ').filter(|f| f.contains(':')) {
                assert!(form.starts_with(char::is_alphabetic), "{form}");
            }
        }
    }
}
