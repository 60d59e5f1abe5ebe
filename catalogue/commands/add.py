"""``catalogue import`` and ``catalogue add``: records a person keeps, into the catalogue.

    files ─► importing (records, every problem at once) ─► store, in one transaction and one
    batch of the change log ─► derived objects brought up to date ─► checkpoint

All or nothing: a problem anywhere leaves the database exactly as it was. ``dry_run`` does
all the work, reports what would change, and rolls it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import Connection

from .. import derive, schema
from ..db import checkpoint, connect
from ..errors import InvalidInput
from ..records import Located
from ..records.files import Progress, read_file
from ..reference.gazetteer import PlaceIndex, read_places
from ..resources import GAZETTEER_FILE
from ..store.batches import begin_batch, list_rows, row_ceilings, who
from ..store.claims import save_archives, save_claims
from ..store.documents import save_documents
from ..store.record_sets import save_record_sets
from ..store.rows import SaveReport
from ..store.works import save_works


@dataclass
class WriteReport:
    batch_id: int | None
    reports: list[SaveReport] = field(default_factory=list)
    dry_run: bool = False

    @property
    def warnings(self) -> list[str]:
        return [w for report in self.reports for w in report.warnings]

    @property
    def changed(self) -> bool:
        return any(report.added or report.updated for report in self.reports)

    def summary(self) -> str:
        return "; ".join(report.summary() for report in self.reports if report.ids or report.added)


class _RollBack(Exception):
    """Raised inside the transaction to roll back a dry run, or a write that changed nothing."""


def write(
    target: str | None,
    command: str,
    source: str | None,
    made_by: str | None,
    work: Callable[[Connection, int], list[SaveReport]],
    dry_run: bool = False,
) -> WriteReport:
    """Run ``work`` inside one transaction and one batch; bring derived objects up to date."""
    engine = connect(target)
    result = WriteReport(None, dry_run=dry_run)
    try:
        try:
            with engine.begin() as connection:
                schema.require_current(connection)
                ceilings = row_ceilings(connection)
                with begin_batch(connection, command, source, made_by) as batch:
                    result.batch_id = batch.id
                    result.reports = work(connection, batch.id)
                    batch.summary = result.summary()
                    list_rows(connection, batch.id, ceilings)
                if dry_run or not result.changed:  # the change log keeps writes that changed something
                    raise _RollBack
                derive.ensure_derived(connection)
        except _RollBack:
            result.batch_id = None
        else:
            checkpoint(engine)
    finally:
        engine.dispose()
    return result


KIND_ORDER = ("record_sets", "works", "documents")  # what a later kind may point to comes first


def import_files(
    target: str | None,
    paths: list[Path],
    kind: str | None = None,
    dry_run: bool = False,
    made_by: str | None = None,
    gazetteer: Path = GAZETTEER_FILE,
    progress: Progress | None = None,
) -> WriteReport:
    """Read and check every file first (every problem in every file at once), then write;
    ``progress`` is told of each thousand records checked."""
    read, errors = [], []
    for path in paths:
        try:
            read.append(read_file(path, kind, progress))
        except InvalidInput as error:
            errors += error.errors
    if errors:
        raise InvalidInput(errors)
    by_kind: dict[str, list[Located]] = {}
    for file in read:
        for name, records in file.records.items():
            by_kind.setdefault(name, []).extend(records)
    places = PlaceIndex(read_places(gazetteer))

    def work(connection: Connection, batch_id: int) -> list[SaveReport]:
        write_kind = writers(places)
        return [write_kind[name](connection, by_kind[name], batch_id) for name in KIND_ORDER if by_kind.get(name)]

    return write(target, "import", ", ".join(p.name for p in paths), made_by, work, dry_run)


def writers(places: PlaceIndex | None) -> dict[str, Callable]:
    """The store's writer of each kind of record: (connection, records, batch id) → report."""
    return {
        "documents": save_documents,
        "works": partial(save_works, places=places),
        "record_sets": save_record_sets,
        "repositories": save_archives,
    }


SINGULAR = {
    "documents": "document",
    "works": "work",
    "record_sets": "record-set",
    "repositories": "repository",
    "claims": "claim",
}


def add_record(
    target: str | None, kind: str, record, made_by: str | None = None, command: str | None = None
) -> WriteReport:
    """One record typed on the command line (or in the site's desk: ``command`` names the
    form), through the same checks and writers as an import."""
    located = [Located(record, "form" if command else "command line")]
    places = PlaceIndex(read_places(GAZETTEER_FILE)) if kind == "works" else None

    def work(connection: Connection, batch_id: int) -> list[SaveReport]:
        if kind == "claims":
            return [save_claims(connection, located, batch_id, who(made_by))]
        return [writers(places)[kind](connection, located, batch_id)]

    return write(target, command or f"add {SINGULAR[kind]}", None, made_by, work)
