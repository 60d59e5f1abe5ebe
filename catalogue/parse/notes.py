"""Parsing notes: segment → classify → read fields → resolve back-references.

    parse_notes(raw_notes, repositories) → [ParsedNote]

Invariant: in every note, the citations' spans plus the residue rebuild the text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from ..dates import find_dates
from ..reference.authority import RepositoryIndex
from ..reference.editions import EDITIONS
from .chinese import read_chinese_note
from .citations import (
    has_publication,
    holding_mentions,
    newspaper_issue,
    numbered_in_edition,
    paper_of_the_day,
    published_in_split,
    quoting_split,
    read_citation,
    unknown_archive,
)
from .fields import (
    caps_authors,
    has_imprint,
    looks_like_names,
    set_date,
    via_matches,
)
from .gbt7714 import find_gbt7714
from .learned import fill_gaps
from .model import CitationDraft, ParsedNote, RawNote, Span
from .patterns import (
    ABBREVIATION_TITLE,
    AUTHOR_FILLER,
    AUTHOR_PAGE,
    AUTHOR_SHORT_TITLE,
    AUTHOR_TITLE_PAGE,
    BIBLIOGRAPHIC_WORDS,
    CITING,
    COMMENTARY_AFTER,
    CROSS_REFERENCE,
    DOCUMENT_WORD,
    EDITION_DOCUMENT,
    EDITION_LEAD,
    EDITOR_MARK,
    HEREAFTER,
    HONORIFIC,
    IMPRINT,
    IN_THE_PAPER,
    INTERVIEW,
    IS_IBID,
    JOINERS,
    LEMMA_AFTER,
    LETTER,
    LOCATOR,
    LONE_YEAR,
    LOWER_WORDS,
    MAX_NOTE_LENGTH,
    MID_CONNECTOR,
    NAME_RUN,
    NOUN_BEFORE,
    OP_CIT,
    OPENING_NAMES,
    OPENING_PHRASE,
    PAPER_OF_THE_DAY,
    PLAIN_CITATION,
    PROSE_AFTER_QUOTE,
    PROSE_THEN_AUTHOR,
    QUOTED_TITLE,
    SAME_AUTHOR,
    SERIES_AFTER,
    SHORT_INTERVIEW,
    SOURCE_NOTE,
    SUBTITLE_THEN_ISSUE,
    SUPRA_NOTE,
    THESIS_IMPRINT,
    UNPLACED_IMPRINT,
    WORK_BY,
)
from .pieces import Piece, residue
from .refcodes import parse_reference_code
from .resolve import resolve
from .segment import Anchor, scan, split_points, strip_connector, trim
from .shortforms import recover_short_forms


def parse_notes(raw_notes: Iterable[RawNote], repositories: RepositoryIndex | None = None) -> list[ParsedNote]:
    """Parse every note of one citing work, then resolve short forms in one ordered pass."""
    parsed = []
    for raw in raw_notes:
        if repositories is not None and (defined := abbreviations_defined(raw.text, repositories)):
            repositories = repositories.with_abbreviations(defined)
        parsed.append(_parse_or_report(raw, repositories))
    recover_short_forms(parsed)
    resolve(parsed)
    return parsed


def abbreviations_defined(text: str, repositories: RepositoryIndex) -> dict:
    """The archives a note gives an abbreviation for, by that abbreviation: the archive named
    just before "(hereafter NA)", with at most its city between."""
    found = {}
    for match in HEREAFTER.finditer(text):
        before = [
            m
            for m in repositories.find_in(text[: match.start()])
            if not re.search(r"[;.(]|\d", text[m.span[1] : match.start()])
            and len(text[m.span[1] : match.start()].split()) <= 3
        ]
        if before and repositories.resolve(match["abbreviation"]) is not before[-1].record:
            found[match["abbreviation"]] = before[-1].record
    return found


def _parse_or_report(raw: RawNote, repositories: RepositoryIndex | None) -> ParsedNote:
    """One note read; a note the reader fails on is kept whole and unread, with the failure
    named in its messages (shown by ingest, kept with the note, listed in the review queue),
    and the other notes are still read."""
    try:
        return parse_note(raw, repositories)
    except Exception as error:  # a reader bug on one note: reported with that note, never silent
        message = f"note {raw.number}: the reader failed on it ({type(error).__name__}: {error}); kept verbatim, unread"
        return ParsedNote(raw.number, raw.text, raw.text, [], raw.line, raw.kind, [message])


def parse_note(raw: RawNote, repositories: RepositoryIndex | None = None) -> ParsedNote:
    """Split one note into citations and commentary."""
    if (chinese := read_chinese_note(raw, repositories, parse_note)) is not None:
        return chinese  # a note in Chinese: read by its own stage (chinese.py), Western runs handed back
    text = raw.text
    if len(text) > MAX_NOTE_LENGTH:
        message = f"note {raw.number}: {len(text):,} characters, too long to read; kept verbatim as residue"
        return ParsedNote(raw.number, text, text, [], raw.line, raw.kind, [message])
    structure = scan(text)
    citations: list[CitationDraft] = []
    lemma = _lemma_end(text, structure)
    for piece_span in _rejoin_titles(text, split_points(text, structure)):
        if piece_span[1] <= lemma:
            continue
        piece_span = (max(piece_span[0], lemma), piece_span[1])
        span = trim(text, strip_connector(text, piece_span))
        if span[0] >= span[1]:
            continue
        for by_author in _split_at_caps_authors(Piece(text, span, structure, repositories)):
            for part in _split_joined(by_author):
                citations.extend(_read_part(part))
    for reference in find_gbt7714(text):  # Chinese standard references the stages above leave unread
        if not any(c.span[0] < reference.span[1] and reference.span[0] < c.span[1] for c in citations):
            citations.append(reference)
    citations.sort(key=lambda c: c.span)
    citations = _source_described(text, citations)
    _same_author(citations)
    _printed_edition_of_the_document_before(citations)
    _share_repositories(citations, text)
    _printed_copies(citations)
    for citation in citations:
        _normalise_code(citation)
        fill_gaps(citation)
        if citation.via is not None:
            fill_gaps(citation.via)
    commentary = residue(text, [c.span for c in citations])
    messages = [] if citations or not text.strip() else [f"note {raw.number}: no citation recognised"]
    if citations and (unplaced := unplaced_text(commentary, repositories)):
        messages.append(f"note {raw.number}: text that looks like a citation was not read: “{unplaced}”")
    return ParsedNote(raw.number, text, commentary, citations, raw.line, raw.kind, messages)


def _split_at_caps_authors(piece: Piece) -> list[Piece]:
    """ "…, Paris, Seuil, 1987, et, pour le versant vietnamien, par Christopher E. GOSCHA, Vietnam…,
    Paris, Armand Colin, 2011": a new author in capitals after an imprint starts a new citation."""
    outside = piece.outside_anchors()
    cuts: list[int] = []
    for author in caps_authors(outside)[1:]:
        before = outside[: author.start()]
        if IMPRINT.search(before, cuts[-1] if cuts else 0) and piece.top_level(piece.span[0] + author.start()):
            cuts.append(author.start())
    if not cuts:
        return [piece]
    bounds = [0, *cuts, len(outside)]
    return [piece.sub(piece.span[0] + a, piece.span[0] + b) for a, b in pairwise(bounds)]


