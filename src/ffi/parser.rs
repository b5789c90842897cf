//! `khabar_parser`: construction, options and parsing.

use super::article::{khabar_article, khabar_language};
use super::boundary::{ffi_boundary, try_out, try_ref, write_out};
use super::handle;
use super::status::{fail, khabar_status};
use crate::{Error, Extractors, Language, Parser};

/// A reusable parser (opaque).
///
/// Thread safety: a parser may be shared by any number of threads, which may call `khabar_parse`
/// on it at the same time; it is never modified after construction. Free it once, after every
/// parse using it has returned.
///
/// Methods: `khabar_parser_new`, `khabar_parser_new_with_options`, `khabar_parse`,
/// `khabar_parser_max_input_bytes`, `khabar_parser_free`.
pub struct khabar_parser {
    inner: Parser,
}

/// Options for `khabar_parser_new_with_options`. Always start from
/// `khabar_parser_options_default`, then change the fields you need, so that fields added in
/// later versions keep their defaults.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct khabar_parser_options {
    /// Inputs longer than this many bytes fail with `KHABAR_STATUS_INPUT_TOO_LARGE`. Must be at
    /// least 1. Default `KHABAR_DEFAULT_MAX_INPUT_BYTES` (16 MiB). Values above 256 MiB (the
    /// longest text the parser can address) are lowered to it; `khabar_parser_max_input_bytes`
    /// reports the limit in force.
    pub max_input_bytes: usize,
    /// Detect the language from the text (default true). When false, `language` is used.
    pub detect_language: bool,
    /// The language to assume when `detect_language` is false. Must be a `KHABAR_LANGUAGE_*` value.
    pub language: khabar_language,
    /// Extract the dateline (default true).
    pub dateline: bool,
    /// Extract named entities, dates and amounts (default true).
    pub entities: bool,
    /// Extract quotes and reported statements (default true).
    pub quotes: bool,
    /// Extract UN resolution references (default true).
    pub resolutions: bool,
}

/// Default input limit of a parser, in bytes (16 MiB).
pub const KHABAR_DEFAULT_MAX_INPUT_BYTES: usize = 16_777_216;

impl khabar_parser_options {
    /// Writes the default options to `*options_out`.
    ///
    /// Returns `KHABAR_STATUS_NULL_ARGUMENT` if `options_out` is NULL.
    ///
    /// # Safety
    /// `options_out` must be NULL or point to writable memory for one `khabar_parser_options`.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_parser_options_default(options_out: *mut khabar_parser_options) -> khabar_status {
        ffi_boundary! {
            try_out!(options_out);
            let e = Extractors::all();
            write_out!(options_out, khabar_parser_options {
                max_input_bytes: KHABAR_DEFAULT_MAX_INPUT_BYTES,
                detect_language: true,
                language: khabar_language::Other,
                dateline: e.dateline,
                entities: e.entities,
                quotes: e.quotes,
                resolutions: e.resolutions,
            });
            khabar_status::Ok
        }
    }
}

// The header needs a literal; keep it equal to the Rust default.
const _: () = assert!(KHABAR_DEFAULT_MAX_INPUT_BYTES == crate::DEFAULT_MAX_INPUT_BYTES);

