"""Tables for notebooks (skipped when pandas is not installed)."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import Document

pd = pytest.importorskip("pandas")


def doc_with_items() -> Document:
    """A document with one item of each kind, built from the contract's dict (the extractors may not be there)."""
    text = "Kremlin spokesman Dmitry Peskov said on Thursday that 100,000 troops left Crimea."
    base = newsgraph.extract(text).to_dict()
    base["entities"] = [
        {"start": 18, "end": 31, "text": "Dmitry Peskov", "label": "PERSON", "canonical": "Dmitry Peskov",
         "cluster": 0, "title": "spokesman", "affiliation": "Kremlin", "country": None},
    ]
    base["quotes"] = [
        {"start": 37, "end": 80, "text": text[37:80], "kind": "indirect",
         "cue": {"start": 32, "end": 36, "text": "said", "lemma": "say"},
         "speaker": {"start": 0, "end": 31, "text": text[0:31], "name": "Dmitry Peskov", "cluster": 0,
                     "title": "spokesman", "affiliation": "Kremlin"},
         "audience": None},
    ]
    base["timexes"] = [{"start": 40, "end": 48, "text": "Thursday", "type": "DATE", "value": "2022-02-17",
                        "mod": None, "interval": None}]
    base["amounts"] = [{"start": 54, "end": 68, "text": "100,000 troops", "value": 100000.0, "value_max": None,
                        "kind": "count", "qualifier": None,
                        "object": {"start": 62, "end": 68, "text": "troops"}, "unit": None, "currency": None}]
    base["places"] = [{"start": 74, "end": 80, "text": "Crimea", "geonameid": 703883, "name": "Crimea",
                       "feature": "region", "country": "UA", "admin1": {"code": "UA.11", "name": "Crimea"},
                       "lat": 45.0, "lon": 34.0, "population": 2_000_000}]
    return Document(base)


def test_quotes_table_flattens_speaker_and_cue() -> None:
    df = newsgraph.to_pandas([doc_with_items(), newsgraph.extract("No quotes here.")], "quotes")
    assert len(df) == 1
    row = df.iloc[0]
    assert row["document_id"] == "0"
    assert row["speaker_name"] == "Dmitry Peskov"
    assert row["speaker_title"] == "spokesman"
    assert row["speaker_affiliation"] == "Kremlin"
    assert row["cue_text"] == "said" and row["cue_lemma"] == "say"


@pytest.mark.parametrize("kind", ["entities", "timexes", "amounts", "places"])
def test_one_row_per_item(kind: str) -> None:
    df = newsgraph.to_pandas([doc_with_items()] * 3, kind)
    assert len(df) == 3
    assert list(df.columns[:4]) == ["document_id", "start", "end", "text"]


def test_places_flatten_admin1_and_failures_are_skipped() -> None:
    failure = newsgraph.extract_many([""], errors="return")[0]
    df = newsgraph.to_pandas([failure, doc_with_items()], "places")
    assert df.iloc[0]["admin1_code"] == "UA.11"


def test_empty_table_has_columns() -> None:
    df = newsgraph.to_pandas([newsgraph.extract("Nothing to see.")], "quotes")
    assert len(df) == 0 and "speaker_name" in df.columns


def test_unknown_kind() -> None:
    with pytest.raises(ValueError):
        newsgraph.to_pandas([], "sentiment")