def _lemma_end(text: str, structure) -> int:
    """Where the words a trade book's note opens with end: "“steel in the hills”: Vo Nguyen
    Giap, …" or "“a matter of weeks” Dupont, …" — the quoted words the note supports, no title
    (a title in quotes ends with its comma: "“Report on the frontier,” 12 March 1950")."""
    first = structure.anchors[0] if structure.anchors else None
    if first is None or first.style != "quoted" or text[: first.span[0]].strip() or first.depth:
        return 0
    inner = text[first.inner[0] : first.inner[1]].strip()
    after = LEMMA_AFTER.match(text, first.span[1])
    if not inner or inner[-1] in ",." or after is None or after.end() >= len(text):
        return 0
    if not (after.group(0).strip() or inner[0].islower() or inner[0] in "…."):
        return 0
    return after.end()


def _rejoin_titles(text: str, spans: list[Span]) -> list[Span]:
    """Mend cuts made inside a title at a subtitle's full stop ("Hugues TERTRAIS, La Piastre et le
    fusil. Le coût de la guerre…, Paris, …, 2002"): a piece that opens a citation by an author
    in capitals and has no imprint yet (nor a year outside its quoted title) runs on to the
    piece that holds its imprint or its journal's volume ("« … », Outre-mers. Revue d'histoire,
    t. 96"), through
    one more subtitle at most ("Helga Wiedemann, Zwischen Solidarität und Eigeninteresse. Die
    Vietnam-Hilfe…, in: … (Hg.), Die DDR und die Dritte Welt. Neue Forschungen, Berlin: …, 2008")."""
    mended: list[Span] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        if mended and (reach := _imprint_ahead(text, spans, index)) is not None:
            previous = text[mended[-1][0] : mended[-1][1]]
            authors = caps_authors(previous)
            leads = list(
                PROSE_THEN_AUTHOR.finditer(previous)
            )  # "… est reproduit dans Philippe Devillers, Paris-Saigon-Hanoi."
            opened = authors[-1].end() if authors else _opens_with_names(previous)
            if opened is None and leads:
                opened = leads[-1].end("names")
            if (
                opened is None
                and (via := via_matches(previous))
                and (named := _opens_with_names(previous[via[-1].end() :])) is not None
            ):
                opened = via[-1].end() + named  # "…, zit. n. Peter Lohmann, Entwicklungshilfe als Außenpolitik. Die …"
            if (
                opened is not None
                and not IMPRINT.search(previous, opened)
                and not LONE_YEAR.search(QUOTED_TITLE.sub("", previous[opened:]))
                and previous.rstrip().endswith(".")
            ):
                mended[-1] = (mended[-1][0], spans[reach][1])
                index = reach + 1
                continue
        mended.append(span)
        index += 1
    return mended


