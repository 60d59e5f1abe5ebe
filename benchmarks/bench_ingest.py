"""Benchmark: reading notes and storing citing works, as ratios measured in one run.

    make bench

Prints the parser's throughput, and the store's time against raw SQLite inserting the
same number of rows (the target for bulk imports is to approach 1×).
"""

from __future__ import annotations

import functools
import gc
import sqlite3
import tempfile
import time
from pathlib import Path

from catalogue.commands.ingest import ingest, seed_files
from catalogue.commands.init import initialise
from catalogue.parse.pipeline import parse_text, read_text, settle
from catalogue.reference.authority import RepositoryIndex, read_authority
from catalogue.resources import AUTHORITY_FILE

ROUNDS = 20  # the best of 20: this machine has slow spells of a few seconds (steal time), not the reader


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def raw_sqlite_rows(path: Path, rows: int) -> float:
    """Insert ``rows`` note-like rows with plain sqlite3 in one transaction."""
    connection = sqlite3.connect(path)
    connection.execute("create table t (id integer primary key, work_id int, position int, text text, residue text)")
    start = time.perf_counter()
    with connection:
        connection.executemany(
            "insert into t (work_id, position, text, residue) values (?, ?, ?, ?)",
            ((1, i, "x" * 200, "") for i in range(rows)),
        )
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def forget_texts_read() -> None:
    """Clear the reader's caches of results by text (not its tables: month names, patterns)."""
    for obj in gc.get_objects():
        if (
            isinstance(obj, functools._lru_cache_wrapper)
            and getattr(obj, "__module__", "").startswith("catalogue.")
            and (obj.cache_parameters()["maxsize"] or 0) > 1
        ):
            obj.cache_clear()


def main() -> None:
    files = seed_files()
    texts = [(read_text(f), str(f)) for f in files]
    records = read_authority(AUTHORITY_FILE)  # read once, outside the timing
    settle()  # as the CLI does once it has loaded what it reads with

    def parse_all(repositories):
        return [parse_text(text, source, repositories) for text, source in texts]

    runs = []
    for _ in range(ROUNDS):  # each round reads the texts as new: no result remembered from the last
        forget_texts_read()
        repositories = RepositoryIndex(records)
        runs.append(timed(parse_all, repositories))
    parse_seconds = min(seconds for seconds, _ in runs)
    notes = sum(len(parsed.notes) for parsed in runs[0][1])
    print(f"ingest_parse_notes: {notes}")
    print(f"ingest_parse_ms_per_note: {parse_seconds / notes * 1000:.2f}")
    print(f"parse_notes_per_second: {notes / parse_seconds:.0f}")

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        initialise(str(db))
        first, reports = timed(ingest, str(db), files)
        again, _ = timed(ingest, str(db), files)
        rows = sum(r.counts.notes + r.counts.citations + r.counts.nested + r.counts.claims for r in reports)
        raw = raw_sqlite_rows(Path(folder) / "raw.db", rows)
    print(f"ingest_store_rows: {rows}")
    print(f"ingest_store_ms: {first * 1000:.0f}")
    print(f"ingest_reingest_ratio_to_first: {again / first:.2f}")
    print(f"ingest_store_ratio_to_raw_sqlite: {first / raw:.0f}")


if __name__ == "__main__":
    main()
