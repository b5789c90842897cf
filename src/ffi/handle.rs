//! Typed ownership transfer of opaque handles: every handle is a `Box` handed to C as a raw
//! pointer and taken back exactly once by its `_free` function.

/// Moves `value` to the heap and hands ownership to the caller as a raw pointer.
pub(crate) fn into_raw<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Takes back and drops a handle made by [`into_raw`]; NULL is a no-op.
///
/// # Safety
/// `ptr` must be NULL or come from [`into_raw`] with the same `T` and not have been freed.
pub(crate) unsafe fn free<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: by this function's contract `ptr` is an unfreed `Box<T>` pointer.
        drop(unsafe { Box::from_raw(ptr) });
    }
}
