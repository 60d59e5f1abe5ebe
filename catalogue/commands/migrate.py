"""Migrating a database: the Alembic migrations run inside the caller's transaction, with the
derived objects (views, summaries, search indexes) dropped before and rebuilt after."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Connection

from .. import derive
from ..schema import alembic_config, check_upgradable, current_revision


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Migrate the database on ``connection`` to ``revision``, inside its transaction, then
    rebuild the derived objects (views, search indexes) around it."""
    check_upgradable(connection)
    derive.drop_derived(connection)
    command.upgrade(alembic_config(connection), revision)
    derive.ensure_derived(connection, rebuild=True)


def downgrade(connection: Connection, revision: str) -> None:
    derive.drop_derived(connection, search_indexes=True)
    command.downgrade(alembic_config(connection), revision)
    if current_revision(connection) is not None:
        derive.ensure_derived(connection, rebuild=True)
