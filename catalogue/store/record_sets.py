"""Writing the fonds, series and files a person adds by their reference code."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from ..errors import InvalidInput
from ..records import Located, RecordSetRecord
from .documents import Archives, _code
from .rows import SaveReport
from .tree import ensure_tree, path_of


def save_record_sets(connection: Connection, located: Sequence[Located[RecordSetRecord]], batch_id: int) -> SaveReport:
    """Each record set (and the levels above it) in its archive's tree; the level given by
    the record, when there is one, names the lowest level."""
    archives, wanted, errors = Archives(connection), [], []
    for where in located:
        record = where.record
        try:
            archive = archives.find(record.repository)
        except ValueError as error:
            errors.append(where.error("repository", str(error)))
            continue
        code = _code(record.reference_code, archive.acronym)
        levels = code.levels or (("other", code.normalised),)
        if record.level:
            levels = (*levels[:-1], (record.level, levels[-1][1]))
        wanted.append((archive.id, levels, record.title))
    if errors:
        raise InvalidInput(errors)
    known, made = ensure_tree(connection, wanted, batch_id)
    report = SaveReport("record sets")
    report.ids = [known[(archive, path_of(levels))] for archive, levels, _ in wanted]
    report.added = len({(archive, path_of(levels)) for archive, levels, _ in wanted} & made)
    report.matched = len(wanted) - report.added
    return report
