"""Editors' corrections of citations, applied to the citations as read, and again after every
ingest of the citing work (the reader's rows are replaced; the corrections are not).

A correction finds its citation by the citing work, the note's number and the citation's place
in the note, and applies only while the reader still reads there what the correction replaced
(``was``); otherwise it is marked lost, with the reason, and reported: never dropped.

What a correction can change:

- the citation itself: its kind, its locator, the note its back-reference points to;
- the document it cites (archive, reference code, date, title): the citation is pointed at the
  document those values identify, found or added through the same checks as ``catalogue add``
  (the reader's document stays, as it would for any citation read differently);
- that it is a citation at all: set aside, the row is removed (its reading kept in ``was``, so
  that undo can put it back) and removed again each time the work is ingested again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy import Connection, Row, Select, delete, insert, select, update

from ..errors import InputError, InvalidInput
from ..models import Agent, Citation, Correction, Document, DocumentAgent, Note, Repository, Work
from ..records import DocumentRecord, Located
from ..records.files import validation_errors
from .documents import save_documents

CITATION_FIELDS = ("kind", "locator", "antecedent_note")
DOCUMENT_FIELDS = ("archive", "reference_code", "date", "title")  # of the document cited
NOT_A_CITATION = "not_a_citation"
FIELDS = (*CITATION_FIELDS, *DOCUMENT_FIELDS, NOT_A_CITATION)
# A row of the corrections table as ``connection.execute(select(Correction))`` gives it, read by column name.
CorrectionRow = Row[Correction]
RECORD_FIELD = {"archive": "repository", "reference_code": "reference_code", "date": "date", "title": "title"}
SET_ASIDE = "not a citation"  # the value of a NOT_A_CITATION correction
# A citation's columns kept in ``was`` when it is set aside (its place, note and id are not).
KEPT_COLUMNS = (
    "span_start",
    "span_end",
    "text",
    "kind",
    "form",
    "document_id",
    "work_id",
    "locator",
    "unresolved_reason",
)


def _at(query: Select, work_id: int, note_number: int, position: int) -> Select:
    """``query`` over citations narrowed to the one at a note's number and place in the citing
    work: how a correction finds its citation, whatever ingest numbered its rows."""
    return (
        query.join(Note, Note.id == Citation.note_id)
        .where(Note.work_id == work_id, Note.number == note_number, Citation.position == position)
        .order_by(Note.position)
        .limit(1)
    )


def _located(connection: Connection, work_id: int, note_number: int, position: int):
    """The citation at a note's number and place in the citing work, as read now."""
    row = connection.execute(
        _at(
            select(
                Citation.id,
                Citation.kind,
                Citation.locator,
                Citation.antecedent_id,
                Citation.document_id,
                Citation.via_citation_id,
                Citation.text,
            ),
            work_id,
            note_number,
            position,
        )
    ).first()
    if row is None:
        raise LookupError(f"note {note_number} has no citation {position}")
    return row


def _document_values(connection: Connection, document_id: int | None) -> dict[str, str | None]:
    """The cited document's archive (acronym, else name), reference code, date and title, as written."""
    row = connection.execute(
        select(
            Repository.acronym,
            Repository.authorised_name,
            Document.reference_code,
            Document.date_as_written,
            Document.date_edtf,
            Document.title,
        )
        .outerjoin(Repository, Repository.id == Document.repository_id)
        .where(Document.id == document_id)
    ).first()
    if row is None:
        return dict.fromkeys(DOCUMENT_FIELDS)
    return {
        "archive": row.acronym or row.authorised_name,
        "reference_code": row.reference_code,
        "date": row.date_as_written or row.date_edtf,
        "title": row.title,
    }


def _value(connection: Connection, row, field: str) -> str | None:
    if field in DOCUMENT_FIELDS:
        return _document_values(connection, row.document_id)[field]
    if field == NOT_A_CITATION:
        return None  # it is read as a citation
    if field != "antecedent_note":
        return getattr(row, field)
    if row.antecedent_id is None:
        return None
    number = connection.execute(
        select(Note.number).join(Citation, Citation.note_id == Note.id).where(Citation.id == row.antecedent_id)
    ).scalar()
    return None if number is None else str(number)


def current(connection: Connection, work_id: int, note_number: int, position: int, field: str) -> str | None:
    """The value of a citation's field as it stands: "f. 12", "archival", "SHD", the note number
    of its antecedent; for NOT_A_CITATION, SET_ASIDE when no citation stands there."""
    try:
        row = _located(connection, work_id, note_number, position)
    except LookupError:
        if field == NOT_A_CITATION:
            return SET_ASIDE
        raise
    return _value(connection, row, field)


