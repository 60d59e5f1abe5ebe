"""Writing a citing work: its notes, citations and claims, and what they cite.

The same document or work cited twice is one row with two citations: rows are found by a
key computed from what identifies them (repository, reference code, date and title for a
document; title and first author for a work). Saving a citing work again replaces its own
notes, citations and claims, and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..dates import edtf_bounds
from ..models import (
    Agent,
    Citation,
    Claim,
    ClaimNote,
    Document,
    DocumentAgent,
    Note,
    RecordSet,
    Repository,
    RepositoryName,
    Work,
    WorkAgent,
)
from ..parse.language import language_of
from ..parse.model import Article, CitationDraft, ParsedNote
from ..parse.refcodes import code_key
from ..reference.gazetteer import PlaceIndex
from ..text import fold
from .keys import (
    COLLECTION_WORDS,
    agent_key,
    agent_kind,
    country_of_archive_named,
    document_key,
    identity_key,
    work_key,
)
from .rows import archive_countries, fill, get_or_add


@dataclass
class ArticleCounts:
    work_id: int = 0  # the citing work
    notes: int = 0
    citations: int = 0  # as the notes give them
    nested: int = 0  # works a document is printed in or known through (their own rows)
    claims: int = 0
    documents: set[int] = field(default_factory=set)
    works: set[int] = field(default_factory=set)
    resolved: int = 0
    unresolved: int = 0


# ── Agents, works, repositories, documents ──────────────────────────────────


def _agent(session: Session, name: str) -> Agent:
    agent = get_or_add(session, Agent, {"name": name}, agent_key=agent_key(name))
    fill(agent, name=name, kind=agent_kind(name))
    return agent


def _link_agents(session: Session, work: Work, draft: CitationDraft) -> None:
    for role, names in (("author", draft.authors), ("editor", draft.editors)):
        for position, name in enumerate(names):
            agent = _agent(session, name)
            link = session.scalar(select(WorkAgent).filter_by(work_id=work.id, agent_id=agent.id, role=role))
            if link is None:
                session.add(WorkAgent(work_id=work.id, agent_id=agent.id, role=role, position=position))
    session.flush()


def work_type(draft: CitationDraft) -> str:
    if draft.container_title:
        return "journal_article" if draft.volume or draft.issue or not draft.publisher else "chapter"
    if COLLECTION_WORDS.search(f"{draft.title} {draft.title_translated or ''}"):
        return "document_collection"
    if draft.editors and not draft.authors:
        return "edited_book"
    return "book"


def _work(session: Session, draft: CitationDraft, places: PlaceIndex | None = None) -> Work:
    first = (draft.authors or draft.editors or [""])[0]
    work = get_or_add(
        session, Work, {"title": draft.title or draft.text}, work_key=work_key(draft.title or draft.text, first)
    )
    fill(
        work,
        title=draft.title or draft.text,
        type=work_type(draft),
        title_translated=draft.title_translated,
        container_title=draft.container_title,
        container_title_translated=draft.container_title_translated,
        volume=draft.volume if draft.container_title else None,
        issue=draft.issue,
        place=draft.place,
        publisher=draft.publisher,
        year=draft.year,
        language=language_of(draft.title),
    )
    if places is not None and (place := places.place_of(draft.place)):
        fill(work, country_code=place.country)
    elif work.country_code is None:
        fill(
            work,
            country_code=country_of_archive_named(
                [draft.publisher, *draft.authors], archive_countries(session.connection())
            ),
        )
    _link_agents(session, work, draft)
    return work


def _repository(session: Session, draft: CitationDraft) -> Repository | None:
    if not draft.repository:
        return None
    if draft.repository_known:
        return session.scalar(select(Repository).where(Repository.acronym == draft.repository))
    name_key = fold(draft.repository)
    known = session.scalar(select(Repository).join(RepositoryName).where(RepositoryName.name_key == name_key))
    if known is not None:
        return known
    repository = Repository(authorised_name=draft.repository, origin="cited")
    repository.names.append(RepositoryName(name=draft.repository, name_key=name_key, type="other"))
    session.add(repository)
    session.flush()
    return repository


def _record_set(session: Session, repository: Repository, draft: CitationDraft) -> RecordSet | None:
    levels = list(draft.reference_levels) or ([("other", draft.reference_code)] if draft.reference_code else [])
    parent, path = None, []
    for level, code in levels:
        path.append(code)
        row = get_or_add(
            session,
            RecordSet,
            {"reference_code": code, "reference_code_normalised": code},
            repository_id=repository.id,
            path=" / ".join(path),
        )
        fill(
            row,
            level=level,
            reference_code=code,
            reference_code_normalised=code,
            parent_id=parent.id if parent else None,
            reference_code_key=code_key(code),
            path_key=code_key(row.path),
        )
        parent = row
    if parent is not None and draft.file_title:
        fill(parent, title=draft.file_title)
    return parent


def _document(session: Session, draft: CitationDraft) -> Document:
    repository = _repository(session, draft)
    holder = repository.acronym or fold(repository.authorised_name) if repository else None
    via = fold(draft.via.title or draft.via.text) if draft.via and not repository else None
    document = get_or_add(
        session,
        Document,
        document_key=document_key(holder, draft.reference_code, draft.date, via, draft.title or draft.text),
    )
    start, end = edtf_bounds(draft.date) if draft.date else (None, None)
    fill(
        document,
        repository_id=repository.id if repository else None,
        record_set_id=(rs.id if repository and (rs := _record_set(session, repository, draft)) else None),
        title=draft.title,
        title_translated=draft.title_translated,
        genre=draft.genre,
        language=language_of(draft.title),
        date_as_written=draft.date_as_written,
        date_edtf=draft.date,
        date_precision=draft.date_precision,
        date_start=start,
        date_end=end,
        reference_code=draft.reference_code_cited,
        reference_code_normalised=draft.reference_code,
        reference_code_key=code_key(draft.reference_code),
        reference_code_parts=dict(draft.reference_levels) if draft.reference_levels else None,
    )
    for role, name in (("sender", draft.sender), ("recipient", draft.recipient)):
        if name:
            agent = _agent(session, name)
            get_or_add(session, DocumentAgent, document_id=document.id, agent_id=agent.id, role=role)
    return document


# ── The citing work ─────────────────────────────────────────────────────────


def _citing_work(session: Session, article: Article, sha256: str) -> Work:
    title = article.title or Path(article.source).name
    first = article.authors[0] if article.authors else ""
    work = get_or_add(session, Work, {"title": title}, work_key=identity_key("citing", fold(title), fold(first)))
    work.title, work.source_name, work.source_sha256 = title, Path(article.source).name, sha256
    work.date_edtf = article.date
    work.year = int(article.date[:4]) if article.date else work.year
    draft = CitationDraft(kind="published", form="full", span=(0, 0), text=title, authors=list(article.authors))
    _link_agents(session, work, draft)
    return work


def _status(note: ParsedNote) -> str:
    if not note.citations:
        return "unparsed"
    doubtful = any(c.kind == "unknown" or c.unresolved_reason for c in note.citations)
    return "partial" if doubtful or note.messages else "parsed"


def save_article(
    session: Session,
    article: Article,
    notes: list[ParsedNote],
    references: list[CitationDraft],
    sha256: str,
    places: PlaceIndex | None = None,
) -> ArticleCounts:
    """Replace the citing work's notes, citations and claims with these; idempotent."""
    counts = ArticleCounts()
    citing = _citing_work(session, article, sha256)
    counts.work_id = citing.id
    session.execute(delete(Claim).where(Claim.work_id == citing.id))
    session.execute(delete(Note).where(Note.work_id == citing.id))
    session.flush()
    reference_works = [_work(session, draft, places) for draft in references]
    note_rows: dict[int, Note] = {}
    for position, note in enumerate(notes, 1):
        row = Note(
            work_id=citing.id,
            position=position,
            number=note.number,
            kind=note.kind,
            text=note.text,
            residue=note.residue,
            parse_status=_status(note),
            parse_messages="\n".join(note.messages) or None,
        )
        session.add(row)
        note_rows.setdefault(note.number, row)
    session.flush()
    counts.notes = len(notes)

    saved: dict[tuple[int, int, bool], Citation] = {}
    for note in notes:
        position = 0
        for index, draft in enumerate(note.citations):
            position += 1
            cited = _citation(session, draft, note_rows[note.number], position, saved, note_rows, places)
            saved[(note.number, index, False)] = cited
            if draft.via is not None:
                position += 1
                via = _citation(session, draft.via, note_rows[note.number], position, saved, note_rows, places)
                cited.via_citation_id = via.id
                saved[(note.number, index, True)] = via
            if note.kind == "in_text" and draft.antecedent is not None:
                cited.work_id = reference_works[draft.antecedent[1]].id
            counts.citations += 1
            counts.nested += draft.via is not None
            for done in (cited, saved.get((note.number, index, True))):
                if done is not None:
                    if done.document_id:
                        counts.documents.add(done.document_id)
                    if done.work_id:
                        counts.works.add(done.work_id)
            if draft.form != "full" or draft.kind == "cross_reference":
                if draft.unresolved_reason:
                    counts.unresolved += 1
                else:
                    counts.resolved += 1
    session.flush()

    for claim in article.claims:
        claim_row = Claim(
            work_id=citing.id,
            position=claim.position,
            text=claim.text,
            section=claim.section,
            paragraph=claim.paragraph,
            span_start=claim.span[0],
            span_end=claim.span[1],
        )
        session.add(claim_row)
        session.flush()
        for number in dict.fromkeys(claim.note_numbers):
            if number in note_rows:
                session.add(ClaimNote(claim_id=claim_row.id, note_id=note_rows[number].id))
        counts.claims += 1
    session.flush()
    return counts


