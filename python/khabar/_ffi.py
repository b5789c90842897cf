"""Loading of the khabar shared library and ctypes declarations of its C API.

Every function of ``include/khabar.h`` is declared here with its ``argtypes`` and ``restype``
(``tests/test_ffi.py`` checks the list against the header). Owned strings are returned as
``c_void_p``, copied, then freed with ``khabar_string_free``.

The library is looked for, in order:

1. the file named by the ``KHABAR_LIBRARY`` environment variable;
2. next to this package (where ``pip install`` puts it: ``khabar/_native*.so``, or a copied
   ``libkhabar.so``);
3. the repository's cargo build, ``target/release`` or ``target/debug`` (the newer of the two;
   ``CARGO_TARGET_DIR`` is honoured).
"""

from __future__ import annotations

import ctypes
import importlib.machinery
import os
import sys
from ctypes import POINTER, Structure, c_bool, c_char_p, c_double, c_int, c_int32, c_size_t, c_uint32, c_void_p
from pathlib import Path
from typing import List

#: The C ABI this package was written against (``KHABAR_ABI_VERSION`` in the header).
ABI_VERSION = 1

# ---- status codes (khabar_status) ----
STATUS_OK = 0
STATUS_NULL_ARGUMENT = 1
STATUS_INVALID_UTF8 = 2
STATUS_INPUT_TOO_LARGE = 3
STATUS_OUT_OF_RANGE = 4
STATUS_NOT_FOUND = 5
STATUS_INVALID_ARGUMENT = 6
STATUS_PANIC = 100

NO_OFFSET = ctypes.c_size_t(-1).value


def _platform_names() -> List[str]:
    if sys.platform == "win32":
        return ["khabar.dll"]
    if sys.platform == "darwin":
        return ["libkhabar.dylib"]
    return ["libkhabar.so"]


