//! Multi-word lexicon lookup over tokens, clitic-aware: the matcher every extractor shares.
//!
//! A [`Lexicon`] maps phrases ("مجلس الأمن الدولي", "أ ف ب", "Security Council") to values.
//! Phrases are normalised and tokenised like the article, so a phrase matches a run of tokens
//! exactly; the first token may also match through one of its clitic readings
//! ([`super::clitic_splits`]), so "وبمجلس الأمن" and "للأمم المتحدة" find "مجلس الأمن" and
//! "الأمم المتحدة". Matching is longest-first. Built once (in a `LazyLock` table) and shared.
//!
//! How a lookup stays cheap: every lexicon word has a number in one shared vocabulary, and an
//! [`Analysis`] looks each token's clitic readings up there once. A lookup then turns a token down
//! with a bit test when none of its readings starts a phrase of this lexicon, and otherwise finds
//! the phrases by their first two word numbers and compares numbers, never strings.

use super::normalize::normalize;
use super::tokens::{CliticReadings, RESTORED, Token, tokenize};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{LazyLock, RwLock};

/// Every word of every lexicon (case-folded where its lexicon folds case), numbered in the order
/// first inserted. Lexicons store word numbers; an [`Analysis`] looks each token (and each clitic
/// reading of it) up here once, so a lexicon lookup compares numbers instead of hashing strings.
static VOCABULARY: LazyLock<RwLock<FxHashMap<Box<str>, u32>>> = LazyLock::new(Default::default);

/// Word numbers stay below this, so that a [`Hit`] packs one into 27 bits.
const MAX_WORDS: usize = 1 << 27;

/// Number of words in the shared vocabulary (doc-hidden; tests check that parsing leaves it alone).
pub fn vocabulary_len() -> usize {
    vocabulary().len()
}

fn vocabulary() -> std::sync::RwLockReadGuard<'static, FxHashMap<Box<str>, u32>> {
    VOCABULARY.read().unwrap_or_else(|e| e.into_inner())
}

/// A token's reading found in the vocabulary, packed in a `u32`: the word number (high 27 bits),
/// the reading (3 bits: 0 for the whole word, else `(prefix / 2 - 1) * 3 + restore + 1`) and the
/// cases it holds for (2 bits: [`EXACT`] for the text as written, [`FOLDED`] for the ASCII
/// lower-cased text; both when they are the same).
type Hit = u32;
const EXACT: u32 = 1;
const FOLDED: u32 = 2;

fn hit(word: u32, reading: u32, cases: u32) -> Hit {
    (word << 5) | (reading << 2) | cases
}

fn hit_word(h: Hit) -> u32 {
    h >> 5
}

/// (prefix bytes, index into [`RESTORED`]) of a hit's reading.
fn hit_reading(h: Hit) -> (usize, usize) {
    match (h >> 2) & 7 {
        0 => (0, 0),
        r => (2 * ((r as usize - 1) / 3 + 1), (r as usize - 1) % 3),
    }
}

fn reading_code(prefix: usize, restore: usize) -> u32 {
    if prefix == 0 { 0 } else { ((prefix / 2 - 1) * 3 + restore + 1) as u32 }
}

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
    /// One-word phrases: word number → value.
    single: FxHashMap<u32, V>,
    /// Longer phrases: [`pair`] of the first two word numbers → entries, longest first.
    pairs: FxHashMap<u64, Vec<Entry<V>>>,
    /// Bit sets over word numbers: first words of one-word phrases (bit `2 * word`) and of longer
    /// phrases (bit `2 * word + 1`), so that most readings are turned down without hashing.
    heads: Vec<u64>,
    fold_case: bool,
    /// One more than the largest word number used: analyses made while the vocabulary was
    /// smaller may lack some of this lexicon's words and are matched the slow way.
    needs: u32,
    /// A [`Self::local`] lexicon's own word numbers (`None`: the shared vocabulary's).
    own: Option<FxHashMap<Box<str>, u32>>,
}

#[derive(Debug, Clone)]
struct Entry<V> {
    /// Word numbers of the tokens after the second.
    rest: Box<[u32]>,
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
    ///
    /// Its words join the process-wide vocabulary that every [`Analysis`] looks its tokens up in
    /// (that is what makes lookups cheap), and stay there for the life of the process: build such
    /// lexicons once (in a `LazyLock` table). A table built per document uses [`Self::local`].
    pub fn new(fold_case: bool) -> Self {
        Lexicon {
            single: FxHashMap::default(),
            pairs: FxHashMap::default(),
            heads: Vec::new(),
            fold_case,
            needs: 0,
            own: None,
        }
    }

