//! Rules for English: capitalised sequences read as organisations (by their head or last word) or
//! people (after a title, around a speech verb, or opening with a known given name).

use super::{Ctx, Proposal};
use crate::model::EntityKind;
use std::ops::Range;

/// Lower-case words allowed inside a capitalised name.
const INNER: &[&str] =
    &["of", "for", "the", "and", "on", "de", "al", "bin", "van", "von", "la", "le", "du", "da", "in"];

fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

fn all_caps(w: &str) -> bool {
    w.chars().all(|c| !c.is_lowercase())
}

/// The capitalised run starting at `i`: its end (exclusive), inner lower-case words and initials included.
fn run(cx: &Ctx<'_, '_>, i: usize) -> usize {
    let mut k = i;
    let mut end = i;
    while k < cx.hi && cx.free(k) && (k == i || cx.same_para(k - 1, k)) {
        let w = cx.w(k);
        if cx.is_word(k) && !cx.is_ar(k) && capitalised(w) {
            k += 1;
            end = k;
            // an initial: "M."
            if w.chars().count() == 1 && k < cx.hi && cx.w(k) == "." && k + 1 < cx.hi && cx.free(k + 1) {
                k += 1;
            }
            continue;
        }
        if k > i && cx.is_word(k) && INNER.contains(&w) && k + 1 < cx.hi && capitalised(cx.w(k + 1)) {
            k += 1;
            continue;
        }
        if k > i
            && w == "-"
            && k + 1 < cx.hi
            && capitalised(cx.w(k + 1))
            && cx.toks[k].orig.start == cx.toks[k - 1].orig.end
        {
            k += 1;
            continue;
        }
        break;
    }
    end
}

/// Strips leading words that are not part of a name (stop words, titles, nationality adjectives);
/// returns the new start and whether a title was among them.
fn strip_lead(cx: &Ctx<'_, '_>, mut i: usize, end: usize) -> (usize, bool) {
    let t = cx.t;
    let mut title = false;
    while i < end {
        if let Some(m) = t.titles_en.longest_at(cx.doc, i).filter(|m| m.tokens.end <= end) {
            title = true;
            i = m.tokens.end;
            if i < end && cx.w(i) == "." {
                i += 1;
            }
            continue;
        }
        if let Some(m) = t.demonyms_en.longest_at(cx.doc, i).filter(|m| m.tokens.end <= end) {
            i = m.tokens.end;
            continue;
        }
        if t.stop_en.contains(cx.w(i)) || INNER.contains(&cx.w(i)) || cx.is_punct(i) {
            i += 1;
            continue;
        }
        break;
    }
    (i, title)
}

/// An organisation named by its form: "Ministry of Foreign Affairs", "African Media Agency".
pub(super) fn org_at(cx: &Ctx<'_, '_>, i: usize) -> Option<Proposal> {
    if !cx.is_word(i) || !capitalised(cx.w(i)) || (i > cx.lo && !cx.free(i - 1) && capitalised(cx.w(i - 1))) {
        return None;
    }
    let end = run(cx, i);
    if end <= i + 1 {
        return None;
    }
    let (start, _) = strip_lead(cx, i, end);
    if start != i || end - start < 2 {
        return None;
    }
    let last = cx.w(end - 1);
    let first = cx.w(start);
    (cx.t.org_tail_en.contains(last) || cx.t.org_head_en.contains(first)).then_some(Proposal {
        kind: EntityKind::Organization,
        end,
        prefix: 0,
        restored: false,
        key: None,
        code: None,
    })
}

/// A person starting at token `i` (or a title before one).
pub(super) fn person_at(cx: &Ctx<'_, '_>, i: usize) -> Option<Range<usize>> {
    let t = cx.t;
    if !cx.is_word(i) || cx.is_ar(i) {
        return None;
    }
    // a lower-case title before the name: "spokesman Stephane Dujarric"
    let lower_title = !capitalised(cx.w(i)) && t.titles_en.longest_at(cx.doc, i).is_some();
    let i = if lower_title { t.titles_en.longest_at(cx.doc, i)?.tokens.end } else { i };
    if i >= cx.hi || !cx.free(i) || !capitalised(cx.w(i)) {
        return None;
    }
    let end = run(cx, i);
    let (start, title) = strip_lead(cx, i, end);
    let title = title || lower_title;
    if start >= end {
        return None;
    }
    let words = (start..end).filter(|&k| cx.is_word(k)).count();
    let speech_after = end < cx.hi && t.speech_en.contains(cx.w(end));
    let speech_before = (start > cx.lo && t.speech_en.contains(cx.w(start - 1)))
        || (start >= cx.lo + 2 && cx.w(start - 1) == "," && t.speech_en.contains(cx.w(start - 2)));
    // an apposition after a title: "… Head of the Mission, El Ghassim Wane, said"
    let appositive = start > cx.lo + 1
        && cx.w(start - 1) == ","
        && (start.saturating_sub(9).max(cx.lo)..start - 1)
            .any(|k| capitalised(cx.w(k)) && t.titles_en.longest_at(cx.doc, k).is_some())
        && (end >= cx.hi || matches!(cx.w(end), "," | "." | ";") || speech_after);
    let given = t.given_en.contains(cx.w(start));
    let caps_byline = title && all_caps(cx.w(start));
    let tail = cx.w(end - 1);
    if t.org_tail_en.contains(tail) || t.stop_en.contains(tail) {
        return None;
    }
    let ok = match words {
        1 => false,
        2..=4 => title || speech_after || speech_before || given || caps_byline || appositive,
        _ => false,
    };
    ok.then_some(start..end)
}
