//! Amounts: numbers in digits or words with their scale (ألف، مليون، million), qualifier
//! ("أكثر من", "more than"), counted noun and currency.

use super::heads::Heads;
use super::{Toks, table, tsv};
use crate::model::Amount;
use crate::text::{LexMatch, Lexicon, TokenKind, clitic_splits, is_arabic_script, normalize};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// How a number word combines with its neighbours (see `numbers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// 1–9 (and English 10–19): added.
    Unit,
    /// أحد/إحدى: 1, only before عشر.
    UnitCompound,
    /// عشر/عشرة: 10 alone, +10 after a unit (ثلاثة عشر).
    Teen,
    /// 20–90: added.
    Ten,
    /// 100–900: multiplies a unit before it (ثلاث مئة), else added.
    Hundred,
    /// ألف، مليون، million: multiplies what came before (or 1).
    Scale,
    /// A dual (ألفين = 2000): only alone.
    Scale2,
    /// A plural scale (آلاف): multiplies a number before it; alone it means "thousands".
    ScalePlural,
    /// An unspecified multiple (عشرات، مئات، dozens): the amount's qualifier is `several`.
    Several,
    /// نصف، ربع: of the scale after it (نصف مليون) or before it (مليون ونصف).
    Fraction,
    /// English "a" before a scale ("a million").
    Article,
}

struct Tables {
    /// Normalised (ASCII-lowercased) word → value and class.
    numbers: HashMap<String, (f64, Class)>,
    qualifiers: Lexicon<&'static str>,
    /// Arabic currency nouns → (family, default ISO code).
    nouns: Lexicon<(&'static str, Option<&'static str>)>,
    /// (family, normalised nationality stem) → ISO code.
    adjectives: HashMap<(&'static str, String), &'static str>,
    /// English currency nouns after the number, case-folded.
    english: Lexicon<Option<&'static str>>,
    /// Symbols and codes written before the number.
    symbols: Lexicon<&'static str>,
    /// ISO codes that may follow the number.
    codes: HashSet<&'static str>,
    percent: Lexicon<()>,
    /// The first words of all these tables.
    heads: Heads,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut numbers = HashMap::default();
    for row in tsv(include_str!("numbers.tsv")) {
        let class = match row[2] {
            "unit" => Class::Unit,
            "unitcompound" => Class::UnitCompound,
            "teen" => Class::Teen,
            "ten" => Class::Ten,
            "hundred" => Class::Hundred,
            "scale" => Class::Scale,
            "scale2" => Class::Scale2,
            "scalepl" => Class::ScalePlural,
            "several" => Class::Several,
            "fraction" => Class::Fraction,
            "article" => Class::Article,
            c => panic!("numbers.tsv: unknown class {c}"),
        };
        let value: f64 = row[1].parse().expect("numbers.tsv: value");
        numbers.entry(normalize(row[0]).to_ascii_lowercase()).or_insert((value, class));
    }
    let mut heads = Heads::default();
    for w in numbers.keys() {
        heads.add_word(w, table::NUMBER);
    }
    let mut qualifiers = Lexicon::new(true);
    for row in tsv(include_str!("qualifiers.tsv")) {
        qualifiers.insert(row[0], row[1]);
        heads.add(row[0], table::QUALIFIER);
    }
    let mut nouns = Lexicon::new(false);
    let mut adjectives = HashMap::default();
    let mut english = Lexicon::new(true);
    let mut symbols = Lexicon::new(false);
    let mut codes = HashSet::default();
    let code = |s: &'static str| (s != "-").then_some(s);
    for row in tsv(include_str!("currencies.tsv")) {
        match row[0] {
            "noun" => {
                nouns.insert(row[1], (row[2], code(row[3])));
                heads.add(row[1], table::NOUN);
            }
            "adj" => {
                adjectives.insert((row[2], normalize(row[1])), row[3]);
            }
            "symbol" => {
                symbols.insert(row[1], row[3]);
                heads.add(row[1], table::SYMBOL);
            }
            "code" => {
                symbols.insert(row[1], row[3]);
                heads.add(row[1], table::SYMBOL);
                codes.insert(row[3]);
            }
            "en" => {
                english.insert(row[1], code(row[3]));
                heads.add(row[1], table::ENGLISH);
            }
            k => panic!("currencies.tsv: unknown kind {k}"),
        }
    }
    let mut percent = Lexicon::new(true);
    for p in ["%", "٪", "في المئة", "في المائة", "بالمئة", "بالمائة", "percent", "per cent", "pct"]
    {
        percent.insert(p, ());
        heads.add(p, table::PERCENT);
    }
    Tables { numbers, qualifiers, nouns, adjectives, english, symbols, codes, percent, heads }
});