def was_for(connection: Connection, work_id: int, note_number: int, position: int, field: str) -> str | None:
    """What a new correction of ``field`` replaces, as kept in ``was``: the value as it stands,
    or, for setting a citation aside, the citation as read (JSON)."""
    if field != NOT_A_CITATION:
        return current(connection, work_id, note_number, position, field)
    row = (
        connection.execute(
            _at(select(*(getattr(Citation, name) for name in KEPT_COLUMNS)), work_id, note_number, position)
        )
        .mappings()
        .first()
    )
    if row is None:
        return SET_ASIDE
    return json.dumps(dict(row), ensure_ascii=False)


def _set(
    connection: Connection, work_id: int, citation_id: int, field: str, value: str | None, batch_id: int | None = None
) -> None:
    """Give the citation ``citation_id`` of the citing work this value of ``field`` (and, when
    ``batch_id`` is given, make that write its last)."""
    values: dict = {field: value} if field != "antecedent_note" else {}
    if field == "antecedent_note":
        target = None
        if value:
            target = connection.execute(
                select(Citation.id)
                .join(Note, Note.id == Citation.note_id)
                .where(Note.work_id == work_id, Note.number == int(value))
                .order_by(Note.position, Citation.position)
                .limit(1)
            ).scalar()
            if target is None:
                raise LookupError(f"note {value} has no citation to point to")
        values = {"antecedent_id": target, "unresolved_reason": None if target else Citation.unresolved_reason}
    if batch_id is not None:
        values["batch_id"] = batch_id
    connection.execute(update(Citation).where(Citation.id == citation_id).values(**values))


def _printed_in(connection: Connection, row) -> str | None:
    """The title of the work a citation's document is printed in or known through."""
    if row.via_citation_id is None:
        return None
    return connection.execute(
        select(Work.title).join(Citation, Citation.work_id == Work.id).where(Citation.id == row.via_citation_id)
    ).scalar()


def _repoint(connection: Connection, row, values: dict[str, str | None], batch_id: int) -> int:
    """Point the citation at the document its current document becomes with ``values``
    (archive, reference code, date, title), found or added through the checks of
    ``catalogue add``; what else the old document says (genre, translation, people) is kept.
    Returns the document's id; InvalidInput names the form's fields."""
    wanted = {**_document_values(connection, row.document_id), **values}
    old = connection.execute(
        select(Document.title_translated, Document.genre, Document.language).where(Document.id == row.document_id)
    ).first()
    people = dict(
        connection.execute(
            select(DocumentAgent.role, Agent.name)
            .join(Agent)
            .where(DocumentAgent.document_id == row.document_id, DocumentAgent.role.in_(("sender", "recipient")))
        ).all()
    )
    fields = {RECORD_FIELD[name]: value for name, value in wanted.items() if value}
    try:
        record = DocumentRecord.model_validate(
            {
                **fields,
                "printed_in": None if wanted["archive"] else _printed_in(connection, row),
                "title_translated": old.title_translated if old else None,
                "genre": old.genre if old else None,
                "language": old.language if old else None,
                "sender": people.get("sender"),
                "recipient": people.get("recipient"),
            }
        )
    except ValidationError as error:
        raise InvalidInput(_on_the_form(validation_errors("form", None, error))) from error
    if not (record.repository or record.printed_in):
        raise InvalidInput([InputError("form", None, "archive", "a document cited from an archive needs the archive")])
    try:
        report = save_documents(connection, [Located(record, "form")], batch_id)
    except InvalidInput as error:
        raise InvalidInput(_on_the_form(error.errors)) from error
    document_id = report.ids[0]
    connection.execute(
        update(Citation).where(Citation.id == row.id).values(document_id=document_id, work_id=None, batch_id=batch_id)
    )
    return document_id


def _on_the_form(errors: list[InputError]) -> list[InputError]:
    """A document record's problems named by the correction form's fields ("repository" is
    the form's "archive")."""
    form_field = {record_name: name for name, record_name in RECORD_FIELD.items()}
    return [InputError("form", None, form_field.get(e.field or "", e.field), e.message) for e in errors]


def _set_aside(connection: Connection, row) -> None:
    """Remove a citation that is not one; what pointed to it (an Ibid.) points nowhere now."""
    for column in (Citation.antecedent_id, Citation.via_citation_id):
        connection.execute(update(Citation).where(column == row.id).values({column.key: None}))
    connection.execute(delete(Citation).where(Citation.id == row.id))


