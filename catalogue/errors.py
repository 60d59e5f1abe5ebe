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
    """Bad input: names the file, the line and the field at fault."""

    def __init__(self, path: str, line: int | None, field: str | None, message: str):
        self.path, self.line, self.field, self.message = path, line, field, message
        where = [str(path)]
        if line is not None:
            where.append(f"line {line}")
        if field:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {message}")


class InvalidInput(CatalogueError):
    """One or more bad input records; nothing was written."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))
