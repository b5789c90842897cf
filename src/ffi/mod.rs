//! The C ABI: `include/khabar.h` is generated from this module by cbindgen.
//!
//! A thin layer that converts, checks and delegates to [`crate::Parser`] and [`crate::Article`];
//! it holds no extraction logic. The conventions every function follows (written again in
//! `docs/README-ffi.md`, the README's "C API" section):
//!
//! - Every fallible function returns a [`khabar_status`]; `KHABAR_STATUS_OK` is 0. Results go
//!   through out-parameters named `*_out`, **written only on success**.
//! - Every pointer argument is checked: NULL gives `KHABAR_STATUS_NULL_ARGUMENT` (count
//!   functions return 0).
//! - Objects returned through `*_out` are owned by the caller and freed exactly once with the
//!   matching `_free`; **freeing NULL is a no-op**.
//! - Views (`khabar_str`, `khabar_mentions`) are borrowed: valid until the article they came
//!   from is freed. `khabar_str` is UTF-8 and **not** NUL-terminated.
//! - **No panic crosses the boundary**: it is caught and returned as `KHABAR_STATUS_PANIC`.
//! - After a failure, `khabar_last_error_message` / `khabar_last_error_offset` give the detail
//!   (thread-local, like `errno`).
//! - Threads: a `khabar_parser` may be used by many threads at once (concurrent `khabar_parse`);
//!   a `khabar_article` may be read by many threads at once; freeing needs exclusive access.
//!
//! Submodules: `boundary` (panic and NULL macros), `handle` (ownership transfer), `status`
//! (status codes and the last error), `view` (borrowed views), `parser`, `article`.

#![allow(non_camel_case_types)]

mod article;
mod boundary;
mod handle;
mod parser;
mod status;
mod view;

pub use article::{
    khabar_amount, khabar_article, khabar_body, khabar_body_source, khabar_cue, khabar_date, khabar_date_grain,
    khabar_dateline, khabar_entity, khabar_entity_kind, khabar_language, khabar_quote, khabar_quote_kind,
    khabar_resolution, khabar_speaker,
};
pub use parser::{KHABAR_DEFAULT_MAX_INPUT_BYTES, khabar_parser, khabar_parser_options};
pub use status::khabar_status;
pub use view::{khabar_mention, khabar_mentions, khabar_span, khabar_str};

use std::ffi::c_char;

/// Version of the C ABI: bumped on any incompatible change to a function signature, a struct
/// layout or an enum value. Compare `khabar_abi_version()` with this macro to detect a stale
/// library.
pub const KHABAR_ABI_VERSION: u32 = 1;

/// Returned by `khabar_last_error_offset` when the last failure carries no byte offset.
pub const KHABAR_NO_OFFSET: usize = usize::MAX;

static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// Returns the library version (for example `"0.1.0"`), a static NUL-terminated string that must
/// not be freed. It matches the header's `KHABAR_VERSION` macro when header and library agree.
#[unsafe(no_mangle)]
pub extern "C" fn khabar_version() -> *const c_char {
    VERSION.as_ptr().cast()
}

/// Returns the ABI version of the loaded library; compare with `KHABAR_ABI_VERSION`.
#[unsafe(no_mangle)]
pub extern "C" fn khabar_abi_version() -> u32 {
    KHABAR_ABI_VERSION
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;
    use std::ptr;

    #[test]
    fn version_is_the_crate_version() {
        // SAFETY: a static NUL-terminated string.
        let v = unsafe { CStr::from_ptr(khabar_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn parse_and_read_back_through_the_abi() {
        let text = "WASHINGTON (Reuters) - The Security Council adopted resolution 2334 (2016) on Friday.";
        let mut parser = ptr::null_mut();
        let mut article = ptr::null_mut();
        // SAFETY: valid out-pointers and buffers throughout; every object is freed once.
        unsafe {
            assert_eq!(khabar_parser::khabar_parser_new(&mut parser), khabar_status::Ok);
            assert_eq!(khabar_parser::khabar_parse(parser, text.as_ptr(), text.len(), &mut article), khabar_status::Ok);
            let mut json = ptr::null_mut();
            assert_eq!(khabar_article::khabar_article_to_json(article, &mut json), khabar_status::Ok);
            let rust = crate::parse(text).unwrap().to_json();
            assert_eq!(CStr::from_ptr(json).to_str().unwrap(), rust);
            khabar_article::khabar_string_free(json);

            let mut d = std::mem::MaybeUninit::<khabar_dateline>::uninit();
            let st = khabar_article::khabar_article_dateline(article, d.as_mut_ptr());
            let rust = crate::parse(text).unwrap();
            assert_eq!(st == khabar_status::Ok, rust.dateline().is_some());

            let n = khabar_article::khabar_article_entity_count(article);
            let mut e = std::mem::MaybeUninit::<khabar_entity>::uninit();
            assert_eq!(khabar_article::khabar_article_entity(article, n, e.as_mut_ptr()), khabar_status::OutOfRange);
            khabar_article::khabar_article_free(article);
            khabar_parser::khabar_parser_free(parser);
            khabar_parser::khabar_parser_free(ptr::null_mut());
        }
    }

    #[test]
    fn invalid_utf8_reports_the_offset_and_writes_nothing() {
        let mut parser = ptr::null_mut();
        let sentinel = std::ptr::dangling_mut::<khabar_article>();
        let mut article = sentinel;
        // SAFETY: valid out-pointers; the parser is freed once.
        unsafe {
            assert_eq!(khabar_parser::khabar_parser_new(&mut parser), khabar_status::Ok);
            let bad = b"ab\xffcd";
            let st = khabar_parser::khabar_parse(parser, bad.as_ptr(), bad.len(), &mut article);
            assert_eq!(st, khabar_status::InvalidUtf8);
            assert_eq!(article, sentinel);
            assert_eq!(status::khabar_status::khabar_last_error_offset(), 2);
            khabar_parser::khabar_parser_free(parser);
        }
    }
}