def _subtitle_then_op_cit(piece: str) -> bool:
    """ "Un État né de la guerre, op. cit., p. 214" after "Goscha, Vietnam.": a short title's
    subtitle, then "op. cit." (the words before it are no author's name)."""
    marker = OP_CIT.search(piece)
    if marker is None:
        return False
    head = piece[: marker.start()].strip(" ,")
    return bool(head) and not re.search(r"[,;:()\d]", head) and not looks_like_names(head)


def _imprint_ahead(text: str, spans: list[Span], index: int) -> int | None:
    """The piece holding an imprint (or a subtitle, then "op. cit."), this one or the next after
    a subtitle's full stop (with no year of its own), else None."""
    piece = text[spans[index][0] : spans[index][1]]
    if (
        IMPRINT.search(piece)
        or THESIS_IMPRINT.search(piece)
        or SUBTITLE_THEN_ISSUE.match(piece)
        or _subtitle_then_op_cit(piece)
    ):
        return index
    if (
        index + 1 < len(spans)
        and piece.rstrip().endswith(".")
        and not LONE_YEAR.search(piece)
        and IMPRINT.search(text[spans[index + 1][0] : spans[index + 1][1]])
    ):
        return index + 1
    return None


def _opens_with_names(piece: str) -> int | None:
    """Where the authors end in a piece that opens with them ("Vgl. grundlegend Alexander
    Troche, Berlin wird …"), else None."""
    if same := SAME_AUTHOR.match(piece, len(piece) - len(piece.lstrip())):  # "ders., Bonn und Saigon. Die …"
        return same.end()
    match = OPENING_NAMES.match(piece)
    if (
        match
        and looks_like_names(match["names"])
        and (run := name_run(match["names"]))
        and len(run.group(0).split()) <= 5
    ):
        return match.end("names")  # "zur Politik der DDR Ingrid Muth, Die DDR-Außenpolitik …": the names end the run
    return None


def _read_part(part: Piece) -> list[CitationDraft]:
    """The citations of one part: "X, citing Y" gives X, then Y known through X."""
    drafts: list[CitationDraft] = []
    for index, single in enumerate(quoting_split(part)):
        single = single.sub(*trim(single.note, strip_connector(single.note, single.span)))
        if single.span[0] >= single.span[1]:
            continue
        start = single.span[0] if index else citation_start(single)
        if start is None:
            continue
        single = single.sub(start, single.span[1])
        single = single.sub(single.span[0], _citation_end(single))
        draft = numbered_in_edition(read_citation(single))
        if (
            index
            and drafts
            and (not (draft.kind == "published" and draft.form == "full") or _dated_only(draft, single))
        ):
            draft.kind, draft.form = "cited_document", "full"
            draft.via, draft.via_relation = drafts[0], "cited_in"
            draft.locator = draft.locator or drafts[0].locator  # the page of the work citing it
            if draft.date is None and (dates := find_dates(single.outside_anchors())):
                set_date(draft, dates[0])
                draft.year = None
        drafts.append(draft)
    return drafts


def _dated_only(draft: CitationDraft, piece: Piece) -> bool:
    """A citation read as a published work whose only detail of a work is the year of a
    document's date ("Gunseikanbu, ‘Minshin antei ni kansuru ken’, March 1943"): a document."""
    if draft.publisher or draft.place or draft.container_title or draft.volume or draft.year is None:
        return False
    return any(d.edtf.startswith(str(draft.year)) for d in find_dates(piece.outside_anchors()))


