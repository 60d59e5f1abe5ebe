"""Writing the repository authority: curated archives and their names."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..models import Document, RecordSet, Repository, RepositoryName
from ..records import RepositoryRecord
from ..text import fold
from .rows import SaveCounts, assign


def save_repositories(session: Session, records: Iterable[RepositoryRecord]) -> SaveCounts:
    """Insert or update authority repositories, keyed on their acronym; idempotent.

    A repository earlier stored from a citation under a name the authority now lists is
    merged into the authority entry, with its record sets and documents.
    """
    counts = SaveCounts()
    for record in records:
        found = session.scalar(select(Repository).where(Repository.acronym == record.acronym))
        is_new = found is None
        repository = Repository(acronym=record.acronym) if found is None else found
        if is_new:
            session.add(repository)
        fields = {
            "authorised_name": record.authorised_name,
            "type": record.type,
            "country_code": record.country,
            "city": record.city,
            "latitude": record.latitude,
            "longitude": record.longitude,
            "url": record.url,
            "description": record.description,
            "sources": list(record.sources),
            "origin": "authority",
        }
        changed = assign(repository, fields)
        changed |= _sync_names(session, repository, record)
        counts.count(is_new, changed)
        session.flush()
    return counts


def _sync_names(session: Session, repository: Repository, record: RepositoryRecord) -> bool:
    """Make the repository's names exactly the record's names."""
    wanted = {fold(n.name): n for n in record.all_names()}
    changed = False
    for existing in list(repository.names):
        if existing.name_key not in wanted:
            repository.names.remove(existing)
            changed = True
    session.flush()
    have = {n.name_key: n for n in repository.names}
    for key, name in wanted.items():
        row = have.get(key)
        if row is None:
            _absorb_cited_repository(session, key, repository)
            repository.names.append(RepositoryName(name_key=key, name=name.name))
            row = repository.names[-1]
            changed = True
        changed |= assign(row, {"name": name.name, "type": name.type, "language": name.language})
    return changed


def _absorb_cited_repository(session: Session, name_key: str, into: Repository) -> None:
    """Merge a repository known only from citations under this name into ``into``."""
    other = session.scalar(select(Repository).join(RepositoryName).where(RepositoryName.name_key == name_key))
    if other is None or other is into:
        return
    if other.origin != "cited":
        raise ValueError(f"name key {name_key!r} already belongs to {other.acronym}")
    session.flush()  # give ``into`` its id
    for model in (Document, RecordSet):
        session.execute(update(model).where(model.repository_id == other.id).values(repository_id=into.id))
    session.delete(other)
    session.flush()
