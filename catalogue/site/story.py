"""What a row page tells: the queries behind the claim, note, document, record set, work and
repository pages.

Every query is keyed on an indexed column, so a page costs the same with ten documents or
a million.
"""

from __future__ import annotations

import json
import re

from datasette.database import Database

MAX_LISTED = 200  # rows listed on one page before "and more"
MAX_NOTES = 500  # a citing work's notes listed on its page; the rest a click away
# A work as a reader names it: its authors, then its title.
WORK_LABEL = (
    "coalesce((select group_concat(a.name, ', ') from work_agents wa join agents a on a.id = wa.agent_id "
    "where wa.work_id = w.id and wa.role = 'author') || ', ', '') || w.title"
)


async def _rows(db: Database, sql: str, params: dict) -> list[dict]:
    return [dict(row) for row in (await db.execute(sql, params)).rows]


async def _record_set_chain(db: Database, record_set_id: int | None) -> list[dict]:
    """A record set and its parents, from the fonds down to the file."""
    chain: list[dict] = []
    while record_set_id is not None and len(chain) < 20:
        rows = await _rows(
            db,
            "select id, parent_id, level, reference_code, path, title from record_sets where id = :id",
            {"id": record_set_id},
        )
        if not rows:
            break
        chain.insert(0, rows[0])
        record_set_id = rows[0]["parent_id"]
    return chain


CITATION_SQL = """
select c.id, c.position, c.kind, c.form, c.locator, c.text, c.unresolved_reason,
       c.document_id, d.title as document_title, d.date_edtf as document_date, d.genre,
       d.reference_code, d.record_set_id,
       r.id as repository_id, r.acronym as repository, r.authorised_name as repository_name,
       r.country_code as repository_country,
       c.work_id, w.title as work_title, w.year as work_year, w.country_code as work_country,
       vc.work_id as via_work_id, vw.title as via_work_title, vc.locator as via_locator,
       vw.country_code as via_work_country
from citations c
left join documents d on d.id = c.document_id
left join repositories r on r.id = d.repository_id
left join works w on w.id = c.work_id
left join citations vc on vc.id = c.via_citation_id
left join works vw on vw.id = vc.work_id
where c.note_id = :note_id
  and not exists (select 1 from citations o where o.via_citation_id = c.id)
order by c.position
"""


async def _citations(db: Database, note_id: int) -> list[dict]:
    """A note's citations, each with the record sets from its fonds down to its file."""
    citations = await _rows(db, CITATION_SQL, {"note_id": note_id})
    corrections = await _rows(
        db,
        """
        select k.position, k.field, k.was, k.value, k.status, k.status_reason, b.made_by, b.created_at
        from corrections k join notes n on n.work_id = k.work_id and n.number = k.note_number
        join batches b on b.id = k.batch_id where n.id = :note_id order by k.id""",
        {"note_id": note_id},
    )
    for citation in citations:
        citation["record_sets"] = await _record_set_chain(db, citation["record_set_id"])
        citation["corrections"] = [k for k in corrections if k["position"] == citation["position"]]
    return citations


def _support(summary: dict | None, notes: list[dict]) -> dict:
    """What a claim rests on, as a historian weighs it: the archives holding its documents and
    their countries, apart from the published works and their countries of publication."""
    archives: dict[int, dict] = {}
    publications: dict[str, dict] = {}
    for note in notes:
        for c in note["citations"]:
            if c["kind"] == "archival" and c["repository_id"]:
                archives.setdefault(
                    c["repository_id"],
                    {
                        "id": c["repository_id"],
                        "acronym": c["repository"],
                        "name": c["repository_name"],
                        "country": c["repository_country"],
                    },
                )
            elif c["kind"] in ("published", "published_document", "cited_document"):
                work_id = c["work_id"] or c["via_work_id"]
                if work_id:
                    publications.setdefault(
                        work_id,
                        {
                            "id": work_id,
                            "title": c["work_title"] or c["via_work_title"],
                            "country": c["work_country"] or c["via_work_country"],
                        },
                    )
    summary = summary or {}
    return {
        "archives": sorted(archives.values(), key=lambda a: (a["country"] or "~", a["acronym"] or "")),
        "publications": list(publications.values()),
        "archive_countries": [c for c in (summary.get("archive_countries") or "").split(",") if c],
        "publication_countries": [c for c in (summary.get("publication_countries") or "").split(",") if c],
        "archival_unknown_country": summary.get("archival_unknown_country") or 0,
        "published_unknown_country": summary.get("published_unknown_country") or 0,
        "corroborated": bool(summary.get("corroborated")),
    }


async def _claims_citing(db: Database, column: str, row_id: int) -> list[dict]:
    """Every claim whose note cites this document (``column`` "document_id") or this work
    ("work_id"), with its citing work, note number and locator."""
    assert column in ("document_id", "work_id")
    return await _rows(
        db,
        f"""
        select distinct cl.id as claim_id, cl.text as claim, w.title as citing_work, w.id as work_id,
               n.number as note_number, c.locator, c.form
        from citations c
        join notes n on n.id = c.note_id
        join claim_notes cn on cn.note_id = n.id
        join claims cl on cl.id = cn.claim_id
        join works w on w.id = cl.work_id
        where c.{column} = :id
        order by w.title, n.number
        limit {MAX_LISTED}""",
        {"id": row_id},
    )


