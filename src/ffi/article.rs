//! `khabar_article`: the parse result, its JSON and its typed accessors.
//!
//! The accessors fill caller-provided `#[repr(C)]` structs with borrowed views ([`khabar_str`],
//! [`khabar_span`], [`khabar_mentions`]) that point into the article and stay valid until it is
//! freed. Arrays of mentions are converted once, on the first typed access, and kept with the
//! article.

use super::boundary::{Fallback, ffi_boundary, try_out, try_ref, write_out};
use super::handle;
use super::status::{fail, khabar_status};
use super::view::{khabar_mention, khabar_mentions, khabar_span, khabar_str};
use crate::model::{Article, Body, BodySource, DateGrain, EntityKind, Language, Mention, QuoteKind, Span};
use std::ffi::{CString, c_char};
use std::sync::OnceLock;

/// A parsed article (opaque). It owns a copy of the input; every span indexes into it.
///
/// Thread safety: an article is immutable; any number of threads may read it at once through the
/// functions below. Free it once, when no thread uses it or any view read from it.
///
/// Methods: `khabar_article_to_json`, `khabar_article_text`, `khabar_article_language`,
/// `khabar_article_body`, `khabar_article_sentence_count` / `khabar_article_sentence`,
/// `khabar_article_paragraph_count` / `khabar_article_paragraph`,
/// `khabar_article_boilerplate_count` / `khabar_article_boilerplate`, `khabar_article_dateline`,
/// `khabar_article_entity_count` / `khabar_article_entity`, `khabar_article_quote_count` /
/// `khabar_article_quote`, `khabar_article_resolution_count` / `khabar_article_resolution`,
/// `khabar_article_free`.
pub struct khabar_article {
    article: Article,
    views: OnceLock<Views>,
}

/// The mention arrays handed out by the typed accessors, in C layout.
struct Views {
    locations: Vec<khabar_mention>,
    authors: Vec<khabar_mention>,
    agencies: Vec<khabar_mention>,
    entity_mentions: Vec<Vec<khabar_mention>>,
    resolution_mentions: Vec<Vec<khabar_mention>>,
}

fn mentions(v: &[Mention]) -> Vec<khabar_mention> {
    v.iter().map(khabar_mention::of).collect()
}

impl khabar_article {
    pub(crate) fn new(article: Article) -> khabar_article {
        khabar_article { article, views: OnceLock::new() }
    }

    fn views(&self) -> &Views {
        self.views.get_or_init(|| {
            let a = &self.article;
            let d = a.dateline();
            Views {
                locations: d.map_or_else(Vec::new, |d| mentions(&d.locations)),
                authors: d.map_or_else(Vec::new, |d| mentions(&d.authors)),
                agencies: d.map_or_else(Vec::new, |d| mentions(&d.agencies)),
                entity_mentions: a.entities().iter().map(|e| mentions(&e.mentions)).collect(),
                resolution_mentions: a.resolutions().iter().map(|r| mentions(&r.mentions)).collect(),
            }
        })
    }
}

/// The element `index` of `items`, or `KHABAR_STATUS_OUT_OF_RANGE` recorded with a message.
fn nth<'a, T>(items: &'a [T], index: usize, what: &str) -> Result<&'a T, khabar_status> {
    items.get(index).ok_or_else(|| {
        fail(khabar_status::OutOfRange, format!("{what} index {index} out of range (count {})", items.len()), None)
    })
}

/// The language of an article.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum khabar_language {
    /// Neither Arabic nor English dominates, or there are no letters.
    Other = 0,
    /// Arabic.
    Arabic = 1,
    /// English.
    English = 2,
}

impl From<Language> for khabar_language {
    fn from(l: Language) -> Self {
        match l {
            Language::Arabic => khabar_language::Arabic,
            Language::English => khabar_language::English,
            Language::Other => khabar_language::Other,
        }
    }
}

impl From<khabar_language> for Language {
    fn from(l: khabar_language) -> Self {
        match l {
            khabar_language::Arabic => Language::Arabic,
            khabar_language::English => Language::English,
            khabar_language::Other => Language::Other,
        }
    }
}

