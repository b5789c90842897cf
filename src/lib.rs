//! # khabar
//!
//! khabar turns a news article, Arabic or English, into structured data: the **dateline** (where
//! it was filed, by whom, for which agency), every **statement** (direct quotes and reported
//! speech, with speaker, speech verb and content), the **named entities** (people,
//! organisations, places, with every mention, plus dates and amounts) and every **UN resolution
//! reference**, normalised to its UN symbol and year. Every piece of structure carries a
//! [`Span`] back into the original text.
//!
//! ## Three ways to use it
//!
//! **From Rust**, parse once with [`parse`], or build a [`Parser`] once and share it across
//! threads:
//!
//! ```
//! let article = khabar::parse("الرباط - ليلى المنصوري\nقال الوزير إن المحادثات ستستمر.").unwrap();
//! let dateline = article.dateline().unwrap();
//! assert_eq!(dateline.locations[0].text, "الرباط");
//! assert_eq!(dateline.authors[0].text, "ليلى المنصوري");
//! println!("{}", article.to_json_pretty());
//! ```
//!
//! **From C or C++**, link the `cdylib` or `staticlib` and include `include/khabar.h`:
//!
//! ```c
//! khabar_parser *parser = NULL;
//! khabar_article *article = NULL;
//! if (khabar_parser_new(&parser) == KHABAR_STATUS_OK &&
//!     khabar_parse(parser, (const uint8_t *)text, len, &article) == KHABAR_STATUS_OK) {
//!     char *json = NULL;
//!     khabar_article_to_json(article, &json);
//!     puts(json);
//!     khabar_string_free(json);
//! }
//! khabar_article_free(article);
//! khabar_parser_free(parser);
//! ```
//!
//! **From Python**, through the ctypes package in `python/`:
//!
//! ```python
//! import khabar
//! article = khabar.parse("WASHINGTON (Reuters) - The talks resumed.")
//! print(article.dateline.locations[0].text)
//! ```
//!
//! The command-line tool `khabar parse FILE` prints the same JSON document as
//! [`Article::to_json`].
//!
//! ## Layout
//!
//! [`text`] is the text layer (normalisation with an offset map, language, sentences, tokens,
//! clitics, lexicon matching, boilerplate); one module per extractor (dateline, entities, quotes,
//! resolutions) fills the [`model`]; [`Parser`] runs the stages.

#![warn(missing_docs)]

mod dateline;
mod entities;
mod error;
pub mod ffi;
pub mod model;
mod parser;
mod quotes;
mod resolutions;
pub mod text;
mod values;

pub use error::{Error, ErrorKind};
pub use model::{
    Amount, Article, Body, BodySource, Cue, DateGrain, DateValue, Dateline, Entity, EntityKind, Language, Mention,
    Quote, QuoteKind, Resolution, SCHEMA, Span, Speaker,
};
pub use parser::{DEFAULT_MAX_INPUT_BYTES, Extractors, Parser, ParserBuilder};

use std::sync::LazyLock;

static DEFAULT_PARSER: LazyLock<Parser> = LazyLock::new(Parser::new);

/// Parses one article with the default options, sharing one lazily built [`Parser`].
///
/// ```
/// let article = khabar::parse("PARIS, Nov 3 (AFP) - Ministers met on Monday.").unwrap();
/// assert_eq!(article.dateline().unwrap().agencies[0].text, "AFP");
/// ```
pub fn parse(text: &str) -> Result<Article, Error> {
    DEFAULT_PARSER.parse(text)
}
