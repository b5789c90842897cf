//! Status codes and the per-thread record of the last failure.

use super::boundary::ffi_boundary;
use std::cell::RefCell;
use std::ffi::{CString, c_char};

/// The result of every fallible khabar function. `KHABAR_STATUS_OK` is 0; the other numbers are
/// fixed forever and never reused, so they may be stored or compared across versions.
///
/// After a failure, `khabar_last_error_message` and `khabar_last_error_offset` give the detail on
/// the calling thread.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum khabar_status {
    /// Success; out-parameters were written.
    Ok = 0,
    /// A pointer argument was NULL. Nothing was written.
    NullArgument = 1,
    /// The input is not valid UTF-8; `khabar_last_error_offset` gives the byte offset of the
    /// first invalid byte.
    InvalidUtf8 = 2,
    /// The input is larger than the parser's `max_input_bytes`.
    InputTooLarge = 3,
    /// An index was not less than the matching `_count`.
    OutOfRange = 4,
    /// The requested item does not exist (for example an article without a dateline).
    NotFound = 5,
    /// An argument had a value outside its allowed range (for example a zero size limit).
    InvalidArgument = 6,
    /// An internal error (a Rust panic) was caught at the boundary. The objects passed to the
    /// call are still valid and must still be freed.
    Panic = 100,
}

impl khabar_status {
    /// A static NUL-terminated description.
    fn text(self) -> &'static [u8] {
        match self {
            khabar_status::Ok => b"ok\0",
            khabar_status::NullArgument => b"a pointer argument was NULL\0",
            khabar_status::InvalidUtf8 => b"the input is not valid UTF-8\0",
            khabar_status::InputTooLarge => b"the input is larger than the parser's limit\0",
            khabar_status::OutOfRange => b"index out of range\0",
            khabar_status::NotFound => b"no such item\0",
            khabar_status::InvalidArgument => b"an argument had an invalid value\0",
            khabar_status::Panic => b"internal error (panic caught at the C boundary)\0",
        }
    }
}

/// Detail of the last failure on one thread.
struct LastError {
    status: khabar_status,
    message: CString,
    offset: Option<usize>,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// Records a failure on the calling thread, replacing the previous record.
pub(crate) fn record(status: khabar_status, message: String, offset: Option<usize>) {
    let message = CString::new(message.replace('\0', " ")).unwrap_or_default();
    // `try_with` fails only while the thread is being torn down; then there is nobody to tell.
    let _ = LAST_ERROR.try_with(|e| *e.borrow_mut() = Some(LastError { status, message, offset }));
}

/// Records a failure and returns its status, for `return fail(…)` in function bodies.
pub(crate) fn fail(status: khabar_status, message: String, offset: Option<usize>) -> khabar_status {
    record(status, message, offset);
    status
}

/// The status of the last recorded failure (OK when none).
#[cfg(test)]
pub(crate) fn last_status() -> khabar_status {
    LAST_ERROR.with(|e| e.borrow().as_ref().map_or(khabar_status::Ok, |e| e.status))
}

/// The message of the last recorded failure.
#[cfg(test)]
pub(crate) fn last_message() -> Option<String> {
    LAST_ERROR.with(|e| e.borrow().as_ref().map(|e| e.message.to_string_lossy().into_owned()))
}

/// Maker of the `khabar_status_str` family; grouped in rustdoc under [`khabar_status`].
impl khabar_status {
    /// Returns a static, NUL-terminated English description of `status`. Never NULL; the string
    /// must not be freed. `status` must be one of the `KHABAR_STATUS_*` values.
    #[unsafe(no_mangle)]
    pub extern "C" fn khabar_status_str(status: khabar_status) -> *const c_char {
        status.text().as_ptr().cast()
    }

    /// Returns the status of the last failed khabar call on the calling thread, or
    /// `KHABAR_STATUS_OK` if none has failed on it. Successful calls leave the record unchanged
    /// (like `errno`).
    #[unsafe(no_mangle)]
    pub extern "C" fn khabar_last_error_status() -> khabar_status {
        ffi_boundary! {
            LAST_ERROR.with(|e| e.borrow().as_ref().map_or(khabar_status::Ok, |e| e.status))
        }
    }

    /// Returns the message of the last failed khabar call on the calling thread (for example
    /// "invalid UTF-8 at byte offset 3"), or NULL if none has failed on it.
    ///
    /// The string is NUL-terminated UTF-8 owned by the library: do not free it. It stays valid
    /// until the next failing khabar call on the same thread, or until the thread exits.
    #[unsafe(no_mangle)]
    pub extern "C" fn khabar_last_error_message() -> *const c_char {
        ffi_boundary! {
            LAST_ERROR.with(|e| e.borrow().as_ref().map_or(std::ptr::null(), |e| e.message.as_ptr()))
        }
    }

    /// Returns the byte offset of the first invalid byte when the last failed khabar call on the
    /// calling thread returned `KHABAR_STATUS_INVALID_UTF8`, else `KHABAR_NO_OFFSET` (`SIZE_MAX`).
    #[unsafe(no_mangle)]
    pub extern "C" fn khabar_last_error_offset() -> usize {
        ffi_boundary! {
            LAST_ERROR.with(|e| e.borrow().as_ref().and_then(|e| e.offset).unwrap_or(usize::MAX))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn every_status_has_a_nul_terminated_text() {
        for s in [
            khabar_status::Ok,
            khabar_status::NullArgument,
            khabar_status::InvalidUtf8,
            khabar_status::InputTooLarge,
            khabar_status::OutOfRange,
            khabar_status::NotFound,
            khabar_status::InvalidArgument,
            khabar_status::Panic,
        ] {
            // SAFETY: the function returns a pointer to a static NUL-terminated string.
            let text = unsafe { CStr::from_ptr(khabar_status::khabar_status_str(s)) };
            assert!(!text.to_bytes().is_empty());
        }
    }

    #[test]
    fn the_record_is_per_thread() {
        record(khabar_status::InvalidUtf8, "bad".into(), Some(3));
        assert_eq!(khabar_status::khabar_last_error_offset(), 3);
        std::thread::spawn(|| {
            assert_eq!(khabar_status::khabar_last_error_status(), khabar_status::Ok);
            assert!(khabar_status::khabar_last_error_message().is_null());
            assert_eq!(khabar_status::khabar_last_error_offset(), usize::MAX);
        })
        .join()
        .unwrap();
        assert_eq!(khabar_status::khabar_last_error_status(), khabar_status::InvalidUtf8);
    }
}
