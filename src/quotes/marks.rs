//! Quotation marks: pairs every mark in use (« », “ ”, „ “, ‹ ›, " ", '' '', ‘ ’ and straight
//! single quotes) into quoted regions, nested or not, across sentences and across paragraphs when
//! the next paragraph reopens the quote. An unbalanced mark opens nothing, so the rest of the
//! article is never swallowed.

use std::ops::Range;

/// One quotation: the marks included in `outer`, the words in `inner`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Region {
    pub(super) outer: Range<usize>,
    pub(super) inner: Range<usize>,
    /// 0 for a top-level quotation, 1 inside another, and so on.
    pub(super) depth: usize,
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

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(crate::text::is_alphanumeric)
}

/// Quoted regions of `text[range]` (byte offsets of `text`), sorted by start; `paragraphs` are
/// the paragraph ranges of that part of the text.
pub(super) fn regions(text: &str, paragraphs: &[Range<usize>]) -> Vec<Region> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        let p = &text[para.clone()];
        let chars: Vec<(usize, char)> = p.char_indices().collect();
        let mut skip_reopen = false;
        if !stack.is_empty() {
            // A quote still open at the end of the previous paragraph continues only when this
            // paragraph reopens it with the same mark.
            let mark = stack[0].mark;
            if p.starts_with(mark) {
                skip_reopen = true;
            } else {
                stack.clear();
            }
        }
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            let at = para.start + i;
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            let next = chars.get(k + 1).map(|x| x.1);
            if skip_reopen {
                skip_reopen = false;
                k += 1;
                continue;
            }
            let top = stack.last().map(|o| o.close);
            let mut close_top = |stack: &mut Vec<Open>, len: usize| {
                let o = stack.pop().expect("an open quote");
                out.push(Region { outer: o.at..at + len, inner: o.at + o.len..at, depth: stack.len() });
            };
            match c {
                '«' => stack.push(Open { close: Close::Guillemet, at, len: 2, mark: "«" }),
                '‹' => stack.push(Open { close: Close::SingleGuillemet, at, len: 3, mark: "‹" }),
                '„' => stack.push(Open { close: Close::LowCurly, at, len: 3, mark: "„" }),
                '»' if stack.iter().any(|o| o.close == Close::Guillemet) => {
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
                    k += 2;
                    continue;
                }
                '‘' => stack.push(Open { close: Close::SingleCurly, at, len: 3, mark: "‘" }),
                '’' if top == Some(Close::SingleCurly) && !is_word_char(next) => close_top(&mut stack, 3),
                '\'' if top == Some(Close::SingleStraight) && !is_word_char(next) => close_top(&mut stack, 1),
                '\'' if !is_word_char(prev) && is_word_char(next) => {
                    stack.push(Open { close: Close::SingleStraight, at, len: 1, mark: "'" })
                }
                _ => {}
            }
            k += 1;
        }
        // Single quotes never run past their paragraph; double ones may continue in the next.
        stack.retain(|o| !matches!(o.close, Close::SingleCurly | Close::SingleStraight | Close::SingleGuillemet));
        if pi + 1 == paragraphs.len() {
            stack.clear();
        }
        stack.truncate(1);
    }
    out.sort_by_key(|r| (r.outer.start, std::cmp::Reverse(r.outer.end)));
    // Recompute depth from containment: a region inside another is nested.
    for i in 0..out.len() {
        let depth =
            out[..i].iter().filter(|o| o.outer.start <= out[i].outer.start && out[i].outer.end <= o.outer.end).count();
        out[i].depth = depth;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn quoted(t: &str) -> Vec<(&str, usize)> {
        let d = Doc::new(t, None);
        regions(t, &d.paragraphs).into_iter().map(|r| (&t[r.inner], r.depth)).collect()
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
    fn nested_unbalanced_and_multi_paragraph() {
        assert_eq!(quoted("قال «إن “الحل” قريب»."), vec![("إن “الحل” قريب", 0), ("الحل", 1)]);
        // an unbalanced mark opens nothing and the next quote is still found
        assert_eq!(quoted("قال «الأول.\nوقال \"الثاني\"."), vec![("الثاني", 0)]);
        // a quote reopened at the start of the next paragraph continues
        let t = "قال: «الأول.\n«والثاني».";
        assert_eq!(quoted(t), vec![("الأول.\n«والثاني", 0)]);
    }
}
