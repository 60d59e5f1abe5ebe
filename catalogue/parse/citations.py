"""Reading one citation: what kind of source it is (its fields are read by ``fields``).

Works on a piece of a note (see ``pieces``) with offsets into the note, so every field
can be traced to the text. The kinds: an archival document held in a repository; a
published work; a document published in a collection ("…, 27 November 1948, *Collection*,
p. 267"); a document known only through another work ("cited in", "quoted in"); a
cross-reference to another note; or unknown.
"""

from __future__ import annotations

import re

from ..dates import FoundDate, find_dates, find_years
from ..reference.authority import RepositoryMention
from ..reference.editions import EDITIONS
from ..reference.gazetteer import is_place
from ..text import fold
from .fields import (
    book_after_in,
    caps_authors,
    clean_title,
    code_near,
    group_after,
    guess_genre,
    has_imprint,
    inner_text,
    is_translation,
    looks_like_names,
    plain_author_title,
    plain_container,
    read_authors,
    read_publication,
    read_tail,
    read_volume_issue_locator,
    set_date,
    trim_locator,
    via_matches,
)
from .model import CitationDraft
from .patterns import (
    ABBREVIATION_TITLE,
    ARCHIVE_WORD,
    AUTHOR_PAGE,
    BARE_PAGES,
    BRACKETED_TRANSLATION,
    CITING,
    COLLECTION_CONNECTOR,
    COMMA,
    CROSS_REFERENCE,
    DATE_LEAD,
    DATED_DOCUMENT_IN_WORK,
    DOCUMENT_KIND,
    DOCUMENT_WORD,
    EDITION_DOCUMENT,
    EDITION_DOCUMENT_NUMBER,
    EDITION_LEAD,
    EDITION_YEAR,
    FILE_HEAD,
    IBID,
    IMPRINT,
    INTERVIEW,
    IS_IBID,
    IS_PRINTED,
    LEAF,
    LETTER,
    LOCATOR,
    NEWSPAPER,
    NEWSPAPER_NAME,
    NEWSPAPER_PAGE,
    OP_CIT,
    PAPER_OF_THE_DAY,
    PERIODICAL_WORD,
    PLAIN_CITATION,
    PLAIN_IN_BOOK,
    POSSESSIVE_LETTER,
    PUBLISHER_PLACE,
    SAME_AUTHOR,
    SERIES_BEFORE,
    SHORT_INTERVIEW,
    SUPRA_NOTE,
    TITLE_VOLUME,
    UNTITLED_LETTER,
    VOLUME,
)
from .pieces import Piece


def holding_mentions(piece: Piece) -> list[RepositoryMention]:
    """Repositories named as holders, not as authors or publishers of a printed collection."""
    if piece.repositories is None:
        return []
    blanked = piece.outside_anchors()
    mentions = piece.repositories.find_in(blanked)
    anchors = piece.anchors()
    italics = [a for a in anchors if a.style == "italic"]
    publishers = [m.span("publisher") for m in IMPRINT.finditer(blanked)]
    holding = []
    for mention in mentions:
        if any(a <= mention.span[0] and mention.span[1] <= b for a, b in publishers):
            continue  # "…, Vincennes, SHAT, 1987": the archive published the work, it does not hold it
        start = mention.span[0] + piece.span[0]
        end = mention.span[1] + piece.span[0]
        if italics and any(a.span[0] >= end for a in italics) and not any(a.span[1] <= start for a in anchors):
            continue  # compiler or author of the collection that follows
        group = next((g for g in piece.groups() if g[0] <= start and end <= g[1]), None)
        if (
            group
            and italics
            and any(a.span[1] <= group[0] for a in italics)
            and find_years(piece.note[group[0] : group[1]])
        ):
            continue  # publisher of a printed collection: "(Central Archives…, 1989)"
        if start == piece.span[0] and _wrote_work(piece.note[end : piece.span[1]]):
            continue  # the archive wrote the work: "Trung tam Luu tru Quoc gia I, Muc luc… (Ha Noi: …, 2004), 33"
        if (
            (imprint := PUBLISHER_PLACE.match(piece.note, start - 2 if start >= 2 else start, piece.span[1]))
            and imprint.start("publisher") == start
            and is_place(imprint["place"])
        ):
            continue  # publisher of a book: "…, Service historique de l'Armée de terre, Vincennes, 1987"
        holding.append(RepositoryMention((start, end), mention.as_written, mention.record))
    return holding


def _wrote_work(after: str) -> bool:
    """After an archive's name, a title without a number and its imprint in brackets: the
    archive is the author of a published work (a guide, a catalogue), not the holder."""
    match = re.match(r"\s*,\s*[^,()\d]{3,200}?\s*\(([^()]*)\)", after)
    return match is not None and bool(
        (fields := read_publication(match.group(1))).get("place") or fields.get("publisher")
    )


