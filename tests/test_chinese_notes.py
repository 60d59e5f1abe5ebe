"""The Chinese stage of the note reader (catalogue/parse/chinese.py), on tiny notes."""

from __future__ import annotations

import pytest

from catalogue.dates import find_dates
from catalogue.parse.chinese import is_chinese_note, segments
from catalogue.parse.model import RawNote
from catalogue.parse.notes import parse_notes
from catalogue.reference.authority import RepositoryIndex, read_authority
from catalogue.resources import AUTHORITY_FILE


@pytest.fixture(scope="module")
def index():
    return RepositoryIndex(read_authority(AUTHORITY_FILE))


def parse(index, *texts: str):
    return parse_notes([RawNote(n, text, n) for n, text in enumerate(texts, 1)], index)


def rebuilt(note) -> bool:
    outside, position = [], 0
    for start, end in sorted(c.span for c in note.citations):
        outside.append(note.text[position:start])
        position = end
    outside.append(note.text[position:])
    return "".join(outside) == note.residue


def test_dates_of_the_republic_and_of_the_common_era():
    found = find_dates("民國三十四年九月十日，民國38年4月，1945年10月3日，民國二十年，1950-01-19")
    assert [d.edtf for d in found] == ["1945-09-10", "1949-04", "1945-10-03", "1931", "1950-01-19"]
    assert [d.precision for d in found] == ["day", "month", "day", "year", "day"]


def test_segments_cut_at_top_level_marks_only():
    text = "甲，《乙；丙》，頁1；丁。戊"
    assert [text[s:e] for s, e in segments(text)] == ["甲，《乙；丙》，頁1", "丁", "戊"]


def test_which_notes_are_chinese():
    assert is_chinese_note("王明，《書》（臺北：某出版社，1990），頁3。")
    assert is_chinese_note("同上, 第5页.")
    assert not is_chinese_note("Chiang to Lu, 民國三十五年二月二十八日, AH, 002-080200-00305-026.")
    assert not is_chinese_note("Smith, A Book (London: Penguin, 1990), p. 3.")


def test_taiwan_book_with_imprint_in_brackets(index):
    [note] = parse(index, "王明，《邊疆史》（臺北：三民書局，1990），頁12-14。")
    [book] = note.citations
    assert (book.kind, book.form, book.authors, book.title) == ("published", "full", ["王明"], "邊疆史")
    assert (book.place, book.publisher, book.year, book.locator) == ("臺北", "三民書局", 1990, "頁12-14")
    assert rebuilt(note)


def test_mainland_book_with_inline_imprint_and_volume(index):
    [note] = parse(index, "李华主编：《文件汇编》第3册，北京：人民出版社，2001年，第45页。")
    [book] = note.citations
    assert (book.editors, book.authors, book.title, book.volume) == (["李华"], [], "文件汇编", "3")
    assert (book.place, book.publisher, book.year, book.locator) == ("北京", "人民出版社", 2001, "第45页")


def test_article_in_a_journal(index):
    [note] = parse(index, "陳文，〈邊界問題〉，《史學集刊》，第2卷第12期（1999年6月），頁5-9。")
    [article] = note.citations
    assert (article.title, article.container_title, article.year) == ("邊界問題", "史學集刊", 1999)
    assert (article.volume, article.issue, article.locator) == ("2", "12", "頁5-9")


def test_archival_document_of_academia_historica(index):
    [note] = parse(index, "〈張甲電李乙〉（民國三十五年一月五日），〈某文物〉，國史館藏，典藏號：001-000001-0001-001。")
    [document] = note.citations
    assert (document.kind, document.title, document.date) == ("archival", "張甲電李乙", "1946-01-05")
    assert (document.repository, document.reference_code) == ("AH", "001-000001-0001-001")
    assert document.file_title == "某文物" and document.genre == "telegram"


def test_bare_title_document_held_by_an_unknown_archive(index):
    [note] = parse(index, "某县人民政府关于修路的报告(1951年3月2日)，某县档案馆藏，全宗号2，案卷号15。")
    [document] = note.citations
    assert (document.kind, document.title, document.date) == ("archival", "某县人民政府关于修路的报告", "1951-03-02")
    assert (document.repository, document.reference_code_cited) == ("某县档案馆", "全宗号2，案卷号15")


def test_two_documents_sharing_archive_and_codes(index):
    [note] = parse(
        index,
        "〈甲電乙〉（民國35年3月2日）；〈乙電甲〉（民國35年3月5日），以上均見〈某文物〉，"
        "國史館藏，典藏號分別為001-1、001-2。",
    )
    first, second = note.citations
    assert (first.repository, first.reference_code_cited, first.file_title) == ("AH", "001-1", "某文物")
    assert (second.repository, second.reference_code_cited) == ("AH", "001-2")


