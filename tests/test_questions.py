"""A historian's first questions, answered by the site: corroboration by archives, search by
any name, forgiving parameters, pages that lead on, a review queue that means it."""

from __future__ import annotations

import asyncio
import re
from html import unescape
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from catalogue.cli import cli
from catalogue.site import make_datasette

# Written for these tests: one claim on archives of two countries, one on books of two
# countries, one on an archive and a journal of unknown country, one on one archive alone.
TWO_ARCHIVES = """Two Archives on One Raid

Jane Roe

French and Vietnamese reports agree on the Cao Bằng raid.¹ Two books say the border was quiet.²
The depot at Lạng Sơn burned in April.³ The French post reported it alone.⁴

Notes

1 “Renseignement sur Cao Bang,” (12 mars 1948), 10 H 287, SHD; “Báo cáo về Cao Bằng,” (5.4.1948), PTT, ML 2, 60, VNA 3.
2 Nguyễn Văn An, Lịch sử biên giới (Hà Nội: Nhà xuất bản Quân đội nhân dân, 1990), tr. 12;
Jean Dupont, La frontière du Tonkin (Paris: Fayard, 1985), p. 40.
3 “Note sur Lang Son,” (3 avril 1948), 10 H 288, SHD; Pierre Martin, “Le dépôt,” Revue des confins 4 (1990): 12–20.
4 “Rapport du poste de That Khe,” (1 mai 1948), 10 H 289, SHD.
"""

LOOSE_ENDS = """A Study With Loose Ends

John Doe

The first claim leans on nothing before it.¹ The second one on a lost title.²

Notes

1 Ibid., p. 4.
2 Smith, Lost Book, 12.
"""


def build(folder, *texts: str):
    path = folder / "catalogue.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", str(path)]).exit_code == 0
    files = []
    for index, text in enumerate(texts):
        files.append(folder / f"text{index}.txt")
        files[-1].write_text(text, encoding="utf-8")
    if files:
        result = runner.invoke(cli, ["ingest", "--db", str(path), *map(str, files)])
        assert result.exit_code == 0, result.output
    return path


def client(path):
    datasette = make_datasette(path)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())
    return lambda url: loop.run_until_complete(datasette.client.get(url)), loop


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("seeded"))
    assert CliRunner().invoke(cli, ["seed", "--db", str(path)]).exit_code == 0
    get, loop = client(path)
    yield get
    loop.close()


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    get, loop = client(build(tmp_path_factory.mktemp("fixtures"), TWO_ARCHIVES, LOOSE_ENDS))
    yield get
    loop.close()


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


def rows(get, query: str, **params) -> list[dict]:
    arguments = "&".join(f"{name}={quote(str(value))}" for name, value in params.items())
    response = get(f"/catalogue/{query}.json?_shape=array&{arguments}")
    assert response.status_code == 200, response.text
    return response.json()


def one(get, sql: str):
    return list(get(f"/catalogue.json?sql={quote(sql)}&_shape=array").json()[0].values())[0]


def claim_of(get, work_title: str, note: int) -> int:
    return one(
        get,
        f"select cn.claim_id from claim_notes cn join notes n on n.id = cn.note_id "
        f"join works w on w.id = n.work_id where w.title = '{work_title}' and n.number = {note}",
    )


# ── Corroboration ────────────────────────────────────────────────────────────


def test_archives_of_two_countries_corroborate_a_claim(fixtures):
    found = rows(fixtures, "corroborated_claims")
    assert [row["claim_id"] for row in found] == [claim_of(fixtures, "Two Archives on One Raid", 1)]
    assert set(found[0]["archives"].split(",")) == {"SHD", "VNA3"}
    assert set(found[0]["archive_countries"].split(",")) == {"FR", "VN"}


def test_books_of_two_countries_do_not_corroborate(fixtures):
    claim = claim_of(fixtures, "Two Archives on One Raid", 2)
    assert claim not in [row["claim_id"] for row in rows(fixtures, "corroborated_claims")]
    page = text_of(fixtures(f"/catalogue/claims/{claim}"))
    assert "Not corroborated across borders" in page
    assert "Also supported by literature: 2 published works, published in" in page
    assert "Vietnam" in page and "France" in page


def test_corroborated_claim_page_names_its_archives_and_countries(fixtures):
    page = text_of(fixtures(f"/catalogue/claims/{claim_of(fixtures, 'Two Archives on One Raid', 1)}"))
    assert "Corroborated across borders: archival documents held in 2 countries" in page
    assert "SHD (France (FR))" in page and "VNA3 (Vietnam (VN))" in page


