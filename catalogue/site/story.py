"""What a row page tells: the queries behind the claim, document and repository pages.

Every query is keyed on an indexed column, so a page costs the same with ten documents or
a million.
"""

from __future__ import annotations

from datasette.database import Database

MAX_LISTED = 200  # rows listed on one page before "and more"


async def _rows(db: Database, sql: str, params: dict) -> list[dict]:
    return [dict(row) for row in (await db.execute(sql, params)).rows]


async def _record_set_chain(db: Database, record_set_id: int | None) -> list[dict]:
    """A record set and its parents, from the fonds down to the file."""
    chain = []
    while record_set_id is not None and len(chain) < 20:
        rows = await _rows(db, "select id, parent_id, level, reference_code, path, title "
                               "from record_sets where id = :id", {"id": record_set_id})
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
       c.work_id, w.title as work_title, w.year as work_year,
       vc.work_id as via_work_id, vw.title as via_work_title, vc.locator as via_locator
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


async def claim_story(db: Database, claim_id: int) -> dict:
    claim = await _rows(db, "select cl.*, w.title as citing_work from claims cl "
                            "join works w on w.id = cl.work_id where cl.id = :id", {"id": claim_id})
    notes = await _rows(db, "select n.* from claim_notes cn join notes n on n.id = cn.note_id "
                            "where cn.claim_id = :id order by n.position", {"id": claim_id})
    for note in notes:
        note["citations"] = await _rows(db, CITATION_SQL, {"note_id": note["id"]})
        for citation in note["citations"]:
            citation["record_sets"] = await _record_set_chain(db, citation["record_set_id"])
    return {"claim": claim[0] if claim else None, "notes": notes}


async def document_story(db: Database, document_id: int) -> dict:
    document = await _rows(db, "select d.*, r.acronym as repository, r.authorised_name as repository_name, "
                               "r.city, r.country_code from documents d "
                               "left join repositories r on r.id = d.repository_id where d.id = :id",
                           {"id": document_id})
    claims = await _rows(db, f"""
        select distinct cl.id as claim_id, cl.text as claim, w.title as citing_work, w.id as work_id,
               n.number as note_number, c.locator, c.form
        from citations c
        join notes n on n.id = c.note_id
        join claim_notes cn on cn.note_id = n.id
        join claims cl on cl.id = cn.claim_id
        join works w on w.id = cl.work_id
        where c.document_id = :id
        order by w.title, n.number
        limit {MAX_LISTED}""", {"id": document_id})
    editions = await _rows(db, """
        select distinct w.id as work_id, w.title, w.year, vc.locator, c.kind
        from citations c join citations vc on vc.id = c.via_citation_id join works w on w.id = vc.work_id
        where c.document_id = :id""", {"id": document_id})
    record_set_id = document[0]["record_set_id"] if document else None
    return {"document": document[0] if document else None, "claims": claims, "editions": editions,
            "record_sets": await _record_set_chain(db, record_set_id)}


async def repository_story(db: Database, repository_id: int) -> dict:
    repository = await _rows(db, "select * from repositories where id = :id", {"id": repository_id})
    names = await _rows(db, "select name, language, type from repository_names "
                            "where repository_id = :id order by type, name", {"id": repository_id})
    fonds = await _rows(db, f"select id, level, reference_code, path, title from record_sets "
                            f"where repository_id = :id and parent_id is null order by path limit {MAX_LISTED}",
                        {"id": repository_id})
    documents = await _rows(db, f"select id, title, date_edtf, reference_code, genre from documents "
                                f"where repository_id = :id order by date_start, id limit {MAX_LISTED}",
                            {"id": repository_id})
    counted = await _rows(db, "select claims from derived_repository_summary where repository_id = :id",
                          {"id": repository_id})
    return {"repository": repository[0] if repository else None, "names": names, "fonds": fonds,
            "documents": documents, "claim_count": counted[0]["claims"] if counted else 0,
            "max_listed": MAX_LISTED}


STORIES = {"claims": claim_story, "documents": document_story, "repositories": repository_story}
