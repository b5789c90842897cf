//! The article model: what [`crate::parse`] returns.
//!
//! Every piece of structure points back into the original input with a [`Span`]: byte offsets for
//! Rust and C (`&article.text()[span]` is the surface text) and code-point offsets for Python.
//! Normalised forms are never stored in place of the original text; where a field holds a
//! canonical or normalised value (an entity's `name`, a resolution's `symbol`) the span still says
//! where it came from.
//!
//! The JSON document (see [`Article::to_json`]) is a plain serde serialisation of these types with
//! a [`SCHEMA`] version at its top; `shared/eval/README.md` describes the fields the scorer reads.

use serde::Serialize;
use std::ops::{Index, Range};

mod json;

/// Version of the JSON document, written as its `schema` field.
///
/// ```
/// assert!(khabar::SCHEMA.starts_with("khabar/"));
/// ```
pub const SCHEMA: &str = "khabar/1";

/// A half-open range of the original input: bytes `start..end`, and the same range counted in
/// Unicode code points `char_start..char_end`.
///
/// Byte offsets always lie on UTF-8 character boundaries, so `&text[span]` never panics for a
/// span taken from an [`Article`] over that text.
///
/// ```
/// let article = khabar::parse("WASHINGTON (Reuters) - The talks resumed.").unwrap();
/// let span = article.dateline().unwrap().span;
/// assert_eq!(&article.text()[span], "WASHINGTON (Reuters) -");
/// assert_eq!((span.char_start, span.char_end), (0, 22));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
    /// First code point of the range.
    pub char_start: usize,
    /// One past the last code point of the range.
    pub char_end: usize,
}

impl Span {
    /// Length in bytes.
    ///
    /// ```
    /// let s = khabar::Span { start: 2, end: 6, char_start: 1, char_end: 3 };
    /// assert_eq!(s.len(), 4);
    /// ```
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    ///
    /// ```
    /// assert!(khabar::Span::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The byte range, for slicing.
    ///
    /// ```
    /// let s = khabar::Span { start: 0, end: 5, char_start: 0, char_end: 5 };
    /// assert_eq!(&"hello world"[s.range()], "hello");
    /// ```
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The code-point range, for languages that index strings by code point (Python).
    ///
    /// ```
    /// let s = khabar::Span { start: 0, end: 4, char_start: 0, char_end: 2 };
    /// assert_eq!(s.char_range(), 0..2);
    /// ```
    pub fn char_range(&self) -> Range<usize> {
        self.char_start..self.char_end
    }

    /// True when `other` lies inside this span.
    ///
    /// ```
    /// let a = khabar::Span { start: 0, end: 10, char_start: 0, char_end: 10 };
    /// let b = khabar::Span { start: 2, end: 4, char_start: 2, char_end: 4 };
    /// assert!(a.contains(&b) && !b.contains(&a));
    /// ```
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// let a = khabar::Span { start: 0, end: 4, char_start: 0, char_end: 4 };
    /// let b = khabar::Span { start: 3, end: 8, char_start: 3, char_end: 8 };
    /// assert!(a.overlaps(&b));
    /// ```
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// A piece of surface text with its place in the input.
///
/// `text` is the surface form without leading clitics or punctuation; for Arabic words that carried
/// the preposition لـ before the article ("للأمم المتحدة"), `text` restores the article
/// ("الأمم المتحدة") while `span` covers what is written after the clitic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The surface text (see the type's docs for the one clitic case where it differs from the span).
    pub text: String,
    /// Where it is in the input.
    pub span: Span,
}

/// The language of an article, detected from its script or given as a hint.
///
/// ```
/// assert_eq!(khabar::parse("قال الوزير إن المحادثات مستمرة.").unwrap().language(), khabar::Language::Arabic);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Mostly Arabic script.
    #[serde(rename = "ar")]
    Arabic,
    /// Mostly Latin script.
    #[serde(rename = "en")]
    English,
    /// Neither dominates, or there are no letters.
    #[serde(rename = "other")]
    Other,
}

impl Language {
    /// The ISO 639-1 code (`"ar"`, `"en"`) or `"other"`.
    ///
    /// ```
    /// assert_eq!(khabar::Language::Arabic.code(), "ar");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::English => "en",
            Language::Other => "other",
        }
    }
}

