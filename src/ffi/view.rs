//! Borrowed views: plain `#[repr(C)]` structs pointing into an article's memory.

use crate::model::{Mention, Span};
use std::ffi::c_char;

/// A borrowed UTF-8 string: `len` bytes at `data`, **not** NUL-terminated.
///
/// An absent optional value has `data == NULL` and `len == 0`; a present empty string has a
/// non-NULL `data`. Valid until the object it was read from is freed.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_str {
    /// First byte, or NULL when the value is absent.
    pub data: *const c_char,
    /// Length in bytes.
    pub len: usize,
}

// SAFETY: a `khabar_str` is a read-only view of immutable bytes owned by an article, like `&str`.
unsafe impl Send for khabar_str {}
// SAFETY: as above; nothing is ever written through it.
unsafe impl Sync for khabar_str {}

impl khabar_str {
    /// A view of `s`.
    pub(crate) fn of(s: &str) -> khabar_str {
        khabar_str { data: s.as_ptr().cast(), len: s.len() }
    }

    /// A view of `s`, or the absent value.
    pub(crate) fn of_opt(s: Option<&str>) -> khabar_str {
        s.map_or(khabar_str::ABSENT, khabar_str::of)
    }

    /// The absent value.
    pub(crate) const ABSENT: khabar_str = khabar_str { data: std::ptr::null(), len: 0 };
}

/// A half-open range of the original input, in bytes (`start..end`, for C and Rust) and in Unicode
/// code points (`char_start..char_end`, for languages that index strings by code point).
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct khabar_span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First code point.
    pub char_start: usize,
    /// One past the last code point.
    pub char_end: usize,
}

impl From<Span> for khabar_span {
    fn from(s: Span) -> Self {
        khabar_span { start: s.start, end: s.end, char_start: s.char_start, char_end: s.char_end }
    }
}

/// A piece of surface text and where it is in the input.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_mention {
    /// The surface text.
    pub text: khabar_str,
    /// Its place in the input.
    pub span: khabar_span,
}

impl khabar_mention {
    /// A view of `m`.
    pub(crate) fn of(m: &Mention) -> khabar_mention {
        khabar_mention { text: khabar_str::of(&m.text), span: m.span.into() }
    }

    /// A view of `m`, or a mention with an absent text and an empty span.
    pub(crate) fn of_opt(m: Option<&Mention>) -> khabar_mention {
        m.map_or(khabar_mention { text: khabar_str::ABSENT, span: khabar_span::default() }, khabar_mention::of)
    }
}

/// A borrowed array of `len` mentions at `data` (`data` may be NULL when `len` is 0).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_mentions {
    /// First element.
    pub data: *const khabar_mention,
    /// Number of elements.
    pub len: usize,
}

// SAFETY: a read-only view of an immutable array owned by an article, like `&[T]`.
unsafe impl Send for khabar_mentions {}
// SAFETY: as above.
unsafe impl Sync for khabar_mentions {}

impl khabar_mentions {
    /// A view of `v`.
    pub(crate) fn of(v: &[khabar_mention]) -> khabar_mentions {
        khabar_mentions { data: v.as_ptr(), len: v.len() }
    }
}
