//! Sets of token indices kept as bitmaps with counts, for the per-token facts the finder asks
//! about (is a word, is not punctuation, starts a cue hit, starts a sentence): a bit per token
//! and a 32-bit count every 64 tokens, an eighth of a byte per token instead of four.

/// A set of indices below `n`, with the number of members before any index in constant time.
#[derive(Debug, Default)]
pub(super) struct Bits {
    /// Bit `i % 64` of word `i / 64` is set for a member `i`; one word more than `n` needs, so
    /// that [`Bits::rank`] also answers for `n`.
    words: Vec<u64>,
    /// Per word, the members in the words before it.
    before: Vec<u32>,
}

impl Bits {
    /// The set of the indices below `n` that `members` yields (in any order).
    pub(super) fn new(n: usize, members: impl IntoIterator<Item = usize>) -> Bits {
        let mut words = vec![0u64; n / 64 + 1];
        for i in members {
            words[i / 64] |= 1 << (i % 64);
        }
        Bits::from_words(words)
    }

    /// The sets of the indices below `n` for which `has` gives true in the first place and in
    /// the second, built in one pass.
    pub(super) fn pair(n: usize, has: impl Fn(usize) -> (bool, bool)) -> (Bits, Bits) {
        crate::text::tick(n);
        let (mut a, mut b) = (Vec::with_capacity(n / 64 + 1), Vec::with_capacity(n / 64 + 1));
        for block in 0..=n / 64 {
            let from = block * 64;
            let (mut x, mut y) = (0u64, 0u64);
            for j in 0..(n - from).min(64) {
                let (p, q) = has(from + j);
                x |= u64::from(p) << j;
                y |= u64::from(q) << j;
            }
            a.push(x);
            b.push(y);
        }
        (Bits::from_words(a), Bits::from_words(b))
    }

    /// The set with the given bit words (one more than the indices need).
    fn from_words(words: Vec<u64>) -> Bits {
        let mut before = Vec::with_capacity(words.len());
        let mut m = 0u32;
        crate::text::tick(words.len());
        for w in &words {
            before.push(m);
            m += w.count_ones();
        }
        Bits { words, before }
    }

    /// True when `i` is a member.
    #[inline]
    pub(super) fn has(&self, i: usize) -> bool {
        self.words.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// The number of members below `i` (`i` at most the `n` the set was built for).
    #[inline]
    pub(super) fn rank(&self, i: usize) -> u32 {
        let (b, o) = (i / 64, i % 64);
        self.before[b] + (self.words[b] & ((1u64 << o) - 1)).count_ones()
    }

    /// Heap bytes held.
    #[cfg(test)]
    pub(super) fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8 + self.before.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_and_members_agree_with_a_plain_count() {
        for n in [0usize, 1, 63, 64, 65, 200] {
            let has = |i: usize| i % 3 == 0 || i % 64 == 63;
            let (b, c) = Bits::pair(n, |i| (has(i), !has(i)));
            let d = Bits::new(n, (0..n).filter(|&i| has(i)));
            let mut count = 0;
            for i in 0..=n {
                assert_eq!(b.rank(i), count, "n {n} i {i}");
                assert_eq!(d.rank(i), count);
                assert_eq!(c.rank(i), i as u32 - count);
                if i < n {
                    assert_eq!(b.has(i), has(i));
                    count += u32::from(has(i));
                }
            }
            assert!(!b.has(n + 64));
            assert!(b.heap_bytes() <= (n / 64 + 1) * 12);
        }
    }
}