def _put_back(connection: Connection, work_id: int, note_number: int, position: int, was: str, batch_id: int) -> None:
    """Put a citation set aside back at its place, as it was read when set aside."""
    if connection.execute(_at(select(Citation.id), work_id, note_number, position)).first():
        raise LookupError(f"note {note_number} has a citation {position} again")
    note_id = connection.execute(
        select(Note.id).where(Note.work_id == work_id, Note.number == note_number).order_by(Note.position).limit(1)
    ).scalar()
    if note_id is None:
        raise LookupError(f"the work has no note {note_number} now")
    kept = json.loads(was)
    for key in ("document_id", "work_id"):  # the row it cited may be gone since
        table = Document if key == "document_id" else Work
        if kept[key] is not None and connection.execute(select(table.id).where(table.id == kept[key])).first() is None:
            kept[key] = None
    connection.execute(insert(Citation).values(note_id=note_id, position=position, batch_id=batch_id, **kept))


def _groups(corrections: Sequence[CorrectionRow]) -> list[list[CorrectionRow]]:
    """Corrections in the order made, the document fields one form corrected of one citation
    together (so that one document is looked up for them, not one per field)."""
    groups: list[list[CorrectionRow]] = []
    for k in corrections:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and k.field in DOCUMENT_FIELDS
            and last.field in DOCUMENT_FIELDS
            and (k.batch_id, k.note_number, k.position) == (last.batch_id, last.note_number, last.position)
        ):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def _apply(connection: Connection, work_id: int, group: list[CorrectionRow], batch_id: int | None) -> None:
    """Apply one group of corrections of one citation; LookupError says why it no longer applies."""
    first = group[0]
    row = _located(connection, work_id, first.note_number, first.position)
    if first.field == NOT_A_CITATION:
        read = json.loads(first.was)["text"] if first.was and first.was != SET_ASIDE else None
        if read is not None and row.text != read:
            raise LookupError(f"the reader now reads {row.text!r} there, not {read!r}")
        _set_aside(connection, row)
        return
    for k in group:
        now = _value(connection, row, k.field)
        if now not in (k.was, k.value):
            raise LookupError(f"the reader now reads {k.field} {now!r} there, not {k.was!r}")
    if first.field in DOCUMENT_FIELDS:
        _repoint(connection, row, {k.field: k.value for k in group}, batch_id or first.batch_id)
    else:
        _set(connection, work_id, row.id, first.field, first.value)


def apply_corrections(
    connection: Connection, work_id: int, batch_id: int | None = None, only: list[int] | None = None
) -> list[str]:
    """Apply every correction of the citing work to its citations as read now (documents a
    correction adds belong to ``batch_id``, the ingest); what no longer applies is marked lost
    and named in the messages returned. With ``only`` (new corrections, from a form), just those
    are applied, and one that cannot be raises InvalidInput naming its field."""
    messages = []
    query = select(Correction).where(Correction.work_id == work_id).order_by(Correction.id)
    if only is not None:
        query = query.where(Correction.id.in_(only))
    for group in _groups(connection.execute(query).all()):
        ids = [k.id for k in group]
        try:
            _apply(connection, work_id, group, batch_id)
        except (LookupError, InvalidInput) as error:
            if only is not None:
                raise (
                    error
                    if isinstance(error, InvalidInput)
                    else InvalidInput([InputError("form", None, group[0].field, str(error))])
                ) from None
            reason = str(error)
            connection.execute(
                update(Correction).where(Correction.id.in_(ids)).values(status="lost", status_reason=reason)
            )
            messages += [
                f"correction {k.id} (note {k.note_number}, citation {k.position}, {k.field} → "
                f"{k.value!r}) no longer applies: {reason}"
                for k in group
            ]
        else:
            connection.execute(
                update(Correction).where(Correction.id.in_(ids)).values(status="applied", status_reason=None)
            )
    return messages


def restore(
    connection: Connection, work_id: int, note_number: int, position: int, field: str, value: str | None, batch_id: int
) -> None:
    """Set a citation's field back to ``value`` (undoing a correction), as the write ``batch_id``;
    a citation set aside is put back."""
    if field == NOT_A_CITATION:
        if value and value != SET_ASIDE:
            _put_back(connection, work_id, note_number, position, value, batch_id)
        return
    row = _located(connection, work_id, note_number, position)
    if field in DOCUMENT_FIELDS:
        _repoint(connection, row, {field: value}, batch_id)
    else:
        _set(connection, work_id, row.id, field, value, batch_id)
