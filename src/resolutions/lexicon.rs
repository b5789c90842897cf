//! The two tables the finder reads: UN organ names (`organs.tsv`) and the words of resolution
//! references (`words.tsv`), both matched with the shared [`Lexicon`] over the article's tokens.

use crate::model::Body;
use crate::text::{Analysis, LexMatch, Lexicon, normalize};
use crate::values::heads::{self, Heads};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// What an organ phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Organ {
    /// A UN organ that adopts resolutions.
    Body(Body),
    /// "المجلس", "the Council": a council of the article, named before or after.
    Council,
    /// The UN in general ("الأمم المتحدة", "UN", "أممي").
    Un,
    /// A body whose decisions are not UN resolutions.
    NotUn,
}

/// Roles of a word of `words.tsv`, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Roles(u32);

impl Roles {
    pub(super) const ONE: Roles = Roles(1);
    pub(super) const TWO: Roles = Roles(1 << 1);
    pub(super) const MANY: Roles = Roles(1 << 2);
    pub(super) const OWN: Roles = Roles(1 << 3);
    pub(super) const FILL: Roles = Roles(1 << 4);
    pub(super) const CUE: Roles = Roles(1 << 5);
    pub(super) const YEAR: Roles = Roles(1 << 6);
    pub(super) const YEAR_WEAK: Roles = Roles(1 << 7);
    pub(super) const DATE: Roles = Roles(1 << 8);
    pub(super) const TAIL: Roles = Roles(1 << 9);
    pub(super) const SEP: Roles = Roles(1 << 10);
    pub(super) const COUNT: Roles = Roles(1 << 11);
    pub(super) const NATIONAL: Roles = Roles(1 << 12);
    pub(super) const SAME: Roles = Roles(1 << 13);
    pub(super) const NEW: Roles = Roles(1 << 14);
    pub(super) const UN: Roles = Roles(1 << 15);

    /// True when any role of `other` is set.
    pub(super) fn has(self, other: Roles) -> bool {
        self.0 & other.0 != 0
    }

    /// True for a resolution trigger.
    pub(super) fn is_trigger(self) -> bool {
        self.has(Roles(Self::ONE.0 | Self::TWO.0 | Self::MANY.0))
    }

    fn parse(name: &str) -> Roles {
        match name {
            "one" => Self::ONE,
            "two" => Self::TWO,
            "many" => Self::MANY,
            "own" => Self::OWN,
            "fill" => Self::FILL,
            "cue" => Self::CUE,
            "year" => Self::YEAR,
            "yearweak" => Self::YEAR_WEAK,
            "date" => Self::DATE,
            "tail" => Self::TAIL,
            "sep" => Self::SEP,
            "count" => Self::COUNT,
            "national" => Self::NATIONAL,
            "same" => Self::SAME,
            "new" => Self::NEW,
            "un" => Self::UN,
            other => panic!("words.tsv: unknown role {other}"),
        }
    }
}

/// Rows of a two-column TSV data file, comments and blank lines left out.
fn rows(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| {
        let (a, b) = l.split_once('\t').unwrap_or_else(|| panic!("resolutions data: no tab in {l:?}"));
        (a.trim(), b.trim())
    })
}

/// UN organ names, case-sensitive ("UN" is not "un").
pub(super) static ORGANS: LazyLock<Lexicon<Organ>> = LazyLock::new(|| {
    let mut lex = Lexicon::new(false);
    for (phrase, organ) in rows(include_str!("organs.tsv")) {
        let organ = match organ {
            "sc" => Organ::Body(Body::SecurityCouncil),
            "ga" => Organ::Body(Body::GeneralAssembly),
            "hrc" => Organ::Body(Body::HumanRightsCouncil),
            "ecosoc" => Organ::Body(Body::EconomicAndSocialCouncil),
            "other" => Organ::Body(Body::Other),
            "council" => Organ::Council,
            "un" => Organ::Un,
            "not_un" => Organ::NotUn,
            other => panic!("organs.tsv: unknown organ {other}"),
        };
        lex.insert(phrase, organ);
    }
    lex
});

/// Words of resolution references, ASCII case folded.
pub(super) static WORDS: LazyLock<Lexicon<Roles>> = LazyLock::new(|| {
    // A phrase may be listed on several rows: merge its roles first (the lexicon keeps the first
    // value of a phrase).
    let mut merged: Vec<(&str, Roles)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::default();
    for (phrase, roles) in rows(include_str!("words.tsv")) {
        let r = roles.split(',').map(|r| Roles::parse(r.trim())).fold(Roles::default(), |a, b| Roles(a.0 | b.0));
        let key = normalize(phrase).to_ascii_lowercase();
        match index.get(&key) {
            Some(&i) => merged[i].1 = Roles(merged[i].1.0 | r.0),
            None => {
                index.insert(key, merged.len());
                merged.push((phrase, r));
            }
        }
    }
    let mut lex = Lexicon::new(true);
    for (phrase, roles) in merged {
        lex.insert(phrase, roles);
    }
    lex
});

