//! Paragraphs and sentences.
//!
//! Paragraphs are the non-empty lines of the body, trimmed. Sentences come from Unicode sentence
//! boundaries (UAX #29, via unicode-segmentation, which knows `.`, `!`, `?`, `؟` and `۔`) inside
//! each paragraph, with boundaries taken back where they are not sentence ends in news text:
//! after abbreviations and initials ("U.N.", "Dr.", "د.", "JOHN Q. WRITER") and inside a
//! balanced quotation. The Arabic comma `،` and semicolon `؛` separate clauses, not sentences:
//! an Arabic news sentence routinely runs "قال X، إن …؛ …" and statements must not be cut there.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a full stop does not end a sentence (compared without the stop,
/// ASCII case folded).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "st", "jr",
    "sr", "inc", "ltd", "co", "corp", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "i.e", "e.g", "mt", "ft", "approx", "dept",
    "est", "fig", "pres", "rev", "hon", "amb",
];

/// Byte ranges of the non-empty lines inside `range`, trimmed of surrounding whitespace.
pub(crate) fn paragraphs(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    super::tick(range.len());
    let mut out = Vec::new();
    let mut offset = range.start;
    for line in text[range].split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        let end = offset + line.trim_end().len();
        if end > start {
            out.push(start..end);
        }
        offset += line.len();
    }
    out
}

/// Sentence ranges inside one paragraph (byte range of `text`), trimmed.
pub(crate) fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let p = &text[para.clone()];
    let quotes = quote_regions(p);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for end in boundaries(p) {
        let candidate = &p[start..end];
        // quote regions are ordered and disjoint: the last one starting before `end`
        let q = quotes.partition_point(|q| q.start < end);
        let inside_quote = q > 0 && end < quotes[q - 1].end;
        if inside_quote || ends_with_abbreviation(candidate.trim_end()) {
            continue;
        }
        push_trimmed(&mut out, p, start..end, para.start);
        start = end;
    }
    push_trimmed(&mut out, p, start..p.len(), para.start);
    out
}

/// The UAX #29 sentence boundaries strictly inside `p` (not its end), in order.
///
/// The same boundaries as running the Unicode segmenter over the whole paragraph, found faster:
/// a boundary can only follow a sentence terminator or a paragraph separator (rules SB4, SB11),
/// and the rules look across neither two adjacent letters (a letter is neither a terminator, a
/// closing mark, a space nor a separator, and the look-ahead of SB8 stops at the first letter).
/// So the segmenter runs only over windows around the characters that are not plain letters,
/// digits, spaces or common punctuation, each window widened to the nearest pair of adjacent
/// letters on either side (or the paragraph's edge).
fn boundaries(p: &str) -> Vec<usize> {
    super::tick(p.len());
    let b = p.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // skip plain text
        let Some(t) = next_trigger(p, i) else { break };
        if let Some(step) = plain_sentence_start(p, t) {
            // the terminator's context decides: no need for the segmenter
            out.extend(step.boundary);
            i = step.resume;
            continue;
        }
        // every later trigger before `end` has `end` as a safe pair after it too: one window
        let (start, end) = (safe_before(p, t, i), safe_after(p, t));
        let w = &p[start..end];
        super::tick(w.len());
        for (j, s) in w.split_sentence_bound_indices() {
            let at = start + j + s.len();
            if at >= end {
                break;
            }
            out.push(at);
        }
        i = end;
    }
    out
}

