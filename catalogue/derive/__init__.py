"""Derived objects: everything rebuilt from the tables, never holding data of its own.

    tables ─► views        the evidence chain and the views over it (views.py)
           ─► summaries    per-claim and per-archive aggregates kept as tables (summaries.py)
           ─► search indexes  FTS5 indexes and the triggers that keep them (search_indexes.py)
           ─► functions    the SQL functions canned queries call (functions.py)

Alembic owns tables; this package owns everything derived from them, rebuilt by one
idempotent function, :func:`ensure_derived`, after every migration and every write.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from . import search_indexes as indexes
from .summaries import SUMMARIES, create_summaries
from .views import COLUMN_DOCS, VIEWS, View, view_columns

__all__ = [
    "COLUMN_DOCS",
    "SUMMARIES",
    "VIEWS",
    "View",
    "drop_derived",
    "ensure_derived",
    "include_object",
    "is_derived_table",
    "view_columns",
]

# Tables this module owns (search indexes and their shadow tables, derived_* summaries).
DERIVED_TABLE = re.compile(r"(^|_)(fts|words)(_|$)|^sqlite_|^derived_")


def is_derived_table(name: str | None) -> bool:
    return bool(DERIVED_TABLE.search(name or ""))


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's filter: derived objects are rebuilt outside migrations, never drift."""
    if not reflected or compare_to is not None:
        return True
    if type_ == "table":
        return not is_derived_table(name)
    if type_ == "index":
        return not is_derived_table(getattr(obj.table, "name", ""))
    return True


def drop_derived(connection: Connection, search_indexes: bool = False) -> None:
    """Drop views, summaries and triggers (as batch migrations that rebuild tables need);
    with ``search_indexes``, the full-text indexes too."""
    for view in reversed(VIEWS):
        connection.execute(text(f"DROP VIEW IF EXISTS {view.name}"))
    for summary in SUMMARIES:
        connection.execute(text(f"DROP TABLE IF EXISTS {summary}"))
    if connection.dialect.name == "sqlite":
        indexes.drop(connection, indexes=search_indexes)


def ensure_derived(connection: Connection, rebuild: bool = False) -> None:
    """Create (or recreate) every derived object; idempotent. ``rebuild`` refills the indexes."""
    drop_derived(connection)
    dialect = connection.dialect.name
    for view in VIEWS:
        if view.name == "corroboration":  # the summaries the next views read are built on the chain
            create_summaries(connection)
        connection.execute(text(f"CREATE VIEW {view.name} AS {view.sql}"))
    if dialect == "sqlite":
        indexes.ensure(connection, rebuild)
    else:  # no full-text index on PostgreSQL yet; the search text is kept all the same
        indexes.refresh(connection, everything=rebuild)
