"""The article reader: seeds read end to end, and small synthetic texts for each rule."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.parse.article import read_article, read_notes
from catalogue.resources import SEED

JOURNAL = SEED / "000_0257dddbb7f8e243.txt"
ESSAY = SEED / "001_5ede62bdbe1478d5.txt"


@pytest.fixture(scope="module")
def journal():
    return read_article(JOURNAL.read_text(encoding="utf-8"), "seed/000")


@pytest.fixture(scope="module")
def essay():
    return read_article(ESSAY.read_text(encoding="utf-8"), "seed/001")


# --- seed 000: a journal article with 56 endnotes -------------------------------------------


def test_journal_head(journal):
    assert journal.style == "notes"
    assert journal.title.startswith("Fighting Side by Side")
    assert not journal.title.startswith("*") and not journal.title.endswith("*")
    assert journal.authors == ["Jiayi Gao"]
    assert journal.date is None


def test_journal_notes(journal):
    assert [note.number for note in journal.notes] == list(range(1, 57))
    assert all(note.text.strip() for note in journal.notes)
    assert journal.notes[0].line == 143
    assert journal.notes[0].text.startswith("After the signing of the Sino-French Convention")


def test_journal_notes_broken_across_pages_are_whole(journal):
    notes = {note.number: note.text for note in journal.notes}
    assert "the Chairman of Vietnamese Revolutionary League Nguyễn Hải Thân" in notes[5]
    assert notes[5].endswith("Academia Historica (Taipei).")
    assert "Revolutionary Forces in Guangxi-Guangdong Border Areas," in notes[38]
    assert "As for the Indochinese problem, Indochina was far away from the Soviet sphere" in notes[49]
    assert notes[49].endswith("pp. 4–5.")
    assert notes[6].startswith("Vô Nguyễn Giáp")  # "- Revolutionary…" did not become a note


def test_journal_claims_one_per_marker(journal):
    assert len(journal.claims) == 56  # one superscript marker in the body for each of the 56 notes
    assert [claim.note_numbers for claim in journal.claims] == [[n] for n in range(1, 57)]
    assert [claim.position for claim in journal.claims] == list(range(1, 57))
    for claim in journal.claims:
        assert claim.text
        assert not any(c in claim.text for c in "¹²³⁴⁵⁶⁷⁸⁹⁰")
        assert journal.body[claim.span[0] : claim.span[1]] == claim.text


def test_journal_claims_rejoined_across_page_breaks(journal):
    claims = {claim.note_numbers[0]: claim for claim in journal.claims}
    assert "in Lang Son Province, and signed a Sino–French joint agreement" in claims[38].text
    assert "causing a chaotic situation" in claims[43].text
    assert claims[1].text.startswith("Joined by the same mountains")
    assert "anti-colonial movement at that time. On 28 February 1946" in claims[1].text
    assert claims[1].text.endswith("caused some Vietnamese retaliation.")
    assert claims[2].text == (
        "The victory of the Chinese people’s liberation movement under the "
        "leadership of the CCP, however, greatly inspired the Vietnamese "
        "revolutionaries’ morale during their anti-French struggle."
    )


def test_journal_footers_are_not_body(journal):
    for footer in (
        "Correspondence should be sent",
        "This article is the interim result",
        "is a Lecturer in the Institute",
    ):
        assert footer not in journal.body
        assert not any(footer in claim.text for claim in journal.claims)
    assert "as well as financial and material support. Second, while" in journal.body


def test_journal_sections(journal):
    claims = {claim.note_numbers[0]: claim for claim in journal.claims}
    assert claims[1].section is None  # the introduction has no heading; the abstract is over
    assert claims[5].section == ("1. The Viet Minh Provides Support for the Training of CCP Troops in Vietnam")
    assert claims[18].section == "2. CCP Members in Vietnam Assist the Viet Minh"
    assert claims[56].section.startswith("4. The Characteristics and Influence")
    assert journal.body.startswith("Abstract\n\nAfter World War II")
    paragraphs = [claim.paragraph for claim in journal.claims]
    assert paragraphs == sorted(paragraphs) and paragraphs[0] > 1


def test_journal_reads_cleanly(journal):
    assert journal.warnings == []


# --- seed 001: an author-date essay -----------------------------------------------------------


def test_essay_head(essay):
    assert essay.style == "author_date"
    assert essay.title == "Sino-Soviet split in Asia"
    assert essay.authors == ["Shwetabh Singh"]
    assert essay.date == "2021-11-08"


def test_essay_in_text_citations(essay):
    # Counted by hand in seed/001: (Jian) 10 times, (Asselin) 6, (Lawrence) 3, (Logevall) 3.
    assert len(essay.notes) == 22
    assert [note.number for note in essay.notes] == list(range(1, 23))
    assert {note.text for note in essay.notes} == {"Jian", "Asselin", "Lawrence", "Logevall"}
    assert all(note.kind == "in_text" for note in essay.notes)
    assert essay.notes[0].line == 18


def test_essay_claims(essay):
    assert len(essay.claims) == 21  # 22 citations in 21 sentences: one sentence carries two
    numbers = [n for claim in essay.claims for n in claim.note_numbers]
    assert numbers == list(range(1, 23))
    double = [claim for claim in essay.claims if len(claim.note_numbers) == 2]
    assert len(double) == 1
    assert double[0].text.endswith("help form allies and friendly countries.")
    for claim in essay.claims:
        assert "(Jian)" not in claim.text and "(Asselin)" not in claim.text
    assert essay.claims[0].text.endswith("eastern Asia under the influence of CCP.")
    assert essay.claims[0].section == "Introduction"
    assert essay.claims[-1].section == "Conclusion"
    assert not any("which was present" in note.text for note in essay.notes)


def test_essay_references(essay):
    assert [ref.line for ref in essay.references] == [52, 54, 56, 58]
    assert essay.references[0].text.startswith("Asselin, Pierre.")
    assert essay.references[-1].text == ("Logevall, Fredrik. Origins of the Vietnam War. Routledge, 2015.")
    assert essay.warnings == []


# --- synthetic texts --------------------------------------------------------------------------

BRACKETS = """\
Ferries on the Lower River

