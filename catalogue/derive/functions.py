"""SQL functions the site registers on every SQLite connection it opens.

The search-index triggers call ``catalogue_fold`` and ``catalogue_words`` (every connection
catalogue opens has them: db.py); the site's canned queries call the others, so that a parameter
is read as the reader reads a citation: an archive by any of its names, a reference code however
it is spaced, a date at any precision.

    select catalogue_code_key('10H287')          -- '10h287', as for "10 H 287"
    select catalogue_period_end('1948')          -- '1948-12-31'
"""

from __future__ import annotations

from ..dates import read_period
from ..db import TRIGGER_FUNCTIONS
from ..parse.refcodes import code_key
from ..text import fold


def name_key(value: str | None) -> str | None:
    """A name as repository_names.name_key keeps it ("vna3" for "VNA 3")."""
    return None if value is None else fold(value)


def period_start(value: str | None) -> str | None:
    """The first day of the period ``value`` names ("1948" → "1948-01-01"); None when empty.

    A value that is not a date raises ValueError, so that a query never answers as if no
    bound had been given."""
    period = _period(value)
    return period[0].isoformat() if period else None


def period_end(value: str | None) -> str | None:
    """The last day of the period ``value`` names ("1948" → "1948-12-31"); None when empty."""
    period = _period(value)
    return period[1].isoformat() if period else None


def _period(value: str | None):
    if value is None or not value.strip():
        return None
    period = read_period(value)
    if period is None:
        raise ValueError(f"not a date: {value!r} (write a year, a year and month, or a day: 1948, 1948-04, 1948-04-05)")
    return period


FUNCTIONS = {
    **TRIGGER_FUNCTIONS,
    "catalogue_key": name_key,
    "catalogue_code_key": code_key,
    "catalogue_period_start": period_start,
    "catalogue_period_end": period_end,
}


def register_functions(connection) -> None:
    """Register every catalogue SQL function on a sqlite3 connection."""
    for name, function in FUNCTIONS.items():
        connection.create_function(name, 1, function, deterministic=True)
