"""`catalogue undo`: a write of the change log taken back, or refused with every reason."""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

from catalogue.cli import cli

TABLES = ("documents", "claims", "citations", "record_sets", "document_agents")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    assert run("init", "--db", path).exit_code == 0
    return path


def counts(path):
    with sqlite3.connect(path) as connection:
        return {t: connection.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def add_document(db, code="10 H 287", **extra):
    options = [f"--{k.replace('_', '-')}={v}" for k, v in extra.items()]
    result = run(
        "add",
        "document",
        "--db",
        db,
        "--repository",
        "SHD",
        "--reference-code",
        code,
        "--title",
        "Note sur la frontière",
        *options,
    )
    assert result.exit_code == 0, result.output
    return int(re.search(r"document (\d+)", result.output).group(1))


def last_batch(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("select max(id) from batches").fetchone()[0]


def test_undo_removes_what_an_add_made_and_is_itself_a_write(db):
    before = counts(db)
    add_document(db, author="Général Carpentier")
    batch = last_batch(db)
    assert counts(db) != before
    result = run("undo", "--db", db, "--by", "jroe", batch)
    assert result.exit_code == 0, result.output
    assert f"write {batch} undone" in result.output
    assert counts(db) == before
    with sqlite3.connect(db) as connection:
        made_by, command = connection.execute("select made_by, command from batches order by id desc").fetchone()
    assert (made_by, command) == ("jroe", f"undo {batch}")


def test_undo_is_refused_while_a_later_claim_rests_on_the_document(db):
    document = add_document(db)
    document_batch = last_batch(db)
    claim = run("add", "claim", "--db", db, "--text", "The frontier was closed.", "--document", f"{document}:f. 2")
    assert claim.exit_code == 0, claim.output
    claim_batch = last_batch(db)
    before = counts(db)
    refused = run("undo", "--db", db, document_batch)
    assert refused.exit_code != 0
    assert f"write {document_batch} (add document) cannot be undone" in refused.output
    assert f"points to documents {document}" in refused.output
    assert counts(db) == before
    assert run("undo", "--db", db, claim_batch).exit_code == 0
    assert run("undo", "--db", db, document_batch).exit_code == 0
    assert counts(db)["documents"] == 0


def test_a_write_that_completed_a_row_without_keeping_its_earlier_values_is_refused(db):
    add_document(db)
    batch = last_batch(db)
    with sqlite3.connect(db) as connection:  # a matched row completed by a write that kept no earlier values
        connection.execute("update batch_rows set action = 'changed', was = null where batch_id = ?", (batch,))
    before = counts(db)
    refused = run("undo", "--db", db, batch)
    assert refused.exit_code != 0
    assert "which was there before, and the values it had then are not kept" in refused.output
    assert counts(db) == before


def test_writes_without_a_list_of_rows_and_unknown_writes_are_refused(db):
    add_document(db)
    assert run("undo", "--db", db, last_batch(db)).exit_code == 0
    refused = run("undo", "--db", db, last_batch(db))  # an undo is not itself undone
    assert refused.exit_code != 0 and "kept no list of its rows" in refused.output
    unknown = run("undo", "--db", db, 99999)
    assert unknown.exit_code != 0 and "write 99999: no such write" in unknown.output


def test_a_second_reading_cannot_be_undone_nor_the_first(db):
    assert run("seed", "--db", db).exit_code == 0
    first = last_batch(db)
    seeded = counts(db)
    # The seed's citations and documents as counted in tests/test_seed.py: seed/000's 67 and one
    # more row each for the works its notes 29, 31 and 44 cite documents through, seed/001's 22;
    # 18 archival documents and the 3 known through works.
    assert (seeded["citations"], seeded["documents"]) == (67 + 3 + 22, 18 + 3)
    assert run("seed", "--db", db).exit_code == 0  # read again: the first reading is replaced
    again = last_batch(db)
    refused = run("undo", "--db", db, again)
    assert refused.exit_code != 0 and "replacing the notes, citations and claims" in refused.output
    assert counts(db) == seeded
    refused = run("undo", "--db", db, first)  # its notes are gone, read again by the second
    assert refused.exit_code != 0 and "is no longer in the catalogue" in refused.output
    assert counts(db) == seeded


def test_undoing_a_first_ingest_removes_all_it_read(db):
    before = counts(db)
    assert run("seed", "--db", db).exit_code == 0
    undone = run("undo", "--db", db, last_batch(db))
    assert undone.exit_code == 0, undone.output
    assert counts(db) == before
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from notes").fetchone()[0] == 0
        assert connection.execute("select count(*) from works").fetchone()[0] == 0
    assert run("seed", "--db", db).exit_code == 0  # and it can be read again
    assert counts(db)["citations"] == 67 + 3 + 22  # the seed's, as above


def document_row(db, document_id):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "select genre, description, batch_id, search_text from documents where id = ?", (document_id,)
        ).fetchone()


def test_a_write_that_completed_a_document_is_undone_by_putting_it_back(db):
    document_id = add_document(db)
    first = last_batch(db)
    before = document_row(db, document_id)
    assert before[:3] == (None, None, first)
    assert add_document(db, genre="report") == document_id  # the same document, its genre filled in
    completing = last_batch(db)
    assert document_row(db, document_id)[:3] == ("report", None, completing)
    undone = run("undo", "--db", db, completing)
    assert undone.exit_code == 0, undone.output
    assert "documents: 1 put back as they were" in undone.output
    assert document_row(db, document_id) == before  # its genre empty again, its last write the first, searchable
    assert run("undo", "--db", db, first).exit_code == 0  # and the first write is whole again


def test_a_completed_row_changed_since_is_not_put_back(db):
    document_id = add_document(db)
    add_document(db, genre="report")
    completing = last_batch(db)
    add_document(db, description="A later note on it")
    refused = run("undo", "--db", db, completing)
    assert refused.exit_code != 0
    assert f"documents {document_id}, which it completed, was changed since by write {last_batch(db)}" in refused.output
    assert document_row(db, document_id)[:2] == ("report", "A later note on it")


def test_a_file_title_given_later_is_taken_back_with_its_write(db):
    add_document(db)  # makes the carton 10 H 287 of the SHD, untitled
    with sqlite3.connect(db) as connection:
        carton, title = connection.execute(
            "select id, title from record_sets where reference_code = '287' or path like '%287'"
        ).fetchone()
    assert title is None
    add_document(db, code="10 H 287", title="Une autre note", file_title="Renseignements sur la Chine")
    with sqlite3.connect(db) as connection:
        assert connection.execute("select title from record_sets where id = ?", (carton,)).fetchone()[0] == (
            "Renseignements sur la Chine"
        )
    undone = run("undo", "--db", db, last_batch(db))
    assert undone.exit_code == 0, undone.output
    assert "record_sets: 1 put back as they were" in undone.output
    with sqlite3.connect(db) as connection:
        assert connection.execute("select title from record_sets where id = ?", (carton,)).fetchone()[0] is None
