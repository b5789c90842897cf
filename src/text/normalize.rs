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
///
/// The offset map is sparse. Each original char that produces any bytes produces a *group* of
/// normalised bytes. Groups are gathered into *runs* in which normalised and original offsets move
/// together: a run is a maximal sequence of groups, each one normalised char no longer than the
/// original char, with no original bytes skipped between them, where only the last group may be
/// shorter than its original char. A group of several chars, or longer than its original char (a
/// ligature, an NFKC expansion), is a *flat* run by itself: all its bytes map to its char's start.
/// News text makes a run per few hundred bytes (a run ends at a quotation mark, a dropped
/// diacritic, an Arabic-Indic digit), so the map takes a small fraction of a byte per input byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// The runs in order: (first byte of `text`, original offset of its char).
    runs: Vec<(u32, u32)>,
    /// One bit per run: set for flat runs.
    flat: Vec<u64>,
    /// For each block of [`BLOCK`] bytes of `text`, the index of the run holding its first byte:
    /// a lookup searches only the runs between two entries.
    blocks: Vec<u32>,
    /// The original byte offset just past the char each byte of `text` came from (with any
    /// diacritics dropped after it), where that is not the original start of the next char that
    /// produced any bytes (or the original's length at the end): (byte of `text`, offset), in
    /// order. Kept sparse: it differs only around dropped invisible characters.
    ends: Vec<(u32, u32)>,
    /// The original's length.
    original_len: u32,
}

/// Bytes of normalised text per entry of [`Normalized::blocks`].
const BLOCK: usize = 128;

/// Builds the runs of a [`Normalized`], one group (the bytes of one original char) at a time.
struct Runs {
    runs: Vec<(u32, u32)>,
    flat: Vec<u64>,
    /// The (normalised, original) offsets at which the next group continues the last run;
    /// [`NO_RUN`] after a flat run or a group shorter than its char.
    next: (u32, u32),
}

const NO_RUN: (u32, u32) = (u32::MAX, u32::MAX);

impl Runs {
    /// Starts a run at normalised offset `norm`, original offset `orig`.
    fn open(&mut self, norm: u32, orig: u32, flat: bool) {
        let k = self.runs.len();
        self.runs.push((norm, orig));
        if k % 64 == 0 {
            self.flat.push(0);
        }
        if flat {
            self.flat[k / 64] |= 1 << (k % 64);
        }
    }

    /// Adds a group of `len` bytes copied from the original char at `orig` as they are.
    #[inline]
    fn copied(&mut self, norm: u32, orig: u32, len: u32) {
        if self.next != (norm, orig) {
            self.open(norm, orig, false);
        }
        self.next = (norm + len, orig + len);
    }

    /// Adds a group: normalised bytes `norm` from the original char at `orig..orig_end`,
    /// `single` when the group is one char.
    fn group(&mut self, norm: Range<u32>, orig: u32, orig_end: u32, single: bool) {
        let (len, orig_len) = (norm.end - norm.start, orig_end - orig);
        let linear = single && len <= orig_len;
        if !(linear && self.next == (norm.start, orig)) {
            self.open(norm.start, orig, !linear);
        }
        self.next = if linear && len == orig_len { (norm.end, orig_end) } else { NO_RUN };
    }
}

