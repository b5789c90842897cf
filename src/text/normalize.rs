//! Normalisation for matching, with an offset map back to the original text.
//!
//! What it does, char by char:
//! - NFKC, so Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) become plain letters and
//!   ligatures such as ﻻ become two letters;
//! - Arabic diacritics (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel are
//!   removed, and so are zero-width and bidi control characters;
//! - أ إ آ ٱ fold to ا, ى and Persian ی to ي, Persian ک to ك;
//! - Arabic-Indic (٠–٩) and Persian (۰–۹) digits become ASCII digits;
//! - quotation marks fold to `"` (double and guillemets) or `'` (single);
//! - every kind of space becomes an ASCII space.
//!
//! Case is kept: English capitalisation is a signal the extractors use.
//! The normalised text is used for matching only; output always comes from the original.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// A normalised copy of a text with the way back to the original.
///
/// ```
/// use khabar::text::Normalized;
/// let n = Normalized::new("قرارُ ﻣﺠﻠﺲ الأمن ٢٢٥٤");
/// assert_eq!(n.as_str(), "قرار مجلس الامن 2254");
/// let at = n.as_str().find("2254").unwrap();
/// let orig = n.to_original(at..at + 4);
/// assert_eq!(&"قرارُ ﻣﺠﻠﺲ الأمن ٢٢٥٤"[orig], "٢٢٥٤");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`, the byte offset in the original of the char it came from;
    /// one more entry at the end holding the original's length.
    map: Vec<u32>,
    /// The original byte offset just past the char each byte of `text` came from (with any
    /// diacritics dropped after it), where that is not the original start of the next char that
    /// produced any bytes (or the original's length at the end): (byte of `text`, offset), in
    /// order. Kept sparse: it differs only around dropped invisible characters.
    ends: Vec<(u32, u32)>,
}

impl Normalized {
    /// Normalises `original`. Inputs are limited to 4 GiB (offsets are stored as `u32`); the
    /// parser's own limit is far below that.
    pub fn new(original: &str) -> Normalized {
        super::tick(original.len());
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut ends = Vec::new();
        let mut buf = [0u8; 4];
        // Bytes of `text` produced by the last original char that produced any, and where that
        // char (with the marks dropped after it) ends in the original.
        let mut last = 0..0;
        let mut last_end = 0u32;
        // Records the last char's end if it is not where the next producing char starts.
        fn settle(ends: &mut Vec<(u32, u32)>, last: &Range<usize>, last_end: u32, next_start: u32) {
            if last_end != next_start {
                ends.extend(last.clone().map(|i| (i as u32, last_end)));
            }
        }
        let mut prev = ' ';
        for (offset, c) in original.char_indices() {
            let start = offset as u32;
            let end = (offset + c.len_utf8()) as u32;
            if unchanged(c) {
                // fast path: the char is copied as it is (most of news text)
                prev = c;
                let s = c.encode_utf8(&mut buf);
                settle(&mut ends, &last, last_end, start);
                last = text.len()..text.len() + s.len();
                last_end = end;
                text.push_str(s);
                for _ in 0..s.len() {
                    map.push(start);
                }
                continue;
            }
            let before = std::mem::replace(&mut prev, c);
            let c = if c == TATWEEL && !is_word_char(before) { '-' } else { c };
            let mut push = |d: char| {
                if let Some(f) = fold(d) {
                    let s = f.encode_utf8(&mut buf);
                    if map.last() != Some(&start) {
                        settle(&mut ends, &last, last_end, start);
                        last = text.len()..text.len();
                        last_end = end;
                    }
                    text.push_str(s);
                    last.end = text.len();
                    for _ in 0..s.len() {
                        map.push(start);
                    }
                } else if is_arabic_diacritic(d) {
                    // A dropped mark belongs to the letter before it: ranges ending on that
                    // letter take the mark along.
                    last_end = end;
                }
            };
            if needs_nfkc(c) {
                for d in std::iter::once(c).nfkc() {
                    push(d);
                }
            } else {
                push(c);
            }
        }
        settle(&mut ends, &last, last_end, original.len() as u32);
        map.push(original.len() as u32);
        Normalized { text, map, ends }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the normalised text to the byte range of the original it came from.
    /// Both ends land on char boundaries of the original; a range that starts or ends inside the
    /// expansion of one original char (a ligature) widens to the whole char.
    ///
    /// ```
    /// use khabar::text::Normalized;
    /// let n = Normalized::new("ﻻ بأس");
    /// assert_eq!(n.as_str(), "لا باس");
    /// assert_eq!(n.to_original(0..2), 0..3); // half of the ligature maps to all of it
    /// ```
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        super::tick(1);
        let start = self.map[range.start.min(self.text.len())] as usize;
        let end = if range.end == 0 {
            start
        } else if range.end >= self.text.len() {
            // The last normalised byte's char, plus any characters dropped after it are left out.
            if self.text.is_empty() { start } else { self.end_of(self.text.len() - 1) }
        } else {
            self.end_of(range.end - 1)
        };
        start..end.max(start)
    }

