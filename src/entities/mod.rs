//! Named entities: people, organisations, places, dates and amounts (issue #4).

use crate::model::{Dateline, Entity};
use crate::text::Doc;

/// Loads the entity lexicons.
pub(crate) fn warm() {}

/// Finds the entities of an article, each once with all its mentions.
pub(crate) fn extract(_doc: &Doc<'_>, _dateline: Option<&Dateline>) -> Vec<Entity> {
    Vec::new()
}

/// True when tokens `r` of the document name a known place (country, city, region).
pub(crate) fn is_place(_doc: &Doc<'_>, _r: std::ops::Range<usize>) -> bool {
    false
}
