"""The search indexes: what text of each row the one search box reads, and how it is kept.

Each searchable row keeps its search text (``search_text``): its words folded (accents and
case), every CJK character a word, with the names of its authors (a work) or of its archive
(an archive, a record set). catalogue writes it at each write, in Python
(:func:`search_text_of`); two FTS5 indexes read it:

- ``{table}_fts``, trigram: substrings of three characters or more, in any script ("胡志明",
  and "南寧" as the three characters "南 寧"); it also holds the row's own text as written,
  so Datasette's table search finds "Lạng Sơn" as typed;
- ``{table}_words``, whole words: terms of one or two characters ("寧", "AH").

The triggers that fill the indexes are plain SQL, so any SQLite client (sqlite-utils, a
spreadsheet tool) can write to the tables: a row it writes is indexed by its text as
written (lower-cased) until catalogue writes its search text, at the next catalogue write
or `catalogue rebuild`. Writes to linked tables (an archive's names, a work's authors)
clear the search text of the rows that show them, to be written again.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from ..searchable import BY_TABLE, SEARCHABLE, Searchable, search_text_of

__all__ = [
    "BY_TABLE",
    "SEARCHABLE",
    "Searchable",
    "drop",
    "ensure",
    "pending",
    "refresh",
    "search_text_of",
    "stale",
    "trigger_names",
]

CHUNK = 1000
REINDEX_ABOVE = 10_000  # rows waiting for their search text above which the indexes are refilled whole


def _related(item: Searchable, connection: Connection) -> str:
    """The related names in this dialect's SQL (PostgreSQL calls group_concat string_agg)."""
    if item.related is None:
        return "NULL"
    if connection.dialect.name == "postgresql":
        return item.related.replace("group_concat(", "string_agg(")
    return item.related


def kept(connection: Connection) -> bool:
    """Whether this schema keeps search text (an older one, reached by a downgrade, does not)."""
    return "search_text" in {column["name"] for column in inspect(connection).get_columns("claims")}


def refresh(connection: Connection, everything: bool = False) -> int:
    """Write the search text of every row that lacks it (``everything``: of every row);
    returns how many rows were written."""
    if not kept(connection):
        return 0
    written = 0
    for item in SEARCHABLE:
        columns = ", ".join(f"t.{column}" for column in item.columns)
        related = _related(item, connection)
        where = "" if everything else "WHERE t.search_text IS NULL"
        rows = connection.execute(text(f"SELECT t.id, {columns}, {related} FROM {item.table} t {where}")).all()
        updates = [{"row_id": row[0], "search_text": search_text_of(row[1:])} for row in rows]
        for start in range(0, len(updates), CHUNK):
            connection.execute(
                text(f"UPDATE {item.table} SET search_text = :search_text WHERE id = :row_id"),
                updates[start : start + CHUNK],
            )
        written += len(updates)
    return written


def pending(connection: Connection) -> dict[str, int]:
    """How many rows of each table wait for their search text (written by another program)."""
    return {
        item.table: connection.execute(
            text(f"SELECT count(*) FROM {item.table} WHERE search_text IS NULL")
        ).scalar_one()
        for item in SEARCHABLE
    }


def stale(connection: Connection) -> dict[str, int]:
    """How many rows of each table have a search text that no longer matches their text
    (changed by another program since catalogue wrote it)."""
    found = {}
    for item in SEARCHABLE:
        columns = ", ".join(f"t.{column}" for column in item.columns)
        rows = connection.execute(
            text(
                f"SELECT t.search_text, {columns}, {_related(item, connection)} FROM {item.table} t "
                "WHERE t.search_text IS NOT NULL"
            )
        ).all()
        found[item.table] = sum(1 for row in rows if row[0] != search_text_of(row[1:]))
    return found


def trigger_names(item: Searchable) -> list[str]:
    return [f"{item.fts}_{suffix}" for suffix in ("ai", "ad", "au")] + [
        f"{item.fts}_{table}_{suffix}" for table, _, _ in item.dependents for suffix in ("ai", "ad")
    ]