pub(super) fn warm() {
    LazyLock::force(&TABLES);
}

/// The first words of the number, qualifier, currency and percent tables.
pub(super) fn heads() -> &'static Heads {
    &TABLES.heads
}

/// `lex.longest_at(i)`, skipped when token `i` starts no phrase of table `bit`.
fn lookup<V>(t: &Toks<'_>, i: usize, bit: u16, lex: &'static Lexicon<V>) -> Option<LexMatch<'static, V>> {
    if t.may(i, bit) { lex.longest_at(t.an, i) } else { None }
}

/// An amount found in the text.
#[derive(Debug, Clone)]
pub(super) struct FoundAmount {
    /// Original byte range: qualifier, number, scale, currency and counted noun.
    pub(super) range: Range<usize>,
    /// The normalised amount.
    pub(super) amount: Amount,
    /// The Arabic currency noun's family ("dinar"), for money.
    family: Option<&'static str>,
}

/// Words that are never a counted noun after a number (Arabic).
const STOP_AR: &[&str] = &[
    "من",
    "في",
    "علي",
    "الي",
    "عن",
    "مع",
    "و",
    "او",
    "ام",
    "ثم",
    "حتي",
    "منذ",
    "بعد",
    "قبل",
    "خلال",
    "عند",
    "لدي",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "هو",
    "هي",
    "هم",
    "كما",
    "ان",
    "انه",
    "انها",
    "بين",
    "ضد",
    "نحو",
    "حول",
    "عبر",
    "دون",
    "غير",
    "كل",
    "بعض",
    "اي",
    "ذلك",
    "هذا",
    "هذه",
    "تلك",
    "فقط",
    "ايضا",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "وفق",
    "وفقا",
    "لقد",
    "مقابل",
    "مما",
    "ممن",
    "عام",
    "سنة",
    "يوم",
    "الى",
    "على",
    "لدى",
    "حتى",
    "بل",
    "اذا",
    "لكن",
    "وقال",
    "قال",
    "وهو",
    "وهي",
    "فيما",
    "بينما",
    "بنسبة",
    "نسبة",
    "الف",
    "مليون",
    "مليار",
    "عن",
    "تقريبا",
    "اخر",
    "اخري",
    "فاكثر",
    "وما",
    "منها",
    "منهم",
    "عليه",
    "فيه",
    "له",
    "لها",
    "به",
    "بها",
    "لصالح",
    "ضمن",
    "اضافة",
    "بحسب",
    "حسب",
    "صباحا",
    "صباح",
    "مساء",
    "مساءا",
    "ظهرا",
    "ليلا",
    "فجرا",
    "عصرا",
    "بتوقيت",
    "ص",
    "م",
    "ه",
    "ء",
    "كم",
];
/// Words that are never a counted noun after a number (English).
const STOP_EN: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "for", "from", "by", "with", "as", "was", "were",
    "is", "are", "be", "been", "had", "has", "have", "will", "would", "could", "should", "may", "might", "that",
    "which", "who", "whom", "this", "these", "those", "than", "more", "less", "per", "percent", "p.m", "a.m", "am",
    "pm", "after", "before", "since", "until", "when", "while", "but", "if", "so", "not", "no", "out", "up", "down",
    "into", "over", "under", "about", "against", "between", "during", "through", "to", "its", "their", "his", "her",
    "other", "others", "each", "all", "also", "only", "last", "next", "years", "year", "ago", "times", "member", "it",
    "they", "he", "she", "we", "there", "then", "st", "nd", "rd", "th",
];
/// Words before a number that make it a reference number, not an amount.
const REFERENCE_AR: &[&str] = &[
    "رقم",
    "رقمه",
    "القرار",
    "قرار",
    "القرارين",
    "القرارات",
    "قرارات",
    "المادة",
    "مادة",
    "المادتين",
    "الفقرة",
    "فقرة",
    "البند",
    "بند",
    "الفصل",
    "فصل",
    "الصفحة",
    "صفحة",
    "الرحلة",
    "رحلة",
    "الطريق",
    "الغرفة",
    "هاتف",
    "الهاتف",
    "الجدول",
    "العدد",
    "الاصدار",
    "النسخة",
    "الدورة",
    "دورته",
    "الجلسة",
    "الكيلومتر",
    "الطائرة",
    "طراز",
    "الطراز",
    "الساعة",
    "المرسوم",
    "القانون",
    "قانون",
    "مرسوم",
    "الامر",
    "البروتوكول",
    "الملحق",
];
const REFERENCE_EN: &[&str] = &[
    "resolution",
    "resolutions",
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "no",
    "nos",
    "number",
    "chapter",
    "section",
    "page",
    "pages",
    "flight",
    "route",
    "room",
    "phone",
    "tel",
    "item",
    "rule",
    "protocol",
    "level",
    "phase",
    "grade",
    "class",
    "category",
    "model",
    "version",
    "session",
    "meeting",
    "decree",
    "law",
    "act",
    "highway",
    "annex",
    "platform",
    "gate",
    "at",
    "covid",
    "g",
    "km",
    "kilometre",
    "kilometer",
    "mile",
];

