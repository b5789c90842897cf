//! Rules that read Arabic news style: organisation names after a head noun, and people after titles,
//! speech verbs or a known given name.

use super::lexicons::{Head, Known, lex, name_key, wf};
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
    let head = cx.lex_at(lex::HEADS_AR, &t.heads_ar, i)?;
    // A head may carry clitics ("بوزارة", "للجنة"); they stay outside the mention.
    let head_type = *head.value;
    let head_stem = cx.w(i).get(head.prefix..).unwrap_or("");
    let next_known_org =
        |k: usize| k < cx.hi && cx.known_at(k).is_some_and(|m| m.prefix == 0 && matches!(m.value, Known::Org(_)));
    // "بتنظيم الانتخابات", "اتفاقية تنظيم الملاحة": تنظيم is a verbal noun unless a known group follows
    if head_stem == "تنظيم" && !next_known_org(head.tokens.end) {
        return None;
    }
    // "لتسهيل حركة العودة": a head governed by a verbal noun is a common noun
    if i > cx.lo
        && cx.same_para(i - 1, i)
        && clitic_splits(cx.w(i - 1)).any(|r| {
            cx.w(i - 1)[..r.prefix].contains(['ل', 'ب'])
                && (verbal_noun_shape(&r.stem) || t.masdar_ar.contains(&*r.stem))
        })
        && !next_known_org(head.tokens.end)
    {
        return None;
    }
    let mut j = head.tokens.end;
    let mut last_good = None;
    let mut code = None;
    let mut complements = 0;
    let mut pending = 0; // indefinite words since the last word that may end the name
    // "بعثة المينورسو", "قوة اليونيفيل": a head before a one-word known name is that organisation
    let mut sole_org: Option<(Known, usize)> = None;
    let purpose_ok = matches!(head_type, Head::Mission | Head::Force | Head::Body | Head::Council | Head::Definite);
    while j < cx.hi && j - i < MAX_ORG && cx.free(j) && cx.same_para(j - 1, j) {
        if cx.is_punct(j) {
            break;
        }
        let w = cx.w(j);
        // a closing nationality adjective that is also a country's name ("وزارة الطاقة السعودية")
        if complements > 0
            && cx.flags(j) & wf::DEMONYM_AR != 0
            && let Some(&c) = t.demonyms_ar.get(w)
        {
            code = Some(c);
            last_good = Some(j + 1);
            break;
        }
        // "المحكمة الابتدائية بتونس": a court or body of a city
        if complements > 0
            && matches!(head_type, Head::Body | Head::Definite | Head::Council)
            && w.starts_with('ب')
            && let Some(m) = cx.known_at(j).filter(|m| m.prefix == 2 && m.tokens.end <= cx.hi)
            && matches!(m.value, Known::Place(_))
        {
            last_good = Some(m.tokens.end);
            break;
        }
        // a known name: in construct ("بعثة الأمم المتحدة") or after لـ ("الجمعية العامة للأمم المتحدة")
        if let Some(m) = cx.known_at(j).filter(|m| m.tokens.end <= cx.hi) {
            let clitic = &w[..m.prefix];
            let is_place = matches!(m.value, Known::Place(_));
            let ok = match clitic {
                "" => true,
                "ل" if purpose_ok || head_type == Head::Gov => true,
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
                sole_org = Some((*m.value, m.tokens.end));
            }
            j = m.tokens.end;
            complements += 1;
            pending = 0;
            last_good = Some(j);
            continue;
        }
        // "… في العراق" for missions, forces, bodies
        if matches!(w, "في" | "فى") {
            if complements > 0
                && purpose_ok
                && j + 1 < cx.hi
                && let Some(m) = cx.known_at(j + 1).filter(|m| m.prefix == 0 && m.tokens.end <= cx.hi)
                && matches!(m.value, Known::Place(_))
            {
                j = m.tokens.end;
                last_good = Some(j);
                continue;
            }
            break;
        }
        if cx.flags(j) & (wf::STOP_AR | wf::SPEECH_AR) != 0 || !cx.is_ar(j) {
            break;
        }
        // "مجلس القيادة الرئاسي الدكتور …": a title after the name opens a person
        if complements > 0 && cx.flags(j) & wf::TITLE_WORD_AR != 0 {
            break;
        }
        // "وزارة التخطيط والتعاون الدولي", "منظمة العفو الدولية": the adjective closes the name
        if complements > 0 && matches!(w, "الدولي" | "الدولية") && definite(cx.w(j - 1).trim_start_matches('و'))
        {
            last_good = Some(j + 1);
            break;
        }
        // "التابعة لـ…", "المعني بـ…"
        if matches!(w, "التابعة" | "التابع" | "المعني" | "المعنية" | "المعنيه") && complements > 0
        {
            let k = j + 1;
            if k < cx.hi && cx.free(k) && cx.same_para(j, k) && cx.w(k).starts_with(['ل', 'ب']) {
                if let Some(m) = cx.known_at(k).filter(|m| m.prefix > 0 && m.tokens.end <= cx.hi) {
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
        if cx.flags(j) & wf::DEMONYM_AR != 0
            && let Some(&c) = t.demonyms_ar.get(w)
        {
            if complements == 0 && !matches!(head_type, Head::Definite | Head::Force | Head::Gov) {
                break;
            }
            code = Some(c);
            j += 1;
            last_good = Some(j);
            // "الوكالة المغربية للطاقة المستدامة": a purpose phrase may follow the nationality
            let purpose_next = complements == 0
                && purpose_ok
                && j < cx.hi
                && cx.free(j)
                && cx.same_para(j - 1, j)
                && after_li(cx.w(j)).is_some_and(|r| definite(&r) && !t.org_stop_ar.contains(&r));
            if purpose_next {
                complements += 1;
                continue;
            }
            // a nationality adjective closes the name
            break;
        }
        if definite(w) {
            if cx.flags(j) & wf::ORG_STOP_AR != 0 {
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
            && cx.lex_at(lex::HEADS_AR, &t.heads_ar, j).is_none()
            && (j + 1 >= cx.hi
                || cx.is_punct(j + 1)
                || definite(cx.w(j + 1))
                || !cx.same_para(j, j + 1)
                || cx.flags(j + 1) & wf::STOP_AR != 0)
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
    let sole_org = sole_org.filter(|&(_, e)| e == end).map(|(k, _)| k);
    if head_type == Head::Definite {
        // "الجيش اللبناني" (with its nationality) or a name of two or more modifiers
        let words = end - head.tokens.end;
        let head_word = cx.w(head.tokens.start).get(head.prefix..).unwrap_or("");
        let national = matches!(head_word, "الجيش" | "البرلمان" | "الشرطة" | "الحرس");
        // "الخارجية الأمريكية", "الرئاسة الفلسطينية": only with a nationality
        let ministry = matches!(head_word, "الخارجية" | "الداخلية" | "الرئاسة" | "السفارة" | "القنصلية");
        let with_nationality = words == 1 && code.is_some();
        // "وزير الخارجية الألماني" is a title, not the ministry
        let in_title = head.tokens.start > cx.lo && {
            let prev = cx.w(head.tokens.start - 1);
            clitic_splits(prev).any(|r| t.title_words_ar.contains(&*r.stem)) || prev == "باسم"
        };
        if ministry && in_title {
            return None;
        }
        if !(if ministry { with_nationality } else { words >= 2 || (national && with_nationality) }) {
            return None;
        }
    }
    if end - head.tokens.end == 1
        && sole_org.is_none()
        && t.weak_heads_ar.contains(&cx.w(head.tokens.start)[head.prefix..])
    {
        return None;
    }
    // "برنامج العقوبات الأمريكية", "برنامج المنح الدراسية الأوروبية": a weak head, a plural and a
    // nationality make a description
    if end - head.tokens.end >= 2
        && code.is_some()
        && (cx.w(head.tokens.end).ends_with("ات") || head_stem == "برنامج")
        && t.weak_heads_ar.contains(&cx.w(head.tokens.start)[head.prefix..])
    {
        return None;
    }
    // "حركة الشاحنات", "تنظيم حركة المرور": movement of something, not a movement
    if matches!(head_stem, "حركة" | "حركه")
        && sole_org.is_none()
        && (end - head.tokens.end == 1
            && (cx.w(head.tokens.end).ends_with("ات") || cx.w(head.tokens.end).ends_with("ين"))
            || i > cx.lo
                && clitic_splits(cx.w(i - 1)).any(|r| verbal_noun_shape(&r.stem) || t.masdar_ar.contains(&*r.stem)))
    {
        return None;
    }
    // "للجنة العليا": لل + a noun that starts with ل and a definite adjective after it is the
    // definite noun (اللجنة); the mention then reads the article back
    if head.prefix > 0
        && !head.restored_article
        && cx.w(i).starts_with("لل")
        && head_stem.starts_with('ل')
        && head.tokens.end < end
        && written_definite(cx, head.tokens.end)
    {
        return Some(Proposal {
            kind: EntityKind::Organization,
            end,
            prefix: head.prefix,
            restored: "ال",
            key: None,
            code,
        });
    }
    if head_type == Head::Force && code.is_some() && end - head.tokens.end == 1 {
        // "القوات الروسية", "قوات روسية" are forces, not a named body
        return None;
    }
    let key = match sole_org {
        Some(Known::Org(o)) => Some(Key::Org(o)),
        _ => None,
    };
    Some(Proposal { kind: EntityKind::Organization, end, prefix: head.prefix, restored: head.restored, key, code })
}

/// First words of compound place names ("بيت حانون", "خان يونس", "دير الزور").
const PLACE_COMPOUND: &[&str] =
    &["بيت", "خان", "دير", "عين", "تل", "كفر", "جبل", "وادي", "راس", "ام", "ابو", "بني", "بئر", "سيدي", "مرج", "جسر"];

/// A place named after a place noun: "بلدة بيت حانون", "مخيم الهول", "ولاية كاليفورنيا". Returns the
/// name's tokens (the noun stays outside).
pub(super) fn place_at(cx: &Ctx<'_, '_>, i: usize) -> Option<std::ops::Range<usize>> {
    let t = cx.t;
    let head = cx.lex_at(lex::PLACE_HEADS_AR, &t.place_heads_ar, i)?;
    let j = head.tokens.end;
    if j >= cx.hi || !cx.free(j) || !cx.is_ar(j) || !cx.same_para(i, j) {
        return None;
    }
    let w = cx.w(j);
    let head_word = &cx.w(i)[head.prefix..];
    let plain = |w: &str| {
        name_like(cx, w) && !t.connectors_ar.contains(w) && !["لل", "بال", "وال"].iter().any(|p| w.starts_with(p))
    };
    let direction = matches!(w, "شمال" | "جنوب" | "شرق" | "غرب" | "وسط" | "شمالي" | "جنوبي" | "شرقي" | "غربي");
    if !plain(w) || direction || t.org_stop_ar.contains(w) || t.demonyms_ar.contains_key(w) {
        return None;
    }
    if written_definite(cx, j) {
        // "مدينة الباب", "مخيم الهول"; but "ولاية البعثة" is a mandate, "منطقة العمليات" no name
        let town = matches!(head_word, "مدينة" | "بلدة" | "قرية" | "محافظة" | "مخيم");
        let closes =
            j + 1 >= cx.hi || closes_name(cx, j + 1) || cx.owner(j + 1).is_some() || cx.w(j + 1).starts_with('و');
        return (town && w.ends_with(['ي', 'ر', 'ل', 'ب', 'ن', 'س', 'ف']) && closes).then_some(j..j + 1);
    }
    if !shaped_like_name(w) {
        return None;
    }
    let k = j + 1;
    if PLACE_COMPOUND.contains(&w) && k < cx.hi && cx.free(k) && cx.is_ar(k) && plain(cx.w(k)) {
        return Some(j..k + 1);
    }
    Some(j..k)
}

/// A paper or site named by its last word: "صحارى برس", "الرافدين نت", "الفجر الإخباري".
fn press_at(cx: &Ctx<'_, '_>, i: usize) -> Option<Proposal> {
    // the tail word comes first: one of the next two tokens must be one
    let tail_word = |k: usize| k < cx.hi && cx.flags(k) & wf::PRESS_TAIL_AR != 0;
    if !tail_word(i + 1) && !tail_word(i + 2) {
        return None;
    }
    let word_ok =
        |k: usize| k < cx.hi && cx.free(k) && cx.is_ar(k) && cx.flags(k) & (wf::STOP_AR | wf::PRESS_TAIL_AR) == 0;
    if !word_ok(i) {
        return None;
    }
    let tail_at = |k: usize| k < cx.hi && cx.free(k) && cx.flags(k) & wf::PRESS_TAIL_AR != 0 && cx.same_para(k - 1, k);
    let end = if tail_at(i + 1) {
        i + 2
    } else if word_ok(i + 1) && cx.same_para(i, i + 1) && tail_at(i + 2) {
        i + 3
    } else {
        return None;
    };
    Some(Proposal { kind: EntityKind::Organization, end, prefix: 0, restored: "", key: None, code: None })
}

/// True when word `w` may be part of a personal name.
fn name_like(cx: &Ctx<'_, '_>, w: &str) -> bool {
    let t = cx.t;
    !(conj_readings(w).any(|r| t.stop_ar.contains(r) || t.speech_ar.contains(r))
        || verbal_noun_shape(w)
        || t.demonyms_ar.contains_key(w)
        || t.title_words_ar.contains(w)
        || t.head_words_ar.contains(w))
}

/// [`name_like`] of token `k`'s word, its word sets read from its features.
fn name_like_at(cx: &Ctx<'_, '_>, k: usize) -> bool {
    let not_in_name = wf::STOP_AR | wf::SPEECH_AR | wf::DEMONYM_AR | wf::TITLE_WORD_AR | wf::HEAD_WORD_AR;
    if cx.flags(k) & not_in_name != 0 {
        return false;
    }
    let w = cx.w(k);
    // the other reading of [`conj_readings`]: the word without و/ف
    let bare = conj_readings(w).nth(1).is_some_and(|r| cx.t.stop_ar.contains(r) || cx.t.speech_ar.contains(r));
    !(bare || verbal_noun_shape(w))
}

/// True when `w` is a known given name or surname; a weak given name ("سامي", "كريم") counts too,
/// since every rule that asks has other evidence of a name (a title, a speech verb, a known name).
fn known_name(cx: &Ctx<'_, '_>, w: &str) -> bool {
    let k = name_key(w);
    cx.t.given_ar.contains(k.as_ref())
        || cx.t.surname_ar.contains(k.as_ref())
        || cx.t.weak_given_ar.contains(k.as_ref())
}

/// [`known_name`] of token `k`'s word, read from its features.
fn known_name_at(cx: &Ctx<'_, '_>, k: usize) -> bool {
    cx.flags(k) & wf::NAMES_AR != 0
}

/// True when `w` is a known given name or surname (weak given names left out).
fn strong_name(cx: &Ctx<'_, '_>, w: &str) -> bool {
    let k = name_key(w);
    cx.t.given_ar.contains(k.as_ref()) || cx.t.surname_ar.contains(k.as_ref())
}

/// A full name from the people gazetteer written at token `j` without clitics: its end.
fn gazetteer_name(cx: &Ctx<'_, '_>, j: usize) -> Option<usize> {
    let m = cx.lex_at(lex::PEOPLE, &cx.t.people, j)?;
    (m.prefix == 0 && m.tokens.end <= cx.hi && m.tokens.clone().all(|k| cx.free(k))).then_some(m.tokens.end)
}

/// Verbal nouns of the تفعيل pattern ("تقديم", "تعزيز", "تمديد"), which follow titles but are no names.
fn verbal_noun_shape(w: &str) -> bool {
    // the first six letters are all the tests below read
    let mut c = ['\0'; 6];
    let mut n = 0;
    for ch in w.chars() {
        if n < c.len() {
            c[n] = ch;
        }
        n += 1;
    }
    // تفعيل (تقديم), تفاعل (تعاون), افتعال (احترام), استفعال (استعداد)
    (n == 5 && c[0] == 'ت' && (c[3] == 'ي' || c[2] == 'ا'))
        || (n == 6 && c[0] == 'ا' && c[2] == 'ت' && c[4] == 'ا')
        || (n >= 6 && w.starts_with("است"))
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
fn name_at(cx: &Ctx<'_, '_>, j: usize, triggered: bool) -> Option<(usize, usize, usize)> {
    if let Some(end) = gazetteer_name(cx, j) {
        let n = end - j;
        return Some((end, n, n));
    }
    let mut k = j;
    let mut words = 0;
    let mut known = 0;
    let mut last_word_end = j;
    while k < cx.hi && words < MAX_NAME && cx.free(k) && cx.is_ar(k) && (k == j || cx.same_para(k - 1, k)) {
        let w = cx.w(k);
        // "آل ثاني": after the family word any word is the name
        let after_family = k > j && cx.w(k - 1) == "ال";
        // "عبدالله علي اليحيا": علي written with ي inside a name is the name, not the preposition
        let ali = k > j && cx.orig(k) == "علي" && k + 1 < cx.hi && cx.is_ar(k + 1);
        // "مراد تشليك أن": after a known given name a closing word shaped like a verbal noun is a surname
        let foreign_surname =
            k == j + 1 && cx.flags(j) & wf::GIVEN_AR != 0 && verbal_noun_shape(w) && closes_name(cx, k + 1);
        // "هاني المصري أن": a nationality adjective right after a given name, closing it, is the
        // family name (news put the nationality before the name)
        let nisba_surname = k == j + 1
            && cx.flags(j) & wf::GIVEN_AR != 0
            && written_definite(cx, k)
            && cx.flags(k) & wf::DEMONYM_AR != 0
            && closes_name(cx, k + 1);
        if nisba_surname {
            words += 1;
            last_word_end = k + 1;
            break;
        }
        if !name_like_at(cx, k) && !after_family && !ali && !foreign_surname {
            break;
        }
        if cx.flags(k) & wf::CONNECTOR_AR != 0 {
            // "عبد الله", "أبو هولي", "دي ميستورا": the connector needs a name after it
            k += 1;
            continue;
        }
        let after_connector = k > j && cx.flags(k - 1) & wf::CONNECTOR_AR != 0;
        if words > 0 && !after_connector && !known_name_at(cx, k) && !continues_name(w, words) {
            break;
        }
        // "بترا وقنا": a conjunction starts a new phrase unless the word is a known name (وليد)
        if words > 0 && w.starts_with('و') && !known_name_at(cx, k) {
            break;
        }
        if written_definite(cx, k) {
            // a surname such as البياتي, or after a connector ("عبد الله", "أبو الغيط")
            let nisba = w.ends_with('ي') && cx.flags(k) & wf::ORG_STOP_AR == 0;
            // after a known given name: "محمد الأسطل", "أشرف القدرة"
            let after_given = triggered
                && k > j
                && cx.flags(k - 1) & wf::GIVEN_AR != 0
                && cx.flags(k) & wf::ORG_STOP_AR == 0
                && cx.known_at(k).is_none();
            if !(after_connector || (words > 0 && (known_name_at(cx, k) || nisba || after_given))) {
                break;
            }
        } else if !(known_name_at(cx, k) || shaped_like_name(w)) {
            // a surname such as بوريطة closes the name
            if words > 0 && w.ends_with('ة') && w.chars().count() >= 4 && closes_name(cx, k + 1) {
                words += 1;
                last_word_end = k + 1;
                break;
            }
            break;
        }
        if known_name_at(cx, k) {
            known += 1;
        }
        words += 1;
        k += 1;
        last_word_end = k;
    }
    (words > 0).then_some((last_word_end, words, known))
}

/// Whether an unknown word can be word number `words + 1` of a name: not a clitic with the article
/// ("بالسفير"), not a future verb ("سيزور"), and from the third word on not an accusative noun
/// ("منسقا").
fn continues_name(w: &str, words: usize) -> bool {
    let n = w.chars().count();
    let clitic_article = ["بال", "لل", "وال"].iter().any(|p| w.starts_with(p));
    let future = n >= 4 && ["سي", "ست", "سن"].iter().any(|p| w.starts_with(p));
    let accusative = words >= 2 && n >= 4 && w.ends_with('ا') && !w.starts_with("ال");
    let pronoun = words >= 2 && w.ends_with('ه');
    !(clitic_article || future || accusative || pronoun)
}

/// A strong end after a one-word name: punctuation, a line break, or a clause (إن/أن).
fn clause_follows(cx: &Ctx<'_, '_>, k: usize) -> bool {
    k >= cx.hi || cx.is_punct(k) || !cx.same_para(k - 1, k) || matches!(cx.w(k), "ان" | "انه" | "انها" | "بان")
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
        || cx.lex_at(lex::TITLES_AR, &cx.t.titles_ar, k).is_some_and(|m| m.prefix == 0)
}

/// A person starting at token `i`: after a title or role (with its complement), after a speech
/// verb, or opening with a known given name. Returns the name's tokens.
pub(super) fn person_at(cx: &Ctx<'_, '_>, i: usize) -> Option<(std::ops::Range<usize>, Option<&'static str>)> {
    let t = cx.t;
    // after a title: "وزير الخارجية المغربي ناصر الحمداوي", "المبعوث الأممي، هانس غروندبرغ"
    if let Some(m) = cx.lex_at(lex::TITLES_AR, &t.titles_ar, i) {
        let mut k = m.tokens.end;
        if cx.w(i).get(m.prefix..) == Some("د") {
            if k < cx.hi && cx.w(k) == "." {
                k += 1;
            } else {
                return None;
            }
        }
        let mut skipped = 0;
        let mut code = None; // "كاتب الدولة الإسباني للأمن": the nationality of the title
        while k < cx.hi && skipped < 10 && cx.same_para(k - 1, k) {
            if let Some(o) = cx.owner(k) {
                // a place or body in the role: "سفير روسيا", "للجنة مكافحة التطرف"
                let end = (k..cx.hi).find(|&x| cx.owner(x) != Some(o)).unwrap_or(cx.hi);
                skipped += end - k;
                k = end;
                continue;
            }
            let w = cx.w(k);
            // "المتحدث باسم الحكومة باسم العوادي": a second باسم is the given name
            if w == "باسم" && (i..k).any(|x| cx.w(x).ends_with("باسم")) {
                break;
            }
            let role_word = written_definite(cx, k)
                || t.demonyms_ar.contains_key(w)
                || matches!(w, "باسم" | "لدى" | "لدي" | "في" | "فى" | "لشؤون" | "العام" | "الخاص" | "،" | ",")
                || after_li(w).is_some_and(|r| definite(&r) || t.masdar_ar.contains(&r))
                || (w.starts_with('ب') && definite(&w[2..]))
                || t.role_nouns_ar.contains(w)
                || w.strip_prefix('و').is_some_and(|r| definite(r) || t.masdar_ar.contains(r));
            if !role_word || strong_name(cx, w) && !definite(w) {
                break;
            }
            if code.is_none() {
                code = t.demonyms_ar.get(w).copied();
            }
            if matches!(w, "،" | ",") && !(k + 1 < cx.hi && cx.is_ar(k + 1)) {
                break;
            }
            k += 1;
            skipped += 1;
        }
        if let Some((end, words, known)) = name_at(cx, k, true) {
            // one unknown word: "الأمين العام غوتيريش في تقريره"
            let single = cx.w(k);
            // a lone weak given name is also an adjective: "الأمين العام سعيد بالنتائج"
            let strong = known > 0 && (words >= 2 || strong_name(cx, single) || closes_name(cx, end));
            let bare_ok = words >= 2
                || strong
                || clause_follows(cx, end)
                || (single.chars().count() >= 4 && !single.ends_with('ه') && closes_name(cx, end));
            if bare_ok {
                return Some((k..end, code));
            }
        }
        return None;
    }
    // after a speech verb: "وقال أوباما إن", "وأضاف لابورد،"
    let feat = cx.feat(i);
    if (feat.flags & wf::SPEECH_AR != 0 || feat.conj_speech) && i + 1 < cx.hi && cx.free(i + 1) {
        let j = i + 1;
        if cx.lex_at(lex::TITLES_AR, &t.titles_ar, j).is_some() || cx.lex_at(lex::HEADS_AR, &t.heads_ar, j).is_some() {
            return None;
        }
        if let Some((end, words, known)) = name_at(cx, j, true)
            && (known > 0 || (words >= 2 && closes_name(cx, end)) || (words == 1 && clause_follows(cx, end)))
            && words <= 4
        {
            return Some((j..end, None));
        }
        return None;
    }
    // "وكان ديفيد بيزلي قد حذر": a name between كان and قد
    // كان or كانت, or either after a و/ف conjunction
    if matches!(cx.w(i), "كان" | "كانت" | "وكان" | "وكانت" | "فكان" | "فكانت") && i + 1 < cx.hi && cx.free(i + 1)
    {
        let j = i + 1;
        if let Some((end, words, _)) = name_at(cx, j, true)
            && words >= 2
            && end < cx.hi
            && cx.w(end) == "قد"
        {
            return Some((j..end, None));
        }
        return None;
    }
    // a known given name with more name after it: "ليلى المنصوري"
    let given = feat.flags & wf::GIVEN_AR != 0;
    if given
        && i + 1 < cx.hi
        && cx.free(i + 1)
        && let Some((end, words, known)) = name_at(cx, i, false)
        && words >= 2
        && known >= 1
    {
        return Some((i..end, None));
    }
    None
}

/// Complements that make a feature noun a common phrase, not a name: "سد الفجوة" (fill the gap),
/// "قصر النظر", "مطار العاصمة", "ميناء الصيد".
const FEATURE_NOT_NAMES: &[&str] = &[
    "الفجوه",
    "الفجوة",
    "فجوة",
    "العجز",
    "عجز",
    "النقص",
    "نقص",
    "الثغرات",
    "الثغرة",
    "ثغرات",
    "الحاجة",
    "حاجة",
    "الاحتياجات",
    "احتياجات",
    "الفراغ",
    "فراغ",
    "الطريق",
    "الذرائع",
    "الباب",
    "النظر",
    "المدة",
    "العاصمة",
    "المدينة",
    "الصيد",
    "الحاويات",
    "البلاد",
    "البلد",
    "المنطقة",
    "العدل",
    "الضيافة",
    "الرئاسة",
    "الثقافة",
    "الرمال",
    "الجليد",
    "الدم",
    "الدماء",
    "الظما",
    "الرمق",
    "الشاطئ",
];

/// Adjectives and common words that follow a feature noun without naming it ("مخيم مؤقت", "معبر حدودي").
const FEATURE_ADJECTIVES: &[&str] = &[
    "كبير",
    "صغير",
    "جديد",
    "قديم",
    "مؤقت",
    "اخر",
    "ثان",
    "ثاني",
    "واحد",
    "رييسي",
    "رئيسي",
    "حدودي",
    "بري",
    "بحري",
    "جوي",
    "دولي",
    "مدني",
    "عسكري",
    "تجاري",
    "مائي",
    "ضخم",
    "مكتظ",
    "عشوائي",
    "رسمي",
    "مغلق",
    "مفتوح",
    "مهم",
    "واسع",
    "ثالث",
    "اضافي",
    "جاف",
    "عميق",
    "طويل",
    "قريب",
    "بعيد",
    "مجاور",
    "سري",
    "شرعي",
    "غير",
    "اخري",
    "امن",
    "انساني",
    "حيوي",
    "استراتيجي",
    "تاريخي",
    "سياحي",
    "طبيعي",
    "ضيق",
    "كامل",
    "مزدحم",
    "محاصر",
    "مدمر",
    "نهري",
    "جبلي",
    "صحراوي",
    "اثري",
    "ملكي",
    "رئاسي",
    "حكومي",
    "خاص",
    "عام",
    "وحيد",
    "اول",
    "اخير",
    "بديل",
    "مشترك",
    "ثابت",
    "متنقل",
    "عائم",
    "شاهق",
    "ضحل",
    "هادئ",
    "مزيف",
    "سابق",
    "حالي",
    "محلي",
    "اقليمي",
];

/// A named geographic feature or site whose noun is part of its name: "نهر الليطاني", "سد النهضة",
/// "معبر رفح", "مخيم زمزم", "قصر بعبدا". Returns the tokens (the noun included) and the clitic bytes
/// of the noun left out.
pub(super) fn feature_at(cx: &Ctx<'_, '_>, i: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let t = cx.t;
    let head = cx.lex_at(lex::FEATURE_HEADS_AR, &t.feature_heads_ar, i)?;
    if head.restored_article || head.tokens.len() != 1 {
        return None;
    }
    let j = head.tokens.end;
    if j >= cx.hi || !cx.free(j) || !cx.is_ar(j) || !cx.same_para(i, j) {
        return None;
    }
    // a known place after the noun: "معبر رفح", "مطار بيروت", "جبل لبنان"; a one-word
    // organisation there is a place's name too ("ميناء الفاو")
    if let Some(m) = cx.known_at(j).filter(|m| m.prefix == 0 && m.tokens.end <= cx.hi) {
        let place = matches!(m.value, Known::Place(_)) || (m.tokens.len() == 1 && written_definite(cx, j));
        return place.then_some((i..m.tokens.end, head.prefix));
    }
    let w = cx.w(j);
    let direction = matches!(w, "شمال" | "جنوب" | "شرق" | "غرب" | "وسط" | "شمالي" | "جنوبي" | "شرقي" | "غربي");
    // "مطار الملكة علياء الدولي", "مطار الملك خالد": a royal title and a name
    if matches!(w, "الملك" | "الملكة" | "الامير" | "الاميرة" | "السلطان" | "الشيخ")
        && let Some((end, _, _)) = name_at(cx, j + 1, true)
    {
        let intl = end < cx.hi && cx.free(end) && cx.same_para(end - 1, end) && cx.w(end) == "الدولي";
        return Some((i..if intl { end + 1 } else { end }, head.prefix));
    }
    // "مخيم أبو شوك": a connector and the name after it
    if t.connectors_ar.contains(w) {
        let k = j + 1;
        let ok = k < cx.hi && cx.free(k) && cx.is_ar(k) && cx.same_para(j, k) && name_like_at(cx, k);
        return ok.then_some((i..k + 1, head.prefix));
    }
    if direction
        || !name_like(cx, w)
        || t.org_stop_ar.contains(w)
        || FEATURE_NOT_NAMES.contains(&w)
        || FEATURE_ADJECTIVES.contains(&w)
        || t.masdar_ar.contains(w)
        || ["لل", "بال", "وال", "كال", "فال"].iter().any(|p| w.starts_with(p))
    {
        return None;
    }
    if written_definite(cx, j) {
        // "مخيم اللاجئين", "سد التمويل": plural and verbal nouns are no names
        let bare = &w[4..];
        if w.ends_with("ين") || w.ends_with("ون") || verbal_noun_shape(bare) || t.masdar_ar.contains(bare) {
            return None;
        }
        return Some((i..j + 1, head.prefix));
    }
    // named after a person: "مطار رفيق الحريري الدولي"
    if cx.t.given_ar.contains(name_key(w).as_ref())
        && let Some((end, words, _)) = name_at(cx, j, true)
        && words >= 2
    {
        let intl = end < cx.hi && cx.free(end) && cx.same_para(end - 1, end) && cx.w(end) == "الدولي";
        return Some((i..if intl { end + 1 } else { end }, head.prefix));
    }
    // an indefinite name: not a verb ("مخيم يضم"), not a feminine or plural common noun
    let n = w.chars().count();
    let verb = w.starts_with(['ي', 'ت']) && n <= 5 && !known_name(cx, w);
    if verb || n < 3 || w.ends_with('ة') || w.ends_with("ات") || w.starts_with('و') || verbal_noun_shape(w) {
        return None;
    }
    let k = j + 1;
    if (PLACE_COMPOUND.contains(&w) || t.connectors_ar.contains(cx.w(j)))
        && k < cx.hi
        && cx.free(k)
        && cx.is_ar(k)
        && name_like_at(cx, k)
    {
        return Some((i..k + 1, head.prefix));
    }
    Some((i..k, head.prefix))
}
