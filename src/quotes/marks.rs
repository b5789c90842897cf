//! Quotation marks: pairs every mark in use (« », “ ”, „ “, ‹ ›, " ", '' '', ‘ ’ and straight
//! single quotes) into quoted regions, nested or not, across sentences and across paragraphs when
//! the next paragraph reopens the quote. An unbalanced mark opens nothing, so the rest of the
//! article is never swallowed.

use std::ops::Range;

/// One quotation: the marks included in `outer`, the words in `inner` (byte offsets kept in 32
/// bits: a flood of quotation marks makes millions of these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Region {
    outer: [u32; 2],
    inner: [u32; 2],
    /// 0 for a top-level quotation, 1 inside another, and so on.
    pub(super) depth: u32,
}

impl Region {
    fn new(outer: Range<usize>, inner: Range<usize>, depth: usize) -> Region {
        let w = |x: usize| u32::try_from(x).expect("texts are shorter than 4 GiB");
        Region { outer: [w(outer.start), w(outer.end)], inner: [w(inner.start), w(inner.end)], depth: w(depth) }
    }

    /// The quotation with its marks, in bytes.
    #[inline]
    pub(super) fn outer(&self) -> Range<usize> {
        self.outer[0] as usize..self.outer[1] as usize
    }

    /// The quoted words, in bytes.
    #[inline]
    pub(super) fn inner(&self) -> Range<usize> {
        self.inner[0] as usize..self.inner[1] as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Close {
    Guillemet,       // »
    SingleGuillemet, // ›
    Curly,           // ”
    LowCurly,        // “ or ” after „
    Straight,        // "
    DoubleApos,      // ''
    SingleCurly,     // ’
    SingleStraight,  // '
}

struct Open {
    close: Close,
    at: usize,
    len: usize,
    /// The mark as written, to recognise a quote reopened at the start of the next paragraph.
    mark: &'static str,
}

/// The open quotations, with a count of the open guillemets so a `»` need not search the stack.
#[derive(Default)]
struct Stack {
    open: Vec<Open>,
    guillemets: usize,
}

impl Stack {
    fn push(&mut self, o: Open) {
        self.guillemets += usize::from(o.close == Close::Guillemet);
        self.open.push(o);
    }

    fn pop(&mut self) -> Option<Open> {
        let o = self.open.pop()?;
        self.guillemets -= usize::from(o.close == Close::Guillemet);
        Some(o)
    }

    fn last(&self) -> Option<&Open> {
        self.open.last()
    }

    fn len(&self) -> usize {
        self.open.len()
    }

    fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    fn clear(&mut self) {
        self.open.clear();
        self.guillemets = 0;
    }

    fn retain(&mut self, keep: impl Fn(&Open) -> bool) {
        self.open.retain(keep);
        self.recount();
    }

    fn truncate(&mut self, n: usize) {
        self.open.truncate(n);
        self.recount();
    }

    fn recount(&mut self) {
        crate::text::tick(self.open.len());
        self.guillemets = self.open.iter().filter(|o| o.close == Close::Guillemet).count();
    }
}

/// Positions of the bytes that may start a quotation mark (`"`, `'`, C2, E2), read eight bytes
/// at a time; a few other positions may come too (the caller checks each byte).
struct MarkBytes<'a> {
    bytes: &'a [u8],
    /// Start of the block after the one in `found`.
    next: usize,
    /// Bit 8j+7 set for byte j of the block before `next` that may be one.
    found: u64,
}

impl<'a> MarkBytes<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        MarkBytes { bytes, next: 0, found: 0 }
    }
}

impl Iterator for MarkBytes<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // high bits of the zero bytes of v (and perhaps of some bytes above one)
        let zeros = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
        loop {
            if self.found != 0 {
                let bit = self.found.trailing_zeros() as usize;
                self.found &= self.found - 1;
                return Some(self.next - 8 + bit / 8);
            }
            let rest = self.bytes.get(self.next..)?;
            if rest.is_empty() {
                return None;
            }
            if rest.len() < 8 {
                // the last few bytes one by one
                let at = self.next;
                self.next += 1;
                if matches!(rest[0], b'"' | b'\'' | 0xC2 | 0xE2) {
                    return Some(at);
                }
                continue;
            }
            crate::text::tick(1);
            let x = u64::from_le_bytes(rest[..8].try_into().expect("eight bytes"));
            self.found = zeros(x ^ (ONES * 0x22))
                | zeros(x ^ (ONES * 0x27))
                | zeros(x ^ (ONES * 0xC2))
                | zeros(x ^ (ONES * 0xE2));
            self.next += 8;
        }
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(crate::text::is_alphanumeric)
}