/// If token `i` can be the counted noun after a number ("مقاتل", "شخصا", "refugees"), the token
/// after it.
pub(super) fn counted_noun_at(t: &Toks<'_>, i: usize) -> Option<usize> {
    if t.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    let w = t.word(i);
    if w.starts_with(is_arabic_script) {
        let letters = w.chars().count();
        if letters < 2 || w.starts_with("ال") || STOP_AR.contains(&w) || TABLES.numbers.contains_key(w) {
            return None;
        }
        // "3 وأصيب": a conjunction opening the next clause, before a verb, an article or a stop word
        if let Some(rest) = w.strip_prefix('و').or_else(|| w.strip_prefix('ف'))
            && (rest.starts_with(['ا', 'ي', 'ت', 'ن']) || STOP_AR.contains(&rest) || rest.chars().count() < 2)
        {
            return None;
        }
        Some(i + 1)
    } else {
        let ok = w.len() >= 2
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !STOP_EN.contains(&w)
            && !TABLES.numbers.contains_key(w)
            // not a verb or adverb in "-ed"/"-ly" ("20 killed", "15 nearly")
            && !w.ends_with("ly")
            && (!w.ends_with("ed") || w.len() <= 4);
        ok.then_some(i + 1)
    }
}

/// True for a proclitic written alone before digits ("و" in "و20", "بـ" in "بـ3").
pub(super) fn is_clitic_word(w: &str) -> bool {
    let n = w.chars().count();
    (1..=2).contains(&n) && w.chars().all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'))
}

/// A parsed number.
#[derive(Debug, Clone, Copy)]
struct Num {
    start: usize,
    end: usize,
    value: f64,
    /// A scale word was read (ألف، million): enough to make it an amount.
    scaled: bool,
    /// An unspecified multiple (عشرات، مئات الآلاف، thousands of).
    several: bool,
    /// Written in digits.
    digits: bool,
    /// Four digits in the range of years, without separators.
    year_like: bool,
}

