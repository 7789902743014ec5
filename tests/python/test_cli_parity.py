"""The CLI and Python give identical JSON from the same serde code, and both validate against the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph

from conftest import EXAMPLES, ROOT


def cli_lines(cli, *args: str) -> list:
    result = cli("extract", "--quiet", *args)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()


def test_to_dict_equals_cli_json_for_texts(cli, example_texts: list) -> None:
    for path in example_texts:
        rel = str(path.relative_to(ROOT))
        (line,) = cli_lines(cli, rel)
        doc = newsgraph.extract(path.read_text(encoding="utf-8"), id=rel)
        assert doc.to_dict() == json.loads(line), rel
        # Byte for byte, with the CLI's compact, non-ASCII-escaping layout.
        assert doc.to_json() == line, rel


def test_to_dict_equals_cli_json_for_records(cli) -> None:
    path = EXAMPLES / "briefs.jsonl"
    lines = cli_lines(cli, str(path.relative_to(ROOT)))
    records = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    docs = newsgraph.extract_many(records)
    assert [d.to_dict() for d in docs] == [json.loads(l) for l in lines]


def test_error_records_match(cli, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   ", encoding="utf-8")
    (line,) = cli_lines(cli, str(tmp_path / "empty.txt"))
    failure = newsgraph.extract_many([{"id": str(tmp_path / "empty.txt"), "text": "   "}], errors="return")[0]
    assert failure.to_dict() == json.loads(line)


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_cli_output_validates_against_the_schema(cli, validator, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"caf\xff")
    (bad / "b.txt").write_text("", encoding="utf-8")
    (bad / "c.jsonl").write_text("{nope\n", encoding="utf-8")
    (bad / "d.txt").write_text("date 2022-13-45 Kept.", encoding="utf-8")
    lines = cli_lines(cli, str(EXAMPLES), str(bad))
    assert len(lines) >= 9
    kinds = set()
    for line in lines:
        obj = json.loads(line)
        validator.validate(obj)
        kinds.add("error" if "error" in obj else "document")
    assert kinds == {"error", "document"}


def test_schema_rejects_broken_output(validator) -> None:
    doc = newsgraph.extract("The talks ended on Friday.").to_dict()
    validator.validate(doc)
    for key in ("id", "paragraphs", "quotes", "warnings", "text"):
        broken = dict(doc)
        del broken[key]
        assert not validator.is_valid(broken), key
    broken = dict(doc, paragraphs=[{"start": -1, "end": 3, "heading": False}])
    assert not validator.is_valid(broken)


def test_shared_example_matches(cli) -> None:
    path = ROOT.parent / "shared" / "examples" / "articles" / "2022-02-17-russia-withdrawal.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    (line,) = cli_lines(cli, str(path))
    assert newsgraph.extract(path.read_text(encoding="utf-8"), id=str(path)).to_json() == line
