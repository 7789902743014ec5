"""Tables for notebooks: one row per extracted item, pandas imported only when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]

    from ._model import Document, Failure

#: Columns of an empty table, so that code selecting columns works on documents without items.
_COLUMNS: Dict[str, List[str]] = {
    "entities": ["start", "end", "text", "label", "canonical", "cluster", "title", "affiliation", "country"],
    "quotes": [
        "start", "end", "text", "kind", "cue_start", "cue_end", "cue_text", "cue_lemma", "speaker_start",
        "speaker_end", "speaker_text", "speaker_name", "speaker_cluster", "speaker_title", "speaker_affiliation",
        "audience_start", "audience_end", "audience_text", "negated",
    ],
    "timexes": ["start", "end", "text", "type", "value", "mod", "interval_begin", "interval_end"],
    "amounts": [
        "start", "end", "text", "value", "value_max", "kind", "qualifier", "object_start", "object_end",
        "object_text", "unit", "currency",
    ],
    "places": [
        "start", "end", "text", "geonameid", "name", "feature", "country", "admin1_code", "admin1_name", "lat",
        "lon", "population", "demonym", "role", "resolution", "near",
    ],
}

KINDS = tuple(_COLUMNS)


def _flatten(item: Dict[str, Any]) -> Dict[str, Any]:
    """Nested objects (speaker, cue, admin1...) become prefixed columns: ``speaker_name``, ``cue_text``."""
    row: Dict[str, Any] = {}
    for key, value in item.items():
        if isinstance(value, dict):
            for k, v in value.items():
                row[f"{key}_{k}"] = v
        else:
            row[key] = value
    return row


def to_pandas(docs: "Iterable[Document | Failure]", kind: str) -> "pandas.DataFrame":
    """A ``pandas.DataFrame`` of one kind of item (``"entities"``, ``"quotes"``, ``"timexes"``, ``"amounts"``,
    ``"places"``), one row per item, with the document's id in ``document_id``. Nested objects are flattened into
    prefixed columns (a quote's ``speaker_name``, ``speaker_title``, ``speaker_affiliation``, ``cue_text``...).
    Failures are skipped. pandas is imported here, not when newsgraph is."""
    if kind not in _COLUMNS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}; got {kind!r}")
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("newsgraph.to_pandas needs pandas: pip install pandas") from e
    from ._model import Document

    rows: List[Dict[str, Any]] = []
    for doc in docs:
        if not isinstance(doc, Document):
            continue
        data = doc._data
        for item in data.get(kind) or ():
            row = {"document_id": data.get("id")}
            row.update(_flatten(item))
            rows.append(row)
    columns = ["document_id"] + _COLUMNS[kind]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows)
    # Known columns first, in contract order; new fields from a newer core after them.
    ordered = [c for c in columns if c in frame.columns] + [c for c in frame.columns if c not in columns]
    return frame[ordered]