impl Fallback for khabar_language {
    fn null_argument() -> Self {
        khabar_language::Other
    }
    fn panicked() -> Self {
        khabar_language::Other
    }
}

/// What kind of thing an entity is.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum khabar_entity_kind {
    /// A named person.
    Person = 0,
    /// An organisation, body, ministry, party, armed group, agency or paper.
    Organization = 1,
    /// A country, city, region or other place.
    Location = 2,
    /// A date or time expression (see `khabar_entity.date`).
    Date = 3,
    /// A quantity or sum of money (see `khabar_entity.amount`).
    Amount = 4,
}

impl From<EntityKind> for khabar_entity_kind {
    fn from(k: EntityKind) -> Self {
        match k {
            EntityKind::Person => khabar_entity_kind::Person,
            EntityKind::Organization => khabar_entity_kind::Organization,
            EntityKind::Location => khabar_entity_kind::Location,
            EntityKind::Date => khabar_entity_kind::Date,
            EntityKind::Amount => khabar_entity_kind::Amount,
        }
    }
}

/// The precision of a normalised date.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum khabar_date_grain {
    /// A calendar day.
    Day = 0,
    /// A month.
    Month = 1,
    /// A year.
    Year = 2,
    /// A weekday not resolved to a date.
    Weekday = 3,
}

impl From<DateGrain> for khabar_date_grain {
    fn from(g: DateGrain) -> Self {
        match g {
            DateGrain::Day => khabar_date_grain::Day,
            DateGrain::Month => khabar_date_grain::Month,
            DateGrain::Year => khabar_date_grain::Year,
            DateGrain::Weekday => khabar_date_grain::Weekday,
        }
    }
}

/// How a statement is reported.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum khabar_quote_kind {
    /// Words inside quotation marks.
    Direct = 0,
    /// Reported speech.
    Indirect = 1,
    /// A reported frame with a quoted part.
    Mixed = 2,
}

impl From<QuoteKind> for khabar_quote_kind {
    fn from(k: QuoteKind) -> Self {
        match k {
            QuoteKind::Direct => khabar_quote_kind::Direct,
            QuoteKind::Indirect => khabar_quote_kind::Indirect,
            QuoteKind::Mixed => khabar_quote_kind::Mixed,
        }
    }
}

/// The UN body that adopted a resolution.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum khabar_body {
    /// The Security Council.
    SecurityCouncil = 0,
    /// The General Assembly.
    GeneralAssembly = 1,
    /// The Human Rights Council.
    HumanRightsCouncil = 2,
    /// The Economic and Social Council.
    EconomicAndSocialCouncil = 3,
    /// Another UN organ.
    Other = 4,
}

impl From<Body> for khabar_body {
    fn from(b: Body) -> Self {
        match b {
            Body::SecurityCouncil => khabar_body::SecurityCouncil,
            Body::GeneralAssembly => khabar_body::GeneralAssembly,
            Body::HumanRightsCouncil => khabar_body::HumanRightsCouncil,
            Body::EconomicAndSocialCouncil => khabar_body::EconomicAndSocialCouncil,
            Body::Other => khabar_body::Other,
        }
    }
}

/// How a resolution's body was established.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum khabar_body_source {
    /// Named in the reference itself.
    Stated = 0,
    /// A UN organ named in the same sentence.
    Sentence = 1,
    /// The organs the article speaks of.
    Article = 2,
    /// Number and year consistency.
    Inferred = 3,
}

impl From<BodySource> for khabar_body_source {
    fn from(b: BodySource) -> Self {
        match b {
            BodySource::Stated => khabar_body_source::Stated,
            BodySource::Sentence => khabar_body_source::Sentence,
            BodySource::Article => khabar_body_source::Article,
            BodySource::Inferred => khabar_body_source::Inferred,
        }
    }
}

