"""Adding records the way researchers keep them: `add`, `import` (CSV, JSON, Zotero), through
one validation path; bad input refused whole, with every problem named, the database unchanged."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli import cli
from catalogue.records import DocumentRecord, RecordSetRecord, WorkRecord
from catalogue.resources import SEED

EXAMPLES = Path(__file__).resolve().parent.parent / "seed" / "examples"
SEED_NOTE_TITLE = (
    "Note de Haut Commissariat Indochine: Les communistes chinois et le Viet Minh (de Septembre 1945 à Septembre 1948)"
)
HEADER = "repository,reference_code,title,date,genre\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "catalogue.db"
    assert run("init", "--db", str(path)).exit_code == 0
    assert run("seed", "--db", str(path)).exit_code == 0
    return path


@pytest.fixture
def db(seeded_file, tmp_path) -> Path:
    """A seeded catalogue of this test's own."""
    path = tmp_path / "catalogue.db"
    source = sqlite3.connect(seeded_file)
    target = sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    return path


def rows(db: Path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ── add ──────────────────────────────────────────────────────────────────────


def test_adding_a_document_the_seed_cites_is_that_same_row(db):
    [(seed_id, carton)] = rows(
        db, "select id, record_set_id from documents where reference_code = '10 H 287' and date_edtf = '1948-09-23'"
    )
    result = run(
        "add",
        "document",
        "--db",
        str(db),
        "--repository",
        "shd",
        "--reference-code",
        "10H287",
        "--date",
        "23 September 1948",
        "--title",
        SEED_NOTE_TITLE,
    )
    assert result.exit_code == 0, result.output
    assert f"document {seed_id} already in the catalogue: /catalogue/documents/{seed_id}" in result.output
    assert rows(db, "select count(*) from documents where reference_code_key = '10h287'") == [(8,)]


def test_same_carton_another_date_is_a_new_document_in_that_carton(db):
    [(carton,)] = rows(db, "select record_set_id from documents where date_edtf = '1948-09-23'")
    result = run(
        "add",
        "document",
        "--db",
        str(db),
        "--repository",
        "SHD",
        "--reference-code",
        "10 H 287",
        "--date",
        "24 septembre 1948",
        "--title",
        SEED_NOTE_TITLE,
    )
    assert result.exit_code == 0, result.output
    new_id = int(result.output.split()[1])
    assert rows(db, "select record_set_id, date_edtf, batch_id is not null from documents where id = ?", new_id) == [
        (carton, "1948-09-24", 1)
    ]


def test_add_prints_the_rows_site_path_and_logs_the_batch(db):
    result = run(
        "add",
        "document",
        "--db",
        str(db),
        "--by",
        "jroe",
        "--repository",
        "VNA 3",
        "--reference-code",
        "PTT, Mục lục 2, 70",
        "--date",
        "ngày 5 tháng 4 năm 1949",
        "--title",
        "Báo cáo tình hình",
        "--author",
        "Nguyễn Văn A",
        "--author",
        "Trần Văn B",
    )
    assert result.exit_code == 0, result.output
    new_id = int(result.output.split()[1])
    assert f"/catalogue/documents/{new_id}" in result.output
    [(edtf, code, path, batch)] = rows(
        db,
        "select d.date_edtf, d.reference_code_normalised, rs.path, d.batch_id "
        "from documents d join record_sets rs on rs.id = d.record_set_id "
        "where d.id = ?",
        new_id,
    )
    assert (edtf, code, path) == ("1949-04-05", "PTT, ML2, 70", "PTT / ML2 / 70")
    assert rows(db, "select made_by, command from batches where id = ?", batch) == [("jroe", "add document")]
    assert rows(db, "select count(*) from document_agents where document_id = ? and role = 'author'", new_id) == [(2,)]


def test_add_refuses_an_unknown_archive_and_suggests_the_closest(db):
    before = checksum(db)
    result = run("add", "document", "--db", str(db), "--repository", "SDH", "--title", "x")
    assert result.exit_code == 1
    assert "command line: repository: no archive is called 'SDH' (did you mean SHD (Service historique" in result.output
    assert checksum(db) == before


@pytest.mark.parametrize("date, message", [("31 février 1947", "February 1947 has no day 31"), ("soon", "not a date")])
def test_add_refuses_a_date_it_cannot_read(db, date, message):
    result = run("add", "document", "--db", str(db), "--repository", "SHD", "--title", "x", "--date", date)
    assert result.exit_code == 1 and "date: " in result.output and message in result.output


def test_add_names_the_allowed_values_of_a_closed_vocabulary(db):
    result = run("add", "document", "--db", str(db), "--repository", "SHD", "--title", "x", "--genre", "memo")
    assert (
        result.exit_code == 1 and "genre: Input should be 'report'" in result.output and "'telegram'" in result.output
    )


def test_add_a_work_and_a_record_set(db):
    work = run(
        "add",
        "work",
        "--db",
        str(db),
        "--type",
        "book",
        "--title",
        "Vietnam: State, War, and Revolution",
        "--author",
        "David G. Marr",
        "--place",
        "Berkeley",
        "--year",
        "2013",
    )
    assert work.exit_code == 0, work.output
    work_id = int(work.output.split()[1])
    assert rows(db, "select country_code, year from works where id = ?", work_id) == [("US", 2013)]
    record_set = run(
        "add",
        "record-set",
        "--db",
        str(db),
        "--repository",
        "SHD",
        "--reference-code",
        "10 H 300",
        "--title",
        "Chine, 1949",
    )
    assert record_set.exit_code == 0, record_set.output
    assert rows(db, "select path, level, title from record_sets where id = ?", int(record_set.output.split()[2])) == [
        ("10 H / 300", "file", "Chine, 1949")
    ]


def test_every_add_command_documents_every_field_with_an_example():
    for command, record in (("document", DocumentRecord), ("work", WorkRecord), ("record-set", RecordSetRecord)):
        help_text = run("add", command, "--help").output
        assert "Example:" in help_text and "catalogue add " + command in help_text
        options = [line.split()[0] for line in help_text.splitlines() if line.strip().startswith("--")]
        # one option a field of the record, in its order ("authors" is given as --author, once a name)
        fields = [
            f"--{name.removesuffix('s') if name in ('authors', 'editors') else name}" for name in record.model_fields
        ]
        assert options == ["--db", "--by", *(field.replace("_", "-") for field in fields), "--help"], command


# ── import ───────────────────────────────────────────────────────────────────


def test_the_example_documents_import_once(db):
    first = run("import", "--db", str(db), str(EXAMPLES / "documents.csv"))
    assert first.exit_code == 0, first.output
    assert "documents: 11 added, 1 matched" in first.output
    before = checksum(db)
    second = run("import", "--db", str(db), str(EXAMPLES / "documents.csv"))
    assert second.exit_code == 0 and "0 added, 12 matched" in second.output and "nothing changed" in second.output
    assert checksum(db) == before


def test_imported_documents_are_searchable_and_in_their_archives_tree(db):
    assert run("import", "--db", str(db), str(EXAMPLES / "documents.csv")).exit_code == 0
    assert rows(db, "select count(*) from documents_fts where documents_fts match '\"long tcheou\"'") == [(1,)]
    assert rows(
        db,
        "select rs.path from documents d join record_sets rs on rs.id = d.record_set_id "
        "where d.title like 'Báo cáo của Ủy ban%'",
    ) == [("PTT / ML2 / 61",)]


def test_dry_run_says_what_would_change_and_changes_nothing(db):
    before = checksum(db)
    result = run("import", "--db", str(db), "--dry-run", str(EXAMPLES / "documents.csv"))
    assert result.exit_code == 0 and "11 added" in result.output and "dry run" in result.output
    assert checksum(db) == before


def test_json_records_import_with_item_numbers(db, tmp_path):
    path = tmp_path / "documents.json"
    path.write_text(
        json.dumps(
            [
                {"repository": "SHD", "reference_code": "10 H 301", "title": "Rapport", "date": "1949"},
                {"repository": "SHD", "title": "Rapport", "genre": "nonsense"},
            ]
        ),
        encoding="utf-8",
    )
    result = run("import", "--db", str(db), str(path))
    assert result.exit_code == 1 and f"{path}:item 2: genre:" in result.output


# ── Bad input: every problem named, nothing written ─────────────────────────


def refused(db: Path, path: Path, *expected: str, extra: tuple[str, ...] = ()) -> str:
    before = checksum(db)
    result = run("import", "--db", str(db), *extra, str(path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for text in expected:
        assert text in result.output, (text, result.output)
    assert checksum(db) == before
    return result.output


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_missing_required_column(db, tmp_path):
    path = write(tmp_path, "documents.csv", "reference_code,title\n10 H 287,Rapport\n")
    refused(db, path, f"{path}:1: repository: required column missing")


def test_unknown_column(db, tmp_path):
    path = write(tmp_path, "documents.csv", "repository,title,colour\nSHD,Rapport,blue\n")
    refused(db, path, f"{path}:1: colour: unknown column")


def test_wrong_date_and_unknown_archive_are_both_reported(db, tmp_path):
    path = write(
        tmp_path,
        "documents.csv",
        HEADER + "SHD,10 H 1,Rapport,31 février 1947,report\nSDH,10 H 2,Rapport,1947,report\n",
    )
    refused(
        db,
        path,
        f"{path}:2: date: 31 février 1947: February 1947 has no day 31",
        f"{path}:3: repository: no archive is called 'SDH'",
        "did you mean SHD",
    )


def test_the_same_document_twice_with_conflicting_fields(db, tmp_path):
    path = write(
        tmp_path, "documents.csv", HEADER + "SHD,10 H 1,Rapport,1947,report\nSHD,10 H 1,Rapport,1947,telegram\n"
    )
    refused(db, path, f"{path}:3: genre: the same document as {path}:2", "'telegram', not 'report'")


def test_a_byte_that_is_not_utf8(db, tmp_path):
    path = write(tmp_path, "documents.csv", HEADER.encode() + b"SHD,10 H 1,Rapport d\xe9cembre,1947,report\n")
    refused(db, path, f"{path}:2: byte 0xE9", "not UTF-8")


def test_an_empty_file(db, tmp_path):
    refused(db, write(tmp_path, "documents.csv", ""), "the file is empty")


def test_a_header_only(db, tmp_path):
    path = write(tmp_path, "documents.csv", HEADER)
    refused(db, path, f"{path}:1: a header but no rows")


def test_a_hundred_thousand_rows_with_one_bad_row_in_the_middle(db, tmp_path):
    lines = [f"SHD,10 H {i % 900 + 1},Rapport {i},{1 + i % 28} mars 1948,report\n" for i in range(100_000)]
    lines[50_000] = "SHD,10 H 1,Rapport du milieu,30 février 1948,report\n"
    path = write(tmp_path, "documents.csv", HEADER + "".join(lines))
    output = refused(db, path, f"{path}:50002: date: 30 février 1948: February 1948 has no day 30")
    assert [line for line in output.splitlines() if line.startswith("Error:")] == [
        f"Error: {path}:50002: date: 30 février 1948: February 1948 has no day 30"
    ]  # that row, only that one


def test_a_file_whose_kind_cannot_be_told(db, tmp_path):
    path = write(tmp_path, "notebook.csv", HEADER + "SHD,10 H 1,Rapport,1947,report\n")
    refused(db, path, "cannot tell what records the file holds", "--type")


def test_every_file_is_checked_before_any_is_written(db, tmp_path):
    good = write(tmp_path, "documents.csv", HEADER + "SHD,10 H 1,Rapport,1947,report\n")
    bad = write(tmp_path, "documents-2.csv", HEADER + "SHD,10 H 2,Rapport,1947-13,report\n")
    before = checksum(db)
    result = run("import", "--db", str(db), str(good), str(bad))
    assert result.exit_code == 1 and f"{bad}:2: date:" in result.output and checksum(db) == before


def test_a_csl_json_that_is_not_a_list(db, tmp_path):
    path = write(tmp_path, "zotero.json", json.dumps({"type": "book", "title": "x"}))
    refused(db, path, "a JSON import is a list of records")


def test_a_csl_item_without_a_title_and_one_of_unknown_type(db, tmp_path):
    path = write(
        tmp_path,
        "zotero.json",
        json.dumps(
            [
                {
                    "id": "a",
                    "type": "book",
                    "author": [{"family": "Marr", "given": "David"}],
                    "issued": {"date-parts": [[2013]]},
                },
                {"id": "b", "type": "hologram", "title": "A moving picture", "issued": {"date-parts": [[2013]]}},
            ]
        ),
    )
    refused(db, path, f"{path}:item 1: title:", f"{path}:item 2: type:")


# ── The round trip: export, then import into an empty catalogue ─────────────

DOCUMENT_COLUMNS = (
    "d.document_key",
    "d.title",
    "d.title_translated",
    "d.date_edtf",
    "d.date_as_written",
    "d.date_start",
    "d.date_end",
    "d.genre",
    "d.language",
    "d.reference_code",
    "d.reference_code_normalised",
    "d.reference_code_key",
    "d.description",
    "r.acronym",
    "rs.path",
    "(select group_concat(a.name || ':' || da.role, '|') from (select * from document_agents "
    "order by agent_id, role) da join agents a on a.id = da.agent_id where da.document_id = d.id)",
)
WORK_COLUMNS = (
    "w.work_key",
    "w.type",
    "w.title",
    "w.title_translated",
    "w.container_title",
    "w.volume",
    "w.issue",
    "w.pages",
    "w.place",
    "w.publisher",
    "w.year",
    "w.language",
    "w.country_code",
    "w.doi",
    "w.isbn",
    "w.url",
    "(select group_concat(a.name || ':' || wa.role || ':' || wa.position, '|') from (select * from work_agents "
    "order by role, position) wa join agents a on a.id = wa.agent_id where wa.work_id = w.id)",
)


def catalogue_rows(db: Path) -> tuple[list, list]:
    documents = rows(
        db,
        f"select {', '.join(DOCUMENT_COLUMNS)} from documents d "
        "left join repositories r on r.id = d.repository_id "
        "left join record_sets rs on rs.id = d.record_set_id order by d.document_key",
    )
    works = rows(db, f"select {', '.join(WORK_COLUMNS)} from works w order by w.work_key")
    return documents, works


def cited_works(works: list, citing_titles: set[str]) -> list:
    """The works cited (a citing work, exported as a work, comes back as a work cited by no note)."""
    return [work for work in works if work[2] not in citing_titles]


def round_trip(source: Path, tmp_path: Path, export_format: str, name: str) -> Path:
    """Export ``source``, import the file into an empty catalogue; that catalogue."""
    exported = tmp_path / name
    assert run("export", "--db", str(source), "--format", export_format, "-o", str(exported)).exit_code == 0
    empty = tmp_path / "empty.db"
    assert run("init", "--db", str(empty)).exit_code == 0
    result = run("import", "--db", str(empty), str(exported))
    assert result.exit_code == 0, result.output
    return empty


def test_a_round_trip_through_csl_json_loses_nothing(seeded_file, tmp_path):
    empty = round_trip(seeded_file, tmp_path, "csl-json", "catalogue.json")
    documents, works = catalogue_rows(seeded_file)
    again_documents, again_works = catalogue_rows(empty)
    citing = {
        title for (title,) in rows(seeded_file, "select title from works where id in (select work_id from notes)")
    }
    # The seed's 18 archival documents and 3 known through works, and the 27 works seed/000's
    # notes cite with the essay's 4 references, as counted in tests/test_seed.py.
    assert len(documents) == 18 + 3 and again_documents == documents
    assert len(cited_works(works, citing)) == 27 + 4
    assert cited_works(again_works, citing) == cited_works(works, citing)
    assert {work[2] for work in again_works} == {work[2] for work in works}  # the citing works too, by title


def test_a_round_trip_through_csv_loses_no_document(seeded_file, tmp_path):
    empty = round_trip(seeded_file, tmp_path, "csv", "documents.csv")
    assert catalogue_rows(empty)[0] == catalogue_rows(seeded_file)[0]


# ── Archives and claims by hand ─────────────────────────────────────────────


def test_add_an_archive_then_a_document_held_there(db):
    result = run(
        "add",
        "repository",
        "--db",
        str(db),
        "--acronym",
        "AMSZ",
        "--authorised-name",
        "Archiwum Ministerstwa Spraw Zagranicznych",
        "--country",
        "pl",
        "--city",
        "Warszawa",
        "--type",
        "ministry_archives",
        "--name",
        "Archives of the Polish Foreign Ministry",
    )
    assert result.exit_code == 0, result.output
    assert rows(db, "select country_code, city from repositories where acronym = 'AMSZ'") == [("PL", "Warszawa")]
    document = run(
        "add",
        "document",
        "--db",
        str(db),
        "--repository",
        "archives of the polish foreign ministry",
        "--reference-code",
        "z. 10, t. 1234",
        "--title",
        "Szyfrogram",
        "--date",
        "1954",
    )
    assert document.exit_code == 0, document.output


def test_an_archive_whose_name_another_has_is_refused(db):
    result = run(
        "add",
        "repository",
        "--db",
        str(db),
        "--acronym",
        "XYZ",
        "--authorised-name",
        "Service historique de la défense",
        "--country",
        "FR",
    )
    assert result.exit_code == 1 and "names: 'Service historique de la défense' already names SHD" in result.output


def test_add_a_claim_resting_on_a_document_and_a_work(db):
    [(document,)] = rows(db, "select id from documents where date_edtf = '1948-09-23'")
    [(work,)] = rows(db, "select id from works where title like 'Hồ Chí Minh Biên Niên%'")
    result = run(
        "add",
        "claim",
        "--db",
        str(db),
        "--by",
        "jroe",
        "--text",
        "Chinese advisers reached Cao Bằng in 1950.",
        "--document",
        f"{document}:f. 12",
        "--work",
        f"{work}:p. 224",
    )
    assert result.exit_code == 0, result.output
    claim = int(result.output.split()[1])
    chain = rows(
        db,
        "select kind, locator, document_id, work_id, repository from evidence_chain where claim_id = ? "
        "order by citation_id",
        claim,
    )
    assert chain == [("archival", "f. 12", document, None, "SHD"), ("published", "p. 224", None, work, None)]
    assert rows(db, "select w.title from claims c join works w on w.id = c.work_id where c.id = ?", claim) == [
        ("Own research: jroe",)
    ]


def test_a_claim_on_a_document_that_does_not_exist_is_refused(db):
    result = run("add", "claim", "--db", str(db), "--text", "x", "--document", "99999:f. 1")
    assert result.exit_code == 1 and "evidence.0: no document has number 99999" in result.output


def test_a_claim_is_not_added_to_a_work_read_from_its_text(db):
    [(work,)] = rows(db, "select min(work_id) from notes")
    [(document,)] = rows(db, "select min(id) from documents")
    result = run(
        "add", "claim", "--db", str(db), "--text", "x", "--citing-work", str(work), "--document", str(document)
    )
    assert result.exit_code == 1 and "is read from its text" in result.output


def test_a_text_with_no_notes_is_refused_not_stored_empty(db, tmp_path):
    prose = write(tmp_path, "prose.txt", "A title\n\nProse about the war of 1950, with no notes at all.\n")
    good = SEED / "000_0257dddbb7f8e243.txt"
    before = checksum(db)
    result = run("ingest", "--db", str(db), str(good), str(prose))
    assert result.exit_code == 1, result.output
    assert f"{prose}: holds no notes and no reference list" in result.output
    assert checksum(db) == before  # all or nothing: the good file is not stored either