def test_a_source_of_unknown_country_is_not_one_country_only(fixtures):
    single = [row["claim_id"] for row in rows(fixtures, "single_country_claims")]
    assert claim_of(fixtures, "Two Archives on One Raid", 4) in single  # SHD alone
    assert claim_of(fixtures, "Two Archives on One Raid", 3) not in single  # SHD and a journal of unknown country
    support = rows(fixtures, "corroboration", claim_id=claim_of(fixtures, "Two Archives on One Raid", 3))
    assert support[0]["published_unknown_country"] == 1


def test_on_the_seed_no_claim_is_corroborated_and_the_page_says_so(seeded):
    assert rows(seeded, "corroborated_claims") == []
    page = text_of(seeded("/catalogue/corroborated_claims"))
    assert "No claim in the catalogue is supported by archival documents held in more than one country" in page


# ── Search ───────────────────────────────────────────────────────────────────


def search(get, query: str) -> str:
    response = get(f"/-/search?q={quote(query)}")
    assert response.status_code == 200
    return response.text


def section(html: str, kind: str) -> str:
    match = re.search(rf'<section class="search-results search-{kind}".*?</section>', html, re.S)
    return text_of(type("R", (), {"text": match.group(0)})) if match else ""


@pytest.mark.parametrize("query", ["SHD", "shd", "Service historique de la défense", "SHAT"])
def test_search_finds_an_archive_and_its_documents_by_any_name(seeded, query):
    html = search(seeded, query)
    assert "Service historique de la Défense (SHD)" in section(html, "repositories")
    assert "held by SHD" in section(html, "documents")


@pytest.mark.parametrize("query", ["10H287", "10 h 287", "10 H / 287"])
def test_search_finds_a_reference_code_however_it_is_spaced(seeded, query):
    html = search(seeded, query)
    assert "10 H / 287" in section(html, "record_sets")
    # SHD's 10 H 287 holds 8 documents of seed/000: notes 21 and 41 (one), 30 (three), 33, 37, 39, 40.
    assert section(html, "documents").count("10 H 287") == 8


@pytest.mark.parametrize("query, found", [("長征", "Truong Chinh (長征)"), ("南寧", "Nanning (南寧)")])
def test_search_finds_two_character_cjk_terms(seeded, query, found):
    claims = section(search(seeded, query), "claims")
    assert found in claims and "note 45" in claims


def test_search_finds_one_cjk_character(seeded):
    assert "Nanning (南寧)" in section(search(seeded, "寧"), "claims")


def test_search_finds_vietnamese_without_accents(seeded):
    documents = section(search(seeded, "bao cao tong ket"), "documents")
    assert "Báo cáo tổng kết năm 1949" in documents and "held by VNA3" in documents


def test_search_results_say_what_and_where_they_are(seeded):
    html = search(seeded, "Lang Son")
    claims = section(html, "claims")
    assert "Fighting Side by Side" in claims and re.search(r"notes? \d+", claims)
    assert re.search(r'href="/catalogue/claims/\d+"', html) and re.search(r'href="/catalogue/notes/\d+"', html)
    assert "Jiayi Gao" in section(html, "notes")


def test_search_names_a_note_by_its_work_and_number(seeded):
    html = search(seeded, "Gao note 42")
    found = section(html, "note_references")
    assert found.startswith("Notes by number (1)") and "Note 42:" in found and "PTT, ML 2, 52" in found


# ── Forgiving parameters ─────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "name",
    [
        "VNA3",
        "vna3",
        "VNA 3",
        "vna 3",
        "Trung tâm lưu trữ quốc gia III",
        "trung tam luu tru quoc gia iii",
        "national archives centre no 3",
        "TTLTQG III",
    ],
)
def test_claims_by_archive_accept_any_name_in_any_case(seeded, name):
    found = rows(seeded, "claims_by_repository", repository=name)
    # A row a claim and document: note 42 cites two VNA3 files, notes 43 and 54 one each (seed/000).
    assert len(found) == 4 and {row["repository"] for row in found} == {"VNA3"}


def test_claims_by_archive_accept_a_former_name(seeded):
    assert {row["repository"] for row in rows(seeded, "claims_by_repository", repository="caom")} == {"ANOM"}


@pytest.mark.parametrize("code", ["10 H / 287", "10H287", "10 h 287", "10h/287"])
def test_claims_by_fonds_accept_the_code_however_written(seeded, code):
    assert len(rows(seeded, "claims_by_fonds", fonds=code)) == len(rows(seeded, "claims_by_fonds", fonds="10 H"))
    assert {row["file"] for row in rows(seeded, "claims_by_fonds", fonds=code)} == {"10 H / 287"}


