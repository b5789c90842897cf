"""The article model: plain typed objects mirroring the Rust model (``src/model.rs``).

Offsets: ``Span.start``/``Span.end`` count code points, so ``article.text[span.start:span.end]``
is the surface text in Python; ``byte_start``/``byte_end`` are the UTF-8 byte offsets the Rust and
C APIs use.
"""

from __future__ import annotations

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


@dataclass(slots=True)
class Article:
    """A parsed article. ``to_json()`` gives the library's JSON document (the CLI's output)."""

    text: str
    language: Language
    body: Span
    boilerplate: List[Span]
    paragraphs: List[Span]
    sentences: List[Span]
    dateline: Optional[Dateline]
    entities: List[Entity]
    quotes: List[Quote]
    resolutions: List[Resolution]
    _json: str

    def to_json(self) -> str:
        """The JSON document, byte for byte what Rust's ``Article::to_json`` and the CLI produce."""
        return self._json

    def to_dict(self) -> Dict[str, Any]:
        """The JSON document as a dict (includes any field newer than this package's classes)."""
        import json

        return json.loads(self._json)


# ---- construction from the JSON document ----


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
        EntityKind(d["kind"]),
        d["name"],
        [_mention(m) for m in d["mentions"]],
        d.get("code"),
        None if date is None else DateValue(date["value"], DateGrain(date["grain"])),
        None
        if amount is None
        else Amount(float(amount["value"]), amount.get("qualifier"), amount.get("unit"), amount.get("currency")),
    )


def _quote(d: Dict[str, Any]) -> Quote:
    s = d.get("speaker")
    c = d.get("cue")
    return Quote(
        QuoteKind(d["kind"]),
        None if s is None else Speaker(s["text"], _span(s["span"]), s.get("entity"), s.get("role")),
        None if c is None else Cue(c["text"], _span(c["span"]), c["lemma"]),
        _mention(d["content"]),
        _opt_mention(d.get("setting")),
    )


def _resolution(d: Dict[str, Any]) -> Resolution:
    return Resolution(
        Body(d["body"]),
        BodySource(d["body_source"]),
        d["number"],
        d.get("session"),
        d.get("year"),
        d["year_conflict"],
        d["symbol"],
        [_mention(m) for m in d["mentions"]],
    )


def article_from_json(text: str, doc: str, data: Dict[str, Any]) -> Article:
    """Builds an Article from the library's JSON document ``doc`` (already decoded as ``data``)."""
    d = data.get("dateline")
    return Article(
        text,
        Language(data["language"]),
        _span(data["body"]),
        [_span(s) for s in data["boilerplate"]],
        [_span(s) for s in data["paragraphs"]],
        [_span(s) for s in data["sentences"]],
        None
        if d is None
        else Dateline(
            _span(d["span"]),
            [_mention(m) for m in d["locations"]],
            [_mention(m) for m in d["authors"]],
            [_mention(m) for m in d["agencies"]],
            d.get("date"),
        ),
        [_entity(e) for e in data["entities"]],
        [_quote(q) for q in data["quotes"]],
        [_resolution(r) for r in data["resolutions"]],
        doc,
    )
