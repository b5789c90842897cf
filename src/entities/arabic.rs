//! Rules that read Arabic news style: organisation names after a head noun, and people after titles,
//! speech verbs or a known given name.

use super::lexicons::{Head, Known, name_key};
use super::{Ctx, Key, Proposal};
use crate::model::EntityKind;
use crate::text::clitic_splits;

/// Longest organisation name.
const MAX_ORG: usize = 12;
/// Longest personal name, in words.
const MAX_NAME: usize = 5;

fn definite(w: &str) -> bool {
    w.starts_with("ال") && w.chars().count() >= 4
}

/// Token `k` is written with the article ال (not a name such as "إلينييز" or "ألكسندر", which
/// normalise to the same letters).
fn written_definite(cx: &Ctx<'_, '_>, k: usize) -> bool {
    definite(cx.w(k)) && cx.orig(k).starts_with("ال")
}

/// The readings of a word with a leading و/ف conjunction set aside (the word itself first).
fn conj_readings(w: &str) -> impl Iterator<Item = &str> {
    let bare = w.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 2);
    std::iter::once(w).chain(bare)
}

/// True when token `i` reads as a preposition لـ + a word: returns the word.
fn after_li(w: &str) -> Option<String> {
    if let Some(rest) = w.strip_prefix("لل") {
        return Some(format!("ال{rest}"));
    }
    w.strip_prefix('ل').filter(|r| r.chars().count() >= 3).map(str::to_string)
}

