"""Alembic environment for catalogue.

Run by ``catalogue init`` (which hands over its own connection and transaction) and by the
``alembic`` command (which connects to ``-x db=…``, ``$CATALOGUE_DB`` or ``catalogue.db``).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import context

from catalogue.db import connect, resolve_url, sqlite_path
from catalogue.derive import include_object
from catalogue.models import Base

config = context.config
target_metadata = Base.metadata


def configure(**kwargs) -> None:
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
        **kwargs,
    )


def requested_command() -> str | None:
    cmd = getattr(config.cmd_opts, "cmd", None)
    return getattr(cmd[0], "__name__", None) if cmd else None


def fresh_database_for_check(url):
    """For ``alembic check`` on a SQLite file that does not exist: a fresh migrated copy."""
    path = sqlite_path(url)
    if requested_command() != "check" or path is None or path.exists():
        return url
    fresh = Path(tempfile.mkdtemp(prefix="catalogue-check-")) / "fresh.db"
    print(f"{path} does not exist: checking the models against a fresh database", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "alembic", "-c", config.config_file_name, "-x", f"db={fresh}", "upgrade", "head"],
        check=True,
        capture_output=True,
    )
    return resolve_url(str(fresh))


def run_offline() -> None:
    url = resolve_url(context.get_x_argument(as_dictionary=True).get("db"))
    configure(url=url, literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations(connection) -> None:
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        configure(connection=connection)
        run_migrations(connection)
        return
    url = resolve_url(context.get_x_argument(as_dictionary=True).get("db"))
    engine = connect(fresh_database_for_check(url))
    try:
        with engine.connect() as connection:
            configure(connection=connection)
            run_migrations(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
