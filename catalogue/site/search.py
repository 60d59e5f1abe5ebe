"""One search box over everything the catalogue holds, by any of its names.

    query ─► note reference? ("Gao note 42") ─► the notes it names
          ─► reference code? ("10H287")      ─► documents and record sets with that code key
          ─► words                            ─► claims, notes, documents, works, archives, record sets

Accent- and case-insensitive ("Lang Son" finds "Lạng Sơn") because queries and texts are
folded alike. Terms of three characters or more are read in the trigram index (substrings
in any script: "胡志明" inside longer text); shorter ones in the word index, where every CJK
character is a word ("龍州"), and Latin ones are word prefixes ("AH", "ML"). Each kind of
result comes from its index in rowid order and stops at its limit, so the first results
come as fast at a million documents as at a hundred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from datasette.database import Database

from ..parse.refcodes import code_key
from ..searchable import SEARCHABLE, Searchable
from ..text import CJK, fold_chars, search_fold, search_words
from .story import WORK_LABEL

PER_KIND = 50
SNIPPET_WIDTH = 220
LABELS = {  # in the order results are shown
    "note_references": "Notes by number",
    "repositories": "Archives",
    "record_sets": "Fonds, series and files",
    "documents": "Documents",
    "claims": "Claims",
    "notes": "Notes",
    "works": "Works",
}
NOTE_REFERENCE = re.compile(r"(?i)\b(?:note|footnote|fn\.?|n\.)\s*(?P<number>\d{1,4})\b")

# What a reader needs to know of each kind of hit: its text, and where it stands.
CONTEXT_SQL = {
    "claims": """
        select cl.id, cl.text as text, w.id as work_id, {work_label} as work,
               (select group_concat(n.number, ', ') from claim_notes cn join notes n on n.id = cn.note_id
                where cn.claim_id = cl.id) as note_numbers
        from claims cl join works w on w.id = cl.work_id where cl.id in ({ids})""",
    "notes": """
        select n.id, n.text as text, n.number as note_number, w.id as work_id, {work_label} as work
        from notes n join works w on w.id = n.work_id where n.id in ({ids})""",
    "documents": """
        select d.id, coalesce(d.title, d.reference_code, 'untitled document') as text, d.date_edtf,
               d.reference_code, r.acronym as repository, r.id as repository_id
        from documents d left join repositories r on r.id = d.repository_id where d.id in ({ids})""",
    "works": """
        select w.id, {work_label} as text, w.year, w.type,
               (select count(*) from notes n where n.work_id = w.id) as notes
        from works w where w.id in ({ids})""",
    "repositories": """
        select r.id, r.authorised_name || coalesce(' (' || r.acronym || ')', '') as text, r.city,
               r.country_code from repositories r where r.id in ({ids})""",
    "record_sets": """
        select rs.id, coalesce(rs.level, 'file') || ' ' || rs.path || coalesce(' “' || rs.title || '”', '')
               as text, r.acronym as repository, r.id as repository_id
        from record_sets rs join repositories r on r.id = rs.repository_id where rs.id in ({ids})""",
}


@dataclass
class Hit:
    table: str
    id: int
    text: str  # a stretch of the text around the first match
    context: dict = field(default_factory=dict)  # the row's context columns (work, note number…)


def snippet(text: str, words: list[str], width: int = SNIPPET_WIDTH) -> str:
    """The stretch of ``text`` around the first of ``words`` (most telling first) it holds, so
    a reader sees why it matched."""
    if len(text) <= width:
        return text
    folded = fold_chars(text)
    found = next((position for word in words if (position := folded.find(fold_chars(word))) >= 0), 0)
    start = max(0, found - width // 3)
    if start and (space := text.find(" ", start, start + 30)) >= 0:
        start = space + 1  # begin at a word
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def terms(query: str) -> list[str]:
    """The query's words as the indexes keep them: folded, a run of CJK characters spaced
    apart ("南寧" → "南 寧", three characters: a trigram phrase)."""
    return [
        indexed for word in (search_fold(query) or "").split() if word and (indexed := search_words(word)) is not None
    ]


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def match_sql(item: Searchable, words: list[str]) -> tuple[str, dict]:
    """A query for the ids of rows matching every word, in id order: the trigram index for
    words of three characters or more, the word index for shorter ones (a CJK pair as a
    phrase, a Latin word as a prefix). The index that comes first yields ids in order and
    stops at the limit."""
    long_words = [w for w in words if len(w) >= 3]
    short_words = [w for w in words if len(w) < 3]
    long_match = " ".join(_quoted(w) for w in long_words)
    short_match = " ".join(_quoted(" ".join(w)) if CJK.search(w) else _quoted(w) + "*" for w in short_words)
    if long_words and short_words:  # each row the trigram index yields is looked up in the word index
        return (
            f"select f.rowid from {item.fts} f where {item.fts} match :match and exists "
            f"(select 1 from {item.words} w where w.rowid = f.rowid and {item.words} match :words) "
            f"order by f.rowid",
            {"match": long_match, "words": short_match},
        )
    if long_words:
        return f"select rowid from {item.fts} where {item.fts} match :match order by rowid", {"match": long_match}
    return f"select rowid from {item.words} where {item.words} match :words order by rowid", {"words": short_match}


async def search(db: Database, query: str) -> dict[str, list[Hit]]:
    """Every kind of thing the query names, grouped by kind, the first PER_KIND of each.

    The words are tried as a phrase ("Lang Son" next to each other) first; failing that, all
    of them anywhere in the text."""
    if not terms(query):
        return {}
    found: dict[str, list[int]] = {table: [] for table in LABELS}
    found["note_references"] = await _note_references(db, query)
    words = terms(NOTE_REFERENCE.sub(" ", query)) or terms(query)  # "Gao note 42": the rest is searched
    as_typed = (search_fold(query) or "").split()  # for snippets: "南寧" as the text writes it
    for table, ids in (await _by_code(db, query)).items():
        found[table].extend(ids)
    phrase = " ".join(words)
    by_words = await _search(db, [phrase]) if len(words) > 1 and len(phrase) >= 3 else {}
    if not any(by_words.values()):
        by_words = await _search(db, words)
    for table, ids in by_words.items():
        found[table].extend(i for i in ids if i not in found[table])
    if found["repositories"] and len(found["documents"]) < PER_KIND:  # an archive found: its documents too
        archives = ", ".join(str(int(i)) for i in found["repositories"])
        rows = await db.execute(
            f"select id from documents where repository_id in ({archives}) "
            f"order by repository_id, date_start, id limit {PER_KIND}"
        )
        found["documents"].extend(row[0] for row in rows.rows if row[0] not in found["documents"])
    results = {}
    for table, ids in found.items():
        if ids:
            results[table] = await _hits(db, table, ids[:PER_KIND], [phrase, *words, *as_typed])
    return results


async def _search(db: Database, words: list[str]) -> dict[str, list[int]]:
    results: dict[str, list[int]] = {}
    for item in SEARCHABLE:
        sql, params = match_sql(item, words)
        rows = await db.execute(f"{sql} limit {PER_KIND}", params)
        results[item.table] = [row[0] for row in rows.rows]
    return results


async def _by_code(db: Database, query: str) -> dict[str, list[int]]:
    """Documents and record sets whose reference code is the query, however it is spaced."""
    key = code_key(query)
    if not key or len(key) < 2:  # a code has two characters at least
        return {}
    documents = await db.execute(
        f"select id from documents where reference_code_key = :key order by id limit {PER_KIND}", {"key": key}
    )
    record_sets = await db.execute(
        f"select id from record_sets where path_key = :key or reference_code_key = :key order by id limit {PER_KIND}",
        {"key": key},
    )
    return {"documents": [r[0] for r in documents.rows], "record_sets": [r[0] for r in record_sets.rows]}


async def _note_references(db: Database, query: str) -> list[int]:
    """Notes named by number ("note 42", "n. 42"), in the citing works the rest of the query
    names ("Gao note 42"), or in every citing work when it names none."""
    match = NOTE_REFERENCE.search(query)
    if match is None:
        return []
    number = int(match.group("number"))
    rest = terms(query[: match.start()] + " " + query[match.end() :])
    if not rest:
        rows = await db.execute(
            f"select id from notes where number = :number order by work_id limit {PER_KIND}", {"number": number}
        )
        return [row[0] for row in rows.rows]
    works = next(item for item in SEARCHABLE if item.table == "works")
    sql, params = match_sql(works, rest)
    rows = await db.execute(
        f"select n.id from notes n where n.number = :number and n.work_id in ({sql}) "
        f"order by n.work_id limit {PER_KIND}",
        {**params, "number": number},
    )
    return [row[0] for row in rows.rows]


async def _hits(db: Database, table: str, ids: list[int], words: list[str]) -> list[Hit]:
    source = "notes" if table == "note_references" else table
    sql = CONTEXT_SQL[source].format(ids=", ".join(str(int(i)) for i in ids), work_label=WORK_LABEL)
    rows = {row["id"]: dict(row) for row in (await db.execute(sql)).rows}
    return [Hit(source, i, snippet(rows[i]["text"] or "", words), rows[i]) for i in ids if i in rows]