def read_citation(piece: Piece) -> CitationDraft:
    """Read one citation piece into a draft with its kind, form and fields."""
    text = piece.text
    plain = text.replace("*", "")  # "*Ibid.*", "*op. cit.*": italic abbreviations
    draft = CitationDraft(kind="unknown", form="full", span=piece.span, text=text)
    if (marked := _read_marked(piece, plain, draft)) is not None:
        return marked
    via = _via_split(piece)
    marked_op_cit = via is None and (OP_CIT.search(plain) or SUPRA_NOTE.search(plain))
    if marked_op_cit and (op_cit := _read_op_cit(piece, draft)) is not None:
        return op_cit
    if match := AUTHOR_PAGE.fullmatch(text):
        draft.form, draft.kind = "author_only", "published"
        draft.authors, draft.locator = [match.group("author")], match.group("pages")
        return draft
    if via is not None:
        return _read_with_via(piece, via)
    return _read_by_what_it_names(piece, draft)


def _read_marked(piece: Piece, plain: str, draft: CitationDraft) -> CitationDraft | None:
    """A citation read by the words that mark it (a cross-reference, "id.", ibid., another
    document of the edition, a short interview, a document printed in an edition); None if
    no such words mark it."""
    text = piece.text
    if match := CROSS_REFERENCE.match(plain):
        draft.kind, draft.form = "cross_reference", "short"
        if match.group("document"):  # "See footnote 3, Document 290": a note of another document of the edition
            draft.unresolved_reason = "a note of another document of the edition the note belongs to"
        else:
            draft.cross_reference_note = int(match.group("number"))
        return draft
    same_author = SAME_AUTHOR.match(text)
    if same_author and (piece.anchors() or has_imprint(text)):  # "id., *Title*", "ders., Title, Place: …": another work
        draft = _read_published(piece.sub(piece.span[0] + same_author.end(), piece.span[1]), draft)
        draft.span, draft.text = piece.span, text
        return draft
    if IBID.fullmatch(plain.split(",")[0].strip()) or IBID.match(plain) and re.match(r"(?i)ibid|như trên|同上", plain):
        return _read_ibid(piece, draft)
    if located := IS_IBID.search(plain):  # "telegram 3351 from Paris, March 21, is ibid., 751G.00/3–2154"
        return _read_ibid_located(piece, plain, located, draft)
    if EDITION_DOCUMENT.match(text):  # another document of the edition: a reference, of no kind we know
        draft.form, draft.unresolved_reason = "short", "another document of the edition the note belongs to"
        return draft
    if interview := SHORT_INTERVIEW.match(text):
        draft.kind, draft.form, draft.genre = "archival", "short", "interview"
        draft.title = f"interview with {interview['name']}"
        if dates := find_dates(text):
            set_date(draft, dates[0])
        return draft
    if edition := EDITION_LEAD.match(text):
        draft.kind, draft.via_relation = "published_document", "published_in"
        draft.via = edition_volume(read_citation(piece.sub(piece.span[0] + edition.end(), piece.span[1])))
        draft.locator = draft.via.locator
        return draft
    return None


def _read_ibid_located(piece: Piece, plain: str, located: re.Match[str], draft: CitationDraft) -> CitationDraft:
    """A document said to be "ibid." with its own reference code: "telegram 3351 from Paris,
    March 21, is ibid., 751G.00/3–2154" (``located``: where "is ibid." stands in ``plain``)."""
    draft = _read_ibid(piece.sub(piece.span[0] + located.start("ibid"), piece.span[1]), draft)
    draft.span, draft.text = piece.span, piece.text
    code = plain[located.end() :].strip(" ,.;")
    if code and not (LOCATOR.fullmatch(code) or BARE_PAGES.fullmatch(code)):  # "ibid., p. 405": a page
        draft.kind, draft.reference_code_cited = "archival", code
    if draft.date is None and (dates := find_dates(plain[: located.start()])):
        set_date(draft, dates[0])  # the other document's own date, before "ibid."
    return draft


