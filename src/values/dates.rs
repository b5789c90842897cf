//! Date expressions: calendar dates with a month name, numeric dates, years with a cue, and
//! weekdays, normalised to ISO 8601.

use super::heads::Heads;
use super::{Toks, table, tsv};
use crate::model::{DateGrain, DateValue, Dateline};
use crate::text::{Doc, LexMatch, Lexicon, TokenKind};
use std::ops::Range;
use std::sync::LazyLock;

/// A month name as listed in `calendar.tsv`.
#[derive(Debug, Clone, Copy)]
struct MonthName {
    month: u8,
    /// English (Latin-script) name: it must be capitalised in the text.
    english: bool,
    /// An abbreviation ("Nov", "Sept"): it needs a day or a year next to it. (Every month name
    /// alone needs a cue, since several are also common words: "May", "March", مارس the verb,
    /// آب which normalises like أب "father", نيسان the car maker.)
    abbr: bool,
}

struct Calendar {
    months: Lexicon<MonthName>,
    /// Weekday 1 = Monday … 7 = Sunday, and whether the name is English.
    weekdays: Lexicon<(u8, bool)>,
    /// Arabic ordinal day numbers ("الحادي عشر" = 11) used in "الحادي عشر من سبتمبر".
    ordinals: Lexicon<u8>,
    /// The first words of the three tables.
    heads: Heads,
}

static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
    let mut months = Lexicon::new(true);
    let mut weekdays = Lexicon::new(true);
    let mut heads = Heads::default();
    for row in tsv(include_str!("calendar.tsv")) {
        let (kind, name, n, series) = (row[0], row[1], row[2], row.get(3).copied().unwrap_or(""));
        let n: u8 = n.parse().expect("calendar.tsv: number");
        let english = name.is_ascii();
        match kind {
            "month" => {
                let abbr = series.starts_with("en-abbr") || (english && series.contains("hand"));
                months.insert(name, MonthName { month: n, english, abbr });
                heads.add(name, table::MONTH);
            }
            "weekday" => {
                weekdays.insert(name, (n, english));
                heads.add(name, table::WEEKDAY);
            }
            _ => panic!("calendar.tsv: unknown kind {kind}"),
        }
    }
    let mut ordinals = Lexicon::new(false);
    let mut ordinal = |w: &str, n: u8| {
        ordinals.insert(w, n);
        heads.add(w, table::ORDINAL);
    };
    const UNITS: [&str; 10] =
        ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
    for (n, w) in UNITS.iter().enumerate().skip(1) {
        ordinal(w, n as u8);
        ordinal(&format!("{} عشر", if n == 1 { "الحادي" } else { w }), n as u8 + 10);
        let unit = if n == 1 { "الحادي" } else { w };
        ordinal(&format!("{unit} والعشرين"), n as u8 + 20);
    }
    ordinal("العاشر", 10);
    // Moroccan usage: "فاتح ماي" is the first of May
    ordinal("فاتح", 1);
    ordinal("العشرين", 20);
    ordinal("الثلاثين", 30);
    ordinal("الحادي والثلاثين", 31);
    ordinal("الواحد والثلاثين", 31);
    Calendar { months, weekdays, ordinals, heads }
});

pub(super) fn warm() {
    LazyLock::force(&CALENDAR);
}

/// The first words of the month, weekday and ordinal tables.
pub(super) fn heads() -> &'static Heads {
    &CALENDAR.heads
}

