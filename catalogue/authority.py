"""The repository authority file: reading and validating it, and matching names against it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from . import yamlfile
from .errors import InputError, InvalidInput
from .records import RepositoryRecord
from .text import fold


def _message(error: dict) -> str:
    message = error["msg"]
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def read_authority(path: Path) -> list[RepositoryRecord]:
    """Read and validate an authority file; every problem is reported, with its line."""
    source = str(path)
    data = yamlfile.load(path)
    if not isinstance(data, list):
        raise InvalidInput([InputError(source, getattr(data, "line", 1), None,
                                       "expected a list of repositories")])
    records: list[RepositoryRecord] = []
    errors: list[InputError] = []
    for index, item in enumerate(data):
        try:
            records.append(RepositoryRecord.model_validate(item))
        except ValidationError as error:
            for problem in error.errors():
                location = tuple(problem["loc"])
                field = ".".join(str(step) for step in location) or None
                line = yamlfile.line_of(data, (index, *location))
                errors.append(InputError(source, line, field, _message(problem)))
    if not errors:
        errors = _clashes(source, data, records)
    if errors:
        raise InvalidInput(errors)
    return records


def _clashes(source: str, data: list, records: list[RepositoryRecord]) -> list[InputError]:
    """Acronyms and names that two entries share: a name must identify one repository."""
    errors: list[InputError] = []
    acronyms: dict[str, str] = {}
    names: dict[str, str] = {}
    for index, record in enumerate(records):
        key = fold(record.acronym)
        if key in acronyms:
            errors.append(InputError(source, yamlfile.line_of(data, (index, "acronym")), "acronym",
                                     f"{record.acronym!r} is already the acronym of {acronyms[key]}"))
        acronyms.setdefault(key, record.acronym)
        for position, name in enumerate(record.all_names()):
            key = fold(name.name)
            owner = names.setdefault(key, record.acronym)
            if owner != record.acronym:
                line = yamlfile.line_of(data, (index, "names", position))
                errors.append(InputError(source, line, f"names.{position}.name",
                                         f"{name.name!r} already names {owner}"))
    return errors


class RepositoryIndex:
    """Matches a repository as a citation names it to the authority entry, by any of its names.

    Matching is on the folded name (accents, case, spacing and punctuation ignored), so
    "VNA 3", "VNA3" and "Trung Tâm Lưu Trữ Quốc Gia III" all find the same repository.
    """

    def __init__(self, records: Iterable[RepositoryRecord]):
        self.records = list(records)
        self._by_key = {fold(n.name): r for r in self.records for n in r.all_names()}

    def resolve(self, name: str) -> RepositoryRecord | None:
        return self._by_key.get(fold(name))

    def __len__(self) -> int:
        return len(self.records)