def _citation(
    session: Session,
    draft: CitationDraft,
    note: Note,
    position: int,
    saved: dict[tuple[int, int, bool], Citation],
    note_rows: dict[int, Note],
    places: PlaceIndex | None,
) -> Citation:
    row = Citation(
        note_id=note.id,
        position=position,
        span_start=draft.span[0],
        span_end=draft.span[1],
        text=draft.text,
        kind=draft.kind,
        form=draft.form,
        locator=draft.locator,
        volume=draft.volume if not draft.container_title else None,
        unresolved_reason=draft.unresolved_reason,
    )
    antecedent = saved.get(draft.antecedent) if draft.antecedent and note.kind != "in_text" else None
    if antecedent is not None:
        row.antecedent_id = antecedent.id
        row.document_id, row.work_id = antecedent.document_id, antecedent.work_id
    elif draft.kind in ("archival", "published_document", "cited_document") and (draft.title or draft.reference_code):
        row.document_id = _document(session, draft).id
    elif draft.kind == "published" and draft.form == "full" and draft.title:
        row.work_id = _work(session, draft, places).id
    if draft.kind == "cross_reference" and draft.cross_reference_note in note_rows:
        row.cross_reference_note_id = note_rows[draft.cross_reference_note].id
    session.add(row)
    session.flush()
    return row
