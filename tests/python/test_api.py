"""The Python API: extract, extract_many, read, objects, to_dict, pickling, repr, exceptions, to_pandas."""

from __future__ import annotations

import datetime
import doctest
import json
import pickle
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any, Iterator, Tuple

import pytest

import newsgraph
from newsgraph import Document, Failure

from conftest import EXAMPLES, SHARED

ARTICLE = """ date 2022-02-17 Russia announced on Thursday that it has begun withdrawing troops, “a first step,” Kremlin spokesman Dmitry Peskov told reporters.

Withdrawal details

The Defense Ministry said units were returning to their bases in Crimea.

*With AFP"""


def spans(value: Any, path: str = "") -> Iterator[Tuple[str, dict]]:
    """Every object with integer start/end in a serialized document (generic, so new extractor spans count)."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield path, value
        for k, v in value.items():
            if not (path == "" and k == "text"):
                yield from spans(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from spans(v, f"{path}[{i}]")


def assert_offsets(d: dict) -> int:
    text = d["text"]
    n = 0
    for path, span in spans(d):
        assert 0 <= span["start"] <= span["end"] <= len(text), path
        if isinstance(span.get("text"), str):
            assert text[span["start"] : span["end"]] == span["text"], path
        n += 1
    return n


# -- extract ---------------------------------------------------------------------------------------------------


def test_extract_structure() -> None:
    doc = newsgraph.extract(ARTICLE)
    assert isinstance(doc, Document)
    assert doc.id == "0"
    assert doc.date == datetime.date(2022, 2, 17)
    assert doc.text == ARTICLE
    assert doc.body is not None
    assert doc.text[doc.body.start : doc.body.end].startswith("Russia announced on Thursday")
    headings = [doc.text[p.start : p.end] for p in doc.paragraphs if p.heading]
    assert headings == ["Withdrawal details"]
    assert doc.credit is not None and doc.credit.agencies == ("AFP",)
    assert doc.credit.text == "*With AFP"
    assert len(doc.sentences) >= 2
    for name in ("entities", "entity_clusters", "quotes", "timexes", "amounts", "places", "events", "warnings"):
        assert isinstance(getattr(doc, name), tuple)


def test_extract_date_argument() -> None:
    assert newsgraph.extract("Talks resumed on Monday.", date="2023-05-01").date == datetime.date(2023, 5, 1)
    assert newsgraph.extract("Talks resumed.", date=datetime.date(2023, 5, 2)).date == datetime.date(2023, 5, 2)
    assert newsgraph.extract("Talks resumed.").date is None
    # The marker in the text wins over the argument, with a warning.
    doc = newsgraph.extract(" date 2022-02-17 Talks resumed.", date="2023-05-01")
    assert doc.date == datetime.date(2022, 2, 17)


def test_malformed_marker_is_a_warning() -> None:
    doc = newsgraph.extract("date 2022-13-45 The text is kept.")
    assert doc.date is None
    assert doc.text == "date 2022-13-45 The text is kept."
    assert [w.kind for w in doc.warnings] == ["malformed_date_marker"]


@pytest.mark.parametrize("bad", ["2022-13-45", "17/02/2022", "yesterday", ""])
def test_invalid_date_argument_raises(bad: str) -> None:
    with pytest.raises(newsgraph.InvalidDateError) as info:
        newsgraph.extract("Some text.", date=bad)
    assert isinstance(info.value, newsgraph.NewsgraphError)
    assert bad in str(info.value)


def test_empty_text_raises() -> None:
    for text in ["", "   \n\t  "]:
        with pytest.raises(newsgraph.EmptyTextError):
            newsgraph.extract(text)


def test_extract_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        newsgraph.extract(b"bytes")  # type: ignore[arg-type]


def test_offsets_are_code_points() -> None:
    text = " date 2022-02-17 Zürich – 東京 🇺🇦: “Ça va,” dit-il. Київ responded on Friday.\n\nÉmile Zola wrote.\n\n*With AFP"
    doc = newsgraph.extract(text)
    d = doc.to_dict()
    assert assert_offsets(d) >= 4
    for s in doc.sentences:
        assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]


def test_quotes_say_when_the_speaker_did_not_say_it() -> None:
    doc = newsgraph.extract("Peskov declined to say whether the talks would resume. Lavrov said they would.")
    by_speaker = {q.speaker.text: q for q in doc.quotes if q.speaker is not None}
    assert by_speaker["Peskov"].negated is True
    assert by_speaker["Lavrov"].negated is False
    assert doc.quotes[0].to_dict()["negated"] is True


def test_offsets_of_bundled_examples(example_texts: list) -> None:
    for path in example_texts:
        d = newsgraph.extract(path.read_text(encoding="utf-8")).to_dict()
        assert assert_offsets(d) > 5, path


# -- extract_many ----------------------------------------------------------------------------------------------


def test_extract_many_keeps_input_order() -> None:
    texts = [f"Report {i}: the council met {i} times. " * (1 + i % 5) for i in range(60)]
    for threads in (None, 1, 2):
        docs = newsgraph.extract_many(texts, threads=threads)
        assert [d.id for d in docs] == [str(i) for i in range(60)]
        assert [d.text for d in docs] == texts


def test_extract_many_accepts_records_and_articles(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "First.", "date": "2022-02-17", "url": "https://example.org/a", "lang": "en"},
        {"text": "No id."},
        "Plain text.",
    ]
    docs = newsgraph.extract_many(records)
    assert [d.id for d in docs] == ["a", "1", "2"]
    assert docs[0].date == datetime.date(2022, 2, 17)
    assert docs[0].url == "https://example.org/a"
    assert docs[0].meta == {"lang": "en"}
    articles = [a for a in newsgraph.read(EXAMPLES) if isinstance(a, newsgraph.Article)]
    docs = newsgraph.extract_many(articles)
    assert [d.id for d in docs] == [a.id for a in articles]


def test_extract_many_errors_return() -> None:
    items = ["Fine.", "  ", {"id": "r", "title": "no text"}, {"id": "d", "text": "Kept.", "date": "2022-99-01"}, "End."]
    results = newsgraph.extract_many(items, errors="return")
    assert len(results) == len(items)
    kinds = [r.kind if isinstance(r, Failure) else "ok" for r in results]
    assert kinds == ["ok", "empty_text", "invalid_record", "ok", "ok"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert isinstance(failure.exception, newsgraph.EmptyTextError)
    assert failure.to_dict() == {"id": "1", "error": {"kind": "empty_text", "message": failure.message}}
    # An invalid record date is a warning; the text is kept.
    kept = results[3]
    assert isinstance(kept, Document)
    assert kept.date is None and [w.kind for w in kept.warnings] == ["invalid_date"]


def test_extract_many_errors_raise_after_processing_everything() -> None:
    with pytest.raises(newsgraph.EmptyTextError) as info:
        newsgraph.extract_many(["Fine.", "", "Also fine."])
    results = info.value.results  # type: ignore[attr-defined]
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]


def test_extract_many_argument_errors() -> None:
    with pytest.raises(TypeError):
        newsgraph.extract_many([42])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        newsgraph.extract_many(["x"], threads=0)
    with pytest.raises(ValueError):
        newsgraph.extract_many(["x"], errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(newsgraph.InvalidDateError):
        newsgraph.extract_many(["x"], date="2022-02-30")
    assert newsgraph.extract_many([]) == []


# -- read ------------------------------------------------------------------------------------------------------


def test_read_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "A record."}\n{oops\n', encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"bad \xff byte")
    items = list(newsgraph.read(tmp_path))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Failure", "Failure"]
    assert items[0].id == str(tmp_path / "a.txt")
    assert items[1].id == "x" and items[1].text == "A record."
    assert items[2].id == f"{tmp_path / 'b.jsonl'}:2" and items[2].kind == "invalid_record"
    assert items[3].kind == "invalid_utf8" and "byte offset 4" in items[3].message
    with pytest.raises(newsgraph.InvalidDateError):
        newsgraph.read(tmp_path, date="nope")


def test_read_dates_files_by_name(tmp_path: Path) -> None:
    (tmp_path / "2022-02-17-talks.txt").write_text("The envoys met on Tuesday.", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("The envoys met on Tuesday.", encoding="utf-8")
    dated = list(newsgraph.read(tmp_path, date="2020-01-10", date_from_name=True))
    assert [str(a.date) for a in dated] == ["2022-02-17", "2020-01-10"]
    doc = newsgraph.extract_many(dated)[0]
    assert doc.timexes[0].value == "2022-02-15"
    assert [a.date for a in newsgraph.read(tmp_path)] == [None, None]


# -- objects ---------------------------------------------------------------------------------------------------


def test_objects_are_frozen() -> None:
    doc = newsgraph.extract(ARTICLE)
    with pytest.raises(FrozenInstanceError):
        doc.id = "other"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        doc.paragraphs[0].heading = True  # type: ignore[misc]
    # to_dict returns a copy: changing it leaves the document as it was.
    d = doc.to_dict()
    d["paragraphs"].clear()
    assert len(doc.paragraphs) > 0 and doc.to_dict() != d


def test_unknown_fields_come_through() -> None:
    data = newsgraph.extract(ARTICLE).to_dict()
    data["sentiment"] = {"score": 0.5, "label": "neutral"}
    data["paragraphs"][0]["language"] = "en"
    doc = Document(data)
    assert doc.sentiment.score == 0.5  # type: ignore[attr-defined]
    assert doc.paragraphs[0].language == "en"  # type: ignore[attr-defined]
    assert doc.to_dict() == data
    with pytest.raises(AttributeError):
        doc.no_such_field  # type: ignore[attr-defined]  # noqa: B018


def test_pickling_round_trip() -> None:
    doc = newsgraph.extract(ARTICLE)
    for obj in [doc, doc.paragraphs[0], doc.credit, newsgraph.extract_many([""], errors="return")[0]]:
        copy = pickle.loads(pickle.dumps(obj))
        assert copy == obj and type(copy) is type(obj)
        assert copy.to_dict() == obj.to_dict()


def test_repr_is_readable_and_truncated() -> None:
    doc = newsgraph.extract(ARTICLE * 3)
    r = repr(doc)
    assert r.startswith("Document(id='0', date='2022-02-17', text=")
    assert "…" in r and len(r) < 400
    assert f"paragraphs={len(doc.paragraphs)}" in r and f"sentences={len(doc.sentences)}" in r
    assert f"quotes={len(doc.quotes)}" in r and f"entities={len(doc.entities)}" in r
    assert repr(doc.paragraphs[0]).startswith("Paragraph(start=")
    assert repr(doc.credit) == "Credit(start={}, end={}, text='*With AFP', agencies=['AFP'])".format(
        doc.credit.start, doc.credit.end  # type: ignore[union-attr]
    )


def test_hash_and_equality() -> None:
    a = newsgraph.extract(ARTICLE)
    b = newsgraph.extract(ARTICLE)
    assert a == b and hash(a) == hash(b)
    assert a != newsgraph.extract(ARTICLE + " More.")
    assert len({a.paragraphs[0], b.paragraphs[0]}) == 1


# -- exceptions ------------------------------------------------------------------------------------------------


def test_every_error_kind_has_an_exception() -> None:
    from newsgraph._errors import EXCEPTIONS

    assert set(EXCEPTIONS) == {
        "invalid_utf8", "empty_text", "invalid_date", "invalid_record", "binary", "io", "eval_data",
    }
    for kind, cls in EXCEPTIONS.items():
        assert issubclass(cls, newsgraph.NewsgraphError), kind
        assert getattr(newsgraph, cls.__name__) is cls
    assert issubclass(newsgraph.NewsgraphError, Exception)


# -- package ---------------------------------------------------------------------------------------------------


def test_public_names_and_version() -> None:
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name
    assert newsgraph.__version__.count(".") == 2


def test_docstring_examples_run() -> None:
    failures, tried = doctest.testmod(newsgraph, verbose=False)
    assert tried > 0 and failures == 0


def test_shared_example_article() -> None:
    path = SHARED / "examples" / "articles" / "2022-02-17-russia-withdrawal.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    doc = newsgraph.extract(path.read_text(encoding="utf-8"))
    assert doc.date == datetime.date(2022, 2, 17)
    assert [doc.text[p.start : p.end] for p in doc.paragraphs if p.heading] == [
        "Announcement of withdrawal", "Ukraine does not believe in withdrawal", "Dialog sketch",
    ]
    assert doc.credit is not None and doc.credit.agencies == ("AFP",)
    assert len(doc.paragraphs) >= 25
    assert_offsets(doc.to_dict())
    json.dumps(doc.to_dict())


def test_extract_many_of_a_corpus_keeps_read_failures_in_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe broken")
    (tmp_path / "c.txt").write_text("Third article.", encoding="utf-8")
    results = newsgraph.extract_many(newsgraph.read(tmp_path), errors="return")
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    assert results[1].kind == "invalid_utf8"  # type: ignore[union-attr]


def test_notebook_html_highlights_items_and_escapes_text() -> None:
    data = newsgraph.extract("Tom & Jerry <met> in Paris on Monday.").to_dict()
    data["places"] = [{"start": 21, "end": 26, "text": "Paris", "geonameid": 2988507, "name": "Paris",
                       "feature": "city", "country": "FR", "admin1": None, "lat": 48.85, "lon": 2.35,
                       "population": 2138551}]
    html = Document(data)._repr_html_()
    # Text is escaped inside and outside the highlighted spans ("Tom & Jerry" is an entity).
    assert "Tom &amp; Jerry" in html and "&lt;met&gt;" in html and "<met>" not in html
    assert ">Paris</mark>" in html


def test_record_warnings_survive_read_then_extract_many(tmp_path: Path, cli) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "w", "text": "Kept.", "date": "2022-02-30"}\n', encoding="utf-8")
    (article,) = newsgraph.read(path)
    assert [w.kind for w in article.warnings] == ["invalid_date"]  # type: ignore[union-attr]
    (doc,) = newsgraph.extract_many([article])
    (line,) = cli("extract", "--quiet", str(path)).stdout.splitlines()
    assert doc.to_dict() == json.loads(line)
    assert [w.kind for w in doc.warnings] == ["invalid_date"]
