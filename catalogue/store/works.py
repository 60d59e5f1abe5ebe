"""Writing the published works a person adds (by hand, from a file, from Zotero), in batches.

A work is one row whoever cites it: its identity key is the note reader's (title and first
author, folded). A work whose title is within a few letters of a row by the same first
author is reported as a near match, never silently doubled.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, insert, select

from ..models import Work, WorkAgent
from ..records import Located, WorkRecord
from ..reference.gazetteer import PlaceIndex
from ..text import fold
from .keys import country_of_archive_named, work_key
from .rows import SaveReport, archive_countries, chunks, ensure_agents

NEAR_TITLE = 90
FIELDS = (
    "type",
    "title",
    "title_translated",
    "container_title",
    "volume",
    "issue",
    "pages",
    "place",
    "publisher",
    "year",
    "language",
    "doi",
    "isbn",
    "url",
)


def save_works(
    connection: Connection, located: Sequence[Located[WorkRecord]], batch_id: int, places: PlaceIndex | None = None
) -> SaveReport:
    report = SaveReport("works")
    keyed = [(work_key(where.record.title, _first_author(where.record)), where) for where in located]
    ids: dict[str, int] = {}
    for chunk in chunks(list({key for key, _ in keyed})):
        ids.update(dict(connection.execute(select(Work.work_key, Work.id).where(Work.work_key.in_(chunk))).all()))
    new: list[tuple[dict, Located[WorkRecord]]] = []
    adding: set[str] = set()  # the keys of the works this batch adds
    countries = archive_countries(connection)
    near: NearTitles | None = None  # read at the first new work
    for key, where in keyed:
        if key in ids or key in adding:
            report.matched += 1
            continue
        record = where.record
        row = {name: getattr(record, name) for name in FIELDS}
        place = places.place_of(record.place) if places is not None and record.place else None
        country = place.country if place else country_of_archive_named((record.publisher, *record.authors), countries)
        row.update(work_key=key, country_code=country, batch_id=batch_id)
        adding.add(key)
        new.append((row, where))
        if near is None:
            near = NearTitles(connection)
        report.warnings += near.warnings(record, where)
    for chunk in chunks(new):
        returned = connection.execute(insert(Work).returning(Work.id, Work.work_key), [row for row, _ in chunk]).all()
        ids.update({key: row_id for row_id, key in returned})
    report.added = len(new)
    report.ids = [ids[key] for key, _ in keyed]
    _credit(connection, [(ids[row["work_key"]], where.record) for row, where in new])
    return report


def _first_author(record: WorkRecord) -> str | None:
    """Its first author, or its first editor (an edited collection), or None."""
    names = record.authors or record.editors
    return names[0] if names else None


class NearTitles:
    """The titles of the works already there, folded, read once per batch: a new work whose
    title is within a few letters of one of them is reported with the row it resembles."""

    def __init__(self, connection: Connection):
        rows = connection.execute(select(Work.id, Work.title)).all()
        self.ids = [row_id for row_id, _ in rows]
        self.titles = [title for _, title in rows]
        self.folded = [fold(title) for title in self.titles]

    def warnings(self, record: WorkRecord, where: Located) -> list[str]:
        folded = fold(record.title)
        found = process.extract(folded, self.folded, scorer=fuzz.ratio, score_cutoff=NEAR_TITLE, limit=3)
        return [
            f"{where.where}: near match: {record.title!r} resembles work {self.ids[index]} "
            f"{self.titles[index]!r} (/catalogue/works/{self.ids[index]}); added as a new work"
            for choice, _, index in found
            if choice != folded
        ]


def _credit(connection: Connection, works: list[tuple[int, WorkRecord]]) -> None:
    """Authors and editors as agents of their works, in order."""
    agents = ensure_agents(connection, (name for _, record in works for name in (*record.authors, *record.editors)))
    if not agents:
        return
    links: dict[tuple[int, int, str], int] = {}
    for work_id, record in works:
        for role, people in (("author", record.authors), ("editor", record.editors)):
            for position, name in enumerate(people):
                links.setdefault((work_id, agents[name], role), position)
    rows = [{"work_id": w, "agent_id": a, "role": r, "position": p} for (w, a, r), p in links.items()]
    for chunk in chunks(rows):
        connection.execute(insert(WorkAgent), chunk)
