"""The schema's revision: which Alembic revision a database is at, whether it can be
brought to the head, and Alembic's configuration (built here, for the migrations the package
ships; the ``alembic.ini`` of a checkout is for developers' ``alembic`` commands). Migrating
and rebuilding the derived objects around it: commands/migrate.py."""

from __future__ import annotations

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlalchemy.engine import URL

from .db import connect, describe
from .errors import DatabaseError, NotADatabase, SchemaTooNew
from .resources import MIGRATIONS


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, bound to ``connection`` when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration's revision (the package ships its migrations, so there is one)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"{MIGRATIONS}: no migration found")
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_upgradable(connection: Connection) -> None:
    """Refuse a database this catalogue cannot migrate, before anything is written.

    That is a database holding a schema revision this code does not know (made by a newer
    catalogue), or one holding tables of something else altogether.
    """
    name = describe(connection.engine.url)
    revision = current_revision(connection)
    if revision is None:
        foreign = [t for t in inspect(connection).get_table_names() if t != "alembic_version"]
        if foreign:
            raise NotADatabase(f"{name}: holds tables that are not a catalogue's ({', '.join(sorted(foreign)[:5])})")
        return
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if revision not in known:
        raise SchemaTooNew(
            f"{name}: schema revision {revision} was made by a newer catalogue "
            f"(this one knows up to {scripts.get_current_head()}); upgrade catalogue"
        )


def require_current(connection: Connection) -> None:
    """Refuse a database that is not a catalogue at this code's schema, reading only.

    The one check before a catalogue is written to, served or copied: a database of
    something else, an empty one, and one at an older or a newer schema revision are refused.
    """
    current = current_revision(connection)
    if current != head_revision():
        check_upgradable(connection)
        raise DatabaseError(
            f"{describe(connection.engine.url)}: not a catalogue at the latest schema "
            f"(revision {current or 'none'}); run 'catalogue init' first"
        )


def require_current_file(target: str | URL | None) -> None:
    """:func:`require_current` on a SQLite file opened read-only, so a refused file is
    left exactly as it was."""
    engine = connect(target, read_only=True)
    try:
        with engine.connect() as connection:
            require_current(connection)
    finally:
        engine.dispose()
