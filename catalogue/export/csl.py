"""CSL-JSON written: catalogue documents and works as CSL items (reading them back: records/csl.py).

CSL-JSON is what Zotero, Better BibTeX, pandoc and citeproc read and write. Pure functions,
no database: :func:`to_csl` takes the plain dicts of :mod:`catalogue.export.rows`,
:func:`~catalogue.records.csl.from_csl` (records/csl.py) gives the fields of
:class:`~catalogue.records.DocumentRecord` or :class:`~catalogue.records.WorkRecord`, and one is
the other's inverse on those fields.

An archival document is a ``manuscript`` (a ``report``, ``interview``, ``speech`` or ``treaty``
when its genre says so, and a letter a ``personal_communication``, as CSL has no letter type)
with the archive in ``archive``, its reference code in ``archive_location`` and the archive's
city in ``archive-place`` and, as Zotero has no field for it, in an ``Archive Place: <city>``
line of ``note`` (Zotero's Extra). The catalogue's own ids and what CSL has no variable for go
under ``custom``.

Names: CSL splits a person's name into ``family`` and ``given`` and prints it given name
first in running text. That is right only when the split is known, so a name is split only
when it is written inverted ("Asselin, Pierre"); every other name is kept ``literal`` and
printed as written. Guessing the family name from a name in display order would be wrong
for the catalogue's Chinese and Vietnamese authors: "Chen Jian" and "Võ Nguyên Giáp" put
the family name first, "Jiayi Gao" (a Chinese author writing in English) last, and a wrong
split prints "Jian, C." for Chen Jian. Organisations are always literal.
"""

from __future__ import annotations

import re

from ..records.csl import CSL_TO_WORK, DOCUMENT, GENRE_TO_CSL, UNKNOWN_WORK_TYPE, WORK, WORK_TO_CSL

INVERTED = re.compile(r"(?P<family>[^,]+),\s+(?P<given>[^,]+)")


def csl_name(name: str, kind: str = "person") -> dict[str, str]:
    """A name as CSL writes it: split only when written inverted, otherwise literal.

    >>> csl_name("Asselin, Pierre")
    {'family': 'Asselin', 'given': 'Pierre'}
    >>> csl_name("Chen Jian"), csl_name("Central Archives", "organisation")
    ({'literal': 'Chen Jian'}, {'literal': 'Central Archives'})
    """
    match = INVERTED.fullmatch(name.strip())
    if kind == "person" and match and re.search(r"\w", match["family"]) and re.search(r"\w", match["given"]):
        return {"family": match["family"].strip(), "given": match["given"].strip()}
    return {"literal": name}


def _names(agents: list[dict], *roles: str) -> list[dict[str, str]]:
    return [csl_name(a["name"], a.get("kind") or "person") for a in agents if a["role"] in roles]


SIMPLE_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def csl_date(edtf: str | None, as_written: str | None = None) -> dict | None:
    """A date as CSL's date object: ``date-parts`` for a day, month or year, EDTF as ``raw``
    for anything else (uncertain, approximate, an interval), the date as written when it has
    no EDTF.

    >>> csl_date("1948-09-23")
    {'date-parts': [[1948, 9, 23]]}
    >>> csl_date("1948-09~"), csl_date(None, "mùa thu 1948")
    ({'raw': '1948-09~'}, {'literal': 'mùa thu 1948'})
    """
    if edtf and (match := SIMPLE_DATE.fullmatch(edtf)):
        return {"date-parts": [[int(part) for part in match.groups() if part]]}
    if edtf:
        return {"raw": edtf}
    return {"literal": as_written} if as_written else None


def _compact(item: dict) -> dict:
    """The item without empty values (the schema refuses null), custom last."""
    custom = {k: value for k, value in (item.pop("custom", None) or {}).items() if value not in (None, "", [])}
    item = {k: value for k, value in item.items() if value not in (None, "", [])}
    return {**item, "custom": custom} if custom else item


