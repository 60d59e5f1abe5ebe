"""``catalogue undo``: take back one write of the change log (an add, an import, the first
ingest of an article, a form of the desk: a correction is taken back by restoring the value it
replaced), as one more write.

    batch_rows of the write ─► refusals (rows changed since, rows of other writes pointing to
    them, rows it completed whose earlier values are not kept, works an ingest read again)
    ─► its rows removed, children first, and the rows it completed put back as they were (the
    values kept in batch_rows.was), in one transaction and one batch ─► derived objects rebuilt

All or nothing: a refusal names every reason and changes nothing.
"""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, delete, select, text

from .. import derive, schema
from ..db import checkpoint, connect
from ..errors import CatalogueError
from ..models import Base, Batch, BatchRow, Correction, Review
from ..store.batches import BATCHED_TABLES, begin_batch
from ..store.corrections import CorrectionRow, current, restore


class UndoRefused(CatalogueError):
    """A write that cannot be undone, and why."""


@dataclass
class UndoReport:
    undone: int
    batch_id: int  # the write that undid it
    removed: dict[str, int]
    restored: dict[str, int] = field(default_factory=dict)  # rows it completed, put back as they were

    def summary(self) -> str:
        return "; ".join(
            [f"{table}: {count} removed" for table, count in self.removed.items()]
            + [f"{table}: {count} put back as they were" for table, count in self.restored.items()]
        )


@dataclass
class Plan:
    """What undoing a write does: the rows it added, to remove; the rows it completed, to put
    back (table, row, the values they had), latest first."""

    added: dict[str, list[int]]
    restores: list[tuple[str, int, dict]]


def undo(target: str | None, batch_id: int, made_by: str | None = None) -> UndoReport:
    """Undo the write ``batch_id``: remove the rows it added, unless a later write changed them
    or points to them, or the write completed rows already there (raises UndoRefused)."""
    engine = connect(target)
    try:
        with engine.begin() as connection:
            schema.require_current(connection)
            corrections, reviews = _judgements(connection, batch_id)
            with begin_batch(connection, f"undo {batch_id}", None, made_by) as batch:
                # judgements first: a corrected citation pointed back no longer holds on to the
                # document its correction added (a refusal after this rolls everything back)
                taken = _take_back(connection, batch.id, corrections, reviews)
                plan = _plan(connection, batch_id, bool(corrections or reviews))
                removed = _remove(connection, plan.added)
                removed.update(taken)
                report = UndoReport(batch_id, batch.id, removed, _restore_completed(connection, plan.restores))
                batch.summary = f"undid write {batch_id}: {report.summary()}"
            derive.ensure_derived(connection)
        checkpoint(engine)
    finally:
        engine.dispose()
    return report


def _judgements(connection: Connection, batch_id: int) -> tuple[Sequence[CorrectionRow], list[int]]:
    """The corrections and review marks a write made (the desk's judgements on the reading);
    a correction can be taken back while its citation still reads what it set, and no later
    correction of the same field followed it."""
    corrections = connection.execute(
        select(Correction).where(Correction.batch_id == batch_id).order_by(Correction.id.desc())
    ).all()
    reasons = []
    for k in corrections:
        later = connection.execute(
            select(Correction.batch_id).where(
                Correction.work_id == k.work_id,
                Correction.note_number == k.note_number,
                Correction.position == k.position,
                Correction.field == k.field,
                Correction.id > k.id,
            )
        ).scalar()
        if later is not None:
            reasons.append(f"write {later} corrected the same {k.field} of note {k.note_number} again since")
            continue
        try:
            now = current(connection, k.work_id, k.note_number, k.position, k.field)
        except LookupError:
            continue  # the citation is no longer read: the correction goes, nothing to restore
        if now != k.value:
            reasons.append(f"note {k.note_number}, citation {k.position} now reads {k.field} {now!r}, not {k.value!r}")
    if reasons:
        raise UndoRefused(f"write {batch_id} cannot be undone: " + "; ".join(reasons))
    reviews = connection.execute(select(Review.id).where(Review.batch_id == batch_id)).scalars().all()
    return corrections, list(reviews)


def _take_back(
    connection: Connection, undo_batch: int, corrections: Sequence[CorrectionRow], reviews: list[int]
) -> dict[str, int]:
    """Restore what each correction replaced and drop it; drop the review marks."""
    for k in corrections:
        with contextlib.suppress(LookupError):  # its citation is no longer read: nothing to restore
            restore(connection, k.work_id, k.note_number, k.position, k.field, k.was, undo_batch)
        connection.execute(delete(Correction).where(Correction.id == k.id))
    if reviews:
        connection.execute(delete(Review).where(Review.id.in_(reviews)))
    return {name: count for name, count in (("corrections", len(corrections)), ("reviews", len(reviews))) if count}


