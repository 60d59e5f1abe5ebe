"""Reading import files into records: CSV and JSON (one record per row or item) and Zotero's
CSL-JSON export. Pure: files in, located records (or every problem, with file, line and
field) out; the store writes them.

    documents.csv ─► rows (line numbers) ─► DocumentRecord … ─► store
    zotero.json   ─► CSL items (item numbers) ─► DocumentRecord / WorkRecord ─► store

The kind of record comes from ``--type`` or the file's name ("documents.csv",
"works.json"); a CSL-JSON file says itself what each item is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError, InvalidInput
from . import DocumentRecord, Located, RecordSetRecord, WorkRecord
from .csl import from_csl

KINDS = {"documents": DocumentRecord, "works": WorkRecord, "record_sets": RecordSetRecord}
ALIASES = {
    "document": "documents",
    "work": "works",
    "record-sets": "record_sets",
    "record_set": "record_sets",
    "record-set": "record_sets",
    "recordsets": "record_sets",
}
LIST_SEPARATOR = ";"  # several authors in one CSV cell: "Nguyễn Văn A; Jean Dupont"


@dataclass
class ReadFile:
    path: Path
    records: dict[str, list[Located]]  # kind → records in file order
    csl: bool = False


def kind_of(path: Path, given: str | None) -> str:
    """The kind of records in a file: as given, or as its name says ("documents-1948.csv")."""
    if given:
        name = ALIASES.get(given, given)
        if name not in KINDS:
            raise InputError(str(path), None, None, f"--type {given!r} is not one of {', '.join(KINDS)}")
        return name
    stem = path.stem.lower().replace("-", "_")
    for kind in KINDS:
        if stem.startswith(kind) or stem.startswith(kind.rstrip("s")):
            return kind
    raise InputError(
        str(path),
        None,
        None,
        f"cannot tell what records the file holds from its name; "
        f"name it documents.csv, works.csv… or give --type ({', '.join(KINDS)})",
    )


Progress = Callable[[str, int, int], None]  # (file, records checked, records in the file)


def read_file(path: Path, kind: str | None = None, progress: Progress | None = None) -> ReadFile:
    """Every record of ``path``, validated, or InvalidInput with every problem in it;
    ``progress`` is told of each thousand records checked."""
    if not path.is_file():
        raise InvalidInput([InputError(str(path), None, None, "no such file")])
    data = path.read_bytes()
    text = _decode(path, data)
    if not text.strip():
        raise InvalidInput([InputError(str(path), None, None, "the file is empty")])
    if path.suffix.lower() == ".csv":
        kind = kind_of(path, kind)
        return ReadFile(path, {kind: _validated(path, kind, _csv_rows(path, text, KINDS[kind]), progress=progress)})
    if path.suffix.lower() == ".json":
        try:
            items = json.loads(text)
        except json.JSONDecodeError as error:
            raise InvalidInput([InputError(str(path), error.lineno, None, f"not JSON: {error.msg}")]) from None
        if not isinstance(items, list):
            raise InvalidInput(
                [
                    InputError(
                        str(path), None, None, f"a JSON import is a list of records (found a {type(items).__name__})"
                    )
                ]
            )
        if not items:
            raise InvalidInput([InputError(str(path), None, None, "the list holds no record")])
        if kind is None and _looks_like_csl(items):
            return _read_csl(path, items)
        kind = kind_of(path, kind)
        return ReadFile(
            path,
            {kind: _validated(path, kind, [(index, item) for index, item in enumerate(items, 1)], "item", progress)},
        )
    raise InvalidInput([InputError(str(path), None, None, "import reads .csv and .json files")])


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), or the line and byte that are not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InvalidInput(
            [
                InputError(
                    str(path),
                    line,
                    None,
                    f"byte 0x{data[error.start]:02X} at column {column} is not UTF-8; save the file as UTF-8",
                )
            ]
        ) from None


def _csv_rows(path: Path, text: str, model) -> list[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise InvalidInput([InputError(str(path), 1, None, "no header line")])
    header = [h.strip() for h in header]
    fields = model.model_fields
    errors = [
        InputError(str(path), 1, name, f"unknown column; the columns of {model.__name__} are: {', '.join(fields)}")
        for name in header
        if name not in fields
    ]
    errors += [
        InputError(str(path), 1, name, "required column missing")
        for name, info in fields.items()
        if info.is_required() and name not in header
    ]
    for group in getattr(model, "one_of_columns", ()):
        if not set(group) & set(header):
            errors.append(
                InputError(str(path), 1, group[0], "required column missing (or " + " or ".join(group[1:]) + ")")
            )
    if len(set(header)) != len(header):
        errors.append(InputError(str(path), 1, None, "a column is named twice"))
    if errors:
        raise InvalidInput(errors)
    rows, lists = [], list_fields(model)
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            rows.append((line, {"__width__": len(values)}))
            continue
        rows.append((line, {name: _cell(lists, name, value) for name, value in zip(header, values, strict=True)}))
    if not rows:
        raise InvalidInput([InputError(str(path), 1, None, "a header but no rows")])
    return rows


def list_fields(model) -> frozenset[str]:
    """The fields of a record that hold several values ("authors")."""
    return frozenset(name for name, info in model.model_fields.items() if str(info.annotation).startswith("list"))


def _cell(lists: frozenset[str], name: str, value: str):
    value = value.strip()
    if name in lists:
        return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
    return value or None


def _validated(
    path: Path, kind: str, rows: list[tuple[int, dict]], unit: str = "line", progress: Progress | None = None
) -> list[Located]:
    model, located, errors = KINDS[kind], [], []
    for count, (line, values) in enumerate(rows, 1):
        if progress is not None and (count % 1000 == 0 or count == len(rows)):
            progress(str(path), count, len(rows))
        if isinstance(values, dict) and "__width__" in values:
            errors.append(
                InputError(str(path), line, None, f"{values['__width__']} cells where the header has another number")
            )
            continue
        if not isinstance(values, dict):
            errors.append(InputError(str(path), line, None, "a record is an object of fields", unit))
            continue
        try:
            located.append(Located(model(**values), str(path), line, unit))
        except ValidationError as error:
            errors += validation_errors(str(path), line, error, unit)
    if errors:
        raise InvalidInput(errors)
    return located


def validation_errors(source: str, line: int | None, error: ValidationError, unit: str = "line") -> list[InputError]:
    """pydantic's errors as the user's: the field at fault and what is wrong with it."""
    found = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"]) or None
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = "unknown field"
        found.append(InputError(source, line, field, message, unit))
    return found


# ── Zotero's CSL-JSON ───────────────────────────────────────────────────────

CSL_MARKS = ("archive", "archive_location", "call-number", "container-title", "issued", "author", "URL", "DOI")


def _looks_like_csl(items: list) -> bool:
    """A CSL-JSON export: items with a CSL "type" and CSL's own field names."""
    return all(isinstance(item, dict) and "type" in item and "repository" not in item for item in items) and any(
        isinstance(item, dict) and any(mark in item for mark in CSL_MARKS) for item in items
    )


def _read_csl(path: Path, items: list) -> ReadFile:
    records: dict[str, list[Located]] = {"documents": [], "works": []}
    errors = []
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict):
            errors.append(InputError(str(path), index, None, "a CSL item is an object", "item"))
            continue
        try:
            kind, fields = from_csl(item)
        except ValueError as error:
            errors.append(InputError(str(path), index, "type" if "type" in str(error) else None, str(error), "item"))
            continue
        kind = ALIASES.get(kind, kind)
        try:
            records[kind].append(Located(KINDS[kind](**fields), str(path), index, "item"))
        except ValidationError as error:
            errors += validation_errors(str(path), index, error, "item")
    if errors:
        raise InvalidInput(errors)
    return ReadFile(path, records, csl=True)
