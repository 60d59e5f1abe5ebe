"""Author-date texts: reading the reference list and resolving "(Jian)" to its entry.

A reference-list entry ("Jian, Chen. China's Road to the Korean War. Columbia University
Press, 1994.") becomes a full published citation. Each in-text parenthetical ("Jian",
"Jian 1994, 45") resolves to the one entry whose first author's surname (and year, when
given) it names; otherwise it stays unresolved with a reason.
"""

from __future__ import annotations

import re

from ..dates import find_years
from ..text import fold
from .fields import read_volume_issue_locator
from .model import CitationDraft, ParsedNote, RawNote, ReferenceEntry
from .segment import scan

IN_TEXT = re.compile(
    r"^\s*(?P<names>[^\d,;]+?)(?:,?\s+(?P<year>1[5-9]\d\d|20\d\d)[a-z]?)?"
    r"(?:\s*,\s*(?P<locator>(?:pp?\.\s*)?\d[\d\s–-]*))?\s*$"
)
ACCESS_NOTE = re.compile(r"^(?:accessed|consulté|retrieved)\b|^(?:jstor|doi|https?:|www\.)", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The full-stop separated parts of an entry, titles in quotation marks kept whole."""
    structure = scan(text)
    parts, start = [], 0
    for i, char in enumerate(text):
        if (
            char == "."
            and structure.depth[i] == 0
            and re.match(r"\s+\S", text[i + 1 :])
            and not re.search(
                r"(?:^|\s)(?:[A-Z]|vol|no|pp|p|ed|eds|trans|Dec|Jan|Feb|Mar|Apr|Aug|Sept|Oct|Nov)$", text[start:i]
            )
        ):
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip().rstrip("."))
    for anchor in structure.anchors:  # a title in quotes ends with its own full stop
        inner = text[anchor.span[0] : anchor.span[1]]
        for k, part in enumerate(parts):
            if inner in part and part != inner and part.startswith(inner):
                parts[k : k + 1] = [inner, part[len(inner) :].strip(" .")]
                break
    return [p for p in parts if p]


def unquote(title: str) -> str:
    """A title without its outer quotation marks and full stop; a quotation inside it keeps
    its marks (“‘We Don’t Want a Munich’: Hanoi’s…” → ‘We Don’t Want a Munich’: Hanoi’s…)."""
    title = title.strip().rstrip(".")
    if len(title) > 1 and title[0] in '“"' and title[-1] in '”"':
        title = title[1:-1].strip().rstrip(".,")
    return title.strip()


def parse_reference_entry(entry: ReferenceEntry) -> CitationDraft:
    """A reference-list entry as a full citation of a published work."""
    text = entry.text
    parts = sentences(text)
    draft = CitationDraft(kind="published", form="full", span=(0, len(text)), text=text)
    if not parts:
        return draft
    draft.authors = [parts[0].strip()]
    rest = [p for p in parts[1:] if not ACCESS_NOTE.match(p)]
    if rest:
        draft.title = unquote(rest[0])
    for part in rest[1:]:
        years = find_years(part)
        fields = read_volume_issue_locator(part)
        if fields.get("volume") or fields.get("issue"):
            draft.container_title = part.split(",")[0].strip()
            draft.volume, draft.issue = fields.get("volume"), fields.get("issue")
            draft.locator = fields.get("locator")
        elif years:
            draft.publisher = part[: part.rfind(str(years[-1][1]))].strip(" ,") or None
        if years:
            draft.year = years[-1][1]
    return draft


def surname(author: str) -> str:
    """The family name of a reference-list author ("Jian, Chen" → "Jian"; "Mark Lawrence" → "Lawrence")."""
    return author.split(",")[0].strip() if "," in author else author.split()[-1]


def resolve_in_text(notes: list[ParsedNote], raw: list[RawNote], entries: list[ReferenceEntry]) -> list[CitationDraft]:
    """Give every in-text note its author-only citation, resolved to a reference entry.

    Returns the entries as full citations (their works), in reference-list order.
    """
    works = [parse_reference_entry(entry) for entry in entries]
    for note, source in zip(notes, raw, strict=True):
        text = source.text
        match = IN_TEXT.match(text)
        citation = CitationDraft(kind="published", form="author_only", span=(0, len(text)), text=text)
        if match is None:
            citation.unresolved_reason = "not an author-date citation"
        else:
            name = fold(match.group("names"))
            year = int(match.group("year")) if match.group("year") else None
            citation.authors = [match.group("names").strip()]
            citation.locator = (match.group("locator") or "").strip() or None
            candidates = [
                i
                for i, w in enumerate(works)
                if w.authors and fold(surname(w.authors[0])) == name and (year is None or w.year == year)
            ]
            if len(candidates) == 1:
                work = works[candidates[0]]
                citation.antecedent = (0, candidates[0], False)
                for field in ("title", "container_title", "publisher", "year", "volume", "issue"):
                    setattr(citation, field, getattr(work, field))
                citation.authors = list(work.authors)
            elif candidates:
                citation.unresolved_reason = f"ambiguous: {len(candidates)} references by {match.group('names')}"
            else:
                citation.unresolved_reason = f"no reference-list entry for {match.group('names')}"
        note.citations = [citation]
        note.residue = ""
    return works