def test_claims_by_fonds_take_in_what_the_fonds_holds(seeded):
    files = {row["file"] for row in rows(seeded, "claims_by_fonds", fonds="ptt")}
    # seed/000: notes 42 and 43 cite ML 2, 52; note 42 also ML2, 159; note 54 ML 2, 15.
    assert files == {"PTT / ML2 / 52", "PTT / ML2 / 159", "PTT / ML2 / 15"}


@pytest.mark.parametrize("code", ["10H287", "10 h 287", "10 H 287"])
def test_claims_by_reference_code_normalise_the_code(seeded, code):
    found = rows(seeded, "claims_by_reference_code", reference_code=code)
    # A row a claim and document in 10 H 287: notes 21, 33, 37, 39, 40, 41 one each, note 30 three.
    assert len(found) == 9 and {row["reference_code"] for row in found} == {"10 H 287"}


def test_timeline_by_year_means_the_whole_year(seeded):
    found = rows(seeded, "timeline", from_date="1948", to_date="1948")
    assert found and all(row["date_edtf"].startswith("1948") for row in found)
    everything = rows(seeded, "timeline", from_date="", to_date="")
    assert len(found) == sum(row["date_edtf"].startswith("1948") for row in everything)


@pytest.mark.parametrize(
    "start, end, prefix",
    [
        ("1948-09", "1948-09", "1948-09"),
        ("septembre 1948", "sept. 1948", "1948-09"),
        ("1948-09-23", "1948-09-23", "1948-09-23"),
    ],
)
def test_timeline_by_month_and_day(seeded, start, end, prefix):
    found = rows(seeded, "timeline", from_date=start, to_date=end)
    assert found and all(row["date_edtf"].startswith(prefix) for row in found)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the SQL function's error
def test_timeline_refuses_a_date_it_cannot_read(seeded):
    response = seeded("/catalogue/timeline?from_date=soon&to_date=1948")
    assert response.status_code == 400
    assert "A parameter could not be read" in text_of(response)


def test_every_parameter_says_what_it_accepts(seeded):
    from catalogue.site.metadata import canned_queries

    for name, query in canned_queries().items():
        parameters = set(re.findall(r"(?<!:):(\w+)", query["sql"]))
        assert parameters == set(query.get("hints", {})), name
        assert query.get("when_empty"), name


# ── No dead ends ─────────────────────────────────────────────────────────────


def test_ids_in_canned_query_results_are_links(seeded):
    html = seeded("/catalogue/claims_by_repository?repository=vna3").text
    assert re.search(r'<td class="col-claim_id"><a href="/catalogue/claims/\d+">\d+</a></td>', html)
    assert re.search(r'<td class="col-document_id"><a href="/catalogue/documents/\d+">\d+</a></td>', html)


def test_ids_in_views_are_links(seeded):
    html = seeded("/catalogue/evidence_chain?claim_id=21").text
    assert re.search(r'<a href="/catalogue/documents/\d+">\d+</a>', html)


def test_views_open_on_the_columns_a_reader_needs(seeded):
    html = seeded("/catalogue/evidence_chain").text
    shown = re.findall(r'<th [^>]*data-column="([^"]+)"', html)
    assert shown[:3] == ["claim_id", "citing_work", "note_number"] and len(shown) <= 14
    assert len(seeded("/catalogue/evidence_chain.json?_shape=objects").json()["rows"][0]) > 20  # the API keeps all


@pytest.mark.parametrize(
    "page",
    [
        "/catalogue/documents?_size=5",
        "/catalogue/documents?_size=5&_sort=language",
        "/catalogue/works?_size=5",
        "/catalogue/notes?_size=5&_sort_desc=number",
        "/catalogue/evidence_chain?_size=5&_sort=document_date",
    ],
)
def test_pages_of_a_table_opened_on_its_default_columns_follow_on(seeded, page):
    first = seeded(page)
    assert first.status_code == 200
    following = re.search(r'href="([^"]*_next=[^"]*)"', first.text)
    assert following, page
    second = seeded(re.sub(r"^https?://[^/]+", "", unescape(following.group(1))))
    assert second.status_code == 200
    assert re.search(r'<table class="rows-and-columns">.*?<td ', second.text, re.S), (
        page
    )  # more rows, not an empty page