def _split_joined(piece: Piece) -> list[Piece]:
    """Cut "“A,” (date) and “B,” (date), 10 H 287, SHD" or "note 9 supra, et Mauduit, art.
    cit." into one piece per citation: both sides must read as citations on their own."""
    note = piece.note
    anchors = piece.anchors()
    for match in JOINERS.finditer(piece.text):
        position = piece.span[0] + match.start()
        after = piece.span[0] + match.end()
        if not piece.top_level(position):
            continue
        head = piece.sub(piece.span[0], position)
        tail = piece.sub(after, piece.span[1])
        following = next((a for a in anchors if a.span[0] >= after), None)
        between = note[after : following.span[0]] if following else tail.text
        head_after_title = note[max([a.span[1] for a in head.anchors()], default=head.span[0]) : position]
        if re.search(r"(?:^|[\s,])(?:in|dans|trong)\s+[^,]*$", head_after_title):
            continue  # "in Ferrand and Lacombe (eds.), *Book*": the editors of a chapter's book
        if following is not None and not between.strip():
            starts_citation = True
        elif following is not None:
            starts_citation = (
                between.rstrip().endswith(",") and len(between.split()) <= 6 and looks_like_names(between.strip(" ,"))
            )
        elif CROSS_REFERENCE.match(head.text):  # "voir supra note 23 et, sur l'affaire elle-même, Jacques DESPUECH, …"
            starts_citation = citation_start(tail) is not None
        else:
            starts_citation = bool(re.match(r"[A-ZÀ-ÝĐ]", tail.text)) and bool(
                OP_CIT.search(tail.text)
                or CROSS_REFERENCE.match(tail.text)
                or AUTHOR_PAGE.fullmatch(tail.text)
                or AUTHOR_TITLE_PAGE.fullmatch(tail.text)
                or newspaper_issue(tail.text)
                or _two_imprints(head, tail)
            )
        if not starts_citation or citation_start(head) is None:
            continue  # commentary: "… các “thổ phỉ” và “Hoa kiều phản động” …"
        return [head, *_split_joined(tail)]
    return [piece]


def _two_imprints(head: Piece, tail: Piece) -> bool:
    """ "Zubok and Pleshakov, Inside the Kremlin's Cold War (Cambridge, MA: …, 1996), 54–62, and
    Odd Arne Westad, Decisive Encounters (Stanford: …, 2003)": two books, titles unitalicised,
    each with its imprint, the second opening with its authors' names."""
    names = re.match(r"([^,()]{3,80}?),\s", tail.text)
    return (
        names is not None
        and looks_like_names(names.group(1))
        and (has_publication(head) or has_imprint(head.text))
        and (has_publication(tail) or has_imprint(tail.text))
    )


def citation_start(piece: Piece) -> int | None:
    """Where the citation in this piece starts, or None when the piece is commentary."""
    note, (start, end) = piece.note, piece.span
    outside = piece.outside_anchors()
    anchors = [a for a in piece.anchors() if a.depth == 0 and not _quoted_word(note, a)]
    first_anchor = anchors[0].span[0] - start if anchors else len(outside)
    connectors = [m for m in MID_CONNECTOR.finditer(outside[:first_anchor]) if piece.top_level(start + m.start())]
    if connectors and connectors[-1].end() < len(outside):
        start = start + connectors[-1].end()
        piece = piece.sub(start, end)
        outside = piece.outside_anchors()
    if (marked := _start_of_marked(piece, anchors, outside)) is not None:
        return marked
    if (named := _start_of_named_source(piece, anchors, outside)) is not None:
        return named
    if anchors:
        return _start_among_titles(piece, anchors)
    if has_publication(piece):
        return _start_of_publication(piece)
    return _start_of_plain(piece)


def _start_of_marked(piece: Piece, anchors: list[Anchor], outside: str) -> int | None:
    """Where a citation marked as one starts: a cross-reference after a connector, ibid., id.,
    an edition's lead, an interview, op. cit.; None if nothing marks one."""
    start, text = piece.span[0], piece.text
    for lead in MID_CONNECTOR.finditer(text):  # "… un « nouvel engrenage » : voir supra, note 10."
        if lead.start() and piece.top_level(start + lead.start()) and CROSS_REFERENCE.match(text[lead.start() :]):
            return start + lead.start()
    if (
        CROSS_REFERENCE.match(text)
        or re.match(r"(?i)(?:ibid|id\.|idem|ebd\b|ebenda|như trên|同上)", text)
        or EDITION_LEAD.match(text)
    ):
        return start
    if IS_IBID.search(text) or SHORT_INTERVIEW.match(text) or SAME_AUTHOR.match(text) and has_imprint(text):
        return start  # "ders., Bonn und Saigon…, Frankfurt a. M.: Peter Lang, 2002": the same author again
    plain = text.replace("*", " ")  # "*op. cit.*" in italics
    if marker := (OP_CIT.search(plain) or SUPRA_NOTE.search(plain)):
        return _start_before_op_cit(piece, anchors, outside, marker.start())
    return None


