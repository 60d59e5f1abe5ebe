"""What the two seed articles give, parsed and stored."""

from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from catalogue.cli import cli
from catalogue.db import connect
from catalogue.models import Citation, Claim, Document, Note, Repository, Work
from catalogue.parse.pipeline import parse_file
from catalogue.resources import SEED

ARTICLE = SEED / "000_0257dddbb7f8e243.txt"
ESSAY = SEED / "001_5ede62bdbe1478d5.txt"


@pytest.fixture(scope="module")
def article():
    return parse_file(ARTICLE)


@pytest.fixture(scope="module")
def essay():
    return parse_file(ESSAY)


def citations(parsed):
    return [(note.number, c) for note in parsed.notes for c in note.citations]


# The figures below were counted by hand against the notes of seed/000 (the "Notes" section,
# from line 141) and the essay seed/001 (its in-text "(Author)" citations and its four
# "References"); each test says which notes make up its figure.


def test_every_note_is_read_and_cites_something(article):
    # Notes "- 1" to "- 56", one superscript marker (one claim) for each.
    assert [n.number for n in article.notes] == list(range(1, 57))
    assert all(note.citations for note in article.notes)
    assert len(article.article.claims) == 56
    # 56 notes cite one source each, and eleven more: note 3 cites 4 works (Yang Kuisong, Niu Jun,
    # Chen Jian, Zhai Qiang), note 4 cites 4 (King C. Chen, Zhai, Wu Jilin, Calkins), note 5 two
    # letters, note 30 three SHD documents, note 42 two VNA3 reports, note 49 two works (Shen
    # Zhihua, Olsen): 56 + 3 + 3 + 1 + 2 + 1 + 1 = 67.
    assert len(citations(article)) == 67


def test_archival_documents_and_their_repositories(article):
    archival = [c for _, c in citations(article) if c.kind == "archival"]
    distinct = {(c.repository, c.reference_code, c.date, c.title) for c in archival}
    # SHD 8: 10 H 287 cited in notes 21 and 41 (one document), 30 (three), 33, 37, 39, 40;
    # VNA3 4: notes 42 (two), 43, 54; AH 2: notes 1 and 5 (Wu Tiecheng); ANOM 2: CAOM in notes 34
    # and 48; AMAE 1: note 20; KMTPA 1: note 5 (the reply to Wu Tiecheng). 18 in all.
    assert len(distinct) == 18
    assert Counter(r for r, *_ in distinct) == {"SHD": 8, "VNA3": 4, "AH": 2, "ANOM": 2, "AMAE": 1, "KMTPA": 1}
    # Documents known through a work: note 29 (cited in Niu Jun), notes 31 and 44 (printed in
    # collections of the Central and Guangdong Provincial Archives).
    others = [c for _, c in citations(article) if c.kind in ("published_document", "cited_document")]
    assert len(others) == 3 and all(c.via is not None for c in others)


def test_the_same_document_cited_twice_is_one_document(article):
    by_note = {n: c for n, c in citations(article)}
    assert by_note[21].reference_code == by_note[41].reference_code == "10 H 287"
    assert by_note[21].title == by_note[41].title


@pytest.mark.parametrize(
    "notes, antecedent",
    [
        ((8, 10, 22, 27, 32, 35, 46), 7),
        ((12, 13, 15, 16, 17, 18), 11),
        ((9, 23, 24, 25), 4),
        ((36,), 26),
        ((45,), 2),
        ((55,), 51),
    ],
)
def test_short_forms_resolve_to_their_first_full_citation(article, notes, antecedent):
    by_note = dict(citations(article))
    for number in notes:
        assert by_note[number].antecedent_note == antecedent, number
        assert by_note[number].unresolved_reason is None


def test_wu_jilin_article_is_the_antecedent_in_note_4(article):
    note_4 = next(n for n in article.notes if n.number == 4)
    target = note_4.citations[dict(citations(article))[9].antecedent[1]]
    assert target.authors == ["Wu Jilin"] and target.title.startswith("A Little-known History")


def test_page_breaks_are_repaired_in_claims(article):
    claims = {c.note_numbers[0]: c.text for c in article.article.claims}
    assert "Lang Son Province, and signed" in claims[38]
    assert "causing a chaotic situation" in claims[43]