def _read_with_via(piece: Piece, via: tuple[str, Piece, Piece]) -> CitationDraft:
    """A citation of what is printed, reprinted or cited in a work: each read, the work
    becoming the citation's ``via``."""
    relation, main, rest = via
    draft = read_citation(main)
    draft.span, draft.text = piece.span, piece.text
    draft.via = read_citation(rest)
    draft.via_relation = relation
    draft.locator = draft.locator or draft.via.locator
    if relation == "cited_in":
        draft.kind, draft.form = "cited_document", "full"
        _as_document(draft)
    elif (
        relation == "reprinted_in"
        and draft.kind == "published"
        and IS_PRINTED.search(main.text)
        and not (draft.container_title or draft.publisher or draft.place)
    ):
        # "NSC 5405, “…,” January 16, 1954, is printed in Foreign Relations…": a document, its number no author
        draft.kind, draft.form, draft.authors, draft.year = "published_document", "full", [], None
    elif (
        draft.kind in ("unknown", "archival")
        and not draft.repository
        or draft.kind == "published"
        and draft.date
        and not (draft.publisher or draft.place)
    ):
        # "“Appeal to the Nation,” 19 December 1946, rpt. in …"
        draft.kind, draft.form = "published_document", "full"
    if draft.kind != "published" and draft.date is None and (dates := find_dates(main.outside_anchors())):
        set_date(draft, dates[0])  # "Le texte de la convention du 6 mars 1946 est reproduit dans …"
    return draft


def _read_by_what_it_names(piece: Piece, draft: CitationDraft) -> CitationDraft:
    """A citation with no mark to go by, read by what it names: an archive holding it, a
    newspaper, the work it is published in, a title, a date, a page."""
    text = piece.text
    holding = holding_mentions(piece)
    published_in = published_in_split(piece)
    if holding and not (published_in and published_in[1].span[0] <= holding[0].span[0]):
        return _read_archival(piece, draft, holding)  # (an archive named in the edition's imprint publishes it)
    if not holding and (issue := _read_newspaper_issue(text, draft)):
        return issue
    if published_in is not None:
        main, rest = published_in
        _read_document_head(main, draft)
        draft.kind = "published_document"
        draft.via = read_citation(rest)
        draft.via_relation = "published_in"
        draft.locator = draft.via.locator
        return draft
    if not piece.anchors() and (day := paper_of_the_day(text)):  # a headline before it: an article (below)
        draft.kind, draft.container_title = "published", clean_title(day[0])
        set_date(draft, day[1])
        draft.year, draft.locator = int(day[1].edtf[:4]), day[2]
        return draft
    if INTERVIEW.match(text) and find_dates(text):  # "Author’s interview with ‘Pak Harjo’, …, 14 Aug. 2008"
        return _read_archival(piece, draft, [])
    if piece.anchors() or has_publication(piece) or EDITIONS.opening(text):  # "Pentagon Papers (Gravel ed.), vol. I"
        return _read_named_work(piece, draft)
    if find_dates(text) and (LETTER.match(text) or DOCUMENT_WORD.search(text)):
        return _read_archival(piece, draft, [])
    if re.search(r"\d", text) and (LOCATOR.search(text) or unknown_archive(piece)):
        return _read_archival(piece, draft, []) if unknown_archive(piece) else _read_published(piece, draft)
    if PLAIN_CITATION.match(text):
        return _read_published(piece, draft)
    return draft


def _read_named_work(piece: Piece, draft: CitationDraft) -> CitationDraft:
    """A citation with a title (quoted or in italics), an imprint or an edition's name: a
    newspaper article, an archival document nobody is said to hold, or a published work."""
    if article := _newspaper_article(piece, draft):
        return article
    if _looks_like_unheld_document(piece):
        return _read_archival(piece, draft, [])
    return _read_published(piece, draft)


def edition_volume(work: CitationDraft) -> CitationDraft:
    """An edition named by its abbreviation and the year of its volume: "AAPD 1966" is AAPD,
    the volume of 1966."""
    if work.title and (named := EDITION_YEAR.fullmatch(work.title)):
        work.title, work.year = named["edition"], work.year or int(named["year"])
    return work


def numbered_in_edition(draft: CitationDraft) -> CitationDraft:
    """ "AAPD 1968, Dok. 56, S. 201–204": a document numbered in an edition, printed in it (the
    edition is its ``via``), not the edition itself."""
    if draft.kind != "published" or draft.form != "short" or not EDITION_DOCUMENT_NUMBER.search(draft.text):
        return draft
    printed = CitationDraft(kind="published_document", form="full", span=draft.span, text=draft.text)
    printed.via, printed.via_relation, printed.locator = edition_volume(draft), "published_in", draft.locator
    return printed


def _read_ibid(piece: Piece, draft: CitationDraft) -> CitationDraft:
    draft.form = "ibid"
    rest = IBID.sub("", piece.text.replace("*", ""), count=1)
    fields = read_volume_issue_locator(rest)
    draft.volume, draft.locator = fields.get("volume"), fields.get("locator")
    if dates := find_dates(rest):  # partial ibid: another item of the same file
        set_date(draft, dates[0])
    return draft