/// The first char at or after byte `i` of `p` (a char boundary) that [`plain_at`] does not hold
/// for. The Arabic letters' lead bytes 0xD8 and 0xD9 are read with the byte after: of their chars
/// only U+061D–U+061F (0xD8 0x9D–0x9F) can end a sentence.
#[inline]
fn next_trigger(p: &str, mut k: usize) -> Option<usize> {
    let b = p.as_bytes();
    while k < b.len() {
        let x = b[k];
        if x == 0xD8 || x == 0xD9 {
            if x == 0xD8 && (0x9D..=0x9F).contains(&b[k + 1]) {
                return Some(k);
            }
            k += 2;
            continue;
        }
        if MAYBE_TERMINATOR[x as usize] && !plain_at(p, k) {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// When the terminator at byte `t` is `.`, `!`, `?` or `؟`, followed by closing marks (`"`, `'`,
/// `)`, `»`, `”`, `’`), then ASCII spaces and then an ASCII capital or a core Arabic letter, the
/// start of that letter: a sentence boundary (UAX #29 SB11; SB6–SB8a need a digit, a capital or
/// a lower-case letter right after the terminator or, for SB8, a lower-case letter after the
/// spaces) with none between the terminator and it (SB9, SB10). When the paragraph ends after the
/// closing marks and spaces, its length: no boundary inside it after the terminator. `None`
/// when the context is anything else. A full stop right before an ASCII digit has no boundary.
#[inline]
fn plain_sentence_start(p: &str, t: usize) -> Option<Step> {
    let b = p.as_bytes();
    let mut k = match b[t] {
        // a full stop before a digit ("3.5"): no boundary there (SB6), nor before the next
        // terminator, and the segmenter's rules read back across no digit
        b'.' if b.get(t + 1).is_some_and(u8::is_ascii_digit) => return Some(Step { boundary: None, resume: t + 1 }),
        // a full stop inside a word ("U.S", "e.g"): before a lower-case letter SB8 keeps the
        // sentence together, before a capital after a letter SB7 does
        b'.' if b.get(t + 1).is_some_and(u8::is_ascii_lowercase)
            || (b.get(t + 1).is_some_and(u8::is_ascii_uppercase) && t > 0 && b[t - 1].is_ascii_alphabetic()) =>
        {
            return Some(Step { boundary: None, resume: t + 1 });
        }
        b'.' | b'!' | b'?' => t + 1,
        0xD8 if b[t + 1] == 0x9F => t + 2,
        _ => return None,
    };
    loop {
        match b[k..] {
            [b'"' | b'\'' | b')', ..] => k += 1,
            [0xC2, 0xBB, ..] => k += 2,
            [0xE2, 0x80, 0x9D | 0x99, ..] => k += 3,
            _ => break,
        }
    }
    let spaces = k;
    while k < b.len() && b[k] == b' ' {
        k += 1;
    }
    if k >= b.len() {
        return Some(Step { boundary: None, resume: b.len() });
    }
    if k == spaces {
        return None;
    }
    (b[k].is_ascii_uppercase() || (b[k] >= 0x80 && letter_at(p, k))).then_some(Step { boundary: Some(k), resume: k })
}

/// What [`plain_sentence_start`] found: the boundary after a terminator, if any, and where
/// the scan goes on.
struct Step {
    boundary: Option<usize>,
    resume: usize,
}

/// Bytes that may start a terminator (see [`plain_at`]): `\n`, `\r`, `.`, `!`, `?`, the lead bytes
/// of the two-byte terminators, and every lead byte of a longer char.
static MAYBE_TERMINATOR: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(
            i as u8,
            b'\n' | b'\r' | b'.' | b'!' | b'?' | 0xC2 | 0xD6 | 0xD8 | 0xDB | 0xDC | 0xDF | 0xE0..=0xFF
        );
        i += 1;
    }
    t
};

/// False for the characters a sentence boundary can follow (Sentence_Break STerm, ATerm, Sep,
/// CR, LF): only these need the segmenter, since the window around one takes in the context the
/// rules read (closing marks, spaces, the next letter). Exact below U+0800 and for the General
/// Punctuation quotes and dashes (U+2000–U+2027); other characters count as terminators, which
/// only costs a window.
fn plain_at(p: &str, k: usize) -> bool {
    let b = p.as_bytes();
    let x = b[k];
    if x < 0x80 {
        return !matches!(x, b'\n' | b'\r' | b'.' | b'!' | b'?');
    }
    if x < 0xE0 {
        let c = ((x as u32 & 0x1F) << 6) | (b[k + 1] as u32 & 0x3F);
        return !matches!(c, 0x85 | 0x589 | 0x61D..=0x61F | 0x6D4 | 0x700..=0x702 | 0x7F9);
    }
    // U+2000..U+2027 but U+2024 (one dot leader, an ATerm)
    x == 0xE2 && b[k + 1] == 0x80 && b[k + 2] <= 0xA7 && b[k + 2] != 0xA4
}

/// True when the char at byte `k` is an ASCII letter or a core Arabic letter (Sentence_Break
/// Upper, Lower or OLetter).
fn letter_at(p: &str, k: usize) -> bool {
    let b = p.as_bytes();
    match b[k] {
        c if c < 0x80 => c.is_ascii_alphabetic(),
        0xD8 => k + 1 < b.len() && (0xA1..=0xBA).contains(&b[k + 1]), // U+0621..U+063A
        0xD9 => k + 1 < b.len() && (0x81..=0x8A).contains(&b[k + 1]), // U+0641..U+064A
        _ => false,
    }
}

/// The char start `s <= t` nearest to `t` where the chars before and at `s` are both letters,
/// or `floor` (0 or a safe position itself: the end of the previous window).
fn safe_before(p: &str, t: usize, floor: usize) -> usize {
    let mut s = t;
    while s > floor {
        let prev = p[..s].char_indices().next_back().map_or(0, |(i, _)| i);
        if letter_at(p, s) && letter_at(p, prev) && s < p.len() {
            return s;
        }
        s = prev;
    }
    floor
}

/// The char start `e > t` nearest to `t` where the chars before and at `e` are both letters,
/// or the end of `p`.
fn safe_after(p: &str, t: usize) -> usize {
    let mut prev = t;
    let mut e = t + p[t..].chars().next().map_or(1, char::len_utf8);
    while e < p.len() {
        if letter_at(p, e) && letter_at(p, prev) {
            return e;
        }
        prev = e;
        e += p[e..].chars().next().map_or(1, char::len_utf8);
    }
    p.len()
}

fn push_trimmed(out: &mut Vec<Range<usize>>, p: &str, r: Range<usize>, base: usize) {
    let s = &p[r.clone()];
    let a = r.start + (s.len() - s.trim_start().len());
    let b = r.start + s.trim_end().len();
    if b > a {
        out.push(base + a..base + b);
    }
}

/// True when `s` ends with "X." where X is a known abbreviation or a single letter (an initial,
/// an Arabic abbreviation such as "د." or "م.").
fn ends_with_abbreviation(s: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else { return false };
    let word_start = body
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '«')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &body[word_start..];
    if word.is_empty() {
        return false;
    }
    if word.chars().count() == 1 && word.chars().all(super::is_alphabetic) {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        || (word.len() <= 5 && word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(super::is_alphabetic)))
}

