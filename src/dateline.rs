//! Datelines.
use crate::model::Dateline;
use crate::text::Doc;

pub(crate) fn warm() {}

pub(crate) fn extract(_doc: &Doc<'_>) -> Option<Dateline> {
    None
}
