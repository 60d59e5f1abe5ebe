"""Dataclasses the readers produce: every piece keeps its span in the text it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..text import Span  # noqa: F401 (the stages take it from here)


@dataclass
class RawNote:
    """A note as read from the text, before parsing: its number and verbatim text."""

    number: int
    text: str
    line: int  # line of the source file where the note starts (1-based)
    kind: Literal["footnote", "endnote", "in_text"] = "footnote"


@dataclass
class ClaimDraft:
    """A passage of the body that one or more notes support."""

    position: int  # order in the article, from 1
    text: str
    section: str | None
    paragraph: int  # paragraph of the body, from 1
    span: Span  # offsets in Article.body
    note_numbers: list[int] = field(default_factory=list)


@dataclass
class ReferenceEntry:
    """An entry of an author-date text's reference list ("Jian, Chen. China's Road…")."""

    text: str
    line: int


@dataclass
class Article:
    """A citing work read from text: its body, its notes and the claims they support."""

    source: str  # the file it was read from
    title: str | None
    authors: list[str]
    date: str | None  # ISO 8601 / EDTF, when the text gives one
    body: str  # body text with page-break damage repaired
    notes: list[RawNote]
    claims: list[ClaimDraft]
    style: Literal["notes", "author_date"] = "notes"
    references: list[ReferenceEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class CitationDraft:
    """One reference inside a note, with the fields read from it and its span in the note."""

    kind: str  # see vocabularies.CITATION_KINDS
    form: str  # see vocabularies.CITATION_FORMS
    span: Span
    text: str
    title: str | None = None
    title_translated: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    container_title: str | None = None
    container_title_translated: str | None = None
    volume: str | None = None
    issue: str | None = None
    place: str | None = None
    publisher: str | None = None
    year: int | None = None
    locator: str | None = None
    date: str | None = None  # EDTF
    date_as_written: str | None = None
    date_precision: str | None = None
    genre: str | None = None
    sender: str | None = None  # of a letter or telegram: "Pignon to Coste-Floret"
    recipient: str | None = None
    repository: str | None = None  # the authority's acronym, or the name as written
    repository_known: bool = False
    reference_code: str | None = None  # normalised by the repository's grammar
    reference_code_cited: str | None = None
    reference_levels: tuple[tuple[str, str], ...] = ()
    file_title: str | None = None
    via: CitationDraft | None = None
    via_relation: str | None = None  # "published_in", "cited_in", "reprinted_in"
    # The full citation a back-reference resolves to: (note number, citation index, is it
    # that citation's via rather than the citation itself).
    antecedent: tuple[int, int, bool] | None = None
    antecedent_note: int | None = None
    cross_reference_note: int | None = None
    unresolved_reason: str | None = None


@dataclass
class ParsedNote:
    """A note read into citations; the citations' spans plus the residue rebuild its text."""

    number: int
    text: str
    residue: str
    citations: list[CitationDraft]
    line: int = 0
    kind: str = "footnote"
    messages: list[str] = field(default_factory=list)
