"""Closed vocabularies of the catalogue.

Each tuple is the whole set of values a column may hold: the models turn them into CHECK
constraints and the input records into validation rules, so both read from here. A vocabulary
the input records check is written once as a ``Literal`` type, and its tuple read from it:

>>> NAME_TYPES[:2]
('authorised', 'parallel')
"""

from typing import Literal, get_args

RepositoryType = Literal[
    "national_archives",
    "regional_archives",
    "ministry_archives",
    "military_archives",
    "party_archives",
    "presidential_archives",
    "museum",
    "library",
    "research_institute",
    "other",
]
REPOSITORY_TYPES: tuple[str, ...] = get_args(RepositoryType)

# Where a repository row comes from: the curated authority file, or a citation naming an
# archive the authority file does not know (kept by name, never dropped).
REPOSITORY_ORIGINS = ("authority", "cited")

NameType = Literal["authorised", "parallel", "other", "former", "acronym", "former_acronym"]
NAME_TYPES: tuple[str, ...] = get_args(NameType)

AGENT_KINDS = ("person", "organisation")

AGENT_NAME_TYPES = ("authorised", "parallel", "other", "former", "pseudonym")

RecordSetLevel = Literal[
    "fonds",
    "subfonds",
    "series",
    "subseries",
    "file",
    "item",
    "collection",
    "other",
]
RECORD_SET_LEVELS: tuple[str, ...] = get_args(RecordSetLevel)

DocumentGenre = Literal[
    "report",
    "intelligence_report",
    "note",
    "bulletin",
    "telegram",
    "letter",
    "memorandum",
    "minutes",
    "speech",
    "directive",
    "treaty",
    "interview",
    "diary",
    "other",
]
DOCUMENT_GENRES: tuple[str, ...] = get_args(DocumentGenre)

WorkType = Literal[
    "book",
    "edited_book",
    "document_collection",
    "chapter",
    "journal_article",
    "magazine_article",
    "newspaper_article",
    "newspaper",
    "memoir",
    "official_history",
    "thesis",
    "report",
    "web_page",
    "blog_post",
    "interview",
    "other",
]
WORK_TYPES: tuple[str, ...] = get_args(WorkType)

WORK_AGENT_ROLES = ("author", "editor", "compiler", "translator", "interviewer", "interviewee")

DOCUMENT_AGENT_ROLES = ("author", "sender", "recipient", "signatory", "mentioned")

DOCUMENT_PLACE_ROLES = ("issued_at", "subject")

NOTE_KINDS = ("footnote", "endnote", "in_text")

PARSE_STATUSES = ("parsed", "partial", "unparsed")

CITATION_KINDS = (
    "archival",
    "published",
    "published_document",
    "cited_document",
    "cross_reference",
    "unknown",
)

CITATION_FORMS = ("full", "short", "ibid", "op_cit", "supra", "author_only")

# EDTF precision of a normalised date.
DATE_PRECISIONS = ("day", "month", "season", "year", "decade", "century", "interval")