/// Where a report was filed, by whom and for which agency: the opening segment of a wire report
/// such as "الرباط - ليلى المنصوري" or "WASHINGTON (Reuters) -".
///
/// ```
/// let a = khabar::parse("بيروت (رويترز) - قال مسؤول إن الاجتماع انتهى.").unwrap();
/// let d = a.dateline().unwrap();
/// assert_eq!(d.locations[0].text, "بيروت");
/// assert_eq!(d.agencies[0].text, "رويترز");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Dateline {
    /// The whole dateline, up to and including its closing separator.
    pub span: Span,
    /// Places of filing, in order.
    pub locations: Vec<Mention>,
    /// Reporters named in the dateline.
    pub authors: Vec<Mention>,
    /// News agencies and papers named in the dateline.
    pub agencies: Vec<Mention>,
    /// The date the dateline carries, if any: ISO 8601 (`2016-07-28`) when complete, else the
    /// parts known (`--11-03` for a day and month without a year).
    pub date: Option<String>,
}

/// What kind of thing an [`Entity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A named organisation, body, committee, ministry, party, armed group, agency or paper.
    Organization,
    /// A country, city, region or other named place.
    Location,
    /// A date or time expression, normalised in [`Entity::date`].
    Date,
    /// A quantity or sum of money, normalised in [`Entity::amount`].
    Amount,
}

/// The granularity of a normalised date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateGrain {
    /// A calendar day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
    /// A weekday that could not be resolved against a known date.
    Weekday,
}

/// A normalised date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DateValue {
    /// ISO 8601 value (`2001-09-11`, `2016-07`, `2015`), or for an unresolved weekday its English
    /// name (`monday`).
    pub value: String,
    /// How precise the value is.
    pub grain: DateGrain,
}

/// A normalised quantity or sum of money.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Amount {
    /// The number, with ألف/مليون/مليار and thousand/million/billion scaling applied.
    pub value: f64,
    /// A qualifier such as `more_than`, `less_than`, `about`, `at_least`, `up_to`.
    pub qualifier: Option<String>,
    /// The counted noun as written ("مقاتل", "refugees"), if any.
    pub unit: Option<String>,
    /// ISO 4217 code for money (`USD`, `EUR`).
    pub currency: Option<String>,
}

/// A named entity with every mention of it in the article.
///
/// ```
/// let a = khabar::parse("قال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا مستعدة.").unwrap();
/// for e in a.entities() {
///     println!("{:?} {} ({} mentions)", e.kind, e.name, e.mentions.len());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The canonical name: the fullest mention, without clitics.
    pub name: String,
    /// Every mention, in document order.
    pub mentions: Vec<Mention>,
    /// ISO 3166-1 alpha-2 code for places (a city carries its country's code) and for phrases a
    /// nationality adjective qualifies.
    pub code: Option<String>,
    /// The normalised value of a date entity.
    pub date: Option<DateValue>,
    /// The normalised value of an amount entity.
    pub amount: Option<Amount>,
}

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech: a speech verb with a clause (أن/إن, "said that").
    Indirect,
    /// A reported frame with a quoted part.
    Mixed,
}

/// Who made a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Speaker {
    /// The speaker's name as written (a full name or a surname), or a role such as
    /// "المتحدث باسم الخارجية" when no name is given. For a continuation without a subject
    /// ("وأضاف أن…") and for a bare title that refers back to someone named earlier ("وأضاف
    /// الوزير"), it is that earlier name, and the title goes in `role`.
    pub text: String,
    /// Where `text` is written: in the statement's sentence, or for a continuation or a title
    /// resolved to an earlier name, where that name is.
    pub span: Span,
    /// Index into [`Article::entities`] of the entity the speaker refers to; `None` when none
    /// fits or when the entity extractor is turned off.
    pub entity: Option<usize>,
    /// The speaker's role or title when one is given ("وزير الخارجية").
    pub role: Option<String>,
}

/// The speech verb or phrase that introduces a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Cue {
    /// As written, with its clitic ("وأضاف", "said", "according to").
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The dictionary form ("أضاف", "say").
    pub lemma: String,
}

