//! Rules for English: capitalised sequences read as organisations (by their head or last word) or
//! people (after a title, around a speech verb, or opening with a known given name).

use super::lexicons::{lex, wf};
use super::{Ctx, Proposal};
use crate::model::EntityKind;
use std::ops::Range;

/// Lower-case words allowed inside a capitalised name.
const INNER: &[&str] = &["of", "for", "the", "on", "de", "al", "bin", "van", "von", "la", "le", "du", "da", "in"];

/// Titles written with a full stop.
const ABBREVIATED_TITLES: &[&str] =
    &["Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Prof", "Lt", "Col", "Capt", "Sgt"];

/// Lower-case words after a hyphen that make an adjective, not a name ("Kenyan-led").
const HYPHEN_SUFFIXES: &[&str] =
    &["led", "based", "run", "born", "backed", "owned", "style", "era", "year", "day", "made", "held", "wide"];

/// Days and months: "on Thursday" does not continue a name.
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn all_caps(w: &str) -> bool {
    w.chars().all(|c| !c.is_lowercase())
}

/// The capitalised run starting at `i`: its end (exclusive), inner lower-case words and initials included.
fn run(cx: &Ctx<'_, '_>, i: usize) -> usize {
    let mut k = i;
    let mut end = i;
    while k < cx.hi && cx.free(k) && (k == i || cx.same_para(k - 1, k)) {
        let w = cx.w(k);
        if cx.is_word(k) && !cx.is_ar(k) && cx.cap(k) {
            k += 1;
            end = k;
            // an initial ("M.") or an abbreviated title ("Mr.", "Dr.")
            let abbreviation = w.chars().count() == 1 || (w.len() <= 4 && ABBREVIATED_TITLES.contains(&w));
            if abbreviation && k < cx.hi && cx.w(k) == "." && k + 1 < cx.hi && cx.free(k + 1) {
                k += 1;
            }
            continue;
        }
        if k > i
            && cx.is_word(k)
            && w.len() <= 3
            && INNER.contains(&w)
            && k + 1 < cx.hi
            && cx.cap(k + 1)
            && !CALENDAR.contains(&cx.w(k + 1))
        {
            k += 1;
            continue;
        }
        if k > i && w == "-" && k + 1 < cx.hi && cx.cap(k + 1) && cx.toks[k].orig().start == cx.toks[k - 1].orig().end {
            k += 1;
            continue;
        }
        // a hyphenated given name with a lower-case second part: "Hwang Joon-kook" (not "Kenyan-led")
        if k > i + 1
            && w == "-"
            && k + 1 < cx.hi
            && cx.is_word(k + 1)
            && !cx.cap(k + 1)
            && cx.w(k + 1).chars().count() <= 5
            && !HYPHEN_SUFFIXES.contains(&cx.w(k + 1))
            && cx.toks[k].orig().start == cx.toks[k - 1].orig().end
            && cx.toks[k + 1].orig().start == cx.toks[k].orig().end
            && (k + 2 >= cx.hi || !cx.cap(k + 2))
        {
            k += 2;
            end = k;
            break;
        }
        break;
    }
    end
}

/// True when the capitalised run at `i` surely ends by `i + 1` (a look at the next token, cheaper
/// than [`run`]): no capitalised word, inner word, hyphen or abbreviation's full stop can continue it.
fn lone(cx: &Ctx<'_, '_>, i: usize) -> bool {
    let n = i + 1;
    if n >= cx.hi {
        return true;
    }
    let w = cx.w(n);
    if w == "." {
        return false; // an abbreviation's full stop: `run` decides
    }
    if !cx.free(n) || !cx.same_para(i, n) {
        return true;
    }
    !(cx.cap(n) || w == "-" || (w.len() <= 3 && INNER.contains(&w)))
}

