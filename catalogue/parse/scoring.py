"""Scoring the note reader against expected parses: what `catalogue notes score` prints and
the test suite gates on, file by file and field by field.

An expectation file (``NAME.expected.yml`` beside ``NAME.txt``) lists each note's citations
with only the fields a careful historian would not dispute; ``null`` asserts that a field
must stay empty. Every field is one check; ``via`` is scored key by key (``via.title``,
``via.volume``…); a note scores when it has the right number of citations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..reference.authority import RepositoryIndex, read_authority
from ..text import fold

TEXT_FIELDS = (
    "title",
    "reference_code",
    "repository",
    "locator",
    "place",
    "publisher",
    "container_title",
    "file_title",
)


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def arabic(volume: str) -> str:
    """A volume number in Arabic figures: "XIII" → "13"; anything else as it is."""
    text = str(volume).strip()
    if not text or any(char not in ROMAN for char in text.upper()):
        return text
    values = [ROMAN[char] for char in text.upper()]
    return str(sum(-v if v < w else v for v, w in zip(values, values[1:] + [0], strict=True)))


def same(field_name: str, expected, got, repositories: RepositoryIndex | None = None) -> bool:
    """Whether the reader's value is the expected one, as a historian would compare them:
    volume XIII is volume 13; an archive named by any of its names in the authority is that
    archive ("National Archives of Australia" is NAA)."""
    if expected is None:
        return got in (None, [], "")
    if field_name == "authors":
        return [fold(a) for a in expected] == [fold(a) for a in got or []]
    if field_name.split(".")[-1] == "volume":
        return arabic(expected) == arabic(got or "")
    if field_name == "repository" and repositories is not None and got:
        known = repositories.resolve(str(expected))
        if known is not None and known is repositories.resolve(str(got)):
            return True
    if field_name.split(".")[-1] in TEXT_FIELDS:
        return fold(str(expected)) == fold(str(got or ""))
    return str(expected) == str(got)


@dataclass
class Score:
    notes: int = 0
    notes_with_right_count: int = 0
    fields: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def accuracy(self, name: str | None = None) -> float:
        total = self.fields[name] if name else sum(self.fields.values())
        hits = self.right[name] if name else sum(self.right.values())
        return hits / total if total else 1.0

    @property
    def note_accuracy(self) -> float:
        return self.notes_with_right_count / self.notes if self.notes else 0.0

    def figures(self) -> dict[str, float]:
        """Every figure the ratchet keeps: notes, all fields, and each field."""
        return {
            "notes": round(self.note_accuracy, 4),
            "fields": round(self.accuracy(), 4),
            **{f"field.{name}": round(self.accuracy(name), 4) for name in sorted(self.fields)},
        }


def _checks(citation: dict):
    """(field name, expected value) for every check of one expected citation."""
    for name, value in citation.items():
        if name == "via" and isinstance(value, dict):
            for key, sub in value.items():
                yield f"via.{key}", sub
        else:
            yield name, value


def _value(actual: dict, name: str):
    if name.startswith("via."):
        return (actual.get("via") or {}).get(name[4:])
    return actual.get(name)


def score(
    expected_notes: list[dict],
    parsed: dict,
    result: Score | None = None,
    label: str = "",
    repositories: RepositoryIndex | None = None,
) -> Score:
    """Compare the contract JSON ``parsed`` with the expectations, check by check."""
    result = result or Score()
    by_number = {n["number"]: n for n in parsed["notes"]}
    for expected in expected_notes:
        result.notes += 1
        got = by_number.get(expected["number"], {"citations": []})["citations"]
        wanted = expected["citations"] or []
        if len(got) == len(wanted):
            result.notes_with_right_count += 1
        else:
            result.misses.append(f"{label} n{expected['number']}: {len(got)} citations, expected {len(wanted)}")
        for index, citation in enumerate(wanted):
            actual = got[index] if index < len(got) else {}
            for name, value in _checks(citation):
                result.fields[name] += 1
                if same(name, value, _value(actual, name), repositories):
                    result.right[name] += 1
                else:
                    result.misses.append(
                        f"{label} n{expected['number']}.{index + 1} {name}: "
                        f"expected {value!r}, got {_value(actual, name)!r}"
                    )
    return result


def load_expected(path: Path) -> list[dict]:
    """The expected parse beside a corpus file; an empty or missing one is an error."""
    expected_path = path.with_suffix(".expected.yml")
    if not expected_path.exists():
        raise FileNotFoundError(f"{path}: no expected parse beside it ({expected_path.name})")
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    if not expected:
        raise ValueError(f"{expected_path}: holds no expected note")
    return expected


def corpus_files(folder: Path = Path("tests"), sealed: bool = True) -> tuple[Path, ...]:
    """The corpus files under ``folder``'s subfolders (NAME.txt beside NAME.expected.yml);
    ``sealed=False`` leaves out those in a folder named "sealed"."""
    return tuple(
        sorted(
            path
            for path in folder.glob("*/*.txt")
            if path.with_suffix(".expected.yml").exists() and (sealed or path.parent.name != "sealed")
        )
    )


def read_corpus_file(path: Path, repositories: RepositoryIndex | None = None) -> dict:
    """A corpus file read by the reader, as the notes-parse contract's JSON (the authority is
    read here unless the caller, reading many files, read it once)."""
    from ..resources import AUTHORITY_FILE
    from .contract import notes_json
    from .pipeline import parse_text, read_text

    repositories = repositories or RepositoryIndex(read_authority(AUTHORITY_FILE))
    return notes_json(parse_text(read_text(path), str(path), repositories).notes)


def score_file(path: Path, repositories: RepositoryIndex | None = None) -> Score:
    """Read a corpus file with the reader and score it against its expectations."""
    from ..resources import AUTHORITY_FILE

    repositories = repositories or RepositoryIndex(read_authority(AUTHORITY_FILE))
    return score(load_expected(path), read_corpus_file(path, repositories), Score(), path.stem, repositories)


def training_examples(paths: list[Path], repositories: RepositoryIndex | None = None):
    """(reference text as the reader cut it, expected fields) for every published reference
    read in full in the development corpus files ``paths``, where the reader finds the expected
    number of citations in the note: what the learned stage (parse/learned.py) is trained on.
    A sealed file is refused: it would no longer measure notes the reader has never seen."""
    from ..resources import AUTHORITY_FILE

    repositories = repositories or RepositoryIndex(read_authority(AUTHORITY_FILE))
    for path in paths:
        if path.parent.name == "sealed":
            raise ValueError(f"{path}: a sealed corpus is never trained on")
        expected = {note["number"]: note["citations"] or [] for note in load_expected(path)}
        for note in read_corpus_file(path, repositories)["notes"]:
            wanted = expected.get(note["number"], [])
            if len(wanted) != len(note["citations"]):
                continue
            for citation, got in zip(wanted, note["citations"], strict=True):
                if citation.get("kind") == "published" and citation.get("form") == "full":
                    yield got["text"], citation