def _start_before_op_cit(piece: Piece, anchors: list[Anchor], outside: str, marker: int) -> int:
    """Where a citation by "op. cit." (or "supra n.") starts: the document cited in a work, the
    author before the short title, or the names before the marker (at ``marker``)."""
    note, start = piece.note, piece.span[0]
    if _via_present(piece, marker):
        return start  # "Message…, 14 mars 1954, cité dans Cadeau, Diên Biên Phu, op. cit.": the document opens it
    before = [
        a
        for a in anchors
        if start <= a.span[0]
        and a.span[1] <= start + marker
        and not ABBREVIATION_TITLE.fullmatch(piece.note[a.inner[0] : a.inner[1]].strip(" ,."))
    ]
    if before:
        names = name_run(note[start : before[-1].span[0]])
        return start + names.start() if names else before[-1].span[0]
    if (
        (short := AUTHOR_SHORT_TITLE.fullmatch(outside[:marker]))
        and looks_like_names(short["names"])
        and len(short["names"].split()) <= 4
    ):
        return start  # "Dalloz, La Guerre d'Indochine, op. cit.": the author, then the short title
    names = name_run(outside[:marker])
    return start + names.start() if names else start


def _start_of_named_source(piece: Piece, anchors: list[Anchor], outside: str) -> int | None:
    """Where a citation starts that names its source: an author and page, a newspaper, a work
    "by" someone, an archive, an edition's document, a dated letter, an author in capitals;
    None if it names none of them."""
    note, (start, end), text = piece.note, piece.span, piece.text
    if AUTHOR_PAGE.fullmatch(text.rstrip(".")) or newspaper_issue(text):
        return start
    for lead in IN_THE_PAPER.finditer(text):  # "the dispatch from Paris in The New York Times, June 17, 1954, p. 3"
        if piece.top_level(start + lead.start()) and newspaper_issue(text[lead.end() :]):
            return start + lead.end()
    if (work := WORK_BY.match(text)) and piece.anchors():  # "l'article d'André Fontaine, « Après Genève », Le Monde, …"
        return start + work.end()
    if (
        _via_present(piece)
        or (holding := holding_mentions(piece))
        and (
            re.search(r"\d", text) or holding[0].span[0] == start and SERIES_AFTER.match(note, holding[0].span[1], end)
        )
    ):
        return start  # "SHD, 10 H 287", "Eisenhower Library, Dulles Papers, Telephone Conversations"
    if document := EDITION_DOCUMENT.search(text):  # "Document 146.", "Voir ci-dessus le document n° 212."
        return start + document.start(next(g for g in ("whole", "doc", "volume") if document.group(g)))
    if published_in_split(piece) is not None:
        return start
    # "Vgl. die Berichterstattung in: Neues Deutschland vom 20.12.1966, S. 1 f."
    if not anchors and paper_of_the_day(text) and (paper := PAPER_OF_THE_DAY.search(text)):
        return start + paper.start()
    if (
        find_dates(outside)
        and (LETTER.match(text) or DOCUMENT_WORD.match(text) or INTERVIEW.match(text))
        and len(text.split()) <= 40
    ):
        return start
    if (authors := caps_authors(outside)) and IMPRINT.search(outside, authors[0].end()):
        return start + authors[0].start()  # "Sur ce point, voir Philippe DEVILLERS, Histoire…, Paris, Seuil, 1952"
    return None


def _start_among_titles(piece: Piece, anchors: list[Anchor]) -> int | None:
    """Where a citation with titles (in quotes or italics) starts: after the prose that leads
    to one of them; None when the titles are commentary's."""
    note, start = piece.note, piece.span[0]
    for anchor in anchors:  # "On the term ‘bersiap’ and its uses, see Robert Cribb, ‘The brief genocide…’"
        if lead := _prose_lead(note[start : anchor.span[0] + 1]):
            return start + lead
    if (begun := _start_before_title(piece, anchors[0].span[0])) is not None:
        return begun
    groups = [g for g in piece.groups() if g[0] >= anchors[-1].span[1]]
    if (
        groups
        and has_publication(piece.sub(groups[0][0], piece.span[1]))
        and (lead := _prose_lead(note[anchors[-1].span[1] : groups[0][0]]))
    ):
        # "… in favor of “steady advance” is best read alongside Qiang Zhai, China…"
        return anchors[-1].span[1] + lead
    return None


def _start_of_publication(piece: Piece) -> int:
    """Where a citation with an imprint in brackets starts: after the prose that leads to it,
    if any ("The President later described it in Dwight D. Eisenhower, Mandate…")."""
    start, text = piece.span[0], piece.text
    first_group = piece.groups()[0][0] - start if piece.groups() else len(text)
    if lead := _prose_lead(text[:first_group]):
        return start + lead
    return start