def document_to_csl(document: dict) -> dict:
    """A document (a dict of :func:`~catalogue.export.rows.read_rows`) as a CSL item."""
    repository = document.get("repository") or {}
    record_set = document.get("record_set") or {}
    agents = document.get("agents") or []
    sender = next((a for a in agents if a["role"] == "sender"), None)
    city = repository.get("city")
    genre = document.get("genre")
    return _compact(
        {
            "id": f"document-{document['id']}",
            "type": GENRE_TO_CSL.get(genre or "", "manuscript"),
            "title": document.get("title"),
            "author": _names(agents, "author") + _names([sender] if sender else [], "sender"),
            "recipient": _names(agents, "recipient"),
            "issued": csl_date(document.get("date_edtf"), document.get("date_as_written")),
            "genre": genre.replace("_", " ") if genre else None,
            "language": document.get("language"),
            "archive": repository.get("authorised_name"),
            "archive_location": document.get("reference_code"),
            "container-title": None if repository else document.get("printed_in"),  # known only in print
            "archive-place": city,
            "note": f"Archive Place: {city}" if city else None,
            "abstract": document.get("description"),
            "custom": {
                "catalogue_id": document["id"],
                "catalogue_table": "documents",
                "file_title": record_set.get("title"),
                "title_translated": document.get("title_translated"),
                "sender": sender["name"] if sender else None,
                "date_as_written": document.get("date_as_written"),
                "date_edtf": document.get("date_edtf"),
                "repository_acronym": repository.get("acronym"),
                "repository_country": repository.get("country_code"),
                "record_set_path": record_set.get("path"),
            },
        }
    )


def work_to_csl(work: dict) -> dict:
    """A work (a dict of :func:`~catalogue.export.rows.read_rows`) as a CSL item.

    The interviewee of an interview is its CSL ``author``, as CSL has it.
    """
    agents = work.get("agents") or []
    work_type = work.get("type") or UNKNOWN_WORK_TYPE
    csl_type = WORK_TO_CSL[work_type]
    date, year = work.get("date_edtf"), work.get("year")
    if date and (year is None or date.startswith(str(year))):
        issued = csl_date(date)  # a newspaper's issue: the full date
    else:
        issued = {"date-parts": [[year]]} if year else None
    return _compact(
        {
            "id": f"work-{work['id']}",
            "type": csl_type,
            "title": work.get("title"),
            "title-short": work.get("short_title"),
            "author": _names(agents, "author", "interviewee"),
            "editor": _names(agents, "editor"),
            "compiler": _names(agents, "compiler"),
            "translator": _names(agents, "translator"),
            "interviewer": _names(agents, "interviewer"),
            "container-title": work.get("container_title"),
            "volume": work.get("volume"),
            "issue": work.get("issue"),
            "page": work.get("pages"),
            "edition": work.get("edition"),
            "publisher": work.get("publisher"),
            "publisher-place": work.get("place"),
            "issued": issued,
            "language": work.get("language"),
            "DOI": work.get("doi"),
            "ISBN": work.get("isbn"),
            "URL": work.get("url"),
            "custom": {
                "catalogue_id": work["id"],
                "catalogue_table": "works",
                "work_type": work_type if CSL_TO_WORK[csl_type] != work_type else None,
                "title_translated": work.get("title_translated"),
                "container_title_translated": work.get("container_title_translated"),
                "country_code": work.get("country_code"),
                "date_edtf": work.get("date_edtf"),
            },
        }
    )


def to_csl(kind: str, row: dict) -> dict:
    """A document or a work as a CSL item: ``to_csl("document", row)`` or ``to_csl("work", row)``."""
    if kind == DOCUMENT:
        return document_to_csl(row)
    if kind == WORK:
        return work_to_csl(row)
    raise ValueError(f"cannot write a {kind!r} as CSL: documents and works only")


def csl_items(documents: list[dict], works: list[dict]) -> list[dict]:
    """Every document, then every work, as CSL items."""
    return [document_to_csl(d) for d in documents] + [work_to_csl(w) for w in works]
