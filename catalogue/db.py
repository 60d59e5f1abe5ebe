"""Connecting to the store: a SQLite file by default, any SQLAlchemy URL otherwise."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypedDict
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, exc, make_url, text
from sqlalchemy.engine import URL

from .errors import DatabaseUnreachable, NotADatabase
from .text import search_fold, search_words

# The SQL functions the search-index triggers call, on every connection catalogue opens (the
# site registers the canned queries' ones too: derive/functions.py).
TRIGGER_FUNCTIONS = {"catalogue_fold": search_fold, "catalogue_words": search_words}

DEFAULT_DATABASE = "catalogue.db"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000


def resolve_url(target: str | None = None) -> URL:
    """The database URL for ``--db``: a path to a SQLite file or a SQLAlchemy URL.

    Falls back to ``$CATALOGUE_DB``, then to ``catalogue.db``. ``postgresql://`` URLs use
    psycopg 3.
    """
    target = target or os.environ.get("CATALOGUE_DB") or DEFAULT_DATABASE
    if "://" not in target:
        return URL.create("sqlite", database=str(Path(target)))
    url = make_url(target)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe(url: URL) -> str:
    """The database as a user names it: the file path, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL (None for other backends and in-memory databases)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse a path that exists but is not a SQLite database, without writing to it."""
    if path.is_dir():
        raise NotADatabase(f"{path}: is a directory, not a SQLite database")
    if not path.exists():
        if not path.parent.exists():
            raise NotADatabase(f"{path}: folder {path.parent} does not exist")
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header and header != SQLITE_MAGIC:
        raise NotADatabase(f"{path}: not a SQLite database (the file is something else)")


def read_only_uri(path: Path) -> str:
    """A SQLite URI that reads ``path`` without writing to it or leaving files beside it.

    A read-only connection to a WAL file creates -wal and -shm files it cannot remove. While
    no -wal exists no connection has the file open and all its content is in the file, so it
    is then opened immutable, which creates nothing.
    """
    with path.open("rb") as handle:
        header = handle.read(20)
    closed_wal_file = header[18:20] == b"\x02\x02" and not Path(f"{path}-wal").exists()
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if closed_wal_file else "")


def _configure_sqlite(engine: Engine, read_only: bool = False) -> None:
    """Foreign keys, a busy timeout, and transactions that include DDL (deferred when reading
    only, as a read-only connection takes no write lock).

    WAL is a property of the file, set once by :func:`use_wal` when ``catalogue init`` has
    made the file a catalogue (so a file that is refused is never written to).

    pysqlite opens transactions lazily and commits before DDL; taking over BEGIN makes a
    migration plus the authority load one all-or-nothing transaction.
    """

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()
        for name, function in TRIGGER_FUNCTIONS.items():
            dbapi_connection.create_function(name, 1, function, deterministic=True)

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


class EngineOptions(TypedDict, total=False):
    """What :func:`connect` passes to ``create_engine``."""

    json_serializer: Callable[[object], str]
    connect_args: dict[str, int]
    creator: Callable[[], sqlite3.Connection]


def connect(target: str | URL | None = None, read_only: bool = False) -> Engine:
    """An engine for ``target`` (see :func:`resolve_url`), checked to be reachable.

    ``read_only`` opens an existing SQLite file so that nothing can write to it (see
    :func:`read_only_uri`). Raises :class:`NotADatabase` or :class:`DatabaseUnreachable`
    with a one-line message.
    """
    url = target if isinstance(target, URL) else resolve_url(target)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
    kwargs: EngineOptions = {"json_serializer": partial(json.dumps, ensure_ascii=False)}  # "Lưu trữ", not "L\u01b0u"
    if url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": 10}
    if read_only and path is not None:
        if not path.exists():
            raise NotADatabase(f"{path}: no such SQLite database")
        uri = read_only_uri(path)
        kwargs["creator"] = lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    engine = create_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        _configure_sqlite(engine, read_only)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except exc.DBAPIError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        if path is not None:
            raise NotADatabase(f"{describe(url)}: {reason}") from None
        raise DatabaseUnreachable(f"cannot connect to {describe(url)}: {reason}") from None
    return engine


def use_wal(engine: Engine) -> None:
    """Put a SQLite database in write-ahead-log mode (persistent; no-op on other backends)."""
    if engine.url.get_backend_name() != "sqlite":
        return
    connection = engine.raw_connection()
    try:
        connection.cursor().execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()


def checkpoint(engine: Engine) -> bool:
    """Copy the write-ahead log into the SQLite file and empty it, so that the file alone
    holds every committed write; True when the whole log went in (always on other backends).

    Readers that merely keep the file open (a running Datasette) do not stop it; one still
    reading an older snapshot is waited for, up to the busy timeout. The engine's pooled
    connections are closed first, as a statement one of them left unfinished holds a snapshot.
    """
    if engine.url.get_backend_name() != "sqlite":
        return True
    engine.dispose()
    connection = engine.raw_connection()
    try:
        [(busy, _, _)] = connection.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        connection.close()
    return not busy