def _read_op_cit(piece: Piece, draft: CitationDraft) -> CitationDraft | None:
    """An op. cit. or a "supra, note 12", read where the marker stands with its italics spaced
    out (offsets kept); None when only the marker with its asterisks taken out reads as one
    ("op*.cit."), which is then read as any other citation."""
    match = OP_CIT.search(piece.text.replace("*", " ")) or SUPRA_NOTE.search(piece.text.replace("*", " "))
    if match is None:
        return None
    draft.form = "op_cit"
    if match.re is SUPRA_NOTE:
        draft.cross_reference_note = int(match.group("number") or match.group("number2"))
    prefix = piece.text[: match.start()]
    if match.re is OP_CIT and (printed := _printed_in_work_cited_before(piece, prefix, match.end())):
        return printed
    anchors = [a for a in piece.anchors() if not ABBREVIATION_TITLE.fullmatch(inner_text(piece.note, a))]
    before_marker = piece.sub(piece.span[0], piece.span[0] + match.start())
    if holding := holding_mentions(before_marker):  # "SHD, 10 H 163, Tlđd." — the same file again
        draft.kind, draft.repository, draft.repository_known = "archival", holding[0].record.acronym, True
        draft.reference_code_cited = code_near(before_marker, holding[0].span, None)
    elif anchors:
        draft.kind = "published"  # "op. cit.": the work cited before; only an archive's file is not one
        draft.title = inner_text(piece.note, anchors[0])
        prefix = piece.note[piece.span[0] : anchors[0].span[0]]
        draft.authors, draft.editors = read_authors(prefix)
    else:  # "Võ Nguyên Giáp, Chiến đấu trong vòng vây, Sđd": the author, then the short title
        draft.kind = "published"
        names, _, title = prefix.strip(" ,*").partition(", ")
        title = title.strip(" ,*")
        named = bool(re.search(r"\w", title)) and looks_like_names(names)
        draft.authors, draft.editors = read_authors(names if named else prefix.strip(" ,*"))
        if named and not (
            re.match(r"[\d(]", title) or LOCATOR.search(title) or VOLUME.search(title) or find_dates(title)
        ):  # "Vietnam 1946, Sđd" has a title; "12-3-1950, Tlđd" none
            draft.title = clean_title(title)
    fields = read_volume_issue_locator(piece.text[match.end() :])
    draft.volume, draft.locator = fields.get("volume"), fields.get("locator")
    return draft


def _printed_in_work_cited_before(piece: Piece, prefix: str, marker_end: int) -> CitationDraft | None:
    """ "Thư gửi đồng bào Nam Bộ (31-5-1946), Hồ Chí Minh toàn tập, Sđd, t. 4, tr. 280": a document,
    its date in brackets, printed in a work cited before by its short title: the document, with
    the work as its op. cit. ``via``."""
    head = DATED_DOCUMENT_IN_WORK.fullmatch(prefix)
    if head is None or not (dates := find_dates(head["date"])) or dates[0].span != (0, len(head["date"])):
        return None
    work = CitationDraft(
        kind="published",
        form="op_cit",
        span=(piece.span[0] + head.start("work"), piece.span[1]),
        text=piece.text[head.start("work") :],
        title=clean_title(head["work"]),
    )
    fields = read_volume_issue_locator(piece.text[marker_end:])
    work.volume, work.locator = fields.get("volume"), fields.get("locator")
    draft = CitationDraft(
        kind="published_document",
        form="full",
        span=piece.span,
        text=piece.text,
        title=clean_title(head["title"]),
        via=work,
        via_relation="published_in",
        locator=work.locator,
    )
    set_date(draft, dates[0])
    draft.genre = guess_genre(draft.title)
    return draft


def _via_split(piece: Piece) -> tuple[str, Piece, Piece] | None:
    for match in via_matches(piece.text):
        position = piece.span[0] + match.start()
        if not piece.top_level(position) or match.start() == 0:
            continue
        word = match.group("relation").casefold()
        if word.startswith(CITING):
            continue
        if re.match(r"rpt|repr|reprinted|republished|reprodu|publi|printed", word):
            relation = "reprinted_in"
        elif re.match(r"translat", word):
            relation = "published_in"
        else:
            relation = "cited_in"
        main = piece.sub(piece.span[0], piece.span[0] + match.start())
        rest = piece.sub(piece.span[0] + match.end(), piece.span[1])
        return relation, main, rest
    return None


