"""khabar: structured data from Arabic and English news articles.

A pure-Python package over khabar's C API (ctypes; no compiler needed at import)::

    import khabar
    article = khabar.parse("WASHINGTON (Reuters) - The talks resumed.")
    for quote in article.quotes:
        print(quote.kind, article.text[quote.content.span.start:quote.content.span.end])

    parser = khabar.Parser(max_input_bytes=1 << 20)   # reusable, shareable across threads
    article = parser.parse(b"...")                     # bytes must be UTF-8

Spans count code points (``text[span.start:span.end]`` is the surface text); ``byte_start`` and
``byte_end`` give UTF-8 byte offsets. ``Article.to_json()`` is the library's JSON document, the
same the Rust API and the ``khabar`` command produce.

Parsing releases the GIL, so threads sharing one ``Parser`` parse in parallel.
"""

from __future__ import annotations

import ctypes
import threading
from ctypes import byref
from typing import Optional, Union

from . import _ffi
from ._ffi import lib
from ._model import (
    Amount,
    Article,
    Body,
    BodySource,
    Cue,
    DateGrain,
    Dateline,
    DateValue,
    Entity,
    EntityKind,
    Language,
    Mention,
    Quote,
    QuoteKind,
    Resolution,
    Span,
    Speaker,
)

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "Article",
    "Body",
    "BodySource",
    "Cue",
    "DateGrain",
    "DateValue",
    "Dateline",
    "Entity",
    "EntityKind",
    "InputTooLargeError",
    "InvalidUtf8Error",
    "KhabarError",
    "Language",
    "Mention",
    "Parser",
    "Quote",
    "QuoteKind",
    "Resolution",
    "Span",
    "Speaker",
    "library_path",
    "library_version",
    "parse",
]

#: Default input limit in bytes (16 MiB), as in the Rust and C APIs.
DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024


class KhabarError(Exception):
    """A khabar call failed. ``status`` is the C API's ``khabar_status`` number."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class InvalidUtf8Error(KhabarError, ValueError):
    """The input bytes are not valid UTF-8; ``offset`` is the byte offset of the first bad byte."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message, _ffi.STATUS_INVALID_UTF8)
        self.offset = offset


class InputTooLargeError(KhabarError, ValueError):
    """The input is larger than the parser's ``max_input_bytes``."""


def _error_for(status: int) -> KhabarError:
    """The exception for a failed call, with the library's message for this thread."""
    raw = lib.khabar_last_error_message()
    message = raw.decode("utf-8", "replace") if raw else lib.khabar_status_str(status).decode()
    if status == _ffi.STATUS_INVALID_UTF8:
        return InvalidUtf8Error(message, lib.khabar_last_error_offset())
    if status == _ffi.STATUS_INPUT_TOO_LARGE:
        return InputTooLargeError(message, status)
    return KhabarError(message, status)


def library_version() -> str:
    """The version of the loaded library (``khabar_version()``)."""
    return lib.khabar_version().decode()


def library_path() -> str:
    """The path of the loaded library."""
    return lib._khabar_path


_LANGUAGE_CODES = {"ar": 1, "en": 2, Language.ARABIC: 1, Language.ENGLISH: 2}


class Parser:
    """A reusable parser. Build it once and share it: ``parse`` may be called from many threads
    at once (the GIL is released while the library parses).

    ``max_input_bytes`` limits the UTF-8 size of an input; ``language`` (``"ar"``/``"en"``) skips
    detection; the four flags turn extractors off. Close it with ``close()`` or a ``with`` block
    (or let it be collected); do not close it while another thread is parsing with it.
    """

    def __init__(
        self,
        max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
        language: Optional[str] = None,
        *,
        dateline: bool = True,
        entities: bool = True,
        quotes: bool = True,
        resolutions: bool = True,
    ) -> None:
        self._ptr = None
        if not isinstance(max_input_bytes, int) or isinstance(max_input_bytes, bool):
            raise TypeError("max_input_bytes must be an int")
        if max_input_bytes < 1:
            raise ValueError("max_input_bytes must be at least 1")
        if language is not None and language not in _LANGUAGE_CODES:
            raise ValueError(f"unknown language {language!r} (expected 'ar', 'en' or None)")
        options = _ffi.ParserOptions()
        _check(lib.khabar_parser_options_default(byref(options)))
        options.max_input_bytes = min(max_input_bytes, _ffi.NO_OFFSET)
        options.detect_language = language is None
        if language is not None:
            options.language = _LANGUAGE_CODES[language]
        options.dateline, options.entities = bool(dateline), bool(entities)
        options.quotes, options.resolutions = bool(quotes), bool(resolutions)
        ptr = _ffi.ParserP()
        _check(lib.khabar_parser_new_with_options(byref(options), byref(ptr)))
        self._ptr = ptr

    @property
    def max_input_bytes(self) -> int:
        """The input limit in bytes."""
        return lib.khabar_parser_max_input_bytes(self._live())

    def _live(self):
        ptr = self._ptr
        if ptr is None:
            raise ValueError("the parser is closed")
        return ptr

    def parse(self, text: Union[str, bytes, bytearray, memoryview]) -> Article:
        """Parses one article: a ``str``, or UTF-8 ``bytes`` (raises ``InvalidUtf8Error`` with
        the byte offset of the first invalid byte). Raises ``InputTooLargeError`` past the limit."""
        if isinstance(text, str):
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError as e:  # lone surrogates
                offset = len(text[: e.start].encode("utf-8"))
                raise InvalidUtf8Error(f"invalid UTF-8 at byte offset {offset} (unpaired surrogate)", offset) from None
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
            text = None
        else:
            raise TypeError(f"parse() takes str or bytes, not {type(text).__name__}")
        ptr = self._live()
        article = _ffi.ArticleP()
        status = lib.khabar_parse(ptr, data, len(data), byref(article))
        if status != _ffi.STATUS_OK:
            raise _error_for(status)
        try:
            doc = _to_json(article)
        finally:
            lib.khabar_article_free(article)
        if text is None:
            text = data.decode("utf-8")
        return Article(text, doc)

    def close(self) -> None:
        """Frees the parser; idempotent. Articles already returned stay valid."""
        ptr, self._ptr = self._ptr, None
        if ptr is not None:
            lib.khabar_parser_free(ptr)

    def __enter__(self) -> "Parser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass


def _check(status: int) -> None:
    if status != _ffi.STATUS_OK:
        raise _error_for(status)


def _to_json(article) -> str:
    out = ctypes.c_void_p()
    _check(lib.khabar_article_to_json(article, byref(out)))
    try:
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        lib.khabar_string_free(out)


_default: Optional[Parser] = None
_default_lock = threading.Lock()


def parse(text: Union[str, bytes, bytearray, memoryview]) -> Article:
    """Parses one article with a shared default ``Parser`` (see ``Parser.parse``)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Parser()
    return _default.parse(text)
