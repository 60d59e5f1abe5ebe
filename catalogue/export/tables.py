"""The catalogue as input records: the fields of DocumentRecord and WorkRecord, and a CSV
of documents whose columns are exactly DocumentRecord's, for ``catalogue import`` to read back.

    documents (plain dicts) ─► document_fields ─► CSV, one row per document, lists joined by "; "
"""

from __future__ import annotations

import csv
import io

from ..dates import as_written_if_same
from ..records import DocumentRecord
from ..records.csl import UNKNOWN_WORK_TYPE

DOCUMENT_COLUMNS = tuple(DocumentRecord.model_fields)
LIST_SEPARATOR = "; "


def _names(agents: list[dict], role: str) -> list[str]:
    return [agent["name"] for agent in agents if agent["role"] == role]


def document_fields(document: dict) -> dict:
    """A document (a dict of :func:`~catalogue.export.rows.read_rows`) as DocumentRecord fields.

    The archive by its authorised name, the reference code as cited, the date as EDTF (as
    written when it has none), the title of the file holding it.
    """
    agents = document.get("agents") or []
    repository = document.get("repository") or {}
    return {
        "repository": repository.get("authorised_name"),
        "reference_code": document.get("reference_code"),
        "title": document.get("title"),
        "title_translated": document.get("title_translated"),
        "date": as_written_if_same(document.get("date_as_written"), document.get("date_edtf")),
        "genre": document.get("genre"),
        "language": document.get("language"),
        "file_title": (document.get("record_set") or {}).get("title"),
        "authors": _names(agents, "author"),
        "sender": next(iter(_names(agents, "sender")), None),
        "recipient": LIST_SEPARATOR.join(_names(agents, "recipient")) or None,
        "description": document.get("description"),
        "printed_in": None if repository else document.get("printed_in"),
    }


def _year(edtf: str | None) -> int | None:
    return int(edtf[:4]) if edtf and edtf[:4].isdigit() else None


def work_fields(work: dict) -> dict:
    """A work (a dict of :func:`~catalogue.export.rows.read_rows`) as WorkRecord fields.

    A work of no recorded type is "other"; a work with a full date and no year has its date's year.
    """
    agents = work.get("agents") or []
    return {
        "type": work.get("type") or UNKNOWN_WORK_TYPE,
        "title": work.get("title"),
        "title_translated": work.get("title_translated"),
        "authors": _names(agents, "author") + _names(agents, "interviewee"),
        "editors": _names(agents, "editor"),
        "container_title": work.get("container_title"),
        "volume": work.get("volume"),
        "issue": work.get("issue"),
        "pages": work.get("pages"),
        "place": work.get("place"),
        "publisher": work.get("publisher"),
        "year": work.get("year") or _year(work.get("date_edtf")),
        "language": work.get("language"),
        "doi": work.get("doi"),
        "isbn": work.get("isbn"),
        "url": work.get("url"),
    }


def csv_cell(value) -> str:
    """A field as a CSV cell: lists joined by "; ", nothing for None.

    >>> csv_cell(["Asselin, Pierre", "Chen Jian"]), csv_cell(None)
    ('Asselin, Pierre; Chen Jian', '')
    """
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def documents_csv(documents: list[dict]) -> str:
    """The documents as CSV text: a header of DocumentRecord's fields, one row per document."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DOCUMENT_COLUMNS)
    for document in documents:
        fields = document_fields(document)
        writer.writerow([csv_cell(fields[column]) for column in DOCUMENT_COLUMNS])
    return out.getvalue()