    /// An empty lexicon that numbers its words itself, leaving the shared vocabulary alone: for
    /// tables built per document (names found in one article), which must neither grow the
    /// process's memory nor take the vocabulary's write lock. Lookups read the token's text
    /// (slower than a [`Self::new`] lexicon's, fine for a few phrases).
    ///
    /// ```
    /// use khabar::text::{Lexicon, Analysis};
    /// let mut names = Lexicon::local(false);
    /// names.insert("سمير الحداد", 7);
    /// let a = Analysis::new("وقال سمير الحداد اليوم");
    /// assert_eq!(names.find_all(&a, 0..a.tokens().len()).len(), 1);
    /// ```
    pub fn local(fold_case: bool) -> Self {
        Lexicon { own: Some(FxHashMap::default()), ..Self::new(fold_case) }
    }

    /// Adds a phrase (any spelling: it is normalised and tokenised here). Empty phrases are ignored.
    /// When the same phrase is inserted twice, the first value wins.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let norm = normalize(phrase);
        let tokens = tokenize(&norm, |r| r);
        if tokens.is_empty() {
            return;
        }
        let words: Vec<u32> = {
            let mut shared = None;
            let vocab = match &mut self.own {
                Some(own) => own,
                None => &mut **shared.insert(VOCABULARY.write().unwrap_or_else(|e| e.into_inner())),
            };
            tokens
                .iter()
                .map(|t| {
                    let w = t.text(&norm);
                    let key: Cow<str> =
                        if self.fold_case { Cow::Owned(w.to_ascii_lowercase()) } else { Cow::Borrowed(w) };
                    if let Some(&id) = vocab.get(key.as_ref()) {
                        return id;
                    }
                    let id = vocab.len();
                    assert!(id < MAX_WORDS, "lexicon vocabulary is full");
                    vocab.insert(key.into_owned().into_boxed_str(), id as u32);
                    id as u32
                })
                .collect()
        };
        self.needs = self.needs.max(words.iter().max().map_or(0, |&m| m + 1));
        let long = words.len() > 1;
        let bit = 2 * words[0] as usize + usize::from(long);
        if self.heads.len() <= bit / 64 {
            self.heads.resize(bit / 64 + 1, 0);
        }
        self.heads[bit / 64] |= 1 << (bit % 64);
        let [head, second, ref rest @ ..] = words[..] else {
            self.single.entry(words[0]).or_insert(value);
            return;
        };
        let list = self.pairs.entry(pair(head, second)).or_default();
        if list.iter().any(|e| &*e.rest == rest) {
            return;
        }
        let at = list.partition_point(|e| e.rest.len() >= rest.len());
        list.insert(at, Entry { rest: rest.into(), value });
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.single.len() + self.pairs.values().map(Vec::len).sum::<usize>()
    }

    /// True when no phrase was inserted.
    pub fn is_empty(&self) -> bool {
        self.single.is_empty() && self.pairs.is_empty()
    }

    /// The longest phrase starting at token `i` (its first token read with or without clitics).
    #[inline]
    pub fn longest_at<'l>(&'l self, a: &Analysis<'_>, i: usize) -> Option<LexMatch<'l, V>> {
        if i >= a.tokens.len() {
            return None;
        }
        super::tick(1);
        if let Some(own) = &self.own {
            return self.longest_in(a, i, own);
        }
        if self.needs <= a.vocabulary_len {
            // the analysis numbered every word of this lexicon: most tokens have no reading in
            // any lexicon and are rejected here
            let hits = a.hits(i);
            let case = if self.fold_case { FOLDED } else { EXACT };
            if !hits.iter().any(|&h| h & case != 0 && self.heads(hit_word(h)) != 0) {
                return None;
            }
            return self.longest_from(a, i, hits);
        }
        self.longest_slow(a, i)
    }

    /// [`Self::longest_at`] from token `i`'s readings in the vocabulary.
    #[inline(never)]
    fn longest_from<'l>(&'l self, a: &Analysis<'_>, i: usize, hits: &[Hit]) -> Option<LexMatch<'l, V>> {
        let case = if self.fold_case { FOLDED } else { EXACT };
        self.best(hits, case, i, a.tokens.len(), |t| a.word(t, case))
    }

    /// [`Self::longest_at`] for an analysis made before some of this lexicon's words were known.
    #[cold]
    fn longest_slow<'l>(&'l self, a: &Analysis<'_>, i: usize) -> Option<LexMatch<'l, V>> {
        self.longest_in(a, i, &vocabulary())
    }

    /// [`Self::longest_at`] with token `i`'s readings looked up in `vocab` now.
    fn longest_in<'l>(
        &'l self,
        a: &Analysis<'_>,
        i: usize,
        vocab: &FxHashMap<Box<str>, u32>,
    ) -> Option<LexMatch<'l, V>> {
        let case = if self.fold_case { FOLDED } else { EXACT };
        let mut hits = Vec::new();
        a.find_hits(vocab, i, &mut Default::default(), &mut hits);
        self.best(&hits, case, i, a.tokens.len(), |t| {
            let w = a.tokens[t].text(a.normalized());
            if self.fold_case { vocab.get(w.to_ascii_lowercase().as_str()) } else { vocab.get(w) }.copied()
        })
    }

    /// The longest entry starting with one of `hits` (token `i`'s readings, in order) whose
    /// other words are those of the following tokens (`word(t)`: the number of token `t`).
    fn best<'l>(
        &'l self,
        hits: &[Hit],
        case: u32,
        i: usize,
        n: usize,
        word: impl Fn(usize) -> Option<u32>,
    ) -> Option<LexMatch<'l, V>> {
        let mut best: Option<LexMatch<'l, V>> = None;
        // the number of token i + 1, which every longer phrase continues with
        let mut second: Option<Option<u32>> = None;
        for &h in hits {
            if h & case == 0 {
                continue;
            }
            let head = hit_word(h);
            let heads = self.heads(head);
            if heads == 0 {
                continue;
            }
            let found = |tokens: Range<usize>, value: &'l V| {
                let (prefix, restore) = hit_reading(h);
                let restored = RESTORED[restore];
                LexMatch { len: tokens.len(), tokens, value, prefix, restored_article: !restored.is_empty(), restored }
            };
            if heads & 2 != 0
                && i + 1 < n
                && let Some(w) = *second.get_or_insert_with(|| word(i + 1))
                && let Some(entries) = self.pairs.get(&pair(head, w))
            {
                let matched = entries.iter().find(|e| {
                    super::tick(1);
                    let end = i + 2 + e.rest.len();
                    end <= n
                        && best.as_ref().is_none_or(|b| b.len < end - i)
                        && e.rest.iter().enumerate().all(|(k, &w)| word(i + 2 + k) == Some(w))
                });
                if let Some(e) = matched {
                    // entries are longest first
                    best = Some(found(i..i + 2 + e.rest.len(), &e.value));
                    continue;
                }
            }
            if heads & 1 != 0
                && best.is_none()
                && let Some(value) = self.single.get(&head)
            {
                super::tick(1);
                best = Some(found(i..i + 1, value));
            }
        }
        best
    }
}

