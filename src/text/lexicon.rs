//! Multi-word lexicon lookup over tokens, clitic-aware: the matcher every extractor shares.
//!
//! A [`Lexicon`] maps phrases ("مجلس الأمن الدولي", "أ ف ب", "Security Council") to values.
//! Phrases are normalised and tokenised like the article, so a phrase matches a run of tokens
//! exactly; the first token may also match through one of its clitic readings
//! ([`super::clitic_splits`]), so "وبمجلس الأمن" and "للأمم المتحدة" find "مجلس الأمن" and
//! "الأمم المتحدة". Matching is longest-first. Built once (in a `LazyLock` table) and shared.

use super::normalize::normalize;
use super::tokens::{CliticReadings, Token, tokenize};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// A phrase table over normalised tokens.
///
/// ```
/// use khabar::text::{Lexicon, Analysis};
/// let mut lex = Lexicon::new(false);
/// lex.insert("مجلس الأمن", "SC");
/// lex.insert("مجلس الأمن الدولي", "SC");
/// let a = Analysis::new("وبمجلس الأمن الدولي اليوم");
/// let m = lex.longest_at(&a, 0).unwrap();
/// assert_eq!(*m.value, "SC");
/// assert_eq!(m.tokens, 0..3);
/// assert_eq!(&a.original()[a.match_range(&m)], "مجلس الأمن الدولي");
/// ```
#[derive(Debug, Clone)]
pub struct Lexicon<V> {
    /// First token → entries starting with it, longest first.
    first: FxHashMap<String, Vec<Entry<V>>>,
    fold_case: bool,
}

#[derive(Debug, Clone)]
struct Entry<V> {
    rest: Vec<String>,
    value: V,
}

/// A lexicon hit: tokens `tokens` of the analysis, with `prefix` clitic bytes of the first token
/// (in the normalised text) outside the match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexMatch<'l, V> {
    /// Token indices covered.
    pub tokens: Range<usize>,
    /// The entry's value.
    pub value: &'l V,
    /// Normalised bytes of clitics at the start of the first token, outside the match.
    pub prefix: usize,
    /// True when the match read "لل" as "ل" + "ال" (the article is not written).
    pub restored_article: bool,
    /// What the match's text puts back in front of the written letters: `""`, `"ا"` or `"ال"`
    /// (see [`super::CliticSplit::restored`]).
    pub restored: &'static str,
    /// Number of phrase tokens (equals `tokens.len()`).
    pub len: usize,
}

impl<V> Lexicon<V> {
    /// An empty lexicon; with `fold_case`, ASCII letters match regardless of case.
    pub fn new(fold_case: bool) -> Self {
        Lexicon { first: FxHashMap::default(), fold_case }
    }

