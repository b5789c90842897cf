//! A cheap pre-check before lexicon lookups: the first words of a group of phrase tables.
//!
//! Most tokens of an article start no date, amount or resolution phrase, yet asking each table
//! with [`Lexicon::longest_at`](crate::text::Lexicon::longest_at) costs a lookup per clitic
//! reading per table. [`Heads`] keeps, for every word a phrase of the group starts with, a bit per
//! table; one pass over the tokens gives each token the bits of the tables that may match there
//! (a superset: the table itself still decides), and the finders skip a table whose bit is clear.
//! Results are the same as asking every table everywhere.

use crate::text::{Analysis, normalize};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// First words of phrase tables, with a bit per table. Keys are normalised and ASCII-lowercased,
/// so a case-sensitive table is checked case-insensitively (a superset, which is all a
/// pre-check needs).
#[derive(Debug)]
pub(crate) struct Heads {
    /// Word → table bits (low 16 bits) and, in the high 16 bits, the bits of tables with a
    /// phrase whose first word is this word with "ا" or "ال" in front: what a "لل" contraction
    /// leaves of it ("للامم" is "ل" + "الامم", "للجنة" is "ل" + "اللجنة").
    map: FxHashMap<String, u32>,
    /// One bit per [`signature`] of the keys: most words are rejected here, before hashing.
    filter: Vec<u64>,
}

impl Default for Heads {
    fn default() -> Self {
        Heads { map: FxHashMap::default(), filter: vec![0; FILTER_BITS / 64] }
    }
}

const FILTER_BITS: usize = 1 << 16;

/// A cheap 16-bit digest of a word: its first and last eight bytes (up to four Arabic letters
/// each) and its length.
fn signature(w: &[u8]) -> usize {
    let n = w.len();
    let (a, b) = if n >= 8 {
        let head: [u8; 8] = w[..8].try_into().expect("eight bytes");
        let tail: [u8; 8] = w[n - 8..].try_into().expect("eight bytes");
        (u64::from_le_bytes(head), u64::from_le_bytes(tail))
    } else {
        let mut buf = [0u8; 8];
        buf[..n].copy_from_slice(w);
        (u64::from_le_bytes(buf), 0)
    };
    let h = (a ^ b.rotate_left(29) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 48) as usize
}

/// The Arabic proclitic letters a lexicon reading may set aside (see
/// [`clitic_splits`](crate::text::clitic_splits)).
const CLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

impl Heads {
    /// Records that table `bit` has a phrase starting like `phrase` (any spelling: normalised and
    /// tokenised like [`Lexicon::insert`](crate::text::Lexicon::insert) does).
    pub(crate) fn add(&mut self, phrase: &str, bit: u16) {
        let norm = normalize(phrase);
        let a = Analysis::new(&norm);
        if let Some(tok) = a.tokens().first() {
            let word = a.lowered()[tok.norm.clone()].to_string();
            self.add_word(&word, bit);
        }
    }

    /// Records that table `bit` may match the single normalised word `word`.
    pub(crate) fn add_word(&mut self, word: &str, bit: u16) {
        let word = word.to_ascii_lowercase();
        let bit = u32::from(bit);
        for rest in [word.strip_prefix("ال"), word.strip_prefix('ا')].into_iter().flatten() {
            self.put(rest.to_string(), bit << 16);
        }
        self.put(word, bit);
    }

    fn put(&mut self, key: String, bits: u32) {
        let sig = signature(key.as_bytes());
        self.filter[sig / 64] |= 1 << (sig % 64);
        *self.map.entry(key).or_default() |= bits;
    }

    /// Both groups' words in one table.
    pub(crate) fn merge(&self, other: &Heads) -> Heads {
        let mut out = Heads { map: self.map.clone(), filter: self.filter.clone() };
        for (w, &b) in &other.map {
            out.put(w.clone(), b);
        }
        out
    }

    fn get(&self, w: &str) -> u32 {
        let sig = signature(w.as_bytes());
        if self.filter[sig / 64] & (1 << (sig % 64)) == 0 {
            return 0;
        }
        self.map.get(w).copied().unwrap_or(0)
    }

    /// The bits of the tables that may have a phrase starting at a token with the normalised,
    /// ASCII-lowercased text `word`, read as a whole or with one or two proclitics set aside.
    pub(crate) fn bits(&self, word: &str) -> u16 {
        let mut bits = self.get(word);
        let mut bits_low = bits & 0xffff;
        let mut rest = word;
        for _ in 0..2 {
            let Some(r) = rest.strip_prefix(CLITICS) else { break };
            rest = r;
            bits = self.get(rest);
            bits_low |= (bits & 0xffff) | (bits >> 16);
        }
        bits_low as u16
    }

    /// [`Self::bits`] of every token in `range` of `a`.
    pub(crate) fn scan(&self, a: &Analysis<'_>, range: Range<usize>) -> TokenBits {
        crate::text::tick(range.len());
        let lowered = a.lowered();
        let bits = a.tokens()[range.clone()].iter().map(|t| self.bits(&lowered[t.norm.clone()])).collect();
        TokenBits { bits, base: range.start }
    }
}

/// Which tables may have a phrase starting at each token of a range (see [`Heads::scan`]).
#[derive(Debug, Default)]
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