/// A month name starting at token `i`.
fn months_at(t: &Toks<'_>, i: usize) -> Option<LexMatch<'static, MonthName>> {
    if t.may(i, table::MONTH) { CALENDAR.months.longest_at(t.an, i) } else { None }
}

/// A weekday name starting at token `i`: (weekday, English).
fn weekdays_at(t: &Toks<'_>, i: usize) -> Option<LexMatch<'static, (u8, bool)>> {
    if t.may(i, table::WEEKDAY) { CALENDAR.weekdays.longest_at(t.an, i) } else { None }
}

/// An Arabic ordinal day starting at token `i`.
fn ordinals_at(t: &Toks<'_>, i: usize) -> Option<LexMatch<'static, u8>> {
    if t.may(i, table::ORDINAL) { CALENDAR.ordinals.longest_at(t.an, i) } else { None }
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ymd {
    y: i32,
    m: u32,
    d: u32,
}

impl Ymd {
    pub(super) fn parse(s: &str) -> Option<Ymd> {
        let mut it = s.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        (it.next().is_none() && valid(y, m, d)).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Ymd {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Ymd { y, m, d }
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday.
    fn weekday(self) -> u8 {
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Which occurrence a relative expression means ("الخميس المقبل", "last Monday", "مارس الماضي").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    /// No modifier: the nearest occurrence (for weekdays: on or before the reference, unless the
    /// sentence speaks of the future).
    Nearest,
    /// The last one before the reference.
    Previous,
    /// The next one after the reference.
    Next,
    /// The current one ("الجاري", "this").
    Current,
}

/// A date as written: the parts it gives.
#[derive(Debug, Clone, Copy, Default)]
struct Parts {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
}

/// A date expression found in the text.
#[derive(Debug, Clone)]
pub(super) struct FoundDate {
    /// Token indices it covers.
    pub(super) tokens: Range<usize>,
    /// Original byte range.
    pub(super) range: Range<usize>,
    /// The normalised value.
    pub(super) value: DateValue,
}

/// A calendar expression at a token: its token range and parts; `bare` when it is a month name
/// alone (no day, no year), which needs a cue to count.
struct CalHit {
    end: usize,
    parts: Parts,
    bare: bool,
    abbr: bool,
}

const MONTH_CUES: &[&str] = &[
    "شهر",
    "شهري",
    "في",
    "منذ",
    "خلال",
    "مطلع",
    "اوائل",
    "اواخر",
    "منتصف",
    "نهاية",
    "بداية",
    "اواسط",
    "حتي",
    "غاية",
    "مستهل",
    "اواخر",
    "طيلة",
    "طوال",
    "قبل",
    "بعد",
];
const MONTH_CUES_EN: &[&str] = &[
    "in", "since", "during", "until", "till", "by", "from", "through", "early", "late", "mid", "last", "next", "this",
    "of", "before", "after",
];
const REL_PREVIOUS: &[&str] = &["الماضي", "المنصرم", "الفائت", "السابق", "الماضية"];
const REL_NEXT: &[&str] = &["المقبل", "القادم", "المقبلة", "القادمة"];
const REL_CURRENT: &[&str] = &["الجاري", "الحالي"];
const YEAR_STRONG: &[&str] = &["عام", "العام", "سنة", "السنة", "عامي", "العامين", "سنتي", "year"];
const YEAR_WEAK: &[&str] = &[
    "في",
    "منذ",
    "خلال",
    "حتي",
    "قبل",
    "بعد",
    "مطلع",
    "اوائل",
    "اواخر",
    "منتصف",
    "نهاية",
    "بداية",
    "اواسط",
    "غاية",
    "مستهل",
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "of",
];
/// Words after which "الاثنين" is the numeral "the two", not Monday.
const TWO_CONTEXT: &[&str] = &["بين", "كلا", "هذين", "هاذين", "اول", "ثاني"];

fn ascii_upper_initial(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// A month name at token `i` (with an alternative name after "/", "-" or in parentheses, as in
/// "أيلول/سبتمبر" or "تشرين الثاني (نوفمبر)"): its end, month and whether it is an abbreviation.
fn month_group(t: &Toks<'_>, i: usize, limit: usize) -> Option<(usize, u32, bool)> {
    let m = months_at(t, i)?;
    if m.tokens.end > limit || (m.value.english && !ascii_upper_initial(t.orig(i))) {
        return None;
    }
    let mut end = m.tokens.end;
    let month = u32::from(m.value.month);
    let mut abbr = m.value.abbr;
    if m.value.english
        && m.value.abbr
        && end + 1 < limit
        && t.word(end) == "."
        && t.glued(end)
        && t.kind(end + 1) == Some(TokenKind::Number)
    {
        end += 1; // "Nov."
    }
    // alternative name: "/", "-", "–" or "(…)"
    let sep = t.word(end);
    if end + 1 < limit
        && matches!(sep, "/" | "(" | "-" | "–" | "،" | ",")
        && let Some(m2) = months_at(t, end + 1)
        && m2.tokens.end <= limit
        && m2.value.month == m.value.month
    {
        abbr = false;
        end = m2.tokens.end;
        if sep == "(" && end < limit && t.word(end) == ")" {
            end += 1;
        }
    }
    Some((end, month, abbr))
}

/// A day number 1–31 at token `i` ("3", "03", "3rd"): its value and end.
fn day_number(t: &Toks<'_>, i: usize, limit: usize) -> Option<(u32, usize)> {
    if t.kind(i) != Some(TokenKind::Number) || i >= limit {
        return None;
    }
    let w = t.word(i);
    if w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = w.parse().ok()?;
    if !(1..=31).contains(&d) || t.word(i + 1) == "/" && t.glued(i + 1) {
        return None;
    }
    let mut end = i + 1;
    if end < limit && t.glued(end) && t.is(end, &["st", "nd", "rd", "th"]) {
        end += 1;
    }
    Some((d, end))
}

/// A year (four digits, 1000–2200) at token `i`, with a glued era mark ("2015م") taken along.
fn year_number(t: &Toks<'_>, i: usize, limit: usize) -> Option<(i32, usize)> {
    if i >= limit || t.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let w = t.word(i);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    if !(1000..=2200).contains(&y) {
        return None;
    }
    let mut end = i + 1;
    if end < limit && t.glued(end) && matches!(t.word(end), "م" | "ء") {
        end += 1;
    }
    // a Hijri year ("1437 هـ", "1437هـ", "1437 هجرية") is not a Gregorian one
    if t.word(end) == "ه" || t.is(end, &["هجري", "هجرية", "للهجرة"]) {
        return None;
    }
    Some((y, end))
}

/// The year part after a month: optional comma, optional "من (عام|العام|سنة)" or "of", the year.
fn year_after(t: &Toks<'_>, k: usize, limit: usize) -> Option<(i32, usize)> {
    let mut k = k;
    if matches!(t.word(k), "," | "،") {
        k += 1;
    }
    if let Some(y) = year_number(t, k, limit) {
        return Some(y);
    }
    if t.is(k, &["من", "of"]) {
        k += 1;
        if t.is(k, &["عام", "العام", "سنة", "السنة"]) {
            k += 1;
        }
        return year_number(t, k, limit);
    }
    None
}

/// A numeric date at token `i`: `2016-07-28`, `28/07/2016`, `28.7.2016` (English text reads an
/// ambiguous `7/8/2016` month first, other text day first).
fn numeric_date(t: &Toks<'_>, i: usize, limit: usize, english: bool) -> Option<(usize, Parts)> {
    if t.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    // not inside a symbol such as "A/RES/67/19"
    if t.glued(i) && !matches!(t.word(i - 1), "(" | "[" | "\"") {
        return None;
    }
    let mut end = i + 1;
    let mut s = t.word(i).to_string();
    while end < limit
        && t.glued(end)
        && (t.kind(end) == Some(TokenKind::Number)
            || (matches!(t.word(end), "/" | "-" | ".")
                && t.glued(end + 1)
                && t.kind(end + 1) == Some(TokenKind::Number)))
    {
        s.push_str(t.word(end));
        end += 1;
    }
    let nums: Vec<&str> = s.split(['/', '-', '.']).collect();
    if nums.len() != 3 || nums.iter().any(|n| n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n: Vec<u32> = nums.iter().map(|n| n.parse().unwrap_or(0)).collect();
    let (y, m, d) = if nums[0].len() == 4 {
        (n[0], n[1], n[2])
    } else if nums[2].len() == 4 && nums[0].len() <= 2 && nums[1].len() <= 2 {
        let (a, b) = (n[0], n[1]);
        if a > 12 || (!english && b <= 12) { (n[2], b, a) } else { (n[2], a, b) }
    } else {
        return None;
    };
    let y = y as i32;
    if !(1900..=2200).contains(&y) || !valid(y, m, d) {
        return None;
    }
    Some((end, Parts { y: Some(y), m: Some(m), d: Some(d) }))
}

/// A calendar expression starting at token `i`.
fn calendar_at(t: &Toks<'_>, i: usize, limit: usize, english: bool) -> Option<CalHit> {
    if let Some((end, parts)) = numeric_date(t, i, limit, english) {
        return Some(CalHit { end, parts, bare: false, abbr: false });
    }
    // day first: "11 أيلول/سبتمبر 2001", "3rd of November", "الحادي عشر من سبتمبر"
    let day = if let Some((d, mut k)) = day_number(t, i, limit) {
        if t.is(k, &["of", "من"]) {
            k += 1;
        }
        Some((d, k))
    } else if let Some(o) = ordinals_at(t, i) {
        let fatih = o.tokens.len() == 1 && t.word(i).ends_with("فاتح");
        if t.is(o.tokens.end, &["من"]) {
            Some((u32::from(*o.value), o.tokens.end + 1))
        } else {
            fatih.then_some((1, o.tokens.end))
        }
    } else {
        None
    };
    if let Some((d, k)) = day
        && let Some((mut end, m, _)) = month_group(t, k, limit)
    {
        let mut parts = Parts { y: None, m: Some(m), d: Some(d) };
        if let Some((y, e)) = year_after(t, end, limit) {
            parts.y = Some(y);
            end = e;
        }
        return Some(CalHit { end, parts, bare: false, abbr: false });
    }
    if day.is_some() {
        return None;
    }
    // month first: "November 3, 2015", "Nov. 3", "يناير 2016", "March of 2015"
    let (mut end, m, abbr) = month_group(t, i, limit)?;
    let mut parts = Parts { y: None, m: Some(m), d: None };
    let mut bare = true;
    if (english || t.word(i).is_ascii())
        && let Some((d, e)) = day_number(t, end, limit)
    {
        // not "March 2 000"; a day is followed by a comma, a year or no number
        parts.d = Some(d);
        end = e;
        bare = false;
    }
    if let Some((y, e)) = year_after(t, end, limit) {
        parts.y = Some(y);
        end = e;
        bare = false;
    }
    Some(CalHit { end, parts, bare, abbr })
}

/// The relative modifier after a date expression ("الماضي") or before it ("last"): its value
/// and, when it follows, the token after it.
fn relative(t: &Toks<'_>, start: usize, end: usize, limit: usize) -> (Rel, usize) {
    let after = t.word(end);
    if end < limit {
        if REL_PREVIOUS.contains(&after) {
            return (Rel::Previous, end + 1);
        }
        if REL_NEXT.contains(&after) {
            return (Rel::Next, end + 1);
        }
        if REL_CURRENT.contains(&after) {
            return (Rel::Current, end + 1);
        }
    }
    if start > 0 {
        let before = t.word(start - 1);
        if before.eq_ignore_ascii_case("last") {
            return (Rel::Previous, end);
        }
        if before.eq_ignore_ascii_case("next") {
            return (Rel::Next, end);
        }
        if before.eq_ignore_ascii_case("this") {
            return (Rel::Current, end);
        }
    }
    (Rel::Nearest, end)
}

/// The value of a calendar expression, resolved against `reference` where parts are missing.
fn resolve(parts: Parts, rel: Rel, reference: Option<Ymd>) -> Option<DateValue> {
    let value = |value: String, grain| Some(DateValue { value, grain });
    match (parts.y, parts.m, parts.d) {
        (Some(y), Some(m), Some(d)) => {
            valid(y, m, d).then(|| Ymd { y, m, d }.iso()).and_then(|v| value(v, DateGrain::Day))
        }
        (Some(y), Some(m), None) => value(format!("{y:04}-{m:02}"), DateGrain::Month),
        (Some(y), None, _) => value(format!("{y:04}"), DateGrain::Year),
        (None, Some(m), Some(d)) => {
            if d > days_in_month(2000, m) {
                return None;
            }
            match reference {
                Some(r) => {
                    // the year that puts the day nearest the reference, or before or after it
                    // when the text says so ("31 يناير المقبل")
                    let years = [r.y - 1, r.y, r.y + 1].into_iter().filter(|&y| valid(y, m, d));
                    let offset = |y: i32| Ymd { y, m, d }.days() - r.days();
                    let best = match rel {
                        Rel::Previous => years.filter(|&y| offset(y) < 0).max(),
                        Rel::Next => years.filter(|&y| offset(y) > 0).min(),
                        Rel::Current => Some(r.y).filter(|&y| valid(y, m, d)),
                        Rel::Nearest => years.min_by_key(|&y| offset(y).abs()),
                    }?;
                    value(Ymd { y: best, m, d }.iso(), DateGrain::Day)
                }
                None => value(format!("--{m:02}-{d:02}"), DateGrain::Day),
            }
        }
        (None, Some(m), None) => match reference {
            Some(r) => {
                let y = match rel {
                    Rel::Current => r.y,
                    Rel::Previous => {
                        if m < r.m {
                            r.y
                        } else {
                            r.y - 1
                        }
                    }
                    Rel::Next => {
                        if m > r.m {
                            r.y
                        } else {
                            r.y + 1
                        }
                    }
                    Rel::Nearest => {
                        let diff = m as i32 - r.m as i32;
                        if diff > 6 {
                            r.y - 1
                        } else if diff < -6 {
                            r.y + 1
                        } else {
                            r.y
                        }
                    }
                };
                value(format!("{y:04}-{m:02}"), DateGrain::Month)
            }
            None => value(format!("--{m:02}"), DateGrain::Month),
        },
        (None, None, _) => None,
    }
}

const WEEKDAY_NAMES: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// Words before a weekday, in its clause, that put it in the future.
const FUTURE_CUES: &[&str] = &["سوف", "المقرر", "يعتزم", "تعتزم", "will", "scheduled", "due", "expected", "plans"];

/// A weekday at token `i`: (weekday, end).
fn weekday_at(t: &Toks<'_>, i: usize, limit: usize) -> Option<(u8, usize)> {
    let m = weekdays_at(t, i)?;
    let (wd, english) = *m.value;
    if m.tokens.end > limit {
        return None;
    }
    if english {
        // "Sunday Times", "Good Friday", "Super Tuesday": names, not days
        if !ascii_upper_initial(t.orig(i))
            || t.is(m.tokens.end, &["Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Tribune", "Mail"])
            || (i > 0 && t.is(i - 1, &["Good", "Black", "Super", "Bloody", "Palm", "Easter", "Cyber", "Ash", "Holy"]))
        {
            return None;
        }
    } else {
        // "الاثنين" after بين/كلا is "the two"; "الأحد عشر" is eleven
        if wd == 1 && i > 0 && (TWO_CONTEXT.contains(&t.word(i - 1)) || t.is(m.tokens.end, &["معا", "منهما", "منهم"]))
        {
            return None;
        }
        if t.is(m.tokens.end, &["عشر", "عشرة"]) {
            return None;
        }
    }
    Some((wd, m.tokens.end))
}

/// Nouns that look like a verb with the future prefix سـ.
const NOT_FUTURE: &[&str] = &[
    "سياس",
    "سيار",
    "سيطر",
    "سيد",
    "سياد",
    "ستة",
    "ستين",
    "ستون",
    "سنة",
    "سنوات",
    "سنوي",
    "سيناريو",
    "سيول",
    "ستراتيج",
];

/// True for an Arabic verb with the future prefix سـ ("سيعقد", "وستجري", "سنناقش").
fn is_future_verb(w: &str) -> bool {
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    let Some(rest) = w.strip_prefix('س') else { return false };
    rest.starts_with(['ي', 'ت', 'ن', 'ا']) && w.chars().count() >= 5 && !NOT_FUTURE.iter().any(|n| w.starts_with(n))
}

fn resolve_weekday(
    t: &Toks<'_>,
    wd: u8,
    i: usize,
    rel: Rel,
    sentence_start: usize,
    reference: Option<Ymd>,
) -> DateValue {
    let Some(r) = reference else {
        return DateValue { value: WEEKDAY_NAMES[wd as usize - 1].to_string(), grain: DateGrain::Weekday };
    };
    let back = (i64::from(r.weekday()) - i64::from(wd)).rem_euclid(7); // days back to the last such day
    // the clause before the weekday: back to a comma or semicolon, at most eight tokens
    let mut clause = i;
    while clause > sentence_start && i - clause < 8 && !matches!(t.word(clause - 1), "،" | "," | "؛" | ";") {
        clause -= 1;
    }
    let future = (clause..i).any(|k| t.is(k, FUTURE_CUES) || is_future_verb(t.word(k)));
    let offset = match rel {
        Rel::Previous => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            let fwd = (7 - back) % 7;
            if fwd == 0 { 7 } else { fwd }
        }
        Rel::Current => {
            if back == 0 {
                0
            } else {
                (7 - back) % 7
            }
        }
        Rel::Nearest if future && back != 0 => 7 - back,
        Rel::Nearest => -back,
    };
    DateValue { value: Ymd::from_days(r.days() + offset).iso(), grain: DateGrain::Day }
}

/// A year with a cue at token `i` ("عام 2015", "in 2015", "(2015)", "2015م"), or right after
/// another year in a list ("عامي 2011 و2015", "2011-2015").
fn year_with_cue(t: &Toks<'_>, i: usize, limit: usize, after_year: bool) -> Option<(i32, usize)> {
    let (y, end) = year_number(t, i, limit)?;
    if t.glued(i) && !matches!(t.word(i - 1), "(" | "-" | "–") && !super::amounts::is_clitic_word(t.word(i - 1)) {
        return None; // "S/RES/2015", "A2015"
    }
    let plausible = (1900..=2100).contains(&y);
    let era_mark = end > i + 1;
    let prev = if i > 0 { i - 1 } else { usize::MAX };
    let prev2 = if i > 1 { i - 2 } else { usize::MAX };
    let strong = prev != usize::MAX && t.stem_in(prev, YEAR_STRONG);
    let weak = prev != usize::MAX
        && (t.stem_in(prev, YEAR_WEAK)
            || (t.word(prev) == "-" && t.glued(i) && prev2 != usize::MAX && t.is(prev2, &["mid", "early", "late"])));
    let paren = prev != usize::MAX && t.word(prev) == "(" && t.word(end) == ")";
    let listed = after_year
        && prev != usize::MAX
        && (matches!(t.word(prev), "و" | "-" | "–" | "," | "،") || t.is(prev, &["and", "to", "الي", "او", "or"]));
    // "قبل 1500 عام", "in 2000 cases": a counted noun makes it an amount (English nouns after a
    // number above one are plural)
    let next_is_noun =
        super::amounts::counted_noun_at(t, end).is_some() && (!t.word(end).is_ascii() || t.word(end).ends_with('s'));
    let ok = era_mark || strong || (plausible && (paren || ((weak || listed) && !next_is_noun)));
    ok.then_some((y, end))
}

/// The start of the sentence of token `i` (after ".", "!", "?", "؟" or a new line), looking back
/// at most eight tokens (all a weekday's clause needs).
fn sentence_start(t: &Toks<'_>, i: usize, floor: usize) -> usize {
    let mut k = i;
    while k > floor && i - k < 8 {
        let w = t.word(k - 1);
        if matches!(w, "." | "!" | "?" | "؟") || t.orig[t.toks[k - 1].orig().end..t.toks[k].orig().start].contains('\n')
        {
            break;
        }
        k -= 1;
    }
    k
}

/// Where a date introduced by a weekday starts: after a comma or "الموافق" ("الاثنين الموافق 3
/// نوفمبر").
fn after_weekday(t: &Toks<'_>, wend: usize) -> usize {
    let mut k = wend;
    if matches!(t.word(k), "," | "،") {
        k += 1;
    }
    if t.is(k, &["الموافق", "الموافقة"]) {
        k += 1;
    }
    k
}

/// Every date expression in token range `range`, resolved against `reference`.
pub(super) fn find(doc: &Doc<'_>, t: &Toks<'_>, range: Range<usize>, reference: Option<Ymd>) -> Vec<FoundDate> {
    let english = doc.language == crate::model::Language::English;
    let limit = range.end.min(t.toks.len());
    let mut out = Vec::new();
    let mut last_year_end = usize::MAX;
    let mut i = range.start;
    let push = |out: &mut Vec<FoundDate>, tokens: Range<usize>, value: DateValue| {
        let range = start_without_clitic(t, tokens.start)..t.toks[tokens.end - 1].orig().end;
        out.push(FoundDate { range, tokens, value });
    };
    while i < limit {
        // every date starts with a number, a month, a weekday or an ordinal day
        if t.kind(i) != Some(TokenKind::Number) && !t.may(i, table::MONTH | table::WEEKDAY | table::ORDINAL) {
            i += 1;
            continue;
        }
        // a weekday, alone or introducing a date ("الاثنين 3 نوفمبر 2025")
        if let Some((wd, wend)) = weekday_at(t, i, limit) {
            let k = after_weekday(t, wend);
            if let Some(c) = calendar_at(t, k, limit, english).filter(|c| !c.bare)
                && let Some(v) = resolve(c.parts, Rel::Nearest, reference)
            {
                push(&mut out, i..c.end, v);
                i = c.end;
                continue;
            }
            let (rel, end) = relative(t, i, wend, limit);
            let start = sentence_start(t, i, range.start);
            let v = resolve_weekday(t, wd, i, rel, start, reference);
            push(&mut out, i..end, v);
            i = end;
            continue;
        }
        // the first day of a range: "يومي 3 و4 نوفمبر", "from 3 to 5 November"
        if let Some((d, k)) = day_number(t, i, limit)
            && (matches!(t.word(k), "و" | "-" | "–") || t.is(k, &["الي", "حتي", "and", "to"]))
            && let Some(c) = calendar_at(t, k + 1, limit, english)
            && c.parts.d.is_some()
            && c.parts.m.is_some()
            && let Some(v) = resolve(Parts { d: Some(d), ..c.parts }, Rel::Nearest, reference)
        {
            push(&mut out, i..k, v);
            i = k + 1;
            continue;
        }
        if let Some(c) = calendar_at(t, i, limit, english) {
            let (rel, end) = relative(t, i, c.end, limit);
            // "في أيار", "in May", "mid-March"
            let p = if i > 1 && t.word(i - 1) == "-" && t.glued(i) { i - 2 } else { i.wrapping_sub(1) };
            let cued = i > 0 && (t.stem_in(p, MONTH_CUES) || t.is(p, MONTH_CUES_EN));
            let accept = !c.bare || (!c.abbr && (rel != Rel::Nearest || cued));
            // the relative word belongs to a date without a year ("31 يناير المقبل")
            let (rel, end) = if c.parts.y.is_none() { (rel, end) } else { (Rel::Nearest, c.end) };
            if accept && let Some(v) = resolve(c.parts, rel, reference) {
                if c.parts.y.is_some() {
                    last_year_end = end;
                }
                push(&mut out, i..end, v);
                i = end;
                continue;
            }
        }
        let after_year = last_year_end != usize::MAX && (i == last_year_end + 1 || i == last_year_end + 2);
        if let Some((y, end)) = year_with_cue(t, i, limit, after_year) {
            push(&mut out, i..end, DateValue { value: format!("{y:04}"), grain: DateGrain::Year });
            last_year_end = end;
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Where a date starting at token `i` starts in the original, a proclitic ("وفي" no, "ويناير"
/// yes: "و") left out.
fn start_without_clitic(t: &Toks<'_>, i: usize) -> usize {
    let m = months_at(t, i).map(|m| t.an.match_range(&m).start);
    let m = m.or_else(|| weekdays_at(t, i).map(|m| t.an.match_range(&m).start));
    let m = m.or_else(|| ordinals_at(t, i).map(|m| t.an.match_range(&m).start));
    m.unwrap_or(t.toks[i].orig().start)
}

/// The first calendar date (month name or numeric) in token range `range`, unresolved; a weekday
/// right before it is part of it.
pub(super) fn first_calendar_date(doc: &Doc<'_>, range: Range<usize>) -> Option<(Range<usize>, DateValue)> {
    let t = Toks::new(doc);
    let english = doc.language == crate::model::Language::English;
    let limit = range.end.min(t.toks.len());
    for i in range.clone() {
        let (start, k) = match weekday_at(&t, i, limit) {
            Some((_, wend)) => (i, after_weekday(&t, wend)),
            None => (i, i),
        };
        if let Some(c) = calendar_at(&t, k, limit, english).filter(|c| !c.bare)
            && let Some(v) = resolve(c.parts, Rel::Nearest, None)
        {
            return Some((start_without_clitic(&t, start)..t.toks[c.end - 1].orig().end, v));
        }
    }
    None
}

/// The date relative expressions are resolved against: the dateline's date when complete, else
/// a complete date (day, month, year) printed on a short line (at most 12 words) among the
/// body's first four paragraphs, which is how sites print the publication date
/// ("الأربعاء 9 مارس 2022 10:15 ص", "Published: May 4, 2021").
pub(super) fn reference_date(doc: &Doc<'_>, dateline: Option<&Dateline>) -> Option<Ymd> {
    if let Some(d) = dateline.and_then(|d| d.date.as_deref()).and_then(Ymd::parse) {
        return Some(d);
    }
    let t = Toks::new(doc);
    for p in doc.paragraphs.iter().take(4) {
        let tokens = doc.tokens_in(p.clone());
        let words = tokens.clone().filter(|&k| t.kind(k) != Some(TokenKind::Punct)).count();
        if words > 12 {
            continue;
        }
        if let Some((_, v)) = first_calendar_date(doc, tokens)
            && let Some(d) = Ymd::parse(&v.value)
        {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic() {
        let d = Ymd { y: 2001, m: 9, d: 11 };
        assert_eq!(d.weekday(), 2); // a Tuesday
        assert_eq!(Ymd::from_days(d.days()), d);
        assert_eq!(Ymd::from_days(Ymd { y: 2016, m: 2, d: 28 }.days() + 2).iso(), "2016-03-01");
        assert_eq!(Ymd { y: 1970, m: 1, d: 1 }.days(), 0);
        assert_eq!(Ymd::parse("2016-07-28"), Some(Ymd { y: 2016, m: 7, d: 28 }));
        assert_eq!(Ymd::parse("--07-28"), None);
        assert_eq!(Ymd::parse("2015-02-29"), None);
    }

    #[test]
    fn calendar_table_loads() {
        let c = &*CALENDAR;
        assert!(c.months.len() > 60 && c.weekdays.len() >= 14 && c.ordinals.len() >= 31);
    }
}
