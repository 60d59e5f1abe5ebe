"""The Datasette site on the seeded catalogue, through Datasette's own test client."""

from __future__ import annotations

import asyncio
import re
from html import unescape

import pytest
from click.testing import CliRunner

from catalogue import derive
from catalogue.cli import cli
from catalogue.models import Base
from catalogue.site import make_datasette
from catalogue.site.metadata import build_metadata, canned_queries

# A citing work beside the seed, written for these tests: Vietnamese and Chinese to find.
BORDER_STUDY = """A Border Study

Jane Roe

In 1948 the liaison of Ho Chi Minh (胡志明同志) with the Đông Dương committee was renewed.¹

Notes

1 “Báo cáo về Đông Dương,” (5.4.1948), PTT, ML 2, 60, VNA 3.
"""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    path = folder / "any-name.db"
    (folder / "border.txt").write_text(BORDER_STUDY, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["seed", "--db", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["ingest", "--db", str(path), str(folder / "border.txt")]).exit_code == 0
    return path


@pytest.fixture(scope="module")
def get(seeded):
    datasette = make_datasette(seeded)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())

    def fetch(path: str):
        return loop.run_until_complete(datasette.client.get(path))

    yield fetch
    loop.close()


def text_of(response) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", response.text))


def row_id(get, sql: str) -> int:
    rows = get(f"/catalogue.json?sql={sql}&_shape=array").json()
    return list(rows[0].values())[0]


def test_every_table_view_and_column_is_described():
    tables = build_metadata()["databases"]["catalogue"]["tables"]
    for table in Base.metadata.sorted_tables:
        assert tables[table.name]["description"], table.name
        missing = [c.name for c in table.columns if not tables[table.name]["columns"].get(c.name)]
        assert missing == [], table.name
    for view in derive.VIEWS:
        assert tables[view.name]["description"] and all(tables[view.name]["columns"].values())


def test_the_database_is_served_as_catalogue_whatever_its_file(get):
    assert get("/catalogue").status_code == 200
    assert get("/any-name").status_code == 404


@pytest.mark.parametrize(
    "page",
    [
        "/",
        "/catalogue",
        "/catalogue/claims",
        "/catalogue/documents",
        "/catalogue/repositories",
        "/catalogue/works",
        "/catalogue/notes",
        "/catalogue/citations",
        "/catalogue/record_sets",
    ]
    + [f"/catalogue/{view.name}" for view in derive.VIEWS],
)
def test_tables_and_views_are_served(get, page):
    assert get(page).status_code == 200


def test_home_page_offers_search_and_the_questions(get):
    response = get("/")
    assert 'action="/-/search"' in response.text
    page = text_of(response)
    for query in canned_queries().values():
        assert query["title"] in page


def test_claim_page_for_note_21_names_shd_and_its_code(get):
    claim = row_id(
        get,
        "select claim_id from claim_notes cn join notes n on n.id = cn.note_id "
        "where n.number = 21 and n.work_id = (select min(work_id) from notes)",
    )
    page = text_of(get(f"/catalogue/claims/{claim}"))
    assert "Note 21" in page and "SHD" in page and "10 H 287" in page
    assert "Service historique de la Défense" in page and "series 10 H" in page


def test_document_page_shows_its_archive_and_every_claim(get):
    document = row_id(
        get, "select id from documents where reference_code = '10 H 287' and title like 'Note de Haut Commissariat%'"
    )
    page = text_of(get(f"/catalogue/documents/{document}"))
    assert "Held by" in page and "SHD" in page
    assert "Claims it supports (2)" in page  # notes 21 and 41 cite it


def test_repository_page_shows_names_place_fonds_and_claims(get):
    repository = row_id(get, "select id from repositories where acronym = 'VNA3'")
    page = text_of(get(f"/catalogue/repositories/{repository}"))
    assert "Trung tâm Lưu trữ Quốc gia III" in page
    assert "claims rest on documents held here" in page
    assert "fonds PTT" in page and "Where" in page


def test_data_is_escaped_not_rendered_as_html(get, seeded):
    import sqlite3

    from catalogue.derive.functions import register_functions

    with sqlite3.connect(seeded) as connection:
        register_functions(connection)
        connection.execute("update claims set text = '<script>alert(1)</script>' where id = 1")
    response = get("/catalogue/claims/1")
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


@pytest.mark.parametrize(
    "query, found",
    [
        ("Lang Son", "Lạng Sơn"),
        ("lang son", "Lạng Sơn"),
        ("Lạng Sơn", "Lạng Sơn"),
        ("dong duong", "Đông Dương"),
        ("Đông Dương", "Đông Dương"),
        ("胡志明", "胡志明同志"),
        ("ML 2", "PTT"),
    ],
)
def test_search_is_accent_insensitive_and_finds_cjk_substrings(get, query, found):
    page = text_of(get(f"/-/search?q={query}"))
    assert re.search(r"[1-9]\d* results? for", page), query
    assert found in page


def test_search_for_nothing_known_finds_nothing(get):
    assert "0 results for" in text_of(get("/-/search?q=zzqxj"))


def test_search_finds_the_vietnamese_archive_by_its_folded_name(get):
    page = text_of(get("/-/search?q=bao cao tinh hinh"))
    assert "Báo cáo" in page


def test_table_search_box_uses_the_index(get):
    page = text_of(get("/catalogue/claims?_search=Lang+Son"))
    assert "Lạng Sơn" in page or "Lang Son" in page


@pytest.mark.parametrize("name", list(canned_queries()))
def test_every_canned_query_answers(get, name):
    params = {
        "evidence_chain_of_claim": "claim_id=21",
        "claims_by_repository": "repository=SHD",
        "claims_by_fonds": "fonds=PTT",
        "claims_by_reference_code": "reference_code=10+H+287",
        "timeline": "from_date=1948&to_date=1949",
        "what_a_note_cites": "work=gao&note=21",
    }.get(name, "")
    response = get(f"/catalogue/{name}.json?_shape=array&{params}")
    assert response.status_code == 200, response.text
    if name not in (
        "claims_on_a_single_intelligence_report",
        "claims_only_through_cited_in",
        "review_queue",
        "corroborated_claims",
    ):
        assert response.json(), name


def test_claims_by_repository_finds_vna3(get):
    rows = get("/catalogue/claims_by_repository.json?_shape=array&repository=VNA3").json()
    assert {row["repository"] for row in rows} == {"VNA3"} and len(rows) >= 3


def test_table_pages_do_not_count_every_row(get):
    page = get("/catalogue/claims.json")
    assert page.json().get("filtered_table_rows_count") is None


def test_map_of_the_repositories(get):
    page = get("/catalogue/repositories")
    assert "datasette-cluster-map" in page.text