/// Digits as written ("20,000", "1.5", "1.500.000") → value.
fn digits_value(s: &str) -> Option<f64> {
    if s.len() > 1 && s.starts_with('0') && !s.starts_with("0.") && !s.starts_with("0,") {
        return None; // phone numbers, codes
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let groups_ok = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let plain: String = if commas > 0 && dots == 0 {
        if groups_ok(',') {
            s.replace(',', "")
        } else if commas == 1 {
            s.replace(',', ".")
        } else {
            return None;
        }
    } else if dots > 1 && commas == 0 {
        if !groups_ok('.') {
            return None;
        }
        s.replace('.', "")
    } else if commas > 0 {
        // "1,234.5" (English) or "1.234,5"
        if s.rfind('.') > s.rfind(',') { s.replace(',', "") } else { s.replace('.', "").replace(',', ".") }
    } else {
        s.to_string()
    };
    if plain.len() > 15 {
        return None;
    }
    plain.parse().ok()
}

/// The number word at token `k` with a leading "و" set aside when `conj` (or any proclitic when
/// `first`): (value, class, clitic prefix bytes).
fn number_word(t: &Toks<'_>, k: usize, first: bool) -> Option<(f64, Class, usize)> {
    let w = t.word(k);
    if w.is_empty() || t.kind(k) != Some(TokenKind::Word) || !t.may(k, table::NUMBER) {
        return None;
    }
    let lower;
    let w = if w.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = w.to_ascii_lowercase();
        lower.as_str()
    } else {
        w
    };
    if let Some(&(v, c)) = TABLES.numbers.get(w) {
        return Some((v, c, 0));
    }
    for s in clitic_splits(w).skip(1) {
        let conj_only = s.prefix == 2 && w.starts_with('و');
        if (first || conj_only)
            && let Some(&(v, c)) = TABLES.numbers.get(s.stem.as_ref())
        {
            return Some((v, c, s.prefix));
        }
    }
    None
}

