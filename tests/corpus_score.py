"""Scoring the note parser against the hand-written corpus in tests/corpus/."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from catalogue.text import fold

HERE = Path(__file__).resolve().parent
CORPORA = (HERE / "corpus", HERE / "heldout", HERE / "heldout2")  # heldout*/ written apart from the parser


def corpus_files() -> list[Path]:
    return sorted(path for folder in CORPORA for path in folder.glob("*.txt"))


def same(field_name: str, expected, got) -> bool:
    if expected is None:
        return got in (None, [], "")
    if field_name == "authors":
        return [fold(a) for a in expected] == [fold(a) for a in got or []]
    if field_name == "via":
        return got is not None and fold(str(expected.get("title", ""))) == fold(str(got.get("title") or ""))
    if field_name in ("title", "reference_code", "repository", "locator", "place", "publisher",
                      "container_title", "file_title"):
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


def score(expected_notes: list[dict], parsed: dict, score: Score | None = None, label: str = "") -> Score:
    """Compare the contract JSON ``parsed`` with the expectations, field by field."""
    score = score or Score()
    by_number = {n["number"]: n for n in parsed["notes"]}
    for expected in expected_notes:
        score.notes += 1
        got = by_number.get(expected["number"], {"citations": []})["citations"]
        wanted = expected["citations"] or []
        if len(got) == len(wanted):
            score.notes_with_right_count += 1
        else:
            score.misses.append(f"{label} n{expected['number']}: {len(got)} citations, expected {len(wanted)}")
        for index, citation in enumerate(wanted):
            actual = got[index] if index < len(got) else {}
            for name, value in citation.items():
                score.fields[name] += 1
                if same(name, value, actual.get(name)):
                    score.right[name] += 1
                else:
                    score.misses.append(f"{label} n{expected['number']}.{index + 1} {name}: "
                                        f"expected {value!r}, got {actual.get(name)!r}")
    return score


def load_expected(path: Path) -> list[dict]:
    return yaml.safe_load(path.with_suffix(".expected.yml").read_text(encoding="utf-8"))