/// The dateline of an article: where it was filed, by whom, for which agency.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_dateline {
    /// The whole dateline, up to and including its closing separator.
    pub span: khabar_span,
    /// Places of filing, in order.
    pub locations: khabar_mentions,
    /// Reporters named in the dateline.
    pub authors: khabar_mentions,
    /// Agencies and papers named in the dateline.
    pub agencies: khabar_mentions,
    /// The date it carries (ISO 8601, or `--MM-DD` without a year); absent (`data == NULL`) if none.
    pub date: khabar_str,
}

/// A normalised date.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_date {
    /// ISO 8601 value (`2001-09-11`, `2016-07`, `2015`), or an unresolved weekday's English name.
    pub value: khabar_str,
    /// How precise the value is.
    pub grain: khabar_date_grain,
}

/// A normalised quantity or sum of money.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_amount {
    /// The number, with thousand/million/billion scaling applied.
    pub value: f64,
    /// A qualifier such as `more_than` or `about`; absent if none.
    pub qualifier: khabar_str,
    /// The counted noun as written; absent if none.
    pub unit: khabar_str,
    /// ISO 4217 currency code; absent if not money.
    pub currency: khabar_str,
}

/// A named entity with all its mentions.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_entity {
    /// What it is.
    pub kind: khabar_entity_kind,
    /// The canonical name.
    pub name: khabar_str,
    /// Every mention, in document order.
    pub mentions: khabar_mentions,
    /// ISO 3166-1 alpha-2 code for places; absent if none.
    pub code: khabar_str,
    /// Whether `date` is set (date entities).
    pub has_date: bool,
    /// The normalised date; meaningful only when `has_date`.
    pub date: khabar_date,
    /// Whether `amount` is set (amount entities).
    pub has_amount: bool,
    /// The normalised amount; meaningful only when `has_amount`.
    pub amount: khabar_amount,
}

/// Who made a statement.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_speaker {
    /// The speaker's name (or role when no name is given); for a continuation or a bare title
    /// that refers back, the earlier name (the title is then in `role`).
    pub text: khabar_str,
    /// Where `text` is written.
    pub span: khabar_span,
    /// Whether `entity` is set.
    pub has_entity: bool,
    /// Index of the entity the speaker refers to (for `khabar_article_entity`), when `has_entity`.
    pub entity: usize,
    /// The speaker's role or title; absent if none.
    pub role: khabar_str,
}

/// The speech verb or phrase introducing a statement.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_cue {
    /// As written.
    pub text: khabar_str,
    /// Where it is.
    pub span: khabar_span,
    /// The dictionary form.
    pub lemma: khabar_str,
}

/// A direct quote or reported statement.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_quote {
    /// Direct, indirect or mixed.
    pub kind: khabar_quote_kind,
    /// Whether `speaker` is set.
    pub has_speaker: bool,
    /// Who said it; meaningful only when `has_speaker`.
    pub speaker: khabar_speaker,
    /// Whether `cue` is set.
    pub has_cue: bool,
    /// The speech verb; meaningful only when `has_cue`.
    pub cue: khabar_cue,
    /// What was said.
    pub content: khabar_mention,
    /// Whether `setting` is set.
    pub has_setting: bool,
    /// Where or how it was said; meaningful only when `has_setting`.
    pub setting: khabar_mention,
}

/// A UN resolution, once per distinct resolution, with all its mentions.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_resolution {
    /// The adopting body.
    pub body: khabar_body,
    /// How the body was established.
    pub body_source: khabar_body_source,
    /// The resolution's number.
    pub number: u32,
    /// The session for session-numbered symbols (`67`, `ES-10`); absent otherwise.
    pub session: khabar_str,
    /// Whether `year` is set.
    pub has_year: bool,
    /// Year of adoption, when `has_year`.
    pub year: i32,
    /// True when a stated year contradicts the number-to-year table.
    pub year_conflict: bool,
    /// The UN document symbol, e.g. `S/RES/2178 (2014)`.
    pub symbol: khabar_str,
    /// Every reference to it, in document order.
    pub mentions: khabar_mentions,
}