async def claim_story(db: Database, claim_id: int) -> dict:
    claim = await _rows(
        db,
        "select cl.*, w.title as citing_work from claims cl join works w on w.id = cl.work_id where cl.id = :id",
        {"id": claim_id},
    )
    notes = await _rows(
        db,
        "select n.* from claim_notes cn join notes n on n.id = cn.note_id where cn.claim_id = :id order by n.position",
        {"id": claim_id},
    )
    for note in notes:
        note["citations"] = await _citations(db, note["id"])
    summary = await _rows(db, "select * from corroboration where claim_id = :id", {"id": claim_id})
    return {
        "claim": claim[0] if claim else None,
        "notes": notes,
        "support": _support(summary[0] if summary else None, notes),
    }


async def note_story(db: Database, note_id: int) -> dict:
    found = await _rows(
        db,
        f"select n.*, {WORK_LABEL} as citing_work from notes n join works w on w.id = n.work_id where n.id = :id",
        {"id": note_id},
    )
    if not found:
        return {"note": None}
    note = found[0]
    claims = await _rows(
        db,
        "select cl.id, cl.text from claim_notes cn join claims cl on cl.id = cn.claim_id "
        "where cn.note_id = :id order by cl.position",
        {"id": note_id},
    )
    around = await _rows(
        db,
        """
        select (select id from notes where work_id = :work and position < :position order by position desc limit 1)
                   as previous_id,
               (select id from notes where work_id = :work and position > :position order by position limit 1)
                   as next_id""",
        {"work": note["work_id"], "position": note["position"]},
    )
    commentary = note["residue"] if re.search(r"\w{4,}", note["residue"] or "") else None  # not "; and ."
    return {
        "note": note,
        "claims": claims,
        "citations": await _citations(db, note_id),
        "commentary": commentary,
        "set_aside": await _set_aside(db, note_id),
        **around[0],
    }


async def _set_aside(db: Database, note_id: int) -> list[dict]:
    """What editors set aside in a note as no citation: the text as read, by whom and when."""
    rows = await _rows(
        db,
        """
        select k.position, k.was, k.status, k.status_reason, b.made_by, b.created_at, b.id as batch_id
        from corrections k join notes n on n.work_id = k.work_id and n.number = k.note_number
        join batches b on b.id = k.batch_id where n.id = :note_id and k.field = 'not_a_citation' order by k.id""",
        {"note_id": note_id},
    )
    for row in rows:
        row["text"] = json.loads(row["was"]).get("text") if (row["was"] or "").startswith("{") else None
    return rows


async def work_story(db: Database, work_id: int) -> dict:
    work = await _rows(db, "select * from works where id = :id", {"id": work_id})
    if not work:
        return {"work": None}
    agents = await _rows(
        db,
        "select a.id, a.name, wa.role from work_agents wa join agents a on a.id = wa.agent_id "
        "where wa.work_id = :id order by wa.role, wa.position",
        {"id": work_id},
    )
    notes = await _rows(
        db,
        f"""
        select n.id, n.number, n.text, n.parse_status,
               (select group_concat(claim_id, ',') from claim_notes where note_id = n.id) as claim_ids,
               (select count(*) from citations c where c.note_id = n.id and c.via_citation_id is null) as citations
        from notes n where n.work_id = :id order by n.position limit {MAX_NOTES}""",
        {"id": work_id},
    )
    for note in notes:
        note["claim_ids"] = [int(i) for i in (note["claim_ids"] or "").split(",") if i]
    cited_by = await _claims_citing(db, "work_id", work_id)
    documents = await _rows(
        db,
        f"""
        select distinct d.id, d.title, d.date_edtf, c.kind, vc.locator
        from citations vc join citations c on c.via_citation_id = vc.id join documents d on d.id = c.document_id
        where vc.work_id = :id order by d.date_start, d.id limit {MAX_LISTED}""",
        {"id": work_id},
    )
    note_count = (await db.execute("select count(*) from notes where work_id = :id", {"id": work_id})).rows[0][0]
    return {
        "work": work[0],
        "agents": agents,
        "notes": notes,
        "note_count": note_count,
        "cited_by": cited_by,
        "documents": documents,
        "max_listed": MAX_LISTED,
    }


