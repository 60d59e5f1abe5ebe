"""One search box over claims, notes, documents and works.

Accent-insensitive ("Lang Son" finds "Lạng Sơn", "dong duong" finds "Đông Dương") because
queries and texts are folded alike; substrings of three characters or more ("胡志明" inside
longer text) come from the trigram index, shorter terms from a LIKE on the folded text.
"""

from __future__ import annotations

from dataclasses import dataclass

from datasette.database import Database

from ..shape import SEARCHABLE
from ..text import fold_chars, search_fold

PER_KIND = 50
LABELS = {"claims": "Claims", "notes": "Notes", "documents": "Documents", "works": "Works"}
SNIPPET = {"claims": "text", "notes": "text", "documents": "title", "works": "title"}


SNIPPET_WIDTH = 220


@dataclass
class Hit:
    table: str
    id: int
    text: str  # a stretch of the text around the first match


def snippet(text: str, words: list[str], width: int = SNIPPET_WIDTH) -> str:
    """The stretch of ``text`` around the first word found, so a reader sees why it matched."""
    if len(text) <= width:
        return text
    folded = fold_chars(text)
    found = [position for word in words if (position := folded.find(fold_chars(word))) >= 0]
    start = max(0, min(found, default=0) - width // 3)
    if start and (space := text.find(" ", start, start + 30)) >= 0:
        start = space + 1  # begin at a word
    piece = text[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def terms(query: str) -> list[str]:
    return [term for term in (search_fold(query) or "").split() if term]


def match_clause(table_fts: str, words: list[str]) -> tuple[str, dict]:
    """FTS5 MATCH for the words of three characters or more, LIKE for the shorter ones."""
    long_words = [w for w in words if len(w) >= 3]
    conditions, params = [], {}
    if long_words:
        conditions.append(f"{table_fts} match :match")
        params["match"] = " ".join('"' + w.replace('"', '""') + '"' for w in long_words)
    for index, word in enumerate(w for w in words if len(w) < 3):
        conditions.append(f"folded like :like{index}")
        params[f"like{index}"] = f"%{word}%"
    return " and ".join(conditions), params


async def search(db: Database, query: str) -> dict[str, list[Hit]]:
    """The query as a phrase ("Lang Son" next to each other); failing that, all its words."""
    words = terms(query)
    if not words:
        return {}
    phrase = " ".join(words)
    results = await _search(db, [phrase], [phrase]) if len(words) > 1 else {}
    if not any(results.values()):
        results = await _search(db, words, words)
    return results


async def _search(db: Database, words: list[str], shown: list[str]) -> dict[str, list[Hit]]:
    results: dict[str, list[Hit]] = {}
    for item in SEARCHABLE:
        where, params = match_clause(item.fts, words)
        column = SNIPPET[item.table]
        rows = await db.execute(  # the index yields rowids in order and stops at the limit
            f"select t.id, t.{column} from (select rowid from {item.fts} where {where} "
            f"order by rowid limit {PER_KIND}) f join {item.table} t on t.id = f.rowid order by t.id", params)
        results[item.table] = [Hit(item.table, row[0], snippet(row[1] or "", shown)) for row in rows.rows]
    return results
