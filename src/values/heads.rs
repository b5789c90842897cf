//! A cheap pre-check before lexicon lookups: the first words of a group of phrase tables.
//!
//! Most tokens of an article start no date, amount or resolution phrase, yet asking each table
//! with [`Lexicon::longest_at`](crate::text::Lexicon::longest_at) costs a lookup per clitic
//! reading per table. [`Heads`] keeps, for every word a phrase of the group starts with, a bit per
//! table; one pass over the tokens gives each token the bits of the tables that may match there
//! (a superset: the table itself still decides), and the finders skip a table whose bit is clear.
//! Results are the same as asking every table everywhere.

use crate::text::Analysis;
use std::ops::Range;

/// First words of phrase tables, with a bit per table. Keys are normalised and ASCII-lowercased,
/// so a case-sensitive table is checked case-insensitively (a superset, which is all a
/// pre-check needs).
///
/// A small hash table of its own: a slot per [`signature`] value, chained, so that a word that
/// is no key (nearly every word) costs a digest and one empty slot.
#[derive(Debug)]
pub(crate) struct Heads {
    /// Signature → index of the first entry with it, plus one (0: none).
    slots: Vec<u16>,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    word: Box<[u8]>,
    /// The word's [`digest`]: for words of at most 16 bytes, equal digests mean equal words.
    digest: Digest,
    /// Table bits (low 16 bits) and, in the high 16 bits, the bits of tables with a phrase whose
    /// first word is this word with "ا" or "ال" in front: what a "لل" contraction leaves of it
    /// ("للامم" is "ل" + "الامم", "للجنة" is "ل" + "اللجنة").
    bits: u32,
    /// The next entry with the same signature, plus one (0: none).
    next: u16,
}

const SLOT_BITS: u32 = 14;

impl Default for Heads {
    fn default() -> Self {
        Heads { slots: vec![0; 1 << SLOT_BITS], entries: Vec::new() }
    }
}

/// A word's length and up to sixteen of its bytes (the first and last eight, or overlapping
/// loads of a shorter word), read without a copy: it determines a word of at most 16 bytes.
type Digest = (u64, u64, usize);

#[inline(always)]
fn digest(w: &[u8]) -> Digest {
    let n = w.len();
    let word = |at: usize| u64::from_le_bytes(w[at..at + 8].try_into().expect("eight bytes"));
    let half = |at: usize| u64::from(u32::from_le_bytes(w[at..at + 4].try_into().expect("four bytes")));
    let (a, b) = match n {
        8.. => (word(0), word(n - 8)),
        4..8 => (half(0) | half(n - 4) << 32, 0),
        1..4 => (u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16, 0),
        0 => (0, 0),
    };
    (a, b, n)
}

/// The slot of a digest.
#[inline(always)]
fn slot((a, b, n): Digest) -> usize {
    let h = (a ^ b.rotate_left(29) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - SLOT_BITS)) as usize
}

/// The words of a phrase as a lexicon compares them: normalised, tokenised like
/// [`Lexicon::insert`](crate::text::Lexicon::insert) does, ASCII-lowercased.
pub(crate) fn words(phrase: &str) -> Vec<String> {
    // the analysis normalises the phrase as `normalize` does
    let a = Analysis::new(phrase);
    a.tokens().iter().map(|t| a.lowered()[t.norm()].to_string()).collect()
}

/// The Arabic proclitic letters a lexicon reading may set aside (see
/// [`clitic_splits`](crate::text::clitic_splits)): the length of the one `w` starts with, or 0.
fn clitic_len(w: &[u8]) -> usize {
    // و U+0648, ف U+0641, ب U+0628, ل U+0644, ك U+0643
    match w {
        [0xD9, 0x88 | 0x81 | 0x84 | 0x83, ..] | [0xD8, 0xA8, ..] => 2,
        _ => 0,
    }
}

impl Heads {
    /// Records that table `bit` has a phrase starting like `phrase` (any spelling: normalised and
    /// tokenised like [`Lexicon::insert`](crate::text::Lexicon::insert) does).
    pub(crate) fn add(&mut self, phrase: &str, bit: u16) {
        if let Some(first) = words(phrase).first() {
            self.add_word(first, bit);
        }
    }

    /// Records that table `bit` may match the single normalised word `word`.
    pub(crate) fn add_word(&mut self, word: &str, bit: u16) {
        let word = word.to_ascii_lowercase();
        let bit = u32::from(bit);
        for rest in [word.strip_prefix("ال"), word.strip_prefix('ا')].into_iter().flatten() {
            self.put(rest, bit << 16);
        }
        self.put(&word, bit);
    }

