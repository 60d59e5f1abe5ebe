"""The repository authority file: reading and validating it, and matching names against it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .curated import read_records
from .records import RepositoryRecord
from .text import fold, fold_chars, strip_accents


def read_authority(path: Path) -> list[RepositoryRecord]:
    """Read and validate the repository authority file; every problem reported with its line."""
    return read_records(path, RepositoryRecord, "repositories",
                        names_of=lambda r: [n.name for n in r.all_names()], label_of=lambda r: r.acronym)


@dataclass(frozen=True)
class RepositoryMention:
    """A repository named inside a text: where, as written, and which entry it is."""

    span: tuple[int, int]
    as_written: str
    record: RepositoryRecord


def _acronym_pattern(acronym: str, any_case: bool = False) -> str:
    """ "VNA 3" → matches "VNA 3", "VNA3", "V.N.A. 3"; case-sensitive unless ``any_case``,
    whole words."""
    chars = [f"[{c}{c.swapcase()}]" if any_case and c.isalpha() else re.escape(c) for c in acronym if c.isalnum()]
    return r"[.\s]?".join(chars) + r"\.?"


# Acronyms also read in lower case or small caps ("shd", "caom", "s.h.d."): those of three
# letters or more that are not words of their own in the languages footnotes are written in.
LOWER_CASE_WORDS = frozenset({"pro", "gar", "ici", "dans", "les", "des", "une", "and", "the", "for", "non", "arc",
                              "cao", "lam", "tan", "han", "hoa", "con", "nam", "dan", "sun"})


# An acronym in lower or mixed case counts only where a citation names an archive: before
# the comma, slash, colon or bracket that leads to its reference code ("shd, GR 10 H"), or at
# the end, never inside running prose ("Cac so lieu" is Vietnamese, not the CAC).
CITED_ARCHIVE_FOLLOWS = r"(?=\s*[,;:/(]|\s*$)"


def _reads_in_lower_case(acronym: str) -> bool:
    letters = "".join(c for c in acronym if c.isalnum())
    return len(letters) >= 3 and letters.isascii() and letters.casefold() not in LOWER_CASE_WORDS


def _name_pattern(name: str) -> str:
    """A name as a pattern on folded text: any punctuation or spacing between its words."""
    words = re.findall(r"\w+", strip_accents(name).casefold())
    return r"[\W_]*".join(re.escape(w) for w in words)


class RepositoryIndex:
    """Matches a repository as a citation names it to the authority entry, by any of its names.

    Matching is on the folded name (accents, case, spacing and punctuation ignored), so
    "VNA 3", "VNA3" and "Trung Tâm Lưu Trữ Quốc Gia III" all find the same repository.
    Acronyms inside running text match case-sensitively, so "AN" is not "an".
    """

    def __init__(self, records: Iterable[RepositoryRecord]):
        self.records = list(records)
        self._by_key = {fold(n.name): r for r in self.records for n in r.all_names()}
        acronyms, names = {}, {}
        for record in self.records:
            for name in record.all_names():
                if name.type in ("acronym", "former_acronym"):
                    acronyms[_acronym_pattern(name.name)] = record
                    if _reads_in_lower_case(name.name):  # "shd, GR 10 H 148", "caom (Aix)": as a citation names it
                        acronyms[_acronym_pattern(name.name, any_case=True) + CITED_ARCHIVE_FOLLOWS] = record
                else:
                    first = (re.findall(r"\w+", strip_accents(name.name).casefold()) or [""])[0]
                    names.setdefault(first, {})[_name_pattern(name.name)] = record
        self._acronyms = self._compile(acronyms, 0)
        # Names grouped by their first word: a text is only searched for the names whose first
        # word it holds (one alternation of every name costs a millisecond a note).
        self._names = [(first, *self._compile(group, 0)) for first, group in sorted(names.items())]
        self._found: dict[str, list[RepositoryMention]] = {}

    @staticmethod
    def _compile(patterns: dict[str, RepositoryRecord], flags: int):
        ordered = sorted(patterns, key=len, reverse=True)
        if not ordered:
            return None, []
        alternation = "|".join(f"(?P<n{i}>{p})" for i, p in enumerate(ordered))
        regex = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", flags)
        return regex, [patterns[p] for p in ordered]

    def resolve(self, name: str) -> RepositoryRecord | None:
        return self._by_key.get(fold(name))

    def find_in(self, text: str) -> list[RepositoryMention]:
        """Every repository named in ``text``, left to right, longest match first."""
        if text not in self._found:
            if len(self._found) > 10_000:
                self._found.clear()
            self._found[text] = self._find_in(text)
        return list(self._found[text])

    def _find_in(self, text: str) -> list[RepositoryMention]:
        """Names first (leftmost, then longest), then acronyms where no name was found."""
        folded = fold_chars(text)
        candidates = []
        for first, regex, records in self._names:
            if first in folded:
                candidates += [(m.start(), -(m.end() - m.start()), m.end(), records[int(m.lastgroup[1:])])
                               for m in regex.finditer(folded)]
        found: list[RepositoryMention] = []
        for start, _, end, record in sorted(candidates, key=lambda c: (c[0], c[1])):
            if not any(start < m.span[1] and m.span[0] < end for m in found):
                found.append(RepositoryMention((start, end), text[start:end], record))
        regex, records = self._acronyms
        if regex is not None:
            for match in regex.finditer(text):
                start, end = match.span()
                if any(start < m.span[1] and m.span[0] < end for m in found):
                    continue
                found.append(RepositoryMention((start, end), text[start:end], records[int(match.lastgroup[1:])]))
        return sorted(found, key=lambda m: m.span)

    def __len__(self) -> int:
        return len(self.records)