// The bits come after the date and amount tables' (`crate::values::table`), so that one scan of
// the merged tables serves both (see `super::scan_heads`).
/// Bit of [`ORGANS`] in [`HEADS`].
pub(super) const ORGAN: u16 = 1 << 9;
/// Bit of [`WORDS`] in [`HEADS`].
pub(super) const WORD: u16 = 1 << 10;
/// Bit in [`HEADS`] of the one-word [`WORDS`] phrases the scanner must stop at: triggers,
/// back-references, mentions without a number.
pub(super) const WORD_STOP: u16 = 1 << 11;
/// Bit in [`HEADS`] of the first words of [`WORDS`] phrases of several words (the scanner stops
/// at them or steps over them whole).
pub(super) const WORD_MULTI: u16 = 1 << 12;
/// Bit in [`HEADS`] of the second words of [`WORDS`] phrases of several words.
pub(super) const WORD_SECOND: u16 = 1 << 13;
const _: () = assert!(ORGAN >= 1 << 9 && WORD_SECOND < 1 << 14, "resolution bits must not meet the value bits");

/// The first words of both tables: tokens that start no phrase of either are skipped with one
/// lookup.
pub(super) static HEADS: LazyLock<Heads> = LazyLock::new(|| {
    let mut heads = Heads::default();
    for (phrase, _) in rows(include_str!("organs.tsv")) {
        heads.add(phrase, ORGAN);
    }
    for (phrase, roles) in rows(include_str!("words.tsv")) {
        let stop = Roles(Roles::SAME.0 | Roles::NEW.0 | Roles::ONE.0 | Roles::TWO.0 | Roles::MANY.0);
        match &heads::words(phrase)[..] {
            [] => {}
            [first] if roles.split(',').any(|r| Roles::parse(r.trim()).has(stop)) => {
                heads.add_word(first, WORD | WORD_STOP)
            }
            [first] => heads.add_word(first, WORD),
            [first, second, ..] => {
                heads.add_word(first, WORD | WORD_MULTI);
                heads.add_word(second, WORD_SECOND);
            }
        }
    }
    heads
});

/// What an organ match names in its context: a bare Arabic "الجمعية العامة" followed by a
/// genitive with ل ("الجمعية العمومية لنقابة الصحفيين"), a bare "مجلس الأمن" followed by a
/// nationality ("مجلس الأمن الإيراني") and an English "General Assembly" or "Security Council"
/// after a capitalised word ("Virginia General Assembly", "Russian Security Council") are not
/// the UN's.
pub(super) fn in_context(a: &Analysis<'_>, m: &LexMatch<'_, Organ>) -> Organ {
    let organ = *m.value;
    let norm = a.normalized();
    let text = |i: usize| a.tokens().get(i).map_or("", |t| t.text(norm));
    let first = text(m.tokens.start);
    let next = text(m.tokens.end);
    let bare_arabic = m.len == 2 && !first.is_ascii();
    match organ {
        Organ::Body(Body::GeneralAssembly) if bare_arabic && next.starts_with('ل') => return Organ::NotUn,
        // "مجلس الأمن الإيراني": a national council (the UN's is "الدولي", "الأممي", listed).
        Organ::Body(Body::SecurityCouncil)
            if bare_arabic && next.starts_with("ال") && next.ends_with('ي') && next.chars().count() >= 5 =>
        {
            return Organ::NotUn;
        }
        Organ::Body(Body::GeneralAssembly | Body::SecurityCouncil) => {}
        _ => return organ,
    }
    if matches!(first, "General" | "Security") && m.tokens.start > 0 {
        let prev = text(m.tokens.start - 1);
        let capital = prev.chars().next().is_some_and(char::is_uppercase);
        // Headlines capitalise every word ("Russia Vetoes Security Council Resolution"): before
        // "Security Council" only a nationality ("Russian", "Israeli", "Turkish") says whose.
        let whose = first == "General"
            || ["an", "i", "ish", "ese"].iter().any(|suffix| prev.ends_with(suffix)) && prev.len() > 3;
        if capital && whose && !matches!(prev, "UN" | "The" | "Nations" | "N") {
            return Organ::NotUn;
        }
    }
    organ
}

/// Forces both tables.
pub(super) fn warm() {
    LazyLock::force(&ORGANS);
    LazyLock::force(&WORDS);
    LazyLock::force(&HEADS);
}
