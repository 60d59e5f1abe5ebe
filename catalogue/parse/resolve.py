"""Resolving back-references in one ordered pass over a citing work, as eyecite does.

Short forms, "Ibid.", "op. cit." and cross-references resolve only to a unique earlier
candidate; otherwise they stay unresolved with a reason. Never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..text import strip_accents
from .model import CitationDraft, ParsedNote
from .patterns import EDITION_LEAD

LEADING_ARTICLES = {"a", "an", "the", "le", "la", "les", "l", "un", "une", "der", "die", "das", "el"}
INHERITED = (
    "kind",
    "title",
    "title_translated",
    "authors",
    "editors",
    "container_title",
    "container_title_translated",
    "volume",
    "issue",
    "place",
    "publisher",
    "year",
    "date",
    "date_as_written",
    "date_precision",
    "genre",
    "repository",
    "repository_known",
    "reference_code",
    "reference_code_cited",
    "reference_levels",
    "file_title",
    "via",
    "via_relation",
)


@dataclass
class FullCitation:
    note: int
    index: int
    citation: CitationDraft
    is_via: bool = False  # the work another citation of that note is published or cited in

    @property
    def key(self) -> tuple:
        c = self.citation
        return (c.kind == "archival", tuple(words(c.title or "")), c.reference_code or "")


def words(text: str) -> list[str]:
    tokens = re.findall(r"\w+", strip_accents(text).casefold())
    while tokens and tokens[0] in LEADING_ARTICLES:
        tokens = tokens[1:]
    return tokens


class WordsMemo(dict):
    """:func:`words` of each title or name met in one pass, worked out once: a short form is
    compared with every earlier full citation, so the same titles come up again and again."""

    def __missing__(self, text: str) -> list[str]:
        self[text] = found = words(text)
        return found


def title_matches(short: str, full: str, words_of: Callable[[str], list[str]] = words) -> bool:
    """A short title is the full title's opening words, or (3+ words) a run inside it."""
    short_words, full_words = words_of(short), words_of(full)
    if not short_words or len(short_words) > len(full_words):
        return False
    if full_words[: len(short_words)] == short_words:
        return True
    if len(short_words) < 3:
        return False
    return any(
        full_words[i : i + len(short_words)] == short_words for i in range(len(full_words) - len(short_words) + 1)
    )


def authors_match(short: list[str], full: list[str], words_of: Callable[[str], list[str]] = words) -> bool:
    """Every name in the short form is part of a name in the full one ("Wu" ⊂ "Wu Jilin"), an
    initial standing for the name it opens ("Ph. Devillers" ⊂ "Philippe Devillers")."""
    full_words = [set(words_of(name)) for name in full]
    return all(
        any(
            all(w in f or len(w) <= 3 and any(fw.startswith(w) for fw in f) for w in words_of(name)) for f in full_words
        )
        for name in short
    )  # "Ph. Devillers" ⊂ "Philippe Devillers"


def resolve(notes: list[ParsedNote]) -> None:
    """Fill in antecedents of short forms, ibid, op. cit. and cross-references, in order."""
    fulls: list[FullCitation] = []
    numbers = {note.number for note in notes}
    words_of = WordsMemo().__getitem__
    previous: ParsedNote | None = None
    for note in notes:
        for index, citation in enumerate(note.citations):
            if citation.kind == "cross_reference":
                if citation.cross_reference_note is not None:
                    _resolve_cross_reference(citation, numbers)
            elif citation.form == "ibid":
                _resolve_ibid(citation, note, index, previous, notes)
            elif citation.form == "short" and not (citation.title or citation.authors) and citation.unresolved_reason:
                pass  # nothing to resolve by, and the reader said why: "Document 146" of the edition itself
            elif citation.form == "short":
                candidates = [f for f in fulls if _short_candidate(citation, f.citation, words_of)]
                if not candidates and (whole := _title_with_comma(citation)):
                    candidates = [
                        f
                        for f in fulls
                        if f.citation.title  # the title's opening words
                        and words_of(f.citation.title)[: len(words_of(whole))] == words_of(whole)
                    ]
                    if candidates:
                        citation.title, citation.authors = whole, []
                _resolve_among(citation, candidates, "no earlier full citation of this title")
            elif citation.form in ("op_cit", "author_only"):
                candidates = [f for f in fulls if _op_cit_candidate(citation, f.citation, words_of)]
                if citation.cross_reference_note is not None:  # "Ashworth, supra n. 10"
                    candidates = [f for f in candidates if f.note == citation.cross_reference_note]
                _resolve_among(citation, candidates, "no earlier full citation by this author")
            elif (
                citation.kind == "published_document"
                and citation.via is not None
                and citation.via.form == "short"
                and not (citation.title or citation.date or EDITION_LEAD.match(citation.text))
            ):
                _resolve_printed_in_short(citation, citation.via, fulls, words_of)
            if citation.form == "full" and (citation.title or citation.kind == "archival" and citation.reference_code):
                fulls.append(FullCitation(note.number, index, citation))
            if citation.via is not None and citation.via.form == "full" and citation.via.title:
                fulls.append(FullCitation(note.number, index, citation.via, is_via=True))
        previous = note


