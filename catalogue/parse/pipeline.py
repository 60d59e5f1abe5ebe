"""Reading a citing work from a text file: the article, its parsed notes, its references.

    text file ─► article (body, notes, claims) ─► notes (citations, resolved)

No database here: ``catalogue notes parse`` and every importer share this path.
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, InvalidInput
from ..reference.authority import RepositoryIndex, read_authority
from ..resources import AUTHORITY_FILE
from .article import read_article, read_notes
from .model import Article, CitationDraft, ParsedNote
from .notes import parse_notes
from .references import resolve_in_text

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class ParsedText:
    """Everything read from one text: the article, its parsed notes, its reference list."""

    article: Article
    notes: list[ParsedNote]
    references: list[CitationDraft]
    sha256: str


def read_text(path: Path) -> str:
    """A text file's contents; anything that is not readable text is an :class:`InvalidInput`."""

    def fail(message: str) -> InvalidInput:
        return InvalidInput([InputError(str(path), None, None, message)])

    try:
        data = path.read_bytes()
    except OSError as error:
        raise fail(f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise fail(f"is {len(data):,} bytes; the limit for one text is {MAX_FILE_BYTES:,}")
    if b"\x00" in data:
        raise fail("is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidInput([InputError(str(path), line, None, "is not UTF-8 text")]) from None
    if not text.strip():
        raise fail("is empty")
    return text


def parse_text(text: str, source: str, repositories: RepositoryIndex | None) -> ParsedText:
    """Read an article (or a file of notes only) and parse its notes; pure."""
    article = read_article(text, source)
    if not article.notes and not article.claims:
        notes_only = read_notes(text, source)
        if notes_only:
            article.notes, article.warnings = notes_only, [w for w in article.warnings if "no notes" not in w]
    if article.style == "author_date":
        notes = [ParsedNote(n.number, n.text, n.text, [], n.line, n.kind) for n in article.notes]
        references = resolve_in_text(notes, article.notes, article.references)
    else:
        notes = parse_notes(article.notes, repositories)
        references = []
    return ParsedText(article, notes, references, hashlib.sha256(text.encode()).hexdigest())


def parse_file(path: Path, authority: Path = AUTHORITY_FILE) -> ParsedText:
    return parse_text(read_text(path), str(path), RepositoryIndex(read_authority(authority)))


def settle() -> None:
    """Keep what a run has loaded so far (the authority, compiled patterns, month names) out of
    the garbage collector's full scans: they live as long as the run, and scanning them again
    every few thousand allocations costs about a fifth of the reading. A command calls it once
    it has loaded what it reads with; library functions leave the collector alone."""
    gc.collect()
    gc.freeze()
