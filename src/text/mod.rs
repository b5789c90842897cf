//! The text layer: normalisation with an offset map, language detection, paragraphs and
//! sentences, tokens with a light Arabic clitic analysis, a shared lexicon matcher, and
//! boilerplate detection. Every extractor works on one analysis of the article built once per parse.

mod boilerplate;
mod chars;
mod lang;
mod lexicon;
mod normalize;
mod segment;
mod tokens;
mod work;

pub use lang::detect_language;
#[doc(hidden)]
pub use lexicon::vocabulary_len;
pub use lexicon::{Analysis, LexMatch, Lexicon};
pub use normalize::{Normalized, is_arabic_diacritic, normalize};
pub use tokens::{CliticSplit, MAX_TEXT_BYTES, Token, TokenKind, clitic_splits};
#[doc(hidden)]
pub use work::{reset_work, work_done};

pub(crate) use work::tick;

pub(crate) use chars::{is_alphabetic, is_alphanumeric};
pub(crate) use lang::is_arabic_script;

use crate::model::{Language, Mention, Span};
use chars::CharIndex;
use std::ops::{Deref, Range};

/// One article's text, analysed once and read by every extractor.
#[derive(Debug)]
pub(crate) struct Doc<'t> {
    analysis: Analysis<'t>,
    chars: CharIndex<'t>,
    pub(crate) language: Language,
    /// The body: the text less furniture at its start and end.
    pub(crate) body: Range<usize>,
    pub(crate) boilerplate: Vec<Range<usize>>,
    pub(crate) paragraphs: Vec<Range<usize>>,
    pub(crate) sentences: Vec<Range<usize>>,
    /// Indices of the tokens inside the body.
    pub(crate) body_tokens: Range<usize>,
}

impl<'t> Deref for Doc<'t> {
    type Target = Analysis<'t>;
    fn deref(&self) -> &Analysis<'t> {
        &self.analysis
    }
}

impl<'t> Doc<'t> {
    pub(crate) fn new(text: &'t str, language: Option<Language>) -> Doc<'t> {
        let analysis = Analysis::new(text);
        let (body, boilerplate) = boilerplate::detect(text);
        let paragraphs = segment::paragraphs(text, body.clone());
        let sentences = paragraphs.iter().flat_map(|p| segment::sentences(text, p.clone())).collect();
        let language = language.unwrap_or_else(|| detect_language(&text[body.clone()]));
        let body_tokens = analysis.tokens_in(body.clone());
        Doc { chars: CharIndex::new(text), analysis, language, body, boilerplate, paragraphs, sentences, body_tokens }
    }

    /// The original text.
    pub(crate) fn text(&self) -> &'t str {
        self.analysis.original()
    }

    /// A [`Span`] for a byte range of the original text.
    pub(crate) fn span(&self, r: Range<usize>) -> Span {
        tick(1);
        Span {
            start: r.start,
            end: r.end,
            char_start: self.chars.char_offset(r.start),
            char_end: self.chars.char_offset(r.end),
        }
    }

    /// A [`Mention`] of a byte range, its text taken from the original.
    pub(crate) fn mention(&self, r: Range<usize>) -> Mention {
        tick(r.len());
        Mention { text: self.text()[r.clone()].to_string(), span: self.span(r) }
    }

    /// Index of the sentence containing byte `offset`.
    pub(crate) fn sentence_at(&self, offset: usize) -> Option<usize> {
        tick(1);
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }

    /// Index of the paragraph containing byte `offset`.
    pub(crate) fn paragraph_at(&self, offset: usize) -> Option<usize> {
        tick(1);
        let i = self.paragraphs.partition_point(|s| s.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= offset).then_some(i)
    }
}

/// Deterministic pseudo-random texts for the text layer's equivalence tests (a fast path against
/// its char-by-char definition): `count` strings, each of `len(x)` pieces drawn from `pieces`,
/// where `x` is the next number of a linear congruential sequence started at `seed`.
#[cfg(test)]
pub(crate) fn sample_texts<'p>(
    pieces: &'p [&'p str],
    seed: u64,
    count: usize,
    len: fn(u64) -> usize,
) -> impl Iterator<Item = String> + 'p {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        state
    };
    (0..count).map(move |_| {
        let n = len(next());
        (0..n).map(|_| pieces[(next() >> 33) as usize % pieces.len()]).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_spans_and_lookups() {
        let t = "القاهرة - أ ش أ: خبر أول. خبر ثان.\nأرسل تعليقك";
        let d = Doc::new(t, None);
        assert_eq!(d.language, Language::Arabic);
        assert_eq!(&t[d.body.clone()], "القاهرة - أ ش أ: خبر أول. خبر ثان.");
        assert_eq!(d.sentences.len(), 2);
        let second = d.sentences[1].clone();
        assert_eq!(d.sentence_at(second.start + 2), Some(1));
        let span = d.span(second.clone());
        assert_eq!(span.char_start, t[..second.start].chars().count());
        assert_eq!(d.paragraph_at(t.len() - 1), None);
        // tokens of the furniture are outside the body
        assert!(d.tokens()[d.body_tokens.clone()].iter().all(|tok| tok.orig().end <= d.body.end));
    }
}