def _package_candidates(here: Path) -> List[Path]:
    """Library files next to the package: the one ``pip install`` builds, then a copied one."""
    found = [here / ("_native" + suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES]
    found += [here / name for name in _platform_names()]
    return found


def _target_candidates(here: Path) -> List[Path]:
    """The cargo builds of the repository this package sits in, newest first."""
    target = Path(os.environ["CARGO_TARGET_DIR"]) if os.environ.get("CARGO_TARGET_DIR") else here.parent.parent / "target"
    files = [target / profile / name for profile in ("release", "debug") for name in _platform_names()]
    existing = [f for f in files if f.is_file()]
    return sorted(existing, key=lambda f: f.stat().st_mtime, reverse=True) + [f for f in files if f not in existing]


def find_library() -> Path:
    """The path of the khabar library to load (see the module docs); raises ImportError if none."""
    env = os.environ.get("KHABAR_LIBRARY")
    if env:
        path = Path(env)
        if not path.is_file():
            raise ImportError(f"KHABAR_LIBRARY is set to {env!r}, which is not a file")
        return path
    here = Path(__file__).resolve().parent
    tried = _package_candidates(here) + _target_candidates(here)
    for path in tried:
        if path.is_file():
            return path
    listing = "\n  ".join(str(p) for p in tried)
    raise ImportError(
        "cannot find the khabar shared library. Build it with `cargo build` (or `cargo build --release`) "
        "in the repository, install the package with `pip install ./python`, or set KHABAR_LIBRARY to its path. "
        f"Looked in:\n  {listing}"
    )


# ---- opaque handles ----
class Parser(Structure):
    """Opaque ``khabar_parser``."""


class Article(Structure):
    """Opaque ``khabar_article``."""


ParserP = POINTER(Parser)
ArticleP = POINTER(Article)

# ---- transparent structs (mirrors of include/khabar.h; enums are C ints) ----
c_enum = c_int


class Str(Structure):
    _fields_ = [("data", c_void_p), ("len", c_size_t)]


class Span(Structure):
    _fields_ = [("start", c_size_t), ("end", c_size_t), ("char_start", c_size_t), ("char_end", c_size_t)]


class Mention(Structure):
    _fields_ = [("text", Str), ("span", Span)]


class Mentions(Structure):
    _fields_ = [("data", POINTER(Mention)), ("len", c_size_t)]


class ParserOptions(Structure):
    _fields_ = [
        ("max_input_bytes", c_size_t),
        ("detect_language", c_bool),
        ("language", c_enum),
        ("dateline", c_bool),
        ("entities", c_bool),
        ("quotes", c_bool),
        ("resolutions", c_bool),
    ]


class Dateline(Structure):
    _fields_ = [
        ("span", Span),
        ("locations", Mentions),
        ("authors", Mentions),
        ("agencies", Mentions),
        ("date", Str),
    ]


class Date(Structure):
    _fields_ = [("value", Str), ("grain", c_enum)]


class Amount(Structure):
    _fields_ = [("value", c_double), ("qualifier", Str), ("unit", Str), ("currency", Str)]


class Entity(Structure):
    _fields_ = [
        ("kind", c_enum),
        ("name", Str),
        ("mentions", Mentions),
        ("code", Str),
        ("has_date", c_bool),
        ("date", Date),
        ("has_amount", c_bool),
        ("amount", Amount),
    ]


class Speaker(Structure):
    _fields_ = [("text", Str), ("span", Span), ("has_entity", c_bool), ("entity", c_size_t), ("role", Str)]


class Cue(Structure):
    _fields_ = [("text", Str), ("span", Span), ("lemma", Str)]


class Quote(Structure):
    _fields_ = [
        ("kind", c_enum),
        ("has_speaker", c_bool),
        ("speaker", Speaker),
        ("has_cue", c_bool),
        ("cue", Cue),
        ("content", Mention),
        ("has_setting", c_bool),
        ("setting", Mention),
    ]


class Resolution(Structure):
    _fields_ = [
        ("body", c_enum),
        ("body_source", c_enum),
        ("number", c_uint32),
        ("session", Str),
        ("has_year", c_bool),
        ("year", c_int32),
        ("year_conflict", c_bool),
        ("symbol", Str),
        ("mentions", Mentions),
    ]


# name -> (restype, argtypes): every function of include/khabar.h.
SIGNATURES = {
    "khabar_version": (c_char_p, []),
    "khabar_abi_version": (c_uint32, []),
    "khabar_status_str": (c_char_p, [c_enum]),
    "khabar_last_error_status": (c_enum, []),
    "khabar_last_error_message": (c_char_p, []),
    "khabar_last_error_offset": (c_size_t, []),
    "khabar_parser_options_default": (c_enum, [POINTER(ParserOptions)]),
    "khabar_parser_new": (c_enum, [POINTER(ParserP)]),
    "khabar_parser_new_with_options": (c_enum, [POINTER(ParserOptions), POINTER(ParserP)]),
    "khabar_parser_max_input_bytes": (c_size_t, [ParserP]),
    "khabar_parser_free": (None, [ParserP]),
    "khabar_parse": (c_enum, [ParserP, c_char_p, c_size_t, POINTER(ArticleP)]),  # text: bytes, not NUL-terminated
    "khabar_article_free": (None, [ArticleP]),
    "khabar_article_to_json": (c_enum, [ArticleP, POINTER(c_void_p)]),
    "khabar_string_free": (None, [c_void_p]),
    "khabar_article_text": (c_enum, [ArticleP, POINTER(Str)]),
    "khabar_article_language": (c_enum, [ArticleP]),
    "khabar_article_body": (c_enum, [ArticleP, POINTER(Span)]),
    "khabar_article_sentence_count": (c_size_t, [ArticleP]),
    "khabar_article_sentence": (c_enum, [ArticleP, c_size_t, POINTER(Span)]),
    "khabar_article_paragraph_count": (c_size_t, [ArticleP]),
    "khabar_article_paragraph": (c_enum, [ArticleP, c_size_t, POINTER(Span)]),
    "khabar_article_boilerplate_count": (c_size_t, [ArticleP]),
    "khabar_article_boilerplate": (c_enum, [ArticleP, c_size_t, POINTER(Span)]),
    "khabar_article_dateline": (c_enum, [ArticleP, POINTER(Dateline)]),
    "khabar_article_entity_count": (c_size_t, [ArticleP]),
    "khabar_article_entity": (c_enum, [ArticleP, c_size_t, POINTER(Entity)]),
    "khabar_article_quote_count": (c_size_t, [ArticleP]),
    "khabar_article_quote": (c_enum, [ArticleP, c_size_t, POINTER(Quote)]),
    "khabar_article_resolution_count": (c_size_t, [ArticleP]),
    "khabar_article_resolution": (c_enum, [ArticleP, c_size_t, POINTER(Resolution)]),
}


def load() -> ctypes.CDLL:
    """Loads the library, declares every function and checks the ABI version.

    ``ctypes.CDLL`` releases the GIL for the duration of each call, so parses on several Python
    threads run in parallel.
    """
    path = find_library()
    try:
        lib = ctypes.CDLL(str(path))
    except OSError as e:
        raise ImportError(f"cannot load the khabar library {path}: {e}") from e
    for name, (restype, argtypes) in SIGNATURES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            raise ImportError(
                f"the khabar library {path} has no function {name}: it is older than this package. "
                "Rebuild it (`cargo build`) or point KHABAR_LIBRARY at a current build."
            ) from None
        fn.restype = restype
        fn.argtypes = argtypes
    abi = lib.khabar_abi_version()
    if abi != ABI_VERSION:
        raise ImportError(
            f"the khabar library {path} has C ABI version {abi}, but this package needs {ABI_VERSION}: "
            "rebuild the library (`cargo build`) or reinstall the package."
        )
    lib._khabar_path = str(path)  # type: ignore[attr-defined]
    return lib


lib = load()