/// A direct quote or a reported statement.
///
/// ```
/// let a = khabar::parse("وقال الوزير: «المحادثات ستستمر».").unwrap();
/// for q in a.quotes() {
///     println!("{:?}: {}", q.kind, q.content.text);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Who said it, when that can be established.
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase, when there is one.
    pub cue: Option<Cue>,
    /// What was said (for direct quotes, inside the marks).
    pub content: Mention,
    /// Where or how it was said, when stated ("في مؤتمر صحفي").
    pub setting: Option<Mention>,
}

/// The UN body that adopted a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// The Security Council (`S/RES/…`).
    SecurityCouncil,
    /// The General Assembly (`A/RES/…`).
    GeneralAssembly,
    /// The Human Rights Council (`A/HRC/RES/…`).
    HumanRightsCouncil,
    /// The Economic and Social Council (`E/RES/…`).
    EconomicAndSocialCouncil,
    /// Another UN organ.
    Other,
}

/// How a resolution's body was established, from the most to the least direct evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodySource {
    /// Named in the reference itself ("قرار مجلس الأمن رقم 2178", "S/RES/2334").
    Stated,
    /// A UN organ named in the same sentence.
    Sentence,
    /// The organs the article speaks of.
    Article,
    /// Number and year consistency.
    Inferred,
}

/// A UN resolution referred to by number, once per distinct resolution, with all its mentions.
///
/// **Symbols** (`symbol`, with `session` for session-numbered forms):
/// Security Council `S/RES/2178 (2014)` (`S/RES/2178` when the year is unknown); General Assembly
/// 1946–1975 `A/RES/194 (III)`, from 1976 `A/RES/67/19` (session `"67"`), emergency and special
/// sessions `A/RES/ES-10/19` (`"ES-10"`), `A/RES/S-13/2`; Human Rights Council `A/HRC/RES/46/1`
/// (`"46"`), `A/HRC/RES/S-30/1`; ECOSOC `E/RES/1996/31` (session `"1996"`, the year element).
///
/// **Years** (`year`): the year stated with the reference ("2254 (2015)", "لعام 2015", "of 1967");
/// else for the Security Council the year its number was adopted in (a table generated from the
/// UN's yearly lists: 242 → 1967, 2254 → 2015); else for the General Assembly the session's year
/// (session N opens in 1945 + N) or a known adoption year; for the Human Rights Council the
/// session's year (46 → 2021); for ECOSOC the year in the symbol; else `None`. A stated year that
/// contradicts the table is kept and flagged in `year_conflict`.
///
/// **Body** (`body_source`): named in the reference, else a UN organ in the same sentence, else
/// the organs the article names, else number/year consistency when the article speaks of the UN;
/// references whose body cannot be established are left out. The full rules are the resolution
/// extractor's module documentation (`src/resolutions/mod.rs`).
///
/// ```
/// let a = khabar::parse("Security Council resolution 2254 (2015) calls for talks.").unwrap();
/// let r = &a.resolutions()[0];
/// assert_eq!((r.number, r.year), (2254, Some(2015)));
/// assert_eq!(r.symbol, "S/RES/2254 (2015)");
/// let a = khabar::parse("اعتمدت الجمعية العامة القرار 67/19.").unwrap();
/// let r = &a.resolutions()[0];
/// assert_eq!((r.number, r.session.as_deref(), r.year), (19, Some("67"), Some(2012)));
/// assert_eq!(r.symbol, "A/RES/67/19");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Resolution {
    /// The adopting body.
    pub body: Body,
    /// How the body was established.
    pub body_source: BodySource,
    /// The resolution's number (19 in `A/RES/67/19`).
    pub number: u32,
    /// The session for session-numbered symbols (`"67"` in `A/RES/67/19`, `"ES-10"`), else `None`.
    pub session: Option<String>,
    /// The year of adoption: stated, or derived from the number or session; `None` when unknown.
    pub year: Option<i32>,
    /// True when a year stated in the text contradicts the number→year table (the stated year is kept).
    pub year_conflict: bool,
    /// The UN document symbol: `S/RES/2178 (2014)`, `A/RES/194 (III)`, `A/RES/67/19`, `A/HRC/RES/46/1`.
    pub symbol: String,
    /// Every reference to it, in document order.
    pub mentions: Vec<Mention>,
}

