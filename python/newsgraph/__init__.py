"""newsgraph: turn news articles into data an analyst can trust.

Entities with titles and affiliations, quotes with their speakers, TIMEX3 time expressions, amounts and places,
with every span's ``start``/``end`` in code points into the exact input text (``doc.text[start:end]``).

>>> import newsgraph
>>> doc = newsgraph.extract(" date 2022-02-17 Russia announced on Thursday that troops are leaving.")
>>> doc.date
datetime.date(2022, 2, 17)
>>> doc.text[doc.body.start:doc.body.end][:6]
'Russia'
"""

from __future__ import annotations

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Union, overload

from . import _native
from ._errors import EXCEPTIONS, exception_for
from ._model import (
    Admin1,
    Amount,
    Article,
    Credit,
    Cue,
    Dateline,
    Document,
    DocumentWarning,
    Entity,
    EntityCluster,
    Event,
    Failure,
    Focus,
    Interval,
    Paragraph,
    Place,
    Quote,
    Range,
    Record,
    Sentence,
    Span,
    Speaker,
    Timex,
    Title,
    from_output,
)
from ._native import (
    BinaryFileError,
    EmptyTextError,
    EvalDataError,
    InvalidDateError,
    InvalidRecordError,
    InvalidUtf8Error,
    IoError,
    NewsgraphError,
)
from ._pandas import to_pandas

__version__: str = _native.__version__

__all__ = [
    "__version__",
    "extract",
    "extract_many",
    "read",
    "to_pandas",
    "Document",
    "Failure",
    "Article",
    "Record",
    "Span",
    "Range",
    "Title",
    "Paragraph",
    "Sentence",
    "Dateline",
    "Credit",
    "DocumentWarning",
    "Entity",
    "EntityCluster",
    "Quote",
    "Cue",
    "Speaker",
    "Timex",
    "Interval",
    "Amount",
    "Place",
    "Admin1",
    "Focus",
    "Event",
    "NewsgraphError",
    "InvalidUtf8Error",
    "EmptyTextError",
    "InvalidDateError",
    "InvalidRecordError",
    "BinaryFileError",
    "IoError",
    "EvalDataError",
]

DateLike = Union[str, datetime.date, None]
Item = Union[str, Mapping[str, Any], Article, Failure]


def _date_arg(date: DateLike) -> Optional[str]:
    if date is None or isinstance(date, str):
        return date
    if isinstance(date, datetime.date):
        return date.isoformat()
    raise InvalidDateError(f"invalid date {date!r}: expected YYYY-MM-DD or datetime.date")


def extract(text: str, date: DateLike = None, *, id: str = "0") -> Document:
    """Extracts everything from one article.

    ``text`` may start with a ``date YYYY-MM-DD`` marker (the corpus format); ``date`` (a ``YYYY-MM-DD`` string or
    ``datetime.date``) applies when it does not. Raises ``InvalidDateError`` for an invalid ``date`` and
    ``EmptyTextError`` for empty or whitespace-only text.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return Document(_native.extract(text, _date_arg(date), id))


def _item(item: Item) -> Union[str, Dict[str, Any]]:
    if isinstance(item, str):
        return item
    if isinstance(item, Article):
        return item.to_record()
    if isinstance(item, Mapping):
        return dict(item)
    raise TypeError(f"expected a str, a record dict or an Article, got {type(item).__name__}")


def _result(item: Item, data: Dict[str, Any]) -> Union[Document, Failure]:
    """The document of one input; an ``Article``'s record warnings go first, as the CLI writes them."""
    if isinstance(item, Article) and "warnings" in data and item._data.get("warnings"):
        data["warnings"] = list(item._data["warnings"]) + data["warnings"]
    return from_output(data)


@overload
def extract_many(
    items: Iterable[Item],
    threads: Optional[int] = None,
    *,
    date: DateLike = None,
    errors: Literal["raise"] = "raise",
) -> List[Document]: ...


@overload
def extract_many(
    items: Iterable[Item],
    threads: Optional[int] = None,
    *,
    date: DateLike = None,
    errors: Literal["return"],
) -> List[Union[Document, Failure]]: ...


def extract_many(
    items: Iterable[Item],
    threads: Optional[int] = None,
    *,
    date: DateLike = None,
    errors: Literal["raise", "return"] = "raise",
) -> Union[List[Document], List[Union[Document, Failure]]]:
    """Extracts many articles in parallel (the GIL is released), one result per input, in input order.

    Each item is a text (its id is its index, ``"0"``, ``"1"``, ...), a record dict ``{"id"?, "text", "date"?,
    "title"?, "url"?, "source"?, ...}`` (other keys go to ``meta``), or an ``Article`` (or ``Failure``) from
    ``read``, so that ``extract_many(read(paths))`` processes a corpus. ``threads``
    sets the number of worker threads (default: one per core); ``date`` applies to articles with no date of their
    own.

    Every input is processed even when some fail. With ``errors="raise"`` (the default), if any input failed, the
    exception of the first failure is raised after all are done; its ``results`` attribute holds the full list
    (``Document`` or ``Failure`` per input), so nothing is lost. With ``errors="return"``, failures are returned as
    ``Failure`` objects in their place.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    if threads is not None and threads < 1:
        raise ValueError("threads must be at least 1")
    items = list(items)
    # Failures from ``read`` stay in their place; everything else goes to the native batch.
    todo = [_item(i) for i in items if not isinstance(i, Failure)]
    done = iter(_native.extract_many(todo, threads, _date_arg(date)))
    results = [i if isinstance(i, Failure) else _result(i, next(done)) for i in items]
    if errors == "raise":
        for r in results:
            if isinstance(r, Failure):
                exc = r.exception
                exc.results = results  # type: ignore[attr-defined]
                raise exc
    return results


def read(
    paths: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]],
    date: DateLike = None,
    date_from_name: bool = False,
) -> Iterator[Union[Article, Failure]]:
    """Iterates over a corpus lazily: files, directories (recursive, sorted: ``.txt``, ``.jsonl``, ``.json`` and
    their ``.gz``), ``"-"`` for stdin. Yields an ``Article`` per input, or a ``Failure`` for an input that cannot be
    read (invalid UTF-8, malformed JSON line, binary or unreadable file). ``date`` dates articles whose text marker
    and record give none; ``date_from_name=True`` first tries a ``YYYY-MM-DD`` (or ``YYYYMMDD``) in a plain-text
    file's name."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    # Arguments are checked now (an invalid date raises here); the corpus is read as the iterator advances.
    reader = _native.read([os.fspath(p) for p in paths], _date_arg(date), date_from_name)
    return (Failure(d) if "error" in d and "text" not in d else Article(d) for d in reader)


# Referenced so linters see them used; they are part of the public API through __all__.
_ = (EXCEPTIONS, exception_for)