impl khabar_parser {
    /// Creates a parser with the default options and writes it to `*parser_out`. The first parser
    /// built in a process loads khabar's lexicons (a few milliseconds); later ones are cheap.
    ///
    /// On success the caller owns the parser and frees it with `khabar_parser_free`. On failure
    /// `*parser_out` is not written. Returns `KHABAR_STATUS_NULL_ARGUMENT` if `parser_out` is NULL.
    ///
    /// # Safety
    /// `parser_out` must be NULL or point to writable memory for one pointer.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_parser_new(parser_out: *mut *mut khabar_parser) -> khabar_status {
        ffi_boundary! {
            try_out!(parser_out);
            write_out!(parser_out, handle::into_raw(khabar_parser { inner: Parser::new() }));
            khabar_status::Ok
        }
    }

    /// Creates a parser with `*options` (see `khabar_parser_options_default`) and writes it to
    /// `*parser_out`; the options are copied and not retained.
    ///
    /// On success the caller owns the parser and frees it with `khabar_parser_free`. On failure
    /// `*parser_out` is not written. Returns `KHABAR_STATUS_NULL_ARGUMENT` if a pointer is NULL,
    /// `KHABAR_STATUS_INVALID_ARGUMENT` if `max_input_bytes` is 0.
    ///
    /// # Safety
    /// `options` must be NULL or point to an initialised `khabar_parser_options` whose `language`
    /// is a `KHABAR_LANGUAGE_*` value; `parser_out` must be NULL or point to writable memory for
    /// one pointer.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_parser_new_with_options(
        options: *const khabar_parser_options,
        parser_out: *mut *mut khabar_parser,
    ) -> khabar_status {
        ffi_boundary! {
            let options = try_ref!(options);
            try_out!(parser_out);
            if options.max_input_bytes == 0 {
                return fail(khabar_status::InvalidArgument, "max_input_bytes must be at least 1".into(), None);
            }
            let mut builder = Parser::builder().max_input_bytes(options.max_input_bytes).extractors(Extractors {
                dateline: options.dateline,
                entities: options.entities,
                quotes: options.quotes,
                resolutions: options.resolutions,
            });
            if !options.detect_language {
                builder = builder.language(Language::from(options.language));
            }
            write_out!(parser_out, handle::into_raw(khabar_parser { inner: builder.build() }));
            khabar_status::Ok
        }
    }

    /// Returns the parser's input limit in bytes, or 0 if `parser` is NULL.
    ///
    /// # Safety
    /// `parser` must be NULL or a live parser from `khabar_parser_new*`.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_parser_max_input_bytes(parser: *const khabar_parser) -> usize {
        ffi_boundary! {
            try_ref!(parser).inner.max_input_bytes()
        }
    }

    /// Frees a parser. Freeing NULL does nothing. Articles parsed with it stay valid.
    ///
    /// # Safety
    /// `parser` must be NULL or a parser from `khabar_parser_new*` not yet freed, and no other
    /// thread may be using it.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_parser_free(parser: *mut khabar_parser) {
        ffi_boundary! {
            // SAFETY: forwarded from this function's contract.
            unsafe { handle::free(parser) }
        }
    }

    /// Parses `len` bytes of UTF-8 at `text` (no NUL terminator needed; interior NULs are
    /// allowed) and writes the new article to `*article_out`. The input is copied: the buffer may
    /// be reused as soon as the call returns.
    ///
    /// On success the caller owns the article and frees it with `khabar_article_free`. On failure
    /// `*article_out` is not written, and the thread's last error holds the detail:
    /// - `KHABAR_STATUS_NULL_ARGUMENT`: `parser`, `text` or `article_out` is NULL (pass any
    ///   non-NULL pointer with `len == 0` for empty input);
    /// - `KHABAR_STATUS_INPUT_TOO_LARGE`: `len` exceeds the parser's `max_input_bytes` (checked
    ///   before the buffer is read);
    /// - `KHABAR_STATUS_INVALID_UTF8`: `khabar_last_error_offset` gives the first bad byte.
    ///
    /// Thread safety: any number of threads may parse with the same parser at once.
    ///
    /// # Safety
    /// `parser` must be NULL or a live parser; `text` must be NULL or point to `len` readable
    /// bytes; `article_out` must be NULL or point to writable memory for one pointer.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn khabar_parse(
        parser: *const khabar_parser,
        text: *const u8,
        len: usize,
        article_out: *mut *mut khabar_article,
    ) -> khabar_status {
        ffi_boundary! {
            let parser = try_ref!(parser);
            if text.is_null() {
                return super::boundary::on_null("text");
            }
            try_out!(article_out);
            // A slice may not exceed isize::MAX bytes, whatever limit the parser was given.
            let max = parser.inner.max_input_bytes().min(isize::MAX as usize);
            if len > max {
                let e = Error::InputTooLarge { len, max };
                return fail(khabar_status::InputTooLarge, e.to_string(), None);
            }
            // SAFETY: `text` is non-NULL and the caller promises `len` readable bytes; `len` is at
            // most isize::MAX, and the slice does not outlive this call.
            let bytes = unsafe { std::slice::from_raw_parts(text, len) };
            match parser.inner.parse_bytes(bytes) {
                Ok(article) => {
                    write_out!(article_out, handle::into_raw(khabar_article::new(article)));
                    khabar_status::Ok
                }
                Err(e) => match e {
                    Error::InvalidUtf8 { offset } => fail(khabar_status::InvalidUtf8, e.to_string(), Some(offset)),
                    Error::InputTooLarge { .. } => fail(khabar_status::InputTooLarge, e.to_string(), None),
                },
            }
        }
    }
}
