"""Frozen, typed result objects built from the serde dicts of the native module.

Each object keeps the exact dict it was made from, so ``to_dict()`` returns what ``newsgraph extract`` writes, key
for key and in the same order. Attributes are typed views over that dict, converted on first access. Keys that
this version does not know (fields added by a newer core) stay reachable as attributes and in ``to_dict()``.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import FrozenInstanceError
from typing import (
    Any,
    Callable,
    Dict,
    Generic,
    Mapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    overload,
)

T = TypeVar("T")
R = TypeVar("R", bound="Record")

_REPR_TEXT = 40


def _copy(value: Any) -> Any:
    """A deep copy of JSON-like data (dicts, lists, scalars), faster than ``copy.deepcopy``."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _generic(value: Any) -> Any:
    """Wraps data of unknown shape: dicts become ``Record``, lists tuples."""
    if isinstance(value, dict):
        return Record(value)
    if isinstance(value, list):
        return tuple(_generic(v) for v in value)
    return value


class _Field(Generic[T]):
    """A typed, cached, read-only attribute over one key of a record's dict."""

    __slots__ = ("name", "convert")

    def __init__(self, convert: Callable[[Any], T]) -> None:
        self.convert = convert
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: Optional[type] = None) -> "_Field[T]": ...

    @overload
    def __get__(self, obj: "Record", owner: Optional[type] = None) -> T: ...

    def __get__(self, obj: Optional["Record"], owner: Optional[type] = None) -> Any:
        if obj is None:
            return self
        cache = obj._cache
        try:
            return cache[self.name]
        except KeyError:
            value = self.convert(obj._data.get(self.name))
            cache[self.name] = value
            return value


def _value(_tp: Type[T]) -> _Field[T]:
    """A scalar field, as is."""
    return _Field(lambda v: v)


def _optional(_tp: Type[T]) -> _Field[Optional[T]]:
    """A scalar field that may be null."""
    return _Field(lambda v: v)


def _object(cls: Type[R]) -> _Field[Optional[R]]:
    """A nested object that may be null."""
    return _Field(lambda v: None if v is None else cls(v))


def _objects(cls: Type[R]) -> _Field[Tuple[R, ...]]:
    """A list of nested objects, as a tuple."""
    return _Field(lambda v: tuple(cls(x) for x in (v or ())))


def _strings() -> _Field[Tuple[str, ...]]:
    return _Field(lambda v: tuple(v or ()))


def _date() -> _Field[Optional[datetime.date]]:
    return _Field(lambda v: None if v is None else datetime.date.fromisoformat(v))


def _plain() -> _Field[Any]:
    """Free-form data (``meta``): a copy, so the object stays unchanged."""
    return _Field(_copy)


def _short(value: Any) -> str:
    if isinstance(value, str):
        if len(value) > _REPR_TEXT:
            return repr(value[: _REPR_TEXT - 1] + "…")
        return repr(value)
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        if len(value) <= 4 and all(isinstance(v, (str, int, float, bool)) for v in value):
            return repr([v if not isinstance(v, str) or len(v) <= _REPR_TEXT else v[:_REPR_TEXT] for v in value])
        return f"[{len(value)} items]"
    return repr(value)


class Record:
    """Base of every result object: frozen, typed attributes over the serde dict, ``to_dict()``, pickling."""

    __slots__ = ("_data", "_cache")
    _data: Dict[str, Any]
    _cache: Dict[str, Any]

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", data if isinstance(data, dict) else dict(data))
        object.__setattr__(self, "_cache", {})

    def to_dict(self) -> Dict[str, Any]:
        """The object as the dict of the JSON output (a copy): ``json.dumps`` gives the CLI's line."""
        data: Dict[str, Any] = _copy(self._data)
        return data

    def to_json(self) -> str:
        """The object as one line of JSON, as ``newsgraph extract`` writes it."""
        return json.dumps(self._data, ensure_ascii=False, separators=(",", ":"))

    def keys(self) -> Tuple[str, ...]:
        """The keys of the underlying dict, including any this version of the package does not know."""
        return tuple(self._data)

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not declared fields: keys added by a newer core still come through.
        if not name.startswith("_"):
            data = self._data
            if name in data:
                return _generic(data[name])
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}: {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}: {type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._data == other._data)

    def __hash__(self) -> int:
        return hash((type(self).__name__, json.dumps(self._data, sort_keys=True)))

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self._data,))

    def __repr__(self) -> str:
        parts = [f"{k}={_short(v)}" for k, v in self._data.items()]
        return f"{type(self).__name__}({', '.join(parts)})"


class Span(Record):
    """A piece of the text: ``text == document.text[start:end]`` (code points)."""

    __slots__ = ()
    start = _value(int)
    end = _value(int)
    text = _value(str)


