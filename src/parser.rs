//! The parser: runs the text layer and the extractors over one article.

use crate::error::Error;
use crate::model::{Article, Language, SCHEMA};
use crate::text::Doc;
use crate::{dateline, entities, quotes, resolutions, values};

/// Default limit on input size: 16 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Which extractors run. All do by default; an extractor that is off leaves its part of the
/// [`Article`] empty. Quotes use the entities for speaker links whether or not entities are
/// reported.
///
/// ```
/// let only = khabar::Extractors { resolutions: true, ..khabar::Extractors::none() };
/// assert!(!only.quotes && only.resolutions);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Extractors {
    /// The dateline.
    pub dateline: bool,
    /// Named entities, dates and amounts.
    pub entities: bool,
    /// Direct quotes and reported speech.
    pub quotes: bool,
    /// UN resolution references.
    pub resolutions: bool,
}

impl Extractors {
    /// Every extractor.
    pub const fn all() -> Self {
        Extractors { dateline: true, entities: true, quotes: true, resolutions: true }
    }

    /// No extractor: only the text layer (language, boilerplate, paragraphs, sentences).
    pub const fn none() -> Self {
        Extractors { dateline: false, entities: false, quotes: false, resolutions: false }
    }
}

impl Default for Extractors {
    fn default() -> Self {
        Self::all()
    }
}

/// A reusable, thread-safe parser. Building one loads every lexicon and automaton once; all
/// parsers share those tables, and [`Parser::parse`] does only per-article work.
///
/// ```
/// use std::sync::Arc;
/// let parser = Arc::new(khabar::Parser::new());
/// let texts = ["واشنطن (رويترز) - قال مسؤول إن المحادثات مستمرة.", "PARIS, Nov 3 (AFP) - Ministers met on Monday."];
/// let handles: Vec<_> = texts
///     .into_iter()
///     .map(|text| {
///         let parser = Arc::clone(&parser);
///         std::thread::spawn(move || parser.parse(text).unwrap().dateline().is_some())
///     })
///     .collect();
/// assert!(handles.into_iter().all(|h| h.join().unwrap()));
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    max_input_bytes: usize,
    extractors: Extractors,
    language: Option<Language>,
}

/// Options for a [`Parser`].
///
/// ```
/// let parser = khabar::Parser::builder()
///     .max_input_bytes(1 << 20)
///     .extractors(khabar::Extractors { quotes: false, ..Default::default() })
///     .language(khabar::Language::Arabic)
///     .build();
/// assert_eq!(parser.parse("نص قصير").unwrap().language(), khabar::Language::Arabic);
/// ```
#[derive(Debug, Clone)]
pub struct ParserBuilder {
    max_input_bytes: usize,
    extractors: Extractors,
    language: Option<Language>,
}

impl Default for ParserBuilder {
    fn default() -> Self {
        ParserBuilder { max_input_bytes: DEFAULT_MAX_INPUT_BYTES, extractors: Extractors::all(), language: None }
    }
}

impl ParserBuilder {
    /// Inputs longer than this many bytes are rejected with [`Error::InputTooLarge`]
    /// (default [`DEFAULT_MAX_INPUT_BYTES`]). The limit is at most
    /// [`MAX_TEXT_BYTES`](crate::text::MAX_TEXT_BYTES) (256 MiB), the longest text the text layer's
    /// `u32` offsets can address; a larger value is lowered to it.
    ///
    /// ```
    /// let p = khabar::Parser::builder().max_input_bytes(usize::MAX).build();
    /// assert_eq!(p.max_input_bytes(), khabar::text::MAX_TEXT_BYTES);
    /// ```
    pub fn max_input_bytes(mut self, max: usize) -> Self {
        self.max_input_bytes = max.min(crate::text::MAX_TEXT_BYTES);
        self
    }

    /// Which extractors run (default: all).
    pub fn extractors(mut self, extractors: Extractors) -> Self {
        self.extractors = extractors;
        self
    }

    /// Take the language as given instead of detecting it.
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Builds the parser, loading the shared tables if no parser did before.
    pub fn build(self) -> Parser {
        warm();
        Parser { max_input_bytes: self.max_input_bytes, extractors: self.extractors, language: self.language }
    }
}

