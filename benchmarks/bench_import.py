"""Benchmark: `catalogue import` of a documents CSV against plain sqlite3 executemany.

    make bench              (BENCH_IMPORT_ROWS=100000 by default)

Both write the same rows into the same table of a freshly seeded catalogue (search-index
triggers and all), measured in the same run. The import reads the CSV, validates every
row, reads every date, normalises every code, places it in its archive's tree, looks for
the rows already there and writes in batches; the raw run only inserts prepared tuples.
Prints `name: value` lines; `import_vs_raw_sqlite` is the import's rows per second divided
by the raw run's.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from catalogue.commands.add import import_files
from catalogue.commands.ingest import ingest, seed_files
from catalogue.commands.init import initialise
from catalogue.derive.functions import register_functions
from catalogue.parse.refcodes import code_key

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
ARCHIVES = (
    ("SHD", "{a} H {b}"),
    ("ANOM", "{a} HCI {b}"),
    ("VNA 3", "PTT, ML {a}, {b}"),
    ("AMAE", "{a}QO/{b}"),
    ("AH", "002-0802{a:02d}-00{b:03d}-001"),
)
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
GENRES = ("report", "telegram", "intelligence_report", "note", "letter", "bulletin")


def write_csv(path: Path, rows: int) -> list[dict]:
    rng = random.Random(1950)
    records = []
    for i in range(rows):
        archive, pattern = ARCHIVES[i % len(ARCHIVES)]
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1945, 1954)
        date = rng.choice(
            (f"{day} {MONTHS[month - 1]} {year}", f"{year}-{month:02d}-{day:02d}", f"{MONTHS[month - 1]} {year}")
        )
        records.append(
            {
                "repository": archive,
                "reference_code": pattern.format(a=rng.randint(1, 20), b=rng.randint(1, 900)),
                "title": f"Rapport {i} sur la situation à la frontière",
                "date": date,
                "genre": rng.choice(GENRES),
                "language": "fr",
            }
        )
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return records


def raw_insert(path: Path, records: list[dict]) -> float:
    """The same rows, prepared, into the same table with sqlite3.executemany."""
    connection = sqlite3.connect(path)
    register_functions(connection)
    repository = dict(connection.execute("select name_key, repository_id from repository_names"))
    prepared = [
        (
            f"raw-{i}",
            repository[r["repository"].replace(" ", "").lower()],
            r["title"],
            r["genre"],
            r["language"],
            r["date"],
            r["reference_code"],
            code_key(r["reference_code"]),
        )
        for i, r in enumerate(records)
    ]
    start = time.perf_counter()
    with connection:
        connection.executemany(
            "insert into documents (document_key, repository_id, title, genre, language, date_as_written, "
            "reference_code, reference_code_key) values (?, ?, ?, ?, ?, ?, ?, ?)",
            prepared,
        )
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        seeded = folder / "seeded.db"
        initialise(str(seeded))
        ingest(str(seeded), seed_files())
        csv_path = folder / "documents.csv"
        records = write_csv(csv_path, ROWS)
        for name in ("import.db", "raw.db"):
            shutil.copyfile(seeded, folder / name)
        start = time.perf_counter()
        report = import_files(str(folder / "import.db"), [csv_path])
        imported = time.perf_counter() - start
        raw = raw_insert(folder / "raw.db", records)
    [documents] = [r for r in report.reports if r.kind == "documents"]
    print(f"import_rows: {ROWS}")
    print(f"import_added: {documents.added}")
    print(f"import_s: {imported:.2f}")
    print(f"import_rows_per_s: {ROWS / imported:.0f}")
    print(f"raw_sqlite_s: {raw:.2f}")
    print(f"raw_sqlite_rows_per_s: {ROWS / raw:.0f}")
    print(f"import_vs_raw_sqlite: {(ROWS / imported) / (ROWS / raw):.2f}")


if __name__ == "__main__":
    main()
