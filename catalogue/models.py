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
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

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


def reference(target: str, *, doc: str, nullable: bool = True, ondelete: str | None = None) -> Any:
    """An indexed foreign key column, described for researchers by ``doc``."""
    return mapped_column(ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True, doc=doc)


def country_check(column: str = "country_code") -> CheckConstraint:
    return CheckConstraint(f"length({column}) = 2", name=f"{column}_alpha2")


def span_check() -> CheckConstraint:
    return CheckConstraint("0 <= span_start AND span_start <= span_end", name="span_ordered")


class Timestamped:
    """Columns recording when a row was created and last changed."""

    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime,
        server_default=func.current_timestamp(),
        doc="When this row was added to the catalogue, e.g. 2024-05-02 14:03:11.",
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime,
        server_default=func.current_timestamp(),
        onupdate=func.current_timestamp(),
        doc="When this row was last changed in the catalogue, e.g. 2024-05-09 08:41:52.",
    )


# ── The change log ───────────────────────────────────────────────────────────


class Batch(Base):
    """One write to the catalogue (an init, a seed, an ingest, an add, an import): who made
    it, when, with which command and from which file. Rows it created or changed point to it."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this write.")
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), doc="When the write was made, e.g. 2026-12-03 09:14:02."
    )
    made_by: Mapped[str] = mapped_column(
        Text, doc='Who made it: the name given with --by, or the operating-system user, e.g. "jroe".'
    )
    command: Mapped[str] = mapped_column(
        Text, doc='The command or form that made it, e.g. "import", "add document", "ingest".'
    )
    source: Mapped[str | None] = mapped_column(
        Text, doc='The file it read, e.g. "documents.csv"; empty for a record typed on the command line.'
    )
    summary: Mapped[str | None] = mapped_column(Text, doc='What it did, e.g. "documents: 12 added, 1 matched".')


class BatchRow(Base):
    """A row a write added or changed, kept so that the write can be undone (``catalogue
    undo``): the adds, imports and forms of the desk list every row they touch."""

    __tablename__ = "batch_rows"

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this entry.")
    batch_id: Mapped[int] = mapped_column(Integer, index=True, doc="The write (its number in the batches table).")
    table_name: Mapped[str] = mapped_column(Text, doc='The table of the row, e.g. "documents".')
    row_id: Mapped[int] = mapped_column(Integer, doc="The row's number in that table.")
    action: Mapped[str] = mapped_column(
        Text,
        doc='"added" (the write made the row), "changed" (it completed a '
        'row already there) or "replaced" (an ingest read this citing '
        "work again, replacing its notes).",
    )
    was: Mapped[str | None] = mapped_column(
        Text,
        doc='For a row the write completed: what it had before, as JSON, e.g. {"genre": null, '
        '"batch_id": 3} (the columns it filled, and the write that had last changed it), so that '
        "undo can put it back.",
    )


class Batched:
    """A row that remembers the write that last created or changed it."""

    @declared_attr
    def batch_id(cls) -> Mapped[int | None]:
        # An indexed number, not a foreign key: SQLite adds and drops such a column in place,
        # where a constraint would need the table copied, which its CASCADE children forbid
        # inside a transaction. The store sets it; the site links it.
        return mapped_column(
            Integer,
            index=True,
            doc="The write that created or last changed this row (its number in the batches table).",
        )


class SearchIndexed:
    """A row the one search box finds: its text as the search indexes read it, kept with it."""

    @declared_attr
    def search_text(cls) -> Mapped[str | None]:
        return mapped_column(
            Text,
            doc="The row's text as the search indexes read it: accents and case folded, every CJK "
            "character a word, with the names of its archive or its authors. Written by catalogue "
            "at each write; empty for a row another program wrote, until `catalogue rebuild`.",
        )


# ── Repositories (ISDIAH) ────────────────────────────────────────────────────


class Repository(Timestamped, Batched, SearchIndexed, Base):
    """An archive, library, museum or other institution that holds the records cited.

    Described after the international standard for archival institutions (ISDIAH).
    """

    __tablename__ = "repositories"
    __table_args__ = (
        one_of("type", v.REPOSITORY_TYPES),
        one_of("origin", v.REPOSITORY_ORIGINS),
        country_check(),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this repository.")
    acronym: Mapped[str | None] = mapped_column(
        String(32),
        unique=True,
        doc='The short name the repository is usually cited by, e.g. "ANOM", "SHD" or "VNA3".',
    )
    authorised_name: Mapped[str] = mapped_column(
        Text,
        doc="The repository's official name, e.g. \"Archives nationales d'outre-mer\".",
    )
    type: Mapped[str | None] = mapped_column(
        String(32),
        doc='What kind of institution it is, e.g. "national_archives", "military_archives" or "library".',
    )
    country_code: Mapped[str | None] = mapped_column(
        COUNTRY_CODE,
        index=True,
        doc='The country the repository is in, as a two-letter code, e.g. "FR", "VN" or "CN".',
    )
    city: Mapped[str | None] = mapped_column(
        Text, doc='The city the repository is in, e.g. "Aix-en-Provence" or "Hanoi".'
    )
    latitude: Mapped[float | None] = mapped_column(
        Float, doc="The repository's latitude in decimal degrees, e.g. 21.03 for Hanoi."
    )
    longitude: Mapped[float | None] = mapped_column(
        Float, doc="The repository's longitude in decimal degrees, e.g. 105.85 for Hanoi."
    )
    url: Mapped[str | None] = mapped_column(Text, doc="The address of the repository's website.")
    description: Mapped[str | None] = mapped_column(Text, doc="A short account of the repository and what it holds.")
    sources: Mapped[list[Any] | None] = mapped_column(
        JSON,
        doc="The references or web pages this repository's description was compiled from, as a list.",
    )
    origin: Mapped[str] = mapped_column(
        String(16),
        default="authority",
        doc='Where this row comes from: "authority" if it is from the curated list of archives, '
        '"cited" if it is an archive named in a citation but not yet on that list.',
    )

    names: Mapped[list[RepositoryName]] = relationship(back_populates="repository", cascade="all, delete-orphan")


class RepositoryName(Base):
    """A name of a repository in any language or script: official, parallel, former or acronym.

    Citations name the same archive in many ways; these names are how they are recognised.
    """

    __tablename__ = "repository_names"
    __table_args__ = (
        one_of("type", v.NAME_TYPES),
        UniqueConstraint("repository_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this name.")
    repository_id: Mapped[int] = reference(
        "repositories.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The repository this is a name of (its number in the repositories table).",
    )
    name: Mapped[str] = mapped_column(
        Text, doc='The name as written, e.g. "Trung tâm Lưu trữ Quốc gia III" or "TTLTQG III".'
    )
    name_key: Mapped[str] = mapped_column(
        Text,
        unique=True,
        doc="The name with capitals, accents and punctuation removed, used to match the names "
        'in citations to repositories, e.g. "trungtamluutruquocgiaiii".',
    )
    language: Mapped[str | None] = mapped_column(
        LANGUAGE_TAG,
        doc='The language (and script) of the name as a language tag, e.g. "vi", "fr" or "zh-Hant".',
    )
    type: Mapped[str] = mapped_column(
        String(16),
        doc='What kind of name it is: "authorised" (official), "parallel" (official in another '
        'language), "former", "acronym", "former_acronym" or "other".',
    )

    repository: Mapped[Repository] = relationship(back_populates="names")


class RecordSet(Timestamped, Batched, SearchIndexed, Base):
    """A fonds, series, file or other grouping of records inside a repository.

    Record sets nest in a tree, e.g. the file "52" in the inventory "ML 2" of the fonds "PTT".
    """

    __tablename__ = "record_sets"
    __table_args__ = (
        one_of("level", v.RECORD_SET_LEVELS),
        UniqueConstraint("repository_id", "path"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this record set.")
    repository_id: Mapped[int] = reference(
        "repositories.id",
        nullable=False,
        doc="The repository holding this record set (its number in the repositories table).",
    )
    parent_id: Mapped[int | None] = reference(
        "record_sets.id",
        doc="The record set this one sits inside, e.g. the series holding a file; "
        "empty for a fonds at the top of the tree.",
    )
    level: Mapped[str | None] = mapped_column(
        String(16),
        doc='The archival level of this record set, e.g. "fonds", "series", "file" or "item".',
    )
    reference_code: Mapped[str] = mapped_column(
        Text, doc='This level\'s reference code as citations give it, e.g. "ML 2".'
    )
    reference_code_normalised: Mapped[str] = mapped_column(
        Text,
        doc='This level\'s reference code written in one standard way for matching, e.g. "ML2" '
        'for "ML 2" or "Mục lục 2".',
    )
    path: Mapped[str] = mapped_column(
        Text,
        doc="The standardised codes of every level from the top of the tree down to this one, "
        'joined by " / ", e.g. "PTT / ML2 / 52".',
    )
    reference_code_key: Mapped[str | None] = mapped_column(
        Text,
        index=True,
        doc='This level\'s code as a matching key, case, spacing and punctuation dropped, e.g. "ml2".',
    )
    path_key: Mapped[str | None] = mapped_column(
        Text,
        index=True,
        doc='The path as a matching key, so that "10H287" and "10 h / 287" find "10 H / 287", e.g. "10h287".',
    )
    title: Mapped[str | None] = mapped_column(Text, doc="The title of the record set, when a citation gives it.")


# ── Documents, works and the agents and places they name ────────────────────


class Document(Timestamped, Batched, SearchIndexed, Base):
    """An archival document (a report, telegram, letter…), cited by title, date and reference code.

    The same document cited in several notes or works is recorded once.
    """

    __tablename__ = "documents"
    __table_args__ = (
        one_of("genre", v.DOCUMENT_GENRES),
        one_of("date_precision", v.DATE_PRECISIONS),
        CheckConstraint("date_start <= date_end", name="date_range_ordered"),
        # A repository's documents in date order, and documents by code as cited: the
        # repository page and "claims by reference code" read these, not the whole table.
        Index("ix_documents_repository_id_date_start", "repository_id", "date_start"),
        Index("ix_documents_genre_date_start", "genre", "date_start"),
        Index("ix_documents_reference_code", "reference_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this document.")
    document_key: Mapped[str] = mapped_column(
        Text,
        unique=True,
        doc="An identifier the catalogue computes from the repository, reference code, date and "
        "title, so that the same document cited twice is recorded once.",
    )
    repository_id: Mapped[int | None] = reference(
        "repositories.id",
        doc="The repository holding the document (its number in the repositories table), when the citation names one.",
    )
    record_set_id: Mapped[int | None] = reference(
        "record_sets.id",
        doc="The file, series or fonds holding the document (its number in the record_sets "
        "table), when the reference code shows it.",
    )
    title: Mapped[str | None] = mapped_column(
        Text,
        doc="The document's title as the citation gives it, in the original language, e.g. "
        '"Note sur l’activité des communistes chinois à la frontière du Tonkin".',
    )
    title_translated: Mapped[str | None] = mapped_column(
        Text,
        doc="A translation of the title, usually into English, when the citation gives one, e.g. "
        '"Note on Chinese communist activity on the Tonkin frontier".',
    )
    language: Mapped[str | None] = mapped_column(
        LANGUAGE_TAG,
        doc='The language of the document as a language tag, e.g. "fr", "vi" or "zh-Hans".',
    )
    genre: Mapped[str | None] = mapped_column(
        String(32),
        index=True,
        doc='What kind of document it is, e.g. "report", "telegram", "intelligence_report" or "letter".',
    )
    date_as_written: Mapped[str | None] = mapped_column(
        Text, doc='The document\'s date exactly as the citation writes it, e.g. "24 juin 1947".'
    )
    date_edtf: Mapped[str | None] = mapped_column(
        String(64),
        doc='The date normalised to EDTF, e.g. "1947-06-24" for "24 juin 1947" or "1949-04" for "avril 1949".',
    )
    date_precision: Mapped[str | None] = mapped_column(
        String(16),
        doc='How precise the date is, e.g. "day", "month", "year" or "decade".',
    )
    date_start: Mapped[dt.date | None] = mapped_column(
        Date,
        index=True,
        doc='The first day the date may stand for, e.g. 1949-04-01 for "avril 1949".',
    )
    date_end: Mapped[dt.date | None] = mapped_column(
        Date, doc='The last day the date may stand for, e.g. 1949-04-30 for "avril 1949".'
    )
    reference_code: Mapped[str | None] = mapped_column(
        Text, doc='The reference code as the citation gives it, e.g. "PTT, ML 2, 52".'
    )
    reference_code_normalised: Mapped[str | None] = mapped_column(
        Text,
        index=True,
        doc="The reference code written in one standard way, so that different spellings "
        'match, e.g. "PTT, ML2, 52" for "PTT, Mục lục 2, 52".',
    )
    reference_code_key: Mapped[str | None] = mapped_column(
        Text,
        index=True,
        doc="The reference code as a matching key, case, accents, spacing and punctuation dropped, "
        'so that "10H287", "10 H 287" and "10 h 287" meet, e.g. "10h287".',
    )
    reference_code_parts: Mapped[dict[str, Any] | None] = mapped_column(
        JSON,
        doc='The reference code split into its archival levels, e.g. {"fonds": "PTT", "series": "ML2", "file": "52"}.',
    )
    description: Mapped[str | None] = mapped_column(
        Text, doc="A note on the document's content, when one has been written."
    )


class Work(Timestamped, Batched, SearchIndexed, Base):
    """A published work: a book, article, document collection, memoir, thesis or web page.

    This includes both the works cited and the citing works whose notes the catalogue reads.
    """

    __tablename__ = "works"
    __table_args__ = (one_of("type", v.WORK_TYPES), country_check())

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this work.")
    work_key: Mapped[str] = mapped_column(
        Text,
        unique=True,
        doc="An identifier the catalogue computes from the title and first author, so that the "
        "same work cited twice is recorded once.",
    )
    type: Mapped[str | None] = mapped_column(
        String(32),
        index=True,
        doc='What kind of work it is, e.g. "book", "journal_article", "document_collection" or "memoir".',
    )
    title: Mapped[str] = mapped_column(
        Text,
        doc='The work\'s title as cited, in the original language, e.g. "Giọt nước trong biển cả".',
    )
    title_translated: Mapped[str | None] = mapped_column(
        Text,
        doc="A translation of the title, usually into English, when the citation gives one.",
    )
    short_title: Mapped[str | None] = mapped_column(
        Text, doc='A shortened title used in later citations, e.g. "Road to Dien Bien Phu".'
    )
    container_title: Mapped[str | None] = mapped_column(
        Text,
        doc='For an article or chapter, the journal, newspaper or book it appears in, e.g. "Diplomatic History".',
    )
    container_title_translated: Mapped[str | None] = mapped_column(
        Text,
        doc="A translation of the journal, newspaper or book title, when the citation gives one.",
    )
    volume: Mapped[str | None] = mapped_column(String(64), doc='The volume, as cited, e.g. "1" or "229".')
    issue: Mapped[str | None] = mapped_column(
        String(64), doc='The issue or number of a journal or newspaper, as cited, e.g. "1".'
    )
    edition: Mapped[str | None] = mapped_column(String(64), doc='The edition, as cited, e.g. "2nd ed.".')
    pages: Mapped[str | None] = mapped_column(String(64), doc='The pages an article or chapter occupies, e.g. "41–68".')
    place: Mapped[str | None] = mapped_column(
        Text, doc='The place of publication, as cited, e.g. "Hanoi", "Paris" or "Chapel Hill".'
    )
    publisher: Mapped[str | None] = mapped_column(
        Text, doc='The publisher, as cited, e.g. "Quân đội nhân dân" or "L’Harmattan".'
    )
    year: Mapped[int | None] = mapped_column(Integer, index=True, doc="The year of publication, e.g. 1995.")
    date_edtf: Mapped[str | None] = mapped_column(
        String(64),
        doc='The full date of publication normalised to EDTF, e.g. "1954-05-08" for a newspaper issue.',
    )
    language: Mapped[str | None] = mapped_column(
        LANGUAGE_TAG,
        doc='The language of the work as a language tag, e.g. "vi", "fr", "en" or "zh-Hans".',
    )
    country_code: Mapped[str | None] = mapped_column(
        COUNTRY_CODE,
        doc='The country of publication, as a two-letter code, e.g. "VN", "FR" or "CN".',
    )
    doi: Mapped[str | None] = mapped_column(
        Text,
        doc='The work\'s DOI, the permanent identifier of an online publication (it begins "10."), when it has one.',
    )
    isbn: Mapped[str | None] = mapped_column(Text, doc="The book's ISBN, when known.")
    url: Mapped[str | None] = mapped_column(
        Text, doc="The web address the work can be read at, when it is published online."
    )
    source_name: Mapped[str | None] = mapped_column(
        Text,
        doc='For a citing work, the name of the text file its notes were read from, e.g. "english_notes.txt".',
    )
    source_sha256: Mapped[str | None] = mapped_column(
        String(64),
        doc="For a citing work, a fingerprint (SHA-256) of the text file its notes were read "
        "from, showing which version of the file was used.",
    )


class Agent(Timestamped, Base):
    """A person or organisation named by a source: author, editor, sender, recipient or compiler."""

    __tablename__ = "agents"
    __table_args__ = (one_of("kind", v.AGENT_KINDS),)

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this person or organisation.")
    agent_key: Mapped[str] = mapped_column(
        Text,
        unique=True,
        doc="An identifier the catalogue computes from the name, so that the same person "
        "or organisation cited twice is recorded once.",
    )
    name: Mapped[str] = mapped_column(
        Text, doc='The name as it is displayed, in the form first cited, e.g. "Võ Nguyên Giáp".'
    )
    family_name: Mapped[str | None] = mapped_column(Text, doc='The family name of a person, e.g. "Võ" or "Chen".')
    given_name: Mapped[str | None] = mapped_column(
        Text, doc='The given name(s) of a person, e.g. "Nguyên Giáp" or "Jian".'
    )
    kind: Mapped[str] = mapped_column(
        String(16),
        default="person",
        doc='Whether this is a "person" or an "organisation".',
    )


class AgentName(Base):
    """A name of a person or organisation in any language or script, including pseudonyms."""

    __tablename__ = "agent_names"
    __table_args__ = (
        one_of("type", v.AGENT_NAME_TYPES),
        UniqueConstraint("agent_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this name.")
    agent_id: Mapped[int] = reference(
        "agents.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The person or organisation this is a name of (its number in the agents table).",
    )
    name: Mapped[str] = mapped_column(
        Text, doc='The name as written, e.g. "Hồ Chí Minh", "胡志明" or "Nguyễn Ái Quốc".'
    )
    language: Mapped[str | None] = mapped_column(
        LANGUAGE_TAG,
        doc='The language (and script) of the name as a language tag, e.g. "vi" or "zh-Hant".',
    )
    type: Mapped[str] = mapped_column(
        String(16),
        doc='What kind of name it is: "authorised", "parallel" (the same name in another '
        'language), "former", "pseudonym" or "other".',
    )


class Place(Timestamped, Base):
    """A place named by documents or works, or where a repository stands."""

    __tablename__ = "places"
    __table_args__ = (
        country_check(),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this place.")
    place_key: Mapped[str] = mapped_column(
        Text,
        unique=True,
        doc="An identifier the catalogue computes for the place, so that the same place is recorded once.",
    )
    name: Mapped[str] = mapped_column(Text, doc='The place\'s main name, e.g. "Lang Son" or "Hanoi".')
    country_code: Mapped[str | None] = mapped_column(
        COUNTRY_CODE, doc='The country the place is in, as a two-letter code, e.g. "VN" or "CN".'
    )
    latitude: Mapped[float | None] = mapped_column(
        Float, doc="The place's latitude in decimal degrees, e.g. 21.85 for Lạng Sơn."
    )
    longitude: Mapped[float | None] = mapped_column(
        Float, doc="The place's longitude in decimal degrees, e.g. 106.76 for Lạng Sơn."
    )
    geonames_id: Mapped[int | None] = mapped_column(
        Integer,
        doc="The place's number in the GeoNames gazetteer (geonames.org), e.g. 1576633 for Lạng Sơn.",
    )


class PlaceName(Base):
    """A name of a place in any language or script, e.g. "Lạng Sơn", "Lang Son" or "諒山"."""

    __tablename__ = "place_names"
    __table_args__ = (
        one_of("type", v.NAME_TYPES),
        UniqueConstraint("place_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this name.")
    place_id: Mapped[int] = reference(
        "places.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The place this is a name of (its number in the places table).",
    )
    name: Mapped[str] = mapped_column(Text, doc='The name as written, e.g. "Lạng Sơn", "谅山" or "諒山".')
    language: Mapped[str | None] = mapped_column(
        LANGUAGE_TAG,
        doc='The language (and script) of the name as a language tag, e.g. "vi", "fr" or "zh-Hant".',
    )
    type: Mapped[str] = mapped_column(
        String(16),
        doc='What kind of name it is: "authorised", "parallel" (the same name in another '
        'language), "former", "acronym", "former_acronym" or "other".',
    )


class WorkAgent(Base):
    """A person or organisation who wrote, edited, compiled or translated a work, in order."""

    __tablename__ = "work_agents"
    __table_args__ = (
        one_of("role", v.WORK_AGENT_ROLES),
        UniqueConstraint("work_id", "agent_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this credit.")
    work_id: Mapped[int] = reference(
        "works.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The work (its number in the works table).",
    )
    agent_id: Mapped[int] = reference(
        "agents.id",
        nullable=False,
        doc="The person or organisation credited (its number in the agents table).",
    )
    role: Mapped[str] = mapped_column(
        String(16),
        doc='Their part in the work, e.g. "author", "editor", "compiler", "translator" or "interviewee".',
    )
    position: Mapped[int] = mapped_column(
        Integer,
        default=0,
        doc="Their place among those credited in the same role, counting from 0 for the first named.",
    )


class DocumentAgent(Base):
    """A person or organisation an archival document names: author, sender, recipient, signatory."""

    __tablename__ = "document_agents"
    __table_args__ = (
        one_of("role", v.DOCUMENT_AGENT_ROLES),
        UniqueConstraint("document_id", "agent_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this link.")
    document_id: Mapped[int] = reference(
        "documents.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The document (its number in the documents table).",
    )
    agent_id: Mapped[int] = reference(
        "agents.id",
        nullable=False,
        doc="The person or organisation named (its number in the agents table).",
    )
    role: Mapped[str] = mapped_column(
        String(16),
        doc='Their part in the document: "author", "sender", "recipient", "signatory" or "mentioned".',
    )


class DocumentPlace(Base):
    """A place an archival document was issued at or is about."""

    __tablename__ = "document_places"
    __table_args__ = (
        one_of("role", v.DOCUMENT_PLACE_ROLES),
        UniqueConstraint("document_id", "place_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this link.")
    document_id: Mapped[int] = reference(
        "documents.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The document (its number in the documents table).",
    )
    place_id: Mapped[int] = reference("places.id", nullable=False, doc="The place (its number in the places table).")
    role: Mapped[str] = mapped_column(
        String(16),
        doc='How the document relates to the place: "issued_at" (written or sent there) or "subject" (about it).',
    )


# ── Citing works: notes, citations, claims ──────────────────────────────────


class Note(Batched, SearchIndexed, Base):
    """A footnote, endnote or bracketed in-text reference of a citing work, copied word for word."""

    __tablename__ = "notes"
    __table_args__ = (
        one_of("kind", v.NOTE_KINDS),
        one_of("parse_status", v.PARSE_STATUSES),
        UniqueConstraint("work_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this note.")
    work_id: Mapped[int] = reference(
        "works.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The citing work the note belongs to (its number in the works table).",
    )
    position: Mapped[int] = mapped_column(
        Integer, doc="The note's place in the order of notes of the citing work, counting from 1."
    )
    number: Mapped[int | None] = mapped_column(
        Integer, doc="The note's number as printed in the citing work, e.g. 12 for note 12."
    )
    kind: Mapped[str] = mapped_column(
        String(16),
        default="footnote",
        doc='What kind of note it is: "footnote", "endnote" or "in_text" (a reference in '
        'brackets in the text, e.g. "(Chen 2001, 45)").',
    )
    text: Mapped[str] = mapped_column(Text, doc="The full text of the note, word for word as in the citing work.")
    residue: Mapped[str] = mapped_column(
        Text,
        default="",
        doc="The note's own commentary: the text left once every citation is taken out, "
        'e.g. "On this point see also".',
    )
    parse_status: Mapped[str] = mapped_column(
        String(16),
        default="parsed",
        index=True,
        doc='How well the note was read into citations: "parsed" (fully), "partial" (some '
        'citations need checking) or "unparsed" (none found).',
    )
    parse_messages: Mapped[str | None] = mapped_column(
        Text,
        doc="Warnings from reading the note, one per line, pointing to what needs checking.",
    )


class Citation(Batched, Base):
    """One reference inside a note: the document or work it cites, where in it, and in what form."""

    __tablename__ = "citations"
    __table_args__ = (
        one_of("kind", v.CITATION_KINDS),
        one_of("form", v.CITATION_FORMS),
        span_check(),
        UniqueConstraint("note_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this citation.")
    note_id: Mapped[int] = reference(
        "notes.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The note the citation stands in (its number in the notes table).",
    )
    position: Mapped[int] = mapped_column(
        Integer,
        doc="The citation's place in the order of citations inside the note, counting from 1.",
    )
    span_start: Mapped[int] = mapped_column(
        Integer,
        doc="Where the citation starts in the note's text, counted in characters from 0.",
    )
    span_end: Mapped[int] = mapped_column(
        Integer, doc="Where the citation ends in the note's text, counted in characters from 0."
    )
    text: Mapped[str] = mapped_column(Text, doc="The part of the note that makes up this citation, word for word.")
    kind: Mapped[str] = mapped_column(
        String(24),
        index=True,
        doc='What the citation cites, e.g. "archival" (a document in an archive), "published" '
        '(a book or article) or "cited_document" (a document known through another work).',
    )
    form: Mapped[str] = mapped_column(
        String(16),
        default="full",
        doc='How it cites: "full", "short" (a shortened title), "ibid", "op_cit", "supra" or "author_only".',
    )
    document_id: Mapped[int | None] = reference(
        "documents.id",
        doc="The archival document cited (its number in the documents table), if any.",
    )
    work_id: Mapped[int | None] = reference(
        "works.id", doc="The published work cited (its number in the works table), if any."
    )
    via_citation_id: Mapped[int | None] = reference(
        "citations.id",
        ondelete="SET NULL",
        doc="The citation of the work a document is printed in or known through, e.g. Logevall's "
        'book in "as quoted in Logevall, Embers of War, 231" (its number in this table).',
    )
    antecedent_id: Mapped[int | None] = reference(
        "citations.id",
        ondelete="SET NULL",
        doc='For a short form, "ibid." or "op. cit.", the earlier full citation it refers to '
        "(its number in this table).",
    )
    cross_reference_note_id: Mapped[int | None] = reference(
        "notes.id",
        ondelete="SET NULL",
        doc='For a cross-reference such as "see n. 12 above", the note it points to (its number in the notes table).',
    )
    locator: Mapped[str | None] = mapped_column(
        Text,
        doc='The page, folio or other place in the source, as cited, e.g. "pp. 18–19", "tr. 224" or "Vol. 1, p. 8".',
    )
    volume: Mapped[str | None] = mapped_column(
        String(64),
        doc='The volume of a multi-volume work cited, as cited, e.g. "10" in "Văn kiện Đảng toàn '
        "tập, tập 10, tr. 38\" (a journal's volume is the cited work's own, in the works table).",
    )
    unresolved_reason: Mapped[str | None] = mapped_column(
        Text,
        index=True,
        doc='Why a short form, "ibid." or cross-reference could not be traced to the full '
        'citation, e.g. "ibid. in the first note"; empty when it was traced.',
    )


class Claim(Batched, SearchIndexed, Base):
    """A passage of a citing work's main text that one or more of its notes support."""

    __tablename__ = "claims"
    __table_args__ = (span_check(), UniqueConstraint("work_id", "position"))

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this claim.")
    work_id: Mapped[int] = reference(
        "works.id",
        nullable=False,
        ondelete="CASCADE",
        doc="The citing work that makes the claim (its number in the works table).",
    )
    position: Mapped[int] = mapped_column(
        Integer, doc="The claim's place in the order of claims of the citing work, counting from 1."
    )
    text: Mapped[str] = mapped_column(Text, doc="The passage of the main text, word for word, up to the note marker.")
    section: Mapped[str | None] = mapped_column(
        Text,
        doc='The heading of the section of the citing work the claim stands in, e.g. "The frontier campaign of 1950".',
    )
    paragraph: Mapped[int | None] = mapped_column(
        Integer, doc="The number of the paragraph of the main text the claim stands in, from 1."
    )
    span_start: Mapped[int] = mapped_column(
        Integer,
        doc="Where the claim starts in the citing work's main text, counted in characters from 0.",
    )
    span_end: Mapped[int] = mapped_column(
        Integer,
        doc="Where the claim ends in the citing work's main text, counted in characters from 0.",
    )


