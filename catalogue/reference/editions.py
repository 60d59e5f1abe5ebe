"""Printed document editions (FRUS, DDF, Văn kiện Đảng toàn tập…), read from reference/editions.yml.

The note reader asks whether a citation opens with an edition's name, so that
"Foreign Relations, 1952–1954, vol. XIII, p. 420" is read as a volume of FRUS and not as a
work by an author called "Foreign Relations":

    >>> EDITIONS.opening("Foreign Relations, 1952–1954, vol. XIII, pp. 1011–1012")
    'Foreign Relations, 1952–1954'
    >>> EDITIONS.opening("Foreign Affairs, 12 (1950)") is None
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from ..resources import EDITIONS_FILE

# The years a volume covers, right after the edition's name: "Foreign Relations, 1952–1954".
VOLUME_YEARS = r"(?:,?\s*(?:1[89]|20)\d\d(?:\s*[–-]\s*(?:(?:1[89]|20)\d\d|\d\d))?(?![\d]))?"


@dataclass(frozen=True)
class Edition:
    title: str
    names: tuple[str, ...]
    country: str | None = None
    source: str | None = None


def read_editions(path: Path = EDITIONS_FILE) -> list[Edition]:
    """The editions of the YAML file; a malformed entry is an error naming the file and entry."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    editions = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("title") or not entry.get("names"):
            raise ValueError(f"{path}: entry {number}: an edition needs a title and names")
        editions.append(Edition(entry["title"], tuple(entry["names"]), entry.get("country"), entry.get("source")))
    return editions


class EditionIndex:
    def __init__(self, path: Path = EDITIONS_FILE):
        self.path = path

    @cached_property
    def _opening(self) -> re.Pattern[str]:
        names = sorted({n for e in read_editions(self.path) for n in e.names}, key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        return re.compile(rf"[*“\"]?(?:{alternation})[*”\"]?(?![\w]){VOLUME_YEARS}", re.IGNORECASE)

    def opening(self, text: str) -> str | None:
        """The edition's name (with the years of the volume) a citation opens with, else None."""
        match = self._opening.match(text)
        return match.group(0).strip('*“”" ,') if match else None


EDITIONS = EditionIndex()