impl<V> Lexicon<V> {
    /// Whether word number `w` starts phrases of this lexicon: bit 0 for a one-word phrase,
    /// bit 1 for longer ones.
    #[inline]
    fn heads(&self, w: u32) -> u64 {
        self.heads.get(w as usize / 32).map_or(0, |&bits| (bits >> (2 * (w % 32))) & 3)
    }
}

/// The key of a phrase's first two word numbers.
#[inline]
fn pair(first: u32, second: u32) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

impl<V> Lexicon<V> {
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
/// assert_eq!(&a.original()[a.tokens()[0].orig()], "قالَ");
/// ```
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    original: &'t str,
    norm: super::Normalized,
    tokens: Vec<Token>,
    /// The readings of each token found in the lexicon vocabulary: those of token `t` are
    /// `hits[hit_at[t]..hit_at[t + 1]]`, in reading order (the whole word first).
    hits: Vec<Hit>,
    hit_at: Vec<u32>,
    /// The vocabulary's size when the hits were found.
    vocabulary_len: u32,
}

impl<'t> Analysis<'t> {
    /// Normalises and tokenises `original`.
    ///
    /// # Panics
    /// When `original` is longer than [`super::MAX_TEXT_BYTES`] (the parser rejects such inputs
    /// with an error before analysing them).
    pub fn new(original: &'t str) -> Self {
        assert!(
            original.len() <= super::MAX_TEXT_BYTES,
            "text of {} bytes is longer than MAX_TEXT_BYTES ({})",
            original.len(),
            super::MAX_TEXT_BYTES
        );
        let norm = super::Normalized::new(original);
        let tokens = tokenize(norm.as_str(), |r| norm.to_original(r));
        let mut a = Analysis { original, norm, tokens, hits: Vec::new(), hit_at: Vec::new(), vocabulary_len: 0 };
        let vocab = vocabulary();
        a.vocabulary_len = vocab.len() as u32;
        let mut hit_at = Vec::with_capacity(a.tokens.len() + 1);
        let mut hits = Vec::with_capacity(a.tokens.len());
        let mut scratch = Default::default();
        for i in 0..a.tokens.len() {
            hit_at.push(hits.len() as u32);
            a.find_hits(&vocab, i, &mut scratch, &mut hits);
        }
        hit_at.push(hits.len() as u32);
        drop(vocab);
        // most tokens have no reading in any lexicon: keep only the room the hits take
        hits.shrink_to_fit();
        a.hits = hits;
        a.hit_at = hit_at;
        a
    }