def quoting_split(piece: Piece) -> list[Piece]:
    """ "Zhai, *China…*, quoting Wu, “…”" and "citing": two works, each cited in its own right."""
    for match in via_matches(piece.text):
        word = match.group("relation").casefold()
        position = piece.span[0] + match.start()
        if word.startswith(CITING) and match.start() > 0 and piece.top_level(position):
            head = piece.sub(piece.span[0], position)
            tail = piece.sub(piece.span[0] + match.end(), piece.span[1])
            return [head, *quoting_split(tail)]
    return [piece]


def published_in_split(piece: Piece) -> tuple[Piece, Piece] | None:
    """ "“Title,” 27 November 1948, *Collection*…" or "Mao to Stalin, 2 January 1950, in *…*"."""
    anchors = piece.anchors()
    italics = [a for a in anchors if a.style == "italic" and a.depth == 0]
    if not italics:
        return _published_in_plain(piece)
    first_italic = italics[0]
    head = piece.note[piece.span[0] : first_italic.span[0]]
    quoted = [a for a in anchors if a.style == "quoted" and a.span[1] <= first_italic.span[0]]
    connector = re.search(r"(?:,|\s)\s*(?:in|dans|trong|trích trong)\s*:?\s*$", head, re.IGNORECASE)
    dated = find_dates(piece.outside_anchors()[: first_italic.span[0] - piece.span[0]])
    if quoted:
        prefix = piece.note[piece.span[0] : quoted[0].span[0]]
        if prefix.strip(" ,") and not LETTER.match(prefix.strip()):
            return None  # an author before the quoted title: an article or a chapter
        if not (dated or connector):
            return None
    elif not (
        dated
        and (
            connector
            or LETTER.match(head.strip())
            or DOCUMENT_WORD.match(head.strip())
            or not head[dated[-1].span[1] :].strip(" ,")
        )
    ):
        return None
    cut = piece.span[0] + (connector.start() if connector else len(head))
    return piece.sub(piece.span[0], cut), piece.sub(first_italic.span[0], piece.span[1])


def _published_in_plain(piece: Piece) -> tuple[Piece, Piece] | None:
    """ "“Directive…”, ngay 3 thang 2 nam 1950, trong Van kien Dang toan tap (Ha Noi: …, 2001)":
    a collection whose title lost its italics, named after a date and "in"."""
    outside = piece.outside_anchors()
    dates = find_dates(outside)
    if not dates:
        return None
    match = COLLECTION_CONNECTOR.search(outside, dates[0].span[1])
    straight = COMMA.match(outside, dates[0].span[1])
    if match is None and straight and EDITIONS.opening(outside[straight.end() :]):
        match = straight  # "Lodge to Rusk, 29 August 1963, Foreign Relations of the United States, 1961–1963, vol. 4"
    if match is None or not piece.top_level(piece.span[0] + match.start()):
        return None
    rest = piece.sub(piece.span[0] + match.end(), piece.span[1])
    if not (has_publication(rest) or has_imprint(rest.text) or EDITIONS.opening(rest.text)):
        return None
    return piece.sub(piece.span[0], piece.span[0] + match.start()), rest


def has_publication(piece: Piece) -> bool:
    return any(read_publication(piece.note[g[0] : g[1]]) for g in piece.groups())


def _newspaper_article(piece: Piece, draft: CitationDraft) -> CitationDraft | None:
    """ "“Chợ Bến Thành sau vụ hỏa hoạn,” Saigon Mới, 7 January 1950, 2." or "Robert Guillain,
    « Washington et la tentation d’intervenir », Le Monde, 8 avril 1954": a headline in quotes
    (after its author's name, if signed), then the paper's name, the day and the page: an
    article, not a document in an archive (also "„Bonn: Hilfe ohne Helme", in: Der Spiegel,
    Nr. 12, 14.3.1966, S. 34–40")."""
    anchors = piece.anchors()
    if not anchors or anchors[0].style != "quoted":
        return None
    signed = piece.note[piece.span[0] : anchors[0].span[0]]
    if signed.strip() and not (
        signed.rstrip().endswith(",") and read_authors(signed)[0] and not LETTER.match(signed.strip())
    ):
        return None
    after = piece.note[anchors[0].span[1] : piece.span[1]]
    paper = NEWSPAPER.match(after)
    if (
        not paper
        or (piece.repositories is not None and piece.repositories.find_in(paper["paper"]))
        or DOCUMENT_KIND.search(paper["paper"])
    ):
        return None  # a paper, not the kind of document: "Het Parool", not "Liaison Conference decision"
    issue = _day_and_page(after[paper.end() :])
    if issue is None:
        return None
    draft.kind, draft.form = "published", "full"
    draft.authors = read_authors(signed)[0] if signed.strip() else []
    draft.title, draft.container_title = inner_text(piece.note, anchors[0]), clean_title(paper["paper"])
    draft.title_translated, draft.issue = paper["translation"], paper["issue"]
    set_date(draft, issue[0])
    draft.year, draft.locator = int(issue[0].edtf[:4]), issue[1]
    return draft