/// Byte ranges of balanced quotations in a paragraph: « … », “ … ”, and straight quotes paired in
/// order. An unbalanced mark opens nothing.
pub(crate) fn quote_regions(p: &str) -> Vec<Range<usize>> {
    super::tick(p.len());
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    // only `"` and the lead bytes of « » (C2) and “ ” „ (E2) can start a quotation mark
    let b = p.as_bytes();
    let mut next = 0;
    while let Some(k) = b[next..].iter().position(|&x| matches!(x, b'"' | 0xC2 | 0xE2)) {
        let i = next + k;
        let c = p[i..].chars().next().unwrap_or(' ');
        next = i + c.len_utf8();
        match (open, c) {
            (None, '«') => open = Some(('»', i)),
            (None, '“') => open = Some(('”', i)),
            (None, '„') => open = Some(('“', i)),
            (None, '"') => open = Some(('"', i)),
            (Some((close, s)), c) if c == close => {
                out.push(s..i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        paragraphs(t, 0..t.len()).into_iter().flat_map(|p| sentences(t, p)).map(|r| &t[r]).collect()
    }

    #[test]
    fn arabic_sentences() {
        assert_eq!(
            sents("قال الوزير إن الوضع هادئ. وأضاف أن الطريق مفتوح؟ نعم!\nفقرة ثانية، فيها فاصلة؛ وفاصلة منقوطة."),
            vec![
                "قال الوزير إن الوضع هادئ.",
                "وأضاف أن الطريق مفتوح؟",
                "نعم!",
                "فقرة ثانية، فيها فاصلة؛ وفاصلة منقوطة."
            ]
        );
    }

    #[test]
    fn no_split_after_abbreviations_numbers_or_inside_quotes() {
        assert_eq!(
            sents("The U.N. Security Council met. Dr. Smith spoke."),
            vec!["The U.N. Security Council met.", "Dr. Smith spoke."]
        );
        assert_eq!(sents("By JOHN Q. WRITER today."), vec!["By JOHN Q. WRITER today."]);
        assert_eq!(sents("«د. أحمد» وصل. ثم غادر."), vec!["«د. أحمد» وصل.", "ثم غادر."]);
        assert_eq!(
            sents("التقى د. أحمد بالوفد. وارتفع المؤشر 3.5 في المئة."),
            vec!["التقى د. أحمد بالوفد.", "وارتفع المؤشر 3.5 في المئة."]
        );
        assert_eq!(
            sents("وقال: «الوضع صعب. لكننا مستمرون». ثم غادر."),
            vec!["وقال: «الوضع صعب. لكننا مستمرون».", "ثم غادر."]
        );
        // an unbalanced quote does not swallow the paragraph
        assert_eq!(sents("He said \"fine. Then left. End."), vec!["He said \"fine.", "Then left.", "End."]);
    }

    /// The boundaries of the whole paragraph run through the segmenter: what [`boundaries`] must equal.
    fn reference(p: &str) -> Vec<usize> {
        p.split_sentence_bound_indices().map(|(i, s)| i + s.len()).filter(|&e| e < p.len()).collect()
    }

    #[test]
    fn windowed_boundaries_equal_the_whole_paragraph() {
        let pieces = [
            "قال", " ", ".", "!", "؟", "?", "«", "»", "\"", "'", "(", ")", "U.N.", "Dr", "a", "B", "3.5", "٢",
            "\u{064E}", "\u{200F}", "\u{2029}", "\u{0085}", "،", "؛", "…", ".\"", "e.g", "x", "مجلس", "The", "the",
            "۔", "ـ", "\t", "。", "—", "ﻻ", "‏", "_", "“", "”", "\u{2024}", "\u{2028}", "\u{061D}", "\u{0589}", "„",
            "\u{00A0}", "é", "Ω", "׃", "\u{0700}", "\u{07F9}", "\u{203C}", ")", ":", ";", "\r\n", "2", "\u{0301}",
            ".» ", ".\" ", "!) ", "’", "x؟", "U.S", "e.g", ".a", "3.A",
        ];
        // paragraphs of 1 to 14 pieces
        for s in crate::text::sample_texts(&pieces, 12345, 20000, |x| 1 + (x >> 58) as usize % 14) {
            assert_eq!(boundaries(&s), reference(&s), "{s:?}");
        }
        for t in [
            "The U.N. met. Then it rained.",
            "قال: «نعم». ثم غادر. 3.5 و2.",
            "a.b. C. d",
            "x.\" y. Z",
            "a.  B! c? D؟ قال.  وقال. e",
            "A. B. c. D.",
            "U.S. Army. x. 2. Y",
            "قال.» وأضاف.\") B!)  C?’ د.”",
            "x.\"",
            "x. ",
            "x.» ",
            "3.5. 2.5.x 1.2.A.",
            "U.S.A. e.g. x.Y a.b.C. 3.A .B",
        ] {
            assert_eq!(boundaries(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn paragraphs_are_trimmed_lines() {
        let t = "  one \n\n two\r\nthree";
        let p: Vec<_> = paragraphs(t, 0..t.len()).into_iter().map(|r| &t[r]).collect();
        assert_eq!(p, vec!["one", "two", "three"]);
    }
}
