"""`catalogue init`: create, upgrade, load the authority; refuse bad databases untouched."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, insert, select

from catalogue.cli import cli
from catalogue.db import connect
from catalogue.models import Document, Repository, RepositoryName
from catalogue.reference.authority import read_authority
from catalogue.resources import AUTHORITY_FILE


def run(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="catalogue", catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(url: str, model) -> int:
    engine = connect(url)
    with engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(model))
    engine.dispose()
    return total


def test_init_twice_is_idempotent(db_url, authority_file):
    first = run("init", "--db", db_url, "--authority", str(authority_file))
    assert first.exit_code == 0, first.output
    assert "2 added" in first.output
    counts = count(db_url, Repository), count(db_url, RepositoryName)
    second = run("init", "--db", db_url, "--authority", str(authority_file))
    assert second.exit_code == 0, second.output
    assert "0 added, 0 updated, 2 unchanged" in second.output
    assert (count(db_url, Repository), count(db_url, RepositoryName)) == counts == (2, 7)


def test_init_loads_the_real_authority_file(tmp_path):
    db = tmp_path / "x.db"
    assert run("init", "--db", str(db)).exit_code == 0
    assert run("init", "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as connection:
        acronyms = sorted(acronym for (acronym,) in connection.execute("select acronym from repositories"))
    # every repository of the authority file that ships with the package, once though init ran twice
    assert acronyms == sorted(record.acronym for record in read_authority(AUTHORITY_FILE)) and len(acronyms) >= 15


def test_init_reads_the_database_from_the_environment(tmp_path, authority_file, monkeypatch):
    monkeypatch.setenv("CATALOGUE_DB", str(tmp_path / "env.db"))
    assert run("init", "--authority", str(authority_file)).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_changed_authority_updates_rows(db_url, authority_file):
    run("init", "--db", db_url, "--authority", str(authority_file))
    authority_file.write_text(
        authority_file.read_text()
        .replace("city: Hanoi", "city: Hà Nội")
        .replace("    - {name: VNA 3, type: acronym}\n", "")
    )
    result = run("init", "--db", db_url, "--authority", str(authority_file))
    assert "1 updated" in result.output
    engine = connect(db_url)
    with engine.connect() as connection:
        assert connection.scalar(select(Repository.city).where(Repository.acronym == "VNA3")) == "Hà Nội"
        names = connection.scalars(select(RepositoryName.name)).all()
    engine.dispose()
    assert "VNA 3" not in names and "VNA3" in names  # the acronym is always a name


def test_a_repository_known_from_citations_merges_into_the_authority(db_url, authority_file):
    full = authority_file.read_text()
    authority_file.write_text(full.replace("    - {name: SHAT, type: former_acronym}\n", ""))
    run("init", "--db", db_url, "--authority", str(authority_file))
    engine = connect(db_url)
    with engine.begin() as connection:  # as the store keeps an archive it does not know
        cited = connection.execute(
            insert(Repository).values(authorised_name="SHAT", origin="cited").returning(Repository.id)
        ).scalar_one()
        connection.execute(
            insert(RepositoryName).values(repository_id=cited, name="SHAT", name_key="shat", type="other")
        )
        connection.execute(insert(Document).values(document_key="d1", repository_id=cited, title="Note"))
    authority_file.write_text(full)  # the authority now knows SHAT is the SHD
    assert run("init", "--db", db_url, "--authority", str(authority_file)).exit_code == 0
    with engine.connect() as connection:
        holder = connection.scalar(select(Repository.acronym).join(Document))
        left = connection.scalar(select(func.count()).select_from(Repository).where(Repository.origin == "cited"))
    engine.dispose()
    assert (holder, left) == ("SHD", 0)


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path, authority_file):
    path = tmp_path / "notes.txt"
    path.write_text("1 See Chen Jian, Mao's China and the Cold War.\n")
    before = digest(path)
    result = run("init", "--db", str(path), "--authority", str(authority_file))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {path}: not a SQLite database (the file is something else)"
    assert digest(path) == before


def test_a_directory_is_refused(tmp_path, authority_file):
    result = run("init", "--db", str(tmp_path), "--authority", str(authority_file))
    assert result.exit_code == 1 and "is a directory" in result.output


def test_a_sqlite_database_of_something_else_is_refused(tmp_path, authority_file):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("create table photos (id integer primary key)")
    before = digest(path)
    result = run("init", "--db", str(path), "--authority", str(authority_file))
    assert result.exit_code == 1 and "not a catalogue" in result.output and "photos" in result.output
    assert digest(path) == before


def test_an_unreachable_server_is_one_clear_line(authority_file):
    result = run(
        "init", "--db", "postgresql://historian:secret@127.0.0.1:9/catalogue", "--authority", str(authority_file)
    )
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith("Error: cannot connect to postgresql+psycopg://historian:***@127.0.0.1:9/catalogue")
    assert "secret" not in line


def test_a_database_from_a_newer_catalogue_is_refused_untouched(tmp_path, authority_file):
    path = tmp_path / "newer.db"
    assert run("init", "--db", str(path), "--authority", str(authority_file)).exit_code == 0
    with sqlite3.connect(path) as connection:
        connection.execute("update alembic_version set version_num = 'ffffffffffff'")
    with sqlite3.connect(path) as connection:
        connection.execute("pragma wal_checkpoint(truncate)")
    before = digest(path)
    result = run("init", "--db", str(path), "--authority", str(authority_file))
    assert result.exit_code == 1
    assert "schema revision ffffffffffff was made by a newer catalogue" in result.output
    assert digest(path) == before


def test_a_bad_authority_file_leaves_the_database_as_it_was(db_url, authority_file):
    run("init", "--db", db_url, "--authority", str(authority_file))
    authority_file.write_text(authority_file.read_text().replace("country: VN", "country: Vietnam"))
    result = run("init", "--db", db_url, "--authority", str(authority_file))
    assert result.exit_code == 1
    assert f"{authority_file}:" in result.output and ": country:" in result.output
    assert count(db_url, Repository) == 2


def test_a_bad_authority_file_creates_no_database(tmp_path, authority_file):
    authority_file.write_text(authority_file.read_text().replace("latitude: 21.0245", "latitude: north"))
    result = run("init", "--db", str(tmp_path / "new.db"), "--authority", str(authority_file))
    assert result.exit_code == 1 and ": latitude:" in result.output
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize("command", [[], ["init"]])
def test_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage: catalogue" in result.output


def test_alembic_check_on_a_fresh_database_finds_nothing_to_do(tmp_path):
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "alembic",
            "-c",
            str(root / "alembic.ini"),
            "-x",
            f"db={tmp_path / 'fresh.db'}",
            "check",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "No new upgrade operations detected" in done.stdout