/// Quoted regions of `text[range]` (byte offsets of `text`), sorted by start; `paragraphs` are
/// the paragraph ranges of that part of the text.
pub(super) fn regions(text: &str, paragraphs: &[Range<usize>]) -> Vec<Region> {
    let mut out = Vec::new();
    let mut stack = Stack::default();
    for (pi, para) in paragraphs.iter().enumerate() {
        let p = &text[para.clone()];
        crate::text::tick(p.len());
        let mut skip_reopen = false;
        if !stack.is_empty() {
            // A quote still open at the end of the previous paragraph continues only when this
            // paragraph reopens it with the same mark.
            let mark = stack.open[0].mark;
            if p.starts_with(mark) {
                skip_reopen = true;
            } else {
                stack.clear();
            }
        }
        // Every mark is ASCII or starts with the byte C2 or E2: only those bytes are looked at.
        let bytes = p.as_bytes();
        let mut skip_to = 0;
        for i in MarkBytes::new(bytes) {
            if !matches!(bytes[i], b'"' | b'\'' | 0xC2 | 0xE2) || i < skip_to {
                continue;
            }
            let Some(c) = p[i..].chars().next() else { break };
            if skip_reopen {
                skip_reopen = false;
                continue;
            }
            if !matches!(c, '«' | '»' | '‹' | '›' | '„' | '“' | '”' | '"' | '\'' | '‘' | '’') {
                continue;
            }
            let at = para.start + i;
            let prev = p[..i].chars().next_back();
            let next = p[i + c.len_utf8()..].chars().next();
            let top = stack.last().map(|o| o.close);
            let mut close_top = |stack: &mut Stack, len: usize| {
                let o = stack.pop().expect("an open quote");
                out.push(Region::new(o.at..at + len, o.at + o.len..at, stack.len()));
            };
            match c {
                '«' => stack.push(Open { close: Close::Guillemet, at, len: 2, mark: "«" }),
                '‹' => stack.push(Open { close: Close::SingleGuillemet, at, len: 3, mark: "‹" }),
                '„' => stack.push(Open { close: Close::LowCurly, at, len: 3, mark: "„" }),
                '»' if stack.guillemets > 0 => {
                    while stack.last().is_some_and(|o| o.close != Close::Guillemet) {
                        stack.pop();
                    }
                    close_top(&mut stack, 2);
                }
                '›' if top == Some(Close::SingleGuillemet) => close_top(&mut stack, 3),
                '“' if top == Some(Close::LowCurly) => close_top(&mut stack, 3),
                // Reversed marks (”…“), as some right-to-left sites have them.
                '“' if top == Some(Close::Curly)
                    && stack.last().is_some_and(|o| o.mark == "”")
                    && !prev.is_some_and(char::is_whitespace) =>
                {
                    close_top(&mut stack, 3)
                }
                '“' => stack.push(Open { close: Close::Curly, at, len: 3, mark: "“" }),
                '”' if matches!(top, Some(Close::Curly | Close::LowCurly)) => close_top(&mut stack, 3),
                '”' if is_word_char(next) && !is_word_char(prev) => {
                    // Some sites open with ” as well.
                    stack.push(Open { close: Close::Curly, at, len: 3, mark: "”" })
                }
                '"' => {
                    if top == Some(Close::Straight) && !prev.is_some_and(char::is_whitespace) {
                        close_top(&mut stack, 1);
                    } else if next.is_some_and(|n| !n.is_whitespace()) {
                        stack.push(Open { close: Close::Straight, at, len: 1, mark: "\"" });
                    }
                }
                '\'' if next == Some('\'') => {
                    if top == Some(Close::DoubleApos) {
                        close_top(&mut stack, 2);
                    } else {
                        stack.push(Open { close: Close::DoubleApos, at, len: 2, mark: "''" });
                    }
                    skip_to = i + 2;
                }
                '‘' => stack.push(Open { close: Close::SingleCurly, at, len: 3, mark: "‘" }),
                '’' if top == Some(Close::SingleCurly) && !is_word_char(next) => close_top(&mut stack, 3),
                '\'' if top == Some(Close::SingleStraight) && !is_word_char(next) => close_top(&mut stack, 1),
                '\'' if !is_word_char(prev) && is_word_char(next) => {
                    stack.push(Open { close: Close::SingleStraight, at, len: 1, mark: "'" })
                }
                _ => {}
            }
        }
        // Single quotes never run past their paragraph; double ones may continue in the next.
        stack.retain(|o| !matches!(o.close, Close::SingleCurly | Close::SingleStraight | Close::SingleGuillemet));
        if pi + 1 == paragraphs.len() {
            stack.clear();
        }
        stack.truncate(1);
    }
    out.sort_by_key(|r| (r.outer().start, std::cmp::Reverse(r.outer().end)));
    // Recompute depth from containment: a region inside another is nested. Regions come from
    // a stack, so any two are nested or disjoint: in start order, the regions still open at a
    // region's start (a stack of ends) are the ones containing it.
    let mut ends: Vec<usize> = Vec::new();
    for r in &mut out {
        crate::text::tick(1);
        while ends.last().is_some_and(|&e| e < r.outer().end) {
            ends.pop();
        }
        r.depth = ends.len() as u32;
        ends.push(r.outer().end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn quoted(t: &str) -> Vec<(&str, usize)> {
        let d = Doc::new(t, None);
        regions(t, &d.paragraphs).into_iter().map(|r| (&t[r.inner()], r.depth as usize)).collect()
    }

    #[test]
    fn every_mark() {
        assert_eq!(quoted("قال «نعم» و“لا” و\"ربما\""), vec![("نعم", 0), ("لا", 0), ("ربما", 0)]);
        assert_eq!(quoted("Er sagte „ja“ und ‹nein›."), vec![("ja", 0), ("nein", 0)]);
        assert_eq!(quoted("He said ''fine'' and 'yes' to Norway's plan."), vec![("fine", 0), ("yes", 0)]);
        assert_eq!(quoted("She said ‘no’ to Chile’s bid."), vec![("no", 0)]);
        assert_eq!(quoted("وقال ”لن نتراجع“ ثم غادر."), vec![("لن نتراجع", 0)]);
    }

    #[test]
    fn mark_bytes_finds_every_candidate() {
        let t = "«قال» \"x\" 'y' “z” ‘w’ ‹v› „u“ ٍabc\"".repeat(3);
        let b = t.as_bytes();
        for start in 0..b.len() {
            let want: Vec<usize> = (start..b.len()).filter(|&i| matches!(b[i], b'"' | b'\'' | 0xC2 | 0xE2)).collect();
            let got: Vec<usize> = MarkBytes::new(&b[start..])
                .map(|i| i + start)
                .filter(|&i| matches!(b[i], b'"' | b'\'' | 0xC2 | 0xE2))
                .collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn depth_counts_the_regions_around() {
        // Strings of marks, letters and line breaks from a fixed pseudo-random sequence: the
        // depths agree with counting every region that contains another.
        let pieces = ["«", "»", "“", "”", "„", "\"", "'", "''", "‘", "’", "‹", "›", "ا", "x", " ", "\n"];
        let mut seed = 0x2545_f491_u64;
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let d = Doc::new(&t, None);
            let rs = regions(&t, &d.paragraphs);
            for r in &rs {
                let around = rs
                    .iter()
                    .filter(|o| *o != r && o.outer().start <= r.outer().start && r.outer().end <= o.outer().end);
                assert_eq!(r.depth as usize, around.count(), "{t:?}");
            }
        }
    }

    #[test]
    fn nested_unbalanced_and_multi_paragraph() {
        assert_eq!(quoted("قال «إن “الحل” قريب»."), vec![("إن “الحل” قريب", 0), ("الحل", 1)]);
        // an unbalanced mark opens nothing and the next quote is still found
        assert_eq!(quoted("قال «الأول.\nوقال \"الثاني\"."), vec![("الثاني", 0)]);
        // a quote reopened at the start of the next paragraph continues
        let t = "قال: «الأول.\n«والثاني».";
        assert_eq!(quoted(t), vec![("الأول.\n«والثاني", 0)]);
    }
}
