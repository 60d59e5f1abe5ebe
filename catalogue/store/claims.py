"""Writing what a person adds by hand beside documents and works: an archive, and a claim
with the evidence it rests on.

A claim added by hand belongs to a citing work (or to the researcher's own research, a work
of its own) and rests on one note of that work, whose citations point to the documents and
works given, each with its locator, so that it reads in every page and query exactly as a
claim read from a footnote.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, func, insert, select

from ..errors import InputError, InvalidInput
from ..models import Citation, Claim, ClaimNote, Document, Note, Repository, RepositoryName, Work
from ..records import ArchiveRecord, ClaimRecord, Located
from ..searchable import search_text_of
from ..text import fold
from .keys import identity_key
from .rows import SaveReport


def save_archives(connection: Connection, located: Sequence[Located[ArchiveRecord]], batch_id: int) -> SaveReport:
    """New archives, each with its names; a name another archive already has is refused."""
    report, errors = SaveReport("archives"), []
    taken = dict(
        connection.execute(
            select(RepositoryName.name_key, Repository.acronym).join(
                Repository, Repository.id == RepositoryName.repository_id
            )
        ).all()
    )
    for where in located:
        record = where.record
        existing = connection.execute(select(Repository.id).where(Repository.acronym == record.acronym)).scalar()
        if existing is not None:
            report.matched += 1
            report.ids.append(existing)
            continue
        clashes = [name.name for name in record.all_names() if fold(name.name) in taken]
        if clashes:
            errors += [where.error("names", f"{name!r} already names {taken[fold(name)]}") for name in clashes]
            continue
        repository_id = connection.execute(
            insert(Repository)
            .values(
                acronym=record.acronym,
                authorised_name=record.authorised_name,
                type=record.type,
                country_code=record.country,
                city=record.city,
                latitude=record.latitude,
                longitude=record.longitude,
                url=record.url,
                description=record.description,
                origin="authority",
                batch_id=batch_id,
            )
            .returning(Repository.id)
        ).scalar_one()
        names = list({fold(name.name): name for name in record.all_names()}.values())
        connection.execute(
            insert(RepositoryName),
            [
                {"repository_id": repository_id, "name": name.name, "name_key": fold(name.name), "type": name.type}
                for name in names
            ],
        )
        taken.update({fold(name.name): record.acronym for name in names})
        report.added += 1
        report.ids.append(repository_id)
    if errors:
        raise InvalidInput(errors)
    return report


def _own_research(connection: Connection, made_by: str, batch_id: int) -> int:
    """The work holding a researcher's own claims: one per researcher."""
    key = identity_key("own", fold(made_by))
    work_id = connection.execute(select(Work.id).where(Work.work_key == key)).scalar()
    if work_id is None:
        work_id = connection.execute(
            insert(Work)
            .values(
                work_key=key,
                type="other",
                title=f"Own research: {made_by}",
                batch_id=batch_id,
            )
            .returning(Work.id)
        ).scalar_one()
    return work_id


def save_claims(
    connection: Connection, located: Sequence[Located[ClaimRecord]], batch_id: int, made_by: str
) -> SaveReport:
    report, errors = SaveReport("claims"), []
    for where in located:
        record = where.record
        problems = _check_evidence(connection, record, where)
        if record.citing_work_id:
            read_from = connection.execute(
                select(Work.id, Work.source_sha256).where(Work.id == record.citing_work_id)
            ).first()
            if read_from is None:
                problems.append(where.error("citing_work_id", f"no work has number {record.citing_work_id}"))
            elif read_from.source_sha256:  # its notes are replaced whenever its text is read again
                problems.append(
                    where.error(
                        "citing_work_id",
                        f"work {record.citing_work_id} is read from its text "
                        "(catalogue ingest), which gives its claims; a claim added to it would be "
                        "lost when it is read again: leave --citing-work out to add it to your "
                        "own research",
                    )
                )
        if problems:
            errors += problems
            continue
        work_id = record.citing_work_id or _own_research(connection, made_by, batch_id)
        report.ids.append(_write_claim(connection, record, work_id, batch_id))
        report.added += 1
    if errors:
        raise InvalidInput(errors)
    return report


def _check_evidence(connection: Connection, record: ClaimRecord, where: Located[ClaimRecord]) -> list[InputError]:
    problems = []
    for index, evidence in enumerate(record.evidence):
        table, row_id = (Document, evidence.document_id) if evidence.document_id else (Work, evidence.work_id)
        if connection.execute(select(table.id).where(table.id == row_id)).scalar() is None:
            problems.append(where.error(f"evidence.{index}", f"no {table.__tablename__[:-1]} has number {row_id}"))
    return problems


def _citation_text(connection: Connection, evidence) -> str:
    """How the note cites a source: its title, code and archive (a document), or its title."""
    if evidence.document_id:
        title, code, acronym = connection.execute(
            select(Document.title, Document.reference_code, Repository.acronym)
            .outerjoin(Repository, Repository.id == Document.repository_id)
            .where(Document.id == evidence.document_id)
        ).one()
        parts = [f"“{title}”" if title else None, code, acronym]
    else:
        parts = [connection.execute(select(Work.title).where(Work.id == evidence.work_id)).scalar_one()]
    return ", ".join(part for part in (*parts, evidence.locator) if part)


def _write_claim(connection: Connection, record: ClaimRecord, work_id: int, batch_id: int) -> int:
    position = (connection.execute(select(func.max(Note.position)).where(Note.work_id == work_id)).scalar() or 0) + 1
    claim_position = (
        connection.execute(select(func.max(Claim.position)).where(Claim.work_id == work_id)).scalar() or 0
    ) + 1
    texts = [_citation_text(connection, evidence) for evidence in record.evidence]
    note_text = "; ".join(texts) + "."
    residue = "; " * (len(texts) - 1) + "."
    note_id = connection.execute(
        insert(Note)
        .values(
            work_id=work_id,
            position=position,
            number=position,
            kind="footnote",
            text=note_text,
            residue=residue,
            parse_status="parsed",
            batch_id=batch_id,
            search_text=search_text_of([note_text]),
        )
        .returning(Note.id)
    ).scalar_one()
    start = 0
    for index, (evidence, cited) in enumerate(zip(record.evidence, texts, strict=True), 1):
        connection.execute(
            insert(Citation).values(
                note_id=note_id,
                position=index,
                span_start=start,
                span_end=start + len(cited),
                text=cited,
                kind="archival" if evidence.document_id else "published",
                form="full",
                document_id=evidence.document_id,
                work_id=evidence.work_id,
                locator=evidence.locator,
                batch_id=batch_id,
            )
        )
        start += len(cited) + 2
    claim_id = connection.execute(
        insert(Claim)
        .values(
            work_id=work_id,
            position=claim_position,
            text=record.text,
            span_start=0,
            span_end=len(record.text),
            batch_id=batch_id,
            search_text=search_text_of([record.text]),
        )
        .returning(Claim.id)
    ).scalar_one()
    connection.execute(insert(ClaimNote).values(claim_id=claim_id, note_id=note_id))
    return claim_id
