"""CSL-JSON read into input records: the items of a Zotero (or Better BibTeX, pandoc)
export as the fields of :class:`~catalogue.records.DocumentRecord` or
:class:`~catalogue.records.WorkRecord`; and the vocabulary both directions share. Writing
the catalogue as CSL-JSON, and how a document maps to a CSL item: export/csl.py, whose
:func:`~catalogue.export.csl.to_csl` this module's :func:`from_csl` inverts.
"""

from __future__ import annotations

import re
from typing import Any

from .. import vocabularies as v
from ..dates import as_written_if_same

DOCUMENT = "document"
WORK = "work"

# ── Types ───────────────────────────────────────────────────────────────────

# A document's genre → its CSL type; every other genre is a "manuscript".
GENRE_TO_CSL = {
    "letter": "personal_communication",  # CSL has no "letter" type: Zotero's letter is this
    "report": "report",
    "intelligence_report": "report",
    "interview": "interview",
    "speech": "speech",
    "treaty": "treaty",
}
# The CSL types read as an archival document (when the item names an archive), and the genre
# each implies when the item gives none: GENRE_TO_CSL read back (its first genre for a type).
CSL_DOCUMENT_TYPES = {
    "manuscript": None,
    "document": None,
    **{csl: genre for genre, csl in reversed(GENRE_TO_CSL.items())},
}
# A work's type → its CSL type. CSL has no edited book, document collection, memoir or official
# history: they are books, and custom.work_type keeps the catalogue's type.
WORK_TO_CSL = {
    "book": "book",
    "edited_book": "book",
    "document_collection": "book",
    "memoir": "book",
    "official_history": "book",
    "chapter": "chapter",
    "journal_article": "article-journal",
    "magazine_article": "article-magazine",
    "newspaper_article": "article-newspaper",
    "newspaper": "periodical",
    "thesis": "thesis",
    "report": "report",
    "web_page": "webpage",
    "blog_post": "post-weblog",
    "interview": "interview",
    "other": "document",
}
# A CSL type → the work type it is read as: WORK_TO_CSL read back, its first type for each
# ("book" for a book, not "memoir").
CSL_TO_WORK = {csl: work for work, csl in reversed(WORK_TO_CSL.items())}
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}  # EDTF's 21–24
UNKNOWN_WORK_TYPE = "other"  # a work of no recorded type (a citing work, so far)

# ── Names ───────────────────────────────────────────────────────────────────


def name_text(name: dict[str, Any]) -> str:
    """A CSL name as the catalogue writes it: inverted when CSL splits it.

    >>> name_text({"family": "Tréglodé", "non-dropping-particle": "de", "given": "Benoît"})
    'de Tréglodé, Benoît'
    >>> name_text({"literal": "Võ Nguyên Giáp"})
    'Võ Nguyên Giáp'
    """
    if name.get("literal"):
        return name["literal"]
    family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(p for p in (name.get("given"), name.get("dropping-particle")) if p)
    text = ", ".join(p for p in (family, given) if p)
    return f"{text}, {name['suffix']}" if name.get("suffix") and family and given else text


def _texts(item: dict, variable: str) -> list[str]:
    names = item.get(variable) or []
    if not isinstance(names, list) or not all(isinstance(name, dict) for name in names):
        raise ValueError(f"{variable}: CSL names are a list of objects ({{family, given}} or {{literal}})")
    return [text for name in names if (text := name_text(name))]


# ── Dates ───────────────────────────────────────────────────────────────────


def date_text(date: dict | str | None) -> str | None:
    """A CSL date as a string the catalogue's date reader takes: "1948-09-23", "1948-09",
    "1948", an EDTF interval or season for a range or a season, else the raw or literal text.

    >>> date_text({"date-parts": [["1948", "9", "23"]]}), date_text({"date-parts": [[1948]], "season": 3})
    ('1948-09-23', '1948-23')
    >>> date_text({"raw": "1948-09~"}), date_text({"date-parts": [["1948", "Spring"]], "literal": "Spring 1948"})
    ('1948-09~', 'Spring 1948')
    """
    if not date:
        return None
    if isinstance(date, str):  # an EDTF string, as some tools write it
        return date.strip() or None
    parts = [part for part in date.get("date-parts") or [] if part and str(part[0]).strip()]
    if parts and all(str(p).strip().isdigit() for part in parts for p in part):
        text = "/".join(_date_part(part) for part in parts[:2])
        season = str(date.get("season") or "").strip().lower()
        if len(parts) == 1 and len(parts[0]) == 1 and season:
            code = SEASONS.get(season) or (20 + int(season) if season in ("1", "2", "3", "4") else None)
            text = f"{text}-{code}" if code else f"{season} {text}"
        return f"{text}~" if date.get("circa") and len(parts) == 1 else text
    return date.get("raw") or date.get("literal") or " ".join(str(p) for p in (parts or [[]])[0]) or None


def _date_part(part: list) -> str:
    year, *rest = (int(p) for p in part)
    return "-".join([f"{year:04d}", *(f"{p:02d}" for p in rest)])