async def record_set_story(db: Database, record_set_id: int) -> dict:
    """A fonds, series or file: its archive, its place in the tree, what it holds, and the
    claims resting on the documents in it or in anything it holds."""
    found = await _rows(
        db,
        "select rs.*, r.acronym as repository, r.authorised_name as repository_name, "
        "r.country_code, r.city from record_sets rs "
        "join repositories r on r.id = rs.repository_id where rs.id = :id",
        {"id": record_set_id},
    )
    if not found:
        return {"record_set": None}
    record_set = found[0]
    within = {"repository": record_set["repository_id"], "path": record_set["path"], "id": record_set_id}
    children = await _rows(
        db,
        f"select id, level, reference_code, path, title from record_sets "
        f"where parent_id = :id order by path limit {MAX_LISTED}",
        {"id": record_set_id},
    )
    documents = await _rows(
        db,
        f"""
        select d.id, d.title, d.date_edtf, d.date_start, d.reference_code, d.genre, rs.path
        from record_sets rs cross join documents d on d.record_set_id = rs.id
        where rs.repository_id = :repository and (rs.id = :id or (rs.path > :path || ' /' and rs.path < :path || ' 0'))
        limit {MAX_LISTED}""",
        within,
    )
    documents.sort(key=lambda d: (d["date_start"] or "~", d["id"]))
    claims = await _rows(
        db,
        f"""
        select distinct cl.id as claim_id, cl.text as claim, cw.title as citing_work, cw.id as work_id,
               n.number as note_number, d.id as document_id
        from record_sets rs cross join documents d on d.record_set_id = rs.id
        cross join citations c on c.document_id = d.id
        cross join notes n on n.id = c.note_id
        cross join claim_notes cn on cn.note_id = n.id
        cross join claims cl on cl.id = cn.claim_id
        cross join works cw on cw.id = cl.work_id
        where rs.repository_id = :repository and (rs.id = :id or (rs.path > :path || ' /' and rs.path < :path || ' 0'))
        limit {MAX_LISTED}""",
        within,
    )
    return {
        "record_set": record_set,
        "record_sets": await _record_set_chain(db, record_set_id),
        "children": children,
        "documents": documents,
        "claims": _by_claim(claims),
        "max_listed": MAX_LISTED,
    }


def _by_claim(rows: list[dict]) -> list[dict]:
    """Claim-and-document rows as one entry per claim, listing the documents it cites."""
    claims: dict[int, dict] = {}
    for row in rows:
        claim = claims.setdefault(row["claim_id"], {**row, "document_ids": []})
        if row["document_id"] not in claim["document_ids"]:
            claim["document_ids"].append(row["document_id"])
    return sorted(claims.values(), key=lambda c: (c["citing_work"], c["note_number"] or 0))


async def document_story(db: Database, document_id: int) -> dict:
    document = await _rows(
        db,
        "select d.*, r.acronym as repository, r.authorised_name as repository_name, "
        "r.city, r.country_code from documents d "
        "left join repositories r on r.id = d.repository_id where d.id = :id",
        {"id": document_id},
    )
    claims = await _claims_citing(db, "document_id", document_id)
    editions = await _rows(
        db,
        """
        select distinct w.id as work_id, w.title, w.year, vc.locator, c.kind
        from citations c join citations vc on vc.id = c.via_citation_id join works w on w.id = vc.work_id
        where c.document_id = :id""",
        {"id": document_id},
    )
    cited = await _rows(
        db,
        f"""
        select c.id, c.form, c.locator, n.id as note_id, n.number as note_number, w.id as work_id,
               {WORK_LABEL} as citing_work
        from citations c join notes n on n.id = c.note_id join works w on w.id = n.work_id
        where c.document_id = :id order by w.title, n.position, c.position limit {MAX_LISTED}""",
        {"id": document_id},
    )
    record_set_id = document[0]["record_set_id"] if document else None
    return {
        "document": document[0] if document else None,
        "claims": claims,
        "editions": editions,
        "cited": cited,
        "record_sets": await _record_set_chain(db, record_set_id),
        "max_listed": MAX_LISTED,
    }


async def repository_story(db: Database, repository_id: int) -> dict:
    repository = await _rows(db, "select * from repositories where id = :id", {"id": repository_id})
    names = await _rows(
        db,
        "select name, language, type from repository_names where repository_id = :id order by type, name",
        {"id": repository_id},
    )
    fonds = await _rows(
        db,
        f"select id, level, reference_code, path, title from record_sets "
        f"where repository_id = :id and parent_id is null order by path limit {MAX_LISTED}",
        {"id": repository_id},
    )
    documents = await _rows(
        db,
        f"select id, title, date_edtf, reference_code, genre from documents "
        f"where repository_id = :id order by date_start, id limit {MAX_LISTED}",
        {"id": repository_id},
    )
    counted = await _rows(
        db, "select claims from derived_repository_summary where repository_id = :id", {"id": repository_id}
    )
    return {
        "repository": repository[0] if repository else None,
        "names": names,
        "fonds": fonds,
        "documents": documents,
        "claim_count": counted[0]["claims"] if counted else 0,
        "max_listed": MAX_LISTED,
    }


# The key of each story's own row: no row, no story (the page shows Datasette's own).
STORY_ROW = {
    "claims": "claim",
    "documents": "document",
    "repositories": "repository",
    "notes": "note",
    "works": "work",
    "record_sets": "record_set",
}
STORIES = {
    "claims": claim_story,
    "documents": document_story,
    "repositories": repository_story,
    "notes": note_story,
    "works": work_story,
    "record_sets": record_set_story,
}
