"""The Datasette site. It is a Datasette plugin (plugin/: its hooks, templates and static
files), registered as catalogue's ``datasette`` entry point, so that plain
``datasette catalogue.db`` serves the same site as ``catalogue serve``; the metadata it
supplies is built from the models (metadata.py, site.yml, queries.yml).

Nothing imported here may import datasette.app: Datasette loads its plugins, this package
among them, while datasette.app is itself being imported. make_datasette (serving.py) is
therefore imported when it is called.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasette.app import Datasette


def make_datasette(path: Path | str, editors: list | None = None, secret: str | None = None) -> Datasette:
    """A Datasette instance serving the SQLite file at ``path`` as ``catalogue``, as
    ``catalogue serve`` does (serving.make_datasette)."""
    from .serving import make_datasette as serve

    return serve(path, editors, secret)