class ClaimNote(Base):
    """Which notes support which claim: one row for each claim and each note attached to it."""

    __tablename__ = "claim_notes"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
        doc="The claim (its number in the claims table).",
    )
    note_id: Mapped[int] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
        doc="A note supporting the claim (its number in the notes table).",
    )


class Correction(Base):
    """An editor's correction of a citation as the reader read it, kept apart from the reading
    so that it is applied again each time the citing work is ingested again (a correction that
    no longer finds its citation is reported, never dropped)."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this correction.")
    batch_id: Mapped[int] = mapped_column(Integer, index=True, doc="The write that made it (the batches table).")
    work_id: Mapped[int] = mapped_column(
        Integer, index=True, doc="The citing work whose note it corrects (its number in the works table)."
    )
    note_number: Mapped[int] = mapped_column(Integer, doc="The note's number in the citing work, e.g. 12.")
    position: Mapped[int] = mapped_column(Integer, doc="The citation's place in the note, from 1.")
    field: Mapped[str] = mapped_column(
        Text,
        doc='What it corrects: "kind", "locator", "antecedent_note"; "archive", '
        '"reference_code", "date", "title" (of the document cited); '
        '"not_a_citation".',
    )
    was: Mapped[str | None] = mapped_column(
        Text, doc='The value as the reader read it, e.g. "p. 12" (for not_a_citation: the citation as read, in JSON).'
    )
    value: Mapped[str | None] = mapped_column(Text, doc='The corrected value, e.g. "f. 12".')
    status: Mapped[str] = mapped_column(
        Text, doc='"applied", or "lost" when the citation read again no longer matches (see status_reason).'
    )
    status_reason: Mapped[str | None] = mapped_column(Text, doc="Why a correction no longer applies.")


class Review(Base):
    """An editor's mark that an item of the review queue was looked at ("mark reviewed"), kept
    by citing work, note number and citation place so that it outlives ingesting the work again."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True, doc="The catalogue's number for this mark.")
    batch_id: Mapped[int] = mapped_column(Integer, index=True, doc="The write that made it (the batches table).")
    work_id: Mapped[int] = mapped_column(Integer, index=True, doc="The citing work (its number in the works table).")
    note_number: Mapped[int] = mapped_column(Integer, doc="The note's number in the citing work.")
    position: Mapped[int | None] = mapped_column(
        Integer, doc="The citation's place in the note; empty for the note as a whole."
    )
    problem: Mapped[str] = mapped_column(Text, doc="The problem the queue showed when it was marked.")


# Rows whose search text is still to be written (by another program, or a write under way):
# a partial index, so finding them costs nothing at a million rows.
for _model in (Repository, RecordSet, Document, Work, Note, Claim):
    Index(
        f"ix_{_model.__tablename__}_search_pending",
        _model.id,
        sqlite_where=_model.search_text.is_(None),
        postgresql_where=_model.search_text.is_(None),
    )

PUBLIC_TABLES = ("repositories", "record_sets", "documents", "works", "notes", "citations", "claims", "batches")
