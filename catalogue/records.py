"""Input records: the one validation layer every writer goes through.

Each record is a pydantic model. Field errors carry the path of the field at fault, which the
readers (YAML, CSV, CSL-JSON, web form) turn into a file, line and field for the user.
"""

from __future__ import annotations

from typing import Annotated, Literal

import langcodes
import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from . import vocabularies as v
from .text import fold


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
    type: Literal[v.NAME_TYPES]
    language: LanguageTag | None = None


class RepositoryRecord(Record):
    """An archive as the authority file describes it (ISDIAH's identity and contact areas)."""

    acronym: Annotated[str, Field(min_length=1, max_length=32)]
    authorised_name: NonEmpty
    type: Literal[v.REPOSITORY_TYPES]
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
