"""Exceptions: one class per kind of failure, each with a message fit for a user."""

from __future__ import annotations


class CatalogueError(Exception):
    """Base class: anything the CLI reports as a one-line error and a non-zero exit."""


class DatabaseError(CatalogueError):
    """The database cannot be used; nothing was written."""


class NotADatabase(DatabaseError):
    """The path exists but is not a SQLite database, or not a catalogue."""


class DatabaseUnreachable(DatabaseError):
    """A database server did not accept the connection."""


class SchemaTooNew(DatabaseError):
    """The database was migrated by a newer catalogue than this one."""


class InputError(CatalogueError):
    """Bad input, as ``FILE:LINE: field: problem`` (``FILE:item N: …`` for an item of a JSON list).

    >>> str(InputError("documents.csv", 7, "date", "February 1947 has no day 31"))
    'documents.csv:7: date: February 1947 has no day 31'
    """

    def __init__(self, path: str, line: int | None, field: str | None, message: str, unit: str = "line"):
        self.path, self.line, self.field, self.message, self.unit = path, line, field, message, unit
        where = str(path)
        if line is not None:
            where += f":{line}" if unit == "line" else f":{unit} {line}"
        super().__init__(f"{where}: {field + ': ' if field else ''}{message}")


class InvalidInput(CatalogueError):
    """One or more bad input records; nothing was written."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))