def _plan(connection: Connection, batch_id: int, judged: bool = False) -> Plan:
    batch = connection.execute(select(Batch.command).where(Batch.id == batch_id)).first()
    if batch is None:
        raise UndoRefused(f"write {batch_id}: no such write in the change log (the batches table)")
    listed = connection.execute(
        select(BatchRow.table_name, BatchRow.row_id, BatchRow.action, BatchRow.was)
        .where(BatchRow.batch_id == batch_id)
        .order_by(BatchRow.id.desc())
    ).all()
    if not listed and not judged:
        raise UndoRefused(
            f"write {batch_id} ({batch.command}) kept no list of its rows: adds, imports, ingests "
            "and the desk's forms can be undone, not inits (or writes made before the catalogue "
            "kept such lists)"
        )
    added: dict[str, list[int]] = defaultdict(list)
    reasons = []
    replaced = {row_id for table, row_id, action, _ in listed if action == "replaced"}
    restores: list[tuple[str, int, dict]] = []
    for table, row_id, action, was in listed:
        if action == "changed" and judged and table == "citations":
            continue  # a corrected citation: the correction keeps the value it replaced
        if action == "replaced":
            reasons.append(
                f"it read works {row_id} again, replacing the notes, citations and claims an earlier "
                "write had read, which are not kept: ingest the earlier text again to go back"
            )
        elif action == "changed" and table == "works" and row_id in replaced:
            continue  # said once, as replaced
        elif action == "changed" and was is not None:
            restores.append((table, row_id, json.loads(was)))
        elif action == "changed":
            reasons.append(
                f"it completed {table} {row_id}, which was there before, and the values it had then are not kept"
            )
        else:
            added[table].append(row_id)
    for table, ids in added.items():
        now = dict(
            connection.execute(_with_ids(f"select id, batch_id from {table} where id in :ids"), {"ids": ids}).all()
        )
        reasons += [f"{table} {row_id} is no longer in the catalogue" for row_id in ids if row_id not in now]
        reasons += [
            f"{table} {row_id} was changed since by write {now[row_id]}"
            for row_id in ids
            if row_id in now and now[row_id] != batch_id
        ]
    for table, row_id in dict.fromkeys((table, row_id) for table, row_id, _ in restores):
        last = connection.execute(text(f"select batch_id from {table} where id = :id"), {"id": row_id}).first()
        if last is None:
            reasons.append(f"{table} {row_id}, which it completed, is no longer in the catalogue")
        elif last[0] != batch_id:
            reasons.append(f"{table} {row_id}, which it completed, was changed since by write {last[0]}")
    reasons += _pointing_in(connection, added)
    if reasons:
        raise UndoRefused(f"write {batch_id} ({batch.command}) cannot be undone: " + "; ".join(reasons))
    return Plan(added, restores)


def _restore_completed(connection: Connection, restores: list[tuple[str, int, dict]]) -> dict[str, int]:
    """Give the rows a write completed the values they had before it, latest first; their
    search text is written again with the derived objects."""
    counted: dict[str, set[int]] = defaultdict(set)
    for table, row_id, was in restores:
        columns = set(Base.metadata.tables[table].columns.keys())
        values = {name: value for name, value in was.items() if name in columns}
        if "search_text" in columns:
            values["search_text"] = None
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        connection.execute(text(f"update {table} set {assignments} where id = :row_id"), {**values, "row_id": row_id})
        counted[table].add(row_id)
    return {table: len(ids) for table, ids in counted.items()}


def _pointing_in(connection: Connection, added: dict[str, list[int]]) -> list[str]:
    """Rows of other writes that point to rows the write added: a claim resting on its document."""
    found = []
    for child in Base.metadata.sorted_tables:
        if child.name not in BATCHED_TABLES:
            continue  # link rows (authors, places, a claim's notes) go with the row they belong to
        for key in child.foreign_keys:
            parent = key.column.table.name
            if parent not in added:
                continue
            rows = connection.execute(
                _with_ids(f"select id, {key.parent.name} from {child.name} where {key.parent.name} in :ids"),
                {"ids": added[parent]},
            ).all()
            own = set(added.get(child.name, ()))
            found += [
                f"{child.name} {row_id} (another write) points to {parent} {parent_id}"
                for row_id, parent_id in rows
                if row_id not in own
            ]
    return found


def _remove(connection: Connection, added: dict[str, list[int]]) -> dict[str, int]:
    """Remove the rows, children before parents; the link rows that belong to them go with them."""
    removed = {}
    for table in reversed(Base.metadata.sorted_tables):
        if table.name not in added:
            continue
        ids = added[table.name]
        for link, column in _link_columns(table.name):
            connection.execute(_with_ids(f"delete from {link} where {column} in :ids"), {"ids": ids})
        connection.execute(_with_ids(f"delete from {table.name} where id in :ids"), {"ids": ids})
        removed[table.name] = len(ids)
    return {name: removed[name] for name in BATCHED_TABLES if name in removed}


def _with_ids(sql: str):
    """A statement whose ``:ids`` is a list of row numbers."""
    return text(sql).bindparams(bindparam("ids", expanding=True))


def _link_columns(table: str) -> list[tuple[str, str]]:
    """(link table, column) of the rows that belong to a row of ``table``: its authors, places,
    names, a claim's notes (tables without a write of their own)."""
    return [
        (link.name, key.parent.name)
        for link in Base.metadata.sorted_tables
        if link.name not in BATCHED_TABLES
        for key in link.foreign_keys
        if key.column.table.name == table
    ]