def newspaper_issue(text: str) -> tuple[str, FoundDate, str | None] | None:
    """ "Le Monde, 22 juillet 1954", "New York Times, September 30, 1953, 1, 6": a newspaper's
    issue of one day (perhaps a page), cited without an article's headline: (paper, day, page)."""
    paper = NEWSPAPER_NAME.match(text)
    if paper is None:
        return None
    issue = _day_and_page(text[paper.end() :])
    return (paper["paper"], *issue) if issue else None


def _day_and_page(text: str) -> tuple[FoundDate, str | None] | None:
    """A newspaper's day, then perhaps its page, and nothing else: "8 avril 1954, p. 1 et 3"."""
    dates = find_dates(text)
    if not dates or dates[0].span[0] != 0 or dates[0].precision != "day":
        return None
    page = NEWSPAPER_PAGE.fullmatch(text, dates[0].span[1])
    return (dates[0], page["page"]) if page else None


def _read_newspaper_issue(text: str, draft: CitationDraft) -> CitationDraft | None:
    """A newspaper's issue (see :func:`newspaper_issue`) as a published work: the paper (the
    work's title and the periodical the issue belongs to), the day, the page."""
    if (issue := newspaper_issue(text)) is None:
        return None
    paper, day, page = issue
    draft.kind, draft.form, draft.locator = "published", "full", page
    draft.title = draft.container_title = paper
    set_date(draft, day)
    draft.year = int(day.edtf[:4])
    return draft


def paper_of_the_day(text: str) -> tuple[str, FoundDate, str | None] | None:
    """A paper's issue of one day cited without a headline, with its page: "in: Neues
    Deutschland vom 20.12.1966, S. 1 f." → ("Neues Deutschland", the day, "S. 1 f.")."""
    paper = PAPER_OF_THE_DAY.search(text) if "in:" in text else None
    if paper is None:
        return None
    issue = _day_and_page(text[paper.end() :])
    return (paper["paper"], *issue) if issue else None


def _looks_like_unheld_document(piece: Piece) -> bool:
    """A quoted title with a document date and no work around it: an archival document whose
    repository is named elsewhere in the note (or nowhere)."""
    anchors = piece.anchors()
    if (
        any(a.style == "italic" for a in anchors)
        or not anchors
        or has_publication(piece)
        or PERIODICAL_WORD.search(piece.outside_anchors())
    ):
        return False
    prefix = piece.note[piece.span[0] : anchors[0].span[0]].strip(" ,")
    outside = piece.outside_anchors()
    return not prefix and bool(find_dates(outside)) and not LOCATOR.search(outside)


def unknown_archive(piece: Piece) -> str | None:
    """The name of an archive the authority does not know, when the citation names one."""
    chunks = [c.strip(" .;()") for c in re.split(r",", piece.outside_anchors())]
    for chunk in reversed(chunks):
        if chunk and ARCHIVE_WORD.search(chunk) and not re.search(r"\d", chunk):
            return chunk
    return None


def _as_document(draft: CitationDraft) -> None:
    """A cited document has the document's own fields, never the work's."""
    draft.container_title = draft.publisher = draft.place = None
    draft.year = None
    if draft.date is None and draft.title:
        _date_from_title(draft)


def _date_from_title(draft: CitationDraft) -> None:
    dates = find_dates(draft.title or "")
    if dates:
        set_date(draft, dates[0])


