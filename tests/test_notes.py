"""The note parser on notes written for these tests, in the styles historians use."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.parse.model import RawNote
from catalogue.parse.notes import parse_note, parse_notes
from catalogue.reference.authority import RepositoryIndex, read_authority
from catalogue.resources import AUTHORITY_FILE


@pytest.fixture(scope="module")
def index():
    return RepositoryIndex(read_authority(AUTHORITY_FILE))


def parse(index, *texts: str):
    return parse_notes([RawNote(n, text, n) for n, text in enumerate(texts, 1)], index)


def only(note):
    [citation] = note.citations
    return citation


def rebuilt(note) -> bool:
    spans = sorted(c.span for c in note.citations)
    outside, position = [], 0
    for start, end in spans:
        outside.append(note.text[position:start])
        position = end
    outside.append(note.text[position:])
    return "".join(outside) == note.residue and sum(e - s for s, e in spans) + len(note.residue) == len(note.text)


def test_archival_document_with_code_and_repository(index):
    [note] = parse(index, "“Rapport sur la situation au Tonkin,” (12 mai 1948), 10 H 600, SHD.")
    citation = only(note)
    assert (citation.kind, citation.form, citation.repository) == ("archival", "full", "SHD")
    assert (citation.title, citation.date, citation.reference_code) == (
        "Rapport sur la situation au Tonkin",
        "1948-05-12",
        "10 H 600",
    )
    assert note.residue == "." and rebuilt(note)


def test_repository_named_first_french_style(index):
    [note] = parse(index, "ANOM, HCI 117, « Note sur le ravitaillement des postes » (avril 1950), f. 3.")
    citation = only(note)
    assert (citation.repository, citation.reference_code, citation.date) == ("ANOM", "HCI 117", "1950-04")
    assert citation.locator == "f. 3"


def test_vietnamese_file_and_repository_by_its_vietnamese_name(index):
    [note] = parse(
        index,
        "“Báo cáo tình hình tháng 3” (2.4.1950) in “Hồ sơ báo cáo năm 1950,” "
        "PTT, ML 3, 77, Trung tâm Lưu trữ Quốc gia III.",
    )
    citation = only(note)
    assert (citation.repository, citation.reference_code, citation.date) == ("VNA3", "PTT, ML3, 77", "1950-04-02")
    assert citation.file_title == "Hồ sơ báo cáo năm 1950"


def test_unknown_archive_is_kept_by_name(index):
    [note] = parse(index, "“Minutes of the provincial committee,” 4 May 1951, 44-2-19, Lào Cai Provincial Archives.")
    citation = only(note)
    assert (citation.kind, citation.repository, citation.repository_known) == (
        "archival",
        "Lào Cai Provincial Archives",
        False,
    )
    assert citation.reference_code == "44-2-19"


def test_book_with_translated_title_and_imprint(index):
    [note] = parse(
        index,
        "Hoàng Minh Thảo, *Chiến dịch Biên giới* (The Border Campaign) (Hà Nội: Quân đội nhân dân, 1998), tr. 45–47.",
    )
    citation = only(note)
    assert (citation.kind, citation.form) == ("published", "full")
    assert citation.authors == ["Hoàng Minh Thảo"]
    assert (citation.title, citation.title_translated) == ("Chiến dịch Biên giới", "The Border Campaign")
    assert (citation.place, citation.publisher, citation.year, citation.locator) == (
        "Hà Nội",
        "Quân đội nhân dân",
        1998,
        "tr. 45–47",
    )


def test_journal_article_with_volume_and_page(index):
    [note] = parse(index, "Anna Kerr, “Frontier Trade in 1950,” *Asian Survey* 31:112–30 (1991).")
    citation = only(note)
    assert (citation.title, citation.container_title, citation.volume, citation.locator, citation.year) == (
        "Frontier Trade in 1950",
        "Asian Survey",
        "31",
        "112–30",
        1991,
    )


def test_document_in_a_printed_collection(index):
    [note] = parse(
        index,
        "“Zhou Enlai to Liu Shaoqi,” 3 May 1950, *Zhou Enlai wenji* (Collected Works of "
        "Zhou Enlai) (Beijing: Renmin chubanshe, 1993), p. 88.",
    )
    citation = only(note)
    assert (citation.kind, citation.date, citation.locator) == ("published_document", "1950-05-03", "p. 88")
    assert citation.via.title == "Zhou Enlai wenji" and citation.via.year == 1993


def test_document_known_only_through_another_work(index):
    [note] = parse(
        index, "“Directive on border work,” March 1949, cited in Li Wen, *Bianjiang* (Kunming: Yunnan daxue, 2004), 31."
    )
    citation = only(note)
    assert (citation.kind, citation.date) == ("cited_document", "1949-03")
    assert citation.via.authors == ["Li Wen"] and citation.via.locator == "31"


def test_commentary_stays_residue_and_see_also_parts_citations(index):
    [note] = parse(
        index,
        "The figures are disputed. See Marc Olivier, *Les frontières* (Paris: PUF, 1988), "
        "p. 4; see also Peter Hall, *Border Wars* (London: Verso, 1990), 77.",
    )
    assert [c.title for c in note.citations] == ["Les frontières", "Border Wars"]
    assert note.residue.startswith("The figures are disputed. See ")
    assert rebuilt(note)


def test_pure_commentary_has_no_citation(index):
    [note] = parse(index, "The date of this meeting is uncertain; the two sides later gave different accounts.")
    assert note.citations == [] and note.residue == note.text


def test_short_forms_resolve_to_their_first_full_citation(index):
    notes = parse(
        index,
        "Marc Olivier, *Les frontières du Tonkin* (Paris: PUF, 1988), p. 4.",
        "Peter Hall, “Border Wars,” *Past and Present* 12 (1990): 70–90.",
        "Olivier, *Les frontières*, p. 9.",
        "Ibid., p. 11.",
        "Hall, op. cit., 75.",
        "Voir note 2 supra.",
    )
    assert [only(n).antecedent_note for n in notes[2:]] == [1, 1, 2, 2]
    assert [only(n).form for n in notes[2:]] == ["short", "ibid", "op_cit", "short"]
    assert only(notes[3]).locator == "p. 11"
    assert only(notes[5]).kind == "cross_reference"


def test_back_references_are_never_guessed(index):
    notes = parse(
        index,
        "Marc Olivier, *Les frontières* (Paris: PUF, 1988), p. 4; Peter Hall, *Border Wars* (London: Verso, 1990), 77.",
        "Ibid., p. 5.",
        "Nguyen, *Unknown Book*, p. 3.",
        "See n. 40 above.",
    )
    assert only(notes[1]).antecedent_note is None
    assert "previous note cites 2 sources" in only(notes[1]).unresolved_reason
    assert only(notes[2]).unresolved_reason == "no earlier full citation of this title"
    assert only(notes[3]).unresolved_reason == "note 40 does not exist"


def test_an_overlong_note_is_kept_verbatim(index):
    text = "Ibid. " + "x" * 30_000
    note = parse_note(RawNote(1, text, 1), index)
    assert note.citations == [] and note.residue == text and note.messages


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_parses_and_rebuilds(text):
    note = parse_note(RawNote(1, text, 1), None)
    assert (note.number, note.text) == (1, text) and rebuilt(note)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                "*",
                "(",
                ")",
                "[",
                "]",
                ";",
                ". ",
                ", ",
                " and ",
                "Ibid.",
                "op. cit.",
                "See ",
                "p. 12",
                "24 juin 1947",
                "SHD",
                "10 H 287",
                "VNA 3",
                "Zhai",
                "*China*",
                "“Note,”",
                "cited in ",
                " in ",
            ]
        ),
        max_size=30,
    )
)
def test_citation_like_noise_parses_and_rebuilds(pieces):
    text = "".join(pieces)
    [note] = parse_notes([RawNote(1, text, 1), RawNote(2, "Ibid.", 2)][:1], None)
    assert (note.number, note.text) == (1, text) and rebuilt(note)


def test_letters_and_telegrams_name_their_sender_and_recipient(index):
    notes = parse(
        index,
        "Telegram no. 412, Abbott to Acheson, 10 May 1950, NARA, RG 59, box 3365.",
        "Zhou Enlai to Hoang Van Hoan, 3 May 1950, in *Zhou Enlai wenji* (Beijing: Renmin, 1993), 88.",
    )
    assert [(only(n).sender, only(n).recipient) for n in notes] == [
        ("Abbott", "Acheson"),
        ("Zhou Enlai", "Hoang Van Hoan"),
    ]


def test_a_note_the_reader_fails_on_is_reported_and_the_others_still_read(monkeypatch):
    from catalogue.parse import notes as notes_module
    from catalogue.parse.model import RawNote

    real = notes_module.parse_note

    def failing(raw, repositories=None):
        if raw.number == 2:
            raise ValueError("a bug")
        return real(raw, repositories)

    monkeypatch.setattr(notes_module, "parse_note", failing)
    raws = [RawNote(n, f"Jean Dupont, La frontière (Paris: Fayard, 1985), p. {n}.", n) for n in (1, 2, 3)]
    parsed = notes_module.parse_notes(raws)
    assert [len(note.citations) for note in parsed] == [1, 0, 1]
    assert parsed[1].messages == ["note 2: the reader failed on it (ValueError: a bug); kept verbatim, unread"]
    assert parsed[1].residue == parsed[1].text


def test_chinese_gbt7714_references_and_tongshang_ibid():
    from catalogue.parse.model import RawNote
    from catalogue.parse.notes import parse_notes

    parsed = parse_notes(
        [
            RawNote(1, "王振华. 中越关系史稿(1945—1954)[M]. 北京: 人民出版社, 1994: 12.", 1),
            RawNote(2, "同上, 第15页.", 2),
            RawNote(
                3,
                "A more critical assessment is 李明远. 中国军事顾问团与边界战役[J]. "
                "当代中国史研究, 2006, 13(4): 55-63.",
                3,
            ),
        ]
    )
    [book], [ibid], [article] = (note.citations for note in parsed)
    assert (book.kind, book.form, book.authors, book.title, book.place, book.publisher, book.year, book.locator) == (
        "published",
        "full",
        ["王振华"],
        "中越关系史稿(1945—1954)",
        "北京",
        "人民出版社",
        1994,
        "12",
    )
    assert (ibid.form, ibid.antecedent_note) == ("ibid", 1)
    assert (article.container_title, article.year, article.volume, article.issue, article.locator) == (
        "当代中国史研究",
        2006,
        "13",
        "4",
        "55-63",
    )
    assert parsed[2].residue.startswith("A more critical assessment is ")


@pytest.mark.parametrize(
    "text, date",
    [
        (
            "Oral history interview with Edwin W. Rexford, by Richard D. McKinzie, July 9, 1974, 31–33, "
            "Truman Library.",
            "1974-07-09",
        ),
        ("Author interview with Lucien Marchetti, Perpignan, October 3, 1996.", "1996-10-03"),
        ("Author's interview with a retired official, Hà Nội, 14 March 2008.", "2008-03-14"),
    ],
)
def test_an_interview_is_an_unpublished_source(text, date):
    from catalogue.parse.model import RawNote
    from catalogue.parse.notes import parse_notes

    [note] = parse_notes([RawNote(1, text, 1)])
    assert [(c.kind, c.form) for c in note.citations] == [("archival", "full")]
    assert note.citations[0].date == date


def test_a_document_then_its_printed_text_is_two_citations(index):
    [note] = parse(
        index,
        "Memorandum of conversation, 4 July 1949, RGASPI, f. 17, op. 1, d. 12, ll. 3–5; "
        "English translation in *Cold War International History Project Bulletin*, no. 6 (1995): 5–7.",
    )
    archival, printed = note.citations
    assert (archival.kind, archival.repository, archival.locator) == ("archival", "RGASPI", "ll. 3–5")
    assert (printed.kind, printed.via.title, printed.locator) == (
        "published_document",
        "Cold War International History Project Bulletin",
        "5–7",
    )
    assert rebuilt(note)


def test_two_books_without_italics_joined_by_and(index):
    [note] = parse(
        index,
        "See Jane Roe, A Border War (Ithaca: Cornell University Press, 2001), 4–9, "
        "and Lê Văn Nam, Frontier Histories (Hà Nội: Thế Giới, 2010), 12.",
    )
    assert [(c.title, c.year, c.locator) for c in note.citations] == [
        ("A Border War", 2001, "4–9"),
        ("Frontier Histories", 2010, "12"),
    ]


def test_a_letter_cited_in_a_book_without_italics(index):
    [note] = parse(index, "Mao's cable to Peng of 3 May 1951, cited in Roe, A Border War, 55.")
    [cited] = note.citations
    assert (cited.kind, cited.date, cited.via.title, cited.locator) == (
        "cited_document",
        "1951-05-03",
        "A Border War",
        "55",
    )


def test_an_edition_named_without_italics_is_no_author(index):
    [note] = parse(
        index, "The instruction of 2 February is printed in Foreign Relations, 1952–1954, vol. XIII, pp. 1011–1012."
    )
    [printed] = note.citations
    assert (printed.kind, printed.via.title, printed.via.authors, printed.via.volume, printed.locator) == (
        "published_document",
        "Foreign Relations, 1952–1954",
        [],
        "XIII",
        "pp. 1011–1012",
    )


def test_an_editions_ibid_for_another_file_and_a_footnote_cross_reference(index):
    first, second = parse(
        index,
        "RG 59, Central Decimal File, 751G.00/3–1254, NARA.",
        "Telegram 3351 from Paris, March 21, is ibid., 751G.00/3–2154. See footnote 1 above.",
    )
    ibid, cross = second.citations
    assert (ibid.form, ibid.reference_code_cited, ibid.antecedent) == ("ibid", "751G.00/3–2154", (1, 0, False))
    assert (cross.kind, cross.cross_reference_note) == ("cross_reference", 1)


def test_french_small_capitals_authors_and_imprints(index):
    [note] = parse(
        index,
        "Sur ce point, voir Hugues MARTIN, La Piastre. Le coût de la guerre, Paris, Seuil, "
        "coll. « Points », 2002, p. 87-112, et, pour l'autre versant, Lê VĂN, Les Frontières, "
        "Lyon, Presses de l'ENS, 2011.",
    )
    assert [(c.authors, c.title, c.place, c.publisher, c.year) for c in note.citations] == [
        (["Hugues MARTIN"], "La Piastre. Le coût de la guerre", "Paris", "Seuil", 2002),
        (["Lê VĂN"], "Les Frontières", "Lyon", "Presses de l'ENS", 2011),
    ]
    assert note.citations[0].locator == "p. 87-112"
    assert rebuilt(note)


def test_vietnamese_printed_documents_newspapers_and_sdd(index):
    notes = parse(
        index,
        "Võ Nguyên Giáp, Chiến đấu trong vòng vây, Nxb. Quân đội nhân dân, H., 1995, tr. 112.",
        "Chỉ thị về kháng chiến, ngày 25-11-1945, trong: Đảng Cộng sản Việt Nam, Văn kiện Đảng toàn tập, "
        "t. 8, Nxb. Chính trị quốc gia, H., 2000, tr. 26-27.",
        '"Toàn dân thi đua", báo Cứu quốc, số 1712, ngày 12-3-1951.',
        "Võ Nguyên Giáp, Chiến đấu trong vòng vây, Sđd, tr. 130.",
        "TTLTQG III, Phông Phủ Thủ tướng, hồ sơ số 1487, tờ 12.",
        "TTLTQG III, Phông Phủ Thủ tướng, hồ sơ số 1487, Tlđd, tờ 16.",
    )
    printed, newspaper, sdd, tlld = (only(n) for n in notes[1:3] + notes[3:4] + notes[5:6])
    assert (printed.kind, printed.date, printed.via.title, printed.via.volume, printed.locator) == (
        "published_document",
        "1945-11-25",
        "Văn kiện Đảng toàn tập",
        "8",
        "tr. 26-27",
    )
    assert (newspaper.kind, newspaper.container_title, newspaper.date) == ("published", "Cứu quốc", "1951-03-12")
    assert (sdd.kind, sdd.antecedent_note, sdd.locator) == ("published", 1, "tr. 130")
    assert (tlld.kind, tlld.repository, tlld.antecedent_note, tlld.locator) == ("archival", "VNA3", 5, "tờ 16")


def test_trade_book_notes_open_with_the_words_they_support(index):
    first, second, third = parse(
        index,
        "“Giap will not risk it”: author interview with Jacques Ferrand, Toulon, September 14, 1993.",
        "“steel in the hills”: Jane Roe, A Border War (Ithaca: Cornell University Press, 2001), 131–35.",
        "“the Americans would come”: Ferrand interview.",
    )
    assert (only(first).kind, only(first).date) == ("archival", "1993-09-14")
    assert (only(second).title, only(second).authors) == ("A Border War", ["Jane Roe"])
    assert (only(third).form, only(third).antecedent_note) == ("short", 1)
    assert all(rebuilt(note) for note in (first, second, third))


def test_german_footnotes(index):
    notes = parse(
        index,
        "Hermann Wentker, Außenpolitik in engen Grenzen. Die DDR im internationalen System 1949–1989, "
        "München: Oldenbourg, 2007, S. 112 f.",
        "Ebd., S. 49.",
        "Botschaft Saigon an AA, Drahtbericht Nr. 87 vom 12.3.1960, PA AA, B 37, Bd. 189, Bl. 4–9.",
        "Wentker, a.a.O., S. 120.",
        "Vgl. Anm. 3.",
    )
    book, ebd, telegram, aao, cross = (only(n) for n in notes)
    assert (book.authors, book.title, book.place, book.publisher, book.year, book.locator) == (
        ["Hermann Wentker"],
        "Außenpolitik in engen Grenzen. Die DDR im internationalen System 1949–1989",
        "München",
        "Oldenbourg",
        2007,
        "S. 112 f.",
    )
    assert (ebd.form, ebd.antecedent_note, ebd.locator) == ("ibid", 1, "S. 49")
    assert (telegram.repository, telegram.date, telegram.reference_code_cited, telegram.locator) == (
        "PA AA",
        "1960-03-12",
        "B 37, Bd. 189",
        "Bl. 4–9",
    )
    assert (aao.form, aao.antecedent_note) == ("op_cit", 1)
    assert (cross.kind, cross.cross_reference_note) == ("cross_reference", 3)


def test_a_works_own_abbreviation_for_an_archive(index):
    first, second = parse(
        index,
        "Van Mook to Logemann, 20 July 1946, Bundesarchiv Koblenz (hereafter BK), B 136/3456.",
        "Memorandum, 4 July 1961, BK, B 136/3457, Bl. 23.",
    )
    assert (only(first).repository, only(second).repository) == ("BArch", "BArch")
    assert only(second).reference_code_cited == "B 136/3457"


def test_a_document_with_an_edition_straight_after_its_date(index):
    [note] = parse(
        index,
        "Lodge to Rusk, 29 August 1963, Foreign Relations of the United States, 1961–1963, vol. 4, "
        "Vietnam, August–December 1963 (Washington, DC: Government Printing Office, 1991), 20–22.",
    )
    printed = only(note)
    assert (printed.kind, printed.date, printed.sender, printed.via.title, printed.locator) == (
        "published_document",
        "1963-08-29",
        "Lodge",
        "Foreign Relations of the United States, 1961–1963",
        "20–22",
    )


def test_commentary_about_a_person_is_no_citation(index):
    [note] = parse(
        index,
        "Interview with Trần Thị Hoa, Hồ Chí Minh City, 12 March 2009. Mrs. Hoa, born in Gia Định "
        "in 1933, sold cloth at Bến Thành market from 1951 until 1975.",
    )
    assert (only(note).kind, only(note).date) == ("archival", "2009-03-12")


def test_a_german_ordinal_date_does_not_end_a_sentence(index):
    [note] = parse(
        index,
        "Aufzeichnung vom 14.2.1966, in: AAPD 1966, Bd. I: 1. Januar bis 30. Juni 1966, "
        "München: Oldenbourg, 1997, Dok. 45, S. 198–203.",
    )
    printed = only(note)
    assert (printed.kind, printed.title, printed.via.title) == ("published_document", "Aufzeichnung", "AAPD 1966")


def test_text_that_looks_like_a_citation_left_unread_is_reported(index):
    from catalogue.parse.notes import unplaced_text

    assert unplaced_text(
        "as the author argues at length, best read alongside Jane Roe, A Border War "
        "(Ithaca: Cornell University Press, 2001), 45",
        index,
    ).endswith("2001)")
    assert unplaced_text("The SHD, 10 H 287 cartons were opened in 1995.", index).startswith("SHD, 10 H 287")
    assert unplaced_text("On this see the chapter above; the figures of 1950 differ.", index) is None


def test_commentary_that_leads_to_the_author_of_a_quoted_title(index):
    [note] = parse(
        index,
        "On the term ‘bersiap’ and its uses in Dutch memory, see Robert Cribb, ‘The brief genocide’, "
        "in Empire, colony, genocide, ed. A. Dirk Moses (New York: Berghahn, 2008), pp. 424–39; "
        "the decision-making is reconstructed in Kiyoko Kurusu Nitz, ‘Japanese Military Policy’, "
        "Journal of Southeast Asian Studies, vol. 14, no. 2 (1983), pp. 328–53.",
    )
    assert [(c.authors, c.title) for c in note.citations] == [
        (["Robert Cribb"], "The brief genocide"),
        (["Kiyoko Kurusu Nitz"], "Japanese Military Policy"),
    ]


def test_an_editor_and_an_edition_after_an_institution(index):
    first, second = parse(
        index,
        "Hagerty diary, June 23, 1954, in Robert H. Ferrell, ed., The Diary of James C. Hagerty "
        "(Bloomington: Indiana University Press, 1983), 68.",
        "Acheson to the Embassy in France, March 9, 1950, in U.S. Department of State, Foreign "
        "Relations of the United States, 1950, vol. 6 (Washington, DC: GPO, 1976), 749–51.",
    )
    assert (only(first).via.title, only(first).via.editors, only(first).via.authors) == (
        "The Diary of James C. Hagerty",
        ["Robert H. Ferrell"],
        [],
    )
    assert (only(second).via.title, only(second).via.volume) == ("Foreign Relations of the United States, 1950", "6")


def test_french_folios_ordinals_and_printed_texts(index):
    archival, printed, debate = parse(
        index,
        "shd, gr 10 H 148, cefeo, 2e bureau, « Synthèse mensuelle », 4 juin 1949, f° 12.",
        "Le texte de la convention du 6 mars 1946 est reproduit dans Philippe Devillers, Paris-Saigon-Hanoi. "
        "Les archives de la guerre 1944-1947, Paris, Gallimard, 1988, p. 152-154.",
        "JORF, Débats parlementaires, Assemblée nationale, séance du 27 octobre 1953, p. 4612.",
    )
    assert (only(archival).reference_code_cited, only(archival).locator) == ("gr 10 H 148", "f° 12")
    assert (only(printed).kind, only(printed).date, only(printed).via.title, only(printed).locator) == (
        "published_document",
        "1946-03-06",
        "Paris-Saigon-Hanoi. Les archives de la guerre 1944-1947",
        "p. 152-154",
    )
    assert (only(debate).date, only(debate).form, only(debate).authors) == ("1953-10-27", "full", [])


def test_an_editions_references_to_its_own_documents_and_a_holding_without_numbers(index):
    papers, document, french = parse(
        index,
        "Source: Eisenhower Library, Dulles Papers, Telephone Conversations. Secret.",
        "Document 146.",
        "Voir ci-dessus le document n° 212.",
    )
    assert (only(papers).kind, only(papers).repository, only(papers).authors, only(papers).reference_code_cited) == (
        "archival",
        "DDEL",
        [],
        "Dulles Papers, Telephone Conversations",
    )
    for note in (document, french):
        assert (only(note).kind, only(note).form, only(note).unresolved_reason) == (
            "unknown",
            "short",
            "another document of the edition the note belongs to",
        )


def test_plain_titles_lose_their_translation_and_volume(index):
    first, second = parse(
        index,
        "Stein Tønnesson, Vietnam 1946: How the War Began [Việt Nam 1946: Chiến tranh bắt đầu "
        "như thế nào] (Berkeley: University of California Press, 2010), tr. 45.",
        "Về diễn biến chung, có thể xem: Viện Lịch sử quân sự Việt Nam, Lịch sử cuộc kháng chiến, "
        "t. II, Nxb. Chính trị quốc gia, H., 1996, tr. 31-58.",
    )
    assert (only(first).title, only(first).title_translated, only(first).place) == (
        "Vietnam 1946: How the War Began",
        "Việt Nam 1946: Chiến tranh bắt đầu như thế nào",
        "Berkeley",
    )
    assert (only(second).authors, only(second).title, only(second).volume, only(second).year) == (
        ["Viện Lịch sử quân sự Việt Nam"],
        "Lịch sử cuộc kháng chiến",
        "II",
        1996,
    )


def test_short_forms_named_in_passing_are_found_by_the_works_own_titles(index):
    first, second, third = parse(
        index,
        "Martin Windrow, The Last Valley (London: Weidenfeld, 2004), 12.",
        "Bernard Fall, Hell in a Very Small Place (Philadelphia: Lippincott, 1966), 40.",
        "The totals follow Windrow, Last Valley, 424–26, who reconciles the returns; Fall's "
        "figures (Hell, 161) are lower, and Smith, Other Book, 12, is no source cited here.",
    )
    assert [(c.title, c.locator, c.antecedent_note) for c in third.citations] == [
        ("Last Valley", "424–26", 1),
        ("Hell", "161", 2),
    ]
    assert rebuilt(third)


def test_abbreviated_names_and_a_colon_before_the_author(index):
    first, second = parse(
        index,
        "Two syntheses remain indispensable: George McT. Kahin, Nationalism and Revolution "
        "in Indonesia (Ithaca: Cornell University Press, 1952), pp. 134–8.",
        "G. Kahin, op. cit., p. 140.",
    )
    assert (only(first).authors, only(first).title) == (
        ["George McT. Kahin"],
        "Nationalism and Revolution in Indonesia",
    )
    assert (only(second).kind, only(second).antecedent_note) == ("published", 1)


def test_a_newspaper_article_by_its_headline_paper_day_and_page(index):
    [note] = parse(index, "“Chợ Bến Thành sau vụ hỏa hoạn,” Saigon Mới, 7 January 1950, 2.")
    article = only(note)
    assert (article.kind, article.title, article.container_title, article.date, article.locator) == (
        "published",
        "Chợ Bến Thành sau vụ hỏa hoạn",
        "Saigon Mới",
        "1950-01-07",
        "2",
    )


def test_two_french_books_joined_by_et_a_pinpoint_and_joint_authors_again(index):
    first, second = parse(
        index,
        "Philippe Devillers et Jean Lacouture, La Fin d’une guerre, Paris, Seuil, 1960, "
        "p. 49-56, et Jean Lacouture, Pierre Mendès France, Paris, Seuil, 1981, p. 231-240 ; "
        "Jean Martin, « Une note », Revue historique, n° 4, 1990, p. 301-318, ici p. 307.",
        "Devillers et Lacouture, loc. cit.",
    )
    assert [(c.title, c.locator) for c in first.citations] == [
        ("La Fin d’une guerre", "p. 49-56"),
        ("Pierre Mendès France", "p. 231-240"),
        ("Une note", "p. 307"),
    ]
    assert (only(second).authors, only(second).antecedent_note) == (["Devillers", "Lacouture"], 1)


def test_a_document_cited_in_a_work_given_by_op_cit(index):
    [note] = parse(
        index,
        "Message du colonel de Castries au général Cogny, 14 mars 1954, cité dans Cadeau, "
        "Diên Biên Phu, op. cit., p. 112.",
    )
    cited = only(note)
    assert (cited.kind, cited.date, cited.locator, cited.via.form, cited.via.title) == (
        "cited_document",
        "1954-03-14",
        "p. 112",
        "op_cit",
        "Diên Biên Phu",
    )


def test_op_cit_after_an_author_and_a_short_title_with_its_subtitle(index):
    notes = parse(
        index,
        "Jacques DALLOZ, La Guerre d'Indochine, 1945-1954, Paris, Seuil, 1987 ; Christopher E. GOSCHA, "
        "Vietnam. Un État né de la guerre, 1945-1954, Paris, Armand Colin, 2011.",
        "Dalloz, La Guerre d'Indochine, op. cit., p. 212.",
        "Goscha, Vietnam. Un État né de la guerre, op. cit., p. 214, qui cite une directive du Comité "
        "central en date du 12 septembre 1950.",
    )
    assert [(c.authors, c.title, c.antecedent_note) for c in notes[1].citations] == [
        (["Dalloz"], "La Guerre d'Indochine", 1)
    ]
    work, directive = notes[2].citations
    assert (work.title, work.antecedent_note, work.locator) == ("Vietnam. Un État né de la guerre", 1, "p. 214")
    assert (directive.kind, directive.date, directive.title, directive.via) == (
        "cited_document",
        "1950-09-12",
        "une directive du Comité central",
        work,
    )


def test_a_french_reference_code_ends_where_the_document_named_after_it_begins(index):
    [note] = parse(
        index, "AMAE, Asie-Océanie 1944-1955, Indochine, vol. 212, télégramme n° 1502 de Pignon, 2 avril 1949, f° 88."
    )
    archival = only(note)
    assert (archival.repository, archival.reference_code_cited, archival.date, archival.locator) == (
        "AMAE",
        "Asie-Océanie 1944-1955, Indochine, vol. 212",
        "1949-04-02",
        "f° 88",
    )


def test_a_newspaper_issue_and_a_signed_newspaper_article(index):
    [note] = parse(
        index,
        "Le Monde, 22 juillet 1954 ; Robert GUILLAIN, « Diên Biên Phu, ou la fin d'une illusion », "
        "Le Monde, 9 mai 1954, p. 1 et 3.",
    )
    issue, article = note.citations
    assert (issue.kind, issue.container_title, issue.date) == ("published", "Le Monde", "1954-07-22")
    assert (article.authors, article.title, article.container_title, article.date, article.locator) == (
        ["Robert GUILLAIN"],
        "Diên Biên Phu, ou la fin d'une illusion",
        "Le Monde",
        "1954-05-09",
        "p. 1 et 3",
    )


def test_a_journal_title_with_a_subtitle_after_a_full_stop_stays_whole(index):
    [note] = parse(
        index,
        "Claire MOUTIER, « Le Haut-Commissariat et la bataille de la piastre, 1950-1953 », "
        "Outre-mers. Revue d'histoire, t. 96, n° 362-363, 2009, p. 141-162, ici p. 150.",
    )
    article = only(note)
    assert (article.container_title, article.volume, article.year, article.locator) == (
        "Outre-mers. Revue d'histoire",
        "96",
        2009,
        "p. 150",
    )


def test_an_archive_named_as_the_publisher_of_a_printed_collection_does_not_hold_it(index):
    [note] = parse(
        index,
        "Instruction du général Leclerc au général Valluy, 2 mars 1946, reproduite dans Gilbert "
        "Bodinier (éd.), *Le retour de la France en Indochine*, Vincennes, SHAT, 1987, p. 250–253.",
    )
    document = only(note)
    assert (document.kind, document.via.kind, document.via.place, document.via.publisher, document.via.year) == (
        "published_document",
        "published",
        "Vincennes",
        "SHAT",
        1987,
    )


def test_a_letter_citee_dans_a_book_and_a_book_with_its_first_edition_in_brackets(index):
    [note] = parse(
        index,
        "Lettre de Hô Chi Minh à Marius Moutet, 15 septembre 1946, citée dans Alain RUSCIO, La Guerre "
        "française d'Indochine, Bruxelles, Complexe, 1992, p. 88 ; Jean SAINTENY, Histoire d'une paix "
        "manquée, Paris, Fayard, 1967 (1re éd. Amiot-Dumont, 1953), p. 214-219.",
    )
    letter, book = note.citations
    assert (letter.kind, letter.via.publisher, letter.locator) == ("cited_document", "Complexe", "p. 88")
    assert (book.place, book.publisher, book.year, book.locator) == ("Paris", "Fayard", 1967, "p. 214-219")


def test_cross_references_after_commentary_and_before_et(index):
    notes = parse(
        index,
        "Jean MARTIN, Une note, Paris, Seuil, 1990.",
        "Ibid.",
        "Le contrôle ne fut jamais appliqué ; voir supra note 1 et, sur l'affaire elle-même, Jacques "
        "DESPUECH, Le Trafic des piastres, Paris, Éditions des Deux-Rives, 1953.",
        "Le parallèle y est explicite, le commissaire redoutant un « nouvel engrenage » : voir supra, note 2.",
    )
    assert [(c.kind, c.antecedent_note, c.title) for c in notes[2].citations] == [
        ("cross_reference", 1, None),
        ("published", None, "Le Trafic des piastres"),
    ]
    assert [(c.kind, c.antecedent_note) for c in notes[3].citations] == [("cross_reference", 2)]


def test_a_document_said_to_be_in_a_file_takes_the_code_after_the_archive(index):
    [note] = parse(
        index, "Telegram 3335 from Paris, March 20, is in Department of State, Central Files, 751G.00/3–2054."
    )
    assert (only(note).repository, only(note).reference_code_cited, only(note).title) == (
        "NARA",
        "751G.00/3–2054",
        "Telegram 3335 from Paris, March 20",
    )


def test_a_german_archival_citation_code_ends_where_the_description_begins(index):
    [note] = parse(
        index,
        "Politisches Archiv des Auswärtigen Amts, Berlin (im Folgenden: PA AA), B 37, Bd. 112, "
        "Bl. 4–9: Aufzeichnung des Referats 710 vom 14.2.1955 betr. Südvietnam.",
    )
    archival = only(note)
    assert (archival.repository, archival.reference_code_cited, archival.locator, archival.date) == (
        "PA AA",
        "B 37, Bd. 112",
        "Bl. 4–9",
        "1955-02-14",
    )


def test_a_body_compiling_the_work_in_romanised_lower_case_opens_the_citation(index):
    [note] = parse(
        index,
        "Zhonggong zhongyang wenxian yanjiushi, ed., *Zhou Enlai nianpu, 1949–1976* [A chronicle "
        "of Zhou Enlai’s life] (Beijing: Zhongyang wenxian chubanshe, 1997), 1:358–59.",
    )
    citation = only(note)
    assert (citation.kind, citation.title, citation.publisher, citation.volume, citation.locator) == (
        "published",
        "Zhou Enlai nianpu, 1949–1976",
        "Zhongyang wenxian chubanshe",
        "1",
        "358–59",
    )


def test_an_article_after_a_colon_of_commentary_is_read_with_its_paper_and_day(index):
    [note] = parse(
        index, "The press greeted the return warmly: “Bao Dai Back in Saigon,” *New York Times*, 14 June 1949, 12."
    )
    citation = only(note)
    assert (citation.title, citation.container_title, citation.date, citation.locator, citation.volume) == (
        "Bao Dai Back in Saigon",
        "New York Times",
        "1949-06-14",
        "12",
        None,
    )
    assert note.residue == "The press greeted the return warmly: ."


def test_a_journal_named_without_italics_keeps_its_volume_before_the_issue(index):
    [note] = parse(
        index, 'Nguyen Thi Lan, "Rent Reduction, 1949-1953," Journal of Vietnamese Studies 11, no. 2 (2016): 1-38.'
    )
    citation = only(note)
    assert (citation.container_title, citation.volume, citation.issue, citation.locator) == (
        "Journal of Vietnamese Studies",
        "11",
        "2",
        "1-38",
    )


def test_an_archive_that_wrote_a_published_guide_is_its_author_not_its_holder(index):
    [note] = parse(
        index,
        "Trung tam Luu tru Quoc gia I, Muc luc ho so Toa Thong su Bac Ky (Ha Noi: Cuc Van thu "
        "va Luu tru Nha nuoc, 2004), 33.",
    )
    citation = only(note)
    assert (citation.kind, citation.repository, citation.title, citation.year, citation.locator) == (
        "published",
        None,
        "Muc luc ho so Toa Thong su Bac Ky",
        2004,
        "33",
    )


def test_a_code_starts_after_the_archives_own_name_and_abbreviation(index):
    hereafter, romanised = parse(
        index,
        "Zhu Hanoi zonglingshiguan to Waijiaobu, 2 June 1947, Institute of Modern History Archives, Academia "
        "Sinica, Taipei (hereafter IMH), 11-29-12-03-012.",
        "Chiang Kai-shek to Lu Han, telegram, 民國三十五年二月二十八日 [28 February 1946], Guoshiguan 國史館 [Academia "
        "Historica], Taipei (hereafter AH), 002-080200-00305-026.",
    )
    assert only(hereafter).reference_code_cited == "11-29-12-03-012"
    assert only(romanised).reference_code_cited == "002-080200-00305-026"


def test_citing_a_document_known_by_its_title_and_day(index):
    [note] = parse(
        index,
        "Catton, Diem’s Final Failure, 62, citing Tổng Nha Cảnh sát Quốc gia, “Phúc trình về tình "
        "hình an ninh Đô thành,” 3 June 1957.",
    )
    book, document = note.citations
    assert (document.kind, document.title, document.date, document.via_relation) == (
        "cited_document",
        "Phúc trình về tình hình an ninh Đô thành",
        "1957-06-03",
        "cited_in",
    )
    assert document.via is book and book.title == "Diem’s Final Failure"  # known through Catton's book


def test_an_edition_printing_the_document_before_keeps_its_date(index):
    [note] = parse(
        index,
        "Collins to Dulles, telegram 3828, 7 April 1955, NARA, RG 59, Central Decimal File 1955–59, "
        "751G.00/4-755; printed in Foreign Relations of the United States, 1955–1957, vol. 1, Vietnam "
        "(Washington, DC: Government Printing Office, 1985), 218–21.",
    )
    archival, printed = note.citations
    assert (printed.kind, printed.date, printed.locator) == ("published_document", "1955-04-07", "218–21")


def test_an_archive_publishing_the_edition_is_no_holder(index):
    [note] = parse(
        index,
        "Thư của tướng Leclerc gửi Đô đốc d'Argenlieu, ngày 14-2-1946, in trong: Gilbert Bodinier "
        "(chủ biên), Le retour de la France en Indochine 1945-1946: textes et documents, Service "
        "historique de l'Armée de terre, Vincennes, 1987, tr. 198.",
    )
    printed = only(note)
    assert (printed.kind, printed.repository, printed.date, printed.via.year, printed.locator) == (
        "published_document",
        None,
        "1946-02-14",
        1987,
        "tr. 198",
    )


def test_a_short_title_with_a_year_before_sdd(index):
    book, again = parse(
        index,
        "Stein Tønnesson, Vietnam 1946: How the War Began, University of California Press, Berkeley, 2010, tr. 212.",
        "Stein Tønnesson, Vietnam 1946, Sđd, tr. 215.",
    )
    assert (only(again).form, only(again).title, only(again).locator, only(again).antecedent_note) == (
        "op_cit",
        "Vietnam 1946",
        "tr. 215",
        1,
    )


def test_a_dated_document_in_a_work_cited_before_by_sdd(index):
    [note] = parse(index, "Thư gửi đồng bào Nam Bộ (31-5-1946), Hồ Chí Minh toàn tập, Sđd, t. 4, tr. 280.")
    document = only(note)
    assert (
        document.kind,
        document.title,
        document.date,
        document.via.form,
        document.via.title,
        document.via.volume,
        document.locator,
    ) == (
        "published_document",
        "Thư gửi đồng bào Nam Bộ",
        "1946-05-31",
        "op_cit",
        "Hồ Chí Minh toàn tập",
        "4",
        "tr. 280",
    )
    assert rebuilt(note)


def test_documents_of_one_file_listed_after_semicolons(index):
    [note] = parse(
        index,
        "TTLTQG III, Phông Bộ Quốc phòng, hồ sơ số 214: Điện của Bộ Tổng tham mưu gửi Bộ Chỉ huy Khu 1, "
        "ngày 9-10-1947, tờ 4; Điện của Bộ Tổng tham mưu gửi Bộ Chỉ huy Khu 10, ngày 11-10-1947, tờ 7.",
    )
    first, second = note.citations
    assert (second.repository, second.reference_code_cited, second.locator, second.date) == (
        first.repository,
        first.reference_code_cited,
        "tờ 7",
        "1947-10-11",
    )


def test_a_file_named_by_its_subject_before_its_archive(index):
    [note] = parse(
        index,
        "Hồ sơ về việc định cư đồng bào di cư tại Sài Gòn–Chợ Lớn năm 1955, Trung tâm Lưu trữ Quốc "
        "gia II (hereafter TTLTQG2), Phông Phủ Tổng thống Đệ nhất Cộng hòa, hồ sơ 1234.",
    )
    file = only(note)
    assert (file.title, file.file_title, file.repository, file.reference_code_cited) == (
        None,
        "Hồ sơ về việc định cư đồng bào di cư tại Sài Gòn–Chợ Lớn năm 1955",
        "VNA2",
        "Phông Phủ Tổng thống Đệ nhất Cộng hòa, hồ sơ 1234",
    )


def test_a_document_named_by_sender_and_recipient_has_no_title(index):
    [letter, report] = parse(
        index,
        "Chiang Kai-shek to Lu Han, telegram, 28 February 1946, AH, 002-080200-00305-026.",
        "Report to the Central Committee, 12 April 1950, AH, 002-080200-00305-027.",
    )
    assert (only(letter).title, only(letter).sender, only(letter).genre, only(letter).date) == (
        None,
        "Chiang Kai-shek",
        "telegram",
        "1946-02-28",
    )
    assert only(report).title == "Report to the Central Committee"


def test_an_imprint_publisher_first_after_a_bracketed_translation(index):
    [first, second] = parse(
        index,
        "Stein Tønnesson, Vietnam 1946: How the War Began [Việt Nam 1946: Chiến tranh đã bắt "
        "đầu như thế nào], University of California Press, Berkeley, 2010, tr. 212.",
        "Christopher E. Goscha, Vietnam: un État né de la guerre, Armand Colin, Paris, 2011, tr. 201.",
    )
    assert (only(first).title, only(first).publisher, only(first).place, only(first).year) == (
        "Vietnam 1946: How the War Began",
        "University of California Press",
        "Berkeley",
        2010,
    )
    assert (only(second).publisher, only(second).place) == ("Armand Colin", "Paris")


def test_a_printed_document_signed_before_its_quoted_title(index):
    [note] = parse(
        index,
        "Hồ Chí Minh, “Thư gửi đồng bào Hoa kiều”, 1 tháng 10 năm 1945, in Hồ Chí Minh toàn tập, "
        "tập 4 (H.: Nxb. Chính trị quốc gia, 2000), tr. 37–38.",
    )
    document = only(note)
    assert (document.kind, document.authors, document.title, document.date) == (
        "published_document",
        ["Hồ Chí Minh"],
        "Thư gửi đồng bào Hoa kiều",
        "1945-10-01",
    )


def test_a_citation_after_a_sentence_of_commentary_starts_at_its_authors(index):
    [note] = parse(
        index,
        "On Ely’s visit to Washington, the standard account is George C. Herring and Richard H. "
        "Immerman, “Eisenhower, Dulles, and Dienbienphu,” Journal of American History 71, no. 2 "
        "(September 1984): 343–63. Giap’s account of the decision to abandon “swift attack” is best read "
        "alongside Qiang Zhai, China and the Vietnam Wars, 1950–1975 (Chapel Hill: University of "
        "North Carolina Press, 2000), 45–49.",
    )
    assert [(c.authors, c.title) for c in note.citations] == [
        (["George C. Herring", "Richard H. Immerman"], "Eisenhower, Dulles, and Dienbienphu"),
        (["Qiang Zhai"], "China and the Vietnam Wars, 1950–1975"),
    ]


def test_a_translator_or_editor_after_the_title_is_no_part_of_it_and_ends_the_chapters_book(index):
    book, chapter = parse(
        index,
        "Jules Roy, The Battle of Dienbienphu, trans. Robert Baldick (New York: Harper & Row, 1965), 158–60.",
        "Kenneth Morrow, “The Sihanouk Trail,” in Making Sense of the Vietnam Wars: Local, National, "
        "and Transnational Perspectives, ed. Mark Philip Bradley and Marilyn B. Young (New York: "
        "Oxford University Press, 2008), 211–13.",
    )
    assert (only(book).title, only(book).publisher) == ("The Battle of Dienbienphu", "Harper & Row")
    assert (only(chapter).title, only(chapter).container_title) == (
        "The Sihanouk Trail",
        "Making Sense of the Vietnam Wars: Local, National, and Transnational Perspectives",
    )


def test_german_newspaper_articles_and_a_papers_issue_of_one_day(index):
    article, issue, dutch = parse(
        index,
        '„Bonn: Hilfe ohne Helme", in: Der Spiegel, Nr. 12, 14.3.1966, S. 34–40.',
        "Vgl. die Berichterstattung in: Neues Deutschland vom 20.12.1966, S. 1 f.",
        "‘Politionele actie begonnen’ [Police action begun], Het Parool, 21 July 1947, p. 1.",
    )
    assert (
        only(article).title,
        only(article).container_title,
        only(article).issue,
        only(article).date,
        only(article).locator,
    ) == ("Bonn: Hilfe ohne Helme", "Der Spiegel", "12", "1966-03-14", "S. 34–40")
    assert (only(issue).kind, only(issue).container_title, only(issue).date, only(issue).locator) == (
        "published",
        "Neues Deutschland",
        "1966-12-20",
        "S. 1 f.",
    )
    assert (only(dutch).container_title, only(dutch).title_translated) == ("Het Parool", "Police action begun")


def test_a_german_ordinal_day(index):
    [note] = parse(
        index, "Gespräch des Bundeskanzlers mit dem Botschafter am 4. Juli 1965, BArch, B 136/3589, Bl. 101."
    )
    assert only(note).date == "1965-07-04"


def test_german_books_with_subtitles_series_and_the_same_author_again(index):
    first, second, third = parse(
        index,
        "Vgl. grundlegend Alexander Troche, Berlin am Mekong, Düsseldorf: Droste, 2001; zur Politik der DDR Ingrid "
        "Muth, Die DDR-Außenpolitik 1949–1972. Inhalte, Strukturen, Mechanismen, Berlin: Ch. Links, 2000, S. 201–223.",
        "Zum Folgenden Klaus Hildebrand, Von Erhard zur Großen Koalition 1963–1969 (Geschichte der Bundesrepublik "
        "Deutschland, Bd. 4), Stuttgart/Wiesbaden: DVA/F. A. Brockhaus, 1984, S. 176–183.",
        "Vgl. Troche, Mekong, S. 140; ders., Bonn und Saigon. Die Entwicklungshilfe 1955–1975, Frankfurt a. M.: "
        "Peter Lang, 2002, S. 77–80.",
    )
    muth = first.citations[1]
    assert (muth.authors, muth.title, muth.place) == (
        ["Ingrid Muth"],
        "Die DDR-Außenpolitik 1949–1972. Inhalte, Strukturen, Mechanismen",
        "Berlin",
    )
    assert (only(second).authors, only(second).title, only(second).publisher) == (
        ["Klaus Hildebrand"],
        "Von Erhard zur Großen Koalition 1963–1969",
        "DVA/F. A. Brockhaus",
    )
    again = third.citations[1]
    assert (again.authors, again.title, again.place, again.publisher) == (
        ["Troche"],
        "Bonn und Saigon. Die Entwicklungshilfe 1955–1975",
        "Frankfurt a. M.",
        "Peter Lang",
    )


def test_the_book_or_journal_after_in(index):
    german, journal, english = parse(
        index,
        "Helga Wiedemann, Zwischen Solidarität und Eigeninteresse, in: Thomas Brandt/Sabine Keller (Hg.), Die DDR "
        "und die Dritte Welt. Neue Forschungen, Berlin: Ch. Links, 2008, S. 45–72, hier S. 58.",
        "Jörg Steinhausen, Die Bundesrepublik und der Vietnamkrieg 1965–1968, in: VfZ 45 (1997), S. 123–145.",
        "Robert Cribb, ‘The brief genocide’, in Empire, colony, genocide: Conquest, occupation, ed. A. Dirk Moses "
        "(New York: Berghahn, 2008), pp. 424–39.",
    )
    assert (only(german).title, only(german).container_title, only(german).publisher) == (
        "Zwischen Solidarität und Eigeninteresse",
        "Die DDR und die Dritte Welt. Neue Forschungen",
        "Ch. Links",
    )
    assert (only(journal).title, only(journal).container_title, only(journal).volume, only(journal).year) == (
        "Die Bundesrepublik und der Vietnamkrieg 1965–1968",
        "VfZ",
        "45",
        1997,
    )
    assert (only(english).container_title, only(english).publisher) == (
        "Empire, colony, genocide: Conquest, occupation",
        "Berghahn",
    )


def test_a_quoted_phrase_after_a_noun_of_the_sentence_is_no_citation(index):
    [note] = parse(
        index,
        'The phrase "sửa sai" ("correction of errors") was the official term; it appeared in the '
        "Party press from September 1956 onwards.",
    )
    assert note.citations == []


def test_a_telephone_interview_a_leaf_of_the_same_file_and_an_authors_page_with_its_prefix(index):
    interview, file, leaf, book, again = parse(
        index,
        "Author’s telephone interview with Robert L. Haskins, 22 October 2008.",
        "Politburo decision, 30 Jan. 1950, RGASPI, f. 17, op. 162, d. 45, l. 12.",
        "Ibid., l. 14.",
        "Edward Miller, Misalliance (Cambridge, MA: Harvard University Press, 2013), pp. 260–78.",
        "Miller, p. 265.",
    )
    assert (only(interview).kind, only(interview).genre, only(interview).date) == (
        "archival",
        "interview",
        "2008-10-22",
    )
    assert (only(leaf).form, only(leaf).locator, only(leaf).antecedent_note) == ("ibid", "l. 14", 2)
    assert (only(again).form, only(again).locator, only(again).antecedent_note) == ("author_only", "p. 265", 4)


def test_a_short_title_alone_with_its_pages_is_a_short_form_of_the_work_that_title_opens(index):
    book, short, ibid = parse(
        index,
        "Military History Institute of Vietnam, Victory in Vietnam: The Official History "
        "of the People’s Army of Vietnam, 1954–1975 (Lawrence: University Press of Kansas, "
        "2002), 127.",
        "Victory in Vietnam, 142–43.",
        "Ibid., 150.",
    )
    assert (only(short).form, only(short).title, only(short).locator, only(short).antecedent_note) == (
        "short",
        "Victory in Vietnam",
        "142–43",
        1,
    )
    assert (only(ibid).antecedent_note, only(ibid).locator) == (1, "150")


def test_vietnamese_reprint_lead_abbreviated_place_years_covered_and_thesis(index):
    reprint, book, thesis = parse(
        index,
        "Chỉ thị của Tổng Quân ủy, ngày 21-7-1950 (TTLTQG III, Phông Bộ Quốc phòng, hồ sơ số 518, tờ 1-4); in lại "
        "trong: Bộ Quốc phòng, Văn kiện quân sự của Đảng, t. III (1950-1954), Nxb. Quân đội nhân dân, H., 2003, "
        "tr. 97.",
        "Trường Chinh, Kháng chiến nhất định thắng lợi, H.: Sự thật, 1960, tr. 34.",
        "Nguyễn Văn Nam, Chính quyền cách mạng ở Liên khu III (1948-1954), Luận án Tiến sĩ Lịch sử, Trường Đại học "
        "Khoa học Xã hội và Nhân văn, Hà Nội, 2015, tr. 64.",
    )
    printed = reprint.citations[1]
    assert (printed.kind, printed.via.title, printed.via.volume, printed.locator) == (
        "published_document",
        "Văn kiện quân sự của Đảng",
        "III",
        "tr. 97",
    )
    assert (only(book).title, only(book).place, only(book).publisher) == (
        "Kháng chiến nhất định thắng lợi",
        "H.",
        "Sự thật",
    )
    assert (only(thesis).title, only(thesis).year) == ("Chính quyền cách mạng ở Liên khu III (1948-1954)", 2015)


def test_a_code_ends_where_the_document_is_named_by_its_kind(index):
    french, vietnamese = parse(
        index,
        "Service historique de la Défense (SHD), Vincennes, 10 H 163, Bulletin de renseignements n° 1245 du "
        "2e Bureau, ngày 20-11-1950.",
        "TTLTQG III, Phông Phủ Thủ tướng, hồ sơ số 3311, Báo cáo tổng kết công tác năm 1953 của Bộ Canh nông, "
        "tờ 21-30.",
    )
    assert only(french).reference_code_cited == "10 H 163"
    assert (only(vietnamese).reference_code_cited, only(vietnamese).locator) == (
        "Phông Phủ Thủ tướng, hồ sơ số 3311",
        "tờ 21-30",
    )


def test_a_word_in_quotes_inside_commentary_is_no_title(index):
    first, second = parse(
        index,
        "Throughout, I use “Saigon” for the combined municipality created in 1931 and renamed in 1956, except "
        "where a source distinguishes the two cities. On this, see Huỳnh Minh Tâm, Sài Gòn–Chợ Lớn (Sài Gòn: "
        "Nxb. Trẻ, 2005), 112–40.",
        "Cédile to d’Argenlieu, telegram 812, 12 November 1945; Cédile to d’Argenlieu, telegram 846, 19 November 1945, "
        "both in ANOM, HCI, CONSPOL 157. Cédile’s figures for “Annamite” departures from the city were guesses.",
    )
    assert [(c.authors, c.title, c.year) for c in first.citations] == [(["Huỳnh Minh Tâm"], "Sài Gòn–Chợ Lớn", 2005)]
    assert [(c.kind, c.date, c.repository, c.recipient) for c in second.citations] == [
        ("archival", "1945-11-12", "ANOM", "d’Argenlieu"),
        ("archival", "1945-11-19", "ANOM", "d’Argenlieu"),
    ]


def test_an_era_date_and_an_archive_translated_in_brackets_leave_the_code_alone(index):
    [note] = parse(
        index,
        "‘Futsuin shinchū ni kansuru kyōtei’ [Agreement on the entry into French Indochina], "
        "10 September Shōwa 15 [1940], Bōei Kenkyūjo Senshi Kenkyū Sentā [National Institute for "
        "Defense Studies, Center for Military History], Tokyo (hereafter NIDS), Chūō – Sakusen shidō – 87.",
    )
    citation = only(note)
    assert (citation.date, citation.repository, citation.reference_code) == (
        "1940-09-10",
        "NIDS",
        "Chūō – Sakusen shidō – 87",
    )


def test_editors_marked_in_brackets_and_a_chapter_in_a_book_without_italics(index):
    chapter, edition = parse(
        index,
        "Hata Ikuhiko, ‘Futsuin shinchū’ [The entry into French Indochina], in Nihon Kokusai Seiji Gakkai (ed.), "
        "Taiheiyō sensō e no michi [The road to the Pacific War], vol. 6 (Tokyo: Asahi Shinbunsha, 1963), p. 171.",
        "Nobutaka Ike (ed. and trans.), Japan's Decision for War (Stanford: Stanford University Press, 1967), "
        "pp. 56–60.",
    )
    assert (only(chapter).container_title, only(chapter).volume) == ("Taiheiyō sensō e no michi", "6")
    assert (only(edition).title, only(edition).editors, only(edition).authors) == (
        "Japan's Decision for War",
        ["Nobutaka Ike"],
        [],
    )


def test_a_headline_translated_in_brackets_and_a_speech_reprinted_in_a_collection(index):
    article, speech = parse(
        index,
        "‘Futsuin no chian kakuho’ [Order secured in French Indochina], Asahi Shinbun, 11 March 1945, p. 1.",
        "Ho Chi Minh, “Appeal to the Nation,” 19 December 1946, rpt. in Bernard B. Fall, ed., *Ho Chi Minh on "
        "Revolution* (New York: Praeger, 1967), 172–73.",
    )
    assert (only(article).container_title, only(article).title_translated) == (
        "Asahi Shinbun",
        "Order secured in French Indochina",
    )
    assert (only(speech).kind, only(speech).date, only(speech).via.title) == (
        "published_document",
        "1946-12-19",
        "Ho Chi Minh on Revolution",
    )


def test_a_document_cited_by_a_book_and_a_short_title_with_a_comma(index):
    cited, series, short = parse(
        index,
        "Ken'ichi Goto, Tensions of Empire (Athens: Ohio University Press, 2003), p. 213, citing Gunseikanbu, "
        "‘Minshin antei ni kansuru ken’ [On stabilising popular feeling], March 1943.",
        "Bōeichō Bōei Kenshūjo Senshishitsu, Shittan, Meigō sakusen [The Sittang and Meigō operations], Senshi "
        "sōsho 32 (Tokyo: Asagumo Shinbunsha, 1969), pp. 582–90.",
        "Shittan, Meigō sakusen, p. 601.",
    )
    book, document = cited.citations
    assert (document.kind, document.date, document.title, document.via.title) == (
        "cited_document",
        "1943-03",
        "Minshin antei ni kansuru ken",
        "Tensions of Empire",
    )
    assert (only(series).title, only(series).title_translated) == (
        "Shittan, Meigō sakusen",
        "The Sittang and Meigō operations",
    )
    assert (only(short).title, only(short).antecedent_note) == ("Shittan, Meigō sakusen", 2)


def test_a_lemma_before_a_quoted_headline_and_a_time_of_day_after_the_date(index):
    article, message = parse(
        index,
        "“a fortress built on mud” “Indochina: Waiting in the Valley,” Time, March 15, 1954, 28.",
        "De Castries to Cogny, message, March 13, 1954, 1730 hours, SHD, 10 H 1165.",
    )
    assert (only(article).kind, only(article).title, only(article).container_title, only(article).locator) == (
        "published",
        "Indochina: Waiting in the Valley",
        "Time",
        "28",
    )
    assert (only(message).repository, only(message).reference_code_cited) == ("SHD", "10 H 1165")


def test_a_russian_leaf_is_the_locator_not_part_of_the_code(index):
    first, second, third = parse(
        index,
        "Stalin to Mikoyan, 1 February 1949, APRF, f. 45, op. 1, d. 331, l. 11.",
        "Записка В. М. Молотова, 03.01.1946 г., РГАСПИ, ф. 82, оп. 2, д. 1262, лл. 45–46.",
        "Ibid., l. 16.",
    )
    assert (only(first).reference_code_cited, only(first).locator) == ("f. 45, op. 1, d. 331", "l. 11")
    assert (only(second).reference_code_cited, only(second).locator, only(second).date) == (
        "ф. 82, оп. 2, д. 1262",
        "лл. 45–46",
        "1946-01-03",
    )
    assert only(third).locator == "l. 16"


def test_an_editions_source_note_describes_its_document_after_the_source(index):
    first, second = parse(
        index,
        "Source : SHD, 10 H 178. Secret. Fiche du 2e bureau de l'état-major, 30 juin 1954.",
        "Source : MAE, Asie-Océanie, Indochine, vol. 294, f. 58-61. Dépêche n° 1312/AS. Confidentiel.",
    )
    assert [(c.kind, c.repository, c.reference_code_cited, c.date) for c in first.citations] == [
        ("archival", "SHD", "10 H 178", "1954-06-30")
    ]
    assert [(c.repository, c.locator) for c in second.citations] == [("AMAE", "f. 58-61")]


def test_the_state_departments_lot_files_are_at_nara(index):
    [note] = parse(index, "Source: Department of State, Conference Files: Lot 60 D 627, CF 262. Secret.")
    assert (only(note).repository, only(note).reference_code_cited, only(note).authors) == (
        "NARA",
        "Lot 60 D 627, CF 262",
        [],
    )


def test_a_partial_ibid_after_a_document_and_its_date_and_an_unresolved_op_cit_is_a_work(index):
    [note] = parse(
        index,
        "Geneva tel no 512 to FO, 18 May 1954, TNA, FO 371/112070, DF 1071/598; "
        "FO tel no 2104 to Washington, 19 May 1954, ibid., DF 1071/603.",
    )
    assert [(c.form, c.date, c.reference_code_cited, c.antecedent_note) for c in note.citations] == [
        ("full", "1954-05-18", "FO 371/112070, DF 1071/598", None),
        ("ibid", "1954-05-19", "DF 1071/603", 1),
    ]
    [other] = parse(index, "Tønnesson, op. cit., p. 401. Sur les réticences britanniques, ibid., p. 405-407.")
    assert [(c.kind, c.form, c.locator, c.reference_code_cited) for c in other.citations] == [
        ("published", "op_cit", "p. 401", None),
        ("published", "ibid", "p. 405-407", None),
    ]


def test_a_document_named_in_passing_printed_in_a_work_cited_before_is_a_short_form_of_it(index):
    first, second, third = parse(
        index,
        "Also printed in The Pentagon Papers: The Defense Department History of United States Decisionmaking "
        "on Vietnam (Senator Gravel ed.; Boston: Beacon Press, 1971), vol. I, pp. 476–477.",
        "Telegram 3710 from Paris, April 5, which transmitted the French request, is printed in Pentagon Papers "
        "(Gravel ed.), vol. I, p. 475.",
        "NSC 5405, “United States Objectives,” January 16, 1954, is printed in Foreign Relations, 1952–1954, "
        "vol. XIII, Part 1, pp. 971–976.",
    )
    printed = only(second)
    assert (printed.kind, printed.form, printed.locator, printed.antecedent_note, printed.via.title) == (
        "published_document",
        "short",
        "p. 475",
        1,
        "Pentagon Papers",
    )
    assert (only(third).form, only(third).antecedent_note) == ("full", None)  # a title and a date of its own


def test_a_document_is_printed_in_an_edition_whose_title_keeps_its_year(index):
    first, second = parse(
        index,
        "NSC 5405, “United States Objectives,” January 16, 1954, is printed in Foreign Relations, 1952–1954, "
        "vol. XIII, Part 1, pp. 971–976.",
        "Eden's statement is printed in Documents relating to the Discussion of Korea and Indo-China at the Geneva "
        "Conference, April 27–June 15, 1954, Cmd. 9186 (London: HMSO, 1954), pp. 111–113; Truman, “Statement,” "
        "June 27, 1950, Public Papers of the Presidents of the United States: Harry S. Truman, 1950 (Washington, DC: "
        "Government Printing Office, 1965), 492.",
    )
    assert (only(first).kind, only(first).authors, only(first).date) == ("published_document", [], "1954-01-16")
    assert [c.via.title for c in second.citations] == [
        "Documents relating to the Discussion of Korea and Indo-China at the Geneva Conference, April 27–June 15, 1954",
        "Public Papers of the Presidents of the United States: Harry S. Truman, 1950",
    ]


def test_a_quoted_sentence_of_commentary_is_no_title_and_a_transcripts_pages_are_no_code(index):
    first, second = parse(
        index,
        "Minute by R. H. Scott, April 3, 1950, FO 371/83648, TNA. Scott thought the Americans "
        "“inclined to see Peking’s hand behind every Viet Minh success.”",
        "Oral history interview with Edwin W. Rexford, by Richard D. McKinzie, July 9, 1974, 31–33, Truman Library.",
    )
    assert [(c.repository, c.reference_code_cited) for c in first.citations] == [("TNA", "FO 371/83648")]
    assert (only(second).repository, only(second).reference_code_cited, only(second).locator) == ("HSTL", None, "31–33")


def test_a_document_a_work_cites_is_on_that_works_page(index):
    [note] = parse(index, "Statler, Replacing France, 71, citing Deptel 3018 to Saigon, May 19, 1953.")
    cited = note.citations[1]
    assert (cited.kind, cited.date, cited.locator, cited.via.title) == (
        "cited_document",
        "1953-05-19",
        "71",
        "Replacing France",
    )


def test_a_footnote_of_another_document_of_the_edition_is_a_cross_reference_left_unresolved(index):
    [note] = parse(index, "See footnote 3, Document 290.")
    citation = only(note)
    assert (citation.kind, citation.form, citation.cross_reference_note, citation.antecedent_note) == (
        "cross_reference",
        "short",
        None,
        None,
    )


def test_an_article_named_by_its_kind_and_author_and_a_dispatch_in_a_paper_of_the_day(index):
    first, second = parse(
        index,
        "Voir l'article d'André Fontaine, « Après Genève », Le Monde, 23 juillet 1954.",
        "See also the dispatch from Paris in The New York Times, June 17, 1954, p. 3.",
    )
    assert (only(first).authors, only(first).title, only(first).container_title, only(first).date) == (
        ["André Fontaine"],
        "Après Genève",
        "Le Monde",
        "1954-07-23",
    )
    assert (only(second).container_title, only(second).date, only(second).locator) == (
        "The New York Times",
        "1954-06-17",
        "p. 3",
    )


def test_german_cited_after_as_well_as_a_lead_before_a_short_form_and_the_authors_conversation(index):
    cited, joined, lead, talk = parse(
        index,
        "Walter Ulbricht auf der 11. Tagung des ZK der SED am 16.12.1965, zitiert nach Wentker, Außenpolitik, S. 302.",
        "Vgl. Troche, a.a.O., S. 201–205, sowie Wiedemann, Solidarität und Eigeninteresse, S. 64.",
        "Botschaft Saigon an AA, 1.2.1968, PA AA, B 37, Bd. 412; zur Tet-Offensive insgesamt Frey, Geschichte, "
        "S. 160 f.",
        "Gespräch des Verfassers mit Dr. Hans-Joachim K., ehemals Mitarbeiter des MfAA, Berlin, 3.10.2005.",
    )
    assert (only(cited).kind, only(cited).date, only(cited).via.title, only(cited).locator) == (
        "cited_document",
        "1965-12-16",
        "Außenpolitik",
        "S. 302",
    )
    assert [(c.form, c.locator) for c in joined.citations] == [("op_cit", "S. 201–205"), ("short", "S. 64")]
    assert (lead.citations[1].authors, lead.citations[1].title, lead.citations[1].locator) == (
        ["Frey"],
        "Geschichte",
        "S. 160 f.",
    )
    assert (only(talk).kind, only(talk).date) == ("archival", "2005-10-03")


def test_dutch_archives_access_numbers_initials_and_an_opening_phrase(index):
    archive, niod, book, interview = parse(
        index,
        "Stiftung Archiv der Parteien und Massenorganisationen der DDR im Bundesarchiv, Berlin-Lichterfelde (im "
        "Folgenden: SAPMO-BArch), DY 30/IV 2/20/123, Bl. 12–15; Van Mook to Logemann, 20 July 1946, NL-HaNA, "
        "2.10.14, inv. nr. 1301.",
        "Diary of a KNIL lieutenant, Aug.–Dec. 1947, NIOD, Amsterdam, Indische collectie, no. 031572.",
        "Anthony Reid, The revolution (Hawthorn: Longman, 1974); and, for the Dutch side, H.W. van den Doel, "
        "Afscheid van Indië (Amsterdam: Prometheus, 2000); "
        "A.H. Nasution, Sekitar perang kemerdekaan Indonesia, 11 vols (Bandung: Disjarah-AD, 1977–79), vol. 9.",
        "Author’s interview with ‘Pak Harjo’ (pseudonym), Yogyakarta, 14 Aug. 2008.",
    )
    assert [c.reference_code_cited for c in archive.citations] == ["DY 30/IV 2/20/123", "2.10.14, inv. nr. 1301"]
    assert archive.citations[1].date == "1946-07-20"
    assert (only(niod).repository, only(niod).reference_code_cited) == ("NIOD", "Indische collectie, no. 031572")
    assert [(c.kind, c.authors, c.place) for c in book.citations[1:]] == [
        ("published", ["H.W. van den Doel"], "Amsterdam"),
        ("published", ["A.H. Nasution"], "Bandung"),
    ]
    assert (only(interview).kind, only(interview).date) == ("archival", "2008-08-14")


def test_a_german_thesis_a_title_spanning_dates_and_authors_joined_by_with(index):
    thesis, diary, joint = parse(
        index,
        "Vermerk vom 3.5.1967, zit. n. Peter Lohmann, Entwicklungshilfe als Außenpolitik. Die Bundesrepublik und "
        "Südostasien 1961–1972, Phil. Diss. Bonn 1994, S. 211.",
        "W. Schermerhorn, Het dagboek: Geheim verslag van prof. dr. ir. W. Schermerhorn, 20 september 1946–7 oktober "
        "1947, ed. C. Smit, 2 vols (Groningen: Wolters-Noordhoff, 1970), vol. 1, p. 233.",
        "Frances Gouda with Thijs Brocades Zaalberg, American visions, 1920–1949 (Amsterdam: AUP, 2002), p. 245.",
    )
    assert (only(thesis).kind, only(thesis).via.title, only(thesis).via.authors, only(thesis).via.year) == (
        "cited_document",
        "Entwicklungshilfe als Außenpolitik. Die Bundesrepublik und Südostasien 1961–1972",
        ["Peter Lohmann"],
        1994,
    )
    assert (
        only(diary).title
        == "Het dagboek: Geheim verslag van prof. dr. ir. W. Schermerhorn, 20 september 1946–7 oktober 1947"
    )
    assert (only(joint).authors, only(joint).title) == (
        ["Frances Gouda", "Thijs Brocades Zaalberg"],
        "American visions, 1920–1949",
    )


def test_a_headline_before_a_papers_day_keeps_its_title(index):
    [note] = parse(index, '„Flammender Protest gegen die USA-Aggression", in: Neues Deutschland vom 6.8.1964, S. 1.')
    assert (only(note).title, only(note).container_title, only(note).date) == (
        "Flammender Protest gegen die USA-Aggression",
        "Neues Deutschland",
        "1964-08-06",
    )


def test_an_editions_printing_of_the_document_before_and_a_document_numbered_in_an_edition(index):
    printed, numbered = parse(
        index,
        "Van Mook to Logemann, 20 July 1946, NL-HaNA, 2.10.14, inv. nr. 1301; printed in Officiële bescheiden "
        "(hereafter NIB), ed. S.L. van der Wal (The Hague: Nijhoff, 1971–96), vol. 5, no. 12, pp. 30–33.",
        "Vgl. auch AAPD 1968, Dok. 56, S. 201–204.",
    )
    assert (printed.citations[1].kind, printed.citations[1].date, printed.citations[1].sender) == (
        "published_document",
        "1946-07-20",
        "Van Mook",
    )
    assert (only(numbered).kind, only(numbered).via.title, only(numbered).via.year, only(numbered).locator) == (
        "published_document",
        "AAPD",
        1968,
        "S. 201–204",
    )


@pytest.mark.parametrize("text", ["Smith, op*.cit., p. 5.", "Müller, a*.a.O., S. 12."])
def test_an_asterisk_inside_an_op_cit_marker_is_read_not_failed_on(index, text):
    """Italics broken inside the marker ("op*.cit.") are no op. cit. where the marker stands:
    the note is read as any other, never reported as a failure of the reader."""
    [note] = parse(index, text)
    assert not any("failed" in message for message in note.messages), note.messages
    assert note.citations and rebuilt(note)
    assert all(citation.form != "op_cit" for citation in note.citations)
