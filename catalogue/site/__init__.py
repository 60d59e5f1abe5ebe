"""The Datasette site: a configuration folder (metadata, templates, plugins, static files)
and the function that serves a catalogue database with it, always under the name
``catalogue`` so that URLs such as /catalogue/claims/12 stay stable and citable."""

from __future__ import annotations

from pathlib import Path

from datasette.app import Datasette
from datasette.database import Database

from .metadata import DATABASE, build_metadata, settings

SITE = Path(__file__).resolve().parent


def make_datasette(path: Path | str) -> Datasette:
    """A Datasette instance serving the SQLite file at ``path`` as ``catalogue``."""
    datasette = Datasette(
        metadata=build_metadata(),
        template_dir=str(SITE / "templates"),
        plugins_dir=str(SITE / "plugins"),
        static_mounts=[("catalogue-static", str(SITE / "static"))],
        settings=settings(),
    )
    datasette.remove_database("_memory")
    datasette.add_database(Database(datasette, path=str(path), is_mutable=True), name=DATABASE)
    return datasette
