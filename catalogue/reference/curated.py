"""Curated reference files in seed/ (repositories, places): reading and validating them.

Every problem is reported at once, each with its file, line and field, and a name may
identify one entry only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .. import yamlfile
from ..errors import InputError, InvalidInput
from ..text import fold

Record = TypeVar("Record", bound=BaseModel)


def _message(error: ErrorDetails) -> str:
    return error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")


def read_records(
    path: Path,
    model: type[Record],
    noun: str,
    names_of: Callable[[Record], Iterable[str]],
    label_of: Callable[[Record], str],
) -> list[Record]:
    """Validate every entry of a YAML list as ``model``; a name shared by two entries is an error."""
    source = str(path)
    data = yamlfile.load(path)
    if not isinstance(data, list):
        raise InvalidInput([InputError(source, getattr(data, "line", 1), None, f"expected a list of {noun}")])
    records: list[Record] = []
    errors: list[InputError] = []
    for index, item in enumerate(data):
        try:
            records.append(model.model_validate(item))
        except ValidationError as error:
            for problem in error.errors():
                location = tuple(problem["loc"])
                field = ".".join(str(step) for step in location) or None
                errors.append(InputError(source, yamlfile.line_of(data, (index, *location)), field, _message(problem)))
    if not errors:
        errors = _name_clashes(source, data, records, names_of, label_of)
    if errors:
        raise InvalidInput(errors)
    return records


def _name_clashes(source, data, records, names_of, label_of) -> list[InputError]:
    errors: list[InputError] = []
    owners: dict[str, str] = {}
    for index, record in enumerate(records):
        for position, name in enumerate(names_of(record)):
            owner = owners.setdefault(fold(name), label_of(record))
            if owner != label_of(record):
                line = yamlfile.line_of(data, (index, "names", position))
                errors.append(InputError(source, line, f"names.{position}.name", f"{name!r} already names {owner}"))
    return errors