    /// The original offset just past the char byte `i` of the normalised text came from.
    fn end_of(&self, i: usize) -> usize {
        match self.ends.binary_search_by_key(&(i as u32), |e| e.0) {
            Ok(k) => self.ends[k].1 as usize,
            Err(_) => {
                // where the next producing char starts (the map ends with the original's length)
                let m = self.map[i];
                let mut k = i + 1;
                while self.map[k] == m {
                    k += 1;
                }
                self.map[k] as usize
            }
        }
    }

    /// Maps a byte offset of the original to the first normalised byte at or after it.
    ///
    /// ```
    /// use khabar::text::Normalized;
    /// let original = "بِسم الله";
    /// let n = Normalized::new(original);
    /// let space = original.find(' ').unwrap();
    /// assert_eq!(&n.as_str()[n.to_normalized(space)..], " الله");
    /// ```
    pub fn to_normalized(&self, original_offset: usize) -> usize {
        super::tick(1);
        self.map.partition_point(|&o| (o as usize) < original_offset).min(self.text.len())
    }
}

/// Normalises a string without keeping the map: for lexicon entries and comparisons.
///
/// ```
/// assert_eq!(khabar::text::normalize("الأُمَم المتّحدة"), "الامم المتحدة");
/// assert_eq!(khabar::text::normalize("«مرحبا»"), "\"مرحبا\"");
/// ```
pub fn normalize(s: &str) -> String {
    super::tick(s.len());
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        let before = std::mem::replace(&mut prev, c);
        let c = if c == TATWEEL && !is_word_char(before) { '-' } else { c };
        if needs_nfkc(c) {
            out.extend(std::iter::once(c).nfkc().filter_map(fold));
        } else if let Some(f) = fold(c) {
            out.push(f);
        }
    }
    out
}

const TATWEEL: char = '\u{0640}';

/// Letters, digits and marks: a tatweel after one of these stretches a word; elsewhere (after a
/// space or punctuation) it stands for a dash, as in the dateline "دمشق ـ".
fn is_word_char(c: char) -> bool {
    super::is_alphanumeric(c) || is_arabic_diacritic(c)
}

/// True for chars that normalise to themselves whatever precedes them: ASCII (tatweel is not
/// ASCII) and the Arabic letters that do not fold (all of U+0621–U+064A but آ أ إ ى and tatweel).
#[inline]
fn unchanged(c: char) -> bool {
    c.is_ascii() || (matches!(c, '\u{0621}'..='\u{064A}') && !matches!(c, 'آ' | 'أ' | 'إ' | 'ى' | '\u{0640}'))
}

/// True for chars that may change under NFKC. ASCII and the core Arabic letters never do.
#[inline]
fn needs_nfkc(c: char) -> bool {
    !(c.is_ascii() || ('\u{0600}'..='\u{0674}').contains(&c) || ('\u{0679}'..='\u{06FF}').contains(&c))
}

/// True for Arabic combining marks and tatweel, which the normaliser removes.
///
/// ```
/// assert!(khabar::text::is_arabic_diacritic('\u{064E}'));
/// assert!(!khabar::text::is_arabic_diacritic('ب'));
/// ```
pub fn is_arabic_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