class Range(Record):
    """A stretch of the text without its surface (paragraphs, sentences, body): ``document.text[start:end]``."""

    __slots__ = ()
    start = _value(int)
    end = _value(int)


class Title(Record):
    """The article title; ``start``/``end`` are None when it comes from the input record and is not in the text."""

    __slots__ = ()
    start = _optional(int)
    end = _optional(int)
    text = _value(str)


class Paragraph(Range):
    """A paragraph of the body; ``heading`` marks section headings."""

    __slots__ = ()
    heading = _value(bool)


class Sentence(Range):
    """A sentence."""

    __slots__ = ()


class Dateline(Span):
    """The dateline opening the body (``MOSCOW, Apr 23:``), with its place and agency."""

    __slots__ = ()
    place = _optional(str)
    agency = _optional(str)


class Credit(Span):
    """The credit line closing the article (``*With AFP``) and the agencies it names."""

    __slots__ = ()
    agencies = _strings()


class DocumentWarning(Record):
    """Something odd about the input; the text was kept."""

    __slots__ = ()
    kind = _value(str)
    message = _value(str)


class Entity(Span):
    """A named entity mention."""

    __slots__ = ()
    label = _value(str)
    canonical = _value(str)
    cluster = _value(int)
    title = _optional(str)
    affiliation = _optional(str)
    country = _optional(str)


class EntityCluster(Record):
    """One real-world entity of the document: canonical name, label, title, affiliation, country, mentions."""

    __slots__ = ()
    id = _value(int)
    canonical = _value(str)
    label = _value(str)
    title = _optional(str)
    affiliation = _optional(str)
    country = _optional(str)
    mentions = _value(int)


class Cue(Span):
    """The verb or phrase that introduces a quote, with its base form."""

    __slots__ = ()
    lemma = _value(str)


class Speaker(Span):
    """Who said it: the local mention, and the resolved name, title and affiliation."""

    __slots__ = ()
    name = _optional(str)
    cluster = _optional(int)
    title = _optional(str)
    affiliation = _optional(str)


class Quote(Span):
    """A quote (``direct``, ``partial``) or reported speech (``indirect``)."""

    __slots__ = ()
    kind = _value(str)
    cue = _object(Cue)
    speaker = _object(Speaker)
    audience = _object(Span)
    #: The speaker is reported as not saying it ("did not say", "declined to comment").
    negated = _value(bool)


class Interval(Record):
    """Begin and end values of an interval expression."""

    __slots__ = ()
    begin = _optional(str)
    end = _optional(str)


class Timex(Span):
    """A TIMEX3 time expression: ``type`` (DATE, TIME, DURATION, SET), ``value`` and ``mod``."""

    __slots__ = ()
    type = _value(str)
    value = _value(str)
    mod = _optional(str)
    interval = _object(Interval)


class Amount(Span):
    """An amount: value (and upper bound), kind, qualifier, counted object, unit, currency."""

    __slots__ = ()
    value = _value(float)
    value_max = _optional(float)
    kind = _value(str)
    qualifier = _optional(str)
    object = _object(Span)
    unit = _optional(str)
    currency = _optional(str)


class Admin1(Record):
    """A first-level administrative region."""

    __slots__ = ()
    code = _value(str)
    name = _value(str)


class Place(Span):
    """A place mention resolved to GeoNames."""

    __slots__ = ()
    geonameid = _optional(int)
    name = _optional(str)
    feature = _optional(str)
    country = _optional(str)
    admin1 = _object(Admin1)
    lat = _optional(float)
    lon = _optional(float)
    population = _optional(int)
    demonym = _value(bool)
    #: ``literal``, ``metonym`` (``Moscow said``), ``demonym`` (``Russian troops``) or ``embedded`` (``Washington``
    #: in ``The Washington Post``).
    role = _value(str)
    #: ``gazetteer`` (the place itself), ``context`` (a street, building or county GeoNames lacks, with the
    #: approximate coordinates of the place ``near`` it) or None when unresolved.
    resolution = _optional(str)
    #: For ``context`` places: the name of the place whose country, region and coordinates they take.
    near = _optional(str)


class Focus(Record):
    """The countries and places the article is about, most important first."""

    __slots__ = ()
    countries = _strings()
    places = _strings()


class Event(Span):
    """A CAMEO-coded event."""

    __slots__ = ()
    code = _value(str)


