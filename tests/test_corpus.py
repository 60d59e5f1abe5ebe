"""The note reader measured on the corpora, gated by a ratchet: no figure of any file may drop
below tests/corpus_baseline.json (`python tests/corpus_score.py --raise` writes figures that
went up, and never lowers one)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from corpus_score import DEVELOPMENT, FLOOR, SEALED, baseline, corpus_files, key

from catalogue.parse.contract import notes_json
from catalogue.parse.pipeline import parse_file
from catalogue.parse.scoring import Score, load_expected, score
from catalogue.reference.authority import RepositoryIndex, read_authority
from catalogue.resources import AUTHORITY_FILE

SCHEMA = json.loads((Path(__file__).parent / "notes-parse.schema.json").read_text())
REPOSITORIES = RepositoryIndex(read_authority(AUTHORITY_FILE))


def test_the_corpora_are_not_empty():
    files = corpus_files()
    assert len([f for f in files if f.parent in DEVELOPMENT]) >= 7, "a development corpus went missing"
    for path in files:
        assert load_expected(path), path  # raises on a missing or empty expectation file


def test_every_corpus_file_has_a_baseline():
    assert {key(path) for path in corpus_files()} <= set(baseline()), "run tests/corpus_score.py --raise"


@pytest.fixture(scope="module", params=corpus_files(), ids=key)
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


def test_no_figure_drops_below_its_baseline(parsed):
    path, output = parsed
    result = score(load_expected(path), output, Score(), key(path), REPOSITORIES)
    kept = baseline()[key(path)]
    dropped = {
        name: (value, kept[name])
        for name, value in result.figures().items()
        if name in kept and value < kept[name] - 1e-9
    }
    missing = set(kept) - set(result.figures())
    assert not dropped and not missing, (dropped, missing, result.misses)


@pytest.mark.parametrize("path", [p for p in corpus_files() if p.parent not in SEALED], ids=key)
def test_development_files_keep_the_floor(path):
    """The floor under the ratchet for the files the reader was tuned on (the sealed files
    are an estimate, not a target)."""
    result = score(load_expected(path), notes_json(parse_file(path).notes), Score(), key(path), REPOSITORIES)
    assert result.note_accuracy >= FLOOR["notes"], result.misses
    assert result.accuracy() >= FLOOR["fields"], result.misses