/// Strips leading words that are not part of a name (stop words, titles, nationality adjectives);
/// returns the new start and whether a title was among them.
fn strip_lead(cx: &Ctx<'_, '_>, mut i: usize, end: usize) -> (usize, bool, Option<&'static str>) {
    let t = cx.t;
    let mut title = false;
    let mut code = None;
    while i < end {
        if let Some(m) = cx.lex_at(lex::TITLES_EN, &t.titles_en, i).filter(|m| m.tokens.end <= end) {
            title = true;
            i = m.tokens.end;
            if i < end && cx.w(i) == "." {
                i += 1;
            }
            continue;
        }
        if let Some(m) = cx.lex_at(lex::DEMONYMS_EN, &t.demonyms_en, i).filter(|m| m.tokens.end <= end) {
            code = code.or(Some(*m.value));
            i = m.tokens.end;
            continue;
        }
        if cx.flags(i) & wf::STOP_EN != 0 || INNER.contains(&cx.w(i)) || cx.is_punct(i) {
            i += 1;
            continue;
        }
        break;
    }
    (i, title, code)
}

/// A place named before a place noun: "Kandahar province", "Idlib governorate".
pub(super) fn place_at(cx: &Ctx<'_, '_>, i: usize) -> Option<Range<usize>> {
    if !cx.is_word(i) || cx.in_title_case(i) || !cx.cap(i) || (i > cx.lo && cx.is_word(i - 1) && cx.cap(i - 1)) {
        return None;
    }
    let end = run(cx, i);
    // the place noun after the run decides first; the leading words are stripped only then
    if end >= cx.hi || !cx.t.place_tails_en.contains(cx.w(end)) {
        return None;
    }
    let (start, _, _) = strip_lead(cx, i, end);
    if start >= end || end - start > 3 {
        return None;
    }
    if (start..end).any(|k| cx.flags(k) & (wf::ORG_TAIL_EN | wf::STOP_EN) != 0) {
        return None;
    }
    Some(start..end)
}

/// An organisation named by its form: "Ministry of Foreign Affairs", "Pacific Media Agency".
pub(super) fn org_at(cx: &Ctx<'_, '_>, i: usize) -> Option<Proposal> {
    if !cx.is_word(i)
        || cx.in_title_case(i)
        || !cx.cap(i)
        || (i > cx.lo && cx.is_word(i - 1) && cx.cap(i - 1) && cx.flags(i - 1) & wf::STOP_EN == 0)
    {
        return None;
    }
    // a name of one token is no organisation
    if lone(cx, i) {
        return None;
    }
    let end = run(cx, i);
    if end <= i + 1 {
        return None;
    }
    // a leading nationality stays in the name and gives its code: "Russian Defense Ministry"
    let demonym = cx.lex_at(lex::DEMONYMS_EN, &cx.t.demonyms_en, i).filter(|m| m.tokens.end < end);
    let (code, body) = match &demonym {
        Some(m) => (Some(*m.value), m.tokens.end),
        None => (None, i),
    };
    let (start, _, _) = strip_lead(cx, body, end);
    // "Foreign Ministry": a capitalised stop word before a head noun belongs to the name
    let start = if start != body
        && cx.flags(end - 1) & wf::ORG_TAIL_EN != 0
        && (body..start).all(|k| {
            cx.cap(k)
                && !matches!(cx.w(k), "The" | "A" | "An" | "This" | "That" | "Its" | "His" | "Her" | "Their")
                && cx.lex_at(lex::TITLES_EN, &cx.t.titles_en, k).is_none()
                && cx.lex_at(lex::DEMONYMS_EN, &cx.t.demonyms_en, k).is_none()
        }) {
        body
    } else {
        start
    };
    if start != body || end - start < 2 {
        return None;
    }
    // a head word inside the name before its complement: "United Nations Mission in South Sudan"
    let inner_tail = (start + 1..end - 1)
        .any(|k| cx.flags(k) & wf::ORG_TAIL_EN != 0 && matches!(cx.w(k + 1), "of" | "for" | "in" | "on"));
    // a name before a lower-case mission noun: "the Multinational Security Support mission"
    let noun_after = end < cx.hi && matches!(cx.w(end), "mission" | "force") && end - start >= 2;
    (cx.flags(end - 1) & wf::ORG_TAIL_EN != 0 || cx.flags(start) & wf::ORG_HEAD_EN != 0 || inner_tail || noun_after)
        .then_some(Proposal { kind: EntityKind::Organization, end, prefix: 0, restored: "", key: None, code })
}