class Document(Record):
    """Everything newsgraph found in one article. Offsets are code points into ``text``."""

    __slots__ = ()
    id = _value(str)
    date = _date()
    title = _object(Title)
    dateline = _object(Dateline)
    credit = _object(Credit)
    url = _optional(str)
    source = _optional(str)
    body = _object(Range)
    paragraphs = _objects(Paragraph)
    sentences = _objects(Sentence)
    entities = _objects(Entity)
    entity_clusters = _objects(EntityCluster)
    quotes = _objects(Quote)
    timexes = _objects(Timex)
    amounts = _objects(Amount)
    places = _objects(Place)
    focus = _object(Focus)
    events = _objects(Event)
    warnings = _objects(DocumentWarning)
    meta = _plain()
    text = _value(str)

    def __repr__(self) -> str:
        data = self._data
        counts = ", ".join(
            f"{k}={len(v)}"
            for k, v in data.items()
            if isinstance(v, list) and k not in ("warnings",) and (v or k in _ALWAYS_COUNTED)
        )
        text = data.get("text", "")
        date = data.get("date")
        warnings = f", warnings={len(data['warnings'])}" if data.get("warnings") else ""
        return (
            f"Document(id={data.get('id')!r}, date={date!r}, text={_short(text)} ({len(text):,} chars), "
            f"{counts}{warnings})"
        )

    def _repr_html_(self) -> str:
        """Notebook display: the text with entities, time expressions, amounts and places highlighted."""
        return _html(self._data)


_HTML_COLORS = {"entities": "#cfe8ff", "timexes": "#ffe7b3", "amounts": "#d9f2d0", "places": "#f3d1f4"}
_HTML_LIMIT = 20_000


def _html(data: Dict[str, Any]) -> str:
    """The text with entities, time expressions, amounts and places highlighted (for notebooks)."""
    import html

    text: str = data.get("text", "")
    marks = []
    for kind, color in _HTML_COLORS.items():
        for item in data.get(kind) or ():
            start, end = item.get("start"), item.get("end")
            if isinstance(start, int) and isinstance(end, int) and start < end <= _HTML_LIMIT:
                label = item.get("label") or item.get("type") or item.get("kind") or kind
                marks.append((start, -end, end, color, str(label)))
    marks.sort()
    out, pos = [], 0
    for start, _, end, color, label in marks:
        if start < pos:
            continue  # nested or overlapping: the outer span wins
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<mark style="background:{color}" title="{html.escape(label)}">{html.escape(text[start:end])}</mark>'
        )
        pos = end
    out.append(html.escape(text[pos:_HTML_LIMIT]))
    more = f"<p><i>… {len(text) - _HTML_LIMIT:,} more characters</i></p>" if len(text) > _HTML_LIMIT else ""
    head = html.escape(f"{data.get('id')} · {data.get('date') or 'no date'}")
    return f'<div><b>{head}</b><div style="white-space:pre-wrap">{"".join(out)}</div>{more}</div>'


_ALWAYS_COUNTED = ("paragraphs", "sentences", "entities", "quotes", "timexes", "amounts", "places")


class Article(Record):
    """An input read from a corpus by ``newsgraph.read``: pass it (or many) to ``extract_many``."""

    __slots__ = ()
    id = _value(str)
    text = _value(str)
    date = _date()
    title = _optional(str)
    url = _optional(str)
    source = _optional(str)
    meta = _plain()
    warnings = _objects(DocumentWarning)

    def to_record(self) -> Dict[str, Any]:
        """The JSON Lines record for this article (``meta`` fields back at the top level)."""
        record: Dict[str, Any] = {
            k: v for k, v in self._data.items() if k not in ("meta", "warnings") and v is not None
        }
        record.update(self._data.get("meta") or {})
        copied: Dict[str, Any] = _copy(record)
        return copied

    def __repr__(self) -> str:
        d = self._data
        return f"Article(id={d.get('id')!r}, date={d.get('date')!r}, text={_short(d.get('text', ''))})"


class Failure(Record):
    """An input that failed, in the place of its document: ``{"id", "error": {"kind", "message"}}``."""

    __slots__ = ()
    id = _value(str)

    @property
    def kind(self) -> str:
        """Machine-readable kind (``empty_text``, ``invalid_utf8``, ...)."""
        return str(self._data["error"]["kind"])

    @property
    def message(self) -> str:
        """Human-readable message, naming the input."""
        return str(self._data["error"]["message"])

    @property
    def exception(self) -> Exception:
        """The exception this failure maps to (not raised)."""
        from . import _errors

        return _errors.exception_for(self.kind, self.message)

    def __repr__(self) -> str:
        return f"Failure(id={self.id!r}, kind={self.kind!r}, message={_short(self.message)})"


def from_output(data: Dict[str, Any]) -> "Document | Failure":
    """A ``Document``, or a ``Failure`` for an error record."""
    if "error" in data and "text" not in data:
        return Failure(data)
    return Document(data)
