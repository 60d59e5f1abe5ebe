"""The editor's desk (issue 12, first part): sign-in for editors, the add-document form, and
the write routes' refusals, through Datasette's own test client."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from html import unescape

import pytest
from click.testing import CliRunner

from catalogue.cli import cli
from catalogue.errors import InvalidInput
from catalogue.site import make_datasette
from catalogue.site.editors import Editor, read_editors

PASSWORD_HASH = "pbkdf2_sha256$480000$0b1f1f0a5b7c44b6$placeholderhashnotchecked"
EDITOR = Editor("jroe", "Jane Roe", PASSWORD_HASH)
WRITE_ROUTES = [
    "/-/desk/add-document",
    "/-/desk/add-claim",
    "/-/desk/undo",
    "/-/desk/correct-citation",
    "/-/desk/review",
]


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    path = tmp_path_factory.mktemp("desk") / "catalogue.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["seed", "--db", str(path)]).exit_code == 0
    datasette = make_datasette(path, [EDITOR], "a-stable-secret")
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())

    class Desk:
        db = path

        def get(self, url, actor=None, **kwargs):
            return loop.run_until_complete(datasette.client.get(url, cookies=self.cookies(actor), **kwargs))

        def post(self, url, data, actor=None, csrf=True):
            cookies = self.cookies(actor)
            if csrf and actor is not None:
                form = datasette.client.get(url, cookies=cookies)
                page = loop.run_until_complete(form)
                data = {**data, "csrftoken": re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)}
                cookies = {**cookies, "ds_csrftoken": page.cookies["ds_csrftoken"]}
            return loop.run_until_complete(datasette.client.post(url, data=data, cookies=cookies))

        def cookies(self, actor):
            return {"ds_actor": datasette.sign({"a": actor}, "actor")} if actor is not None else {}

        def counts(self):
            with sqlite3.connect(path) as connection:
                return tuple(
                    connection.execute(f"select count(*) from {table}").fetchone()[0]
                    for table in ("documents", "batches", "record_sets", "claims")
                )

    yield Desk()
    loop.close()


def text_of(response) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", response.text))


@pytest.mark.parametrize("route", ["/-/desk", *WRITE_ROUTES])
def test_anonymous_visitors_are_refused_and_nothing_changes(desk, route):
    before = desk.counts()
    assert desk.get(route).status_code == 403
    answer = desk.post(route, {"repository": "SHD", "reference_code": "10 H 999", "title": "Anonymous"})
    assert answer.status_code == 403
    assert "Only a signed-in editor" in text_of(answer)
    assert desk.counts() == before


@pytest.mark.parametrize("route", WRITE_ROUTES)
def test_a_reader_signed_in_without_the_editor_role_is_refused(desk, route):
    before = desk.counts()
    reader = {"id": "visitor"}
    assert (
        desk.post(route, {"repository": "SHD", "reference_code": "10 H 998", "title": "Reader"}, reader).status_code
        == 403
    )
    assert desk.counts() == before


@pytest.mark.parametrize("route", WRITE_ROUTES)
def test_a_form_posted_without_the_csrf_token_is_refused(desk, route):
    before = desk.counts()
    answer = desk.post(
        route, {"repository": "SHD", "reference_code": "10 H 997", "title": "No token"}, EDITOR.actor, csrf=False
    )
    assert answer.status_code == 403
    assert desk.counts() == before


def test_an_editor_adds_a_document_as_one_batch_under_their_login(desk):
    documents, batches, *_ = desk.counts()
    answer = desk.post(
        "/-/desk/add-document",
        {
            "repository": "shd",
            "reference_code": "10 H 1234",
            "date": "4 mars 1950",
            "genre": "telegram",
            "title": "Télégramme sur la frontière",
            "authors": "Général Carpentier\nColonel Constans",
        },
        EDITOR.actor,
    )
    assert answer.status_code == 302
    row = answer.headers["location"]
    assert re.fullmatch(r"/catalogue/documents/\d+", row)
    page = text_of(desk.get(row))
    assert "Télégramme sur la frontière" in page and "10 H 1234" in page
    assert desk.counts()[:2] == (documents + 1, batches + 1)
    with sqlite3.connect(desk.db) as connection:
        made_by, command, date = connection.execute(
            "select b.made_by, b.command, d.date_edtf from documents d join batches b on b.id = d.batch_id "
            "where d.id = ?",
            (int(row.rsplit("/", 1)[1]),),
        ).fetchone()
    assert (made_by, command, date) == ("jroe", "desk: add document", "1950-03-04")


def test_the_same_document_again_is_shown_with_its_link_not_added_twice(desk):
    data = {"repository": "SHD", "reference_code": "10 H 4321", "title": "Note sur Cao Bang"}
    first = desk.post("/-/desk/add-document", data, EDITOR.actor)
    assert first.status_code == 302
    before = desk.counts()
    again = desk.post("/-/desk/add-document", data, EDITOR.actor)
    assert again.status_code == 200
    assert "already in the catalogue" in text_of(again)
    assert first.headers["location"] in again.text
    assert desk.counts() == before


def test_problems_are_shown_beside_their_fields_and_what_was_typed_is_kept(desk):
    before = desk.counts()
    answer = desk.post("/-/desk/add-document", {"title": "Rapport sans archive", "genre": "not-a-genre"}, EDITOR.actor)
    assert answer.status_code == 400
    assert 'value="Rapport sans archive"' in answer.text
    assert re.search(r'has-error">\s*<label for="field-genre"', answer.text)
    assert "a document needs the archive holding it" in text_of(answer)
    assert desk.counts() == before


def test_what_an_editor_types_is_shown_as_text(desk):
    answer = desk.post(
        "/-/desk/add-document",
        {"repository": "SHD", "reference_code": "10 H 666", "title": "<script>alert(1)</script>"},
        EDITOR.actor,
    )
    assert answer.status_code == 302
    page = desk.get(answer.headers["location"]).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_desk_lists_its_forms_to_an_editor(desk):
    page = desk.get("/-/desk", EDITOR.actor)
    assert page.status_code == 200
    assert "/-/desk/add-document" in page.text and "Jane Roe" in text_of(page)


def test_an_editors_file_with_a_bad_hash_names_file_line_and_field(tmp_path):
    file = tmp_path / "editors.yml"
    file.write_text("editors:\n  jroe:\n    name: Jane Roe\n    password_hash: hunter2\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        read_editors(file)
    assert str(error.value) == (
        f"{file}:2: editors.jroe.password_hash: expected a hash made by `catalogue editors hash` (pbkdf2_sha256$…)"
    )


def test_an_editor_signs_in_with_the_hashed_password(tmp_path):
    hashed = CliRunner().invoke(cli, ["editors", "hash", "--password", "correct horse"]).output.strip()
    assert hashed.startswith("pbkdf2_sha256$")
    path = tmp_path / "c.db"
    assert CliRunner().invoke(cli, ["init", "--db", str(path)]).exit_code == 0
    datasette = make_datasette(path, [Editor("jroe", "Jane Roe", hashed)], "secret")
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(datasette.invoke_startup())
        wrong = loop.run_until_complete(datasette.client.post("/-/login", data={"username": "jroe", "password": "x"}))
        right = loop.run_until_complete(
            datasette.client.post("/-/login", data={"username": "jroe", "password": "correct horse"})
        )
    finally:
        loop.close()
    assert "ds_actor" not in wrong.cookies
    assert datasette.unsign(right.cookies["ds_actor"], "actor")["a"] == {
        "id": "jroe",
        "name": "Jane Roe",
        "roles": ["editor"],
    }


def test_an_archive_the_authority_lacks_is_named_beside_the_archive_field(desk):
    before = desk.counts()
    answer = desk.post(
        "/-/desk/add-document",
        {"repository": "Archives of Nowhere", "reference_code": "X 1", "title": "Lettre"},
        EDITOR.actor,
    )
    assert answer.status_code == 400
    field = re.search(r'<p class="desk-field has-error">\s*<label for="field-repository">.*?</p>', answer.text, re.S)
    assert field and "no archive is called" in unescape(field.group())
    assert desk.counts() == before


def test_an_editor_adds_a_claim_resting_on_a_new_document_and_finds_both(desk):
    added = desk.post(
        "/-/desk/add-document",
        {
            "repository": "VNA 3",
            "reference_code": "PTT, ML 2, 77",
            "title": "Báo cáo về biên giới Lạng Sơn",
            "date": "1950",
        },
        EDITOR.actor,
    )
    document_id = int(added.headers["location"].rsplit("/", 1)[1])
    form = desk.get(f"/-/desk/add-claim?documents={document_id}:f. 3", EDITOR.actor)
    assert f">{document_id}:f. 3</textarea>" in form.text
    claims = desk.counts()[3]
    answer = desk.post(
        "/-/desk/add-claim",
        {
            "text": "Border posts near Lạng Sơn were reinforced in 1950.",
            "citing_work": "",
            "documents": f"{document_id}:f. 3",
            "works": "",
        },
        EDITOR.actor,
    )
    assert answer.status_code == 302
    claim_page = text_of(desk.get(answer.headers["location"]))
    assert "Border posts near Lạng Sơn were reinforced in 1950." in claim_page
    assert "Báo cáo về biên giới Lạng Sơn" in claim_page
    assert desk.counts()[3] == claims + 1
    found = text_of(desk.get("/-/search?q=border+posts+lang+son"))
    assert "Border posts near Lạng Sơn were reinforced in 1950." in found
    assert "Báo cáo về biên giới Lạng Sơn" in text_of(desk.get("/-/search?q=bao+cao+bien+gioi"))


def test_a_claim_form_with_problems_names_each_and_writes_nothing(desk):
    before = desk.counts()
    answer = desk.post(
        "/-/desk/add-claim", {"text": "", "citing_work": "Gao", "documents": "five", "works": ""}, EDITOR.actor
    )
    assert answer.status_code == 400
    page = text_of(answer)
    assert "the claim, in your words" in page
    assert "the citing work's number in the works table" in page
    assert "write the document's number" in page
    assert ">five</textarea>" in answer.text
    assert desk.counts() == before


def test_a_claim_on_a_document_not_in_the_catalogue_is_refused(desk):
    before = desk.counts()
    answer = desk.post(
        "/-/desk/add-claim",
        {"text": "A claim.", "citing_work": "", "documents": "999999:p. 1", "works": ""},
        EDITOR.actor,
    )
    assert answer.status_code == 400
    assert "999999" in text_of(answer)
    assert desk.counts() == before


def test_a_row_page_names_the_write_that_made_it(desk):
    answer = desk.post(
        "/-/desk/add-document",
        {"repository": "SHD", "reference_code": "10 H 5555", "title": "Fiche de renseignements"},
        EDITOR.actor,
    )
    page = desk.get(answer.headers["location"])
    made_by = re.search(r'<p class="made-by">.*?</p>', page.text, re.S)
    assert made_by, "no line names the write that made the document"
    assert re.search(r"by jroe \(desk: add document, \d{4}-\d\d-\d\d", text_of_html(made_by.group()))
    assert re.search(r'href="/catalogue/batches/\d+"', made_by.group())


def text_of_html(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize(
    "sql",
    [
        "delete from documents",
        "update documents set title = 'x'",
        "insert into batches (made_by, command) values ('x', 'x')",
    ],
)
def test_the_sql_page_stays_read_only_even_for_an_editor(desk, sql):
    before = desk.counts()
    answer = desk.get("/catalogue", EDITOR.actor, params={"sql": sql})
    assert answer.status_code == 400
    assert desk.counts() == before


def test_an_editor_undoes_a_write_from_the_desk_and_a_refusal_says_why(desk):
    added = desk.post(
        "/-/desk/add-document",
        {"repository": "SHD", "reference_code": "10 H 7777", "title": "Compte rendu à défaire"},
        EDITOR.actor,
    )
    document = added.headers["location"]
    with sqlite3.connect(desk.db) as connection:
        batch = connection.execute(
            "select batch_id from documents where id = ?", (int(document.rsplit("/", 1)[1]),)
        ).fetchone()[0]
    claim = desk.post(
        "/-/desk/add-claim",
        {
            "text": "A claim on the report.",
            "citing_work": "",
            "documents": f"{document.rsplit('/', 1)[1]}:p. 1",
            "works": "",
        },
        EDITOR.actor,
    )
    before = desk.counts()
    refused = desk.post("/-/desk/undo", {"batch": str(batch)}, EDITOR.actor)
    assert refused.status_code == 400
    assert "cannot be undone" in text_of(refused) and "points to documents" in text_of(refused)
    assert desk.counts() == before
    claim_id = int(claim.headers["location"].rsplit("/", 1)[1])
    with sqlite3.connect(desk.db) as connection:
        claim_batch = connection.execute("select batch_id from claims where id = ?", (claim_id,)).fetchone()[0]
    assert desk.post("/-/desk/undo", {"batch": str(claim_batch)}, EDITOR.actor).status_code == 302
    undone = desk.post("/-/desk/undo", {"batch": str(batch)}, EDITOR.actor)
    assert undone.status_code == 302 and "/catalogue/batches/" in undone.headers["location"]
    assert desk.get(document).status_code == 404
    assert "undid write" in text_of(desk.get(undone.headers["location"]))


def test_an_editor_corrects_a_citation_and_the_correction_survives_ingesting_again(desk):
    with sqlite3.connect(desk.db) as connection:
        citation_id, work_id, note, position = connection.execute(
            "select c.id, n.work_id, n.number, c.position from citations c join notes n on n.id = c.note_id "
            "where c.locator is not null order by c.id limit 1"
        ).fetchone()
        note_id = connection.execute("select note_id from citations where id = ?", (citation_id,)).fetchone()[0]
    note_page = desk.get(f"/catalogue/notes/{note_id}", EDITOR.actor).text
    assert f"/-/desk/correct-citation?citation={citation_id}" in note_page
    assert "/-/desk/correct-citation" not in desk.get(f"/catalogue/notes/{note_id}").text  # not for readers
    url = f"/-/desk/correct-citation?citation={citation_id}"
    bad = desk.post(
        url, {"citation": str(citation_id), "kind": "archival", "locator": "f. 7", "antecedent_note": "x"}, EDITOR.actor
    )
    assert bad.status_code == 400 and "the number of the note it points to" in text_of(bad)
    answer = desk.post(
        url, {"citation": str(citation_id), "kind": "archival", "locator": "f. 7", "antecedent_note": ""}, EDITOR.actor
    )
    assert answer.status_code == 302, text_of(answer)[:500]
    assert CliRunner().invoke(cli, ["seed", "--db", str(desk.db)]).exit_code == 0
    with sqlite3.connect(desk.db) as connection:
        locator, kind = connection.execute(
            "select c.locator, c.kind from citations c join notes n on n.id = c.note_id "
            "where n.work_id = ? and n.number = ? and c.position = ?",
            (work_id, note, position),
        ).fetchone()
        made_by = connection.execute(
            "select b.made_by from corrections k join batches b on b.id = k.batch_id"
        ).fetchall()
    assert (locator, kind) == ("f. 7", "archival")
    assert {row[0] for row in made_by} == {"jroe"}
    note_text = text_of(desk.get(f"/-/note/{work_id}/{note}", follow_redirects=True))  # the note read again
    assert "corrected by jroe" in note_text and "→ “f. 7”" in note_text


def test_an_editor_corrects_the_cited_document_and_sets_aside_what_is_no_citation(desk):
    with sqlite3.connect(desk.db) as connection:
        citation_id, note_id, code = connection.execute(
            "select c.id, c.note_id, d.reference_code from citations c join documents d on d.id = c.document_id "
            "where d.repository_id is not null and d.reference_code is not null order by c.id desc limit 1"
        ).fetchone()
        aside_id, aside_note, aside_text = connection.execute(
            "select c.id, c.note_id, c.text from citations c where c.locator is not null and c.id != ? "
            "order by c.id desc limit 1",
            (citation_id,),
        ).fetchone()
    url = f"/-/desk/correct-citation?citation={citation_id}"
    form = desk.get(url, EDITOR.actor).text
    assert f'name="reference_code" value="{code}"' in form  # the document as read, to be corrected
    bad = desk.post(
        url, {"citation": str(citation_id), "archive": "Archives of Atlantis", "date": "31 février 1947"}, EDITOR.actor
    )
    page = bad.text
    assert bad.status_code == 400
    archive_field = page[page.index('id="field-archive"') : page.index('id="field-reference_code"')]
    assert "no archive is called" in archive_field
    assert "Archives of Atlantis" in archive_field  # what was typed is kept
    answer = desk.post(
        url,
        {
            "citation": str(citation_id),
            "archive": "Service historique de la Défense",
            "reference_code": "10 H 4242",
            "title": "<script>alert(1)</script>",
        },
        EDITOR.actor,
    )
    assert answer.status_code == 302, text_of(answer)[:500]
    with sqlite3.connect(desk.db) as connection:
        document_id, acronym = connection.execute(
            "select d.id, r.acronym from citations c join documents d on d.id = c.document_id "
            "join repositories r on r.id = d.repository_id where c.id = ?",
            (citation_id,),
        ).fetchone()
    assert acronym == "SHD"
    document_page = desk.get(f"/catalogue/documents/{document_id}").text
    assert "<script>alert(1)</script>" not in document_page and "&lt;script&gt;alert(1)&lt;/script&gt;" in document_page
    answer = desk.post(
        f"/-/desk/correct-citation?citation={aside_id}",
        {"citation": str(aside_id), "not_a_citation": "not a citation"},
        EDITOR.actor,
    )
    assert answer.status_code == 302 and answer.headers["location"].endswith(f"/catalogue/notes/{aside_note}")
    with sqlite3.connect(desk.db) as connection:
        assert connection.execute("select count(*) from citations where id = ?", (aside_id,)).fetchone()[0] == 0
    note_text = text_of(desk.get(f"/catalogue/notes/{aside_note}"))
    assert "Set aside as not a citation by jroe" in note_text and aside_text[:40] in note_text


def test_a_documents_page_lists_where_it_is_cited_with_a_correct_link_for_editors(desk):
    with sqlite3.connect(desk.db) as connection:
        citation_id, document_id, note_number = connection.execute(
            "select c.id, c.document_id, n.number from citations c join notes n on n.id = c.note_id "
            "where c.document_id is not null order by c.id limit 1"
        ).fetchone()
    page = desk.get(f"/catalogue/documents/{document_id}", EDITOR.actor).text
    assert f"/-/desk/correct-citation?citation={citation_id}" in page
    assert f"note {note_number}</a> of" in page
    assert "/-/desk/correct-citation" not in desk.get(f"/catalogue/documents/{document_id}").text


def test_the_claim_forms_source_picker_reads_the_sites_search_as_json(desk):
    with sqlite3.connect(desk.db) as connection:
        document_id, code = connection.execute(
            "select id, reference_code from documents where reference_code is not null order by id limit 1"
        ).fetchone()
    answer = desk.get(f"/-/search.json?kinds=documents,works&q={code}")
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert set(results) == {"documents", "works"}
    assert document_id in [hit["id"] for hit in results["documents"]]
    assert desk.get("/-/search.json?q=").json()["results"]["documents"] == []


UNRESOLVED = """A Study With A Loose End

