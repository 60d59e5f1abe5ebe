"""What the one search box reads of each table: the row's own text columns and the names it
shows from linked tables, and the row's search text (folded words) that every writer keeps
with the row. The indexes over it are derived objects (derive/search_indexes.py).

    >>> search_text_of(["Lạng Sơn", None, 1950])
    'lang son 1950'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .text import search_words


@dataclass(frozen=True)
class Searchable:
    """A table the search box reads: the row's own text columns, the names it shows from
    linked tables (SQL over the row ``t``), and the linked tables whose writes change them."""

    table: str
    columns: tuple[str, ...]
    related: str | None = None
    dependents: tuple[tuple[str, str, str], ...] = ()  # (linked table, its key, the SQL finding our rows)

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    @property
    def words(self) -> str:
        return f"{self.table}_words"

    def written(self, row: str) -> str:
        """The row's text as written, in plain SQL (``row`` is new or old)."""
        return " || ' ' || ".join(f"coalesce(CAST({row}.{column} AS TEXT), '')" for column in self.columns)


def _names(table: str, key: str) -> str:
    return f"(SELECT group_concat(name, ' ') FROM {table} WHERE {key})"


SEARCHABLE = (
    Searchable("claims", ("text",)),
    Searchable("notes", ("text",)),
    Searchable("documents", ("title", "title_translated", "reference_code", "date_as_written")),
    Searchable(
        "works",
        ("title", "title_translated", "container_title", "publisher", "year"),
        related="(SELECT group_concat(a.name, ' ') FROM work_agents wa JOIN agents a ON a.id = wa.agent_id "
        "WHERE wa.work_id = t.id)",
        dependents=(("work_agents", "work_id", "id = {key}"),),
    ),
    Searchable(
        "repositories",
        ("acronym", "authorised_name", "city"),
        related=_names("repository_names", "repository_id = t.id"),
        dependents=(("repository_names", "repository_id", "id = {key}"),),
    ),
    Searchable(
        "record_sets", ("path", "title"), related="(SELECT acronym FROM repositories WHERE id = t.repository_id)"
    ),
)
BY_TABLE = {item.table: item for item in SEARCHABLE}


def search_text_of(values: Sequence[object]) -> str:
    """A row's search text from its text columns and related names, in order.

    >>> search_text_of(["Báo cáo về Đông Dương", None, "PTT, ML 2, 60", "胡志明"])
    'bao cao ve dong duong ptt, ml 2, 60 胡 志 明'
    """
    return search_words(" ".join(str(value) for value in values if value not in (None, ""))) or ""
