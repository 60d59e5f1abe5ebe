"""``catalogue backup``: a consistent, standalone copy of a SQLite catalogue, even a live one.

catalogue.db (+ -wal) ─► online backup ─► .copy.db.<random>.tmp ─► rename ─► copy.db
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .. import schema
from ..db import describe, resolve_url, sqlite_path
from ..errors import CatalogueError, DatabaseError

SIDE_FILES = ("-journal", "-wal", "-shm")


class BackupRefused(CatalogueError):
    """The copy cannot be written where it was asked for; nothing was written."""


@dataclass
class BackupReport:
    source: Path
    target: Path
    size: int


def source_file(source: str | None) -> Path:
    """The SQLite file behind ``--db``, checked read-only to be a catalogue at the current schema."""
    url = resolve_url(source)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError(f"{describe(url)}: backup copies SQLite catalogues; use pg_dump for PostgreSQL")
    if not path.exists():
        raise DatabaseError(f"{path}: no such SQLite catalogue")
    schema.require_current_file(url)
    return path


def check_target(target: Path, source: Path, force: bool) -> None:
    """Refuse a target that is the source, a folder, missing its folder, or there already
    (unless ``force``), and one whose journal or log would be read into the copy."""
    if target.is_dir():
        raise BackupRefused(f"{target}: is a directory")
    if not target.parent.is_dir():
        raise BackupRefused(f"{target}: folder {target.parent} does not exist")
    if target.exists() and target.samefile(source):
        raise BackupRefused(f"{target}: is the catalogue being copied")
    if target.exists() and not force:
        raise BackupRefused(f"{target}: already exists; use --force to overwrite it")
    for side in (Path(f"{target}{suffix}") for suffix in ("-journal", "-wal")):
        if side.exists():
            raise BackupRefused(
                f"{target}: {side.name} beside it means it is open or was not closed "
                "cleanly; close it or choose another name"
            )


def temporary_beside(target: Path) -> Path:
    """A new empty file in ``target``'s folder (so that renaming it is atomic), made with the
    permissions any new file gets."""
    path = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    path.open("x").close()
    return path


def copy_database(source: Path, destination: Path) -> None:
    """Copy ``source`` into the empty file ``destination`` with SQLite's online backup: one
    snapshot, consistent while others read and write; the copy in rollback-journal mode."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(destination)) as copy:
        origin.execute("PRAGMA query_only = 1")
        origin.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")


def backup(target: Path, source: str | None = None, force: bool = False) -> BackupReport:
    """Copy the catalogue ``source`` (see :func:`catalogue.db.resolve_url`) to ``target``.

    The copy is written beside ``target`` and renamed into place, so a failure leaves
    ``target`` as it was and no partial file behind.
    """
    target = Path(target)
    path = source_file(source)
    check_target(target, path, force)
    temporary = temporary_beside(target)
    try:
        copy_database(path, temporary)
        os.replace(temporary, target)
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{suffix}") for suffix in SIDE_FILES)):
            leftover.unlink(missing_ok=True)
    return BackupReport(path, target, target.stat().st_size)