Jane Roe

The post was abandoned in 1950.¹

Notes

1 Ibid., p. 12.
"""


def test_the_review_queue_is_worked_and_a_review_mark_outlives_ingesting_again(desk, tmp_path):
    text = tmp_path / "loose.txt"
    text.write_text(UNRESOLVED, encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", "--db", str(desk.db), str(text)]).exit_code == 0
    queue = desk.get("/-/desk/review", EDITOR.actor)
    assert queue.status_code == 200
    item = re.search(r"<li>.*?A Study With A Loose End.*?</li>", queue.text, re.S)
    assert item and "back-reference not resolved" in text_of_html(item.group())
    assert "/-/desk/correct-citation?citation=" in item.group()
    fields = dict(re.findall(r'name="(work_id|note_number|position|problem)" value="([^"]*)"', item.group()))
    marked = desk.post("/-/desk/review", {name: unescape(value) for name, value in fields.items()}, EDITOR.actor)
    assert marked.status_code == 302
    assert "A Study With A Loose End" not in desk.get("/-/desk/review", EDITOR.actor).text
    assert CliRunner().invoke(cli, ["ingest", "--db", str(desk.db), str(text)]).exit_code == 0
    everything = text_of(desk.get("/-/desk/review?all=1", EDITOR.actor))
    assert "A Study With A Loose End" in everything and "reviewed by jroe" in everything
    assert "A Study With A Loose End" not in desk.get("/-/desk/review", EDITOR.actor).text


def test_an_editor_found_a_document_by_search_and_starts_a_claim_from_its_page(desk):
    desk.post(
        "/-/desk/add-document",
        {"repository": "SHD", "reference_code": "10 H 8888", "title": "Rapport du poste de Dong Khe"},
        EDITOR.actor,
    )
    found = desk.get("/-/search?q=10H8888")
    document = re.search(r'href="(/catalogue/documents/(\d+))"', found.text)
    assert document, "the document added at the desk is not found by its code"
    page = desk.get(document.group(1), EDITOR.actor).text
    assert f"/-/desk/add-claim?documents={document.group(2)}:" in page
    assert "/-/desk/add-claim" not in desk.get(document.group(1)).text  # not offered to readers
    form = desk.get(f"/-/desk/add-claim?documents={document.group(2)}:", EDITOR.actor).text
    assert f">{document.group(2)}:</textarea>" in form


def test_no_canned_query_writes():
    from catalogue.site.metadata import canned_queries

    queries = canned_queries()
    assert queries, "no canned queries"
    for name, query in queries.items():
        assert not query.get("write"), f"canned query {name} writes"
        assert re.match(r"\s*(?:--[^\n]*\n\s*)*(?:select|with)\b", query["sql"], re.I), name