/// Folds one char after NFKC; `None` drops it.
#[inline]
fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    Some(match c {
        c if is_arabic_diacritic(c) => return None,
        // zero-width and bidi controls, byte order mark, soft hyphen
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' => {
            return None;
        }
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ک' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' | '〝' | '〞' | '＂' => '"',
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′' => '\'',
        c if c.is_whitespace() && c != '\n' && c != '\r' => ' ',
        c => c,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_digits_and_marks() {
        assert_eq!(normalize("إسرائيل وآخرون ومصطفى"), "اسرائيل واخرون ومصطفي");
        assert_eq!(normalize("کابل یک"), "كابل يك");
        assert_eq!(normalize("۱۳۷۳ و٢٢٥٤"), "1373 و2254");
        assert_eq!(normalize("مـــجلس"), "مجلس");
        assert_eq!(normalize("دمشق ـ قال"), "دمشق - قال");
        assert_eq!(Normalized::new("دمشق ـ قال").as_str(), "دمشق - قال");
        assert_eq!(normalize("“quoted” ‘one’"), "\"quoted\" 'one'");
        assert_eq!(normalize("a\u{00A0}b\u{200F}c"), "a bc");
        // presentation forms: "إن مجلس الأمن"
        assert_eq!(normalize("ﺇﻥ ﻣﺠﻠﺲ ﺍﻷﻣﻦ"), "ان مجلس الامن");
    }

    #[test]
    fn maps_back_to_the_original() {
        let original = "قالَ «الأمينُ العامّ» ٢٠١٥";
        let n = Normalized::new(original);
        assert_eq!(n.as_str(), "قال \"الامين العام\" 2015");
        for word in ["قال", "الامين", "العام", "2015", "\""] {
            let at = n.as_str().find(word).unwrap();
            let back = n.to_original(at..at + word.len());
            assert_eq!(normalize(&original[back.clone()]), word, "{word}");
            // and forward again
            assert_eq!(n.to_normalized(back.start), at);
        }
        // a word keeps its trailing diacritic
        let at = n.as_str().find("قال").unwrap();
        assert_eq!(&original[n.to_original(at..at + 6)], "قالَ");
    }

    #[test]
    fn every_mapped_range_is_on_char_boundaries() {
        let original = "ﻻ «بأس» ٣ ﷺ x\u{0651}y دمشق ـ قال";
        let n = Normalized::new(original);
        for a in 0..=n.as_str().len() {
            for b in a..=n.as_str().len() {
                let r = n.to_original(a..b);
                assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
                assert!(r.start <= r.end && r.end <= original.len());
            }
        }
        for o in 0..=original.len() {
            let p = n.to_normalized(o);
            assert!(p <= n.as_str().len());
        }
    }

    /// Every byte's end offset as the dense table computed it before `ends` was made sparse.
    fn dense_ends(original: &str) -> Vec<u32> {
        let mut ends: Vec<u32> = Vec::new();
        let mut starts: Vec<u32> = Vec::new();
        let mut last = 0..0;
        let mut prev = ' ';
        for (offset, c) in original.char_indices() {
            let (start, end) = (offset as u32, (offset + c.len_utf8()) as u32);
            let before = std::mem::replace(&mut prev, c);
            let c = if c == TATWEEL && !is_word_char(before) { '-' } else { c };
            for d in std::iter::once(c).nfkc() {
                if let Some(f) = fold(d) {
                    if starts.last() != Some(&start) {
                        last = ends.len()..ends.len();
                    }
                    for _ in 0..f.len_utf8() {
                        starts.push(start);
                        ends.push(end);
                    }
                    last.end = ends.len();
                } else if is_arabic_diacritic(d) {
                    for e in &mut ends[last.clone()] {
                        *e = end;
                    }
                }
            }
        }
        ends
    }

    #[test]
    fn sparse_ends_equal_the_dense_table() {
        for t in [
            "قالَ «الأمينُ العامّ» ٢٠١٥",
            "ﻻ «بأس» ٣ ﷺ x\u{0651}y دمشق ـ قال",
            "a\u{200B}b\u{064E}\u{200F}\u{064F}c\u{00AD}",
            "\u{064E}\u{200B}بِّ\u{200F}",
            "x\u{200B}",
            "مـــجلس ـ ",
            "",
        ] {
            let n = Normalized::new(t);
            let dense = dense_ends(t);
            assert_eq!(dense.len(), n.as_str().len(), "{t:?}");
            for (i, &e) in dense.iter().enumerate() {
                assert_eq!(n.end_of(i), e as usize, "{t:?} byte {i}");
            }
        }
    }

    #[test]
    fn empty_and_ascii() {
        let n = Normalized::new("");
        assert_eq!(n.to_original(0..0), 0..0);
        let n = Normalized::new("Hello");
        assert_eq!(n.to_original(1..3), 1..3);
        assert_eq!(n.to_normalized(5), 5);
    }
}
