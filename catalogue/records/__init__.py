"""Input records: the one validation layer every writer goes through.

Each record is a pydantic model. Field errors carry the path of the field at fault, which the
readers (YAML, CSV, CSL-JSON, web form) turn into a file, line and field for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar, Generic, TypeVar

import langcodes
import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .. import vocabularies as v
from ..errors import InputError
from ..text import fold


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code, upper case."""
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def language_tag(value: str) -> str:
    """A well-formed BCP 47 language tag, in its standard form ("zh-hant" → "zh-Hant")."""
    if not langcodes.tag_is_valid(value):
        raise ValueError(f"{value!r} is not a BCP 47 language tag")
    return langcodes.standardize_tag(value)


def web_address(value: str) -> str:
    if not value.startswith(("http://", "https://")) or " " in value:
        raise ValueError(f"{value!r} is not an http(s) web address")
    return value


NonEmpty = Annotated[str, Field(min_length=1)]
CountryCode = Annotated[str, AfterValidator(country_code)]
LanguageTag = Annotated[str, AfterValidator(language_tag)]
WebAddress = Annotated[str, AfterValidator(web_address)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class NameRecord(Record):
    """A name of a repository, in one language or script."""

    name: NonEmpty
    type: v.NameType
    language: LanguageTag | None = None


class RepositoryRecord(Record):
    """An archive as the authority file describes it (ISDIAH's identity and contact areas)."""

    acronym: Annotated[str, Field(min_length=1, max_length=32)]
    authorised_name: NonEmpty
    type: v.RepositoryType
    country: CountryCode
    city: NonEmpty
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    url: WebAddress
    description: NonEmpty
    names: Annotated[list[NameRecord], Field(min_length=1)]
    sources: Annotated[list[NonEmpty], Field(min_length=1)]

    @model_validator(mode="after")
    def names_are_distinct(self) -> RepositoryRecord:
        seen: set[str] = set()
        for name in self.names:
            key = fold(name.name)
            if not key:
                raise ValueError(f"name {name.name!r} has no letters or digits")
            if key in seen:
                raise ValueError(f"name {name.name!r} is given twice")
            seen.add(key)
        if fold(self.authorised_name) not in seen:
            raise ValueError("the authorised name must also be listed under names, as type authorised")
        return self

    def all_names(self) -> list[NameRecord]:
        """The names, with the acronym as a name when it is not already listed."""
        if any(fold(n.name) == fold(self.acronym) for n in self.names):
            return list(self.names)
        return [*self.names, NameRecord(name=self.acronym, type="acronym")]


class PlaceRecord(Record):
    """A place of the gazetteer: where publications were printed and archives stand."""

    name: NonEmpty
    country: CountryCode
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    geonames_id: int | None = None
    names: Annotated[list[NameRecord], Field(min_length=1)]
    sources: Annotated[list[NonEmpty], Field(min_length=1)]

    def all_names(self) -> list[NameRecord]:
        if any(fold(n.name) == fold(self.name) for n in self.names):
            return list(self.names)
        return [NameRecord(name=self.name, type="authorised"), *self.names]


# ── Records a person adds: by hand, from a spreadsheet, from Zotero ─────────
#
# Field names are the columns of an import file (CSV header, JSON keys) and the flags of
# `catalogue add`. Values are as a person writes them: an archive by any of its names, a
# date in any form the date reader reads, a code however it is spaced. Resolving them
# (the archive's row, EDTF, the normalised code and its place in the tree) is the store's
# work, through the same functions the note reader uses, so that a document added by hand
# and the same document cited in a footnote are one row.

Text = Annotated[str, Field(min_length=1)]


class DocumentRecord(Record):
    """An archival document: where it is held, its reference code, title and date.

    >>> DocumentRecord(repository="SHD", reference_code="10 H 287", date="23 septembre 1948",
    ...                title="Note de Haut Commissariat Indochine").repository
    'SHD'
    """

    repository: Text | None = None  # any name or acronym of the archive
    reference_code: Text | None = None
    title: Text | None = None
    title_translated: Text | None = None
    date: Text | None = None  # as written: "23 septembre 1948", "1947-02", "ngày 5 tháng 4 năm 1949"
    genre: v.DocumentGenre | None = None
    language: LanguageTag | None = None
    file_title: Text | None = None  # the title of the file (carton, dossier) holding it
    authors: list[Text] = []
    sender: Text | None = None
    recipient: Text | None = None
    description: Text | None = None
    printed_in: Text | None = None  # the work it is printed in or known through, when no archive holds it

    # Columns an import file needs one of, in each group.
    one_of_columns: ClassVar[tuple[tuple[str, ...], ...]] = (("repository", "printed_in"), ("title", "reference_code"))
    help: ClassVar[dict[str, str]] = {
        "repository": 'The archive holding it, by any of its names or acronyms: "SHD", "VNA 3", "CAOM".',
        "printed_in": "When no archive is named: the work it is printed in or known through: "
        '"Zhong-Yue guanxi ziliao xuanji".',
        "reference_code": 'Its reference code as the archive writes it: "10 H 287", "PTT, ML 2, 52".',
        "title": 'Its title as written, in its own language: "Note sur l\'activité des communistes chinois".',
        "title_translated": 'A translation of the title: "Note on Chinese communist activity".',
        "date": 'Its date as written: "23 septembre 1948", "1948-09", "avril 1949", "ngày 5 tháng 4 năm 1949", '
        '"1946/1948", "1947?", "n.d.".',
        "genre": "What kind of document it is: " + ", ".join(v.DOCUMENT_GENRES) + ".",
        "language": 'Its language, a BCP 47 tag: "fr", "vi", "zh-Hant".',
        "file_title": 'The title of the file (carton, dossier) it is in: "Renseignements sur la Chine, 1948".',
        "authors": 'Who wrote it (repeat for several): "Général Alessandri".',
        "sender": 'Who sent it (a letter, a telegram): "Haut-Commissaire en Indochine".',
        "recipient": 'To whom: "Ministre de la France d\'outre-mer".',
        "description": "A note on its content.",
    }

    @model_validator(mode="after")
    def identified(self) -> DocumentRecord:
        if self.title is None and self.reference_code is None:
            raise ValueError("a document needs a title or a reference code")
        if self.repository is None and self.printed_in is None:
            raise ValueError(
                "a document needs the archive holding it (repository), or the work it is "
                "printed in or known through (printed_in)"
            )
        return self


class WorkRecord(Record):
    """A published work: a book, article, chapter, edited collection of documents, memoir…"""

    type: v.WorkType = "book"
    title: Text
    title_translated: Text | None = None
    authors: list[Text] = []
    editors: list[Text] = []
    container_title: Text | None = None  # the journal, or the book a chapter is in
    volume: Text | None = None
    issue: Text | None = None
    pages: Text | None = None
    place: Text | None = None  # of publication: "Hà Nội", "Paris"
    publisher: Text | None = None
    year: Annotated[int, Field(ge=1000, le=2100)] | None = None
    language: LanguageTag | None = None
    doi: Text | None = None
    isbn: Text | None = None
    url: WebAddress | None = None

    help: ClassVar[dict[str, str]] = {
        "type": "What kind of work: " + ", ".join(v.WORK_TYPES) + ".",
        "title": 'Its title: "Hồ Chí Minh Biên Niên Tiểu Sử".',
        "title_translated": 'A translation of the title: "Ho Chi Minh: A Chronological Biography".',
        "authors": 'An author (repeat for several): "Christopher E. Goscha".',
        "editors": 'An editor or compiler (repeat for several): "Zhongyang dang\'anguan".',
        "container_title": 'The journal, or the book a chapter is in: "Cold War History".',
        "volume": 'Its volume: "4".',
        "issue": 'Its issue: "2".',
        "pages": 'Its pages: "55–96".',
        "place": 'Where it was published: "Hà Nội", "Paris", "Beijing".',
        "publisher": 'Its publisher: "Nhà xuất bản Chính trị quốc gia".',
        "year": "The year it was published: 2016.",
        "language": 'Its language, a BCP 47 tag: "vi".',
        "doi": 'Its DOI: "10.1080/14682745.2021.1901234".',
        "isbn": 'Its ISBN: "978-604-57-2330-2".',
        "url": "Its web address: https://example.org/book.",
    }


class RecordSetRecord(Record):
    """A fonds, series or file named by its full reference code in its archive ("10 H 287")."""

    repository: Text
    reference_code: Text
    title: Text | None = None
    level: v.RecordSetLevel | None = None

    help: ClassVar[dict[str, str]] = {
        "repository": 'The archive holding it, by any of its names or acronyms: "SHD".',
        "reference_code": 'Its full reference code: "10 H 287" (the file 287 of the series 10 H), "PTT, ML 2".',
        "title": 'Its title: "Chine, 1948–1949".',
        "level": "Its level, when the code does not tell: " + ", ".join(v.RECORD_SET_LEVELS) + ".",
    }


class EvidenceRecord(Record):
    """What a claim rests on: a document or a work (by its catalogue id), with a locator.

    >>> EvidenceRecord.parse("document", "123:f. 12")
    EvidenceRecord(document_id=123, work_id=None, locator='f. 12')
    """

    document_id: Annotated[int, Field(gt=0)] | None = None
    work_id: Annotated[int, Field(gt=0)] | None = None
    locator: Text | None = None  # "f. 12", "p. 4"

    @classmethod
    def parse(cls, kind: str, value: str) -> EvidenceRecord:
        """ "123" or "123:f. 12" (an id, then the locator) for a document or a work."""
        number, _, locator = value.partition(":")
        if not number.strip().isdigit():
            raise ValueError(f"{value!r}: write the {kind}'s number, then a colon and the locator: 123:f. 12")
        return cls.model_validate({f"{kind}_id": int(number), "locator": locator.strip() or None})

    @model_validator(mode="after")
    def one_source(self) -> EvidenceRecord:
        if (self.document_id is None) == (self.work_id is None):
            raise ValueError("evidence is one document_id or one work_id")
        return self


class ClaimRecord(Record):
    """A claim a researcher makes, with the documents and works it rests on."""

    text: Text
    citing_work_id: Annotated[int, Field(gt=0)] | None = None  # None: the researcher's own research
    evidence: Annotated[list[EvidenceRecord], Field(min_length=1)]


class ArchiveRecord(Record):
    """An archive a person adds: its names, its country and city (the authority file's entries
    carry more: coordinates, web address, sources)."""

    acronym: Annotated[str, Field(min_length=1, max_length=32)]
    authorised_name: Text
    country: CountryCode
    city: Text | None = None
    type: v.RepositoryType = "other"
    url: WebAddress | None = None
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None
    names: list[Text] = []
    description: Text | None = None

    help: ClassVar[dict[str, str]] = {
        "acronym": 'Its acronym, how footnotes name it: "TNA".',
        "authorised_name": 'Its name in its own language: "The National Archives".',
        "country": 'Its country, ISO 3166-1 alpha-2: "GB".',
        "city": 'Its city: "Kew".',
        "type": "What kind of institution: " + ", ".join(v.REPOSITORY_TYPES) + ".",
        "url": "Its web address: https://www.nationalarchives.gov.uk/.",
        "latitude": "Its latitude: 51.481.",
        "longitude": "Its longitude: -0.279.",
        "names": 'Another name or acronym it goes by (repeat for several): "Public Record Office", "PRO".',
        "description": "What it holds, in a sentence.",
    }

    def all_names(self) -> list[NameRecord]:
        names = [
            NameRecord(name=self.authorised_name, type="authorised"),
            NameRecord(name=self.acronym, type="acronym"),
        ]
        return names + [NameRecord(name=name, type="other") for name in self.names]


AnyRecord = TypeVar("AnyRecord", bound=Record)


@dataclass(frozen=True)
class Located(Generic[AnyRecord]):
    """A record and where it came from: the file, and its line (CSV) or item number (JSON)."""

    record: AnyRecord
    source: str
    line: int | None = None
    unit: str = "line"  # or "item", in a JSON list

    def error(self, field: str | None, message: str) -> InputError:
        return InputError(self.source, self.line, field, message, self.unit)

    @property
    def where(self) -> str:
        return str(self.error(None, "")).rstrip(": ")
