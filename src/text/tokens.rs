//! Word tokens over the normalised text, and a light Arabic clitic analysis.
//!
//! Tokens are found in the normalised text (see [`super::Normalized`]) and keep both ranges: the
//! normalised one for matching and the original one for output. A token is a run of letters (and
//! combining marks), a run of digits (with an inner `.` or `,` between digits, so "3.5" and
//! "1,000" stay whole), or a single other non-space character. A run of letters followed by digits
//! is two tokens, so "و338" is "و" + "338".

use std::borrow::Cow;
use std::ops::Range;

/// What a [`Token`] is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (any script).
    Word,
    /// ASCII digits after normalisation, possibly with inner `.`/`,`.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token: its normalised and original byte ranges, and its kind.
///
/// Offsets are stored as `u32`, packed (17 bytes a token instead of 40): texts are limited to
/// [`MAX_TEXT_BYTES`], so that every offset of the original and of its normalised form fits.
///
/// ```
/// use khabar::text::{Analysis, TokenKind};
/// let a = Analysis::new("قالَ الوزير");
/// let t = &a.tokens()[0];
/// assert_eq!(&a.original()[t.orig()], "قالَ");
/// assert_eq!(t.text(a.normalized()), "قال");
/// assert_eq!(t.norm(), 0..6);
/// assert_eq!(t.kind, TokenKind::Word);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(C, packed)]
pub struct Token {
    norm_start: u32,
    norm_end: u32,
    orig_start: u32,
    orig_end: u32,
    /// What it is made of.
    pub kind: TokenKind,
}

/// The longest text (in bytes) the text layer accepts: 256 MiB.
///
/// Token and offset-map positions are stored as `u32`; normalisation (NFKC) can make a text at
/// most 11 times longer in UTF-8 (UAX #15), so every position of a text this long and of its
/// normalised form fits. [`crate::Parser`] rejects longer inputs with
/// [`crate::Error::InputTooLarge`] whatever its configured limit; [`super::Analysis::new`]
/// panics on them.
pub const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;

impl Token {
    /// A token from its normalised and original byte ranges.
    ///
    /// # Panics
    /// When an offset does not fit in a `u32` (see [`MAX_TEXT_BYTES`]).
    pub fn new(norm: Range<usize>, orig: Range<usize>, kind: TokenKind) -> Token {
        let at = |x: usize| u32::try_from(x).expect("text offset beyond u32: texts are limited to MAX_TEXT_BYTES");
        Token {
            norm_start: at(norm.start),
            norm_end: at(norm.end),
            orig_start: at(orig.start),
            orig_end: at(orig.end),
            kind,
        }
    }

    /// Byte range in the normalised text.
    #[inline]
    pub fn norm(&self) -> Range<usize> {
        self.norm_start as usize..self.norm_end as usize
    }

    /// Byte range in the original text.
    #[inline]
    pub fn orig(&self) -> Range<usize> {
        self.orig_start as usize..self.orig_end as usize
    }

    /// The token's normalised text.
    #[inline]
    pub fn text<'a>(&self, normalized: &'a str) -> &'a str {
        &normalized[self.norm()]
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("norm", &self.norm())
            .field("orig", &self.orig())
            .field("kind", &self.kind)
            .finish()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Space,
    Other,
}

fn class(c: char) -> Class {
    // fast paths for ASCII and the Arabic letters, which are nearly all of news text
    match c {
        '0'..='9' => return Class::Digit,
        'a'..='z' | 'A'..='Z' | '\u{0621}'..='\u{064A}' => return Class::Letter,
        ' ' | '\n' | '\r' | '\t' => return Class::Space,
        c if c.is_ascii() => return Class::Other,
        // Arabic punctuation: comma, semicolon, question mark, percent and number separators
        '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' => return Class::Other,
        _ => {}
    }
    if c.is_ascii_digit() {
        Class::Digit
    } else if super::is_alphabetic(c) || is_mark(c) {
        Class::Letter
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

/// [`class`] of the ASCII chars.
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = match i as u8 {
            b'0'..=b'9' => Class::Digit,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b' ' | b'\n' | b'\r' | b'\t' => Class::Space,
            _ => Class::Other,
        };
        i += 1;
    }
    t
};

/// The class of the char at byte `i` of `s` (a char boundary) and its length: ASCII and the
/// Arabic letters (U+0621–U+064A) straight from their bytes.
#[inline(always)]
fn class_at(s: &str, i: usize) -> (Class, usize) {
    let b = s.as_bytes();
    let x = b[i];
    if x < 0x80 {
        return (ASCII_CLASS[x as usize], 1);
    }
    if (x == 0xD8 && b[i + 1] >= 0xA1) || (x == 0xD9 && b[i + 1] <= 0x8A) {
        return (Class::Letter, 2);
    }
    let (c, len) = char_at(s, i);
    (class(c), len)
}

fn is_mark(c: char) -> bool {
    // Combining marks that survive normalisation (Latin accents in decomposed text, etc.).
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}')
}

