"""The change log: every write is a batch, and every row it creates or changes points to it.

with begin_batch(connection, "import", source="documents.csv", made_by="jroe") as batch:
    ...  # rows written with batch_id=batch.id
    batch.summary = "documents: 12 added, 1 matched"
"""

from __future__ import annotations

import getpass
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, event, insert, text, update
from sqlalchemy.orm import Session

from ..models import Batch, BatchRow


def who(made_by: str | None = None) -> str:
    """The name given (--by), else the operating-system user."""
    if made_by and made_by.strip():
        return made_by.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (a container)
        return os.environ.get("USER") or f"uid {os.getuid()}"


@dataclass
class OpenBatch:
    id: int
    summary: str | None = None


@contextmanager
def begin_batch(connection: Connection, command: str, source: str | None = None, made_by: str | None = None):
    """Open a batch inside the caller's transaction; its summary is saved when the block ends."""
    batch_id = connection.execute(
        insert(Batch).values(made_by=who(made_by), command=command, source=source).returning(Batch.id)
    ).scalar_one()
    batch = OpenBatch(batch_id)
    yield batch
    connection.execute(update(Batch).where(Batch.id == batch_id).values(summary=batch.summary))


def stamp_session(session: Session, batch_id: int) -> None:
    """Have every row the session adds or changes point to the batch (for the ORM writers:
    the authority, the gazetteer, the note reader)."""

    @event.listens_for(session, "before_flush")
    def stamp(session, _context, _instances):
        for row in (*session.new, *session.dirty):
            if hasattr(row, "batch_id") and (row in session.new or session.is_modified(row)):
                row.batch_id = batch_id


# The tables whose rows point to the write that made them, parents before children.
BATCHED_TABLES = ("repositories", "record_sets", "works", "documents", "notes", "citations", "claims")


def row_ceilings(connection: Connection) -> dict[str, int]:
    """The highest row number of each batched table before a write: rows above it are new."""
    return {
        table: connection.execute(text(f"select coalesce(max(id), 0) from {table}")).scalar_one()
        for table in BATCHED_TABLES
    }


def list_replaced(connection: Connection, batch_id: int, work_ids: set[int]) -> None:
    """Keep, in batch_rows, the citing works an ingest read again: their earlier notes,
    citations and claims were replaced and are not kept, so the ingest cannot be undone."""
    for work_id in sorted(work_ids):
        connection.execute(
            text(
                "insert into batch_rows (batch_id, table_name, row_id, action) "
                "values (:batch, 'works', :id, 'replaced')"
            ),
            {"batch": batch_id, "id": work_id},
        )


def keep_earlier(connection: Connection, batch_id: int, table: str, earlier: list[dict]) -> None:
    """Keep, in batch_rows, what rows the write ``batch_id`` is about to complete had before:
    each dict is ``{"row_id": 12, "batch_id": 3, "genre": None, …}`` (the write that last
    changed the row, and the columns the write fills), so that undo can put them back."""
    if earlier:
        connection.execute(
            insert(BatchRow),
            [
                {
                    "batch_id": batch_id,
                    "table_name": table,
                    "row_id": row["row_id"],
                    "action": "changed",
                    "was": json.dumps({name: value for name, value in row.items() if name != "row_id"}),
                }
                for row in earlier
            ],
        )


def list_rows(connection: Connection, batch_id: int, ceilings: dict[str, int]) -> None:
    """Keep, in batch_rows, every row the write ``batch_id`` added or changed (what undoing it
    must remove or restore), beside the rows whose earlier values it kept (keep_earlier)."""
    for table, ceiling in ceilings.items():
        connection.execute(
            text(
                f"insert into batch_rows (batch_id, table_name, row_id, action) "
                f"select :batch, :table, id, case when id > :ceiling then 'added' else 'changed' end "
                f"from {table} where batch_id = :batch and id not in "
                f"(select row_id from batch_rows where batch_id = :batch and table_name = :table)"
            ),
            {"batch": batch_id, "table": table, "ceiling": ceiling},
        )