/// An organisation name starting at token `i`: a head noun and the words its name takes.
pub(super) fn org_at(cx: &Ctx<'_, '_>, i: usize) -> Option<Proposal> {
    let t = cx.t;
    if let Some(p) = press_at(cx, i) {
        return Some(p);
    }
    let head = t.heads_ar.longest_at(cx.doc, i)?;
    // A head read through ب/ك/ل is still a head ("بوزارة"), but not through the article restored.
    let head_type = *head.value;
    let mut j = head.tokens.end;
    let mut last_good = None;
    let mut code = None;
    let mut complements = 0;
    let mut pending = 0; // indefinite words since the last word that may end the name
    // "بعثة المينورسو", "قوة اليونيفيل": a head before a one-word known name is that organisation
    let mut sole_org: Option<Known> = None;
    let purpose_ok = matches!(head_type, Head::Mission | Head::Force | Head::Body | Head::Council | Head::Definite);
    while j < cx.hi && j - i < MAX_ORG && cx.free(j) && cx.same_para(j - 1, j) {
        if cx.is_punct(j) {
            break;
        }
        let w = cx.w(j);
        // a known name: in construct ("بعثة الأمم المتحدة") or after لـ ("الجمعية العامة للأمم المتحدة")
        if let Some(m) = t.known.longest_at(cx.doc, j).filter(|m| m.tokens.end <= cx.hi) {
            let clitic = &w[..m.prefix];
            let is_place = matches!(m.value, Known::Place(_));
            let ok = match clitic {
                "" => true,
                "ل" | "ل" if purpose_ok || head_type == Head::Gov => true,
                _ => false,
            } || (m.restored_article && purpose_ok);
            if !ok || (head_type == Head::Definite && complements == 0) {
                break;
            }
            if is_place && head_type != Head::Gov && complements == 0 && m.prefix == 0 {
                // "قوات روسيا" is no name; "سفارة روسيا", "حكومة إقليم كردستان" are.
                if !matches!(head_type, Head::Mission | Head::Body | Head::Council) {
                    break;
                }
            }
            if complements == 0 && m.prefix == 0 && m.tokens.len() == 1 && matches!(m.value, Known::Org(_)) {
                sole_org = Some(*m.value);
            } else {
                sole_org = None;
            }
            j = m.tokens.end;
            complements += 1;
            pending = 0;
            last_good = Some(j);
            continue;
        }
        sole_org = None;
        // "… في العراق" for missions, forces, bodies
        if matches!(w, "في" | "فى") {
            if complements > 0
                && purpose_ok
                && j + 1 < cx.hi
                && let Some(m) = t.known.longest_at(cx.doc, j + 1).filter(|m| m.prefix == 0 && m.tokens.end <= cx.hi)
                && matches!(m.value, Known::Place(_))
            {
                j = m.tokens.end;
                last_good = Some(j);
                continue;
            }
            break;
        }
        if t.stop_ar.contains(w) || t.speech_ar.contains(w) || !cx.is_ar(j) {
            break;
        }
        // "التابعة لـ…", "المعني بـ…"
        if matches!(w, "التابعة" | "التابع" | "المعني" | "المعنية" | "المعنيه") && complements > 0
        {
            let k = j + 1;
            if k < cx.hi && cx.free(k) && cx.same_para(j, k) && cx.w(k).starts_with(['ل', 'ب']) {
                if let Some(m) = t.known.longest_at(cx.doc, k).filter(|m| m.prefix > 0 && m.tokens.end <= cx.hi) {
                    j = m.tokens.end;
                    last_good = Some(j);
                    continue;
                }
                if definite(&cx.w(k)[2..]) || after_li(cx.w(k)).is_some_and(|r| definite(&r)) {
                    j = k + 1;
                    last_good = Some(j);
                    continue;
                }
            }
            break;
        }
        if let Some(&c) = t.demonyms_ar.get(w) {
            if complements == 0 && !matches!(head_type, Head::Definite | Head::Force | Head::Gov) {
                break;
            }
            code = Some(c);
            j += 1;
            last_good = Some(j);
            // a nationality adjective closes the name
            break;
        }
        if definite(w) {
            if t.org_stop_ar.contains(w) {
                if complements == 0 {
                    return None;
                }
                break;
            }
            j += 1;
            complements += 1;
            pending = 0;
            last_good = Some(j);
            continue;
        }
        // coordination inside a name: "الشؤون الخارجية والتعاون"
        if let Some(rest) = w.strip_prefix('و')
            && definite(rest)
            && complements > 0
            && !t.org_stop_ar.contains(rest)
            && t.heads_ar.longest_at(cx.doc, j).is_none()
            && (j + 1 >= cx.hi || cx.is_punct(j + 1) || definite(cx.w(j + 1)) || !cx.same_para(j, j + 1))
        {
            j += 1;
            last_good = Some(j);
            continue;
        }
        // purpose phrase: "لمساعدة", "لتحقيق", "للسكان"
        if let Some(rest) = after_li(w)
            && complements > 0
            && purpose_ok
            && (t.masdar_ar.contains(&rest) || (definite(&rest) && !t.org_stop_ar.contains(&rest)))
        {
            j += 1;
            pending = 1; // "لتحقيق" must be followed by its object unless it is definite
            if definite(&rest) {
                pending = 0;
                last_good = Some(j);
            }
            continue;
        }
        // an indefinite word inside a construct chain ("لجنة مكافحة التطرف", "وكالة غوث وتشغيل …")
        if pending < 2 && !w.starts_with(['ب', 'ك']) {
            if let Some(rest) = w.strip_prefix('و')
                && complements > 0
                && t.masdar_ar.contains(rest)
            {
                j += 1;
                pending += 1;
                continue;
            }
            if head_type == Head::Definite || w.starts_with('و') || last_good.is_some() {
                break;
            }
            j += 1;
            pending += 1;
            complements += 1;
            continue;
        }
        break;
    }
    let end = last_good?;
    if head_type == Head::Definite {
        // "الجيش اللبناني" (with its nationality) or a name of two or more modifiers
        let words = end - head.tokens.end;
        let army =
            matches!(cx.w(head.tokens.start).get(head.prefix..), Some("الجيش" | "البرلمان" | "الشرطة" | "الحرس"));
        if !(words >= 2 || (army && code.is_some())) {
            return None;
        }
    }
    if head_type == Head::Force && code.is_some() && end - head.tokens.end == 1 {
        // "القوات الروسية", "قوات روسية" are forces, not a named body
        return None;
    }
    let key = match sole_org {
        Some(Known::Org(o)) if complements == 1 => Some(Key::Org(o)),
        _ => None,
    };
    Some(Proposal {
        kind: EntityKind::Organization,
        end,
        prefix: head.prefix,
        restored: head.restored_article,
        key,
        code,
    })
}

