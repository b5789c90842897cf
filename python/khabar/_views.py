"""Construction of the model through the C API's typed accessors (``khabar_article_entity`` and
friends) instead of the JSON document.

``Parser.parse`` uses the JSON document: one call, then the fields are built lazily from it (see
``Article``), and ``to_json`` needs the document anyway. This path exercises the typed accessors
and the ctypes struct mirrors in ``_ffi``; ``tests/test_views.py`` checks that both give equal
objects.
"""

from __future__ import annotations

import ctypes
from ctypes import byref
from typing import Callable, List, Optional

from . import _ffi, _model
from ._ffi import lib

_LANGUAGES = [_model.Language.OTHER, _model.Language.ARABIC, _model.Language.ENGLISH]
_ENTITY_KINDS = list(_model.EntityKind)
_GRAINS = list(_model.DateGrain)
_QUOTE_KINDS = list(_model.QuoteKind)
_BODIES = list(_model.Body)
_BODY_SOURCES = list(_model.BodySource)


def _str(s: _ffi.Str) -> Optional[str]:
    if s.data is None:
        return None
    return ctypes.string_at(s.data, s.len).decode("utf-8")


def _span(s: _ffi.Span) -> _model.Span:
    return _model.Span(s.char_start, s.char_end, s.start, s.end)


def _mention(m: _ffi.Mention) -> _model.Mention:
    return _model.Mention(_str(m.text) or "", _span(m.span))


def _mentions(ms: _ffi.Mentions) -> List[_model.Mention]:
    return [_mention(ms.data[i]) for i in range(ms.len)]


def _check(status: int) -> None:
    if status != _ffi.STATUS_OK:
        from . import _error_for

        raise _error_for(status)


def _spans(article, count: Callable, get: Callable) -> List[_model.Span]:
    out = []
    s = _ffi.Span()
    for i in range(count(article)):
        _check(get(article, i, byref(s)))
        out.append(_span(s))
    return out


def article_from_views(article: "_ffi.ArticleP", text: str, doc: str) -> _model.Article:
    """Builds an Article by reading every field through the typed accessors of ``article``."""
    body = _ffi.Span()
    _check(lib.khabar_article_body(article, byref(body)))

    d = _ffi.Dateline()
    status = lib.khabar_article_dateline(article, byref(d))
    dateline = None
    if status == _ffi.STATUS_OK:
        dateline = _model.Dateline(
            _span(d.span), _mentions(d.locations), _mentions(d.authors), _mentions(d.agencies), _str(d.date)
        )
    elif status != _ffi.STATUS_NOT_FOUND:
        _check(status)

    entities = []
    e = _ffi.Entity()
    for i in range(lib.khabar_article_entity_count(article)):
        _check(lib.khabar_article_entity(article, i, byref(e)))
        entities.append(
            _model.Entity(
                _ENTITY_KINDS[e.kind],
                _str(e.name) or "",
                _mentions(e.mentions),
                _str(e.code),
                _model.DateValue(_str(e.date.value) or "", _GRAINS[e.date.grain]) if e.has_date else None,
                _model.Amount(e.amount.value, _str(e.amount.qualifier), _str(e.amount.unit), _str(e.amount.currency))
                if e.has_amount
                else None,
            )
        )

    quotes = []
    q = _ffi.Quote()
    for i in range(lib.khabar_article_quote_count(article)):
        _check(lib.khabar_article_quote(article, i, byref(q)))
        sp = q.speaker
        quotes.append(
            _model.Quote(
                _QUOTE_KINDS[q.kind],
                _model.Speaker(_str(sp.text) or "", _span(sp.span), sp.entity if sp.has_entity else None, _str(sp.role))
                if q.has_speaker
                else None,
                _model.Cue(_str(q.cue.text) or "", _span(q.cue.span), _str(q.cue.lemma) or "") if q.has_cue else None,
                _mention(q.content),
                _mention(q.setting) if q.has_setting else None,
            )
        )

    resolutions = []
    r = _ffi.Resolution()
    for i in range(lib.khabar_article_resolution_count(article)):
        _check(lib.khabar_article_resolution(article, i, byref(r)))
        resolutions.append(
            _model.Resolution(
                _BODIES[r.body],
                _BODY_SOURCES[r.body_source],
                r.number,
                _str(r.session),
                r.year if r.has_year else None,
                bool(r.year_conflict),
                _str(r.symbol) or "",
                _mentions(r.mentions),
            )
        )

    return _model.Article(
        text,
        doc,
        language=_LANGUAGES[lib.khabar_article_language(article)],
        body=_span(body),
        boilerplate=_spans(article, lib.khabar_article_boilerplate_count, lib.khabar_article_boilerplate),
        paragraphs=_spans(article, lib.khabar_article_paragraph_count, lib.khabar_article_paragraph),
        sentences=_spans(article, lib.khabar_article_sentence_count, lib.khabar_article_sentence),
        dateline=dateline,
        entities=entities,
        quotes=quotes,
        resolutions=resolutions,
    )