Mai Tran

Introduction

The first ferry across the river opened in 1921.[1] Traffic grew fast; by 1929 three boats
were working.[2] In 1934 the council voted 12 to 3 for a bridge.[3]

Notes

[1] Town council minutes, 4 May 1921.
[2] Harbour register, 1929, p. 3.
[3] Council minutes, 12 June 1934.
"""


def test_bracket_markers():
    article = read_article(BRACKETS, "brackets.txt")
    assert article.title == "Ferries on the Lower River"
    assert article.authors == ["Mai Tran"]
    assert [note.text for note in article.notes] == [
        "Town council minutes, 4 May 1921.",
        "Harbour register, 1929, p. 3.",
        "Council minutes, 12 June 1934.",
    ]
    assert [claim.text for claim in article.claims] == [
        "The first ferry across the river opened in 1921.",
        "Traffic grew fast; by 1929 three boats were working.",
        "In 1934 the council voted 12 to 3 for a bridge.",
    ]
    assert all(claim.section == "Introduction" for claim in article.claims)
    assert article.warnings == []


PLAIN = """\
The convoys left at dawn.1 In 1947 they carried 3.5 tonnes of salt, 20 sacks a truck. They
reached the pass by noon,”2 the driver wrote, and no truck broke down.3 The next year 4 trucks
were lost.

Notes