def _read_document_head(piece: Piece, draft: CitationDraft) -> None:
    """Title (quoted, or "X to Y" for letters), translation and date of a document."""
    anchors = piece.anchors()
    outside = piece.outside_anchors()
    dates = find_dates(outside)
    if anchors:
        draft.title = inner_text(piece.note, anchors[0])
        group = group_after(piece, anchors[0].span[1])
        if group and is_translation(piece.note[group[0] + 1 : group[1] - 1]):
            draft.title_translated = piece.note[group[0] + 1 : group[1] - 1].strip()
        prefix = piece.note[piece.span[0] : anchors[0].span[0]].strip(" ,")
        if prefix and (match := LETTER.match(prefix)):
            draft.sender, draft.recipient = match.group("sender"), match.group("recipient")
        elif _document_author(piece, prefix):  # "Hồ Chí Minh, “Thư gửi đồng bào Hoa kiều”, 1 tháng 10 năm 1945"
            draft.authors = read_authors(prefix)[0]
    else:
        cut = dates[0].span[0] if dates else len(piece.text)
        draft.title = clean_title(DATE_LEAD.sub("", piece.text[:cut].strip(" ,("))) or None
        if draft.title and (match := LETTER.match(draft.title)):
            draft.sender, draft.recipient = match.group("sender"), match.group("recipient")
        elif (
            draft.title
            and (authored := re.match(r"([^,]{3,40}),\s+(.{3,})$", draft.title))
            and looks_like_names(authored.group(1))
            and len(authored.group(1).split()) <= 4
            and not DOCUMENT_WORD.match(authored.group(1))
        ):  # "Hồ Chí Minh, Lời kêu gọi thi đua ái quốc, ngày 11-6-1948"
            draft.authors, draft.title = [authored.group(1)], authored.group(2)
    if draft.title and not draft.sender and (match := POSSESSIVE_LETTER.match(draft.title)):
        draft.sender, draft.recipient = match.group("sender"), match.group("recipient")
    if dates:
        set_date(draft, dates[0])
    else:
        _date_from_title(draft)
    draft.genre = guess_genre(draft.title)
    if not anchors and draft.title and _untitled(draft.title):
        draft.title = None  # "He Yingqin to Chiang Kai-shek": sender and recipient, no title


def _untitled(head: str) -> bool:
    """A document named by its sender and recipients only, which has no title: "Chiang
    Kai-shek to Lu Han, telegram" (not "Report to the Central Committee", a title)."""
    match = UNTITLED_LETTER.fullmatch(head)
    return match is not None and not DOCUMENT_WORD.match(match["sender"])


def _document_author(piece: Piece, prefix: str) -> bool:
    """Whether the words before a document's quoted title are its author's name: a few names,
    no number, no archive ("SHD, 10 H 2374, tướng Salan" places the document, it does not sign it)."""
    return (
        bool(prefix)
        and not re.search(r"[\d;:()]", prefix)
        and len(prefix.split()) <= 5
        and looks_like_names(prefix)
        and not (piece.repositories is not None and piece.repositories.find_in(prefix))
    )


def _read_archival(piece: Piece, draft: CitationDraft, holding: list[RepositoryMention]) -> CitationDraft:
    draft.kind = "archival"
    anchors = piece.anchors()
    file_anchor = None
    if len(anchors) > 1:
        between = piece.note[anchors[0].span[1] : anchors[1].span[0]]
        if re.search(r"\b(?:in|dans|trong)\s*$", between.strip(" ,"), re.IGNORECASE):
            file_anchor = anchors[1]
            draft.file_title = inner_text(piece.note, file_anchor)
    head_end = file_anchor or (anchors[0] if anchors else None)
    _read_document_head(piece if not file_anchor else piece.sub(piece.span[0], file_anchor.span[0]), draft)
    if holding:
        mention = holding[0]
        draft.repository, draft.repository_known = mention.record.acronym, True
        repositories = piece.repositories  # never None here: the holding was found with it
        if draft.authors and repositories is not None and repositories.resolve(draft.authors[0]) is mention.record:
            draft.authors = []  # "Eisenhower Library, Dulles Papers, …": the holder, no author
        code = without_place(code_near(piece, mention.span, head_end), mention, piece)
        if not anchors and draft.title and mention.span[0] < piece.span[0] + len(draft.title):
            # "Department of State, Central Files, 751G.00/3–1254": the holding, no title
            head = re.sub(
                r"(?i)[,\s]+(?:(?:is|are|was|were)\s+)?(?:also\s+)?(?:in|dans|trong)\s*$",
                "",
                piece.note[piece.span[0] : mention.span[0]],
            )
            draft.title = clean_title(head) or None
            if (
                draft.title is None
            ):  # "Department of State, Conference Files: Lot 60 D 627": the holder's name, no author
                draft.authors = [a for a in draft.authors if a not in mention.as_written]
            elif FILE_HEAD.match(draft.title):  # "Hồ sơ về việc định cư …, TTLTQG2, Phông …, hồ sơ 1234": the file's
                draft.file_title, draft.title = draft.title, None  # title; its code follows the archive
                code = without_place(
                    code_near(piece.sub(mention.span[0], piece.span[1]), mention.span, None), mention, piece
                )
    else:
        name = unknown_archive(piece)
        if name:
            draft.repository = name
            position = piece.text.rfind(name) + piece.span[0]
            code = code_near(piece, (position, position + len(name)), head_end)
        else:
            code = code_near(piece, (piece.span[1], piece.span[1]), head_end)
    if code and BARE_PAGES.fullmatch(code) and re.search(r"[–-]", code):
        draft.locator, code = code, None  # "…, July 9, 1974, 31–33, Truman Library": a transcript's pages, no code
    draft.reference_code_cited = code
    outside = piece.outside_anchors()
    if leaf := LEAF.search(outside):
        draft.locator = trim_locator(leaf.group(0))
        return draft
    locators = [
        m
        for m in LOCATOR.finditer(outside)
        if not m.group(0).casefold().startswith(("n°", "no")) and not re.match(r"\s*,?\s*op\.", outside[m.end() :])
    ]  # "f. 17, op. 162": a fond
    if locators:
        draft.locator = trim_locator(locators[-1].group(0))
    return draft