    /// Appends the readings of token `i` found in `vocab` to `out`; `scratch` is working space.
    fn find_hits(&self, vocab: &FxHashMap<Box<str>, u32>, i: usize, scratch: &mut [String; 2], out: &mut Vec<Hit>) {
        if vocab.is_empty() {
            return;
        }
        let word = self.tokens[i].text(self.norm.as_str());
        let readings = CliticReadings::of(word);
        let folded = word.bytes().any(|b| b.is_ascii_uppercase());
        let [buf, lower] = scratch;
        if folded {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
        }
        let mut find = |w: &str, prefix: usize, restore: usize| -> Option<u32> {
            let rest = &w[prefix..];
            if restore == 0 {
                vocab.get(rest).copied()
            } else {
                buf.clear();
                buf.push_str(RESTORED[restore]);
                buf.push_str(rest);
                vocab.get(buf.as_str()).copied()
            }
        };
        for r in 0..readings.len() {
            let (prefix, restore) = readings.get(r);
            let code = reading_code(prefix, restore);
            if !folded {
                if let Some(id) = find(word, prefix, restore) {
                    out.push(hit(id, code, EXACT | FOLDED));
                }
                continue;
            }
            if let Some(id) = find(word, prefix, restore) {
                out.push(hit(id, code, EXACT));
            }
            if let Some(id) = find(lower, prefix, restore) {
                out.push(hit(id, code, FOLDED));
            }
        }
    }

    /// The readings of token `i` found in the vocabulary.
    #[inline]
    fn hits(&self, i: usize) -> &[Hit] {
        &self.hits[self.hit_at[i] as usize..self.hit_at[i + 1] as usize]
    }

    /// The vocabulary number of token `t`'s whole word in `case`, if it has one.
    #[inline]
    fn word(&self, t: usize, case: u32) -> Option<u32> {
        // the whole word's hits come first
        self.hits(t).iter().take(2).find(|&&h| h & case != 0 && (h >> 2) & 7 == 0).map(|&h| hit_word(h))
    }

    /// The normalised text with ASCII letters lower-cased (same byte offsets): what
    /// case-folding lexicons read.
    pub fn lowered(&self) -> Cow<'_, str> {
        let text = self.norm.as_str();
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        }
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
        self.tokens.partition_point(|t| t.orig().start < offset)
    }

    /// Token indices lying inside the original byte range `range`.
    pub fn tokens_in(&self, range: Range<usize>) -> Range<usize> {
        super::tick(1);
        let a = self.token_at_or_after(range.start);
        let b = self.tokens.partition_point(|t| t.orig().end <= range.end);
        a..b.max(a)
    }

    /// The original byte range of a lexicon match, clitics left out.
    pub fn match_range<V>(&self, m: &LexMatch<'_, V>) -> Range<usize> {
        let first = &self.tokens[m.tokens.start];
        let last = &self.tokens[m.tokens.end - 1];
        let start = self.norm.to_original(first.norm().start + m.prefix..first.norm().end).start;
        start..last.orig().end
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
    fn lexicons_built_after_the_analysis_still_match() {
        // words no lexicon had when the analysis was made: matched through the slow path
        let a = Analysis::new("وبالمنظومة القزحية Zorblax Quintet اليوم");
        let mut ar = Lexicon::new(false);
        ar.insert("المنظومة القزحية", 1);
        let m = ar.longest_at(&a, 0).unwrap();
        assert_eq!((m.tokens.clone(), m.prefix, *m.value), (0..2, 4, 1));
        let mut en = Lexicon::new(true);
        en.insert("zorblax quintet", 2);
        let mut exact = Lexicon::new(false);
        exact.insert("zorblax quintet", 3);
        assert_eq!(en.longest_at(&a, 2).map(|m| m.tokens), Some(2..4));
        assert!(exact.longest_at(&a, 2).is_none());
        // and a new analysis finds the same through the precomputed readings
        let b = Analysis::new("وبالمنظومة القزحية Zorblax Quintet اليوم");
        assert_eq!(ar.longest_at(&b, 0), Some(m));
        assert_eq!(en.longest_at(&b, 2).map(|m| m.tokens), Some(2..4));
        assert!(exact.longest_at(&b, 2).is_none());
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
