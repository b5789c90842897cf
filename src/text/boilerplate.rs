//! Site furniture at the start or end of an article: comment prompts, "read also", tag lists,
//! share and print lines. A lexicon (`boilerplate.tsv`), not one pattern per site.

use super::normalize::normalize;
use super::segment::paragraphs;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Where {
    Tail,
    Line,
    Head,
}

/// The phrases by key: for each, the kinds (bit `1 << Where as u8`) it has as a whole line
/// (`whole`) and as the start of a line that goes on after a non-alphanumeric char (`start`:
/// labels ending in ':' and phrases of two or more words; a one-word phrase must be the whole
/// line).
struct Phrases {
    by_key: FxHashMap<String, (u8, u8)>,
    longest: usize,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut by_key: FxHashMap<String, (u8, u8)> = FxHashMap::default();
    for l in include_str!("boilerplate.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let Some((w, phrase)) = l.split_once('\t') else { continue };
        let w = match w {
            "tail" => Where::Tail,
            "line" => Where::Line,
            "head" => Where::Head,
            _ => continue,
        };
        let prefix = phrase.trim_end().ends_with(':') || phrase.split_whitespace().count() >= 2;
        let e = by_key.entry(key(phrase)).or_default();
        e.0 |= 1 << w as u8;
        if prefix {
            e.1 |= 1 << w as u8;
        }
    }
    let longest = by_key.keys().map(String::len).max().unwrap_or(0);
    Phrases { by_key, longest }
});

/// Furniture lines are short; a long line is article text whatever it starts with.
const MAX_FURNITURE_LINE: usize = 160;
/// How far from the end trailing furniture may begin, in lines.
const TAIL_WINDOW: usize = 12;

fn key(s: &str) -> String {
    let mut n = normalize(s);
    n.make_ascii_lowercase();
    let t = n.trim().trim_end_matches([':', '.', '!', '،', ' ']);
    let (start, end) = (t.as_ptr() as usize - n.as_ptr() as usize, t.len());
    n.truncate(start + end);
    n.drain(..start);
    n
}

/// Which kinds of phrase (bit `1 << Where as u8`) `line` matches; the line's key is built once
/// for all kinds.
fn kinds_matched(line: &str) -> u8 {
    super::tick(line.len().min(MAX_FURNITURE_LINE * 4));
    if line.chars().count() > MAX_FURNITURE_LINE {
        return 0;
    }
    let k = key(line);
    // the phrases that start the key end at its end or before a non-alphanumeric char
    let mut mask = 0;
    for (i, c) in k.char_indices().chain(std::iter::once((k.len(), ' '))) {
        if i > PHRASES.longest {
            break;
        }
        if i == k.len() || !super::is_alphanumeric(c) {
            if let Some(&(whole, start)) = PHRASES.by_key.get(&k[..i]) {
                mask |= if i == k.len() { whole } else { start };
            }
        }
    }
    mask
}

/// The lines' match masks, each computed on first use (a line may be asked about up to three times).
struct Masks<'a> {
    text: &'a str,
    lines: &'a [Range<usize>],
    cache: Vec<u8>,
}

impl Masks<'_> {
    const UNKNOWN: u8 = u8::MAX;

    fn matches(&mut self, i: usize, kinds: &[Where]) -> bool {
        if self.cache[i] == Self::UNKNOWN {
            self.cache[i] = kinds_matched(&self.text[self.lines[i].clone()]);
        }
        kinds.iter().any(|&w| self.cache[i] & (1 << w as u8) != 0)
    }
}

/// Finds furniture at the start and end of `text`: returns the body range and the furniture
/// spans (one per furniture block or line).
pub(crate) fn detect(text: &str) -> (Range<usize>, Vec<Range<usize>>) {
    let lines = paragraphs(text, 0..text.len());
    let mut first = 0;
    let mut last = lines.len();
    let mut spans = Vec::new();
    let mut masks = Masks { text, lines: &lines, cache: vec![Masks::UNKNOWN; lines.len()] };
    while first < last && masks.matches(first, &[Where::Line, Where::Head]) {
        spans.push(lines[first].clone());
        first += 1;
    }
    // Trailing block: the earliest tail phrase within the window whose following lines are short.
    let mut cut = None;
    for k in (first..last).rev().take(TAIL_WINDOW) {
        let line = &text[lines[k].clone()];
        if line.chars().count() > MAX_FURNITURE_LINE {
            break;
        }
        if masks.matches(k, &[Where::Tail]) {
            cut = Some(k);
        }
    }
    let mut tail = Vec::new();
    if let Some(k) = cut {
        tail.push(lines[k].start..lines[last - 1].end);
        last = k;
    }
    while last > first && masks.matches(last - 1, &[Where::Line]) {
        tail.push(lines[last - 1].clone());
        last -= 1;
    }
    tail.reverse();
    spans.extend(tail);
    // furniture lines next to each other are one block
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match merged.last_mut() {
            Some(prev) if text[prev.end..r.start].trim().is_empty() => prev.end = r.end,
            _ => merged.push(r),
        }
    }
    let spans = merged;
    let body = if first < last { lines[first].start..lines[last - 1].end } else { 0..0 };
    (body, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> (&str, Vec<&str>) {
        let (body, spans) = detect(t);
        (&t[body], spans.into_iter().map(|r| &t[r]).collect())
    }

    #[test]
    fn trailing_comment_prompts_and_tags() {
        let t = "الرباط - نص الخبر الأول.\nفقرة ثانية.\nأرسل تعليقك\nتعليقك كزائر\nالاسم";
        assert_eq!(run(t), ("الرباط - نص الخبر الأول.\nفقرة ثانية.", vec!["أرسل تعليقك\nتعليقك كزائر\nالاسم"]));
        let t = "Body text here.\nRelated Articles\nOne\nTwo";
        assert_eq!(run(t).0, "Body text here.");
        let t = "نص.\nمواضيع: الأمم المتحدة، مجلس الأمن\nزر الذهاب إلى الأعلى";
        assert_eq!(run(t).0, "نص.");
    }

    #[test]
    fn share_lines_at_either_edge() {
        let t = "Share\nPrint\nThe vote passed.\nTweet";
        assert_eq!(run(t), ("The vote passed.", vec!["Share\nPrint", "Tweet"]));
    }

    #[test]
    fn article_text_is_kept() {
        // a long line that starts like furniture is text; a phrase inside a word is not a match
        let long = format!("اقرأ أيضا{}", " كلمة".repeat(60));
        let t = format!("نص.\n{long}");
        assert_eq!(run(&t).0, t.as_str());
        assert_eq!(run("Shareholders met today.").0, "Shareholders met today.");
        let t = "التعليقات الرسمية كانت إيجابية";
        assert_eq!(run(t).0, t);
        assert_eq!(run(""), ("", vec![]));
    }
}
