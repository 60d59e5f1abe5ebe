"""The browsing views: the evidence chain (claim → note → citation → document → file →
archive, or → published work) and the views over it that answer a historian's questions.
Plain SQL that runs on SQLite and PostgreSQL; built by :func:`catalogue.derive.ensure_derived`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import text
from sqlalchemy.engine import URL


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str


# What every column of the views means, for the site's column descriptions.
COLUMN_DOCS = {
    "claim_id": "The claim (a passage of a citing work supported by a note).",
    "claim": "The text of the claim.",
    "citing_work": "The article or book that makes the claim.",
    "section": "The section of the citing work the claim stands in.",
    "note_id": "The note supporting the claim.",
    "note_number": "The note's number in the citing work.",
    "citation_id": "One citation inside the note.",
    "kind": "What the citation cites: archival, published, published_document, cited_document, "
    "cross_reference or unknown.",
    "form": "How it cites: full, short, ibid, op_cit or author_only.",
    "locator": 'Page, folio or other place in the source, as cited ("pp. 18–19", "tr. 224").',
    "document_id": "The archival document cited.",
    "document": "The document's title as cited.",
    "document_date": 'The document\'s date, normalised to EDTF ("1949-04" for "avril 1949").',
    "genre": "The kind of document: report, telegram, intelligence_report, letter…",
    "reference_code": 'The document\'s reference code as cited ("10 H 287", "PTT, ML 2, 52").',
    "record_set_id": "The file, series or fonds holding the document.",
    "file": "The path of the file in its repository: fonds / series / file.",
    "file_title": "The title of the enclosing file, when the citation gives it.",
    "repository_id": "The archive holding the document.",
    "repository": "The archive's acronym (SHD, ANOM, VNA3…).",
    "repository_name": "The archive's authorised name.",
    "work_id": "The published work cited.",
    "work": "The published work's title.",
    "via_work_id": 'The work a document is printed in or known through ("cited in").',
    "via_work": "The title of that work.",
    "country": "The country of the archive, or of publication (ISO 3166-1 alpha-2).",
    "source_type": "archive (a document cited directly) or publication (a work, a document printed in it or "
    "known only through it).",
    "evidence": "archival (a document cited directly), published (a work, or a document printed in it or "
    "known only through it), or unplaced (a citation the reader could not place).",
    "archive_country_count": "How many countries the archives holding the claim's documents are in.",
    "archive_countries": "Those countries (ISO 3166-1 alpha-2), comma-separated.",
    "archives": "The archives holding the claim's documents, comma-separated.",
    "archival_unknown_country": "How many of its archival citations have no known archive or country.",
    "publication_country_count": "How many countries the published works it cites come from.",
    "publication_countries": "Those countries (ISO 3166-1 alpha-2), comma-separated.",
    "published_unknown_country": "How many of its published sources have no known country of publication.",
    "unplaced": "How many of its citations the reader could not place.",
    "corroborated": "1 when archival documents held in two countries or more support the claim.",
    "archival_documents": "How many distinct archival documents it cites directly.",
    "country_count": "How many known countries the claim's sources (archives and publications) come from.",
    "countries": "Those countries, comma-separated.",
    "documents": "How many distinct archival documents the claim cites.",
    "intelligence_reports": "How many of them are intelligence reports.",
    "works": "How many distinct published works the claim cites.",
    "cited_in": "How many of its citations are documents known only through another work.",
    "consulted": "How many of its citations are sources the author consulted directly.",
    "citations": "How many citations support the claim.",
    "problem": "What needs checking.",
    "citation_text": "The citation's text, verbatim.",
    "note_text": "The note's text, verbatim.",
    "residue": "The note's commentary: its text outside every citation.",
    "date_start": "The first day the document's date may stand for.",
    "date_end": "The last day the document's date may stand for.",
    "date_edtf": "The date normalised to EDTF.",
    "date_precision": "How precise the date is: day, month, year…",
    "title": "The document's title as cited.",
    "decade": 'The decade of the document\'s date ("1940s").',
    "claims": "How many claims the document supports.",
}


EVIDENCE_CHAIN = """
SELECT
    cl.id AS claim_id,
    cw.title AS citing_work,
    cl.text AS claim,
    cl.section AS section,
    n.id AS note_id,
    n.number AS note_number,
    c.id AS citation_id,
    c.kind AS kind,
    c.form AS form,
    c.locator AS locator,
    d.id AS document_id,
    d.title AS document,
    d.date_edtf AS document_date,
    d.genre AS genre,
    d.reference_code AS reference_code,
    rs.id AS record_set_id,
    rs.path AS file,
    rs.title AS file_title,
    r.id AS repository_id,
    r.acronym AS repository,
    r.authorised_name AS repository_name,
    w.id AS work_id,
    w.title AS work,
    vw.id AS via_work_id,
    vw.title AS via_work,
    CASE WHEN c.kind = 'archival' THEN 'archival'
         WHEN c.kind IN ('published', 'published_document', 'cited_document') THEN 'published'
         WHEN c.kind = 'unknown' THEN 'unplaced' END AS evidence,
    CASE WHEN c.kind = 'archival' THEN r.country_code
         WHEN c.kind IN ('published', 'published_document', 'cited_document')
         THEN coalesce(w.country_code, vw.country_code) END AS country,
    CASE WHEN c.kind = 'archival' THEN 'archive'
         WHEN c.kind IN ('published', 'published_document', 'cited_document') THEN 'publication' END AS source_type