/// A parsed article. It owns the input text; every [`Span`] indexes into [`Article::text`].
///
/// `Article` is `Send + Sync` and can be serialised to the JSON document with [`Article::to_json`].
///
/// ```
/// let article = khabar::parse("القاهرة - أ ش أ: أعلنت الوزارة أن المعبر سيفتح غدا.").unwrap();
/// assert_eq!(article.language(), khabar::Language::Arabic);
/// assert_eq!(&article.text()[article.body()], article.text());
/// assert!(article.to_json().contains("\"schema\":\"khabar/1\""));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub(crate) schema: &'static str,
    #[serde(skip)]
    pub(crate) text: String,
    pub(crate) language: Language,
    pub(crate) body: Span,
    pub(crate) boilerplate: Vec<Span>,
    pub(crate) paragraphs: Vec<Span>,
    pub(crate) sentences: Vec<Span>,
    pub(crate) dateline: Option<Dateline>,
    pub(crate) entities: Vec<Entity>,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) resolutions: Vec<Resolution>,
}

impl Article {
    /// The original input.
    ///
    /// ```
    /// assert_eq!(khabar::parse("Hello.").unwrap().text(), "Hello.");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The detected (or hinted) language.
    ///
    /// ```
    /// assert_eq!(khabar::parse("The vote passed.").unwrap().language(), khabar::Language::English);
    /// ```
    pub fn language(&self) -> Language {
        self.language
    }

    /// The article body: the input less site furniture at its start and end.
    ///
    /// ```
    /// let a = khabar::parse("The vote passed.\nLeave a comment").unwrap();
    /// assert_eq!(&a.text()[a.body()], "The vote passed.");
    /// ```
    pub fn body(&self) -> Span {
        self.body
    }

    /// Site furniture recognised at the start or end ("أرسل تعليقك", "Share this:"), excluded from
    /// extraction.
    ///
    /// ```
    /// let a = khabar::parse("The vote passed.\nShare this:").unwrap();
    /// assert_eq!(&a.text()[a.boilerplate()[0]], "Share this:");
    /// ```
    pub fn boilerplate(&self) -> &[Span] {
        &self.boilerplate
    }

    /// Paragraphs of the body (non-empty lines), in order.
    ///
    /// ```
    /// let a = khabar::parse("First.\n\nSecond.").unwrap();
    /// assert_eq!(a.paragraphs().len(), 2);
    /// ```
    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    /// Sentences of the body, in order; a sentence never crosses a paragraph.
    ///
    /// ```
    /// let a = khabar::parse("قال د. أحمد إن الوضع هادئ. وأضاف أن الطريق مفتوح.").unwrap();
    /// assert_eq!(a.sentences().len(), 2);
    /// ```
    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// The dateline, when the article has one.
    ///
    /// ```
    /// assert!(khabar::parse("A quiet day.").unwrap().dateline().is_none());
    /// ```
    pub fn dateline(&self) -> Option<&Dateline> {
        self.dateline.as_ref()
    }

    /// Named entities, dates and amounts, each once with all its mentions.
    ///
    /// ```
    /// let a = khabar::parse("A quiet day.").unwrap();
    /// assert!(a.entities().iter().all(|e| !e.mentions.is_empty()));
    /// ```
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Statements (direct quotes and reported speech), in document order.
    ///
    /// ```
    /// let a = khabar::parse("A quiet day.").unwrap();
    /// assert!(a.quotes().is_empty());
    /// ```
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// UN resolution references, one per distinct resolution, in order of first mention.
    ///
    /// ```
    /// let a = khabar::parse("A quiet day.").unwrap();
    /// assert!(a.resolutions().is_empty());
    /// ```
    pub fn resolutions(&self) -> &[Resolution] {
        &self.resolutions
    }

    /// The JSON document: this article serialised with its `schema` version, compact.
    ///
    /// ```
    /// let json = khabar::parse("Hello.").unwrap().to_json();
    /// let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    /// assert_eq!(v["language"], "en");
    /// ```
    pub fn to_json(&self) -> String {
        // written directly; byte for byte what `serde_json::to_string(self)` gives
        json::article(self)
    }

    /// The JSON document, indented for people.
    ///
    /// ```
    /// assert!(khabar::parse("Hello.").unwrap().to_json_pretty().contains("\n"));
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("the article model serialises infallibly")
    }
}