1. Diary of A. Bell, 3 April 1947.
2. Ibid.
3. Letter of 5 April 1947.
"""


def test_plain_markers_only_when_next_in_sequence():
    article = read_article(PLAIN, "plain.txt")
    assert [claim.note_numbers for claim in article.claims] == [[1], [2], [3]]
    assert article.claims[0].text == "The convoys left at dawn."
    assert article.claims[1].text.startswith("In 1947 they carried 3.5 tonnes")
    assert article.claims[1].text.endswith("They reached the pass by noon,”")
    assert article.claims[2].text == "the driver wrote, and no truck broke down."
    assert article.warnings == []


NOTES_ONLY = """\
12. Archives nationales d'outre-mer, Haut-commissariat,
carton 4, dossier 2.
- 13 Letter of 3 May 1950, in the same carton.
 - 14 Report on the border posts, 1949, broken by a

page break, pp. 4–5.
[15] Memoir of a driver, who recalls that in
1947 the army crossed the river twice.
16 Ibid., p. 9.
19 After a gap.
"""


def test_read_notes_numbering_and_continuations():
    notes = read_notes(NOTES_ONLY, "notes.txt")
    assert [(note.number, note.line) for note in notes] == [(12, 1), (13, 3), (14, 4), (15, 7), (16, 9), (19, 10)]
    texts = {note.number: note.text for note in notes}
    assert texts[12] == "Archives nationales d'outre-mer, Haut-commissariat, carton 4, dossier 2."
    assert texts[14] == "Report on the border posts, 1949, broken by a page break, pp. 4–5."
    assert texts[15] == ("Memoir of a driver, who recalls that in 1947 the army crossed the river twice.")
    assert texts[16] == "Ibid., p. 9."


def test_read_notes_accepts_each_numbering_style():
    for line in ("7 Text.", "7. Text.", "- 7 Text.", " - 7 Text.", "[7] Text.", "7) Text."):
        assert [(n.number, n.text) for n in read_notes(line)] == [(7, "Text.")], line


def test_read_notes_unnumbered_bullet_continues_note():
    notes = read_notes("- 1 A letter from the\n\n- Governor, 1950.\n- 2 Ibid.")
    assert [(n.number, n.text) for n in notes] == [(1, "A letter from the Governor, 1950."), (2, "Ibid.")]


PAGE_BREAK = """\
Bridges

The delegates met in the town hall and argued for a long time about the cost of the
new bridge, which the province would not pay for

alone. They asked the railway company for help.¹ The company sent its engineers to New

York City, and signed an agreement with the town in March.²

Notes

¹ Minutes of the town hall.
² Agreement, 12 March 1931.
"""


def test_page_break_inside_paragraph_is_joined():
    article = read_article(PAGE_BREAK, "break.txt")
    assert [claim.text for claim in article.claims] == [
        "The delegates met in the town hall and argued for a long time about the cost of the new "
        "bridge, which the province would not pay for alone. They asked the railway company for "
        "help.",
        "The company sent its engineers to New York City, and signed an agreement with the town in March.",
    ]
    assert {claim.paragraph for claim in article.claims} == {1}
    assert article.notes[0].number == 1 and article.notes[0].text == "Minutes of the town hall."


FOOTER = """\
Bridges and Ferries

Ana Ruiz

Introduction

The town council paid for the bridge in 1934 after long arguments with the province about

Ana Ruiz is an Associate Professor in the Department of History, University of Nowhere.

* This research was funded by the River Fund (grant 42).

JOURNAL OF RIVER STUDIES 17

who should pay for its upkeep.[1] The bridge opened two years later.[2]

Notes

