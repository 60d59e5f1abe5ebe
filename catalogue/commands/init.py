"""``catalogue init``: create or upgrade a database and load the repository authority."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import schema
from ..db import checkpoint, connect, describe, resolve_url, sqlite_path, use_wal
from ..errors import DatabaseError
from ..models import Repository
from ..reference.authority import read_authority
from ..reference.gazetteer import read_places
from ..resources import AUTHORITY_FILE, GAZETTEER_FILE
from ..store import SaveCounts, save_places, save_repositories
from .migrate import upgrade


@dataclass
class InitReport:
    database: str
    revision_before: str | None
    revision_after: str
    repositories: SaveCounts
    repositories_total: int
    places: SaveCounts


def initialise(
    target: str | None = None, authority: Path = AUTHORITY_FILE, gazetteer: Path = GAZETTEER_FILE
) -> InitReport:
    """Migrate ``target`` to the latest schema and load the repository authority and the
    gazetteer, all or nothing.

    Both files are validated before the database is opened; any failure leaves an existing
    database exactly as it was and removes a database file this call created.
    """
    records = read_authority(authority)
    places = read_places(gazetteer)
    url = resolve_url(target)
    path = sqlite_path(url)
    created = path is not None and not path.exists()
    try:
        engine = connect(url)
        try:
            with engine.begin() as connection:
                before = schema.current_revision(connection)
                upgrade(connection)
                with Session(bind=connection) as session:
                    counts = save_repositories(session, records)
                    place_counts = save_places(session, places)
                    total = session.execute(select(func.count()).select_from(Repository)).scalar_one()
                    session.commit()  # joins the connection's transaction; engine.begin() commits
                after = schema.current_revision(connection)
                if after is None:  # the upgrade wrote none: roll back, as for any failure
                    raise DatabaseError(f"{describe(url)}: no schema revision after the upgrade")
            use_wal(engine)
            checkpoint(engine)
        finally:
            engine.dispose()
    except BaseException:
        if created and path is not None:
            for leftover in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
                leftover.unlink(missing_ok=True)
        raise
    return InitReport(str(path or url.render_as_string(hide_password=True)), before, after, counts, total, place_counts)