def _start_of_plain(piece: Piece) -> int | None:
    """Where a citation with no title marked, no imprint in brackets and no source named
    starts: a page, a plain citation, a lead then a short form or a work with its imprint,
    an unknown archive's document; None for commentary."""
    start, text = piece.span[0], piece.text
    words = len(text.split())
    if LOCATOR.search(text) and words <= 12 and not re.match(r"[a-z]", text):
        return start
    if PLAIN_CITATION.match(text) and len(text.split()) <= 40 and not _prose(text):
        return start
    if (
        (comma := re.search(r",\s", text))
        and (run := name_run(text[: comma.start()]))
        and AUTHOR_TITLE_PAGE.fullmatch(text, run.start())
    ):
        return (
            start + run.start()
        )  # "zur Tet-Offensive insgesamt Frey, Geschichte, S. 160 f.": a lead, then a short form
    if (after_colon := _start_after_colon(piece)) is not None:
        return after_colon
    if re.match(r"[A-ZÀ-ÝĐ]", text) and has_imprint(text) and len(text.split()) <= 40:
        return start  # "Viện Lịch sử quân sự Việt Nam, Lịch sử…, Nxb. Chính trị quốc gia, H., 1996"
    if (
        has_imprint(text)
        and (comma := re.search(r",\s", text))
        and (run := name_run(text[: comma.start()]))
        and len(run.group(0).split()) <= 4
    ):
        return start + run.start()  # "grundlegend Alexander Troche, Berlin wird…, Düsseldorf: Droste, 2001"
    if unknown_archive(piece) and re.search(r"\d", text) and words <= 15:
        return start
    return None


def _start_after_colon(piece: Piece) -> int | None:
    """A citation after the colon that ends a sentence of commentary ("Commentary…: Lê Văn Hiến,
    Nhật ký…, 1995, tr. 312"), not the colon of an imprint; None if there is none."""
    start, text = piece.span[0], piece.text
    imprints = [m.span() for m in IMPRINT.finditer(text)]
    for colon in re.finditer(r":\s+", text):
        rest = text[colon.end() :]
        if any(a < colon.start() < b for a, b in imprints):
            continue  # "…, Berlin: Ch. Links, 2000": the colon between place and publisher
        if (
            piece.top_level(start + colon.start())
            and len(rest.split()) <= 40
            and (PLAIN_CITATION.match(rest) or re.match(r"[A-ZÀ-ÝĐ]", rest) and has_imprint(rest))
        ):
            return start + colon.end()
    return None


def name_run(head: str) -> re.Match[str] | None:
    """The run of names that ends a lead, less a German noun opening it after its article or
    adjective: "zur Politik der DDR Ingrid Muth" → "Ingrid Muth"."""
    run = NAME_RUN.search(head)
    before = head[: run.start()].split() if run else []
    if run and len(run.group(0).split()) >= 3 and before and NOUN_BEFORE.fullmatch(before[-1]):
        return NAME_RUN.search(head, run.start() + len(run.group(0).split()[0]) + 1)
    return run


def _quoted_word(note: str, anchor) -> bool:
    """A word or phrase in quotes inside a sentence of commentary, no title: "I use “Saigon”
    for the combined municipality…" (nothing closes it, and prose in lower case follows)."""
    return (
        anchor.style == "quoted"
        and note[anchor.inner[1] - 1 : anchor.inner[1]] not in ",.;:!?"
        and PROSE_AFTER_QUOTE.match(note, anchor.span[1]) is not None
    )


def _prose_lead(head: str) -> int | None:
    """Where the author starts after a sentence of commentary that leads to the citation
    ("Eden's published account, in Anthony Eden, Full Circle (London: …)"), else None."""
    if re.match(r"[A-ZÀ-ÝĐ][\w’'.-]*(?:\s+[A-ZÀ-ÝĐ][\w’'.-]*){0,3},\s", head):
        return None  # the citation opens with its author
    if (
        (phrase := OPENING_PHRASE.match(head))
        and (names := re.match(r"[^,()]{2,60}(?=,\s)", head[phrase.end() :]))
        and looks_like_names(names.group(0))
    ):
        return phrase.end()  # "for the Dutch side, H.W. van den Doel, Afscheid van Indië (…)"
    leads = list(PROSE_THEN_AUTHOR.finditer(head))
    if not leads or len(head[: leads[-1].start()].split()) < 2:
        return None
    return leads[-1].start("names")


def _prose(text: str) -> bool:
    """A sentence of commentary, not a plain citation: "Mrs. Hoa, born in Gia Định in 1933,
    sold cloth at Bến Thành market from 1951 until 1975" (a person by an honorific, or many
    words in lower case that no title would hold)."""
    if HONORIFIC.match(text):
        return True
    if LOCATOR.search(text) or has_imprint(text):
        return False
    lower = [
        w
        for w in re.findall(r"\b[^\W\d_][\w’'-]*", text)
        if w[0].islower() and w.casefold() not in LOWER_WORDS and w.casefold() not in BIBLIOGRAPHIC_WORDS
    ]
    return len(lower) >= 10