    /// Adds a phrase (any spelling: it is normalised and tokenised here). Empty phrases are ignored.
    /// When the same phrase is inserted twice, the first value wins.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let norm = normalize(phrase);
        let tokens = tokenize(&norm, |r| r);
        let mut words: Vec<String> = tokens.iter().map(|t| self.key(&norm[t.norm.clone()])).collect();
        if words.is_empty() {
            return;
        }
        let head = words.remove(0);
        let list = self.first.entry(head).or_default();
        if list.iter().any(|e| e.rest == words) {
            return;
        }
        let at = list.partition_point(|e| e.rest.len() >= words.len());
        list.insert(at, Entry { rest: words, value });
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.first.values().map(Vec::len).sum()
    }

    /// True when no phrase was inserted.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    fn key(&self, s: &str) -> String {
        if self.fold_case { s.to_ascii_lowercase() } else { s.to_string() }
    }

    /// The longest phrase starting at token `i` (its first token read with or without clitics).
    pub fn longest_at<'l>(&'l self, a: &Analysis<'_>, i: usize) -> Option<LexMatch<'l, V>> {
        let tokens = a.tokens();
        let norm = a.normalized();
        let tok = tokens.get(i)?;
        // fold-case lexicons read the ASCII-lower-cased text (same offsets)
        let text = if self.fold_case { a.lowered() } else { norm };
        let word = &text[tok.norm.clone()];
        let readings = a.readings[a.info[i] as usize];
        let mut best: Option<LexMatch<'l, V>> = None;
        super::tick(1);
        for r in 0..readings.len() {
            let split = readings.split(word, r);
            let Some(entries) = self.first.get(split.stem.as_ref()) else { continue };
            for e in entries {
                super::tick(1);
                let end = i + 1 + e.rest.len();
                if end > tokens.len() || best.as_ref().is_some_and(|b| b.len > e.rest.len()) {
                    continue;
                }
                let ok = e.rest.iter().zip(&tokens[i + 1..end]).all(|(w, t)| *w == text[t.norm.clone()]);
                if ok {
                    best = Some(LexMatch {
                        tokens: i..end,
                        value: &e.value,
                        prefix: split.prefix,
                        restored_article: split.restored_article,
                        restored: split.restored,
                        len: e.rest.len() + 1,
                    });
                    break; // entries are longest first
                }
            }
        }
        best
    }

    /// Leftmost-longest, non-overlapping matches over token indices `range`.
    pub fn find_all<'l>(&'l self, a: &Analysis<'_>, range: Range<usize>) -> Vec<LexMatch<'l, V>> {
        let mut out = Vec::new();
        let mut i = range.start;
        let end = range.end.min(a.tokens().len());
        while i < end {
            match self.longest_at(a, i) {
                Some(m) if m.tokens.end <= end => {
                    i = m.tokens.end;
                    out.push(m);
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// A text with its normalised form and tokens: what lexicon matching runs over.
///
/// ```
/// let a = khabar::text::Analysis::new("قالَ الوزير");
/// assert_eq!(a.normalized(), "قال الوزير");
/// assert_eq!(a.tokens().len(), 2);
/// assert_eq!(&a.original()[a.tokens()[0].orig.clone()], "قالَ");
/// ```
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    original: &'t str,
    norm: super::Normalized,
    /// The normalised text with ASCII letters lower-cased (same byte offsets), when it differs.
    lowered: Option<String>,
    tokens: Vec<Token>,
    /// Per token: the index of its clitic readings in `readings`.
    info: Vec<u8>,
    /// The distinct clitic readings of the article's tokens, computed once: a handful, since they
    /// depend only on which proclitics a word starts with.
    readings: Vec<CliticReadings>,
}

impl<'t> Analysis<'t> {
    /// Normalises and tokenises `original`.
    pub fn new(original: &'t str) -> Self {
        let norm = super::Normalized::new(original);
        let tokens = tokenize(norm.as_str(), |r| norm.to_original(r));
        // the whole word alone, the reading of most tokens, is always index 0
        let mut readings = vec![CliticReadings::of("")];
        let info = tokens
            .iter()
            .map(|t| {
                let r = CliticReadings::of(&norm.as_str()[t.norm.clone()]);
                if r.len() == 1 {
                    0
                } else if let Some(k) = readings.iter().position(|x| *x == r) {
                    k as u8
                } else {
                    // at most 18 distinct readings (see `CliticReadings::of`)
                    readings.push(r);
                    (readings.len() - 1) as u8
                }
            })
            .collect();
        let text = norm.as_str();
        let lowered = text.bytes().any(|b| b.is_ascii_uppercase()).then(|| text.to_ascii_lowercase());
        Analysis { original, norm, lowered, tokens, info, readings }
    }

    /// The normalised text with ASCII letters lower-cased: what case-folding lexicons read.
    pub fn lowered(&self) -> &str {
        self.lowered.as_deref().unwrap_or(self.norm.as_str())
    }

    /// The original text.
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// The normalised text.
    pub fn normalized(&self) -> &str {
        self.norm.as_str()
    }

    /// The normalisation with its offset map.
    pub fn normalization(&self) -> &super::Normalized {
        &self.norm
    }

    /// All tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Index of the first token that starts at or after original byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        super::tick(1);
        self.tokens.partition_point(|t| t.orig.start < offset)
    }

    /// Token indices lying inside the original byte range `range`.
    pub fn tokens_in(&self, range: Range<usize>) -> Range<usize> {
        super::tick(1);
        let a = self.token_at_or_after(range.start);
        let b = self.tokens.partition_point(|t| t.orig.end <= range.end);
        a..b.max(a)
    }

    /// The original byte range of a lexicon match, clitics left out.
    pub fn match_range<V>(&self, m: &LexMatch<'_, V>) -> Range<usize> {
        let first = &self.tokens[m.tokens.start];
        let last = &self.tokens[m.tokens.end - 1];
        let start = self.norm.to_original(first.norm.start + m.prefix..first.norm.end).start;
        start..last.orig.end
    }

    /// The surface text of a lexicon match: the original text of [`Self::match_range`], with
    /// the article restored when the match read "لل" as "ل" + "ال".
    pub fn match_text<V>(&self, m: &LexMatch<'_, V>) -> String {
        super::tick(1);
        let s = &self.original[self.match_range(m)];
        format!("{}{s}", m.restored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_and_longest_match() {
        let mut lex = Lexicon::new(false);
        lex.insert("الأمم المتحدة", 1);
        lex.insert("الأمم", 2);
        lex.insert("لبنان", 3);
        let a = Analysis::new("وقالت للأمم المتحدة وللبنان");
        let found = lex.find_all(&a, 0..a.tokens().len());
        let got: Vec<_> = found.iter().map(|m| (*m.value, a.match_text(m))).collect();
        assert_eq!(got, vec![(1, "الأمم المتحدة".to_string()), (3, "لبنان".to_string())]);
    }

    #[test]
    fn a_noun_starting_with_lam_after_lil() {
        let mut lex = Lexicon::new(false);
        lex.insert("اللجنة الدولية للصليب الأحمر", ());
        let a = Analysis::new("وقال متحدث باسم للجنة الدولية للصليب الأحمر");
        let m = lex.find_all(&a, 0..a.tokens().len()).pop().unwrap();
        assert_eq!(a.match_text(&m), "اللجنة الدولية للصليب الأحمر");
        assert_eq!(&a.original()[a.match_range(&m)], "لجنة الدولية للصليب الأحمر");
    }

    #[test]
    fn case_folding_and_punctuated_phrases() {
        let mut lex = Lexicon::new(true);
        lex.insert("U.N.", "un");
        lex.insert("Reuters", "reuters");
        let a = Analysis::new("REUTERS said the U.N. met");
        let found: Vec<_> = lex.find_all(&a, 0..a.tokens().len()).iter().map(|m| a.match_text(m)).collect();
        assert_eq!(found, ["REUTERS", "U.N."]);
        let mut ar = Lexicon::new(false);
        ar.insert("أ ف ب", ());
        let a = Analysis::new("(ا ف ب) -");
        assert_eq!(ar.find_all(&a, 0..a.tokens().len()).len(), 1);
    }
}