[1] Council minutes, 1934.
[2] Opening programme, 1936.
"""


def test_footer_inside_paragraph_is_dropped_and_paragraph_rejoined():
    article = read_article(FOOTER, "footer.txt")
    assert article.claims[0].text == (
        "The town council paid for the bridge in 1934 after long "
        "arguments with the province about who should pay for its "
        "upkeep."
    )
    assert "Associate Professor" not in article.body
    assert "River Fund" not in article.body
    assert "JOURNAL OF RIVER STUDIES" not in article.body
    assert article.warnings == []


def test_no_notes_section_warns():
    article = read_article("A Title\n\nSome body text with a year, 1947. And more text.", "x.txt")
    assert article.notes == [] and article.claims == []
    assert any("x.txt: no notes section" in warning for warning in article.warnings)


def test_empty_text():
    article = read_article("", "empty.txt")
    assert article.notes == [] and article.claims == [] and article.body == ""
    assert article.title is None and article.authors == []
    assert any("empty.txt" in warning for warning in article.warnings)
    assert read_notes("") == []


def test_binary_junk():
    junk = bytes(range(256)).decode("latin-1") * 20 + "\x00\xff\xfe¹²[3]\n\nNotes\n\n1 \x00"
    article = read_article(junk, "junk.bin")
    # No note is read ("1" alone after the heading is a page number), so no claim, and the
    # reader says why instead of failing.
    assert article.warnings == ["junk.bin: no notes section and no reference list"]
    assert article.notes == [] and article.claims == []
    assert read_notes(junk, "junk.bin") == []


MISMATCH = """\
The army crossed the river in March.[1] It camped on the far bank.[3]

Notes

[1] Order of the day, 3 March.
[2] A note that nothing in the body points to.
"""


def test_marker_without_note_and_note_without_marker_warn():
    article = read_article(MISMATCH, "mismatch.txt")
    assert [claim.note_numbers for claim in article.claims] == [[1]]
    assert [note.number for note in article.notes] == [1, 2]
    assert "mismatch.txt: marker 3 in paragraph 1 has no note" in article.warnings
    assert "mismatch.txt: note 2 has no marker in the body" in article.warnings


AUTHOR_DATE = """\
River Crossings Revisited

Lan Pham

Published 8 November 2021

The ferry opened in 1921 (Smith 1994, 45). Ferries were common then (Korea and Vietnam had
many). Traffic grew (see Jones 2001)(Smith 1994). Bridges came later (Smith; Jones).

References

