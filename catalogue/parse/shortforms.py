"""Short forms in a note's commentary, found by the titles the citing work has already cited.

A trade book or a discursive note names its sources in passing, without italics: "the totals
given here follow Windrow, Last Valley, 424–26, who reconciles the unit returns; Fall's
figures (Hell, 161) are lower." No rule tells such a title from prose, but the work itself
does: "Last Valley" opens the title of a book cited in full in an earlier note. This stage
reads the commentary left by the others, in note order, and keeps a "Name, Title, pages",
"(Title, pages)" or a sentence "Title, pages." only where the title opens an earlier full
citation's title (and the name, when given, is one of its authors); ``resolve`` then links it.

    >>> from .model import CitationDraft, ParsedNote
    >>> book = CitationDraft(kind="published", form="full", span=(0, 5), text="…", title="The Last Valley",
    ...                      authors=["Martin Windrow"])
    >>> notes = [ParsedNote(1, "…", "", [book]), ParsedNote(2, "As in Windrow, Last Valley, 424–26.", "As in "
    ...          "Windrow, Last Valley, 424–26.", [])]
    >>> recover_short_forms(notes)
    >>> [(c.form, c.title, c.authors, c.locator) for c in notes[1].citations]
    [('short', 'Last Valley', ['Windrow'], '424–26')]
"""

from __future__ import annotations

import re

from .model import CitationDraft, ParsedNote, Span
from .patterns import NAME_WORD, PAGE_RANGE, UPPER
from .pieces import residue
from .resolve import authors_match, title_matches

PAGES = rf"(?P<pages>{PAGE_RANGE})"
NAMED_SHORT_FORM = re.compile(
    rf"(?<![\w’'])(?P<author>{NAME_WORD}(?:\s+(?:and|&)\s+{NAME_WORD})?),\s+"
    rf"(?P<title>{UPPER}[^,;()“”]{{1,60}}?),\s+{PAGES}(?![\d–-])"
)
BRACKETED_SHORT_FORM = re.compile(rf"\((?P<title>{UPPER}[^,;()“”]{{1,60}}?),\s+{PAGES}\)")
# A sentence that is a short title and its pages, no author: "Victory in Vietnam, 142–43."
TITLE_SHORT_FORM = re.compile(
    rf"(?:^|(?<=[.;]\s))(?P<title>{UPPER}[^,;()“”.]{{1,60}}?\s[^,;()“”.]{{1,60}}?),\s+{PAGES}"
    r"(?=\s*(?:[.;]|$))"
)


def recover_short_forms(notes: list[ParsedNote]) -> None:
    """Add to each note the short forms its commentary holds of works cited in full before it."""
    cited: list[CitationDraft] = []
    for note in notes:
        found = [draft for stretch in _gaps(note) for draft in _short_forms(note.text, stretch, cited)]
        if found:
            note.citations = sorted(note.citations + found, key=lambda c: c.span)
            note.residue = residue(note.text, [c.span for c in note.citations])
        cited += [c for c in note.citations if c.form == "full" and c.kind == "published" and c.title]
        cited += [c.via for c in note.citations if c.via is not None and c.via.form == "full" and c.via.title]


def _short_forms(text: str, stretch: Span, cited: list[CitationDraft]) -> list[CitationDraft]:
    found: list[CitationDraft] = []
    for pattern in (NAMED_SHORT_FORM, BRACKETED_SHORT_FORM, TITLE_SHORT_FORM):
        for match in pattern.finditer(text, *stretch):
            title = match["title"].strip()
            author = match.groupdict().get("author")
            works = [
                c
                for c in cited
                if c.title is not None  # always so: only works cited with a title are kept
                and title_matches(title, c.title)
                and (author is None or authors_match(re.split(r"\s+(?:and|&)\s+", author), c.authors + c.editors))
            ]
            if not works or any(match.start() < d.span[1] and d.span[0] < match.end() for d in found):
                continue
            span = match.span() if author or pattern is TITLE_SHORT_FORM else (match.start() + 1, match.end() - 1)
            found.append(
                CitationDraft(
                    kind="published",
                    form="short",
                    span=span,
                    text=text[span[0] : span[1]],
                    title=title,
                    authors=[author] if author else [],
                    locator=match["pages"],
                )
            )
    return found


def _gaps(note: ParsedNote) -> list[Span]:
    """The stretches of the note that no citation covers."""
    gaps, position = [], 0
    for start, end in sorted(c.span for c in note.citations):
        if start > position:
            gaps.append((position, start))
        position = max(position, end)
    if position < len(note.text):
        gaps.append((position, len(note.text)))
    return gaps
