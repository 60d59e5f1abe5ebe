"""`catalogue notes parse` and `catalogue ingest` on good and bad input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.cli import cli
from catalogue.parse.pipeline import parse_text
from catalogue.resources import SEED

SCHEMA = json.loads((Path(__file__).parent / "notes-parse.schema.json").read_text())


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="catalogue")


def test_the_seed_parse_meets_the_contract():
    result = run("notes", "parse", SEED / "000_0257dddbb7f8e243.txt", "--json")
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    jsonschema.Draft7Validator(SCHEMA).validate(output)
    assert len(output["notes"]) == 56  # notes "- 1" to "- 56" of seed/000's "Notes"
    note_21 = output["notes"][20]
    assert note_21["citations"][0]["repository"] == "SHD"
    assert note_21["citations"][0]["reference_code"] == "10 H 287"


def test_a_notes_only_file_in_every_numbering_style(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(
        "1. Marc Olivier, *Les frontières* (Paris: PUF, 1988), p. 4.\n"
        "[2] Ibid., p. 9.\n"
        "- 3 “Note sur la frontière,” (5.4.1949), 10 H 600,\n"
        "SHD.\n",
        encoding="utf-8",
    )
    output = json.loads(run("notes", "parse", path, "--json").stdout)
    assert [n["number"] for n in output["notes"]] == [1, 2, 3]
    assert output["notes"][1]["citations"][0]["antecedent_note"] == 1
    assert output["notes"][2]["citations"][0]["repository"] == "SHD"


def test_human_readable_output_lists_citations():
    result = run("notes", "parse", SEED / "000_0257dddbb7f8e243.txt")
    assert result.exit_code == 0
    assert "21. “Note de Haut Commissariat Indochine" in result.output
    assert "archival full title='Note de Haut Commissariat Indochine" in result.output


def test_empty_and_binary_files_are_refused(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02\xff")
    for name, message in (("empty.txt", "is empty"), ("scan.pdf", "is a binary file, not text")):
        result = run("notes", "parse", tmp_path / name, "--json")
        assert result.exit_code == 1
        assert result.output.strip() == f"Error: {tmp_path / name}: {message}"


def test_text_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Notes\n\n1 Télégramme\n".encode("latin-1"))
    result = run("notes", "parse", path)
    assert result.exit_code == 1 and "latin1.txt:3: " in result.output and "not UTF-8" in result.output


def test_text_without_notes_is_read_with_a_warning(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text("A paragraph about the border.\n\nAnother paragraph.\n")
    result = run("notes", "parse", path, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"notes": []}
    assert "no notes section" in result.stderr


def test_a_note_with_no_citation_is_kept_as_residue(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("1 The two accounts of this meeting cannot be reconciled.\n")
    note = json.loads(run("notes", "parse", path, "--json").stdout)["notes"][0]
    assert note["citations"] == [] and note["residue"] == note["text"]


def test_ingest_stores_a_new_article_and_can_replace_it(tmp_path):
    db = tmp_path / "c.db"
    article = tmp_path / "article.txt"
    article.write_text(
        "A Border Study\n\nJane Roe\n\nThe frontier was closed in 1950.¹ Trade went on.²\n\n"
        "Notes\n\n1 “Note sur la frontière,” (5.4.1950), 10 H 600, SHD.\n"
        "2 Ibid.\n",
        encoding="utf-8",
    )
    assert run("init", "--db", db).exit_code == 0
    first = run("ingest", "--db", db, article)
    assert first.exit_code == 0, first.output
    assert "2 notes, 2 citations (+0 works they are printed in or cited through), 2 claims, 1 documents" in first.output
    article.write_text(article.read_text().replace("2 Ibid.", "2 Ibid., p. 3."))
    assert run("ingest", "--db", db, article).exit_code == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from notes").fetchone()[0] == 2
        assert (
            connection.execute(
                "select locator from citations where position = 1 and note_id = (select id from notes where number = 2)"
            ).fetchone()[0]
            == "p. 3"
        )
        assert connection.execute("select count(*) from documents").fetchone()[0] == 1


def test_a_bad_file_among_several_stores_nothing(tmp_path):
    db = tmp_path / "c.db"
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Notes\n\n1 “Note,” (5.4.1950), 10 H 600, SHD.\n")
    bad.write_bytes(b"\x00binary")
    run("init", "--db", db)
    result = run("ingest", "--db", db, good, bad)
    assert result.exit_code == 1 and f"{bad}: is a binary file" in result.output
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from notes").fetchone()[0] == 0


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000))
def test_any_text_reads_without_raising_and_rebuilds_every_note(text):
    parsed = parse_text("Body text.¹\n\nNotes\n\n" + text, "<hypothesis>", None)
    # The marker ¹ gives the one claim "Body text." when note 1 is read, and a warning when not:
    # never a claim on a note that was not read, never a marker dropped unsaid.
    read = {note.number for note in parsed.notes}
    if parsed.article.claims:
        assert [(c.text, c.note_numbers) for c in parsed.article.claims] == [("Body text.", [1])] and 1 in read
    else:
        assert parsed.article.warnings
    for note in parsed.notes:
        pieces, position = [], 0
        for citation in sorted(note.citations, key=lambda c: c.span):
            pieces.append(note.text[position : citation.span[0]])
            position = citation.span[1]
        pieces.append(note.text[position:])
        assert "".join(pieces) == note.residue


def test_senders_and_recipients_become_people_of_the_document(tmp_path):
    db, article = tmp_path / "c.db", tmp_path / "letters.txt"
    article.write_text(
        "Notes\n\n1 Telegram no. 7, Pignon to Coste-Floret, 15 March 1949, ANOM, HCI 250.\n", encoding="utf-8"
    )
    run("init", "--db", db)
    assert run("ingest", "--db", db, article).exit_code == 0
    with sqlite3.connect(db) as connection:
        people = connection.execute(
            "select da.role, a.name from document_agents da join agents a on a.id = da.agent_id order by da.role"
        ).fetchall()
    assert people == [("recipient", "Coste-Floret"), ("sender", "Pignon")]


def test_notes_score_without_files_scores_every_corpus_under_tests(monkeypatch):
    from pathlib import Path

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = CliRunner().invoke(cli, ["notes", "score"])
    assert result.exit_code == 0, result.output
    assert "tests/corpus/english_notes.txt: notes" in result.output
    assert "(sealed): notes" in result.output and result.output.splitlines()[-1].startswith("all: notes")