def _via_present(piece: Piece, before: int | None = None) -> bool:
    """Does a document, then "cited in"/"reprinted in" and a work, make up the piece (with the
    phrase before offset ``before`` of the piece when given)?"""
    for match in via_matches(piece.text):
        if before is not None and match.start() >= before:
            break
        if (
            match.start()
            and piece.top_level(piece.span[0] + match.start())
            and not match.group("relation").casefold().startswith(CITING)
        ):
            rest = piece.sub(piece.span[0] + match.end(), piece.span[1])
            return (
                bool(rest.anchors())
                or has_publication(rest)
                or bool(EDITIONS.opening(rest.text))
                or bool(
                    PLAIN_CITATION.match(rest.text)
                    or AUTHOR_PAGE.fullmatch(rest.text.rstrip("."))
                    or OP_CIT.search(rest.text)
                )
            )
    return False


def _start_before_title(piece: Piece, title: int) -> int | None:
    """The title's authors start the citation; commentary before them is residue."""
    note, start = piece.note, piece.span[0]
    prefix = note[start:title]
    if not prefix.strip() or re.fullmatch(r"\s*(?:in|dans|trong)\s*:?\s*", prefix):
        return start
    if prefix.rstrip().endswith(":") and len(prefix.split()) > 3:
        return title if _titled_in_work(piece, title) else None  # commentary quoting someone: "… as follows: “…”"
    if _quoted_sentence(piece, prefix):
        return None  # "Scott thought the Americans “inclined to see … success.”": a quotation, no title
    cuts = [start] + [start + m.end() for m in re.finditer(r"[,:]\s+", prefix)]
    for cut in cuts:
        names = AUTHOR_FILLER.sub("", note[cut:title]).strip(" ,:;")
        if names and (looks_like_names(names) or LETTER.match(names)):
            return cut
    if _compiler(prefix):
        return start
    return None


def _quoted_sentence(piece: Piece, prefix: str) -> bool:
    """A clause ending in a quoted sentence, with nothing after it ("Scott thought the Americans
    “inclined to see Peking’s hand behind every Viet Minh success.”"): a title closes with a
    comma or is followed by its details; a lower-case word before it is a verb of the prose."""
    anchors = [a for a in piece.anchors() if a.depth == 0]
    if (
        len(anchors) != 1
        or anchors[0].style != "quoted"
        or piece.note[anchors[0].span[1] : piece.span[1]].strip(' .”"')
    ):
        return False
    if piece.note[anchors[0].inner[1] - 1] not in ".!?":
        return False
    return any(
        w[0].islower() and w.casefold() not in LOWER_WORDS and w.casefold() not in BIBLIOGRAPHIC_WORDS
        for w in re.findall(r"[^\W\d_][\w’'-]*", prefix)
    )


def _compiler(prefix: str) -> bool:
    """A body named as the work's editor or compiler, its name romanised in lower case after
    the first word ("Zhonggong zhongyang wenxian yanjiushi, ed., *Zhou Enlai nianpu*")."""
    mark = EDITOR_MARK.search(prefix)
    name = prefix[: mark.start()].strip() if mark else ""
    return (
        mark is not None
        and mark.group(0).strip().endswith(",")
        and bool(re.fullmatch(r"[A-ZÀ-ÝĐ][\w’'-]*(?:\s+[\w’'-]+){1,5}", name))
    )


def _titled_in_work(piece: Piece, title: int) -> bool:
    """A title in quotes closed by its comma and followed by a work in italics ("…warmly:
    “Bao Dai Back in Saigon,” *New York Times*, 14 June 1949, 12"): a citation, not a quotation."""
    anchors = [a for a in piece.anchors() if a.depth == 0 and a.span[0] >= title]
    if len(anchors) < 2 or anchors[0].style != "quoted" or anchors[1].style != "italic":
        return False
    inner = piece.note[anchors[0].inner[0] : anchors[0].inner[1]].rstrip()
    return inner.endswith(",") and not piece.note[anchors[0].span[1] : anchors[1].span[0]].strip(" ,")


def _citation_end(piece: Piece) -> int:
    """Where the citation ends: before trailing commentary ("…, 2015) has more coverage…")."""
    outside = piece.outside_anchors()
    marks = [m.end() for m in re.finditer(r"[\d)\]]", outside)]
    marks += [a.span[1] - piece.span[0] for a in piece.anchors()]
    if piece.repositories is not None:
        marks += [m.span[1] for m in piece.repositories.find_in(outside)]
    last = max(marks, default=0)
    match = COMMENTARY_AFTER.match(piece.text, last)
    if match and match.group("word").rstrip(".").casefold() not in BIBLIOGRAPHIC_WORDS:
        return trim(piece.note, (piece.span[0], piece.span[0] + last))[1]
    return piece.span[1]


