"""Identity keys: what makes two records one row, whoever writes them.

The note reader and every other writer (add, import) compute a document's, work's or
agent's key with these functions, so that a document added by hand and the same document
cited in a footnote are one row.

>>> document_key("SHD", "10 H 287", "1948-09-23", None, "Note de Haut Commissariat")
'doc|SHD|10h287|1948-09-23||notedehautcommissariat'
"""

from __future__ import annotations

import hashlib
import re

from ..text import fold

COLLECTION_WORDS = re.compile(
    r"wenjian|wengao|documents?|văn kiện|collection|archives|papers|huiji|xuanji|"
    r"ziliao|shiliao|selected works|toàn tập",
    re.IGNORECASE,
)
ORGANISATION_WORDS = re.compile(r"\b(?:Archives|Committee|Center|Centre|Institute|Bureau|Ministry)\b")


def identity_key(*parts: str | None, limit: int = 160) -> str:
    """A readable identity key; long ones end in a digest so they stay unique."""
    text = "|".join(p or "" for p in parts)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…{hashlib.sha1(text.encode()).hexdigest()[:12]}"


def document_key(holder: str | None, code: str | None, edtf: str | None, via: str | None, title: str | None) -> str:
    """A document: its holder (the archive's acronym), normalised code, EDTF date, the work it
    is known through (when no archive holds it) and its title, all folded."""
    return identity_key("doc", holder, fold(code or ""), edtf, via, fold(title or ""))


def work_key(title: str, first_author: str | None) -> str:
    return identity_key("work", fold(title), fold(first_author or ""))


def agent_key(name: str) -> str:
    return identity_key("agent", fold(name))


def agent_kind(name: str) -> str:
    """ "person", or "organisation" for a name like "Central Archives" or "Ministry of…"."""
    return "organisation" if COLLECTION_WORDS.search(name) or ORGANISATION_WORDS.search(name) else "person"


NAME_SEPARATORS = re.compile(r"\s+(?:and|et|&|và)\s+|,")


def name_parts(name: str | None) -> list[str]:
    """The names joined in one ("Central Archives and Guangdong Provincial Archives")."""
    return [part.strip() for part in NAME_SEPARATORS.split(name or "") if part.strip()]


def country_of_archive_named(names, countries: dict[str, str]) -> str | None:
    """The country of the first archive among ``names`` (``countries``: folded archive name →
    country): a collection compiled or published by an archive ("Central Archives and
    Guangdong Provincial Archives, 1989") comes from that archive's country."""
    return next(
        (countries[fold(part)] for name in names for part in name_parts(name) if countries.get(fold(part))), None
    )