/// Splits normalised text into tokens; `to_original` maps a normalised range to the original.
pub(crate) fn tokenize(norm: &str, to_original: impl Fn(Range<usize>) -> Range<usize>) -> Vec<Token> {
    super::tick(norm.len());
    // one pass: room for a token per 8 bytes (news text has one per 9 bytes in Arabic, 5 in
    // English), growing when short (a transient: the parse's peak comes later, in the
    // extractors), then trimmed to the count; counting the tokens or the spaces first cost more
    // instructions than the growth
    let mut tokens = Vec::with_capacity(norm.len() / 8 + 16);
    scan(norm, |r, kind| tokens.push(Token::new(r.clone(), to_original(r), kind)));
    tokens.shrink_to_fit();
    tokens
}

/// The char at byte `i` of `s` (a char boundary) and its length, decoded inline for the one- and
/// two-byte chars that make up nearly all of news text.
#[inline(always)]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes();
    let x = b[i];
    if x < 0x80 {
        (x as char, 1)
    } else if x < 0xE0 {
        let c = ((x as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
        (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 2)
    } else {
        let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

/// Calls `emit` with the range and kind of every token of `norm`, in order.
fn scan(norm: &str, mut emit: impl FnMut(Range<usize>, TokenKind)) {
    let b = norm.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let start = i;
        let (cls, len) = class_at(norm, i);
        i += len;
        let kind = match cls {
            Class::Space => continue,
            Class::Other => TokenKind::Punct,
            Class::Letter => {
                while i < n {
                    let (cls, len) = class_at(norm, i);
                    if cls != Class::Letter {
                        break;
                    }
                    i += len;
                }
                TokenKind::Word
            }
            Class::Digit => {
                // digits, with an inner `.` or `,` when a digit follows
                while i < n
                    && (b[i].is_ascii_digit()
                        || (matches!(b[i], b'.' | b',') && i + 1 < n && b[i + 1].is_ascii_digit()))
                {
                    i += 1;
                }
                TokenKind::Number
            }
        };
        emit(start..i, kind);
    }
}

/// One reading of an Arabic word with its proclitics set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliticSplit<'a> {
    /// Bytes of clitic letters at the start of the (normalised) word, outside the stem.
    pub prefix: usize,
    /// The stem as a lexicon would list it. When the preposition لـ merged with the article
    /// ("للامم"), the article is restored ("الامم") and `restored_article` is set.
    pub stem: Cow<'a, str>,
    /// True when `stem` starts with an article that is not written in the word.
    pub restored_article: bool,
    /// What the stem adds in front of the written letters: `""`, `"ا"` ("للامم" → "الامم") or
    /// `"ال"` for a noun that itself starts with ل ("للجنة" → "اللجنة").
    pub restored: &'static str,
}

/// The readings of a normalised word with the proclitics و/ف (conjunctions), ب/ل/ك
/// (prepositions) and the لل contraction set aside, the whole word first. Stems shorter than two
/// letters are not offered. Words that do not start with an Arabic letter have one reading.
///
/// ```
/// use khabar::text::clitic_splits;
/// let stems: Vec<String> = clitic_splits("والمغرب").map(|s| s.stem.into_owned()).collect();
/// assert_eq!(stems, ["والمغرب", "المغرب"]);
/// let stems: Vec<String> = clitic_splits("للامم").map(|s| s.stem.into_owned()).collect();
/// assert_eq!(stems, ["للامم", "الامم", "اللامم", "لامم"]);
/// // a noun that starts with ل loses the article's lam too: لـ + اللجنة
/// assert!(clitic_splits("للجنة").any(|s| s.stem == "اللجنة" && s.prefix == 2 && s.restored == "ال"));
/// let stems: Vec<String> = clitic_splits("وبمجلس").map(|s| s.stem.into_owned()).collect();
/// assert_eq!(stems, ["وبمجلس", "بمجلس", "مجلس"]);
/// ```
pub fn clitic_splits(word: &str) -> impl Iterator<Item = CliticSplit<'_>> {
    let readings = CliticReadings::of(word);
    (0..readings.len()).map(move |i| readings.split(word, i))
}

/// What a reading restores in front of the written letters (see [`CliticSplit::restored`]).
pub(crate) const RESTORED: [&str; 3] = ["", "ا", "ال"];

/// The clitic readings of one word: computed once per token by [`super::Analysis`] and shared by
/// every lexicon lookup. Packed in a `u32`: the number of readings in the low 4 bits, then 4 bits
/// for each reading after the first (the whole word, prefix 0): `(prefix / 2 - 1) * 3 + restore`,
/// where the prefix is 2 or 4 bytes (one or two clitic letters) and `restore` indexes [`RESTORED`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CliticReadings(u32);

/// At most 8 readings: the word, without و/ف, and up to three for each of those two without a
/// preposition or لل.
const MAX_READINGS: usize = 8;

impl CliticReadings {
    /// Number of readings (at least one: the whole word).
    #[inline]
    pub(crate) fn len(&self) -> usize {
        (self.0 & 0xF) as usize
    }

