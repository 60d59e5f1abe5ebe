"""The repository authority file: reading and validating it, and matching names against it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import RepositoryRecord
from ..text import fold, fold_chars, strip_accents
from .curated import read_records


def read_authority(path: Path) -> list[RepositoryRecord]:
    """Read and validate the repository authority file; every problem reported with its line."""
    return read_records(
        path,
        RepositoryRecord,
        "repositories",
        names_of=lambda r: [n.name for n in r.all_names()],
        label_of=lambda r: r.acronym,
    )


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
LOWER_CASE_WORDS = frozenset(
    {
        "pro",
        "gar",
        "ici",
        "dans",
        "les",
        "des",
        "une",
        "and",
        "the",
        "for",
        "non",
        "arc",
        "cao",
        "lam",
        "tan",
        "han",
        "hoa",
        "con",
        "nam",
        "dan",
        "sun",
    }
)


# An acronym in lower or mixed case counts only where a citation names an archive: before
# the comma, slash, colon or bracket that leads to its reference code ("shd, GR 10 H"), or at
# the end, never inside running prose ("Cac so lieu" is Vietnamese, not the CAC).
CITED_ARCHIVE_FOLLOWS = r"(?=\s*[,;:/(]|\s*$)"
WORD = re.compile(r"\w+")
SURNAME_FOLLOWS = re.compile(r"\s?[A-Z][a-z]")


def _reads_in_lower_case(acronym: str) -> bool:
    letters = "".join(c for c in acronym if c.isalnum())
    return len(letters) >= 3 and letters.isascii() and letters.casefold() not in LOWER_CASE_WORDS


def _opening_letters(acronym: str, any_case: bool = False) -> frozenset[str]:
    """The characters an :func:`_acronym_pattern` match can open with: "V" for "VNA 3",
    "s" and "S" for "SHD" read in any case."""
    first = next((c for c in acronym if c.isalnum()), "")
    return frozenset({first, first.swapcase()} if any_case and first.isalpha() else {first})


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
        acronyms: dict[str, RepositoryRecord] = {}
        openings: dict[str, frozenset[str]] = {}
        names: dict[str, dict[str, RepositoryRecord]] = {}
        for record in self.records:
            for name in record.all_names():
                if name.type in ("acronym", "former_acronym"):
                    as_written = _acronym_pattern(name.name)
                    acronyms[as_written], openings[as_written] = record, _opening_letters(name.name)
                    if _reads_in_lower_case(name.name):  # "shd, GR 10 H 148", "caom (Aix)": as a citation names it
                        any_case = _acronym_pattern(name.name, any_case=True) + CITED_ARCHIVE_FOLLOWS
                        acronyms[any_case], openings[any_case] = record, _opening_letters(name.name, any_case=True)
                else:
                    first = (re.findall(r"\w+", strip_accents(name.name).casefold()) or [""])[0]
                    names.setdefault(first, {})[_name_pattern(name.name)] = record
        self._acronyms = _AcronymFinder(acronyms, openings)
        # Names grouped by their first word: a text is only searched for the names whose first
        # word it holds (one alternation of every name costs a millisecond a note).
        self._names = [(first, *_compile_names(first, group)) for first, group in sorted(names.items())]
        # And looked up by the first two letters of that word: only the groups whose first word
        # opens like a word of the text are looked at (testing each of 170 first words against
        # the text costs more than the search itself).
        self._names_by_opening: dict[str, list[int]] = {}
        for index, (first, _, _) in enumerate(self._names):
            self._names_by_opening.setdefault(first[:2], []).append(index)
        self._found: dict[str, list[RepositoryMention]] = {}

    def resolve(self, name: str) -> RepositoryRecord | None:
        return self._by_key.get(fold(name))

    def with_abbreviations(self, abbreviations: dict[str, RepositoryRecord]) -> RepositoryIndex:
        """This index, also knowing a citing work's own abbreviations ("Nationaal Archief, The
        Hague (hereafter NA)": NA is that archive in the notes that follow)."""
        return AbbreviatedIndex(self, abbreviations) if abbreviations else self

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
        for index in self._name_groups_opening(folded):
            first, regex, records = self._names[index]
            if first in folded:
                candidates += [
                    (m.start(), -(m.end() - m.start()), m.end(), _record_matched(m, records))
                    for m in regex.finditer(folded)
                ]
        found: list[RepositoryMention] = []
        for start, _, end, record in sorted(candidates, key=lambda c: (c[0], c[1])):
            if not any(start < m.span[1] and m.span[0] < end for m in found):
                found.append(RepositoryMention((start, end), text[start:end], record))
        for start, end, record in self._acronyms.finditer(text):
            if not any(start < m.span[1] and m.span[0] < end for m in found):
                found.append(RepositoryMention((start, end), text[start:end], record))
        return sorted(found, key=lambda m: m.span)

    def _name_groups_opening(self, folded: str) -> list[int]:
        """The name groups, in order, whose first word may open a word of ``folded``: a name
        is only found where a word starts with it, so that word opens with the same one or
        two letters."""
        openings = {""}
        for word in WORD.findall(folded):
            openings.update((word[:1], word[:2]))
        return sorted(index for opening in openings for index in self._names_by_opening.get(opening, ()))

    def __len__(self) -> int:
        return len(self.records)