/// A number in digits or words at token `j` (with its scale words), not crossing `limit` or a
/// taken token.
fn number_at(t: &Toks<'_>, j: usize, limit: usize, taken: &[bool]) -> Option<(Num, usize)> {
    if j >= limit || taken[j] {
        return None;
    }
    let mut k = j;
    let mut prefix = 0;
    let mut cur = 0.0f64;
    let mut total = 0.0f64;
    let mut scaled = false;
    let mut several = false;
    let mut last_scale = 0.0f64;
    let mut digits = false;
    let mut year_like = false;
    if t.kind(j) == Some(TokenKind::Number) {
        // part of a symbol, a time, a code or a date: "S/RES/2254", "12:30", "F-16", "3/4"
        if t.glued(j)
            && !matches!(t.word(j - 1), "(" | "$" | "€" | "£" | "¥" | "₹" | "₪" | "\"" | "'")
            && !is_clitic_word(t.word(j - 1))
        {
            return None;
        }
        // one group of a phone number or a list of figures: "0123 456 789"
        if j > 0 && t.kind(j - 1) == Some(TokenKind::Number) {
            return None;
        }
        let mut s = t.word(j).to_string();
        k = j + 1;
        // Arabic separators: "20٬000", "2٫5"
        while k + 1 < limit && t.glued(k) && t.glued(k + 1) && t.kind(k + 1) == Some(TokenKind::Number) {
            match t.word(k) {
                "٬" if t.word(k + 1).len() == 3 => s.push(','),
                "٫" => s.push('.'),
                _ => break,
            }
            s.push_str(t.word(k + 1));
            k += 2;
        }
        if k < limit
            && t.glued(k)
            && matches!(t.word(k), "/" | ":" | "-" | "٬" | "٫")
            && t.kind(k + 1) == Some(TokenKind::Number)
        {
            return None;
        }
        if k < limit && t.glued(k) && t.kind(k) == Some(TokenKind::Word) && !t.is(k, &["bn", "m", "mn", "mln", "k"]) {
            // "3rd", "21st", "5km", "F16": an ordinal or a code
            if !t.word(k).starts_with(is_arabic_script) {
                return None;
            }
        }
        if k < limit && t.kind(k) == Some(TokenKind::Number) {
            return None;
        }
        cur = digits_value(&s)?;
        digits = true;
        year_like = s.len() == 4 && (1900.0..=2100.0).contains(&cur);
    } else {
        // number words
        let mut first = true;
        let mut skip_article_scale = false;
        let mut skip_of = false;
        let mut article = false;
        loop {
            if k >= limit || taken[k] {
                break;
            }
            // "و" or "and" between number words; "-" in "twenty-five"
            let joiner = !first && (t.is(k, &["و", "and"]) || (t.word(k) == "-" && t.glued(k)));
            let at = if joiner { k + 1 } else { k };
            let Some((v, c, p)) = number_word(t, at, first) else { break };
            // "الخمسة عشر": the tail of a definite compound whose head is not in the table
            if first && c == Class::Teen && at > 0 && {
                let prev = t.word(at - 1);
                prev.strip_prefix("ال").is_some_and(|s| {
                    TABLES.numbers.get(s).is_some_and(|&(_, pc)| matches!(pc, Class::Unit | Class::UnitCompound))
                })
            } {
                return None;
            }
            if at >= limit || taken[at] {
                break;
            }
            let after_article = std::mem::take(&mut article);
            let ok = match c {
                Class::Unit | Class::UnitCompound => {
                    if after_article {
                        cur = v; // "a dozen"
                        true
                    } else if cur % 100.0 != 0.0 && !(c == Class::Unit && cur % 10.0 == 0.0 && cur >= 20.0 && v < 10.0)
                    {
                        false
                    } else {
                        cur += v;
                        true
                    }
                }
                Class::Teen => {
                    if first || cur % 100.0 < 10.0 {
                        cur += v;
                        true
                    } else {
                        false
                    }
                }
                Class::Ten => {
                    if cur % 100.0 >= 10.0 {
                        false
                    } else {
                        cur += v;
                        true
                    }
                }
                Class::Hundred => {
                    if v == 100.0 && cur > 0.0 && cur < 10.0 {
                        cur *= 100.0;
                        true
                    } else if cur % 1000.0 == 0.0 && cur < 1000.0 {
                        cur += v;
                        true
                    } else {
                        false
                    }
                }
                Class::Scale | Class::ScalePlural => {
                    if last_scale != 0.0 && v >= last_scale && cur == 0.0 {
                        false
                    } else {
                        if first && c == Class::ScalePlural {
                            several = true;
                        }
                        let n = if cur == 0.0 { 1.0 } else { cur };
                        total += n * v;
                        cur = 0.0;
                        scaled = true;
                        last_scale = v;
                        true
                    }
                }
                Class::Scale2 => {
                    if cur == 0.0 {
                        total += v;
                        scaled = true;
                        last_scale = v / 2.0;
                        true
                    } else {
                        false
                    }
                }
                Class::Several => {
                    if first {
                        several = true;
                        cur = v;
                        // "hundreds of thousands", "tens of millions"
                        if t.is(at + 1, &["of"])
                            && let Some((v2, Class::Several, _)) = number_word(t, at + 2, false)
                            && v2 >= 1000.0
                            && at + 2 < limit
                        {
                            cur *= v2;
                            k = at + 2;
                            skip_of = true;
                        }
                        true
                    } else if several && v >= 1000.0 && total == 0.0 {
                        total = cur * v;
                        cur = 0.0;
                        scaled = true;
                        last_scale = v;
                        true
                    } else {
                        false
                    }
                }
                Class::Fraction => {
                    if first && v < 1.0 {
                        cur = v;
                        true
                    } else if last_scale > 0.0 && cur == 0.0 {
                        total += last_scale * v;
                        // "ونصف المليون"
                        if t.is(at + 1, &["المليون", "المليار", "الالف"]) {
                            skip_article_scale = true;
                        }
                        true
                    } else {
                        false
                    }
                }
                Class::Article => {
                    // "a million", "a hundred", "a dozen"
                    let before_scale =
                        matches!(number_word(t, k + 1, false), Some((_, Class::Scale | Class::Hundred, _)))
                            || t.is(k + 1, &["dozen"]);
                    let ok = first && k + 1 < limit && before_scale;
                    if ok {
                        cur = 1.0;
                        article = true;
                    }
                    ok
                }
            };
            if !ok {
                break;
            }
            if first {
                prefix = p;
            }
            first = false;
            k = if std::mem::take(&mut skip_of) { k + 1 } else { at + 1 };
            if std::mem::take(&mut skip_article_scale) {
                k += 1;
            }
        }
        if k == j {
            return None;
        }
        // "نصف" alone, "بضعة" alone
        if total + cur < 1.0 || (several && cur <= 1.0 && total == 0.0) {
            return None;
        }
        let value = total + cur;
        return Some((Num { start: j, end: k, value, scaled, several, digits, year_like }, prefix));
    }
    // scale words after digits: "20 ألف", "1.5 million", "3 ملايين", "5bn"
    while k < limit && !taken[k] {
        let Some((v, c, p)) = number_word(t, k, false) else {
            if t.glued(k) && t.is(k, &["bn"]) {
                cur *= 1e9;
                scaled = true;
                k += 1;
            }
            break;
        };
        if p != 0 {
            break;
        }
        match c {
            Class::Scale | Class::ScalePlural if last_scale == 0.0 || v < last_scale => {
                total += cur * v;
                cur = 0.0;
                scaled = true;
                last_scale = v;
                k += 1;
            }
            _ => break,
        }
    }
    // "350 ألفا و12", "5 آلاف و420": a smaller remainder after the scale
    if scaled
        && cur == 0.0
        && k + 1 < limit
        && t.is(k, &["و", "and"])
        && t.kind(k + 1) == Some(TokenKind::Number)
        && !taken[k + 1]
        && let Some(rest) = digits_value(t.word(k + 1))
        && rest < last_scale
        && !t.glued(k + 2)
        && number_word(t, k + 2, false).is_none()
    {
        total += rest;
        k += 2;
    }
    if scaled && t.is(k, &["ونصف"]) {
        total += last_scale / 2.0;
        k += 1;
        if t.is(k, &["المليون", "المليار", "الالف"]) {
            k += 1;
        }
    }
    Some((Num { start: j, end: k, value: total + cur, scaled, several, digits, year_like }, prefix))
}