Smith, Ann. Rivers and Towns. River Press, 1994.
Jones, Bo. Bridges. Town Press, 2001.
--
Lan Pham
"""


def test_author_date_text():
    article = read_article(AUTHOR_DATE, "ad.txt")
    assert article.style == "author_date"
    assert article.title == "River Crossings Revisited"
    assert article.authors == ["Lan Pham"]
    assert article.date == "2021-11-08"
    assert [(note.number, note.text, note.kind) for note in article.notes] == [
        (1, "Smith 1994, 45", "in_text"),
        (2, "see Jones 2001", "in_text"),
        (3, "Smith 1994", "in_text"),
        (4, "Smith; Jones", "in_text"),
    ]
    assert [(claim.text, claim.note_numbers) for claim in article.claims] == [
        ("The ferry opened in 1921.", [1]),
        ("Traffic grew.", [2, 3]),
        ("Bridges came later.", [4]),
    ]
    assert [ref.line for ref in article.references] == [12, 13]


def test_notes_without_heading_at_the_end():
    text = "Body text.¹ More text.² Last.³\n\n1 First note.\n2 Second note.\n3 Third note.\n"
    article = read_article(text, "nohead.txt")
    assert [claim.note_numbers for claim in article.claims] == [[1], [2], [3]]
    assert any("no notes heading" in warning for warning in article.warnings)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_readers_never_raise(text):
    article = read_article(text, "fuzz")
    assert not any("could not read" in warning for warning in article.warnings)
    assert_read_consistently(article, read_notes(text, "fuzz"), text)
    for claim in article.claims:
        assert 0 <= claim.span[0] <= claim.span[1] <= len(article.body)


def assert_read_consistently(article, notes, text: str) -> None:
    """What any text gives: claims rest only on notes read, and each note read from a notes-only
    text starts on a line of that text, in the order of the text, on one line of its own."""
    read = {note.number for note in article.notes}
    assert all(set(claim.note_numbers) <= read for claim in article.claims)
    lines = [note.line for note in notes]
    assert lines == sorted(lines)
    assert all(1 <= line <= len(text.splitlines()) for line in lines)
    assert all(note.number >= 0 and "\n" not in note.text for note in notes)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "Notes",
                "References",
                "1 Note.",
                "- 2 Note",
                "[3] x",
                "Text.¹",
                "the end.²",
                "Smith, A. Book.",
                "(Smith 1990)",
                "Ann Lee",
                "--",
                "* Funding.",
                "¹²³",
                "1947 the army",
            ]
        ),
        max_size=30,
    )
)
def test_readers_never_raise_on_article_like_text(lines):
    text = "\n".join(lines)
    article = read_article(text, "fuzz")
    assert not any("could not read" in warning for warning in article.warnings)
    assert_read_consistently(article, read_notes(text, "fuzz"), text)


def test_markdown_footnotes_are_notes_and_markers():
    text = (
        "# Cao Bang\n\nJane Doe\n\nIn March 1950 the war turned.\n\n"
        "The army lost Cao Bang in October 1950.[^cb] It was a rout.[^2]\n\n"
        "[^cb]: SHD, 10 H 287, 12 October 1950.\n[^2]: Ibid.\n"
    )
    article = read_article(text, "short.md")
    assert article.date is None  # a sentence with a date is body, not the date line
    assert [(n.number, n.text, n.line) for n in article.notes] == [
        (1, "SHD, 10 H 287, 12 October 1950.", 9),
        (2, "Ibid.", 10),
    ]
    assert [(c.text, c.note_numbers) for c in article.claims] == [
        ("The army lost Cao Bang in October 1950.", [1]),
        ("It was a rout.", [2]),
    ]


@pytest.mark.parametrize(
    "line, number, rest",
    [
        ("註1　蔣永敬，《胡志明在中國》", 1, "蔣永敬，《胡志明在中國》"),
        ("註12 同上。", 12, "同上。"),
        ("①中华人民共和国中央人民政府[N].", 1, "中华人民共和国中央人民政府[N]."),
        ("㉑同上。", 21, "同上。"),
        ("㊿ 同上书，第12页。", 50, "同上书，第12页。"),
    ],
)
def test_chinese_note_numbers(line, number, rest):
    notes = read_notes(line)
    assert [(n.number, n.text) for n in notes] == [(number, rest)]


def test_a_word_broken_at_the_end_of_a_line_is_mended():
    notes = read_notes(
        "1. David L. Ander-\nson, Trapped by Success (New York: Columbia, 1991), 27; a post-\nwar view.\n2. Ibid."
    )
    assert notes[0].text == "David L. Anderson, Trapped by Success (New York: Columbia, 1991), 27; a postwar view."


def test_notes_run_together_on_one_line_are_parted():
    notes = read_notes(
        "1 Karnow, Vietnam, 401. 2 Ibid., 402.\n3 Sheehan, Bright Shining Lie, 381 in 1963. 4 Fall.\n5 Ibid."
    )
    assert [(n.number, n.text) for n in notes] == [
        (1, "Karnow, Vietnam, 401."),
        (2, "Ibid., 402."),
        (3, "Sheehan, Bright Shining Lie, 381 in 1963."),
        (4, "Fall."),
        (5, "Ibid."),
    ]


def test_read_notes_drops_the_running_heads_of_a_books_notes_pages():
    text = (
        "12. Vo Nguyen Giap, Dien Bien Phu (Hanoi: Quan Doi Nhan Dan, 2000), 131–35; see\n343\n"
        "NOTES TO PAGES 214–219\nQiang Zhai, China and the Vietnam Wars, 45–49.\n13. Ibid., 12.\n342 NOTES\n"
    )
    assert [n.text for n in read_notes(text)] == [
        "Vo Nguyen Giap, Dien Bien Phu (Hanoi: Quan Doi Nhan Dan, 2000), 131–35; see Qiang Zhai, China and the "
        "Vietnam Wars, 45–49.",
        "Ibid., 12.",
    ]