def test_author_date_essay(essay):
    # seed/001 has 22 in-text citations, (Jian) 10, (Asselin) 6, (Lawrence) 3, (Logevall) 3, in
    # 21 sentences: the sentence ending "help form allies and friendly countries." carries two.
    assert len(essay.article.claims) == 21
    cited = citations(essay)
    assert len(cited) == 22
    assert all(c.form == "author_only" and c.unresolved_reason is None for _, c in cited)
    assert {c.title for _, c in cited} == {w.title for w in essay.references}
    assert len(essay.references) == 4  # Asselin, Jian, Lawrence, Logevall under "References"
    assert essay.article.authors == ["Shwetabh Singh"]


def table_counts(url: str) -> dict[str, int]:
    engine = connect(url)
    with engine.connect() as connection:
        counts = {
            m.__tablename__: connection.scalar(select(func.count()).select_from(m))
            for m in (Repository, Document, Work, Note, Citation, Claim)
        }
    engine.dispose()
    return counts


def test_seeding_twice_gives_the_same_rows(db_url):
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", db_url]).exit_code == 0
    first = runner.invoke(cli, ["seed", "--db", db_url])
    assert first.exit_code == 0, first.output
    counts = table_counts(db_url)
    second = runner.invoke(cli, ["seed", "--db", db_url])
    assert second.exit_code == 0, second.output
    assert table_counts(db_url) == counts
    # Notes and claims: seed/000's 56 and seed/001's 22 and 21 (counted above).
    assert counts["notes"] == 56 + 22 and counts["claims"] == 56 + 21
    # The 18 archival documents and the 3 known through works (test_archival_documents_…).
    assert counts["documents"] == 18 + 3
    # Works: the 27 distinct works seed/000's notes cite (Hồ Chí Minh Biên Niên Tiểu Sử, the
    # articles and books of notes 3 and 4, Giáp, the two Zhongguo renmin jiefangjun histories,
    # Guo Mingjin, the two Guangdong geming collections, the Fangchenggang history, Zhang
    # Yisheng, Niu Jun's Lengzhan, the Xianggang fenju collection, Yang Litian, Yueguibian
    # wuzhuang, Shen Zhihua, Olsen, Tréglodé, Văn kiện Đảng, Guo Ming, Wen Zhuang, Zhonggong
    # zhongyang wenjian xuanji), the essay's 4 references, and the two citing works.
    assert counts["works"] == 27 + 4 + 2


def test_seed_needs_an_initialised_database(tmp_path):
    result = CliRunner().invoke(cli, ["seed", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1 and "run 'catalogue init' first" in result.output


def test_volumes_people_and_clean_titles_are_kept(db_url):
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", db_url]).exit_code == 0
    assert runner.invoke(cli, ["seed", "--db", db_url]).exit_code == 0
    engine = connect(db_url)
    with engine.connect() as connection:
        rows = lambda sql: [tuple(r) for r in connection.exec_driver_sql(sql)]  # noqa: E731
        people = rows(
            "select d.title, da.role, a.name from document_agents da join documents d on d.id = da.document_id "
            "join agents a on a.id = da.agent_id order by d.title, da.role"
        )
        volumes = rows(
            "select w.title, c.volume, c.locator from citations c join works w on w.id = c.work_id "
            "where c.volume is not null order by w.title, c.locator"
        )
        titles = [t for (t,) in rows("select title from documents union all select title from works")]
    engine.dispose()
    assert ("Ho Chi Minh’s Reply to Wu Tiecheng", "recipient", "Wu Tiecheng") in people
    assert ("Ho Chi Minh’s Reply to Wu Tiecheng", "sender", "Ho Chi Minh") in people
    assert ("Văn kiện Đảng toàn tập", "10", "tr.38–39") in volumes
    assert ("Hồ Chí Minh Biên Niên Tiểu Sử", "4", "tr.224") in volumes
    assert not [t for t in titles if t and ("\\" in t or "*" in t)]
    assert any(t.startswith("Fang Fang’s Telegram") and "$7,000" in t for t in titles)
    assert "‘We Don’t Want a Munich’: Hanoi’s Diplomatic Strategy, 1965–1968" in titles
