"""`catalogue check` and `catalogue rebuild`: is everything derived from the tables up to
date (search text and indexes, summaries, views), and mending it when it is not.

Another program may write to the catalogue's SQLite file (sqlite-utils, a spreadsheet tool,
the sqlite3 shell): its rows are searchable as written at once, and fully (accents folded,
CJK by character) once catalogue writes their search text, which `rebuild` (or any later
catalogue write) does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, inspect, text

from .. import derive, schema
from ..db import checkpoint, connect
from ..derive import search_indexes


@dataclass
class Health:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(target: str | None) -> Health:
    """Every derived object compared with the tables it derives from; nothing is written."""
    engine = connect(target)
    health = Health()
    try:
        with engine.connect() as connection:
            schema.require_current(connection)
            _check_objects(connection, health)
            _check_search(connection, health)
            _check_summaries(connection, health)
    finally:
        engine.dispose()
    return health


def _check_objects(connection: Connection, health: Health) -> None:
    inspector = inspect(connection)
    views = set(inspector.get_view_names())
    missing = [view.name for view in derive.VIEWS if view.name not in views]
    if missing:
        health.problems.append(f"views missing: {', '.join(missing)}")
    health.checked.append(f"{len(derive.VIEWS)} views")
    if connection.dialect.name != "sqlite":
        return
    triggers = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    absent = [
        name
        for item in search_indexes.SEARCHABLE
        for name in search_indexes.trigger_names(item)
        if name not in triggers
    ]
    if absent:
        health.problems.append(f"search-index triggers missing: {', '.join(absent)}")
    health.checked.append(f"{len(triggers)} triggers")


def _check_search(connection: Connection, health: Health) -> None:
    for table, count in search_indexes.pending(connection).items():
        if count:
            health.problems.append(f"{table}: {count} rows written by another program wait for their search text")
    for table, count in search_indexes.stale(connection).items():
        if count:
            health.problems.append(f"{table}: {count} rows changed since their search text was written")
    if connection.dialect.name == "sqlite":
        for item in search_indexes.SEARCHABLE:
            rows = connection.execute(text(f"SELECT count(*) FROM {item.table}")).scalar()
            for index in (item.fts, item.words):
                indexed = connection.execute(text(f"SELECT count(*) FROM {index}")).scalar()
                if indexed != rows:
                    health.problems.append(f"{index}: {indexed} entries for {rows} rows of {item.table}")
    health.checked.append(f"search text and indexes of {len(search_indexes.SEARCHABLE)} tables")


def _check_summaries(connection: Connection, health: Health) -> None:
    summarised = connection.execute(text("SELECT count(*) FROM derived_claim_summary")).scalar()
    claims = connection.execute(text("SELECT count(DISTINCT claim_id) FROM evidence_chain")).scalar()
    if summarised != claims:
        health.problems.append(f"derived_claim_summary: {summarised} rows for {claims} claims with evidence")
    archives = connection.execute(text("SELECT count(*) FROM derived_repository_summary")).scalar()
    holding = connection.execute(
        text("SELECT count(DISTINCT repository_id) FROM evidence_chain WHERE repository_id IS NOT NULL")
    ).scalar()
    if archives != holding:
        health.problems.append(f"derived_repository_summary: {archives} rows for {holding} archives with evidence")
    health.checked.append("claim and archive summaries")


def rebuild(target: str | None) -> int:
    """Rebuild every derived object and write every row's search text; returns the rows written."""
    engine = connect(target)
    try:
        with engine.begin() as connection:
            schema.require_current(connection)
            derive.ensure_derived(connection, rebuild=True)  # every row's search text written again
            written = sum(
                connection.execute(text(f"SELECT count(*) FROM {item.table}")).scalar_one()
                for item in search_indexes.SEARCHABLE
            )
        checkpoint(engine)
    finally:
        engine.dispose()
    return written