/// A currency right after the number at token `k`: its ISO code (`None` for an ambiguous noun
/// such as دينار alone), the token after it, and the Arabic noun's family ("dinar").
fn currency_after(t: &Toks<'_>, k: usize, limit: usize) -> Option<(Option<&'static str>, usize, Option<&'static str>)> {
    if k >= limit {
        return None;
    }
    if let Some(m) = lookup(t, k, table::NOUN, &TABLES.nouns)
        && m.prefix == 0
        && m.tokens.end <= limit
    {
        let (family, default) = *m.value;
        let mut end = m.tokens.end;
        let mut code = default;
        if end < limit && t.kind(end) == Some(TokenKind::Word) {
            let adj = t.word(end);
            let mut stem = adj.strip_prefix("ال").unwrap_or(adj);
            if stem.chars().count() > 3 {
                stem = stem.strip_suffix('ا').unwrap_or(stem);
            }
            stem = stem.strip_suffix('ة').unwrap_or(stem);
            if let Some(&iso) = TABLES.adjectives.get(&(family, stem.to_string())) {
                code = Some(iso);
                end += 1;
            }
        }
        return Some((code, end, Some(family)));
    }
    if let Some(m) = lookup(t, k, table::ENGLISH, &TABLES.english)
        && m.tokens.end <= limit
    {
        return Some((*m.value, m.tokens.end, None));
    }
    TABLES.codes.get(t.word(k)).map(|&code| (Some(code), k + 1, None))
}

/// Every amount in token range `range`, skipping `taken` tokens (dates).
pub(super) fn find(t: &Toks<'_>, range: Range<usize>, taken: &[bool]) -> Vec<FoundAmount> {
    let limit = range.end.min(t.toks.len());
    let mut out = Vec::new();
    let mut i = range.start;
    while i < limit {
        // every amount starts with a qualifier, a currency symbol, digits or a number word
        if taken[i]
            || (t.kind(i) != Some(TokenKind::Number) && !t.may(i, table::QUALIFIER | table::SYMBOL | table::NUMBER))
        {
            i += 1;
            continue;
        }
        match amount_at(t, i, limit, taken) {
            Some((end, found)) => {
                out.push(found);
                i = end;
            }
            None => i += 1,
        }
    }
    settle_currencies(&mut out);
    out
}