/// A paper or site named by its last word: "أفريقيا برس", "جسور نت", "النجاح الإخباري".
fn press_at(cx: &Ctx<'_, '_>, i: usize) -> Option<Proposal> {
    let t = cx.t;
    let word_ok = |k: usize| {
        k < cx.hi && cx.free(k) && cx.is_ar(k) && !t.stop_ar.contains(cx.w(k)) && !t.press_tails_ar.contains(cx.w(k))
    };
    if !word_ok(i) {
        return None;
    }
    let tail_at = |k: usize| k < cx.hi && cx.free(k) && t.press_tails_ar.contains(cx.w(k)) && cx.same_para(k - 1, k);
    let end = if tail_at(i + 1) {
        i + 2
    } else if word_ok(i + 1) && cx.same_para(i, i + 1) && tail_at(i + 2) {
        i + 3
    } else {
        return None;
    };
    Some(Proposal { kind: EntityKind::Organization, end, prefix: 0, restored: false, key: None, code: None })
}

/// True when word `w` may be part of a personal name.
fn name_like(cx: &Ctx<'_, '_>, w: &str) -> bool {
    let t = cx.t;
    !(conj_readings(w).any(|r| t.stop_ar.contains(r) || t.speech_ar.contains(r))
        || verbal_noun_shape(w)
        || t.demonyms_ar.contains_key(w)
        || t.titles_ar.longest_at(&crate::text::Analysis::new(w), 0).is_some_and(|m| m.prefix == 0)
        || t.heads_ar.longest_at(&crate::text::Analysis::new(w), 0).is_some_and(|m| m.prefix == 0))
}

fn known_name(cx: &Ctx<'_, '_>, w: &str) -> bool {
    let k = name_key(w);
    cx.t.given_ar.contains(&k) || cx.t.surname_ar.contains(&k)
}

/// Verbal nouns of the تفعيل pattern ("تقديم", "تعزيز", "تمديد"), which follow titles but are no names.
fn verbal_noun_shape(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() == 5 && c[0] == 'ت' && c[3] == 'ي'
}

/// A word that looks like a transliterated or Arabic name rather than a common noun: it has a long
/// vowel letter and does not end like a feminine or plural noun.
fn shaped_like_name(w: &str) -> bool {
    let n = w.chars().count();
    n >= 2
        && !w.ends_with('ة')
        && !w.ends_with("ات")
        && !w.ends_with("ها")
        && !w.ends_with("هم")
        && w.chars().skip(1).any(|c| matches!(c, 'ا' | 'و' | 'ي'))
}

/// The words of a name starting at token `j`: (end token, words, how many are known names).
fn name_at(cx: &Ctx<'_, '_>, j: usize) -> Option<(usize, usize, usize)> {
    let t = cx.t;
    let mut k = j;
    let mut words = 0;
    let mut known = 0;
    let mut last_word_end = j;
    while k < cx.hi && words < MAX_NAME && cx.free(k) && cx.is_ar(k) && (k == j || cx.same_para(k - 1, k)) {
        let w = cx.w(k);
        if !name_like(cx, w) {
            break;
        }
        if t.connectors_ar.contains(w) {
            // "عبد الله", "أبو هولي", "دي ميستورا": the connector needs a name after it
            k += 1;
            continue;
        }
        let after_connector = k > j && t.connectors_ar.contains(cx.w(k - 1));
        if written_definite(cx, k) {
            // a surname such as البياتي, or after a connector ("عبد الله", "أبو الغيط")
            let nisba = w.ends_with('ي') && !t.org_stop_ar.contains(w);
            if !(after_connector || (words > 0 && (known_name(cx, w) || nisba))) {
                break;
            }
        } else if !(known_name(cx, w) || shaped_like_name(w)) {
            // a surname such as بوريطة closes the name
            if words > 0 && w.ends_with('ة') && w.chars().count() >= 4 && closes_name(cx, k + 1) {
                words += 1;
                last_word_end = k + 1;
                break;
            }
            break;
        }
        if known_name(cx, w) {
            known += 1;
        }
        words += 1;
        k += 1;
        last_word_end = k;
    }
    (words > 0).then_some((last_word_end, words, known))
}

