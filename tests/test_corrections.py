"""Corrections of citations: kept apart from the reading, applied, applied again when the
article is ingested again, and reported (never dropped) when they no longer find their citation."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from catalogue.cli import cli
from catalogue.commands.correct import correct_citation
from catalogue.errors import InvalidInput


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result


@pytest.fixture
def seeded(tmp_path):
    path = tmp_path / "c.db"
    assert run("init", "--db", path).exit_code == 0
    assert run("seed", "--db", path).exit_code == 0
    return path


def located_citation(db):
    """A seed citation with a locator: (id, work, note number, place in the note, locator)."""
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "select c.id, n.work_id, n.number, c.position, c.locator from citations c join notes n on n.id = c.note_id "
            "where c.locator is not null order by c.id limit 1"
        ).fetchone()


def locator_at(db, work_id, note, position):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "select c.locator from citations c join notes n on n.id = c.note_id "
            "where n.work_id = ? and n.number = ? and c.position = ?",
            (work_id, note, position),
        ).fetchone()[0]


def test_a_correction_is_applied_and_kept_when_the_article_is_ingested_again(seeded):
    citation_id, work_id, note, position, locator = located_citation(seeded)
    batch = correct_citation(str(seeded), citation_id, {"locator": "f. 999"}, "jroe")
    assert locator_at(seeded, work_id, note, position) == "f. 999"
    again = run("seed", "--db", seeded)
    assert again.exit_code == 0, again.output
    assert locator_at(seeded, work_id, note, position) == "f. 999"
    with sqlite3.connect(seeded) as connection:
        kept = connection.execute(
            "select k.was, k.value, k.status, b.made_by, k.batch_id from corrections k "
            "join batches b on b.id = k.batch_id"
        ).fetchall()
    assert kept == [(locator, "f. 999", "applied", "jroe", batch)]  # the write correct_citation returned


def test_a_correction_that_no_longer_finds_its_citation_is_reported_not_dropped(seeded):
    citation_id, work_id, note, position, locator = located_citation(seeded)
    correct_citation(str(seeded), citation_id, {"locator": "f. 999"}, "jroe")
    with sqlite3.connect(seeded) as connection:  # as if the reader now read something else there
        connection.execute("update corrections set was = 'p. 1000'")
    again = run("seed", "--db", seeded)
    assert again.exit_code == 0, again.output
    assert "no longer applies" in again.output and "not 'p. 1000'" in again.output
    assert locator_at(seeded, work_id, note, position) == locator
    with sqlite3.connect(seeded) as connection:
        status, reason = connection.execute("select status, status_reason from corrections").fetchone()
    assert status == "lost" and "reads locator" in reason


def test_a_bad_correction_changes_nothing(seeded):
    citation_id, *_ = located_citation(seeded)
    with sqlite3.connect(seeded) as connection:
        batches = connection.execute("select count(*) from batches").fetchone()[0]
    with pytest.raises(InvalidInput, match="kind: one of"):
        correct_citation(str(seeded), citation_id, {"kind": "gossip"})
    with pytest.raises(InvalidInput, match="antecedent_note: the number of the note"):
        correct_citation(str(seeded), citation_id, {"antecedent_note": "twelve"})
    with sqlite3.connect(seeded) as connection:
        assert connection.execute("select count(*) from batches").fetchone()[0] == batches
        assert connection.execute("select count(*) from corrections").fetchone()[0] == 0


def test_a_back_reference_is_pointed_to_another_note(seeded):
    with sqlite3.connect(seeded) as connection:
        citation_id, work_id, note = connection.execute(
            "select c.id, n.work_id, n.number from citations c join notes n on n.id = c.note_id "
            "where c.form = 'short' and c.antecedent_id is not null and n.number > 3 order by c.id limit 1"
        ).fetchone()
    correct_citation(str(seeded), citation_id, {"antecedent_note": "1"}, "jroe")
    with sqlite3.connect(seeded) as connection:
        pointed = connection.execute(
            "select n.number from citations c join citations a on a.id = c.antecedent_id "
            "join notes n on n.id = a.note_id where c.id = ?",
            (citation_id,),
        ).fetchone()[0]
    assert pointed == 1


def test_undoing_a_correction_restores_what_it_replaced(seeded):
    citation_id, work_id, note, position, locator = located_citation(seeded)
    first = correct_citation(str(seeded), citation_id, {"locator": "f. 1"}, "jroe")
    second = correct_citation(str(seeded), citation_id, {"locator": "f. 2"}, "jroe")
    refused = run("undo", "--db", seeded, first)
    assert refused.exit_code != 0 and f"write {second} corrected the same locator" in refused.output
    assert run("undo", "--db", seeded, second).exit_code == 0
    assert locator_at(seeded, work_id, note, position) == "f. 1"
    undone = run("undo", "--db", seeded, first)
    assert undone.exit_code == 0 and "corrections: 1 removed" in undone.output
    assert locator_at(seeded, work_id, note, position) == locator
    with sqlite3.connect(seeded) as connection:
        assert connection.execute("select count(*) from corrections").fetchone()[0] == 0
    assert run("seed", "--db", seeded).exit_code == 0  # nothing left to apply again
    assert locator_at(seeded, work_id, note, position) == locator


def test_undoing_a_review_mark_puts_the_item_back_in_the_queue(seeded):
    from catalogue.commands.correct import mark_reviewed

    with sqlite3.connect(seeded) as connection:
        work_id, number = connection.execute("select work_id, number from notes order by id limit 1").fetchone()
    batch = mark_reviewed(str(seeded), work_id, number, None, "a problem", "jroe")
    assert run("undo", "--db", seeded, batch).exit_code == 0
    with sqlite3.connect(seeded) as connection:
        assert connection.execute("select count(*) from reviews").fetchone()[0] == 0


def archival_citation(db):
    """A seed citation of a document held by an archive: (id, work, note, place, archive, code, title)."""
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "select c.id, n.work_id, n.number, c.position, r.acronym, d.reference_code, d.title "
            "from citations c join notes n on n.id = c.note_id join documents d on d.id = c.document_id "
            "join repositories r on r.id = d.repository_id where d.reference_code is not null "
            "order by c.id limit 1"
        ).fetchone()


def cited_document_at(db, work_id, note, position):
    """(archive acronym, reference code, date as written, title) of the document cited there."""
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "select r.acronym, d.reference_code, d.date_as_written, d.title from citations c "
            "join notes n on n.id = c.note_id join documents d on d.id = c.document_id "
            "left join repositories r on r.id = d.repository_id "
            "where n.work_id = ? and n.number = ? and c.position = ?",
            (work_id, note, position),
        ).fetchone()


def test_correcting_the_cited_documents_archive_and_code_points_the_citation_at_that_document(seeded):
    citation_id, work_id, note, position, archive, code, title = archival_citation(seeded)
    other = "ANOM" if archive != "ANOM" else "SHD"
    with sqlite3.connect(seeded) as connection:
        other_name = connection.execute(
            "select authorised_name from repositories where acronym = ?", (other,)
        ).fetchone()[0]
    correct_citation(
        str(seeded), citation_id, {"archive": other_name, "reference_code": "GGI 65473", "date": "12 mars 1947"}, "jroe"
    )
    assert cited_document_at(seeded, work_id, note, position) == (other, "GGI 65473", "12 mars 1947", title)
    with sqlite3.connect(seeded) as connection:  # kept by the catalogue's name for the archive
        assert connection.execute("select value from corrections where field = 'archive'").fetchone()[0] == other
        made = connection.execute(
            "select d.date_edtf, b.made_by from documents d join batches b on b.id = d.batch_id "
            "where d.reference_code = 'GGI 65473'"
        ).fetchone()
    assert made == ("1947-03-12", "jroe")
    assert run("seed", "--db", seeded).exit_code == 0  # read again: the correction still holds
    assert cited_document_at(seeded, work_id, note, position) == (other, "GGI 65473", "12 mars 1947", title)
    with sqlite3.connect(seeded) as connection:
        assert {row[0] for row in connection.execute("select status from corrections")} == {"applied"}


def test_a_corrected_document_is_checked_as_an_added_one(seeded):
    citation_id, *_ = archival_citation(seeded)
    with pytest.raises(InvalidInput, match="archive: no archive is called 'Archives of Atlantis'"):
        correct_citation(str(seeded), citation_id, {"archive": "Archives of Atlantis"})
    with pytest.raises(InvalidInput, match="date: "):
        correct_citation(str(seeded), citation_id, {"date": "31 février 1947"})
    with sqlite3.connect(seeded) as connection:
        assert connection.execute("select count(*) from corrections").fetchone()[0] == 0


def test_undoing_a_document_correction_points_the_citation_back(seeded):
    citation_id, work_id, note, position, archive, code, title = archival_citation(seeded)
    before = cited_document_at(seeded, work_id, note, position)
    batch = correct_citation(str(seeded), citation_id, {"reference_code": "10 H 9999"}, "jroe")
    assert cited_document_at(seeded, work_id, note, position)[1] == "10 H 9999"
    undone = run("undo", "--db", seeded, batch)
    assert undone.exit_code == 0, undone.output
    assert cited_document_at(seeded, work_id, note, position) == before


def citation_texts(db, work_id, note):
    with sqlite3.connect(db) as connection:
        return [
            row[0]
            for row in connection.execute(
                "select c.text from citations c join notes n on n.id = c.note_id where n.work_id = ? and n.number = ? "
                "order by c.position",
                (work_id, note),
            )
        ]


def test_a_citation_set_aside_stays_aside_when_read_again_and_comes_back_on_undo(seeded):
    citation_id, work_id, note, position, locator = located_citation(seeded)
    texts = citation_texts(seeded, work_id, note)
    batch = correct_citation(str(seeded), citation_id, {"not_a_citation": "not a citation", "locator": "f. 1"}, "jroe")
    aside = [text for index, text in enumerate(texts, 1) if index != position]
    assert citation_texts(seeded, work_id, note) == aside
    assert run("seed", "--db", seeded).exit_code == 0
    assert citation_texts(seeded, work_id, note) == aside
    with sqlite3.connect(seeded) as connection:
        assert connection.execute("select field, status from corrections").fetchall() == [("not_a_citation", "applied")]
    undone = run("undo", "--db", seeded, batch)
    assert undone.exit_code == 0, undone.output
    assert citation_texts(seeded, work_id, note) == texts
    assert locator_at(seeded, work_id, note, position) == locator  # as read, the locator given beside it ignored


def test_a_citation_in_an_unnumbered_note_is_refused_by_name(seeded):
    """Corrections are kept by note number, so a note printed without one cannot take them."""
    citation_id, *_ = located_citation(seeded)
    with sqlite3.connect(seeded) as connection:
        connection.execute(
            "update notes set number = null where id = (select note_id from citations where id = ?)", (citation_id,)
        )
    with pytest.raises(InvalidInput, match=f"citation: citation {citation_id} is in an unnumbered note"):
        correct_citation(str(seeded), citation_id, {"locator": "f. 1"})
    with sqlite3.connect(seeded) as connection:
        assert connection.execute("select count(*) from corrections").fetchone()[0] == 0


def test_naming_an_archive_for_a_published_citation_makes_it_archival(seeded):
    with sqlite3.connect(seeded) as connection:
        citation_id, work_id, note, position = connection.execute(
            "select c.id, n.work_id, n.number, c.position from citations c join notes n on n.id = c.note_id "
            "where c.kind = 'published' and c.document_id is null order by c.id limit 1"
        ).fetchone()
    correct_citation(str(seeded), citation_id, {"kind": "published", "archive": "SHD", "reference_code": "10 H 1"})
    assert cited_document_at(seeded, work_id, note, position)[:2] == ("SHD", "10 H 1")
    assert run("seed", "--db", seeded).exit_code == 0  # kept, kind and all, when read again
    with sqlite3.connect(seeded) as connection:
        kind, work = connection.execute(
            "select c.kind, c.work_id from citations c join notes n on n.id = c.note_id "
            "where n.work_id = ? and n.number = ? and c.position = ?",
            (work_id, note, position),
        ).fetchone()
        fields = dict(connection.execute("select field, was from corrections"))
    assert (kind, work) == ("archival", None)
    assert fields["kind"] == "published"