/// Gives an ambiguous currency noun alone ("200 دينار") the code the article states for the
/// same noun elsewhere ("دينار كويتي"), when it states exactly one.
fn settle_currencies(found: &mut [FoundAmount]) {
    let mut codes: HashMap<&'static str, Option<String>> = HashMap::default();
    for f in found.iter() {
        if let (Some(fam), Some(code)) = (f.family, f.amount.currency.as_ref()) {
            codes
                .entry(fam)
                .and_modify(|c| {
                    if c.as_ref() != Some(code) {
                        *c = None;
                    }
                })
                .or_insert_with(|| Some(code.clone()));
        }
    }
    for f in found.iter_mut() {
        if let Some(fam) = f.family
            && f.amount.currency.is_none()
            && let Some(Some(code)) = codes.get(fam)
        {
            f.amount.currency = Some(code.clone());
            f.amount.unit = None;
        }
    }
}

/// An amount starting at token `i`: its end token and value.
fn amount_at(t: &Toks<'_>, i: usize, limit: usize, taken: &[bool]) -> Option<(usize, FoundAmount)> {
    let mut j = i;
    let mut qualifier = None;
    let mut start_byte = None;
    if let Some(q) = lookup(t, i, table::QUALIFIER, &TABLES.qualifiers)
        && q.tokens.end < limit
        && !taken[q.tokens.start..q.tokens.end].iter().any(|&x| x)
        && (!t.word(i).is_ascii() || q.prefix == 0)
    {
        qualifier = Some(*q.value);
        start_byte = Some(t.an.match_range(&q).start);
        j = q.tokens.end;
    }
    let mut currency: Option<&'static str> = None;
    let mut symbol = false;
    if let Some(s) = lookup(t, j, table::SYMBOL, &TABLES.symbols)
        && s.prefix == 0
        && s.tokens.end < limit
        && (t.kind(s.tokens.end) == Some(TokenKind::Number))
    {
        currency = Some(*s.value);
        symbol = true;
        start_byte.get_or_insert(t.toks[j].orig().start);
        j = s.tokens.end;
    }
    let (num, prefix) = number_at(t, j, limit, taken)?;
    if qualifier.is_none() && !symbol && j > 0 && reference_context(t, j) {
        return None;
    }
    let mut end = num.end;
    // "$5m"
    if symbol && end < limit && t.glued(end) && t.is(end, &["m", "mn", "mln"]) {
        end += 1;
    }
    let mut value = num.value;
    if symbol && end == num.end + 1 {
        value *= 1e6;
    }
    let mut unit: Option<Range<usize>> = None;
    let mut is_money = currency.is_some();
    let mut is_percent = false;
    let mut family = None;
    if let Some(m) = lookup(t, end, table::PERCENT, &TABLES.percent)
        && m.tokens.end <= limit
        && (m.prefix == 0 || t.word(end).starts_with("بال"))
    {
        unit = Some(t.range(end..m.tokens.end));
        end = m.tokens.end;
        is_percent = true;
    } else if let Some((code, e, fam)) = currency_after(t, end, limit) {
        if code.is_some() || currency.is_none() {
            currency = code;
        }
        family = fam;
        unit = Some(t.range(end..e));
        is_money = true;
        end = e;
    } else if !is_money {
        if let Some(e) = counted_noun_at(t, end).filter(|&e| e <= limit) {
            unit = Some(t.range(end..e));
            end = e;
        } else if (num.scaled || num.several) && end + 1 < limit && t.is(end, &["من", "of"]) {
            // "20 ألفا من المقاتلين", "thousands of refugees"
            let mut k = end + 1;
            if t.is(k, &["the"]) {
                k += 1;
            }
            let w = t.word(k);
            if t.kind(k) == Some(TokenKind::Word)
                && (w.starts_with("ال") || w.bytes().all(|b| b.is_ascii_lowercase()))
                && !STOP_AR.contains(&w)
                && !STOP_EN.contains(&w)
            {
                if let Some((code, e, fam)) = currency_after(t, k, limit) {
                    currency = code;
                    family = fam;
                    is_money = true;
                    unit = Some(t.range(k..e));
                    end = e;
                } else {
                    unit = Some(t.range(k..k + 1));
                    end = k + 1;
                }
            }
        } else if num.several && t.kind(end) == Some(TokenKind::Word) && t.word(end).starts_with("ال") {
            // "عشرات القتلى", "آلاف الدولارات"
            if let Some((code, e, fam)) = currency_after(t, end, limit) {
                currency = code;
                family = fam;
                is_money = true;
                unit = Some(t.range(end..e));
                end = e;
            } else if !STOP_AR.contains(&t.word(end)) {
                unit = Some(t.range(end..end + 1));
                end += 1;
            }
        }
    }
    if end > limit || taken[num.start..end].iter().any(|&x| x) {
        return None;
    }
    let accept = if num.year_like {
        is_money || num.scaled || is_percent
    } else if !num.digits && num.value == 1.0 && !num.scaled {
        is_money && qualifier.is_some()
    } else {
        is_money || num.scaled || num.several || unit.is_some()
    };
    if !accept {
        return None;
    }
    let num_start =
        t.an.normalization().to_original(t.toks[num.start].norm().start + prefix..t.toks[num.start].norm().end).start;
    let start = start_byte.unwrap_or(num_start);
    let range = start..t.toks[end - 1].orig().end;
    let unit_text = if is_money && currency.is_some() { None } else { unit.map(|r| t.orig[r].to_string()) };
    let qualifier = qualifier.or(num.several.then_some("several")).map(str::to_string);
    let amount = Amount { value, qualifier, unit: unit_text, currency: currency.map(str::to_string) };
    Some((end, FoundAmount { range, amount, family }))
}

