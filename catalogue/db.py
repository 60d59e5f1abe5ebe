"""Connecting to the store: a SQLite file by default, any SQLAlchemy URL otherwise."""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, exc, make_url, text
from sqlalchemy.engine import URL

from .errors import DatabaseUnreachable, NotADatabase
from .text import search_fold

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


def register_functions(connection) -> None:
    """SQL functions the search-index triggers call (see shape.py), on a sqlite3 connection."""
    connection.create_function("catalogue_fold", 1, search_fold, deterministic=True)


def _configure_sqlite(engine: Engine) -> None:
    """Foreign keys, a busy timeout, and transactions that include DDL.

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
        register_functions(dbapi_connection)

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def connect(target: str | URL | None = None) -> Engine:
    """An engine for ``target`` (see :func:`resolve_url`), checked to be reachable.

    Raises :class:`NotADatabase` or :class:`DatabaseUnreachable` with a one-line message.
    """
    url = target if isinstance(target, URL) else resolve_url(target)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
    kwargs = {"json_serializer": partial(json.dumps, ensure_ascii=False)}  # "Lưu trữ", not "L\u01b0u"
    if url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": 10}
    engine = create_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
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
