//! The C ABI on arbitrary bytes, called through its `extern "C"` symbols as a C program would:
//! `khabar_parse`, then every accessor over every index (and one past the end), the JSON
//! document, and the frees. No call may crash or report `KHABAR_STATUS_PANIC`; views must lie
//! inside the article's text.

#![no_main]
// The parser and article are opaque handles: only pointers to them cross the boundary, as in C.
#![allow(improper_ctypes)]

use khabar::ffi::{
    khabar_article, khabar_dateline, khabar_entity, khabar_parser, khabar_quote, khabar_resolution, khabar_span,
    khabar_status, khabar_str,
};
use libfuzzer_sys::fuzz_target;
use std::ffi::c_char;
use std::mem::MaybeUninit;
use std::sync::LazyLock;

// Declared here as C declares them (include/khabar.h): the calls go through the exported symbols.
unsafe extern "C" {
    fn khabar_parser_new(parser_out: *mut *mut khabar_parser) -> khabar_status;
    fn khabar_parse(
        parser: *const khabar_parser,
        text: *const u8,
        len: usize,
        article_out: *mut *mut khabar_article,
    ) -> khabar_status;
    fn khabar_article_free(article: *mut khabar_article);
    fn khabar_article_to_json(article: *const khabar_article, json_out: *mut *mut c_char) -> khabar_status;
    fn khabar_string_free(s: *mut c_char);
    fn khabar_article_text(article: *const khabar_article, text_out: *mut khabar_str) -> khabar_status;
    fn khabar_article_sentence_count(article: *const khabar_article) -> usize;
    fn khabar_article_sentence(article: *const khabar_article, index: usize, span_out: *mut khabar_span)
    -> khabar_status;
    fn khabar_article_dateline(article: *const khabar_article, dateline_out: *mut khabar_dateline) -> khabar_status;
    fn khabar_article_entity_count(article: *const khabar_article) -> usize;
    fn khabar_article_entity(article: *const khabar_article, index: usize, entity_out: *mut khabar_entity)
    -> khabar_status;
    fn khabar_article_quote_count(article: *const khabar_article) -> usize;
    fn khabar_article_quote(article: *const khabar_article, index: usize, quote_out: *mut khabar_quote)
    -> khabar_status;
    fn khabar_article_resolution_count(article: *const khabar_article) -> usize;
    fn khabar_article_resolution(
        article: *const khabar_article,
        index: usize,
        resolution_out: *mut khabar_resolution,
    ) -> khabar_status;
}

/// The parser, built once; its address kept as an integer so that the static is `Sync`.
static PARSER: LazyLock<usize> = LazyLock::new(|| {
    let mut p = std::ptr::null_mut();
    // SAFETY: `p` is a valid out-pointer.
    assert_eq!(unsafe { khabar_parser_new(&mut p) }, khabar_status::Ok);
    p as usize
});

/// Calls one indexed accessor for every index and one past the end.
fn each<T>(count: usize, get: impl Fn(usize, *mut T) -> khabar_status) {
    for i in 0..=count {
        let mut out = MaybeUninit::<T>::uninit();
        let status = get(i, out.as_mut_ptr());
        assert_ne!(status, khabar_status::Panic, "accessor panicked at index {i}");
        assert_eq!(status == khabar_status::Ok, i < count, "index {i} of {count}");
    }
}

fuzz_target!(|data: &[u8]| {
    let parser = *PARSER as *const khabar_parser;
    let mut article = std::ptr::null_mut();
    // SAFETY: `data` is readable for its length; `article` is a valid out-pointer.
    let status = unsafe { khabar_parse(parser, data.as_ptr(), data.len(), &mut article) };
    assert_ne!(status, khabar_status::Panic);
    if status != khabar_status::Ok {
        assert!(article.is_null(), "out-pointer written on failure");
        assert!(std::str::from_utf8(data).is_err());
        return;
    }
    let a = article as *const khabar_article;
    // SAFETY: `a` is a live article until the free below; every out-pointer is valid.
    unsafe {
        let mut text = MaybeUninit::<khabar_str>::uninit();
        assert_eq!(khabar_article_text(a, text.as_mut_ptr()), khabar_status::Ok);
        let text = text.assume_init();
        assert_eq!(text.len, data.len());
        let n = khabar_article_sentence_count(a);
        each::<khabar_span>(n, |i, out| khabar_article_sentence(a, i, out));
        for i in 0..n {
            let mut s = MaybeUninit::<khabar_span>::uninit();
            khabar_article_sentence(a, i, s.as_mut_ptr());
            let s = s.assume_init();
            assert!(s.start <= s.end && s.end <= text.len);
        }
        let mut d = MaybeUninit::<khabar_dateline>::uninit();
        assert_ne!(khabar_article_dateline(a, d.as_mut_ptr()), khabar_status::Panic);
        each::<khabar_entity>(khabar_article_entity_count(a), |i, out| khabar_article_entity(a, i, out));
        each::<khabar_quote>(khabar_article_quote_count(a), |i, out| khabar_article_quote(a, i, out));
        each::<khabar_resolution>(khabar_article_resolution_count(a), |i, out| khabar_article_resolution(a, i, out));
        let mut json = std::ptr::null_mut();
        assert_eq!(khabar_article_to_json(a, &mut json), khabar_status::Ok);
        let doc = std::ffi::CStr::from_ptr(json).to_str().expect("UTF-8 JSON");
        serde_json::from_str::<serde_json::Value>(doc).expect("valid JSON");
        khabar_string_free(json);
        khabar_article_free(article);
    }
});