/// True when the number at token `j` is a reference ("القرار 2254", "article 51", "No. 5").
fn reference_context(t: &Toks<'_>, j: usize) -> bool {
    let mut p = j - 1;
    if matches!(t.word(p), "." | "(" | "#" | ":") && p > 0 {
        p -= 1;
    }
    t.stem_in(p, REFERENCE_AR) || t.is(p, REFERENCE_EN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    #[test]
    fn digit_forms() {
        assert_eq!(digits_value("20,000"), Some(20000.0));
        assert_eq!(digits_value("1.5"), Some(1.5));
        assert_eq!(digits_value("1.500.000"), Some(1_500_000.0));
        assert_eq!(digits_value("1,234.5"), Some(1234.5));
        assert_eq!(digits_value("0123456"), None);
        assert_eq!(digits_value("2,5"), Some(2.5));
    }

    fn value_of(text: &str) -> Option<f64> {
        let doc = Doc::new(text, None);
        let taken = vec![false; doc.tokens().len()];
        find(&Toks::new(&doc), 0..doc.tokens().len(), &taken).first().map(|a| a.amount.value)
    }

    #[test]
    fn arabic_number_words() {
        let cases = [
            ("مائتان وخمسة وعشرون شخصا", 225.0),
            ("ثلاثة آلاف وخمسمائة جندي", 3500.0),
            ("خمسون مليونا", 50e6),
            ("أحد عشر ألفا", 11_000.0),
            ("اثنا عشر شخصا", 12.0),
            ("إحدى عشرة دولة", 11.0),
            ("ثلاث مئة عامل", 300.0),
            ("عشرة آلاف لاجئ", 10_000.0),
            ("ألفي شخص", 2000.0),
            ("نصف مليون لاجئ", 500_000.0),
            ("بضعة آلاف متظاهر", 1000.0),
            ("عشرات الآلاف من المتظاهرين", 10_000.0),
            ("مئة ألف نازح", 100_000.0),
            ("ثلاثة ملايين وخمسمائة ألف نسمة", 3_500_000.0),
            ("twenty-five people", 25.0),
            ("two hundred thousand people", 200_000.0),
            ("one million refugees", 1e6),
        ];
        for (text, want) in cases {
            assert_eq!(value_of(text), Some(want), "{text}");
        }
        for text in ["واحد", "نصف السكان", "بضعة أيام", "الخمسة عشر لصالح", "one of them"]
        {
            assert_eq!(value_of(text), None, "{text}");
        }
    }

    #[test]
    fn tables_load() {
        let tb = &*TABLES;
        assert!(tb.numbers.len() > 100 && tb.nouns.len() > 30 && tb.adjectives.len() > 20);
        assert_eq!(tb.numbers.get("الاف"), Some(&(1000.0, Class::ScalePlural)));
    }
}
