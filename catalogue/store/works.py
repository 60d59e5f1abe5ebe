"""Writing the published works a person adds (by hand, from a file, from Zotero), in batches.

A work is one row whoever cites it: its identity key is the note reader's (title and first
author, folded). A work whose title is within a few letters of a row by the same first
author is reported as a near match, never silently doubled.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz
from sqlalchemy import Connection, insert, select

from ..gazetteer import PlaceIndex
from ..models import Agent, Repository, RepositoryName, Work, WorkAgent
from ..records import WorkRecord
from ..text import fold
from .documents import CHUNK, Located, SaveReport, _chunks
from .keys import agent_key, agent_kind, name_parts, work_key

NEAR_TITLE = 90
FIELDS = ("type", "title", "title_translated", "container_title", "volume", "issue", "pages", "place",
          "publisher", "year", "language", "doi", "isbn", "url")


def save_works(connection: Connection, located: Sequence[Located], batch_id: int,
               places: PlaceIndex | None = None) -> SaveReport:
    report = SaveReport("works")
    keyed = []
    for where in located:
        record: WorkRecord = where.record
        keyed.append((work_key(record.title, (record.authors or record.editors or [None])[0]), where))
    existing = {}
    for chunk in _chunks(list({key for key, _ in keyed}), CHUNK):
        existing.update(dict(connection.execute(select(Work.work_key, Work.id).where(Work.work_key.in_(chunk))).all()))
    ids, new = dict(existing), []
    archive_countries = dict(connection.execute(  # a collection compiled by an archive comes from its country
        select(RepositoryName.name_key, Repository.country_code)
        .join(Repository, Repository.id == RepositoryName.repository_id)).all())
    for key, where in keyed:
        if key in ids:
            report.matched += 1
            continue
        record: WorkRecord = where.record
        row = {name: getattr(record, name) for name in FIELDS}
        place = places.place_of(record.place) if places is not None and record.place else None
        country = place.country if place else next(
            (archive_countries[fold(part)] for name in (record.publisher, *record.authors) for part in name_parts(name)
             if archive_countries.get(fold(part))), None)
        row.update(work_key=key, country_code=country, batch_id=batch_id)
        ids[key] = None
        new.append((row, where))
        report.warnings += _near(connection, record, where)
    for chunk in _chunks(new, CHUNK):
        returned = connection.execute(insert(Work).returning(Work.id, Work.work_key),
                                      [row for row, _ in chunk]).all()
        ids.update({key: row_id for row_id, key in returned})
    report.added = len(new)
    report.ids = [ids[key] for key, _ in keyed]
    _credit(connection, [(ids[row["work_key"]], where.record) for row, where in new])
    return report


def _near(connection: Connection, record: WorkRecord, where: Located) -> list[str]:
    """Works already there with a title within a few letters of this one."""
    words = [w for w in fold(record.title).split() if w] or [fold(record.title)]
    probe = fold(record.title)[:12]
    rows = connection.execute(select(Work.id, Work.title).where(Work.title.ilike(f"%{record.title[:12]}%"))
                              .limit(50)).all() if probe and words else []
    return [f"{where.where}: near match: {record.title!r} resembles work {row_id} {title!r} "
            f"(/catalogue/works/{row_id}); added as a new work"
            for row_id, title in rows if fold(title) != fold(record.title)
            and fuzz.ratio(fold(title), fold(record.title)) >= NEAR_TITLE]


def _credit(connection: Connection, works: list[tuple[int, WorkRecord]]) -> None:
    """Authors and editors as agents of their works, in order."""
    names = list(dict.fromkeys(name for _, record in works for name in (*record.authors, *record.editors)))
    if not names:
        return
    agents = {}
    for chunk in _chunks([agent_key(name) for name in names], CHUNK):
        agents.update(dict(connection.execute(select(Agent.agent_key, Agent.id).where(Agent.agent_key.in_(chunk))).all()))
    new = list({agent_key(n): {"agent_key": agent_key(n), "name": n, "kind": agent_kind(n)}
                for n in names if agent_key(n) not in agents}.values())
    for chunk in _chunks(new, CHUNK):
        agents.update({key: row_id for row_id, key in connection.execute(
            insert(Agent).returning(Agent.id, Agent.agent_key), chunk).all()})
    links = {}
    for work_id, record in works:
        for role, people in (("author", record.authors), ("editor", record.editors)):
            for position, name in enumerate(people):
                links.setdefault((work_id, agents[agent_key(name)], role), position)
    rows = [{"work_id": w, "agent_id": a, "role": r, "position": p} for (w, a, r), p in links.items()]
    for chunk in _chunks(rows, CHUNK):
        connection.execute(insert(WorkAgent), chunk)