impl Normalized {
    /// Normalises `original`. Inputs are limited to 4 GiB (offsets are stored as `u32`); the
    /// parser's own limit is far below that.
    pub fn new(original: &str) -> Normalized {
        super::tick(original.len());
        let mut text = String::with_capacity(original.len());
        let mut runs = Runs { runs: Vec::new(), flat: Vec::new(), next: NO_RUN };
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
        let bytes = original.as_bytes();
        let mut offset = 0;
        while offset < bytes.len() {
            // fast path: a run of chars copied as they are (most of news text), in one go; only
            // its first char can start a run of the map or settle the char before it
            let run = unchanged_run(bytes, offset);
            if run > offset {
                let last_char = if bytes[run - 1] < 0x80 { run - 1 } else { run - 2 };
                prev = original[last_char..run].chars().next().unwrap_or(' ');
                settle(&mut ends, &last, last_end, offset as u32);
                let at = text.len();
                text.push_str(&original[offset..run]);
                last = at + (last_char - offset)..text.len();
                last_end = run as u32;
                runs.copied(at as u32, offset as u32, (run - offset) as u32);
                offset = run;
                continue;
            }
            let c = original[offset..].chars().next().unwrap_or(' ');
            let start = offset as u32;
            let end = (offset + c.len_utf8()) as u32;
            offset += c.len_utf8();
            let before = std::mem::replace(&mut prev, c);
            let group_start = text.len();
            let mut chars = 0;
            let mut push = |d: char| {
                if let Some(f) = fold(d) {
                    let s = f.encode_utf8(&mut buf);
                    if chars == 0 {
                        settle(&mut ends, &last, last_end, start);
                        last = text.len()..text.len();
                        last_end = end;
                    }
                    chars += 1;
                    text.push_str(s);
                    last.end = text.len();
                } else if is_arabic_diacritic(d) {
                    // A dropped mark belongs to the letter before it: ranges ending on that
                    // letter take the mark along.
                    last_end = end;
                }
            };
            expand(c, before, &mut push);
            if chars > 0 {
                runs.group(group_start as u32..text.len() as u32, start, end, chars == 1);
            }
        }
        settle(&mut ends, &last, last_end, original.len() as u32);
        let Runs { mut runs, flat, .. } = runs;
        runs.shrink_to_fit();
        // the run holding the first byte of each block
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut k = 0;
        for b in (0..text.len()).step_by(BLOCK) {
            while k + 1 < runs.len() && runs[k + 1].0 as usize <= b {
                k += 1;
            }
            blocks.push(k as u32);
        }
        Normalized { text, runs, flat, blocks, ends, original_len: original.len() as u32 }
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
        let len = self.text.len();
        if range.start >= len {
            let end = self.original_len as usize;
            return end..end;
        }
        let k = self.run_of(range.start);
        let run_end = self.run_end(k);
        if range.start < range.end
            && range.end <= run_end
            && self.ends.is_empty()
            && !self.is_flat(k)
            && self.text.is_char_boundary(range.start)
            && self.text.is_char_boundary(range.end)
        {
            // the common case: whole chars inside one run
            let (norm, orig) = (self.runs[k].0 as usize, self.runs[k].1 as usize);
            let end = if range.end < run_end {
                orig + (range.end - norm)
            } else {
                self.runs.get(k + 1).map_or(self.original_len as usize, |r| r.1 as usize)
            };
            return orig + (range.start - norm)..end;
        }
        let start = self.start_of(range.start, k);
        if range.end == 0 {
            return start..start;
        }
        // The last normalised byte's char, plus any characters dropped after it are left out.
        let last = range.end.min(len) - 1;
        let end = if last >= range.start && last < run_end { self.end_in(last, k) } else { self.end_of(last) };
        start..end.max(start)
    }

    /// Index of the run holding byte `i` of the normalised text (`i` < its length).
    #[inline]
    fn run_of(&self, i: usize) -> usize {
        let mut k = self.blocks[i / BLOCK] as usize;
        // a block holds the starts of a few runs at most in news text; search when it holds many
        for _ in 0..4 {
            match self.runs.get(k + 1) {
                Some(r) if r.0 as usize <= i => k += 1,
                _ => return k,
            }
        }
        k + self.runs[k + 1..].partition_point(|r| r.0 as usize <= i)
    }

    #[inline]
    fn is_flat(&self, k: usize) -> bool {
        self.flat[k / 64] >> (k % 64) & 1 == 1
    }

    /// Where run `k` ends in the normalised text.
    #[inline]
    fn run_end(&self, k: usize) -> usize {
        self.runs.get(k + 1).map_or(self.text.len(), |r| r.0 as usize)
    }

    /// The original offset of the char byte `i` of the normalised text came from, `i` in run `k`.
    #[inline]
    fn start_of(&self, i: usize, k: usize) -> usize {
        let (norm, orig) = self.runs[k];
        if self.is_flat(k) {
            return orig as usize;
        }
        let mut c = i;
        while !self.text.is_char_boundary(c) {
            c -= 1;
        }
        orig as usize + (c - norm as usize)
    }

    /// The original offset just past the char byte `i` of the normalised text came from.
    fn end_of(&self, i: usize) -> usize {
        self.end_in(i, self.run_of(i))
    }

