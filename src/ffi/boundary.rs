//! The panic and NULL boundary every exported function goes through.
//!
//! [`ffi_boundary!`] wraps a function *body* (not the whole function, so cbindgen still reads a
//! plain signature) in `catch_unwind`; a panic is recorded as the thread's last error and turned
//! into the return type's [`Fallback::panicked`] value. The `try_*!` macros check pointer arguments
//! and return early with [`Fallback::null_argument`], which for status-returning functions is
//! `KHABAR_STATUS_NULL_ARGUMENT`.

use super::status::{self, khabar_status};
use std::any::Any;
use std::ffi::c_char;

/// What an exported function returns when an argument is NULL or when its body panicked.
pub(crate) trait Fallback: Sized {
    /// The value for a NULL pointer argument.
    fn null_argument() -> Self;
    /// The value after a caught panic.
    fn panicked() -> Self;
}

impl Fallback for khabar_status {
    fn null_argument() -> Self {
        khabar_status::NullArgument
    }
    fn panicked() -> Self {
        khabar_status::Panic
    }
}

impl Fallback for usize {
    fn null_argument() -> Self {
        0
    }
    fn panicked() -> Self {
        0
    }
}

impl Fallback for *const c_char {
    fn null_argument() -> Self {
        std::ptr::null()
    }
    fn panicked() -> Self {
        std::ptr::null()
    }
}

impl Fallback for () {
    fn null_argument() -> Self {}
    fn panicked() -> Self {}
}

/// Records a caught panic as the thread's last error and returns the fallback value.
pub(crate) fn on_panic<T: Fallback>(payload: Box<dyn Any + Send>) -> T {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_owned());
    status::record(khabar_status::Panic, format!("internal error (panic): {what}"), None);
    T::panicked()
}

/// Records a NULL argument as the thread's last error and returns the fallback value.
pub(crate) fn on_null<T: Fallback>(name: &str) -> T {
    status::record(khabar_status::NullArgument, format!("argument `{name}` is NULL"), None);
    T::null_argument()
}

/// Runs a function body, catching any panic (see the module docs). `return` inside the body
/// returns from the body, with the function's return type.
macro_rules! ffi_boundary {
    ($($body:tt)*) => {{
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* })) {
            Ok(value) => value,
            Err(payload) => $crate::ffi::boundary::on_panic(payload),
        }
    }};
}

/// `try_ref!(ptr)`: a shared reference to a handle or struct, or an early return on NULL.
macro_rules! try_ref {
    ($ptr:ident) => {
        // SAFETY: the caller promises a non-NULL pointer is valid and properly aligned for the
        // lifetime of this call (stated in every function's docs).
        match unsafe { $ptr.as_ref() } {
            Some(value) => value,
            None => return $crate::ffi::boundary::on_null(stringify!($ptr)),
        }
    };
}

/// `try_out!(ptr)`: checks that an out-pointer is not NULL, or returns early.
macro_rules! try_out {
    ($ptr:ident) => {
        if $ptr.is_null() {
            return $crate::ffi::boundary::on_null(stringify!($ptr));
        }
    };
}

/// `write_out!(ptr, value)`: writes a success value to an out-pointer checked by `try_out!`.
macro_rules! write_out {
    ($ptr:ident, $value:expr) => {
        // SAFETY: `$ptr` was checked non-NULL by `try_out!`, and the caller promises it points to
        // writable memory for one value of its type. `write` does not read or drop the old value.
        unsafe { $ptr.write($value) }
    };
}

pub(crate) use {ffi_boundary, try_out, try_ref, write_out};

#[cfg(test)]
mod tests {
    use super::*;

    fn panicking_status() -> khabar_status {
        ffi_boundary! {
            if std::hint::black_box(true) {
                panic!("boom {}", 42);
            }
            khabar_status::Ok
        }
    }

    fn null_check(p: *const u8) -> usize {
        ffi_boundary! {
            let v = try_ref!(p);
            usize::from(*v)
        }
    }

    #[test]
    fn a_panic_becomes_the_panic_status_with_its_message() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let status = panicking_status();
        std::panic::set_hook(prev);
        assert_eq!(status, khabar_status::Panic);
        assert_eq!(status::last_status(), khabar_status::Panic);
        assert!(status::last_message().unwrap().contains("boom 42"));
    }

    #[test]
    fn null_arguments_return_the_fallback_and_are_recorded() {
        assert_eq!(null_check(std::ptr::null()), 0);
        assert_eq!(status::last_status(), khabar_status::NullArgument);
        assert_eq!(status::last_message().unwrap(), "argument `p` is NULL");
        let x = 7u8;
        assert_eq!(null_check(&x), 7);
    }
}
