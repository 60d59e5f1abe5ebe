"""Reading YAML while remembering the line of every mapping and key, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import InputError, InvalidInput


class LocatedDict(dict):
    """A mapping read from YAML that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class LocatedList(list):
    line: int = 0
    item_lines: list[int]


if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader  # CSafeLoader offers the same interface
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present


class _Loader(_SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    mapping = LocatedDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {loader.construct_object(key, deep=True): key.start_mark.line + 1 for key, _ in node.value}
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    sequence = LocatedList(loader.construct_sequence(node, deep=True))
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
    return sequence


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load(path: Path) -> Any:
    """Parse a YAML file; a syntax error becomes :class:`InvalidInput` naming its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput([InputError(str(path), None, None, f"cannot be read: {error}")]) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or str(error)
        raise InvalidInput([InputError(str(path), line, None, f"not valid YAML: {problem}")]) from None


def line_of(data: Any, location: tuple[Any, ...]) -> int | None:
    """The line of the value at ``location`` (a path of keys and indexes) inside ``data``."""
    line = getattr(data, "line", None)
    for step in location:
        if isinstance(data, LocatedDict) and step in data:
            line = data.key_lines.get(step, line)
            data = data[step]
        elif isinstance(data, LocatedList) and isinstance(step, int) and step < len(data):
            line = data.item_lines[step]
            data = data[step]
        else:
            break
    return line
