"""``catalogue ingest`` and ``catalogue seed``: store citing works read from text.

text file ─► reading (article, notes, citations) ─► store, in one transaction
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from .. import derive, schema
from ..db import checkpoint, connect
from ..errors import InputError, InvalidInput
from ..parse.pipeline import parse_text, read_text, settle
from ..reference.authority import RepositoryIndex, read_authority
from ..reference.gazetteer import PlaceIndex, read_places
from ..resources import AUTHORITY_FILE, GAZETTEER_FILE, SEED
from ..store import save_article
from ..store.articles import ArticleCounts
from ..store.batches import begin_batch, list_replaced, list_rows, row_ceilings, stamp_session
from ..store.corrections import apply_corrections


@dataclass
class IngestReport:
    source: str
    title: str | None
    counts: ArticleCounts
    warnings: list[str]


def ingest(
    target: str | None,
    paths: list[Path],
    authority: Path = AUTHORITY_FILE,
    gazetteer: Path = GAZETTEER_FILE,
    command: str = "ingest",
    made_by: str | None = None,
) -> list[IngestReport]:
    """Read every file, then store them all in one transaction, one batch of the change log:
    all or nothing."""
    repositories = RepositoryIndex(read_authority(authority))
    places = PlaceIndex(read_places(gazetteer))
    settle()
    parsed = [(path, parse_text(read_text(path), str(path), repositories)) for path in paths]
    empty = [
        InputError(
            str(path),
            None,
            None,
            "holds no notes and no reference list: nothing to "
            "catalogue (notes are numbered entries under a heading such as “Notes”, or "
            "Markdown footnotes “[^1]: …”)",
        )
        for path, text in parsed
        if not text.notes and not text.references
    ]
    if empty:
        raise InvalidInput(empty)
    engine = connect(target)
    reports = []
    try:
        with engine.begin() as connection:
            schema.require_current(connection)
            with (
                begin_batch(connection, command, ", ".join(p.name for p in paths), made_by) as batch,
                Session(bind=connection) as session,
            ):
                stamp_session(session, batch.id)
                ceilings = row_ceilings(connection)
                for path, text in parsed:
                    counts = save_article(session, text.article, text.notes, text.references, text.sha256, places)
                    warnings = (
                        text.article.warnings
                        + [m for n in text.notes for m in n.messages]
                        + apply_corrections(connection, counts.work_id, batch.id)
                    )  # editors' corrections, kept across ingests
                    reports.append(IngestReport(str(path), text.article.title, counts, warnings))
                session.commit()
                list_rows(connection, batch.id, ceilings)  # what undo removes (a first reading only)
                replaced = {r.counts.work_id for r in reports if r.counts.work_id <= ceilings["works"]}
                list_replaced(connection, batch.id, replaced)
                batch.summary = "; ".join(
                    f"{Path(r.source).name}: {r.counts.notes} notes, {r.counts.claims} claims, "
                    f"{len(r.counts.documents)} documents"
                    for r in reports
                )
            derive.ensure_derived(connection)
        checkpoint(engine)
    finally:
        engine.dispose()
    return reports


def seed_files() -> list[Path]:
    """The seed articles in seed/ of a checkout, in order (none in an installed package)."""
    return sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
