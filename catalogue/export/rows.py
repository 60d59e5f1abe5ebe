"""Reading the catalogue for export: database rows in, plain dicts out.

Every format reads these dicts and nothing else, so data flows one way::

    database ─► read_catalogue (plain SQL, read-only) ─► Catalogue of dicts ─► csl / rico / tables

The SQL is plain enough for SQLite and PostgreSQL alike: no JSON functions, no
group_concat; lists (names, agents, evidence) are gathered in Python.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

from .. import schema
from ..db import connect

REPOSITORIES_SQL = """
select id, acronym, authorised_name, type, country_code, city, latitude, longitude, url
from repositories order by id
"""
REPOSITORY_NAMES_SQL = "select repository_id, name, language, type from repository_names order by repository_id, id"
RECORD_SETS_SQL = """
select id, repository_id, parent_id, level, reference_code, path, title from record_sets order by id
"""
DOCUMENTS_SQL = """
select id, repository_id, record_set_id, title, title_translated, language, genre, date_as_written,
       date_edtf, date_precision, reference_code, description,
       (select w.title from citations c join citations vc on vc.id = c.via_citation_id
        join works w on w.id = vc.work_id where c.document_id = d.id order by c.id limit 1) as printed_in
from documents d order by id
"""
WORKS_SQL = """
select id, type, title, title_translated, short_title, container_title, container_title_translated,
       volume, issue, edition, pages, place, publisher, year, date_edtf, language, country_code,
       doi, isbn, url
from works order by id
"""
DOCUMENT_AGENTS_SQL = """
select da.document_id, da.role, a.name, a.family_name, a.given_name, a.kind
from document_agents da join agents a on a.id = da.agent_id order by da.document_id, da.id
"""
WORK_AGENTS_SQL = """
select wa.work_id, wa.role, a.name, a.family_name, a.given_name, a.kind
from work_agents wa join agents a on a.id = wa.agent_id order by wa.work_id, wa.role, wa.position, wa.id
"""
CLAIMS_SQL = "select id, work_id, position, text from claims order by id"
# The documents each claim rests on: cited directly, printed in a work or known through one.
CLAIM_DOCUMENTS_SQL = """
select distinct cn.claim_id, c.document_id
from claim_notes cn join citations c on c.note_id = cn.note_id
where c.document_id is not null
order by cn.claim_id, c.document_id
"""


@dataclass(frozen=True)
class Catalogue:
    """The whole catalogue as plain dicts, each list in id order."""

    repositories: list[dict]
    record_sets: list[dict]
    documents: list[dict]
    works: list[dict]
    claims: list[dict]


def agent_name(name: str, family_name: str | None = None, given_name: str | None = None) -> str:
    """An agent's name as records carry it: inverted ("Family, Given") only when the catalogue
    knows the family name and the name is written given name first.

    >>> agent_name("Pierre Asselin", "Asselin", "Pierre")
    'Asselin, Pierre'
    >>> agent_name("Võ Nguyên Giáp", "Võ", "Nguyên Giáp")  # family name first: kept as written
    'Võ Nguyên Giáp'
    >>> agent_name("Chen Jian")
    'Chen Jian'
    """
    if family_name and given_name and " ".join(name.split()) == f"{given_name} {family_name}":
        return f"{family_name}, {given_name}"
    return name


def _agent(row) -> dict:
    return {"role": row.role, "name": agent_name(row.name, row.family_name, row.given_name), "kind": row.kind}


def read_rows(connection: Connection) -> Catalogue:
    """Every repository, record set, document, work and claim, with what each one names."""

    def rows(sql: str) -> list:
        return list(connection.execute(text(sql)))

    names = defaultdict(list)
    for row in rows(REPOSITORY_NAMES_SQL):
        names[row.repository_id].append({"name": row.name, "language": row.language, "type": row.type})
    repositories = {row.id: {**row._asdict(), "names": names[row.id]} for row in rows(REPOSITORIES_SQL)}
    record_sets = {row.id: row._asdict() for row in rows(RECORD_SETS_SQL)}

    document_agents, work_agents = defaultdict(list), defaultdict(list)
    for row in rows(DOCUMENT_AGENTS_SQL):
        document_agents[row.document_id].append(_agent(row))
    for row in rows(WORK_AGENTS_SQL):
        work_agents[row.work_id].append(_agent(row))

    documents = []
    for row in rows(DOCUMENTS_SQL):
        document = row._asdict()
        repository = repositories.get(document.pop("repository_id"))
        record_set = record_sets.get(document.pop("record_set_id"))
        documents.append(
            {**document, "repository": repository, "record_set": record_set, "agents": document_agents[row.id]}
        )
    works = [{**row._asdict(), "agents": work_agents[row.id]} for row in rows(WORKS_SQL)]

    evidence = defaultdict(list)
    for row in rows(CLAIM_DOCUMENTS_SQL):
        evidence[row.claim_id].append(row.document_id)
    claims = [{**row._asdict(), "document_ids": evidence[row.id]} for row in rows(CLAIMS_SQL)]
    return Catalogue(list(repositories.values()), list(record_sets.values()), documents, works, claims)


def read_catalogue(target: str | URL | None = None) -> Catalogue:
    """The catalogue at ``target`` (a SQLite file or SQLAlchemy URL), read without writing to it.

    Refuses, with one line, what is not a catalogue at the latest schema.
    """
    engine = connect(target, read_only=True)
    try:
        with engine.connect() as connection:
            schema.require_current(connection)
            return read_rows(connection)
    finally:
        engine.dispose()