FROM claims cl
JOIN works cw ON cw.id = cl.work_id
JOIN claim_notes cn ON cn.claim_id = cl.id
JOIN notes n ON n.id = cn.note_id
JOIN citations c ON c.note_id = n.id
LEFT JOIN documents d ON d.id = c.document_id
LEFT JOIN record_sets rs ON rs.id = d.record_set_id
LEFT JOIN repositories r ON r.id = d.repository_id
LEFT JOIN works w ON w.id = c.work_id
LEFT JOIN citations vc ON vc.id = c.via_citation_id
LEFT JOIN works vw ON vw.id = vc.work_id
WHERE NOT EXISTS (SELECT 1 FROM citations outer_citation WHERE outer_citation.via_citation_id = c.id)
"""

VIEWS = (
    View(
        "evidence_chain",
        "The evidence chain, one row per claim and citation: claim → note → citation → document → "
        "file → repository, or → published work.",
        EVIDENCE_CHAIN,
    ),
    View(
        "claim_countries",
        "The countries each claim's sources come from, archives and publications apart; a source "
        "whose country is not known is listed as unknown.",
        """
SELECT DISTINCT claim_id, claim, citing_work, coalesce(country, 'unknown') AS country, source_type
FROM evidence_chain WHERE source_type IS NOT NULL
""",
    ),
    View(
        "corroboration",
        "For each claim, the countries of the archives that hold its documents and of the "
        "publications it cites, apart. A claim is corroborated across borders when archival "
        "documents held in two countries or more support it.",
        """
SELECT claim_id, claim, citing_work, archive_country_count, archive_countries, archives,
       archival_unknown_country, publication_country_count, publication_countries,
       published_unknown_country, unplaced,
       CASE WHEN archive_country_count >= 2 THEN 1 ELSE 0 END AS corroborated,
       country_count, countries
FROM derived_claim_summary
""",
    ),
    View(
        "claim_support",
        "What each claim rests on: how many documents, intelligence reports, published works and "
        'documents known only through another work ("cited in").',
        """
SELECT claim_id, claim, citing_work, documents, archival_documents, intelligence_reports, works, cited_in,
       consulted, citations
FROM derived_claim_summary
""",
    ),
    View(
        "review_queue",
        "Notes and citations the reader could not place or resolve, each with the reason: a "
        "back-reference (ibid., op. cit., a short title) whose source was not found, a citation "
        "whose kind could not be told, an archival document whose archive was not identified, "
        "a note where no citation was read.",
        """
SELECT n.id AS note_id, w.id AS work_id, w.title AS citing_work, n.number AS note_number, c.id AS citation_id,
       c.kind AS kind, c.form AS form,
       CASE WHEN c.form IN ('short', 'ibid', 'op_cit', 'supra', 'author_only')
            THEN 'back-reference not resolved: ' || c.unresolved_reason
            ELSE 'not placed: ' || c.unresolved_reason END AS problem,
       c.text AS citation_text, n.text AS note_text
FROM citations c JOIN notes n ON n.id = c.note_id JOIN works w ON w.id = n.work_id
WHERE c.unresolved_reason >= ''  -- every reason: a range the index serves, as IS NOT NULL is not
UNION ALL
SELECT n.id, w.id, w.title, n.number, c.id, c.kind, c.form,
       'the reader could not tell what this citation cites', c.text, n.text
FROM citations c JOIN notes n ON n.id = c.note_id JOIN works w ON w.id = n.work_id
WHERE c.kind = 'unknown' AND coalesce(c.unresolved_reason, '') = ''  -- read by kind, not reason
UNION ALL
SELECT n.id, w.id, w.title, n.number, c.id, c.kind, c.form,
       'archival document whose archive was not identified', c.text, n.text
FROM documents d JOIN citations c ON c.document_id = d.id JOIN notes n ON n.id = c.note_id
JOIN works w ON w.id = n.work_id
WHERE d.repository_id IS NULL AND c.kind || '' = 'archival'  -- read from the few documents
  AND coalesce(c.unresolved_reason, '') = ''
UNION ALL
SELECT n.id, w.id, w.title, n.number, NULL, NULL, NULL,
       'no citation could be read from this note' || coalesce(': ' || n.parse_messages, ''), NULL, n.text
FROM notes n JOIN works w ON w.id = n.work_id
WHERE n.parse_status = 'unparsed'
UNION ALL
SELECT n.id, w.id, w.title, n.number, NULL, NULL, NULL,
       'text left unread: ' || n.parse_messages, NULL, n.text
FROM notes n JOIN works w ON w.id = n.work_id
WHERE n.parse_status = 'partial' AND n.parse_messages IS NOT NULL
""",
    ),
    View(
        "document_timeline",
        "Archival documents in date order, with where they are held and how many claims they support.",
        """
SELECT d.id AS document_id, d.date_start, d.date_end, d.date_edtf, d.date_precision,
       substr(d.date_edtf, 1, 3) || '0s' AS decade,
       d.title, d.genre, r.acronym AS repository, d.reference_code,
       (SELECT count(DISTINCT cn.claim_id) FROM citations c JOIN claim_notes cn ON cn.note_id = c.note_id
        WHERE c.document_id = d.id) AS claims
FROM documents d LEFT JOIN repositories r ON r.id = d.repository_id
WHERE d.date_start IS NOT NULL
""",
    ),
)


@lru_cache(maxsize=1)
def view_columns() -> dict[str, list[str]]:
    """Each view's columns, read from the views built on an empty in-memory catalogue."""
    from ..db import connect
    from ..models import Base
    from . import ensure_derived

    engine = connect(URL.create("sqlite"))
    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        ensure_derived(connection)
        columns = {
            view.name: [row[1] for row in connection.execute(text(f"PRAGMA table_info({view.name})"))] for view in VIEWS
        }
    engine.dispose()
    return columns
