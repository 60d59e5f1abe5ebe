"""Serving and sharing a catalogue: serve refuses what is not a catalogue, the file alone
holds every write, and `catalogue backup` copies a live catalogue."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner

from catalogue import schema
from catalogue.cli import cli
from catalogue.commands import migrate
from catalogue.commands.backup import backup
from catalogue.db import connect
from catalogue.models import Base

# A citing work beside the seed, as in test_site.py.
BORDER_STUDY = """A Border Study

Jane Roe

In 1948 the liaison of Ho Chi Minh (胡志明同志) with the Đông Dương committee was renewed.¹

Notes

1 “Báo cáo về Đông Dương,” (5.4.1948), PTT, ML 2, 60, VNA 3.
"""

BAD_FILES = {
    "not SQLite": "not a SQLite database (the file is something else)",
    "another program's": "holds tables that are not a catalogue's (photos)",
    "empty file": "not a catalogue at the latest schema (revision none); run 'catalogue init' first",
    "empty database": "not a catalogue at the latest schema (revision none); run 'catalogue init' first",
    "older schema": "not a catalogue at the latest schema (revision {older}); run 'catalogue init' first",
    "newer schema": "schema revision ffffffffffff was made by a newer catalogue",
}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="catalogue", catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with its SHA-256: a refused file, and nothing beside it, changes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def table_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as connection:
        return {
            table: connection.execute(f"select count(*) from {table}").fetchone()[0] for table in Base.metadata.tables
        }


def initialised(path: Path, authority_file: Path) -> Path:
    result = run("init", "--db", str(path), "--authority", str(authority_file))
    assert result.exit_code == 0, result.output
    return path


def make_bad_file(kind: str, folder: Path, authority_file: Path) -> tuple[Path, str]:
    """A file of ``kind`` (see BAD_FILES) in ``folder``, and the message that refuses it."""
    path = folder / "bad.db"
    message = BAD_FILES[kind]
    if kind == "not SQLite":
        path.write_text("1 See Chen Jian, Mao's China and the Cold War.\n")
    elif kind == "another program's":
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("create table photos (id integer primary key)")
    elif kind == "empty file":
        path.touch()
    elif kind == "empty database":
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("pragma user_version = 7")
    elif kind == "older schema":
        engine = connect(str(initialised(path, authority_file)))
        with engine.begin() as connection:
            migrate.downgrade(connection, "-1")
            message = message.format(older=schema.current_revision(connection))
        engine.dispose()
    elif kind == "newer schema":
        with closing(sqlite3.connect(initialised(path, authority_file))) as connection:
            connection.execute("update alembic_version set version_num = 'ffffffffffff'")
            connection.commit()
    return path, message


@pytest.fixture(params=list(BAD_FILES))
def bad_file(request, tmp_path, authority_file) -> tuple[Path, str]:
    folder = tmp_path / "bad"
    folder.mkdir()
    return make_bad_file(request.param, folder, authority_file)


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Path:
    """A catalogue after init, seed and the ingest of a small text."""
    folder = tmp_path_factory.mktemp("live")
    path = folder / "catalogue.db"
    (folder / "border.txt").write_text(BORDER_STUDY, encoding="utf-8")
    assert run("init", "--db", str(path)).exit_code == 0
    assert run("seed", "--db", str(path)).exit_code == 0
    assert run("ingest", "--db", str(path), str(folder / "border.txt")).exit_code == 0
    return path


@pytest.fixture
def no_server(monkeypatch):
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: pytest.fail("the server was started"))


# catalogue serve


def test_serve_refuses_a_file_that_is_not_a_current_catalogue_untouched(bad_file, no_server):
    path, message = bad_file
    before = snapshot(path.parent)
    result = run("serve", "--db", str(path))
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {path}: {message}")
    assert "Serving" not in result.output
    assert snapshot(path.parent) == before


def test_serve_refuses_a_missing_file_without_creating_it(tmp_path, no_server):
    result = run("serve", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no such SQLite catalogue" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_serve_starts_on_a_current_catalogue(live, monkeypatch):
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append(options))
    result = run("serve", "--db", str(live), "--port", "8123")
    assert result.exit_code == 0, result.output
    assert started == [{"host": "127.0.0.1", "port": 8123, "log_level": "warning"}]
    assert f"Serving {live} at http://127.0.0.1:8123/catalogue" in result.stderr


# the file alone holds every write

READER = """
import sqlite3, sys
reader = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)  # as Datasette opens it
reader.execute("select count(*) from repositories").fetchone()
print("open", flush=True)
sys.stdin.read()
"""


@contextmanager
def reader(kind: str, path: Path):
    """Nothing, a sqlite3 connection, or another process keeping ``path`` open for reading."""
    if kind == "none":
        yield
    elif kind == "connection":
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("select count(*) from repositories").fetchone()
            yield
    else:
        with subprocess.Popen(
            [sys.executable, "-c", READER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        ) as process:
            assert process.stdout.readline() == "open\n"
            yield
            process.stdin.close()


@pytest.mark.parametrize("kind", ["none", "connection", "process"])
def test_a_copy_of_the_file_alone_holds_every_write(tmp_path, kind):
    path = tmp_path / "catalogue.db"
    (tmp_path / "border.txt").write_text(BORDER_STUDY, encoding="utf-8")
    assert run("init", "--db", str(path)).exit_code == 0
    with reader(kind, path):
        assert run("seed", "--db", str(path)).exit_code == 0
        assert run("ingest", "--db", str(path), str(tmp_path / "border.txt")).exit_code == 0
        shutil.copyfile(path, tmp_path / "copy.db")
        assert Path(f"{path}-wal").exists() == (kind != "none")  # still open: the log is not removed
        copy = table_counts(tmp_path / "copy.db")
        assert copy == table_counts(path)
    with closing(sqlite3.connect(tmp_path / "copy.db")) as connection:
        assert connection.execute(
            "select count(*) from notes join works on works.id = notes.work_id where works.title = 'A Border Study'"
        ).fetchone() == (1,)
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)


# catalogue backup


def check_copy(copy: Path, source: Path) -> None:
    assert table_counts(copy) == table_counts(source)
    with closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
        assert connection.execute("pragma journal_mode").fetchone() == ("delete",)
    assert not Path(f"{copy}-wal").exists() and not Path(f"{copy}-shm").exists()


def test_backup_copies_the_catalogue_into_one_standalone_file(live, tmp_path):
    copy = tmp_path / "copy.db"
    result = run("backup", str(copy), "--db", str(live))
    assert result.exit_code == 0, result.output
    assert result.output == f"Copied {live} to {copy} ({copy.stat().st_size:,} bytes)\n"
    check_copy(copy, live)
    assert [p.name for p in tmp_path.iterdir()] == ["copy.db"]
    assert run("ingest", "--db", str(copy), str(live.parent / "border.txt")).exit_code == 0


def test_backup_of_a_live_catalogue_is_a_consistent_snapshot(live, tmp_path):
    counts = table_counts(live)
    with closing(sqlite3.connect(live, isolation_level=None)) as writer, closing(sqlite3.connect(live)) as reader:
        reader.execute("select count(*) from claims").fetchone()
        writer.execute("begin immediate")
        writer.execute("create table unfinished (id integer primary key)")
        assert run("backup", str(tmp_path / "copy.db"), "--db", str(live)).exit_code == 0
        writer.execute("rollback")
    with closing(sqlite3.connect(tmp_path / "copy.db")) as connection:
        tables = {name for (name,) in connection.execute("select name from sqlite_master")}
    assert "unfinished" not in tables and "claims" in tables
    check_copy(tmp_path / "copy.db", live)
    assert table_counts(live) == counts


def test_backup_refuses_a_source_that_is_not_a_current_catalogue_untouched(bad_file, tmp_path):
    path, message = bad_file
    before = snapshot(path.parent)
    result = run("backup", str(tmp_path / "copy.db"), "--db", str(path))
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {path}: {message}")
    assert snapshot(path.parent) == before
    assert not (tmp_path / "copy.db").exists()


def test_backup_refuses_an_existing_file_unless_forced(live, tmp_path):
    target = tmp_path / "copy.db"
    target.write_text("a historian's notes\n")
    result = run("backup", str(target), "--db", str(live))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {target}: already exists; use --force to overwrite it\n"
    assert target.read_text() == "a historian's notes\n"
    assert run("backup", str(target), "--db", str(live), "--force").exit_code == 0
    check_copy(target, live)


@pytest.mark.parametrize(
    "target, message",
    [
        (lambda live, tmp: live, "is the catalogue being copied"),
        (lambda live, tmp: tmp, "is a directory"),
        (lambda live, tmp: tmp / "missing" / "copy.db", "does not exist"),
    ],
    ids=["the-source", "a-directory", "a-missing-folder"],
)
def test_backup_refuses_a_target_it_cannot_write(live, tmp_path, target, message):
    path = target(live, tmp_path)
    before = snapshot(live.parent)
    result = run("backup", str(path), "--db", str(live), "--force")
    assert result.exit_code == 1 and message in result.stderr
    assert snapshot(live.parent) == before and list(tmp_path.iterdir()) == []


def test_backup_refuses_a_target_whose_log_would_be_read_into_the_copy(live, tmp_path):
    target = tmp_path / "copy.db"
    assert run("backup", str(target), "--db", str(live)).exit_code == 0
    Path(f"{target}-wal").write_bytes(b"")  # the old copy is open somewhere
    before = snapshot(tmp_path)
    result = run("backup", str(target), "--db", str(live), "--force")
    assert result.exit_code == 1 and "copy.db-wal beside it" in result.stderr
    assert snapshot(tmp_path) == before


def test_backup_refuses_postgresql():
    result = run("backup", "copy.db", "--db", "postgresql://historian:secret@127.0.0.1:9/catalogue")
    assert result.exit_code == 1 and "use pg_dump" in result.stderr and "secret" not in result.stderr


def test_a_failed_backup_leaves_nothing_half_written(live, tmp_path, monkeypatch):
    target = tmp_path / "copy.db"
    target.write_text("the previous copy\n")

    def fail(source, destination):
        destination.write_bytes(b"SQLite format 3\x00half")
        raise OSError("No space left on device")

    monkeypatch.setattr("catalogue.commands.backup.copy_database", fail)
    with pytest.raises(OSError):
        backup(target, str(live), force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["copy.db"]
    assert target.read_text() == "the previous copy\n"