    /// [`Self::end_of`] for byte `i` in run `k`.
    #[inline]
    fn end_in(&self, i: usize, k: usize) -> usize {
        if !self.ends.is_empty()
            && let Ok(e) = self.ends.binary_search_by_key(&(i as u32), |e| e.0)
        {
            return self.ends[e].1 as usize;
        }
        // where the next producing char starts (the original's length at the end)
        let run_end = self.run_end(k);
        let mut j = i + 1;
        if self.is_flat(k) {
            j = run_end;
        } else {
            while j < run_end && !self.text.is_char_boundary(j) {
                j += 1;
            }
        }
        if j < run_end {
            self.runs[k].1 as usize + (j - self.runs[k].0 as usize)
        } else {
            self.runs.get(k + 1).map_or(self.original_len as usize, |r| r.1 as usize)
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
        // the last run starting at or before the offset
        let k = self.runs.partition_point(|r| r.1 as usize <= original_offset);
        if k == 0 {
            return 0;
        }
        let k = k - 1;
        let (norm, orig) = (self.runs[k].0 as usize, self.runs[k].1 as usize);
        let run_end = self.run_end(k);
        if self.is_flat(k) {
            return if original_offset == orig { norm } else { run_end };
        }
        let mut p = norm + (original_offset - orig);
        while p < run_end && !self.text.is_char_boundary(p) {
            p += 1;
        }
        p.min(run_end)
    }

    /// Heap bytes held by the offset map (the runs, their index and the sparse ends), for
    /// memory accounting.
    #[doc(hidden)]
    pub fn map_bytes(&self) -> usize {
        self.runs.capacity() * 8 + self.flat.capacity() * 8 + self.blocks.capacity() * 4 + self.ends.capacity() * 8
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
    let mut rest = s;
    loop {
        // copy the run of chars that normalise to themselves in one go
        let run = unchanged_run(rest.as_bytes(), 0);
        out.push_str(&rest[..run]);
        if let Some(last) = rest[..run].chars().next_back() {
            prev = last;
        }
        let Some(c) = rest[run..].chars().next() else { break };
        rest = &rest[run + c.len_utf8()..];
        let before = std::mem::replace(&mut prev, c);
        expand(c, before, |d| out.extend(fold(d)));
    }
    out
}

/// Calls `f` with the chars `c` stands for before folding: a tatweel that follows no letter
/// is read as a dash, and a char with a compatibility decomposition is NFKC-decomposed. `before`
/// is the original char before `c` (a space at the start). The one definition of a char's
/// expansion, shared by [`normalize`] and [`Normalized::new`].
#[inline]
fn expand(c: char, before: char, mut f: impl FnMut(char)) {
    let c = if c == TATWEEL && !is_word_char(before) { '-' } else { c };
    if needs_nfkc(c) {
        std::iter::once(c).nfkc().for_each(f);
    } else {
        f(c);
    }
}

const TATWEEL: char = '\u{0640}';

/// Letters, digits and marks: a tatweel after one of these stretches a word; elsewhere (after a
/// space or punctuation) it stands for a dash, as in the dateline "دمشق ـ".
fn is_word_char(c: char) -> bool {
    super::is_alphanumeric(c) || is_arabic_diacritic(c)
}

#[cfg(test)]
/// True for chars that normalise to themselves whatever precedes them: ASCII (tatweel is not
/// ASCII) and the Arabic letters that do not fold (all of U+0621–U+064A but آ أ إ ى and tatweel).
#[inline]
fn unchanged(c: char) -> bool {
    c.is_ascii() || (matches!(c, '\u{0621}'..='\u{064A}') && !matches!(c, 'آ' | 'أ' | 'إ' | 'ى' | '\u{0640}'))
}

/// Second bytes of the two-byte chars after lead byte 0xD8 (index 0) or 0xD9 (index 1) that
/// [`unchanged`] holds for: U+0621–U+063F and U+0641–U+064A but آ أ إ ى.
static UNCHANGED_D8_D9: [[bool; 64]; 2] = {
    let mut t = [[false; 64]; 2];
    let mut i = 0;
    while i < 64 {
        let c = 0x600 + i as u32;
        t[0][i] = c >= 0x621 && c != 0x622 && c != 0x623 && c != 0x625;
        let c = 0x640 + i as u32;
        t[1][i] = c >= 0x641 && c <= 0x64A && c != 0x649;
        i += 1;
    }
    t
};

/// The end of the run of chars [`unchanged`] holds for that starts at byte `i` of `b` (a char
/// boundary of UTF-8 text), read from the bytes: ASCII and the unfolded Arabic letters.
#[inline(always)]
fn unchanged_run(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
        } else if (x == 0xD8 || x == 0xD9) && UNCHANGED_D8_D9[(x - 0xD8) as usize][(b[i + 1] & 0x3F) as usize] {
            i += 2;
        } else {
            break;
        }
    }
    i
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
    fn normalize_copies_runs_as_the_char_by_char_definition() {
        fn reference(s: &str) -> String {
            let mut out = String::new();
            let mut prev = ' ';
            for c in s.chars() {
                let before = std::mem::replace(&mut prev, c);
                expand(c, before, |d| out.extend(fold(d)));
            }
            out
        }
        let pieces = ["قال", " ", "ـ", "أ", "ى", "\u{064E}", "ﻻ", "«", "٢", "a", "-", "\u{200F}", "ﷺ", "é", "\u{00A0}"];
        for s in crate::text::sample_texts(&pieces, 7, 5000, |x| (x >> 60) as usize) {
            assert_eq!(normalize(&s), reference(&s), "{s:?}");
            assert_eq!(normalize(&s), Normalized::new(&s).as_str(), "{s:?}");
        }
    }

