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
#[derive(Debug, Default)]
pub(crate) struct Heads {
    /// Word → table bits (low 16 bits) and, in the high 16 bits, the bits of tables with a
    /// phrase whose first word is this word with "ا" or "ال" in front: what a "لل" contraction
    /// leaves of it ("للامم" is "ل" + "الامم", "للجنة" is "ل" + "اللجنة").
    map: FxHashMap<String, u32>,
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
            *self.map.entry(rest.to_string()).or_default() |= bit << 16;
        }
        *self.map.entry(word).or_default() |= bit;
    }

    /// Both groups' words in one table.
    pub(crate) fn merge(&self, other: &Heads) -> Heads {
        let mut map = self.map.clone();
        for (w, &b) in &other.map {
            *map.entry(w.clone()).or_default() |= b;
        }
        Heads { map }
    }

    fn get(&self, w: &str) -> u32 {
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

    /// [`Self::bits`] of every token in `range` of `a`, in order.
    pub(crate) fn scan(&self, a: &Analysis<'_>, range: Range<usize>) -> Vec<u16> {
        crate::text::tick(range.len());
        let lowered = a.lowered();
        a.tokens()[range].iter().map(|t| self.bits(&lowered[t.norm.clone()])).collect()
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
        for (i, &b) in bits.iter().enumerate() {
            if lex.longest_at(&a, i).is_some() {
                assert_eq!(b, 1, "token {i}");
            }
        }
        assert_eq!(bits.iter().filter(|&&b| b != 0).count(), 6, "{bits:?}");
        assert_eq!(bits[0], 0);
    }
}
