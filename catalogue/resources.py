"""The files the package ships, found with importlib.resources (inside an installed wheel as
in a checkout): the curated reference data, the migrations; and the seed articles, which a
checkout has beside the package as demonstration data and a wheel does not.

    >>> AUTHORITY_FILE.name
    'repositories.yml'
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _packaged(package: str) -> Path:
    """The folder of a package of ours, as a path (wheels install unzipped)."""
    return Path(str(files(package)))


REFERENCE = _packaged("catalogue.reference")
AUTHORITY_FILE = REFERENCE / "repositories.yml"  # the repository authority
GAZETTEER_FILE = REFERENCE / "places.yml"  # the gazetteer
EDITIONS_FILE = REFERENCE / "editions.yml"  # printed document editions
MIGRATIONS = _packaged("catalogue.migrations")  # Alembic's scripts (migrations/ in a checkout)
SEED = _packaged("catalogue").parent / "seed"  # the seed articles, in a checkout only
