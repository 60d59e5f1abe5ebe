"""Writes from other SQLite clients, and `catalogue check` / `catalogue rebuild`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli import cli

SQLITE_UTILS = Path(sys.executable).parent / "sqlite-utils"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "catalogue.db"
    assert run("init", "--db", str(path)).exit_code == 0
    assert run("seed", "--db", str(path)).exit_code == 0
    return path


def found(db: Path, table: str, phrase: str) -> list[int]:
    """Row ids the trigram index finds for a phrase, read by a plain sqlite3 connection."""
    with sqlite3.connect(db) as connection:
        return [
            row[0]
            for row in connection.execute(f"select rowid from {table}_fts where {table}_fts match ?", (f'"{phrase}"',))
        ]


def test_a_fresh_catalogue_is_up_to_date(db):
    result = run("check", "--db", str(db))
    assert result.exit_code == 0 and result.output.startswith("up to date:")


def test_a_plain_sqlite_client_can_insert_and_its_row_is_searchable_at_once(db):
    with sqlite3.connect(db) as connection:  # no catalogue functions registered
        connection.execute(
            "insert into documents (document_key, repository_id, title) "
            "values ('elsewhere-1', 1, 'Rapport sur Lạng Sơn et Đông Dương')"
        )
        [(row_id,)] = connection.execute("select id from documents where document_key = 'elsewhere-1'")
    assert row_id in found(db, "documents", "Lạng Sơn")  # as written
    assert row_id not in found(db, "documents", "dong duong")  # not yet folded


def test_check_reports_rows_written_elsewhere_and_rebuild_mends_them(db):
    with sqlite3.connect(db) as connection:
        connection.execute(
            "insert into claims (work_id, position, text, span_start, span_end) "
            "values (1, 999, 'Troops crossed at Đồng Đăng.', 0, 10)"
        )
        [(claim,)] = connection.execute("select id from claims where position = 999")
        connection.execute("update documents set title = 'Rapport sur Cao Bằng' where id = 1")
    result = run("check", "--db", str(db))
    assert result.exit_code == 1
    assert "claims: 1 rows written by another program wait for their search text" in result.output
    assert "documents: 1 rows changed since their search text was written" in result.output
    assert run("rebuild", "--db", str(db)).exit_code == 0
    assert claim in found(db, "claims", "dong dang")
    assert 1 in found(db, "documents", "cao bang")
    assert run("check", "--db", str(db)).exit_code == 0


def test_sqlite_utils_inserts_rows_the_catalogue_then_indexes(db, tmp_path):
    rows = tmp_path / "new.csv"
    rows.write_text(
        "document_key,repository_id,title,reference_code\n"
        "su-1,1,Télégramme de Hà Nội,10 H 400\nsu-2,7,Báo cáo về Đông Dương,PTT ML2 80\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(SQLITE_UTILS), "insert", str(db), "documents", str(rows), "--csv"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as connection:
        ids = [
            row[0] for row in connection.execute("select id from documents where document_key like 'su-%' order by id")
        ]
    assert len(ids) == 2 and ids[0] in found(db, "documents", "Hà Nội")
    assert run("check", "--db", str(db)).exit_code == 1
    assert run("rebuild", "--db", str(db)).exit_code == 0
    assert ids[1] in found(db, "documents", "dong duong")


def test_another_clients_insert_without_a_required_value_is_refused_plainly(db):
    with sqlite3.connect(db) as connection, pytest.raises(sqlite3.IntegrityError, match="NOT NULL.*document_key"):
        connection.execute("insert into documents (title) values ('x')")
