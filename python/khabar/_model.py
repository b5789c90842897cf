"""The article model: plain typed objects mirroring the Rust model (``src/model.rs``).

Offsets: ``Span.start``/``Span.end`` count code points, so ``article.text[span.start:span.end]``
is the surface text in Python; ``byte_start``/``byte_end`` are the UTF-8 byte offsets the Rust and
C APIs use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any, Dict, List, Optional


class Language(str, Enum):
    """The language of an article."""

    ARABIC = "ar"
    ENGLISH = "en"
    OTHER = "other"


class EntityKind(str, Enum):
    """What kind of thing an entity is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    LOCATION = "location"
    DATE = "date"
    AMOUNT = "amount"


class DateGrain(str, Enum):
    """The precision of a normalised date."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    WEEKDAY = "weekday"


class QuoteKind(str, Enum):
    """How a statement is reported."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Body(str, Enum):
    """The UN body that adopted a resolution."""

    SECURITY_COUNCIL = "security_council"
    GENERAL_ASSEMBLY = "general_assembly"
    HUMAN_RIGHTS_COUNCIL = "human_rights_council"
    ECONOMIC_AND_SOCIAL_COUNCIL = "economic_and_social_council"
    OTHER = "other"


class BodySource(str, Enum):
    """How a resolution's body was established."""

    STATED = "stated"
    SENTENCE = "sentence"
    ARTICLE = "article"
    INFERRED = "inferred"


@dataclass(slots=True)
class Span:
    """A half-open range of the input: code points ``start:end`` (slice a ``str`` with them) and
    UTF-8 bytes ``byte_start:byte_end``."""

    start: int
    end: int
    byte_start: int
    byte_end: int

    def slice(self) -> slice:
        """``slice(start, end)``, for ``text[span.slice()]``."""
        return slice(self.start, self.end)


@dataclass(slots=True)
class Mention:
    """A piece of surface text and where it is."""

    text: str
    span: Span


@dataclass(slots=True)
class Dateline:
    """Where a report was filed, by whom, for which agency."""

    span: Span
    locations: List[Mention]
    authors: List[Mention]
    agencies: List[Mention]
    date: Optional[str]


@dataclass(slots=True)
class DateValue:
    """A normalised date: ISO 8601 value and its precision."""

    value: str
    grain: DateGrain


@dataclass(slots=True)
class Amount:
    """A normalised quantity or sum of money."""

    value: float
    qualifier: Optional[str]
    unit: Optional[str]
    currency: Optional[str]


@dataclass(slots=True)
class Entity:
    """A named entity, date or amount with all its mentions."""

    kind: EntityKind
    name: str
    mentions: List[Mention]
    code: Optional[str]
    date: Optional[DateValue]
    amount: Optional[Amount]


@dataclass(slots=True)
class Speaker:
    """Who made a statement; ``entity`` indexes ``Article.entities``."""

    text: str
    span: Span
    entity: Optional[int]
    role: Optional[str]


@dataclass(slots=True)
class Cue:
    """The speech verb or phrase introducing a statement."""

    text: str
    span: Span
    lemma: str


@dataclass(slots=True)
class Quote:
    """A direct quote or reported statement."""

    kind: QuoteKind
    speaker: Optional[Speaker]
    cue: Optional[Cue]
    content: Mention
    setting: Optional[Mention]


@dataclass(slots=True)
class Resolution:
    """A UN resolution referred to in the article, with all its mentions."""

    body: Body
    body_source: BodySource
    number: int
    session: Optional[str]
    year: Optional[int]
    year_conflict: bool
    symbol: str
    mentions: List[Mention]


_UNSET = object()

#: The typed fields of an Article, built on first access.
FIELDS = ("language", "body", "boilerplate", "paragraphs", "sentences", "dateline", "entities", "quotes", "resolutions")


