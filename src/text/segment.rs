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
    for (i, s) in p.split_sentence_bound_indices() {
        let end = i + s.len();
        if end >= p.len() {
            break;
        }
        let candidate = &p[start..end];
        let inside_quote = quotes.iter().any(|q| q.start < end && end < q.end);
        if inside_quote || ends_with_abbreviation(candidate.trim_end()) {
            continue;
        }
        push_trimmed(&mut out, p, start..end, para.start);
        start = end;
    }
    push_trimmed(&mut out, p, start..p.len(), para.start);
    out
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
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (lower.len() <= 5 && lower.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic)))
}

/// Byte ranges of balanced quotations in a paragraph: « … », “ … ”, and straight quotes paired in
/// order. An unbalanced mark opens nothing.
pub(crate) fn quote_regions(p: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in p.char_indices() {
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

    #[test]
    fn paragraphs_are_trimmed_lines() {
        let t = "  one \n\n two\r\nthree";
        let p: Vec<_> = paragraphs(t, 0..t.len()).into_iter().map(|r| &t[r]).collect();
        assert_eq!(p, vec!["one", "two", "three"]);
    }
}