/// Writes a span list element, shared by the sentence, paragraph and boilerplate accessors.
fn span_at(spans: &[Span], index: usize, what: &str, out: *mut khabar_span) -> khabar_status {
    match nth(spans, index, what) {
        Ok(s) => {
            write_out!(out, khabar_span::from(*s));
            khabar_status::Ok
        }
        Err(status) => status,
    }
}

impl khabar_article {
    /// Frees an article and every view read from it. Freeing NULL does nothing.
    ///
    /// # Safety
    /// `article` must be NULL or an article from `khabar_parse` not yet freed, and no other thread
    /// may be using it.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_free(article: *mut khabar_article) {
        ffi_boundary! {
            // SAFETY: forwarded from this function's contract.
            unsafe { handle::free(article) }
        }
    }

    /// Serialises the article to its JSON document (the same document the `khabar parse` command
    /// prints, compact, UTF-8) and writes a new NUL-terminated string to `*json_out`.
    ///
    /// On success the caller owns the string and frees it with `khabar_string_free`. On failure
    /// `*json_out` is not written. Returns `KHABAR_STATUS_NULL_ARGUMENT` if a pointer is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `json_out` must be NULL or point to writable
    /// memory for one pointer.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_to_json(
        article: *const khabar_article,
        json_out: *mut *mut c_char,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(json_out);
            // serde_json escapes U+0000 as \u0000, so the document has no interior NUL byte.
            let json = CString::new(article.article.to_json()).expect("JSON contains no NUL byte");
            write_out!(json_out, json.into_raw());
            khabar_status::Ok
        }
    }

    /// Frees a string returned by khabar (`khabar_article_to_json`). Freeing NULL does nothing.
    ///
    /// # Safety
    /// `s` must be NULL or a string returned by khabar and not yet freed; never a string from
    /// elsewhere, nor a `khabar_str` view.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_string_free(s: *mut c_char) {
        ffi_boundary! {
            if !s.is_null() {
                // SAFETY: by contract `s` came from `CString::into_raw` in this library.
                drop(unsafe { CString::from_raw(s) });
            }
        }
    }

    /// Writes a view of the article's text (a copy of the parsed input) to `*text_out`. Valid
    /// until the article is freed. Returns `KHABAR_STATUS_NULL_ARGUMENT` if a pointer is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `text_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_text(
        article: *const khabar_article,
        text_out: *mut khabar_str,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(text_out);
            write_out!(text_out, khabar_str::of(article.article.text()));
            khabar_status::Ok
        }
    }

    /// Returns the article's detected (or given) language; `KHABAR_LANGUAGE_OTHER` if `article`
    /// is NULL (recorded as `KHABAR_STATUS_NULL_ARGUMENT`).
    ///
    /// # Safety
    /// `article` must be NULL or a live article.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_language(article: *const khabar_article) -> khabar_language {
        ffi_boundary! {
            try_ref!(article).article.language().into()
        }
    }

    /// Writes the span of the article body (the input less site furniture at its start and end)
    /// to `*span_out`. Returns `KHABAR_STATUS_NULL_ARGUMENT` if a pointer is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `span_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_body(
        article: *const khabar_article,
        span_out: *mut khabar_span,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(span_out);
            write_out!(span_out, article.article.body().into());
            khabar_status::Ok
        }
    }

    /// Returns the number of sentences in the body; 0 if `article` is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_sentence_count(article: *const khabar_article) -> usize {
        ffi_boundary! {
            try_ref!(article).article.sentences().len()
        }
    }

    /// Writes the span of sentence `index` to `*span_out`. Returns `KHABAR_STATUS_OUT_OF_RANGE`
    /// unless `index < khabar_article_sentence_count(article)`, `KHABAR_STATUS_NULL_ARGUMENT` if a
    /// pointer is NULL; `*span_out` is written only on success.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `span_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_sentence(
        article: *const khabar_article,
        index: usize,
        span_out: *mut khabar_span,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(span_out);
            span_at(article.article.sentences(), index, "sentence", span_out)
        }
    }

    /// Returns the number of paragraphs in the body; 0 if `article` is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_paragraph_count(article: *const khabar_article) -> usize {
        ffi_boundary! {
            try_ref!(article).article.paragraphs().len()
        }
    }

    /// Writes the span of paragraph `index` to `*span_out`; statuses as for
    /// `khabar_article_sentence`.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `span_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_paragraph(
        article: *const khabar_article,
        index: usize,
        span_out: *mut khabar_span,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(span_out);
            span_at(article.article.paragraphs(), index, "paragraph", span_out)
        }
    }

    /// Returns the number of site-furniture spans recognised at the start or end; 0 if `article`
    /// is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_boilerplate_count(article: *const khabar_article) -> usize {
        ffi_boundary! {
            try_ref!(article).article.boilerplate().len()
        }
    }

    /// Writes the span of site-furniture item `index` to `*span_out`; statuses as for
    /// `khabar_article_sentence`.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `span_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_boilerplate(
        article: *const khabar_article,
        index: usize,
        span_out: *mut khabar_span,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(span_out);
            span_at(article.article.boilerplate(), index, "boilerplate", span_out)
        }
    }

    /// Fills `*dateline_out` with views of the article's dateline, valid until the article is
    /// freed. Returns `KHABAR_STATUS_NOT_FOUND` when the article has no dateline,
    /// `KHABAR_STATUS_NULL_ARGUMENT` if a pointer is NULL; `*dateline_out` is written only on
    /// success.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `dateline_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_dateline(
        article: *const khabar_article,
        dateline_out: *mut khabar_dateline,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(dateline_out);
            let Some(d) = article.article.dateline() else {
                return fail(khabar_status::NotFound, "the article has no dateline".into(), None);
            };
            let v = article.views();
            write_out!(dateline_out, khabar_dateline {
                span: d.span.into(),
                locations: khabar_mentions::of(&v.locations),
                authors: khabar_mentions::of(&v.authors),
                agencies: khabar_mentions::of(&v.agencies),
                date: khabar_str::of_opt(d.date.as_deref()),
            });
            khabar_status::Ok
        }
    }

    /// Returns the number of entities; 0 if `article` is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_entity_count(article: *const khabar_article) -> usize {
        ffi_boundary! {
            try_ref!(article).article.entities().len()
        }
    }

    /// Fills `*entity_out` with views of entity `index`, valid until the article is freed.
    /// Returns `KHABAR_STATUS_OUT_OF_RANGE` unless `index < khabar_article_entity_count(article)`,
    /// `KHABAR_STATUS_NULL_ARGUMENT` if a pointer is NULL; `*entity_out` is written only on success.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `entity_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_entity(
        article: *const khabar_article,
        index: usize,
        entity_out: *mut khabar_entity,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(entity_out);
            let e = match nth(article.article.entities(), index, "entity") {
                Ok(e) => e,
                Err(status) => return status,
            };
            let v = article.views();
            write_out!(entity_out, khabar_entity {
                kind: e.kind.into(),
                name: khabar_str::of(&e.name),
                mentions: khabar_mentions::of(&v.entity_mentions[index]),
                code: khabar_str::of_opt(e.code.as_deref()),
                has_date: e.date.is_some(),
                date: e.date.as_ref().map_or(
                    khabar_date { value: khabar_str::ABSENT, grain: khabar_date_grain::Day },
                    |d| khabar_date { value: khabar_str::of(&d.value), grain: d.grain.into() },
                ),
                has_amount: e.amount.is_some(),
                amount: e.amount.as_ref().map_or(
                    khabar_amount {
                        value: 0.0,
                        qualifier: khabar_str::ABSENT,
                        unit: khabar_str::ABSENT,
                        currency: khabar_str::ABSENT,
                    },
                    |a| khabar_amount {
                        value: a.value,
                        qualifier: khabar_str::of_opt(a.qualifier.as_deref()),
                        unit: khabar_str::of_opt(a.unit.as_deref()),
                        currency: khabar_str::of_opt(a.currency.as_deref()),
                    },
                ),
            });
            khabar_status::Ok
        }
    }

    /// Returns the number of statements (quotes and reported speech); 0 if `article` is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_quote_count(article: *const khabar_article) -> usize {
        ffi_boundary! {
            try_ref!(article).article.quotes().len()
        }
    }

    /// Fills `*quote_out` with views of statement `index`, valid until the article is freed.
    /// Returns `KHABAR_STATUS_OUT_OF_RANGE` unless `index < khabar_article_quote_count(article)`,
    /// `KHABAR_STATUS_NULL_ARGUMENT` if a pointer is NULL; `*quote_out` is written only on success.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `quote_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_quote(
        article: *const khabar_article,
        index: usize,
        quote_out: *mut khabar_quote,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(quote_out);
            let q = match nth(article.article.quotes(), index, "quote") {
                Ok(q) => q,
                Err(status) => return status,
            };
            let speaker = q.speaker.as_ref();
            let cue = q.cue.as_ref();
            write_out!(quote_out, khabar_quote {
                kind: q.kind.into(),
                has_speaker: speaker.is_some(),
                speaker: khabar_speaker {
                    text: khabar_str::of_opt(speaker.map(|s| s.text.as_str())),
                    span: speaker.map_or_else(khabar_span::default, |s| s.span.into()),
                    has_entity: speaker.is_some_and(|s| s.entity.is_some()),
                    entity: speaker.and_then(|s| s.entity).unwrap_or(0),
                    role: khabar_str::of_opt(speaker.and_then(|s| s.role.as_deref())),
                },
                has_cue: cue.is_some(),
                cue: khabar_cue {
                    text: khabar_str::of_opt(cue.map(|c| c.text.as_str())),
                    span: cue.map_or_else(khabar_span::default, |c| c.span.into()),
                    lemma: khabar_str::of_opt(cue.map(|c| c.lemma.as_str())),
                },
                content: khabar_mention::of(&q.content),
                has_setting: q.setting.is_some(),
                setting: khabar_mention::of_opt(q.setting.as_ref()),
            });
            khabar_status::Ok
        }
    }

    /// Returns the number of distinct UN resolutions referred to; 0 if `article` is NULL.
    ///
    /// # Safety
    /// `article` must be NULL or a live article.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_resolution_count(article: *const khabar_article) -> usize {
        ffi_boundary! {
            try_ref!(article).article.resolutions().len()
        }
    }

    /// Fills `*resolution_out` with views of resolution `index`, valid until the article is
    /// freed. Returns `KHABAR_STATUS_OUT_OF_RANGE` unless
    /// `index < khabar_article_resolution_count(article)`, `KHABAR_STATUS_NULL_ARGUMENT` if a
    /// pointer is NULL; `*resolution_out` is written only on success.
    ///
    /// # Safety
    /// `article` must be NULL or a live article; `resolution_out` must be NULL or writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_article_resolution(
        article: *const khabar_article,
        index: usize,
        resolution_out: *mut khabar_resolution,
    ) -> khabar_status {
        ffi_boundary! {
            let article = try_ref!(article);
            try_out!(resolution_out);
            let r = match nth(article.article.resolutions(), index, "resolution") {
                Ok(r) => r,
                Err(status) => return status,
            };
            let v = article.views();
            write_out!(resolution_out, khabar_resolution {
                body: r.body.into(),
                body_source: r.body_source.into(),
                number: r.number,
                session: khabar_str::of_opt(r.session.as_deref()),
                has_year: r.year.is_some(),
                year: r.year.unwrap_or(0),
                year_conflict: r.year_conflict,
                symbol: khabar_str::of(&r.symbol),
                mentions: khabar_mentions::of(&v.resolution_mentions[index]),
            });
            khabar_status::Ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Amount, Cue, DateValue, Dateline, Entity, Quote, Resolution, SCHEMA, Speaker};
    use std::mem::MaybeUninit;

    const TEXT: &str = "القدس (وكالات) - قال الوزير سامي حداد «نرفض القرار 2334» في مؤتمر صحفي.";

    fn span(s: &str) -> Span {
        let start = TEXT.find(s).expect("fixture substring");
        let end = start + s.len();
        Span { start, end, char_start: TEXT[..start].chars().count(), char_end: TEXT[..end].chars().count() }
    }

    fn mention(s: &str) -> Mention {
        Mention { text: s.to_owned(), span: span(s) }
    }

    /// An article built by hand, so the accessors are tested on every field whatever the
    /// extractors find.
    fn sample() -> Article {
        Article {
            schema: SCHEMA,
            text: TEXT.to_owned(),
            language: Language::Arabic,
            body: span(TEXT),
            boilerplate: vec![],
            paragraphs: vec![span(TEXT)],
            sentences: vec![span(TEXT)],
            dateline: Some(Dateline {
                span: span("القدس (وكالات) -"),
                locations: vec![mention("القدس")],
                authors: vec![],
                agencies: vec![mention("وكالات")],
                date: None,
            }),
            entities: vec![
                Entity {
                    kind: EntityKind::Person,
                    name: "سامي حداد".into(),
                    mentions: vec![mention("سامي حداد")],
                    code: None,
                    date: None,
                    amount: None,
                },
                Entity {
                    kind: EntityKind::Amount,
                    name: "2334".into(),
                    mentions: vec![mention("2334")],
                    code: Some("PS".into()),
                    date: Some(DateValue { value: "2016".into(), grain: DateGrain::Year }),
                    amount: Some(Amount { value: 2334.0, qualifier: None, unit: Some("x".into()), currency: None }),
                },
            ],
            quotes: vec![Quote {
                kind: QuoteKind::Direct,
                speaker: Some(Speaker {
                    text: "الوزير سامي حداد".into(),
                    span: span("الوزير سامي حداد"),
                    entity: Some(0),
                    role: Some("الوزير".into()),
                }),
                cue: Some(Cue { text: "قال".into(), span: span("قال"), lemma: "قال".into() }),
                content: mention("نرفض القرار 2334"),
                setting: None,
            }],
            resolutions: vec![Resolution {
                body: Body::SecurityCouncil,
                body_source: BodySource::Inferred,
                number: 2334,
                session: None,
                year: Some(2016),
                year_conflict: false,
                symbol: "S/RES/2334 (2016)".into(),
                mentions: vec![mention("القرار 2334")],
            }],
        }
    }

    fn s(v: khabar_str) -> Option<&'static str> {
        if v.data.is_null() {
            return None;
        }
        // SAFETY: views of the leaked test article, valid for the whole test.
        Some(std::str::from_utf8(unsafe { std::slice::from_raw_parts(v.data.cast(), v.len) }).unwrap())
    }

    fn ms(v: khabar_mentions) -> &'static [khabar_mention] {
        // SAFETY: as above.
        unsafe { std::slice::from_raw_parts(v.data, v.len) }
    }

    #[test]
    fn typed_accessors_mirror_the_model() {
        let a: &'static khabar_article = Box::leak(Box::new(khabar_article::new(sample())));
        let a_ptr: *const khabar_article = a;
        // SAFETY: `a_ptr` is a live article for the whole test; out-pointers are MaybeUninit.
        unsafe {
            assert_eq!(khabar_article::khabar_article_language(a_ptr), khabar_language::Arabic);
            let mut d = MaybeUninit::uninit();
            assert_eq!(khabar_article::khabar_article_dateline(a_ptr, d.as_mut_ptr()), khabar_status::Ok);
            let d: khabar_dateline = d.assume_init();
            assert_eq!(s(ms(d.locations)[0].text), Some("القدس"));
            assert_eq!(ms(d.authors).len(), 0);
            assert_eq!(s(ms(d.agencies)[0].text), Some("وكالات"));
            assert_eq!(s(d.date), None);
            let loc = ms(d.locations)[0].span;
            assert_eq!(&TEXT[loc.start..loc.end], "القدس");
            assert_eq!((loc.char_start, loc.char_end), (0, 5));

            assert_eq!(khabar_article::khabar_article_entity_count(a_ptr), 2);
            let mut e = MaybeUninit::uninit();
            assert_eq!(khabar_article::khabar_article_entity(a_ptr, 1, e.as_mut_ptr()), khabar_status::Ok);
            let e: khabar_entity = e.assume_init();
            assert_eq!(e.kind, khabar_entity_kind::Amount);
            assert_eq!(s(e.code), Some("PS"));
            assert!(e.has_date && e.has_amount);
            assert_eq!((s(e.date.value), e.date.grain), (Some("2016"), khabar_date_grain::Year));
            assert_eq!((e.amount.value, s(e.amount.unit), s(e.amount.currency)), (2334.0, Some("x"), None));
            let mut e0 = MaybeUninit::uninit();
            assert_eq!(khabar_article::khabar_article_entity(a_ptr, 0, e0.as_mut_ptr()), khabar_status::Ok);
            let e0: khabar_entity = e0.assume_init();
            assert!(!e0.has_date && !e0.has_amount && s(e0.code).is_none());
            assert_eq!(s(ms(e0.mentions)[0].text), Some("سامي حداد"));

            let mut q = MaybeUninit::uninit();
            assert_eq!(khabar_article::khabar_article_quote(a_ptr, 0, q.as_mut_ptr()), khabar_status::Ok);
            let q: khabar_quote = q.assume_init();
            assert_eq!(q.kind, khabar_quote_kind::Direct);
            assert!(q.has_speaker && q.speaker.has_entity && q.speaker.entity == 0);
            assert_eq!(s(q.speaker.role), Some("الوزير"));
            assert_eq!(s(q.cue.lemma), Some("قال"));
            assert_eq!(s(q.content.text), Some("نرفض القرار 2334"));
            assert!(!q.has_setting && s(q.setting.text).is_none());

            let mut r = MaybeUninit::uninit();
            assert_eq!(khabar_article::khabar_article_resolution(a_ptr, 0, r.as_mut_ptr()), khabar_status::Ok);
            let r: khabar_resolution = r.assume_init();
            assert_eq!(
                (r.body, r.body_source, r.number),
                (khabar_body::SecurityCouncil, khabar_body_source::Inferred, 2334)
            );
            assert!(r.has_year && r.year == 2016 && !r.year_conflict && s(r.session).is_none());
            assert_eq!(s(r.symbol), Some("S/RES/2334 (2016)"));
            assert_eq!(s(ms(r.mentions)[0].text), Some("القرار 2334"));

            let mut r2 = MaybeUninit::uninit();
            assert_eq!(khabar_article::khabar_article_resolution(a_ptr, 1, r2.as_mut_ptr()), khabar_status::OutOfRange);
            let mut sp = MaybeUninit::uninit();
            assert_eq!(khabar_article::khabar_article_sentence(a_ptr, 0, sp.as_mut_ptr()), khabar_status::Ok);
            assert_eq!(sp.assume_init(), khabar_span::from(span(TEXT)));
            assert_eq!(
                khabar_article::khabar_article_boilerplate(a_ptr, 0, sp.as_mut_ptr()),
                khabar_status::OutOfRange
            );

            // Views are built once and stay put.
            let mut d2 = MaybeUninit::uninit();
            khabar_article::khabar_article_dateline(a_ptr, d2.as_mut_ptr());
            assert_eq!(d2.assume_init().locations.data, d.locations.data);
        }
    }

    #[test]
    fn the_json_of_a_hand_built_article_round_trips() {
        let a = khabar_article::new(sample());
        let mut json = std::ptr::null_mut();
        // SAFETY: a live article and a valid out-pointer; the string is freed once.
        unsafe {
            assert_eq!(khabar_article::khabar_article_to_json(&a, &mut json), khabar_status::Ok);
            let got = std::ffi::CStr::from_ptr(json).to_str().unwrap().to_owned();
            khabar_article::khabar_string_free(json);
            assert_eq!(got, sample().to_json());
        }
    }
}