    #[test]
    fn byte_runs_agree_with_unchanged() {
        for c in (0..0x800).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(unchanged_run(s.as_bytes(), 0) == s.len(), unchanged(c), "{c:?}");
        }
        let s = "abc قال أ";
        assert_eq!(unchanged_run(s.as_bytes(), 0), s.find('أ').unwrap());
    }

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

    /// The dense map the sparse runs replaced: for each normalised byte, the original offset of
    /// the char it came from, and the original's length at the end.
    fn dense_map(original: &str) -> Vec<u32> {
        let mut map = Vec::new();
        let mut prev = ' ';
        for (offset, c) in original.char_indices() {
            let before = std::mem::replace(&mut prev, c);
            let c = if c == TATWEEL && !is_word_char(before) { '-' } else { c };
            for d in std::iter::once(c).nfkc() {
                if let Some(f) = fold(d) {
                    map.extend(std::iter::repeat_n(offset as u32, f.len_utf8()));
                }
            }
        }
        map.push(original.len() as u32);
        map
    }

    /// `to_original` and `to_normalized` as the dense map computed them.
    fn check_against_dense(original: &str) {
        let n = Normalized::new(original);
        let map = dense_map(original);
        let ends = dense_ends(original);
        let len = n.as_str().len();
        assert_eq!(map.len(), len + 1, "{original:?}");
        for a in 0..=len + 1 {
            for b in a..=len + 1 {
                let start = map[a.min(len)] as usize;
                let end = if b == 0 || len == 0 { start } else { ends[b.min(len) - 1] as usize };
                assert_eq!(n.to_original(a..b), start..end.max(start), "{original:?} {a}..{b}");
            }
        }
        for o in 0..=original.len() + 1 {
            let want = map.partition_point(|&m| (m as usize) < o).min(len);
            assert_eq!(n.to_normalized(o), want, "{original:?} offset {o}");
        }
    }

    #[test]
    fn sparse_runs_equal_the_dense_map() {
        let fixed = [
            "قالَ «الأمينُ العامّ» ٢٠١٥",
            "ﻻ «بأس» ٣ ﷺ x\u{0651}y دمشق ـ قال",
            "a\u{200B}b\u{064E}\u{200F}\u{064F}c\u{00AD}",
            "\u{064E}\u{200B}بِّ\u{200F}",
            "x\u{200B}",
            "\u{200B}",
            "مـــجلس ـ ",
            "ﺇﻥ ﻣﺠﻠﺲ ﺍﻷﻣﻦ ٢٢٥٤ ۱۹۴۸ “said” ＂x＂ Ω µ ﬁ ½",
            "",
            "plain ascii text",
        ];
        for t in fixed {
            check_against_dense(t);
        }
        // pseudo-random strings over chars that keep, fold, shrink, grow, expand or vanish
        let palette: Vec<char> =
            "ab ب أ ى ٢ ۱ « » “ ＂ ـ \u{064E}\u{0651}\u{200B}\u{00A0}ﻻ ﷺ ﺍ ﬁ Ω ½ é e\u{0301}\n".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as usize
        };
        for _ in 0..500 {
            let len = next() % 24;
            let t: String = (0..len).map(|_| palette[next() % palette.len()]).collect();
            check_against_dense(&t);
        }
    }

    #[test]
    fn news_text_needs_few_runs() {
        let t = "قال الأمين العام للأمم المتحدة إن مجلس الأمن سيجتمع غدا لبحث القرار 2254. ".repeat(20);
        let n = Normalized::new(&t);
        assert!(n.runs.len() <= 20 * 4, "{} runs", n.runs.len());
        assert!(n.map_bytes() * 10 < t.len(), "{} bytes of map for {} bytes", n.map_bytes(), t.len());
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