    /// Reading `i` as (prefix bytes, index into [`RESTORED`]).
    #[inline]
    pub(crate) fn get(&self, i: usize) -> (usize, usize) {
        if i == 0 {
            return (0, 0);
        }
        let code = ((self.0 >> (4 * i)) & 0xF) as usize;
        (2 * (code / 3 + 1), code % 3)
    }

    /// Reading `i` of `word` (the word these readings were computed for).
    pub(crate) fn split<'w>(&self, word: &'w str, i: usize) -> CliticSplit<'w> {
        let (prefix, restore) = self.get(i);
        let restored = RESTORED[restore];
        let stem = if restored.is_empty() {
            Cow::Borrowed(&word[prefix..])
        } else {
            Cow::Owned(format!("{restored}{}", &word[prefix..]))
        };
        CliticSplit { prefix, stem, restored_article: !restored.is_empty(), restored }
    }

    /// The readings of a normalised word.
    pub(crate) fn of(word: &str) -> CliticReadings {
        super::tick(1);
        let mut out = CliticReadings(1);
        if !word.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
            return out;
        }
        const L: usize = 2; // every clitic letter is two bytes in UTF-8
        // "at least n letters": counts char starts, stopping at the n-th
        let at_least = |s: &str, n: usize| s.bytes().filter(|&b| (b as i8) >= -0x40).take(n).count() == n;
        let mut push = |p: usize, restore: u32| {
            let n = out.len();
            if n < MAX_READINGS {
                debug_assert!(p == L || p == 2 * L);
                let code = (p / L - 1) as u32 * 3 + restore;
                out.0 = (out.0 & !0xF) | (code << (4 * n)) | (n as u32 + 1);
            }
        };
        let mut conj_options = 1;
        if word.starts_with(['و', 'ف']) && at_least(&word[L..], 2) {
            push(L, 0);
            conj_options = 2;
        }
        for &c in &[0, L][..conj_options] {
            let rest = &word[c..];
            if rest.starts_with("لل") && at_least(&rest[2 * L..], 1) {
                push(c + L, 1); // لل + امم: the article's alif is not written
                push(c + L, 2); // لل + جنة: nor is its lam before a noun starting with ل (اللجنة)
                push(c + L, 0);
            } else if rest.starts_with(['ب', 'ل', 'ك']) && at_least(&rest[L..], 2) {
                push(c + L, 0);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s, |r| r).iter().map(|t| (t.text(s), t.kind)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            toks("القرارين 242 و338، 3.5 U.N."),
            vec![
                ("القرارين", Word),
                ("242", Number),
                ("و", Word),
                ("338", Number),
                ("،", Punct),
                ("3.5", Number),
                ("U", Word),
                (".", Punct),
                ("N", Word),
                (".", Punct)
            ]
        );
        assert_eq!(toks("1,000."), vec![("1,000", Number), (".", Punct)]);
    }

    #[test]
    fn byte_classes_agree_with_char_classes() {
        let mut all = String::new();
        for c in (0..0x700).chain(0x2000..0x2070).filter_map(char::from_u32) {
            all.push(c);
        }
        let mut i = 0;
        for c in all.chars() {
            let (cls, len) = class_at(&all, i);
            assert!(cls == class(c) && len == c.len_utf8(), "{c:?}");
            i += len;
        }
    }

    #[test]
    fn arabic_punctuation_fast_path() {
        for c in ['\u{060C}', '\u{061B}', '\u{061F}', '\u{066A}', '\u{066B}', '\u{066C}', '\u{066D}'] {
            assert!(!c.is_alphabetic() && !is_mark(c) && !c.is_whitespace() && !c.is_ascii_digit(), "{c:?}");
            assert!(class(c) == Class::Other);
        }
    }

    #[test]
    fn compact_storage() {
        assert_eq!(std::mem::size_of::<Token>(), 17);
        assert_eq!(std::mem::size_of::<CliticReadings>(), 4);
        let t = Token::new(3..9, 4..12, TokenKind::Word);
        assert_eq!((t.norm(), t.orig()), (3..9, 4..12));
        // the longest reading list survives packing
        let r = CliticReadings::of("وللبنان");
        let all: Vec<_> = (0..r.len()).map(|i| r.get(i)).collect();
        assert_eq!(all, [(0, 0), (2, 0), (4, 1), (4, 2), (4, 0)]);
    }

    #[test]
    fn clitics() {
        let s: Vec<_> = clitic_splits("فللبنان").map(|s| (s.prefix, s.stem.into_owned())).collect();
        assert_eq!(
            s,
            vec![
                (0, "فللبنان".to_string()),
                (2, "للبنان".to_string()),
                (4, "البنان".to_string()),
                (4, "اللبنان".to_string()),
                (4, "لبنان".to_string())
            ]
        );
        assert_eq!(clitic_splits("Reuters").count(), 1);
        assert_eq!(clitic_splits("وزير").map(|s| s.stem.into_owned()).collect::<Vec<_>>(), ["وزير", "زير"]);
        // too short to strip
        assert_eq!(clitic_splits("بل").count(), 1);
    }
}
