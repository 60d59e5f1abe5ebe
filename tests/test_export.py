"""catalogue export: CSL-JSON, RiC-O JSON-LD and CSV of the seeded catalogue, and CSL read back."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator
from rdflib import OWL, RDF, Graph, URIRef
from rdflib.compare import isomorphic

from catalogue import vocabularies as v
from catalogue.cli import cli, export_command
from catalogue.export import FORMATS
from catalogue.export.csl import csl_date, csl_name, to_csl
from catalogue.export.rico import RECORD_SET_TYPES, RICO, rico_graph
from catalogue.export.rows import read_catalogue
from catalogue.export.tables import DOCUMENT_COLUMNS, document_fields, work_fields
from catalogue.records import DocumentRecord, WorkRecord
from catalogue.records.csl import CSL_TO_WORK, WORK_TO_CSL, archive_place, date_text, from_csl, name_text

SCHEMAS = Path(__file__).parent / "schemas"
# rdflib's own JSON-LD parser still builds a ConjunctiveGraph.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def catalogue(seeded):
    return read_catalogue(str(seeded))


@pytest.fixture(scope="module")
def csl_validator() -> Draft7Validator:
    schema = json.loads((SCHEMAS / "csl-data.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(SCHEMAS / "RiC-O_1-1.rdf", format="xml")


def export(database: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", str(database), *args])
    assert result.exit_code == 0, result.output
    return result.output


def count(database: Path, sql: str) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(sql).fetchone()[0]


def errors(validator: Draft7Validator, items: list) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(items)]


# ── CSL-JSON ────────────────────────────────────────────────────────────────


def test_csl_json_of_the_seeded_catalogue_validates_against_the_schema(seeded, csl_validator):
    items = json.loads(export(seeded, "--format", "csl-json"))
    assert errors(csl_validator, items) == []


def test_csl_json_has_every_document_and_work_and_where_each_document_is_held(seeded):
    items = {item["id"]: item for item in json.loads(export(seeded, "--format", "csl-json"))}
    documents = [item for item in items.values() if item.get("custom", {}).get("catalogue_table") == "documents"]
    works = [item for item in items.values() if item.get("custom", {}).get("catalogue_table") == "works"]
    assert len(documents) == count(seeded, "select count(*) from documents") > 0
    assert len(works) == count(seeded, "select count(*) from works") > 0
    held = count(seeded, "select count(*) from documents where repository_id is not null")
    archived = [item for item in documents if "archive" in item]
    assert len(archived) == held > 0
    for item in archived:
        assert item["archive_location"] and item["archive-place"], item
        assert f"Archive Place: {item['archive-place']}" in item["note"].splitlines()
    shd = items["document-5"]
    assert (shd["type"], shd["archive"], shd["archive_location"], shd["archive-place"]) == (
        "manuscript",
        "Service historique de la Défense",
        "10 H 287",
        "Vincennes",
    )
    assert shd["issued"] == {"date-parts": [[1948, 9, 23]]}
    assert shd["custom"]["record_set_path"] == "10 H / 287"
    assert items["document-1"]["type"] == "personal_communication"  # a letter: CSL has no "letter"
    assert items["document-7"]["type"] == "report" and items["document-7"]["genre"] == "intelligence report"


def test_csl_names_are_split_only_when_written_inverted(seeded):
    items = {item["id"]: item for item in json.loads(export(seeded, "--format", "csl-json"))}
    assert items["work-33"]["author"] == [{"family": "Logevall", "given": "Fredrik"}]  # "Logevall, Fredrik"
    assert items["work-5"]["author"] == [{"literal": "Chen Jian"}]
    assert items["work-10"]["author"] == [{"literal": "Vô Nguyễn Giáp"}]


def test_document_collections_and_edited_books_are_books_keeping_their_type(seeded):
    items = {item["id"]: item for item in json.loads(export(seeded, "--format", "csl-json"))}
    assert (items["work-14"]["type"], items["work-14"]["custom"]["work_type"]) == ("book", "document_collection")
    assert (items["work-26"]["type"], items["work-26"]["custom"]["work_type"]) == ("book", "edited_book")
    assert items["work-26"]["editor"] == [{"literal": "Guo Ming"}]
    assert "work_type" not in items["work-2"]["custom"]  # a book is a book


def test_to_csl_then_from_csl_gives_back_every_document_and_work(catalogue):
    assert catalogue.documents and catalogue.works
    for document in catalogue.documents:
        kind, fields = from_csl(to_csl("document", document))
        assert (kind, fields) == ("document", document_fields(document))
        assert list(fields) == list(DocumentRecord.model_fields)
        if fields["repository"]:
            DocumentRecord(**fields)
    for work in catalogue.works:
        kind, fields = from_csl(to_csl("work", work))
        assert (kind, fields) == ("work", work_fields(work))
        assert list(fields) == list(WorkRecord.model_fields)
        WorkRecord(**fields)


def test_every_work_type_and_document_genre_goes_to_csl_and_back(csl_validator):
    assert set(WORK_TO_CSL) == set(v.WORK_TYPES)
    assert set(WORK_TO_CSL.values()) == set(CSL_TO_WORK)
    works = [{"id": n, "type": t, "title": "T", "agents": []} for n, t in enumerate(v.WORK_TYPES, 1)]
    documents = [
        {"id": n, "genre": g, "title": "T", "repository": {"authorised_name": "SHD", "city": "Vincennes"}}
        for n, g in enumerate(v.DOCUMENT_GENRES, 1)
    ]
    items = [to_csl("work", w) for w in works] + [to_csl("document", d) for d in documents]
    assert errors(csl_validator, items) == []
    assert [from_csl(item)[1]["type"] for item in items[: len(works)]] == list(v.WORK_TYPES)
    assert [from_csl(item)[1]["genre"] for item in items[len(works) :]] == list(v.DOCUMENT_GENRES)


def test_a_letter_with_sender_recipient_uncertain_date_and_file_goes_to_csl_and_back(csl_validator):
    document = {
        "id": 9,
        "title": "Thư gửi Ủy ban Kháng chiến Hành chính Nam Bộ",
        "title_translated": "Letter to the committee",
        "language": "vi",
        "genre": "letter",
        "date_as_written": "khoảng tháng 9 năm 1948",
        "date_edtf": "1948-09~",
        "reference_code": "PTT, ML 2, 52",
        "description": "On supplies.",
        "repository": {"id": 7, "authorised_name": "Trung tâm Lưu trữ Quốc gia III", "city": "Hanoi"},
        "record_set": {"id": 17, "path": "PTT / ML2 / 52", "title": "Báo cáo tình hình"},
        "agents": [
            {"role": "author", "name": "Nguyễn Văn A", "kind": "person"},
            {"role": "recipient", "name": "Ủy ban Kháng chiến", "kind": "organisation"},
            {"role": "sender", "name": "Asselin, Pierre", "kind": "person"},
        ],
    }
    item = to_csl("document", document)
    assert errors(csl_validator, [item]) == []
    assert item["issued"] == {"raw": "1948-09~"}  # the schema refuses a bare EDTF string
    assert item["author"] == [{"literal": "Nguyễn Văn A"}, {"family": "Asselin", "given": "Pierre"}]
    assert item["recipient"] == [{"literal": "Ủy ban Kháng chiến"}]
    assert from_csl(item) == ("document", document_fields(document))
    assert from_csl(item)[1]["sender"] == "Asselin, Pierre" and from_csl(item)[1]["authors"] == ["Nguyễn Văn A"]


def test_from_csl_reads_a_zotero_manuscript():
    item = {
        "id": "http://zotero.org/users/1/items/ABCD",
        "type": "manuscript",
        "title": "Avis de Renseignement N° 33",
        "archive": "SHD",
        "call-number": "10 H 287",
        "note": "Seen 2023.\nArchive Place: Vincennes",
        "issued": {"date-parts": [["1948", "7", "21"]]},
        "genre": "Intelligence report",
        "language": "fr",
        "author": [{"family": "Salan", "given": "Raoul"}],
        "recipient": [{"literal": "Haut-Commissaire"}],
    }
    kind, fields = from_csl(item)
    assert kind == "document" and archive_place(item) == "Vincennes"
    assert fields == {
        "repository": "SHD",
        "reference_code": "10 H 287",
        "title": "Avis de Renseignement N° 33",
        "title_translated": None,
        "date": "1948-07-21",
        "genre": "intelligence_report",
        "language": "fr",
        "file_title": None,
        "authors": ["Salan, Raoul"],
        "sender": None,
        "recipient": "Haut-Commissaire",
        "description": None,
        "printed_in": None,
    }
    assert DocumentRecord(**fields).reference_code == "10 H 287"
    assert archive_place({"archive-place": "Aix-en-Provence", "note": "Archive Place: Paris"}) == "Aix-en-Provence"
    assert from_csl({"id": 1, "type": "personal_communication", "archive_location": "23"})[1]["genre"] == "letter"


def test_from_csl_reads_a_zotero_book_with_a_call_number_as_a_work():
    item = {
        "id": 1,
        "type": "book",
        "title": "Vietnam and China 1938–1954",
        "call-number": "DS550 .C45",
        "author": [{"literal": "King C. Chen"}],
        "publisher": "Princeton University Press",
        "publisher-place": "Princeton, N.J",
        "issued": {"date-parts": [[1969]]},
        "ISBN": "9780691030272",
        "volume": 2,
        "page": 120,
    }
    kind, fields = from_csl(item)
    assert kind == "work"
    assert (fields["type"], fields["authors"], fields["year"], fields["place"]) == (
        "book",
        ["King C. Chen"],
        1969,
        "Princeton, N.J",
    )
    assert (fields["volume"], fields["pages"], fields["isbn"]) == ("2", "120", "9780691030272")
    WorkRecord(**fields)


def test_csl_dates_in_every_form_become_text_the_date_reader_takes():
    assert date_text({"date-parts": [[1948, 9, 23]]}) == "1948-09-23"
    assert date_text({"date-parts": [[1948, 9]]}) == "1948-09"
    assert date_text({"date-parts": [["1948"]]}) == "1948"
    assert date_text({"date-parts": [[1948, 1], [1948, 6]]}) == "1948-01/1948-06"
    assert date_text({"date-parts": [[1948]], "season": "Autumn"}) == "1948-23"
    assert date_text({"date-parts": [[1948]], "circa": True}) == "1948~"
    assert date_text({"raw": "1948?"}) == "1948?"
    assert date_text({"literal": "mùa thu 1948"}) == "mùa thu 1948"
    assert date_text({"date-parts": [[]], "literal": "s.d."}) == "s.d."
    assert date_text({"date-parts": [["1948", "Spring"]]}) == "1948 Spring"
    assert date_text("1948-09-23") == "1948-09-23"  # an EDTF string: outside the schema, read all the same
    assert date_text(None) is None
    for edtf in ("1948", "1948-09", "1948-09-23", "1948?", "1948-09~", "1948/1949", "194X", "1948-21"):
        assert date_text(csl_date(edtf)) == edtf


def test_names_split_only_when_written_inverted_and_come_back_as_written():
    assert csl_name("Asselin, Pierre") == {"family": "Asselin", "given": "Pierre"}
    assert csl_name("Chen Jian") == {"literal": "Chen Jian"}
    assert csl_name("Võ Nguyên Giáp") == {"literal": "Võ Nguyên Giáp"}
    assert csl_name("Jiayi Gao") == {"literal": "Jiayi Gao"}
    assert csl_name("Central Archives, Beijing", "organisation") == {"literal": "Central Archives, Beijing"}
    assert csl_name("Smith, John, Jr.") == {"literal": "Smith, John, Jr."}
    for name in ("Asselin, Pierre", "Chen Jian", "Võ Nguyên Giáp", "Smith, John, Jr."):
        assert name_text(csl_name(name)) == name
    assert name_text({"family": "King", "given": "Martin Luther", "suffix": "Jr."}) == "King, Martin Luther, Jr."
    assert name_text({"given": "Plato"}) == "Plato"


def test_unknown_csl_types_are_refused_naming_the_type_and_the_allowed_ones():
    with pytest.raises(ValueError, match=r"'song'.*article-journal.*manuscript"):
        from_csl({"id": 1, "type": "song", "title": "x"})
    with pytest.raises(ValueError, match=r"'manuscript'.*with an archive"):
        from_csl({"id": 1, "type": "manuscript", "title": "no archive"})
    with pytest.raises(ValueError, match=r"'book'"):
        from_csl({"id": 1, "type": "book", "archive": "SHD"})
    with pytest.raises(ValueError, match=r"author: CSL names are a list of objects"):
        from_csl({"id": 1, "type": "book", "title": "x", "author": "Chen Jian"})


# ── RiC-O ───────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def rico(seeded) -> Graph:
    return Graph().parse(data=export(seeded, "--format", "ric-o"), format="json-ld")


def test_every_rico_term_of_the_export_is_defined_in_the_ontology(rico, ontology):
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    individuals = set(ontology.subjects(RDF.type, OWL.NamedIndividual))
    used_classes = {o for o in rico.objects(None, RDF.type)}
    used_properties = {p for p in rico.predicates() if p != RDF.type}
    used_values = {
        o
        for s, p, o in rico
        if p != RDF.type and isinstance(o, URIRef) and str(o).startswith((str(RICO), str(RECORD_SET_TYPES)))
    }
    assert used_classes and all(str(c).startswith(str(RICO)) for c in used_classes)
    assert all(str(p).startswith(str(RICO)) for p in used_properties)
    assert used_classes - classes == set()
    assert used_properties - properties == set()
    assert used_values - individuals == set()
    assert RICO.SingleDate not in classes and RICO.Date in classes  # the 1.1 ontology


def test_rico_has_one_node_per_row(rico, seeded):
    def typed(rico_class) -> int:
        return len(set(rico.subjects(RDF.type, rico_class)))

    assert typed(RICO.Record) == count(seeded, "select count(*) from documents") > 0
    assert typed(RICO.RecordSet) == count(seeded, "select count(*) from record_sets") > 0
    assert typed(RICO.CorporateBody) == count(seeded, "select count(*) from repositories") > 0
    assert (
        typed(RICO.Relation)
        == count(
            seeded,
            "select count(distinct cn.claim_id) from claim_notes cn "
            "join citations c on c.note_id = cn.note_id "
            "where c.document_id is not null",
        )
        > 0
    )
    evidence = set(rico.objects(None, RICO.isEvidencedBy))
    assert len(evidence) == count(
        seeded,
        "select count(distinct c.document_id) from claim_notes cn join citations c on c.note_id = cn.note_id",
    )
    assert len(evidence) == 18 + 3  # every document of the seed supports a claim (tests/test_seed.py)
    for document in evidence:
        assert (document, RDF.type, RICO.Record) in rico


def test_rico_describes_a_document_its_file_and_its_archive(rico):
    def one(subject, predicate):
        [value] = list(rico.objects(subject, predicate))
        return value

    document = URIRef("https://catalogue.example/documents/5")
    assert str(one(one(document, RICO.hasOrHadIdentifier), RICO.textualValue)) == "10 H 287"
    date = one(document, RICO.hasCreationDate)
    assert (date, RDF.type, RICO.Date) in rico
    assert (str(one(date, RICO.expressedDate)), str(one(date, RICO.normalizedDateValue))) == (
        "23 septembre 1948",
        "1948-09-23",
    )
    file = one(document, RICO.isOrWasIncludedIn)
    assert str(one(one(file, RICO.hasOrHadIdentifier), RICO.textualValue)) == "10 H / 287"
    assert one(file, RICO.hasRecordSetType) == RECORD_SET_TYPES.File
    series = one(file, RICO.isOrWasIncludedIn)
    assert one(series, RICO.hasRecordSetType) == RECORD_SET_TYPES.Series
    shd = one(document, RICO.hasOrHadHolder)
    assert one(file, RICO.hasOrHadHolder) == shd
    assert str(one(shd, RICO.name)) == "Service historique de la Défense"
    assert str(one(one(shd, RICO.agentHasOrHadLocation), RICO.name)) == "Vincennes"
    hanoi = {one(URIRef(f"https://catalogue.example/repositories/{n}"), RICO.agentHasOrHadLocation) for n in (5, 7)}
    assert len(hanoi) == 1  # VNA 1 and VNA 3: one Hanoi


def test_rico_export_is_the_same_text_every_time(catalogue, seeded):
    text = export(seeded, "--format", "ric-o")
    assert text == export(seeded, "--format", "ric-o")
    exported, built = Graph().parse(data=text, format="json-ld"), rico_graph(catalogue)
    assert len(built) > 0 and isomorphic(exported, built)  # the text holds the whole graph, as built


# ── CSV ─────────────────────────────────────────────────────────────────────


def test_csv_has_documentrecords_columns_and_one_row_per_document(seeded, catalogue):
    rows = list(csv.reader(io.StringIO(export(seeded, "--format", "csv"))))
    assert tuple(rows[0]) == DOCUMENT_COLUMNS == tuple(DocumentRecord.model_fields)
    assert len(rows) - 1 == count(seeded, "select count(*) from documents") > 0
    records = list(csv.DictReader(io.StringIO(export(seeded, "--format", "csv"))))
    for record, document in zip(records, catalogue.documents, strict=True):
        fields = document_fields(document)
        assert record["authors"] == "; ".join(fields["authors"])
        assert {k: value or None for k, value in record.items() if k != "authors"} == {
            k: value for k, value in fields.items() if k != "authors"
        }


# ── The command ─────────────────────────────────────────────────────────────


def test_export_writes_a_file_or_standard_output(seeded, tmp_path):
    assert set(export_command.params[1].type.choices) == set(FORMATS)
    for export_format in FORMATS:
        target = tmp_path / f"out.{export_format}"
        result = CliRunner().invoke(cli, ["export", "--db", str(seeded), "--format", export_format, "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert result.output == ""
        assert target.read_text(encoding="utf-8") == export(seeded, "--format", export_format)


def test_export_refuses_an_unknown_format_a_missing_folder_and_what_is_not_a_catalogue(seeded, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(seeded), "--format", "bibtex"])
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.output
    missing = tmp_path / "no" / "such" / "out.json"
    result = CliRunner().invoke(cli, ["export", "--db", str(seeded), "--format", "csv", "-o", str(missing)])
    assert result.exit_code == 1 and "out.json" in result.output and not missing.exists()
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("not a database", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "--db", str(not_a_db), "--format", "csv"])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "not a SQLite database" in result.output
    assert not_a_db.read_text(encoding="utf-8") == "not a database"


def test_export_reads_sqlite_and_postgresql_alike(db_url, seeded):
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", db_url]).exit_code == 0
    assert runner.invoke(cli, ["seed", "--db", db_url]).exit_code == 0
    for export_format in FORMATS:
        result = runner.invoke(cli, ["export", "--db", db_url, "--format", export_format])
        assert result.exit_code == 0, result.output
        assert result.output == export(seeded, "--format", export_format), export_format