def year_of(date: dict | None) -> int | None:
    """The year of a CSL date, e.g. 1995 for {"date-parts": [[1995, 5]]} or {"raw": "1995?"}."""
    if (text := date_text(date)) and (match := re.search(r"(?<!\d)(\d{4})(?!\d)", text)):
        return int(match.group(1))
    return None


# ── From CSL ────────────────────────────────────────────────────────────────


ARCHIVE_PLACE_LINE = re.compile(r"^\s*archive[ _-]?place\s*:\s*(?P<place>.*?)\s*$", re.IGNORECASE | re.MULTILINE)


def archive_place(item: dict) -> str | None:
    """The archive's city: ``archive-place``, else an ``Archive Place:`` line of ``note``.

    >>> archive_place({"note": "Read 2024.\\nArchive Place: Vincennes"})
    'Vincennes'
    """
    if item.get("archive-place"):
        return str(item["archive-place"]).strip()
    match = ARCHIVE_PLACE_LINE.search(str(item.get("note") or ""))
    return match["place"] if match and match["place"] else None


def kind_of(item: dict) -> str:
    """ "document" for an item held in an archive (``archive`` or ``archive_location``, or
    exported as one), "work" otherwise."""
    custom = item.get("custom") or {}
    if item.get("archive") or item.get("archive_location") or custom.get("catalogue_table") == "documents":
        return DOCUMENT
    return WORK


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _genre(item: dict) -> str | None:
    genre = _text(item.get("genre"))
    if genre is None:
        return CSL_DOCUMENT_TYPES[item["type"]]
    return re.sub(r"[\s-]+", "_", genre.lower())


def _document_fields(item: dict) -> dict:
    custom = item.get("custom") or {}
    authors = _texts(item, "author")
    sender = _text(custom.get("sender"))
    if sender and authors and authors[-1] == sender:
        authors.pop()  # the sender is the last author (see document_to_csl)
    else:
        sender = None
    recipients = _texts(item, "recipient")
    return {
        "repository": _text(item.get("archive")),
        "reference_code": _text(item.get("archive_location")) or _text(item.get("call-number")),
        "title": _text(item.get("title")),
        "title_translated": _text(custom.get("title_translated")),
        "date": _date_as_written(item, custom),
        "genre": _genre(item),
        "language": _text(item.get("language")),
        "file_title": _text(custom.get("file_title")),
        "authors": authors,
        "sender": sender,
        "recipient": "; ".join(recipients) or None,
        "description": _text(item.get("abstract")),
        "printed_in": None if item.get("archive") else _text(item.get("container-title")),
    }


def _date_as_written(item: dict, custom: dict) -> str | None:
    """The date as the source wrote it ("23 septembre 1948"), when our own export kept it and
    it reads as the same date; else the date CSL gives."""
    written, edtf = _text(custom.get("date_as_written")), _text(custom.get("date_edtf"))
    if written and edtf and as_written_if_same(written, edtf) == written:
        return written
    return date_text(item.get("issued"))


def _work_fields(item: dict) -> dict:
    custom = item.get("custom") or {}
    work_type = custom.get("work_type")
    return {
        "type": work_type if work_type in v.WORK_TYPES else CSL_TO_WORK[item["type"]],
        "title": _text(item.get("title")),
        "title_translated": _text(custom.get("title_translated")),
        "authors": _texts(item, "author"),
        "editors": _texts(item, "editor"),
        "container_title": _text(item.get("container-title")),
        "volume": _text(item.get("volume")),
        "issue": _text(item.get("issue")),
        "pages": _text(item.get("page")),
        "place": _text(item.get("publisher-place")),
        "publisher": _text(item.get("publisher")),
        "year": year_of(item.get("issued")),
        "language": _text(item.get("language")),
        "doi": _text(item.get("DOI")),
        "isbn": _text(item.get("ISBN")),
        "url": _text(item.get("URL")),
    }


def from_csl(item: dict) -> tuple[str, dict]:
    """A CSL item as ("document", DocumentRecord fields) or ("work", WorkRecord fields).

    The fields are as a person would type them; :mod:`catalogue.records` validates them.

    >>> from_csl({"type": "manuscript", "id": 1, "archive": "SHD", "archive_location": "10 H 287",
    ...           "issued": {"date-parts": [[1948, 9, 23]]}})[1]["date"]
    '1948-09-23'
    >>> from_csl({"type": "song", "id": 2})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: CSL type 'song' is not read by the catalogue; works: article-journal, ...
    """
    kind = kind_of(item)
    allowed = CSL_DOCUMENT_TYPES if kind == DOCUMENT else CSL_TO_WORK
    if item.get("type") not in allowed:
        raise ValueError(
            f"CSL type {item.get('type')!r} is not read by the catalogue; works: "
            f"{', '.join(sorted(CSL_TO_WORK))}; documents (with an archive or archive_location): "
            f"{', '.join(sorted(CSL_DOCUMENT_TYPES))}"
        )
    return kind, _document_fields(item) if kind == DOCUMENT else _work_fields(item)
