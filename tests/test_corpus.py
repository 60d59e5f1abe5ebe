"""The note parser measured on hand-written notes in four styles (tests/corpus/)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from catalogue.reading import parse_file
from catalogue.parse.contract import notes_json
from corpus_score import Score, corpus_files, load_expected, score

SCHEMA = json.loads((Path(__file__).parent / "notes-parse.schema.json").read_text())


@pytest.fixture(scope="module", params=corpus_files(), ids=lambda p: p.stem)
def parsed(request):
    return request.param, notes_json(parse_file(request.param).notes)


def test_output_meets_the_contract(parsed):
    _, output = parsed
    jsonschema.Draft7Validator(SCHEMA).validate(output)
    for note in output["notes"]:
        spans = sorted(c["span"] for c in note["citations"])
        outside, position = [], 0
        for start, end in spans:
            assert position <= start <= end <= len(note["text"])
            outside.append(note["text"][position:start])
            position = end
        outside.append(note["text"][position:])
        assert "".join(outside) == note["residue"]


def test_every_note_is_read(parsed):
    path, output = parsed
    expected = load_expected(path)
    assert [n["number"] for n in output["notes"]] == [n["number"] for n in expected]


def test_fields_match_what_a_careful_reader_expects(parsed):
    path, output = parsed
    result = score(load_expected(path), output, Score(), path.stem)
    assert result.notes_with_right_count / result.notes >= 0.9, result.misses
    assert result.accuracy("kind") >= 0.85, result.misses
    assert result.accuracy() >= 0.85, result.misses
