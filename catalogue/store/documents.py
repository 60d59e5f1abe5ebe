"""Writing the documents a person adds (by hand or from a file), in batches.

    records ─► resolve: the archive by any of its names, the date, the code and its place in
               the fonds → series → file tree, the identity key          (all problems at once)
            ─► match: the rows these keys already are, near matches to report
            ─► write: record sets, documents, their people — SQLAlchemy Core, many rows a statement

Lookups run once per batch, not once per row. The identity key, the code grammar and the date
reader are the note reader's, so a document added here and the same document cited in a
footnote are one row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, Row, bindparam, insert, select, update

from ..dates import ReadDate, read_date
from ..errors import InvalidInput
from ..models import Document, DocumentAgent, Repository, RepositoryName
from ..parse.refcodes import Level, ReferenceCode, code_key, parse_reference_code
from ..records import DocumentRecord, Located
from ..searchable import BY_TABLE, search_text_of
from ..text import fold
from .batches import keep_earlier
from .keys import document_key
from .rows import SaveReport, chunks, ensure_agents
from .tree import ensure_tree, path_of

NEAR_TITLE = 88  # a title this close (rapidfuzz ratio, folded) to a row's with the same code and date
# Fields a later record may fill in on a row that lacks them; never overwritten.
FILLABLE = ("title_translated", "genre", "language", "description")
DOCUMENT_TEXT = BY_TABLE["documents"].columns  # what the search indexes read, written with the row


@dataclass(frozen=True)
class Archive:
    id: int
    acronym: str | None
    name: str

    @property
    def holder(self) -> str:
        """The archive as identity keys name it (the note reader's choice)."""
        return self.acronym or fold(self.name)


class Archives:
    """Every archive by every name, loaded once: the reader's matching (case, accents,
    spacing and punctuation ignored), with the closest names suggested for an unknown one."""

    def __init__(self, connection: Connection):
        rows = connection.execute(
            select(RepositoryName.name_key, Repository.id, Repository.acronym, Repository.authorised_name).join(
                Repository, Repository.id == RepositoryName.repository_id
            )
        ).all()
        self.by_key = {row[0]: Archive(row[1], row[2], row[3]) for row in rows}

    def find(self, name: str) -> Archive:
        archive = self.by_key.get(fold(name))
        if archive is None:
            raise ValueError(
                f"no archive is called {name!r}{self.suggest(name)}; add it first with 'catalogue add repository'"
            )
        return archive

    def suggest(self, name: str) -> str:
        scorer = fuzz.ratio if len(fold(name)) <= 6 else fuzz.WRatio  # an acronym is a word, not a part of one
        found = process.extract(fold(name), list(self.by_key), scorer=scorer, limit=6, score_cutoff=60)
        archives = list(dict.fromkeys(self.by_key[key] for key, _, _ in found))[:3]
        if not archives:
            return ""
        return " (did you mean " + " or ".join(f"{a.acronym or a.name} ({a.name})" for a in archives) + "?)"


@lru_cache(maxsize=65536)
def _date(value: str) -> ReadDate | None:
    return read_date(value)


@lru_cache(maxsize=65536)
def _code(code: str, acronym: str | None) -> ReferenceCode:
    return parse_reference_code(code, acronym)


@dataclass
class Resolved:
    """A document record made ready for the table: every value as the catalogue keeps it."""

    where: Located[DocumentRecord]
    archive: Archive | None  # None for a document known only in print
    levels: tuple[Level, ...]
    row: dict
    people: list[tuple[str, str]]  # (role, name)


def resolve(located: Sequence[Located[DocumentRecord]], archives: Archives) -> list[Resolved]:
    """Every record resolved, or InvalidInput listing every problem (file, line, field)."""
    resolved, errors = [], []
    for where in located:
        problems: list[_Problem] = []
        item = _resolve_one(where, archives, problems)
        if item is None:
            errors += [where.error(problem.field, problem.message) for problem in problems]
        else:
            resolved.append(item)
    if errors:
        raise InvalidInput(errors)
    return resolved


class _Problem(Exception):
    def __init__(self, field: str, message: str):
        self.field, self.message = field, message


def _resolve_one(where: Located[DocumentRecord], archives: Archives, problems: list[_Problem]) -> Resolved | None:
    """The record made ready, or None with its problems added to ``problems``."""
    record = where.record
    archive = date = None
    try:
        archive = archives.find(record.repository) if record.repository else None
    except ValueError as error:
        problems.append(_Problem("repository", str(error)))
    try:
        date = _date(record.date) if record.date else None
    except ValueError as error:
        problems.append(_Problem("date", str(error)))
    if problems:
        return None
    code = _code(record.reference_code, archive.acronym if archive else None) if record.reference_code else None
    normalised = code.normalised if code else None
    levels: tuple[Level, ...] = ()
    if code and archive:  # a tree only in an archive
        levels = code.levels or (("other", code.normalised),)
    # Known only in print (a record names an archive or the work it is printed in): the note reader's key.
    via = fold(record.printed_in) if archive is None and record.printed_in is not None else None
    row = {
        "document_key": document_key(
            archive.holder if archive else None, normalised, date.edtf if date else None, via, record.title
        ),
        "repository_id": archive.id if archive else None,
        "title": record.title,
        "title_translated": record.title_translated,
        "language": record.language,
        "genre": record.genre,
        "description": record.description,
        "date_as_written": record.date if date else None,
        "date_edtf": date.edtf if date else None,
        "date_precision": date.precision if date else None,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "reference_code": record.reference_code,
        "reference_code_normalised": normalised,
        "reference_code_key": code_key(normalised),
        "reference_code_parts": dict(levels) if code and code.levels else None,
    }
    row["search_text"] = search_text_of([row[column] for column in DOCUMENT_TEXT])
    people = [("author", name) for name in record.authors]
    people += [(role, name) for role, name in (("sender", record.sender), ("recipient", record.recipient)) if name]
    return Resolved(where, archive, levels, row, people)


def save_documents(connection: Connection, located: Sequence[Located[DocumentRecord]], batch_id: int) -> SaveReport:
    """Resolve, match and write; all problems raised together before anything is written."""
    resolved = resolve(located, Archives(connection))
    report = SaveReport("documents")
    _check_repeats(resolved)
    existing = _existing(connection, [r.row["document_key"] for r in resolved])
    record_sets, _ = ensure_tree(
        connection, [(r.archive.id, r.levels, r.where.record.file_title) for r in resolved if r.archive], batch_id
    )
    new_rows, ids_by_key, fills = [], {}, []
    earlier: list[dict] = []  # the rows it completes, as they were
    for item in resolved:
        key = item.row["document_key"]
        item.row["record_set_id"] = record_sets.get((item.archive.id, path_of(item.levels))) if item.archive else None
        if key in ids_by_key:  # earlier in this batch
            report.matched += 1
        elif key in existing:
            report.matched += 1
            ids_by_key[key] = existing[key]["id"]
            missing = {
                name: item.row[name] for name in FILLABLE if item.row[name] is not None and existing[key][name] is None
            }
            if missing:
                fills.append(
                    {"row_id": existing[key]["id"], **{name: existing[key][name] for name in FILLABLE}, **missing}
                )
                if existing[key]["batch_id"] != batch_id:  # a row this write made is removed whole, not put back
                    earlier.append(
                        {"row_id": existing[key]["id"], "batch_id": existing[key]["batch_id"], **dict.fromkeys(missing)}
                    )  # filled only where empty: undo empties them again
        else:
            ids_by_key[key] = None
            new_rows.append({**item.row, "batch_id": batch_id})
    report.warnings += _near_matches(connection, [r for r in resolved if ids_by_key.get(r.row["document_key"]) is None])
    for chunk in chunks(new_rows):
        returned = connection.execute(insert(Document).returning(Document.id, Document.document_key), chunk).all()
        ids_by_key.update({key: row_id for row_id, key in returned})
    report.added = len(new_rows)
    if fills:
        keep_earlier(connection, batch_id, "documents", earlier)
        connection.execute(
            update(Document)
            .where(Document.id == bindparam("row_id"))
            .values(
                batch_id=batch_id,
                search_text=None,  # to be written again
                **{name: bindparam(name) for name in FILLABLE},
            ),
            fills,
        )
        report.updated = len(fills)
    report.ids = [ids_by_key[r.row["document_key"]] for r in resolved]
    _link_people(connection, resolved, ids_by_key, batch_id)
    return report


def _check_repeats(resolved: list[Resolved]) -> None:
    """The same document twice in one batch must say the same thing twice."""
    first: dict[str, Resolved] = {}
    errors = []
    for item in resolved:
        earlier = first.setdefault(item.row["document_key"], item)
        if earlier is item:
            continue
        for name in (*FILLABLE, "date_as_written"):
            if None not in (earlier.row[name], item.row[name]) and earlier.row[name] != item.row[name]:
                errors.append(
                    item.where.error(
                        name,
                        f"the same document as {earlier.where.where} (same archive, "
                        f"code, date and title) with another {name}: "
                        f"{item.row[name]!r}, not {earlier.row[name]!r}",
                    )
                )
        if sorted(earlier.people) != sorted(item.people) and earlier.people and item.people:
            errors.append(
                item.where.error("authors", f"the same document as {earlier.where.where} with other people named")
            )
    if errors:
        raise InvalidInput(errors)


def _existing(connection: Connection, keys: list[str]) -> dict[str, dict]:
    found = {}
    columns = (Document.id, Document.document_key, Document.batch_id, *(getattr(Document, name) for name in FILLABLE))
    for chunk in chunks(list(dict.fromkeys(keys))):
        for row in connection.execute(select(*columns).where(Document.document_key.in_(chunk))).mappings():
            found[row["document_key"]] = dict(row)
    return found


def _near_matches(connection: Connection, new: list[Resolved]) -> list[str]:
    """New documents very like a row already there (same archive, code and date; a title
    within a few letters): reported, with the row they resemble, never silently doubled."""
    by_code: dict[tuple, list[Resolved]] = {}
    for item in new:
        if item.row["reference_code_key"] and item.row["title"]:
            by_code.setdefault((item.row["repository_id"], item.row["reference_code_key"]), []).append(item)
    warnings = []
    codes = list({code for _, code in by_code})
    for chunk in chunks(codes):
        rows = connection.execute(
            select(
                Document.id, Document.repository_id, Document.reference_code_key, Document.date_edtf, Document.title
            ).where(Document.reference_code_key.in_(chunk))
        ).all()
        for row_id, repository_id, code, edtf, title in rows:
            for item in by_code.get((repository_id, code), []):
                if (
                    item.row["date_edtf"] == edtf
                    and title
                    and fuzz.ratio(fold(title), fold(item.row["title"])) >= NEAR_TITLE
                    and fold(title) != fold(item.row["title"])
                ):
                    warnings.append(
                        f"{item.where.where}: near match: {item.row['title']!r} resembles "
                        f"document {row_id} {title!r} (/catalogue/documents/{row_id}); added as a new document"
                    )
    return warnings


def _link_people(connection: Connection, resolved: list[Resolved], ids: dict[str, int], batch_id: int) -> None:
    """Authors, senders and recipients as agents of their documents (one agent per name)."""
    agents = ensure_agents(connection, (name for item in resolved for _, name in item.people))
    if not agents:
        return
    links = {(ids[item.row["document_key"]], agents[name], role) for item in resolved for role, name in item.people}
    document_ids = list({document for document, _, _ in links})
    have: set[Row[int, int, str]] = set()
    for chunk in chunks(document_ids):
        have.update(
            connection.execute(
                select(DocumentAgent.document_id, DocumentAgent.agent_id, DocumentAgent.role).where(
                    DocumentAgent.document_id.in_(chunk)
                )
            ).all()
        )
    rows = [{"document_id": d, "agent_id": a, "role": r} for d, a, r in sorted(links - have)]
    for chunk in chunks(rows):
        connection.execute(insert(DocumentAgent), chunk)