def test_printed_document_and_the_same_document_printed(index):
    [note] = parse(index, "〈甲致乙電〉（1946年2月1日），收入丙編，《史料集》（臺北：某社，1980），頁3-4。")
    [printed] = note.citations
    assert (printed.kind, printed.title, printed.date, printed.locator) == (
        "published_document",
        "甲致乙電",
        "1946-02-01",
        "頁3-4",
    )
    assert (printed.via.title, printed.via.year, printed.via.editors) == ("史料集", 1980, ["丙"])
    [note] = parse(index, "〈甲電乙〉（民國34年9月1日），國史館藏。此電亦收入《史料集》（臺北：某社，1980），頁7。")
    archival, printed = note.citations
    assert archival.kind == "archival" and printed.kind == "published_document"
    assert (printed.date, printed.via.title, printed.locator) == ("1945-09-01", "史料集", "頁7")


def test_document_cited_in_a_book(index):
    [note] = parse(index, "〈甲呈乙報告〉（民國34年11月），轉引自丁一，《某書》，頁21。")
    [cited] = note.citations
    assert (cited.kind, cited.title, cited.date, cited.locator) == ("cited_document", "甲呈乙報告", "1945-11", "頁21")
    assert (cited.via.title, cited.via.authors) == ("某書", ["丁一"])


def test_back_references_resolve(index):
    notes = parse(
        index,
        "王明，《邊疆史》（臺北：三民書局，1990），頁12。",
        "同上，頁15。",
        "王明，前引書，頁20。",
        "參見註1。",
        "同上注。",
    )
    ibid, op_cit, cross, second_ibid = (n.citations[0] for n in notes[1:])
    assert (ibid.form, ibid.antecedent_note, ibid.locator) == ("ibid", 1, "頁15")
    assert (op_cit.form, op_cit.authors, op_cit.antecedent_note, op_cit.locator) == ("op_cit", ["王明"], 1, "頁20")
    assert (cross.kind, cross.cross_reference_note, cross.antecedent_note) == ("cross_reference", 1, 1)
    assert second_ibid.form == "ibid"


def test_circled_cross_reference_and_commentary_left_as_residue(index):
    notes = parse(index, "王明，《邊疆史》（臺北：三民書局，1990）。", "关于此事，参见本文注①。此说可疑。")
    [cross] = notes[1].citations
    assert cross.cross_reference_note == 1
    assert "此说可疑" in notes[1].residue and rebuilt(notes[1])


def test_western_citation_inside_chinese_commentary(index):
    [note] = parse(
        index,
        "早期研究以王明，《邊疆史》（臺北：三民書局，1990）及John Smith, The Border "
        "(London: Penguin, 1985)最具代表性。",
    )
    chinese, western = note.citations
    assert (chinese.authors, chinese.title) == (["王明"], "邊疆史")
    assert (western.authors, western.title, western.year) == (["John Smith"], "The Border", 1985)
    assert note.text[western.span[0] : western.span[1]].startswith("John Smith")
    assert "最具代表性" in note.residue and rebuilt(note)


def test_gbt_analytic_forms(index):
    [note] = parse(index, "甲致乙电(1950年1月2日)[M]//某研究室. 文稿: 第2册. 北京: 某出版社, 2005: 10-11.")
    [printed] = note.citations
    assert (printed.kind, printed.title, printed.date, printed.locator) == (
        "published_document",
        "甲致乙电",
        "1950-01-02",
        "10-11",
    )
    assert (printed.via.title, printed.via.volume, printed.via.year) == ("文稿", "2", 2005)
    [note] = parse(index, "张三. 某论文[J]. 某研究, 2006(2): 60-68. 该文引用了1950年8月13日甲致乙电。")
    article, cited = note.citations
    assert (article.container_title, article.year, article.issue) == ("某研究", 2006, "2")
    assert (cited.kind, cited.date, cited.via.title) == ("cited_document", "1950-08-13", "某论文")


def test_interview_is_archival_without_archive(index):
    [note] = parse(index, "笔者对某先生的访谈，2008年5月12日，南宁。")
    [interview] = note.citations
    assert (interview.kind, interview.date, interview.repository) == ("archival", "2008-05-12", None)


def test_pure_commentary_has_no_citation(index):
    [note] = parse(index, "此一數字出入頗大，本文暫採中方說法，理由詳見正文。")
    assert note.citations == [] and note.residue == note.text
