"""``catalogue ingest`` and ``catalogue seed``: read citing works from text into the catalogue.

    text file ─► article (body, notes, claims) ─► notes (citations, resolved) ─► store
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from . import schema
from .authority import RepositoryIndex, read_authority
from .db import connect, describe
from .errors import DatabaseError, InputError, InvalidInput
from .parse.article import read_article, read_notes
from .parse.model import Article, CitationDraft, ParsedNote
from .parse.notes import parse_notes
from .parse.references import resolve_in_text
from .paths import AUTHORITY_FILE, SEED
from .store import save_article
from .store.articles import ArticleCounts

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class ParsedText:
    """Everything read from one text: the article, its parsed notes, its reference list."""

    article: Article
    notes: list[ParsedNote]
    references: list[CitationDraft]
    sha256: str


@dataclass
class IngestReport:
    source: str
    title: str | None
    counts: ArticleCounts
    warnings: list[str]


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
    """Read an article (or a file of notes only) and parse its notes; pure, never raises."""
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


def _require_current_schema(connection: Connection) -> None:
    current = schema.current_revision(connection)
    if current != schema.head_revision():
        schema.check_upgradable(connection)
        raise DatabaseError(f"{describe(connection.engine.url)}: not a catalogue at the latest schema "
                            f"(revision {current or 'none'}); run 'catalogue init' first")


def ingest(target: str | None, paths: list[Path], authority: Path = AUTHORITY_FILE) -> list[IngestReport]:
    """Read every file, then store them all in one transaction: all or nothing."""
    repositories = RepositoryIndex(read_authority(authority))
    parsed = [(path, parse_text(read_text(path), str(path), repositories)) for path in paths]
    engine = connect(target)
    reports = []
    try:
        with engine.begin() as connection:
            _require_current_schema(connection)
            with Session(bind=connection) as session:
                for path, text in parsed:
                    counts = save_article(session, text.article, text.notes, text.references, text.sha256)
                    warnings = text.article.warnings + [m for n in text.notes for m in n.messages]
                    reports.append(IngestReport(str(path), text.article.title, counts, warnings))
                session.commit()
    finally:
        engine.dispose()
    return reports


def seed_files() -> list[Path]:
    """The seed articles shipped in seed/, in order."""
    return sorted(SEED.glob("*.txt"))
