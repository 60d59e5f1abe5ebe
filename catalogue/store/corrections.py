"""Editors' corrections of citations, applied to the citations as read, and again after every
ingest of the citing work (the reader's rows are replaced; the corrections are not).

A correction finds its citation by the citing work, the note's number and the citation's place
in the note, and applies only while the reader still reads there what the correction replaced
(``was``); otherwise it is marked lost, with the reason, and reported: never dropped.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from ..models import Citation, Correction, Note

FIELDS = ("kind", "locator", "antecedent_note")


def _located(connection: Connection, work_id: int, note_number: int, position: int):
    """The citation at a note's number and place in the citing work, as read now."""
    row = connection.execute(
        select(Citation.id, Citation.kind, Citation.locator, Citation.antecedent_id)
        .join(Note, Note.id == Citation.note_id)
        .where(Note.work_id == work_id, Note.number == note_number, Citation.position == position)
        .order_by(Note.position).limit(1)).first()
    if row is None:
        raise LookupError(f"note {note_number} has no citation {position}")
    return row


def _value(connection: Connection, row, field: str) -> str | None:
    if field != "antecedent_note":
        return getattr(row, field)
    if row.antecedent_id is None:
        return None
    number = connection.execute(select(Note.number).join(Citation, Citation.note_id == Note.id)
                                .where(Citation.id == row.antecedent_id)).scalar()
    return None if number is None else str(number)


def current(connection: Connection, work_id: int, note_number: int, position: int, field: str) -> str | None:
    """The value of a citation's field as it stands: "f. 12", "archival", or the note number of
    its antecedent."""
    return _value(connection, _located(connection, work_id, note_number, position), field)


def _set(connection: Connection, work_id: int, citation_id: int, field: str, value: str | None,
         batch_id: int | None = None) -> None:
    """Give the citation ``citation_id`` of the citing work this value of ``field`` (and, when
    ``batch_id`` is given, make that write its last)."""
    values: dict = {field: value} if field != "antecedent_note" else {}
    if field == "antecedent_note":
        target = None
        if value:
            target = connection.execute(
                select(Citation.id).join(Note, Note.id == Citation.note_id)
                .where(Note.work_id == work_id, Note.number == int(value))
                .order_by(Note.position, Citation.position).limit(1)).scalar()
            if target is None:
                raise LookupError(f"note {value} has no citation to point to")
        values = {"antecedent_id": target, "unresolved_reason": None if target else Citation.unresolved_reason}
    if batch_id is not None:
        values["batch_id"] = batch_id
    connection.execute(update(Citation).where(Citation.id == citation_id).values(**values))


def apply_corrections(connection: Connection, work_id: int, batch_id: int | None = None) -> list[str]:
    """Apply every correction of the citing work to its citations as read now; what no longer
    applies is marked lost and named in the messages returned."""
    messages = []
    corrections = connection.execute(select(Correction).where(Correction.work_id == work_id)
                                     .order_by(Correction.id)).all()
    for correction in corrections:
        where = f"note {correction.note_number}, citation {correction.position}"
        try:
            row = _located(connection, work_id, correction.note_number, correction.position)
            now = _value(connection, row, correction.field)
            if now not in (correction.was, correction.value):
                raise LookupError(f"the reader now reads {correction.field} {now!r} there, not {correction.was!r}")
            _set(connection, work_id, row.id, correction.field, correction.value)
        except LookupError as error:
            reason = str(error)
            connection.execute(update(Correction).where(Correction.id == correction.id)
                               .values(status="lost", status_reason=reason))
            messages.append(f"correction {correction.id} ({where}, {correction.field} → {correction.value!r}) "
                            f"no longer applies: {reason}")
        else:
            connection.execute(update(Correction).where(Correction.id == correction.id)
                               .values(status="applied", status_reason=None))
    return messages


def restore(connection: Connection, work_id: int, note_number: int, position: int, field: str, value: str | None,
            batch_id: int) -> None:
    """Set a citation's field back to ``value`` (undoing a correction), as the write ``batch_id``."""
    _set(connection, work_id, _located(connection, work_id, note_number, position).id, field, value, batch_id)