def _source_described(text: str, citations: list[CitationDraft]) -> list[CitationDraft]:
    """An edition's source note ("Source: SHD, 10 H 178. Secret. Fiche du 2e bureau…, 30 juin
    1954."): the sentences after the archival source describe that document (its kind, number,
    classification, date) and cite nothing of their own; a date they give is the document's."""
    if not SOURCE_NOTE.match(text) or not citations or citations[0].kind != "archival" or not citations[0].repository:
        return citations
    source, kept = citations[0], [citations[0]]
    for citation in citations[1:]:
        if _names_nothing(citation):
            if source.date is None and citation.date:
                source.date, source.date_as_written = citation.date, citation.date_as_written
                source.date_precision = citation.date_precision
            continue
        kept.append(citation)
    return kept


def _names_nothing(citation: CitationDraft) -> bool:
    """A citation read from a document's description only: no holder, code, work or page."""
    return (
        citation.kind in ("archival", "published", "unknown")
        and citation.form in ("full", "short")
        and not (
            citation.repository
            or citation.reference_code_cited
            or citation.via
            or citation.authors
            or citation.locator
            or citation.container_title
            or citation.publisher
            or citation.place
            or citation.year
            or citation.volume
        )
    )


def _same_author(citations: list[CitationDraft]) -> None:
    """ "id., *Title*": the author of the citation before."""
    for previous, citation in pairwise(citations):
        if SAME_AUTHOR.match(citation.text) and citation.title:
            citation.form = "full"
            citation.authors, citation.editors = list(previous.authors), list(previous.editors)


def _printed_copies(citations: list[CitationDraft]) -> None:
    """ "Collins to Dulles, 7 April 1955, NARA, …; printed in *FRUS*…": the edition prints the
    document cited just before, which keeps its date."""
    for previous, citation in pairwise(citations):
        if (
            citation.kind == "published_document"
            and citation.date is None
            and not citation.title
            and previous.date
            and EDITION_LEAD.match(citation.text)
        ):
            citation.date, citation.date_as_written = previous.date, previous.date_as_written
            citation.date_precision = previous.date_precision


def _printed_edition_of_the_document_before(citations: list[CitationDraft]) -> None:
    """ "Van Mook to Logemann, 20 July 1946, NA, …; printed in NIB, vol. 5, …": the edition prints
    the document cited just before it, whose title, date and correspondents it keeps."""
    for previous, citation in pairwise(citations):
        if (
            citation.kind == "published_document"
            and citation.date is None
            and not citation.title
            and previous.kind == "archival"
            and EDITION_LEAD.match(citation.text)
        ):
            citation.date, citation.date_as_written, citation.date_precision = (
                previous.date,
                previous.date_as_written,
                previous.date_precision,
            )
            citation.title, citation.genre = previous.title, previous.genre
            citation.sender, citation.recipient = previous.sender, previous.recipient


def _share_repositories(citations: list[CitationDraft], text: str) -> None:
    """ "“A” (date) and “B” (date), 10 H 287, SHD": A is held where B is, under B's code; a document
    with no archive listed after one, after a semicolon, is held where that one is."""
    for index, citation in enumerate(citations):
        if citation.kind != "archival" or citation.repository:
            continue
        donor = next((c for c in citations[index + 1 :] if c.kind == "archival" and c.repository), None)
        if (
            donor is None
            and index
            and (before := citations[index - 1]).kind == "archival"
            and before.repository
            and re.fullmatch(r"\s*;\s*", text[before.span[1] : citation.span[0]])
        ):
            donor = before  # "hồ sơ số 214: Điện …, tờ 4; Điện …, tờ 7": the next document of the same file
        if donor is None:
            citation.unresolved_reason = "no repository named"
            continue
        citation.repository, citation.repository_known = donor.repository, donor.repository_known
        if not citation.reference_code_cited or LOCATOR.fullmatch(citation.reference_code_cited):
            citation.reference_code_cited = donor.reference_code_cited


def _normalise_code(citation: CitationDraft) -> None:
    for draft in (citation, citation.via):
        if draft is not None and draft.reference_code_cited:
            code = parse_reference_code(
                draft.reference_code_cited, draft.repository if draft.repository_known else None
            )
            draft.reference_code, draft.reference_levels = code.normalised, code.levels


def unplaced_text(residue: str, repositories: RepositoryIndex | None) -> str | None:
    """A stretch of a note's commentary that reads like a citation the reader left unread: an
    imprint in brackets ("(Paris: Seuil, 1952)"), or an archive named just before a code
    ("SHD, 10 H 287"). None when the commentary is only commentary."""
    for imprint in UNPLACED_IMPRINT.finditer(residue):
        return residue[max(0, imprint.start() - 60) : imprint.end()].strip()
    for mention in repositories.find_in(residue) if repositories is not None else []:
        after = residue[mention.span[1] : mention.span[1] + 25]
        if re.match(r"\s*[,:]\s*[A-Z]{0,4}[\s/-]*\d", after):
            return residue[mention.span[0] : mention.span[1] + 25].strip()
    return None
