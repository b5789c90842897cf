//! A deterministic measure of the work a parse does, for tests that check running time grows
//! linearly with the input without reading the clock.
//!
//! The text layer's primitives add to a per-thread counter as they go: normalisation, tokens and
//! segmentation by the bytes they read, every lexicon lookup by the entries it compares, every
//! offset lookup ([`Doc`](super::Doc) spans, sentence and token searches) by one. Every extractor
//! scans through these primitives, so an extractor loop that runs once per pair of tokens shows up
//! as quadratic work here. Extractors with scans of their own add to it with [`tick`].
//!
//! Reading the counter is `#[doc(hidden)]` API for the project's tests
//! (`tests/pathological.rs`), not part of the public interface.

use std::cell::Cell;

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` units of work to this thread's counter.
#[inline]
pub(crate) fn tick(n: usize) {
    WORK.with(|w| w.set(w.get().wrapping_add(n as u64)));
}

/// Units of work done on this thread since it started (or since [`reset_work`]).
#[doc(hidden)]
pub fn work_done() -> u64 {
    WORK.with(Cell::get)
}

/// Sets this thread's work counter to zero.
#[doc(hidden)]
pub fn reset_work() {
    WORK.with(|w| w.set(0));
}