def without_place(code: str | None, mention: RepositoryMention, piece: Piece) -> str | None:
    """A reference code without the archive's city or another name of it at its head:
    "Jakarta, Kabinet Presiden RI, no. 123" → "Kabinet Presiden RI, no. 123"."""
    items = (code or "").split(", ")
    while len(items) > 1 and (
        fold(items[0]) == fold(mention.record.city or "")
        or piece.repositories is not None
        and piece.repositories.resolve(items[0]) is mention.record
    ):
        items = items[1:]
    return ", ".join(items) or None


def _read_published(piece: Piece, draft: CitationDraft) -> CitationDraft:
    draft.kind = "published"
    note = piece.note
    anchors = [a for a in piece.anchors() if a.depth == 0 and not SERIES_BEFORE.search(note[: a.span[0]])] or [
        a for a in piece.anchors() if not SERIES_BEFORE.search(note[: a.span[0]])
    ]
    if anchors and not (caps_authors(piece.text[:200]) and IMPRINT.search(note, piece.span[0], anchors[0].span[0])):
        first = anchors[0]
        draft.authors, draft.editors = read_authors(note[piece.span[0] : first.span[0]])
        draft.title = inner_text(note, first)
        if draft.volume is None and (volume := TITLE_VOLUME.search(draft.title)):
            draft.title, draft.volume = draft.title[: volume.start()], volume.group("volume")
        after = first.span[1]
        group = group_after(piece, after)
        if group and is_translation(note[group[0] + 1 : group[1] - 1]):
            draft.title_translated = note[group[0] + 1 : group[1] - 1].strip()
            after = group[1]
        container = next((a for a in anchors[1:] if a.style == "italic"), None)
        if first.style == "quoted" and container is None and (book := book_after_in(note[after : piece.span[1]])):
            draft.container_title, draft.volume, after = book[0], draft.volume or book[2], after + book[3]
            draft.container_title_translated = book[4]
        elif first.style == "quoted" and container is None:
            draft.container_title, after = plain_container(piece, after)
        if first.style == "quoted" and container is not None:
            draft.container_title = inner_text(note, container)
            after = container.span[1]
            group = group_after(piece, after)
            if group and is_translation(note[group[0] + 1 : group[1] - 1]):
                draft.container_title_translated = note[group[0] + 1 : group[1] - 1].strip()
                after = group[1]
        if first.style == "quoted" and draft.container_title:
            rest = note[after : piece.span[1]]  # "*Journal* 11, no. 2", "Journal of Vietnamese Studies 11, no. 2"
            if (match := re.match(r"\s*,?\s*(\d{1,4})\b(?!\s*[–:-]|\s*\))", rest)) and not any(
                d.span[0] == match.start(1) for d in find_dates(rest[:80])
            ):
                draft.volume = match.group(1)  # not the day of an issue's date: "*New York Times*, 14 June 1949"
        tail = piece.sub(after, piece.span[1])
    else:
        draft.authors, draft.editors, draft.title, head_length = plain_author_title(piece.text)
        if draft.title and (translated := BRACKETED_TRANSLATION.search(draft.title)):
            draft.title, draft.title_translated = draft.title[: translated.start()], translated["translation"]
        if draft.title and draft.volume is None and (volume := TITLE_VOLUME.search(draft.title)):
            draft.title, draft.volume = draft.title[: volume.start()], volume.group("volume")
        if (
            draft.title
            and (inside := PLAIN_IN_BOOK.search(piece.text, 0, head_length))
            and (book := book_after_in(piece.text[inside.start() :]))
        ):  # "Title, in: VfZ 45 (1997)"
            draft.title = clean_title(
                draft.title[: draft.title.find(piece.text[inside.start() : inside.end()].strip(" ,"))]
            )
            draft.container_title, draft.volume = book[0], draft.volume or book[2]
            head_length = inside.start() + book[3]
        tail = piece.sub(piece.span[0] + head_length, piece.span[1])
    read_tail(tail, draft)
    has_work_details = draft.publisher or draft.place or draft.year or draft.container_title
    draft.form = "full" if has_work_details else "short"
    return draft