/// What may follow a bare name: the end, punctuation, a clause (إن/أن), a preposition.
fn closes_name(cx: &Ctx<'_, '_>, k: usize) -> bool {
    k >= cx.hi
        || cx.is_punct(k)
        || !cx.same_para(k - 1, k)
        || matches!(
            cx.w(k),
            "ان" | "انه"
                | "انها"
                | "في"
                | "فى"
                | "على"
                | "الى"
                | "خلال"
                | "امام"
                | "لدى"
                | "عن"
                | "من"
                | "بان"
        )
        || cx.t.stop_ar.contains(cx.w(k))
        || cx.t.titles_ar.longest_at(cx.doc, k).is_some_and(|m| m.prefix == 0)
}

/// A person starting at token `i`: after a title or role (with its complement), after a speech
/// verb, or opening with a known given name. Returns the name's tokens.
pub(super) fn person_at(cx: &Ctx<'_, '_>, i: usize) -> Option<std::ops::Range<usize>> {
    let t = cx.t;
    // after a title: "وزير الخارجية المغربي ناصر بوريطة", "الأمين العام للأمم المتحدة، أنطونيو غوتيريش"
    if let Some(m) = t.titles_ar.longest_at(cx.doc, i) {
        let mut k = m.tokens.end;
        if cx.w(i).get(m.prefix..) == Some("د") {
            if k < cx.hi && cx.w(k) == "." {
                k += 1;
            } else {
                return None;
            }
        }
        let mut skipped = 0;
        while k < cx.hi && skipped < 10 && cx.same_para(k - 1, k) {
            if let Some(o) = cx.owner(k) {
                // a place or body in the role: "سفير روسيا", "للجنة مكافحة التطرف"
                let end = (k..cx.hi).find(|&x| cx.owner(x) != Some(o)).unwrap_or(cx.hi);
                skipped += end - k;
                k = end;
                continue;
            }
            let w = cx.w(k);
            let role_word = written_definite(cx, k)
                || t.demonyms_ar.contains_key(w)
                || matches!(w, "باسم" | "لدى" | "لدي" | "في" | "فى" | "لشؤون" | "العام" | "الخاص" | "،" | ",")
                || after_li(w).is_some_and(|r| definite(&r) || t.masdar_ar.contains(&r))
                || (w.starts_with('ب') && definite(&w[2..]))
                || t.role_nouns_ar.contains(w)
                || w.strip_prefix('و').is_some_and(|r| definite(r) || t.masdar_ar.contains(r));
            if !role_word || known_name(cx, w) && !definite(w) {
                break;
            }
            if matches!(w, "،" | ",") && !(k + 1 < cx.hi && cx.is_ar(k + 1)) {
                break;
            }
            k += 1;
            skipped += 1;
        }
        if let Some((end, words, known)) = name_at(cx, k) {
            let bare_ok = words >= 2 || known > 0 || closes_name(cx, end);
            if bare_ok {
                return Some(k..end);
            }
        }
        return None;
    }
    // after a speech verb: "وقال أوباما إن", "وأضاف لابورد،"
    if conj_readings(cx.w(i)).any(|r| t.speech_ar.contains(r)) && i + 1 < cx.hi && cx.free(i + 1) {
        let j = i + 1;
        if t.titles_ar.longest_at(cx.doc, j).is_some() || t.heads_ar.longest_at(cx.doc, j).is_some() {
            return None;
        }
        if let Some((end, words, known)) = name_at(cx, j)
            && (known > 0 || (words >= 2 && closes_name(cx, end)) || (words == 1 && closes_name(cx, end)))
            && words <= 4
        {
            return Some(j..end);
        }
        return None;
    }
    // a known given name with more name after it: "سناء بنصالح"
    let w = cx.w(i);
    let given = clitic_splits(w).next().is_some_and(|s| t.given_ar.contains(&name_key(&s.stem)));
    if given
        && i + 1 < cx.hi
        && cx.free(i + 1)
        && let Some((end, words, known)) = name_at(cx, i)
        && words >= 2
        && known >= 1
        && (known >= 2 || closes_name(cx, end))
    {
        return Some(i..end);
    }
    None
}