/// A person starting at token `i` (or a title before one).
pub(super) fn person_at(cx: &Ctx<'_, '_>, i: usize) -> Option<(Range<usize>, Option<&'static str>)> {
    let t = cx.t;
    if !cx.is_word(i) || cx.is_ar(i) || cx.in_title_case(i) {
        return None;
    }
    // a lower-case title before the name: "spokesman Stephane Dujarric"
    let lower_title = !cx.cap(i) && cx.lex_at(lex::TITLES_EN, &t.titles_en, i).is_some();
    let i = if lower_title { cx.lex_at(lex::TITLES_EN, &t.titles_en, i)?.tokens.end } else { i };
    if i >= cx.hi || !cx.free(i) || !cx.cap(i) {
        return None;
    }
    // one token is no name: a lone word is a name only after a title inside its run
    if lone(cx, i) {
        return None;
    }
    let end = run(cx, i);
    let (start, title, code) = strip_lead(cx, i, end);
    let title = title || lower_title;
    if start >= end {
        return None;
    }
    let words = (start..end).filter(|&k| cx.is_word(k)).count();
    let speech = |k: usize| cx.flags(k) & wf::SPEECH_EN != 0;
    let speech_after = end < cx.hi && speech(end);
    let speech_before =
        (start > cx.lo && speech(start - 1)) || (start >= cx.lo + 2 && cx.w(start - 1) == "," && speech(start - 2));
    // an apposition after a title: "… Head of the Mission, Tomas Varga, said"
    // an apposition with a title: "Britain's ambassador, Barbara Woodward, said", "Martin
    // Griffiths, the U.N. special envoy, …"
    let is_title =
        |k: usize| cx.is_word(k) && cx.lex_at(lex::TITLES_EN, &t.titles_en, k).is_some_and(|m| m.tokens.end <= cx.hi);
    let closed = end >= cx.hi || matches!(cx.w(end), "," | "." | ";") || speech_after;
    // the title may come before an organisation: "The head of the World Food Programme, Cindy McCain"
    let title_before = start > cx.lo + 1
        && cx.w(start - 1) == ","
        && (start.saturating_sub(10).max(cx.lo)..start - 1)
            .rev()
            .take_while(|&k| !matches!(cx.w(k), "." | "," | ";" | "\"") && cx.same_para(k, start))
            .any(is_title);
    let title_after = end + 1 < cx.hi && cx.w(end) == "," && {
        let from = if matches!(cx.w(end + 1), "the" | "a" | "an") { end + 2 } else { end + 1 };
        (from..(from + 9).min(cx.hi)).take_while(|&k| cx.w(k) != ",").any(is_title)
    };
    let appositive = (title_before && closed) || title_after;
    let given = t.given_en.contains(cx.w(start));
    let caps_byline = title && all_caps(cx.w(start));
    if cx.flags(end - 1) & (wf::ORG_TAIL_EN | wf::STOP_EN) != 0 {
        return None;
    }
    // "Ministry of Health" is no person
    if (start..end).any(|k| {
        let w = cx.w(k);
        matches!(w, "of" | "for" | "the" | "on" | "in") || cx.flags(k) & (wf::ORG_HEAD_EN | wf::ORG_TAIL_EN) != 0
    }) {
        return None;
    }
    let ok = match words {
        // "President Trump", "Secretary-General Guterres"
        1 => {
            title && !lower_title && start > cx.lo && {
                // "Mr. Lavrov": the title's full stop
                let prev = if cx.w(start - 1) == "." && start > cx.lo + 1 { start - 2 } else { start - 1 };
                cx.is_word(prev) && cx.cap(prev) && !matches!(cx.w(prev), "By" | "BY" | "Head" | "Chief")
            }
        }
        2..=4 => title || speech_after || speech_before || given || caps_byline || appositive,
        _ => false,
    };
    ok.then_some((start..end, code))
}