def _compile(patterns: dict[str, RepositoryRecord]) -> tuple[re.Pattern[str], list[RepositoryRecord]]:
    """One alternation of whole-word patterns, longest first; the name of the group that
    matched ("n3") is the index of its record in the list (see :func:`_record_matched`).
    Every caller has at least one pattern: an empty alternation would match everywhere."""
    ordered = sorted(patterns, key=len, reverse=True)
    if not ordered:
        raise ValueError("no patterns to compile")
    alternation = "|".join(f"(?P<n{i}>{p})" for i, p in enumerate(ordered))
    regex = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")
    return regex, [patterns[p] for p in ordered]


def _compile_names(first: str, patterns: dict[str, RepositoryRecord]) -> tuple[re.Pattern[str], list[RepositoryRecord]]:
    """:func:`_compile` for names that all open with the word ``first``, written so that the
    regex opens with that word as a literal: the engine then looks for it as fast as
    ``str.find`` instead of trying every alternative at every position. The check that
    the name starts a word moves after that word, as a look-behind: the same matches."""
    opening = re.escape(first)
    if not first or not all(p.startswith(opening) for p in patterns):
        return _compile(patterns)
    ordered = sorted(patterns, key=len, reverse=True)
    alternation = "|".join(f"(?P<n{i}>{p[len(opening) :]})" for i, p in enumerate(ordered))
    regex = re.compile(rf"{opening}(?<![\w]{opening})(?:{alternation})(?![\w])")
    return regex, [patterns[p] for p in ordered]


class _AcronymFinder:
    """Acronyms found where one alternation of them all would find them (leftmost, then the
    longest pattern), but each word tried only against the acronyms it can open with: one
    flat alternation of a few hundred acronyms costs a millisecond a note.

    For every letter an acronym can open with, the alternation of those acronyms, in the
    same longest-first order; the words of a text are looked up by their first letter. (An
    acronym with no letter or digit opens with none, and is never found.)
    """

    def __init__(self, patterns: dict[str, RepositoryRecord], openings: dict[str, frozenset[str]]):
        by_letter: dict[str, dict[str, RepositoryRecord]] = {}
        for pattern in sorted(patterns, key=len, reverse=True):
            for letter in openings[pattern] - {""}:
                by_letter.setdefault(letter, {})[pattern] = patterns[pattern]
        self._by_letter = {letter: _compile(group) for letter, group in by_letter.items()}
        letters = "".join(re.escape(letter) for letter in sorted(by_letter))
        self._word_start = re.compile(rf"(?<![\w])[{letters}]") if letters else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, RepositoryRecord]]:
        """(start, end, record) of every acronym in ``text``, left to right, not overlapping."""
        if self._word_start is None:
            return
        end = 0
        for word in self._word_start.finditer(text):
            if word.start() < end:
                continue  # inside the acronym just found
            regex, records = self._by_letter[word.group()]
            if (match := regex.match(text, word.start())) and not _initials_of_a_name(text, match):
                end = match.end()
                yield match.start(), end, _record_matched(match, records)


def _record_matched(match: re.Match[str], records: list[RepositoryRecord]) -> RepositoryRecord:
    """The record whose pattern ``match`` matched, in an alternation from :func:`_compile`:
    the group named "n3" is ``records[3]``."""
    if match.lastgroup is None:  # every alternative is a named group, so one of them matched
        raise ValueError(f"a match outside the named alternatives of {match.re.pattern!r}")
    return records[int(match.lastgroup[1:])]


def _initials_of_a_name(text: str, match: re.Match[str]) -> bool:
    """Dotted capitals before a surname are a person's initials, not an archive's acronym:
    "A.H. Nasution" (not AH, Academia Historica)."""
    return "." in match.group() and bool(SURNAME_FOLLOWS.match(text, match.end()))


class AbbreviatedIndex(RepositoryIndex):
    """A repository index with the abbreviations one citing work defines for its archives,
    matched as written, whole words, where the authority's own names find nothing."""

    def __init__(self, base: RepositoryIndex, abbreviations: dict[str, RepositoryRecord]):
        self.base, self.abbreviations = base, dict(abbreviations)
        self.records = base.records
        alternation = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
        self._found: dict[str, list[RepositoryMention]] = {}

    def resolve(self, name: str) -> RepositoryRecord | None:
        return self.abbreviations.get(name.strip()) or self.base.resolve(name)

    def with_abbreviations(self, abbreviations: dict[str, RepositoryRecord]) -> RepositoryIndex:
        return self.base.with_abbreviations({**self.abbreviations, **abbreviations})

    def _find_in(self, text: str) -> list[RepositoryMention]:
        found = self.base.find_in(text)
        for match in self._pattern.finditer(text):
            if not any(match.start() < m.span[1] and m.span[0] < match.end() for m in found):
                found.append(RepositoryMention(match.span(), match.group(0), self.abbreviations[match.group(0)]))
        return sorted(found, key=lambda m: m.span)