def drop(connection: Connection, indexes: bool = False) -> None:
    for item in SEARCHABLE:
        for name in trigger_names(item):
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        if indexes:
            connection.execute(text(f"DROP TABLE IF EXISTS {item.fts}"))
            connection.execute(text(f"DROP TABLE IF EXISTS {item.words}"))


def ensure(connection: Connection, rebuild: bool = False) -> None:
    """Search text for every row lacking it, both indexes and their triggers; the indexes
    refilled when they do not hold one entry a row (or on ``rebuild``)."""
    if not rebuild and kept(connection) and sum(pending(connection).values()) > REINDEX_ABOVE:
        rebuild = True  # many rows to write (a migration, a bulk insert elsewhere): faster all at once
    if rebuild:  # every row's text first, then the indexes refilled from it
        refresh(connection, everything=True)
    stored = "search_text" if kept(connection) else "NULL"
    for item in SEARCHABLE:
        _ensure_index(connection, item, rebuild, stored)
    if not rebuild:  # the rows waiting for theirs, through the triggers
        refresh(connection)


def _ensure_index(connection: Connection, item: Searchable, rebuild: bool, stored: str = "search_text") -> None:
    """The item's two indexes and their triggers; ``stored`` is NULL on an older schema, which
    keeps no search text (the indexes then read the text as written)."""
    connection.execute(
        text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {item.fts} USING fts5(text, folded, tokenize='trigram')")
    )
    connection.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {item.words} "
            "USING fts5(words, tokenize='unicode61 remove_diacritics 2')"
        )
    )

    def stored_in(row: str) -> str:
        return f"{row}.{stored}" if stored != "NULL" else "NULL"

    def index(row: str) -> str:
        written = item.written(row)
        return (
            f"INSERT INTO {item.fts}(rowid, text, folded) VALUES ({row}.id, {written}, "
            f"coalesce({stored_in(row)}, lower({written}))); "
            f"INSERT INTO {item.words}(rowid, words) VALUES ({row}.id, coalesce({stored_in(row)}, {written})); "
        )

    unindex = f"DELETE FROM {item.fts} WHERE rowid = old.id; DELETE FROM {item.words} WHERE rowid = old.id; "
    watched = ", ".join((*(["search_text"] if stored != "NULL" else []), *item.columns))
    triggers = {
        "ai": f"AFTER INSERT ON {item.table} BEGIN {index('new')}END",
        "ad": f"AFTER DELETE ON {item.table} BEGIN {unindex}END",
        "au": f"AFTER UPDATE OF {watched} ON {item.table} BEGIN {unindex}{index('new')}END",
    }
    for linked, key, rows in item.dependents if stored != "NULL" else ():  # their text shows in ours: write ours again
        for suffix, row in (("ai", "new"), ("ad", "old")):
            event = "INSERT" if suffix == "ai" else "DELETE"
            triggers[f"{linked}_{suffix}"] = (
                f"AFTER {event} ON {linked} BEGIN UPDATE {item.table} SET search_text = NULL "
                f"WHERE {rows.format(key=f'{row}.{key}')}; END"
            )
    for suffix, body in triggers.items():
        connection.execute(text(f"CREATE TRIGGER {item.fts}_{suffix} {body}"))
    indexed = connection.execute(text(f"SELECT count(*) FROM {item.fts}")).scalar_one()
    worded = connection.execute(text(f"SELECT count(*) FROM {item.words}")).scalar_one()
    in_table = connection.execute(text(f"SELECT count(*) FROM {item.table}")).scalar_one()
    if rebuild or not indexed == worded == in_table:
        written = item.written("t")
        connection.execute(text(f"DELETE FROM {item.fts}"))
        connection.execute(text(f"DELETE FROM {item.words}"))
        connection.execute(
            text(
                f"INSERT INTO {item.fts}(rowid, text, folded) SELECT t.id, {written}, "
                f"coalesce({stored_in('t')}, lower({written})) FROM {item.table} t"
            )
        )
        connection.execute(
            text(
                f"INSERT INTO {item.words}(rowid, words) SELECT t.id, "
                f"coalesce({stored_in('t')}, {written}) FROM {item.table} t"
            )
        )