/// Forces every one-time table, so that their cost falls on parser construction.
fn warm() {
    dateline::warm();
    entities::warm();
    quotes::warm();
    resolutions::warm();
    values::warm();
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser {
    /// A parser with the default options.
    ///
    /// ```
    /// let article = khabar::Parser::new().parse("The vote passed.").unwrap();
    /// assert_eq!(article.language(), khabar::Language::English);
    /// ```
    pub fn new() -> Parser {
        ParserBuilder::default().build()
    }

    /// Options for a parser.
    pub fn builder() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// The size limit in force, in bytes.
    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    /// Parses one article.
    ///
    /// ```
    /// let a = khabar::Parser::new().parse("بيروت (رويترز) - قال مسؤول إن الاجتماع انتهى.").unwrap();
    /// assert_eq!(a.dateline().unwrap().agencies[0].text, "رويترز");
    /// ```
    pub fn parse(&self, text: &str) -> Result<Article, Error> {
        if text.len() > self.max_input_bytes {
            return Err(Error::InputTooLarge { len: text.len(), max: self.max_input_bytes });
        }
        let doc = Doc::new(text, self.language);
        let ex = self.extractors;
        let dateline = if ex.dateline || ex.entities { dateline::extract(&doc) } else { None };
        let mut entities =
            if ex.entities || ex.quotes { entities::extract(&doc, dateline.as_ref()) } else { Vec::new() };
        // one scan of the body for the date, amount and resolution tables
        let heads = if ex.entities || ex.resolutions { resolutions::scan_heads(&doc) } else { Default::default() };
        entities.extend(if ex.entities { values::extract_with(&doc, dateline.as_ref(), &heads) } else { Vec::new() });
        let resolutions = if ex.resolutions { resolutions::extract_with(&doc, &heads) } else { Vec::new() };
        let mut quotes = if ex.quotes { quotes::extract(&doc, &entities) } else { Vec::new() };
        if !ex.entities {
            // the entities were found for speaker resolution only: no index may point at them
            quotes.iter_mut().filter_map(|q| q.speaker.as_mut()).for_each(|s| s.entity = None);
        }
        // what the article keeps, without the room the vectors grew
        let mut entities = if ex.entities { entities } else { Vec::new() };
        entities.shrink_to_fit();
        quotes.shrink_to_fit();
        let language = doc.language;
        let body = doc.span(doc.body.clone());
        let boilerplate = doc.boilerplate.iter().map(|r| doc.span(r.clone())).collect();
        let paragraphs = doc.paragraphs.iter().map(|r| doc.span(r.clone())).collect();
        let sentences = doc.sentences.iter().map(|r| doc.span(r.clone())).collect();
        // the analysis (normalised text, offset map, tokens) is the largest per-article state:
        // free it before the article takes its own copy of the text
        drop(doc);
        Ok(Article {
            schema: SCHEMA,
            language,
            body,
            boilerplate,
            paragraphs,
            sentences,
            dateline: if ex.dateline { dateline } else { None },
            entities,
            quotes,
            resolutions,
            text: text.to_owned(),
        })
    }

    /// Parses UTF-8 bytes; invalid UTF-8 is an [`Error::InvalidUtf8`] with the offset of the
    /// first bad byte.
    ///
    /// ```
    /// let p = khabar::Parser::new();
    /// assert!(p.parse_bytes("نص".as_bytes()).is_ok());
    /// assert_eq!(p.parse_bytes(b"\xd9").unwrap_err(), khabar::Error::InvalidUtf8 { offset: 0 });
    /// ```
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        if bytes.len() > self.max_input_bytes {
            return Err(Error::InputTooLarge { len: bytes.len(), max: self.max_input_bytes });
        }
        let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })?;
        self.parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn parser_and_article_are_send_and_sync() {
        assert_send_sync::<Parser>();
        assert_send_sync::<Article>();
    }

    #[test]
    fn size_limit_and_utf8() {
        let p = Parser::builder().max_input_bytes(3).build();
        assert_eq!(p.parse("abcd").unwrap_err(), Error::InputTooLarge { len: 4, max: 3 });
        assert!(p.parse("abc").is_ok());
        let p = Parser::new();
        assert_eq!(p.parse_bytes(b"abc\xe2\x82").unwrap_err(), Error::InvalidUtf8 { offset: 3 });
    }

    #[test]
    fn speaker_links_need_reported_entities() {
        let text = "وقال الوزير الفرنسي جان لوك مارتان إن المحادثات ستستمر.";
        let all = Parser::new().parse(text).unwrap();
        assert!(all.quotes().iter().any(|q| q.speaker.as_ref().is_some_and(|s| s.entity.is_some())));
        let p = Parser::builder().extractors(Extractors { entities: false, ..Extractors::all() }).build();
        let a = p.parse(text).unwrap();
        assert!(a.entities().is_empty() && !a.quotes().is_empty());
        assert!(a.quotes().iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.entity.is_none())));
    }

    #[test]
    fn extractors_can_be_turned_off() {
        let p = Parser::builder().extractors(Extractors::none()).build();
        let a = p.parse("WASHINGTON (Reuters) - The talks resumed.").unwrap();
        assert!(a.dateline().is_none() && a.entities().is_empty());
        assert_eq!(a.sentences().len(), 1);
    }
}
