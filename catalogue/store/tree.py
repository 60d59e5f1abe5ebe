"""The fonds → series → file tree of each archive: record sets made where missing, in batches.

A reference code read by its archive's grammar ("10 H 287" → series "10 H", file "287")
gives the levels; each level is a record set whose path is the codes from the top
("10 H / 287"), so that every writer puts the same file in the same place.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, insert, select, update

from ..models import RecordSet, Repository
from ..parse.refcodes import code_key
from ..searchable import search_text_of
from .batches import keep_earlier
from .rows import chunks

Levels = tuple[tuple[str, str], ...]  # (level, code) from the top: (("series", "10 H"), ("file", "287"))


def path_of(levels: Levels) -> str:
    """>>> path_of((("series", "10 H"), ("file", "287")))
    '10 H / 287'
    """
    return " / ".join(code for _, code in levels)


def ensure_tree(
    connection: Connection, wanted: list[tuple[int, Levels, str | None]], batch_id: int
) -> tuple[dict[tuple[int, str], int], set[tuple[int, str]]]:
    """The record sets these (archive id, levels, title of the lowest level) name, made where
    missing, parents first; a title given for a record set that has none is set.
    Returns (archive id, path) → record set id, and the (archive id, path) it made."""
    needed: dict[tuple[int, str], tuple[str, str, str | None]] = {}  # → level, code, parent path
    titles: dict[tuple[int, str], str] = {}
    for archive, levels, title in wanted:
        for depth, (level, code) in enumerate(levels):
            needed.setdefault((archive, path_of(levels[: depth + 1])), (level, code, path_of(levels[:depth]) or None))
        if levels and title:
            titles.setdefault((archive, path_of(levels)), title)
    archives = list({archive for archive, _ in needed})
    known = {}
    for chunk in chunks(archives):
        known.update(
            {
                (row[1], row[2]): row[0]
                for row in connection.execute(
                    select(RecordSet.id, RecordSet.repository_id, RecordSet.path).where(
                        RecordSet.repository_id.in_(chunk)
                    )
                )
            }
        )
    missing = sorted((path.count(" / "), archive, path) for archive, path in needed if (archive, path) not in known)
    acronyms = dict(
        connection.execute(
            select(Repository.id, Repository.acronym).where(Repository.id.in_({archive for _, archive, _ in missing}))
        ).all()
    )
    for depth in sorted({depth for depth, _, _ in missing}):
        rows = []
        for _, archive, path in (m for m in missing if m[0] == depth):
            level, code, parent = needed[(archive, path)]
            rows.append(
                {
                    "repository_id": archive,
                    "path": path,
                    "level": level,
                    "reference_code": code,
                    "reference_code_normalised": code,
                    "reference_code_key": code_key(code),
                    "path_key": code_key(path),
                    "title": titles.get((archive, path)),
                    "batch_id": batch_id,
                    "search_text": search_text_of([path, titles.get((archive, path)), acronyms.get(archive)]),
                    "parent_id": known[(archive, parent)] if parent else None,
                }
            )
        for chunk in chunks(rows):
            returned = connection.execute(
                insert(RecordSet).returning(RecordSet.id, RecordSet.repository_id, RecordSet.path), chunk
            ).all()
            known.update({(archive, path): row_id for row_id, archive, path in returned})
    untitled = [{"row_id": known[place], "title": title} for place, title in titles.items()]
    if untitled:
        ids = [row["row_id"] for row in untitled]
        keep_earlier(
            connection,
            batch_id,
            "record_sets",
            [
                {"row_id": row_id, "batch_id": last, "title": None}
                for chunk in chunks(ids)
                for row_id, last in connection.execute(
                    select(RecordSet.id, RecordSet.batch_id).where(RecordSet.id.in_(chunk), RecordSet.title.is_(None))
                )
                if last != batch_id  # a file this write made: removed whole, not put back
            ],
        )
        connection.execute(
            update(RecordSet)
            .where(RecordSet.id == bindparam("row_id"), RecordSet.title.is_(None))
            .values(title=bindparam("title"), batch_id=batch_id, search_text=None),
            untitled,
        )
    return known, {(archive, path) for _, archive, path in missing}