class Article:
    """A parsed article: ``text`` (the input as ``str``) and typed fields.

    The fields (``language``, ``body``, ``boilerplate``, ``paragraphs``, ``sentences``,
    ``dateline``, ``entities``, ``quotes``, ``resolutions``) are built from the library's JSON
    document on first access and then cached, so ``parse`` costs little more than the Rust call
    when only some fields are read. ``to_json()`` returns that document unchanged: the same bytes
    as Rust's ``Article::to_json`` and the ``khabar parse`` command.
    """

    __slots__ = ("text", "_json", "_data") + tuple("_" + f for f in FIELDS)

    def __init__(self, text: str, doc: str, **fields: Any) -> None:
        self.text = text
        self._json = doc
        self._data: Any = _UNSET
        for f in FIELDS:
            setattr(self, "_" + f, fields.pop(f, _UNSET))
        if fields:
            raise TypeError(f"unknown Article fields: {sorted(fields)}")

    def to_json(self) -> str:
        """The JSON document, byte for byte what Rust's ``Article::to_json`` and the CLI produce."""
        return self._json

    def to_dict(self) -> Dict[str, Any]:
        """The JSON document as a fresh dict (includes any field newer than this package's classes)."""
        return json.loads(self._json)

    def _doc(self) -> Dict[str, Any]:
        data = self._data
        if data is _UNSET:
            data = self._data = json.loads(self._json)
        return data

    @property
    def language(self) -> Language:
        """The detected (or given) language."""
        v = self._language
        if v is _UNSET:
            v = self._language = _enum(_LANGUAGES, self._doc()["language"])
        return v

    @property
    def body(self) -> Span:
        """The article body: the input less site furniture at its start and end."""
        v = self._body
        if v is _UNSET:
            v = self._body = _span(self._doc()["body"])
        return v

    @property
    def boilerplate(self) -> List[Span]:
        """Site furniture recognised at the start or end, excluded from extraction."""
        v = self._boilerplate
        if v is _UNSET:
            v = self._boilerplate = [_span(s) for s in self._doc()["boilerplate"]]
        return v

    @property
    def paragraphs(self) -> List[Span]:
        """Paragraphs of the body, in order."""
        v = self._paragraphs
        if v is _UNSET:
            v = self._paragraphs = [_span(s) for s in self._doc()["paragraphs"]]
        return v

    @property
    def sentences(self) -> List[Span]:
        """Sentences of the body, in order."""
        v = self._sentences
        if v is _UNSET:
            v = self._sentences = [_span(s) for s in self._doc()["sentences"]]
        return v

    @property
    def dateline(self) -> Optional[Dateline]:
        """The dateline, or None."""
        v = self._dateline
        if v is _UNSET:
            v = self._dateline = _dateline(self._doc()["dateline"])
        return v

    @property
    def entities(self) -> List[Entity]:
        """Named entities, dates and amounts, each once with all its mentions."""
        v = self._entities
        if v is _UNSET:
            v = self._entities = [_entity(e) for e in self._doc()["entities"]]
        return v

    @property
    def quotes(self) -> List[Quote]:
        """Statements (direct quotes and reported speech), in document order."""
        v = self._quotes
        if v is _UNSET:
            v = self._quotes = [_quote(q) for q in self._doc()["quotes"]]
        return v

    @property
    def resolutions(self) -> List[Resolution]:
        """UN resolution references, one per distinct resolution."""
        v = self._resolutions
        if v is _UNSET:
            v = self._resolutions = [_resolution(r) for r in self._doc()["resolutions"]]
        return v

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return self.text == other.text and all(getattr(self, f) == getattr(other, f) for f in FIELDS)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):
        # Pickle the text and the JSON document; the fields are rebuilt on access.
        return (Article, (self.text, self._json))

    def __repr__(self) -> str:
        d = self._doc()
        return (
            f"Article(language={d['language']!r}, chars={len(self.text)}, dateline={d['dateline'] is not None}, "
            f"entities={len(d['entities'])}, quotes={len(d['quotes'])}, resolutions={len(d['resolutions'])})"
        )


# ---- construction from the JSON document ----


_LANGUAGES = {e.value: e for e in Language}
_ENTITY_KINDS = {e.value: e for e in EntityKind}
_GRAINS = {e.value: e for e in DateGrain}
_QUOTE_KINDS = {e.value: e for e in QuoteKind}
_BODIES = {e.value: e for e in Body}
_BODY_SOURCES = {e.value: e for e in BodySource}


def _enum(table: Dict[str, Any], value: str) -> Any:
    """The enum member for a JSON string; a value newer than this package stays a plain str."""
    return table.get(value, value)


def _span(d: Dict[str, Any]) -> Span:
    return Span(d["char_start"], d["char_end"], d["start"], d["end"])


def _mention(d: Dict[str, Any]) -> Mention:
    return Mention(d["text"], _span(d["span"]))


def _opt_mention(d: Optional[Dict[str, Any]]) -> Optional[Mention]:
    return None if d is None else _mention(d)


def _entity(d: Dict[str, Any]) -> Entity:
    date = d.get("date")
    amount = d.get("amount")
    return Entity(
        _enum(_ENTITY_KINDS, d["kind"]),
        d["name"],
        [_mention(m) for m in d["mentions"]],
        d.get("code"),
        None if date is None else DateValue(date["value"], _enum(_GRAINS, date["grain"])),
        None
        if amount is None
        else Amount(float(amount["value"]), amount.get("qualifier"), amount.get("unit"), amount.get("currency")),
    )


def _quote(d: Dict[str, Any]) -> Quote:
    s = d.get("speaker")
    c = d.get("cue")
    return Quote(
        _enum(_QUOTE_KINDS, d["kind"]),
        None if s is None else Speaker(s["text"], _span(s["span"]), s.get("entity"), s.get("role")),
        None if c is None else Cue(c["text"], _span(c["span"]), c["lemma"]),
        _mention(d["content"]),
        _opt_mention(d.get("setting")),
    )


def _resolution(d: Dict[str, Any]) -> Resolution:
    return Resolution(
        _enum(_BODIES, d["body"]),
        _enum(_BODY_SOURCES, d["body_source"]),
        d["number"],
        d.get("session"),
        d.get("year"),
        d["year_conflict"],
        d["symbol"],
        [_mention(m) for m in d["mentions"]],
    )


def _dateline(d: Optional[Dict[str, Any]]) -> Optional[Dateline]:
    if d is None:
        return None
    return Dateline(
        _span(d["span"]),
        [_mention(m) for m in d["locations"]],
        [_mention(m) for m in d["authors"]],
        [_mention(m) for m in d["agencies"]],
        d.get("date"),
    )