def _resolve_printed_in_short(
    citation: CitationDraft,
    via: CitationDraft,
    fulls: list[FullCitation],
    words_of: Callable[[str], list[str]] = words,
) -> None:
    """ "The Soviet draft is printed in Cmd. 9186, p. 125": a document named only in passing (no
    title, no date), printed in a work cited in full before, is a short form of that work,
    resolved to it (a work never cited in full, "Foreign Relations, 1952–1954", leaves the
    citation full and unresolved). ``via`` is the work it is printed in, ``citation.via``."""
    works: dict[tuple, FullCitation] = {}
    for full in fulls:
        if _short_candidate(via, full.citation, words_of):
            works.setdefault(full.key, full)
    if len(works) == 1:
        full = next(iter(works.values()))
        _link(via, full)
        citation.form, citation.antecedent, citation.antecedent_note = "short", via.antecedent, full.note


def _short_candidate(short: CitationDraft, full: CitationDraft, words_of: Callable[[str], list[str]] = words) -> bool:
    if short.genre == "interview" and short.title:  # "Ferrand interview": the interview with Jacques Ferrand
        return full.genre == "interview" and set(words_of(short.title)) <= set(words_of(full.title or ""))
    if not short.title or not full.title or not title_matches(short.title, full.title, words_of):
        return False
    return not short.authors or authors_match(short.authors, full.authors + full.editors, words_of)


def _title_with_comma(short: CitationDraft) -> str | None:
    """The short title a short form holds when what was read as its author is the title's
    first part ("Shittan, Meigō sakusen, p. 601": a title with a comma, no author)."""
    if len(short.authors) == 1 and short.title and not short.editors:
        return f"{short.authors[0]}, {short.title}"
    return None


def _op_cit_candidate(short: CitationDraft, full: CitationDraft, words_of: Callable[[str], list[str]] = words) -> bool:
    if short.kind == "archival" and short.repository:  # "SHD, 10 H 163, Tlđd.": the same file
        return (
            full.kind == "archival"
            and full.repository == short.repository
            and bool(
                short.reference_code and full.reference_code and full.reference_code.startswith(short.reference_code)
            )
        )
    names = short.authors + short.editors
    if not names or not authors_match(names, full.authors + full.editors, words_of):
        return False
    return not short.title or bool(full.title and title_matches(short.title, full.title, words_of))


def _resolve_among(citation: CitationDraft, candidates: list[FullCitation], none_reason: str) -> None:
    works: dict[tuple, FullCitation] = {}
    for candidate in candidates:
        works.setdefault(candidate.key, candidate)
    if len(works) == 1:
        _link(citation, next(iter(works.values())))
    elif not works:
        citation.unresolved_reason = none_reason
    else:
        found = ", ".join(f"note {w.note}" for w in works.values())
        citation.unresolved_reason = f"ambiguous: {len(works)} earlier works match ({found})"


def _resolve_ibid(
    citation: CitationDraft, note: ParsedNote, index: int, previous: ParsedNote | None, notes: list[ParsedNote]
) -> None:
    if index > 0:
        target_note, target_index = note, index - 1
    elif previous is None:
        citation.unresolved_reason = "ibid. in the first note"
        return
    elif len(previous.citations) != 1:
        citation.unresolved_reason = (
            f"the previous note cites {len(previous.citations)} sources"
            if previous.citations
            else "the previous note cites nothing"
        )
        kinds = {c.kind for c in previous.citations}
        if len(kinds) == 1:  # ambiguous, but all of one kind: that much is known
            citation.kind = kinds.pop()
        return
    else:
        target_note, target_index = previous, 0
    target = target_note.citations[target_index]
    if target.antecedent is None and target.form != "full":
        citation.unresolved_reason = f"its antecedent in note {target_note.number} is unresolved"
        if citation.kind == "unknown":
            citation.kind = target.kind  # the same source as the citation before, whatever it is
        return
    if target.antecedent is not None:
        full_note, full_index, is_via = target.antecedent
        holder = next(n for n in notes if n.number == full_note).citations[full_index]
        full = FullCitation(full_note, full_index, _cited_work(holder, is_via), is_via)
        _link(citation, full, from_citation=target)
    else:
        _link(citation, FullCitation(target_note.number, target_index, target))


def _cited_work(holder: CitationDraft, is_via: bool) -> CitationDraft:
    """The citation an antecedent names: ``holder`` itself, or (``is_via``) the work it is
    printed or cited in, which an antecedent only names when there is one (see :func:`_link`)."""
    if not is_via:
        return holder
    if holder.via is None:
        raise ValueError(f"an antecedent names the work {holder.text!r} is printed in, and it names none")
    return holder.via


def _link(citation: CitationDraft, full: FullCitation, from_citation: CitationDraft | None = None) -> None:
    citation.antecedent = (full.note, full.index, full.is_via)
    citation.antecedent_note = full.note
    source = from_citation or full.citation
    for name in INHERITED:
        if not getattr(citation, name) or name == "kind":
            setattr(citation, name, getattr(source, name))
    if citation.form == "ibid" and citation.locator is None:
        citation.locator = source.locator


def _resolve_cross_reference(citation: CitationDraft, numbers: set[int]) -> None:
    target = citation.cross_reference_note
    if target in numbers:
        citation.antecedent_note = target
    else:
        citation.unresolved_reason = f"note {target} does not exist"
