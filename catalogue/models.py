"""The catalogue's schema: SQLAlchemy models, the one source of truth for tables.

The evidence chain::

    claim ─(claim_notes)─► note ─► citation ─► document ─► record set (file/series/fonds) ─► repository
                                        │           └──► published in / cited in (via citation ─► work)
                                        └──► work

Table names are the public SQL interface researchers query; keep them stable.
Migrations in ``migrations/`` are generated from these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from . import vocabularies as v

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

LANGUAGE_TAG = String(35)  # BCP 47, e.g. "vi", "zh-Hant", "zh-Latn-pinyin"
COUNTRY_CODE = String(2)  # ISO 3166-1 alpha-2


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    """A CHECK constraint keeping ``column`` inside a closed vocabulary (NULL allowed)."""
    quoted = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=f"{column}_vocabulary")


def reference(target: str, *, nullable: bool = True, ondelete: str | None = None) -> Any:
    """An indexed foreign key column."""
    return mapped_column(
        ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True
    )


def country_check(column: str = "country_code") -> CheckConstraint:
    return CheckConstraint(f"length({column}) = 2", name=f"{column}_alpha2")


def span_check() -> CheckConstraint:
    return CheckConstraint("0 <= span_start AND span_start <= span_end", name="span_ordered")


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


# ── Repositories (ISDIAH) ────────────────────────────────────────────────────


class Repository(Timestamped, Base):
    """An archive or other institution holding records (ISDIAH)."""

    __tablename__ = "repositories"
    __table_args__ = (
        one_of("type", v.REPOSITORY_TYPES),
        one_of("origin", v.REPOSITORY_ORIGINS),
        country_check(),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    acronym: Mapped[str | None] = mapped_column(String(32), unique=True)
    authorised_name: Mapped[str] = mapped_column(Text)
    type: Mapped[str | None] = mapped_column(String(32))
    country_code: Mapped[str | None] = mapped_column(COUNTRY_CODE, index=True)
    city: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    url: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[list[Any] | None] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(String(16), default="authority")

    names: Mapped[list[RepositoryName]] = relationship(
        back_populates="repository", cascade="all, delete-orphan"
    )


class RepositoryName(Base):
    """A name of a repository in any language or script: authorised, parallel, former, acronym."""

    __tablename__ = "repository_names"
    __table_args__ = (
        one_of("type", v.NAME_TYPES),
        UniqueConstraint("repository_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    repository_id: Mapped[int] = reference("repositories.id", nullable=False, ondelete="CASCADE")
    name: Mapped[str] = mapped_column(Text)
    # Case-, accent- and punctuation-folded name: how citations are matched to repositories.
    name_key: Mapped[str] = mapped_column(Text, unique=True)
    language: Mapped[str | None] = mapped_column(LANGUAGE_TAG)
    type: Mapped[str] = mapped_column(String(16))

    repository: Mapped[Repository] = relationship(back_populates="names")


class RecordSet(Timestamped, Base):
    """A fonds, series, file or other aggregation inside a repository, as a tree."""

    __tablename__ = "record_sets"
    __table_args__ = (
        one_of("level", v.RECORD_SET_LEVELS),
        UniqueConstraint("repository_id", "path"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    repository_id: Mapped[int] = reference("repositories.id", nullable=False)
    parent_id: Mapped[int | None] = reference("record_sets.id")
    level: Mapped[str | None] = mapped_column(String(16))
    reference_code: Mapped[str] = mapped_column(Text)  # this level's code as cited: "ML 2"
    reference_code_normalised: Mapped[str] = mapped_column(Text)  # "ML2"
    # Normalised codes from the top of the tree, joined by " / ": "PTT / ML2 / 52".
    path: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)


# ── Documents, works and the agents and places they name ────────────────────


class Document(Timestamped, Base):
    """An archival record, cited by its title and reference code."""

    __tablename__ = "documents"
    __table_args__ = (
        one_of("genre", v.DOCUMENT_GENRES),
        one_of("date_precision", v.DATE_PRECISIONS),
        CheckConstraint("date_start <= date_end", name="date_range_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Identity used to merge the same document cited twice; computed by the store.
    document_key: Mapped[str] = mapped_column(Text, unique=True)
    repository_id: Mapped[int | None] = reference("repositories.id")
    record_set_id: Mapped[int | None] = reference("record_sets.id")
    title: Mapped[str | None] = mapped_column(Text)  # as cited, original language
    title_translated: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(LANGUAGE_TAG)
    genre: Mapped[str | None] = mapped_column(String(32), index=True)
    date_as_written: Mapped[str | None] = mapped_column(Text)  # "24 juin 1947"
    date_edtf: Mapped[str | None] = mapped_column(String(64))  # "1947-06-24", "1949-04"
    date_precision: Mapped[str | None] = mapped_column(String(16))
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    reference_code: Mapped[str | None] = mapped_column(Text)  # as cited: "PTT, ML 2, 52"
    reference_code_normalised: Mapped[str | None] = mapped_column(Text, index=True)
    reference_code_parts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    description: Mapped[str | None] = mapped_column(Text)


class Work(Timestamped, Base):
    """A published source (book, article, document collection, memoir…), or a citing work."""

    __tablename__ = "works"
    __table_args__ = (one_of("type", v.WORK_TYPES), country_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    # Identity used to merge the same work cited twice; computed by the store.
    work_key: Mapped[str] = mapped_column(Text, unique=True)
    type: Mapped[str | None] = mapped_column(String(32), index=True)
    title: Mapped[str] = mapped_column(Text)  # as cited, original language
    title_translated: Mapped[str | None] = mapped_column(Text)
    short_title: Mapped[str | None] = mapped_column(Text)
    container_title: Mapped[str | None] = mapped_column(Text)
    container_title_translated: Mapped[str | None] = mapped_column(Text)
    volume: Mapped[str | None] = mapped_column(String(64))
    issue: Mapped[str | None] = mapped_column(String(64))
    edition: Mapped[str | None] = mapped_column(String(64))
    pages: Mapped[str | None] = mapped_column(String(64))
    place: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    date_edtf: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(LANGUAGE_TAG)
    country_code: Mapped[str | None] = mapped_column(COUNTRY_CODE)
    doi: Mapped[str | None] = mapped_column(Text)
    isbn: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    # For a citing work read from a text: the file it was read from and its SHA-256.
    source_name: Mapped[str | None] = mapped_column(Text)
    source_sha256: Mapped[str | None] = mapped_column(String(64))


class Agent(Timestamped, Base):
    """A person or organisation: author, editor, sender, recipient, compiler."""

    __tablename__ = "agents"
    __table_args__ = (one_of("kind", v.AGENT_KINDS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_key: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)  # display form, as first cited
    family_name: Mapped[str | None] = mapped_column(Text)
    given_name: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="person")


class AgentName(Base):
    """A name of an agent in any language or script."""

    __tablename__ = "agent_names"
    __table_args__ = (
        one_of("type", v.AGENT_NAME_TYPES),
        UniqueConstraint("agent_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = reference("agents.id", nullable=False, ondelete="CASCADE")
    name: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(LANGUAGE_TAG)
    type: Mapped[str] = mapped_column(String(16))


class Place(Timestamped, Base):
    """A place named by documents or repositories."""

    __tablename__ = "places"
    __table_args__ = (
        country_check(),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    place_key: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(COUNTRY_CODE)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geonames_id: Mapped[int | None] = mapped_column(Integer)


class PlaceName(Base):
    """A name of a place in any language or script ("Lạng Sơn", "Lang Son", "諒山")."""

    __tablename__ = "place_names"
    __table_args__ = (
        one_of("type", v.NAME_TYPES),
        UniqueConstraint("place_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    place_id: Mapped[int] = reference("places.id", nullable=False, ondelete="CASCADE")
    name: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(LANGUAGE_TAG)
    type: Mapped[str] = mapped_column(String(16))


class WorkAgent(Base):
    """An author, editor, compiler or translator of a work, in order."""

    __tablename__ = "work_agents"
    __table_args__ = (
        one_of("role", v.WORK_AGENT_ROLES),
        UniqueConstraint("work_id", "agent_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = reference("works.id", nullable=False, ondelete="CASCADE")
    agent_id: Mapped[int] = reference("agents.id", nullable=False)
    role: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)


class DocumentAgent(Base):
    """An agent a document names: its author, sender, recipient or signatory."""

    __tablename__ = "document_agents"
    __table_args__ = (
        one_of("role", v.DOCUMENT_AGENT_ROLES),
        UniqueConstraint("document_id", "agent_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = reference("documents.id", nullable=False, ondelete="CASCADE")
    agent_id: Mapped[int] = reference("agents.id", nullable=False)
    role: Mapped[str] = mapped_column(String(16))


class DocumentPlace(Base):
    """A place a document was issued at or is about."""

    __tablename__ = "document_places"
    __table_args__ = (
        one_of("role", v.DOCUMENT_PLACE_ROLES),
        UniqueConstraint("document_id", "place_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = reference("documents.id", nullable=False, ondelete="CASCADE")
    place_id: Mapped[int] = reference("places.id", nullable=False)
    role: Mapped[str] = mapped_column(String(16))


# ── Citing works: notes, citations, claims ──────────────────────────────────


class Note(Base):
    """A footnote, endnote or in-text parenthetical of a citing work, verbatim."""

    __tablename__ = "notes"
    __table_args__ = (
        one_of("kind", v.NOTE_KINDS),
        one_of("parse_status", v.PARSE_STATUSES),
        UniqueConstraint("work_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = reference("works.id", nullable=False, ondelete="CASCADE")
    position: Mapped[int] = mapped_column(Integer)  # order in the citing work, from 1
    number: Mapped[int | None] = mapped_column(Integer)  # as numbered in the text
    kind: Mapped[str] = mapped_column(String(16), default="footnote")
    text: Mapped[str] = mapped_column(Text)  # verbatim
    residue: Mapped[str] = mapped_column(Text, default="")  # commentary outside citations
    parse_status: Mapped[str] = mapped_column(String(16), default="parsed", index=True)
    parse_messages: Mapped[str | None] = mapped_column(Text)


class Citation(Base):
    """One reference inside a note: what it cites, where, and in which form."""

    __tablename__ = "citations"
    __table_args__ = (
        one_of("kind", v.CITATION_KINDS),
        one_of("form", v.CITATION_FORMS),
        span_check(),
        UniqueConstraint("note_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = reference("notes.id", nullable=False, ondelete="CASCADE")
    position: Mapped[int] = mapped_column(Integer)  # order inside the note, from 1
    span_start: Mapped[int] = mapped_column(Integer)  # character offsets in notes.text
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # the cited segment, verbatim
    kind: Mapped[str] = mapped_column(String(24), index=True)
    form: Mapped[str] = mapped_column(String(16), default="full")
    document_id: Mapped[int | None] = reference("documents.id")
    work_id: Mapped[int | None] = reference("works.id")
    # The edition a document is published in, or the work it is known through ("cited in").
    via_citation_id: Mapped[int | None] = reference("citations.id", ondelete="SET NULL")
    # The full citation a short form, ibid or op. cit. resolves to.
    antecedent_id: Mapped[int | None] = reference("citations.id", ondelete="SET NULL")
    # The note a cross-reference ("see n. 12 above") points to.
    cross_reference_note_id: Mapped[int | None] = reference("notes.id", ondelete="SET NULL")
    locator: Mapped[str | None] = mapped_column(Text)  # "pp. 18–19", "tr. 224", "Vol. 1, p. 8"
    unresolved_reason: Mapped[str | None] = mapped_column(Text)


class Claim(Base):
    """A passage of a citing work that one or more notes support."""

    __tablename__ = "claims"
    __table_args__ = (span_check(), UniqueConstraint("work_id", "position"))

    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = reference("works.id", nullable=False, ondelete="CASCADE")
    position: Mapped[int] = mapped_column(Integer)  # order in the citing work, from 1
    text: Mapped[str] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    paragraph: Mapped[int | None] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)  # character offsets in the body text
    span_end: Mapped[int] = mapped_column(Integer)


class ClaimNote(Base):
    """Which notes support which claim."""

    __tablename__ = "claim_notes"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    note_id: Mapped[int] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True, index=True
    )


PUBLIC_TABLES = ("repositories", "record_sets", "documents", "works", "notes", "citations", "claims")