    fn put(&mut self, word: &str, bits: u32) {
        let word = word.as_bytes();
        if let Some(e) = self.find(word) {
            self.entries[e].bits |= bits;
            return;
        }
        let d = digest(word);
        let next = self.slots[slot(d)];
        self.entries.push(Entry { word: word.into(), digest: d, bits, next });
        self.slots[slot(d)] = u16::try_from(self.entries.len()).expect("fewer than 65535 head words");
    }

    #[inline(always)]
    fn find(&self, w: &[u8]) -> Option<usize> {
        let d = digest(w);
        let mut at = self.slots[slot(d)];
        while at != 0 {
            let e = &self.entries[usize::from(at) - 1];
            if e.digest == d && (w.len() <= 16 || *e.word == *w) {
                return Some(usize::from(at) - 1);
            }
            at = e.next;
        }
        None
    }

    /// Both groups' words in one table.
    pub(crate) fn merge(&self, other: &Heads) -> Heads {
        let mut out = Heads { slots: self.slots.clone(), entries: self.entries.clone() };
        for e in &other.entries {
            out.put(std::str::from_utf8(&e.word).expect("UTF-8"), e.bits);
        }
        out
    }

    #[inline]
    fn get(&self, w: &[u8]) -> u32 {
        self.find(w).map_or(0, |e| self.entries[e].bits)
    }

    /// The bits of the tables that may have a phrase starting at a token with the normalised,
    /// ASCII-lowercased text `word`, read as a whole or with one or two proclitics set aside.
    #[inline]
    pub(crate) fn bits(&self, word: &[u8]) -> u16 {
        let mut bits = self.get(word);
        let mut bits_low = bits & 0xffff;
        let mut rest = word;
        for _ in 0..2 {
            let n = clitic_len(rest);
            if n == 0 {
                break;
            }
            rest = &rest[n..];
            bits = self.get(rest);
            bits_low |= (bits & 0xffff) | (bits >> 16);
        }
        bits_low as u16
    }

    /// [`Self::bits`] of every token in `range` of `a`.
    #[inline(never)]
    pub(crate) fn scan(&self, a: &Analysis<'_>, range: Range<usize>) -> TokenBits {
        crate::text::tick(range.len());
        let lowered = a.lowered();
        let lowered = lowered.as_bytes();
        let bits = a.tokens()[range.clone()].iter().map(|t| self.bits(&lowered[t.norm()])).collect();
        TokenBits { bits, base: range.start }
    }
}

/// Which tables may have a phrase starting at each token of a range (see [`Heads::scan`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct TokenBits {
    bits: Vec<u16>,
    base: usize,
}

impl TokenBits {
    /// False when no phrase of the tables `tables` (a union of bits) can start at token `i`;
    /// true for tokens outside the scanned range.
    pub(crate) fn may(&self, i: usize, tables: u16) -> bool {
        i.checked_sub(self.base).and_then(|k| self.bits.get(k)).is_none_or(|&b| b & tables != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lexicon;

    #[test]
    fn words_are_read_as_a_lexicon_reads_them() {
        assert_eq!(words("أكثر من"), ["اكثر", "من"]);
        assert_eq!(words("U.N."), ["u", ".", "n", "."]);
        assert_eq!(words("ﻣﺠﻠﺲ الأمنِ"), ["مجلس", "الامن"]);
        assert!(words("").is_empty());
    }

    #[test]
    fn heads_cover_every_reading_a_lexicon_matches() {
        let phrases = ["الأمم المتحدة", "اللجنة الدولية", "مجلس الأمن", "Security Council", "US$", "ألف"];
        let mut lex = Lexicon::new(true);
        let mut heads = Heads::default();
        for p in phrases {
            lex.insert(p, ());
            heads.add(p, 1);
        }
        let text = "وقال للأمم المتحدة وللجنة الدولية ولمجلس الأمن ثم SECURITY COUNCIL وبألف وus$ 5 وقال";
        let a = Analysis::new(text);
        let bits = heads.scan(&a, 0..a.tokens().len());
        for i in 0..a.tokens().len() {
            if lex.longest_at(&a, i).is_some() {
                assert!(bits.may(i, 1), "token {i}");
            }
        }
        assert_eq!(bits.bits.iter().filter(|&&b| b != 0).count(), 6, "{:?}", bits.bits);
        assert!(!bits.may(0, 1));
        // outside the scanned range every table may match
        assert!(heads.scan(&a, 1..3).may(0, 1));
    }
}