def test_record_set_page_tells_its_archive_tree_documents_and_claims(seeded):
    record_set = one(seeded, "select id from record_sets where path = '10 H / 287'")
    page = text_of(seeded(f"/catalogue/record_sets/{record_set}"))
    assert "Held by SHD — Service historique de la Défense" in page
    assert "series 10 H › file 287" in page
    # Its 8 documents (see the search test above) support the claims of notes 21, 30, 33, 37, 39, 40, 41.
    assert "Documents (8)" in page and "Claims resting on it (7)" in page


def test_fonds_page_takes_in_what_it_holds(seeded):
    fonds = one(seeded, "select id from record_sets where path = 'PTT'")
    page = text_of(seeded(f"/catalogue/record_sets/{fonds}"))
    # PTT holds 4 documents cited in seed/000: two in note 42, one each in notes 43 and 54.
    assert "What it holds" in page and "series ML2" in page and "Documents (4)" in page


def test_citing_work_page_lists_its_notes_and_claims(seeded):
    work = one(seeded, "select work_id from notes group by work_id order by count(*) desc limit 1")
    html = seeded(f"/catalogue/works/{work}").text
    page = text_of(seeded(f"/catalogue/works/{work}"))
    assert "Its notes (56) and the claims they support" in page and "Jiayi Gao" in page
    assert len(re.findall(r'href="/catalogue/notes/\d+"', html)) == 56
    story = html[html.index('<article class="story') : html.index("All fields of this row")]
    assert "work_key" not in story and "Fighting Side by Side" in story


def test_cited_work_page_lists_the_claims_citing_it(seeded):
    work = one(seeded, "select id from works where title like 'Hồ Chí Minh Biên Niên%'")
    page = text_of(seeded(f"/catalogue/works/{work}"))
    assert "Claims that cite it (2)" in page and "note 2, tr.224" in page  # notes 2 and 45 of seed/000


def test_note_page_shows_text_claim_and_citations(seeded):
    note = one(
        seeded,
        "select n.id from notes n join works w on w.id = n.work_id "
        "where w.title like 'Fighting Side%' and n.number = 42",
    )
    page = text_of(seeded(f"/catalogue/notes/{note}"))
    assert "Note 42" in page and "The claim it supports" in page and "What it cites (2)" in page
    assert "PTT, ML 2, 52" in page and "VNA3" in page


def test_a_note_has_a_stable_address_by_work_and_number(seeded):
    work = one(seeded, "select id from works where title like 'Fighting Side%'")
    response = seeded(f"/-/note/{work}/42")
    assert response.status_code == 302
    page = text_of(seeded(response.headers["location"]))
    assert "Note 42" in page and "PTT, ML 2, 52" in page  # note 42's page, with what it cites
    assert seeded(f"/-/note/{work}/999").status_code == 404


def test_claim_page_links_each_note_to_its_page(seeded):
    title = (
        "Fighting Side by Side: Cross-Border Military Exchanges and Cooperation Between the Chinese "
        "Communist Party and the Viet Minh, 1945–1949"
    )
    html = seeded(f"/catalogue/claims/{claim_of(seeded, title, 21)}").text
    assert re.search(r'<a href="/catalogue/notes/\d+">Note 21</a>', html)


# ── The review queue ─────────────────────────────────────────────────────────


def test_review_queue_is_empty_on_the_well_read_seed(seeded):
    assert rows(seeded, "to_review") == []
    assert rows(seeded, "review_queue") == []  # the view under it, with its facets
    assert "Nothing to review" in text_of(seeded("/catalogue/to_review"))


def test_review_queue_gives_a_reason_for_what_was_not_resolved(fixtures):
    problems = {row["note_number"]: row["problem"] for row in rows(fixtures, "to_review")}
    assert problems == {
        1: "back-reference not resolved: ibid. in the first note",
        2: "back-reference not resolved: no earlier full citation of this title",
    }


# ── The code keys behind forgiving codes ────────────────────────────────────


def test_the_migration_computes_the_keys_of_rows_already_there(tmp_path):
    """A catalogue seeded before the keys existed gets them when it is migrated."""
    from sqlalchemy import text as sql

    from catalogue.commands import migrate
    from catalogue.db import connect
    from catalogue.parse.refcodes import code_key

    path = build(tmp_path, TWO_ARCHIVES)
    engine = connect(str(path))
    with engine.begin() as connection:
        migrate.downgrade(connection, "f48cab09e896")
        migrate.upgrade(connection)
        documents = connection.execute(sql("select reference_code_normalised, reference_code_key from documents")).all()
        record_sets = connection.execute(sql("select path, path_key from record_sets")).all()
    engine.dispose()
    assert len(documents) == 4 and all(key == code_key(code) for code, key in documents)
    assert ("10 H / 287", "10h287") in record_sets and all(key == code_key(p) for p, key in record_sets)
