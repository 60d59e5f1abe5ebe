"""Correcting a citation as the reader read it (the desk's "correct a citation"): the
correction is kept apart (``corrections``), applied now, and applied again whenever the
citing work is ingested again (store/corrections.py).

    citation ─► its work, note number and place ─► correction kept with the value it replaces
    ─► applied, in one transaction and one batch of the change log
"""

from __future__ import annotations

from sqlalchemy import insert, select, update

from .. import derive, schema
from ..db import checkpoint, connect
from ..errors import InputError, InvalidInput
from ..models import Citation, Correction, Note, Review
from ..store.batches import begin_batch, list_rows, row_ceilings
from ..store.corrections import FIELDS, NOT_A_CITATION, SET_ASIDE, apply_corrections, was_for
from ..store.documents import Archives
from ..vocabularies import CITATION_KINDS


def check(field: str, value: str | None) -> list[InputError]:
    """Problems with a corrected value, by field."""
    if field not in FIELDS:
        return [InputError("form", None, "field", f"one of {', '.join(FIELDS)}")]
    if field == "kind" and value not in CITATION_KINDS:
        return [InputError("form", None, "kind", f"one of {', '.join(CITATION_KINDS)}")]
    if field == "antecedent_note" and value and not value.isdigit():
        return [InputError("form", None, "antecedent_note", "the number of the note it points to, or empty")]
    if field == NOT_A_CITATION and value not in (None, SET_ASIDE):
        return [InputError("form", None, field, f"{SET_ASIDE!r}, or empty")]
    return []


NOT_ARCHIVAL = ("published", "unknown")  # kinds a citation leaves when an archive is named for it


def correct_citation(
    target: str | None,
    citation_id: int,
    changes: dict[str, str | None],
    made_by: str | None = None,
    command: str = "correct citation",
) -> int | None:
    """Keep and apply the corrections of one citation's fields (field → corrected value), as
    one write; returns its number, or None when nothing differs from the citation as it stands.
    Bad values raise InvalidInput and change nothing. Setting a citation aside
    (``{"not_a_citation": "not a citation"}``) goes alone: its other fields are not corrected.

    Fields: kind, locator, antecedent_note (the citation); archive, reference_code, date, title
    (the document it cites: the citation is pointed at the document they identify).
    """
    changes = {field: (value or "").strip() or None for field, value in changes.items()}
    if changes.get(NOT_A_CITATION):
        changes = {NOT_A_CITATION: changes[NOT_A_CITATION]}
    if errors := [error for field, value in changes.items() for error in check(field, value)]:
        raise InvalidInput(errors)
    engine = connect(target)
    batch_id = None
    try:
        with engine.begin() as connection:
            schema.require_current(connection)
            found = connection.execute(
                select(Note.work_id, Note.number, Citation.position)
                .join(Note, Note.id == Citation.note_id)
                .where(Citation.id == citation_id)
            ).first()
            if found is None:
                raise InvalidInput([InputError("form", None, "citation", f"no citation {citation_id}")])
            work_id, note_number, position = found
            if note_number is None:  # corrections are kept by note number, to outlive ingests
                raise InvalidInput(
                    [InputError("form", None, "citation", f"citation {citation_id} is in an unnumbered note")]
                )
            if archive_name := changes.get("archive"):  # kept as the catalogue names it, whatever name was typed
                try:
                    archive = Archives(connection).find(archive_name)
                except ValueError as error:
                    raise InvalidInput([InputError("form", None, "archive", str(error))]) from None
                changes["archive"] = archive.acronym or archive.name
            was = {field: was_for(connection, work_id, note_number, position, field) for field in changes}
            changed = {
                field: value
                for field, value in changes.items()
                if value != (was[field] if field != NOT_A_CITATION else None)
            }
            if not changed:
                return None
            if changed.get("archive"):  # an archive named for it: what it cites is an archival document
                was.setdefault("kind", was_for(connection, work_id, note_number, position, "kind"))
                if (changes.get("kind") or was["kind"]) in NOT_ARCHIVAL:
                    changed["kind"] = "archival"
            ceilings = row_ceilings(connection)
            with begin_batch(connection, command, None, made_by) as batch:
                batch_id = batch.id
                ids = {
                    field: connection.execute(
                        insert(Correction)
                        .values(
                            batch_id=batch.id,
                            work_id=work_id,
                            note_number=note_number,
                            position=position,
                            field=field,
                            was=was[field],
                            value=value,
                            status="applied",
                        )
                        .returning(Correction.id)
                    ).scalar_one()
                    for field, value in changed.items()
                }
                apply_corrections(connection, work_id, batch.id, only=list(ids.values()))
                connection.execute(update(Citation).where(Citation.id == citation_id).values(batch_id=batch.id))
                batch.summary = f"citation {citation_id} (note {note_number}): " + "; ".join(
                    f"{field} {was[field]!r} → {value!r}" if field != NOT_A_CITATION else SET_ASIDE
                    for field, value in changed.items()
                )
                list_rows(connection, batch.id, ceilings)
            derive.ensure_derived(connection)
        checkpoint(engine)
    finally:
        engine.dispose()
    return batch_id


def mark_reviewed(
    target: str | None,
    work_id: int,
    note_number: int,
    position: int | None,
    problem: str,
    made_by: str | None = None,
    command: str = "mark reviewed",
) -> int:
    """Mark an item of the review queue as looked at (kept by work, note and place, so that it
    outlives ingesting the work again); returns the write's number."""
    engine = connect(target)
    try:
        with engine.begin() as connection:
            schema.require_current(connection)
            if (
                connection.execute(select(Note.id).where(Note.work_id == work_id, Note.number == note_number)).first()
                is None
            ):
                raise InvalidInput([InputError("form", None, "note", f"work {work_id} has no note {note_number}")])
            with begin_batch(connection, command, None, made_by) as batch:
                connection.execute(
                    insert(Review).values(
                        batch_id=batch.id, work_id=work_id, note_number=note_number, position=position, problem=problem
                    )
                )
                batch.summary = (
                    f"work {work_id}, note {note_number}"
                    + (f", citation {position}" if position else "")
                    + f" reviewed: {problem}"
                )
        checkpoint(engine)
    finally:
        engine.dispose()
    return batch.id
