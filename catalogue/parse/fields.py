"""Reading the fields of one citation: authors and editors, titles, imprints (in brackets, or in
French, German and Vietnamese order), volumes, issues and locators, reference codes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from functools import cache

from ..dates import FoundDate, find_dates, find_years
from ..reference.editions import EDITIONS
from ..reference.gazetteer import is_place
from .model import CitationDraft, Span
from .patterns import (
    AUTHOR_FILLER,
    BARE_PAGES,
    BOOK_END,
    BRACKETED_TRANSLATION,
    CAPS_AUTHOR,
    DETERMINERS,
    DOCUMENT_NAMED,
    EARLIER_EDITION,
    EDITED_BY,
    EDITED_CONTAINER,
    EDITOR_MARK,
    EDITORS_FIRST,
    GENRES,
    HEREAFTER,
    IMPRINT,
    IN_BOOK,
    INSTITUTION,
    ISSUE,
    LEAF,
    LOCATOR,
    LOWER_WORDS,
    MARKDOWN_ESCAPE,
    NAME_SPLIT,
    NOT_GIVEN_NAMES,
    PLAIN_TITLE_END,
    PUBLISHER_PLACE,
    SERIES_IN_BRACKETS,
    THESIS_IMPRINT,
    TIME_OF_DAY,
    TITLE_CREDIT,
    TITLE_YEAR_NOT,
    TRANSLATION_CLOSES,
    VIA,
    VIA_WORDS,
    VIETNAMESE_IMPRINT,
    VOLUME,
    VOLUME_PAGE,
)
from .pieces import Piece
from .segment import Anchor


def inner_text(note: str, anchor: Anchor) -> str:
    return clean_title(note[anchor.inner[0] : anchor.inner[1]])


@functools.lru_cache(maxsize=4096)
def via_matches(text: str) -> tuple[re.Match[str], ...]:
    """The VIA phrases of a text ("cited in", "reprinted in"…), left to right."""
    return tuple(VIA.finditer(text)) if VIA_WORDS.search(text) else ()


def has_imprint(text: str) -> bool:
    """Publication details outside brackets, in French, German or Vietnamese order, or a thesis's
    (or the publisher before a place the gazetteer knows: "…, Service historique de l'Armée de
    terre, Vincennes, 1987")."""
    return bool(IMPRINT.search(text) or VIETNAMESE_IMPRINT.search(text) or THESIS_IMPRINT.search(text)) or any(
        is_place(m["place"]) for m in PUBLISHER_PLACE.finditer(text)
    )


@functools.lru_cache(maxsize=4096)
def caps_authors(text: str) -> tuple[re.Match[str], ...]:
    """Authors written "Prénom NOM" (small capitals), not archive words ("Fonds HCI", "Archives SHD")."""
    found = []
    for m in CAPS_AUTHOR.finditer(text):
        given, surname = m.group(0)[: m.start("surname") - m.start()].split(), m.group("surname")
        if given[0].casefold() in NOT_GIVEN_NAMES or not all(
            w[0].isupper() and not w.isupper() or w.endswith(".") for w in given
        ):
            continue
        letters = re.sub(r"^(?:de|du|des|d’|d'|le|la|van|von)\s*|[\s’'-]", "", surname)
        if len(letters) >= 2 and letters.isupper() and re.search(r"[AEIOUYÀ-ÝĂÂÊÔƠƯẠ-Ỹ]", letters):
            found.append(m)
    return tuple(found)


def set_date(draft: CitationDraft, found: FoundDate) -> None:
    draft.date, draft.date_as_written, draft.date_precision = found.edtf, found.as_written, found.precision


def guess_genre(title: str | None, genres: Sequence[tuple[str, str]] = GENRES) -> str | None:
    """The kind of a document from its title, by the first pattern of ``genres`` it holds."""
    if not title:
        return None
    for genre, pattern in genres:
        if _genre_pattern(pattern).search(title):
            return genre
    return None


@cache
def _genre_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def clean_title(title: str) -> str:
    """A title as a reader would write it: one space between words, no markdown escapes
    ("Requires \\$7,000" → "Requires $7,000"), no stray punctuation at its ends."""
    return MARKDOWN_ESCAPE.sub(r"\1", re.sub(r"\s+", " ", title)).strip(" ,.;:").strip()


def group_after(piece: Piece, position: int) -> Span | None:
    """The bracket group that follows ``position`` with nothing but spaces or a comma between."""
    for group in piece.groups():
        if group[0] >= position and not piece.note[position : group[0]].strip(" ,"):
            return group
    return None


def is_translation(content: str) -> bool:
    """A title's translation in brackets, not publication details, a date or a place."""
    content = content.strip()
    if not re.search(r"[^\W\d_]{2,}", content) or len(content) > 400:
        return False
    if read_publication(content):
        return False
    return not find_dates(content) or len(content.split()) > 4


def split_names(names: str) -> list[str]:
    names = EDITED_BY.sub("", names.strip(" ,.;:"))
    return [n.strip(" .,") for n in NAME_SPLIT.split(names) if n.strip(" .,")]


def looks_like_names(prefix: str) -> bool:
    """Is this a list of authors (persons or institutions), not a sentence of commentary?"""
    words = re.findall(r"[\w’'.-]+", prefix)
    if not words or len(words) > 16:
        return False
    if len(words) > 1 and words[0] in DETERMINERS and words[1][0].islower():
        return False  # "The phrase “sửa sai”": a noun of the sentence, no name
    lower = [w for w in words if w[0].islower() and w.casefold() not in LOWER_WORDS and w not in ("ed.", "eds.")]
    return len(lower) <= 1 and any(w[0].isupper() for w in words)


def read_authors(prefix: str) -> tuple[list[str], list[str]]:
    """Authors and editors from the text before a title: "Guo Ming, ed.," → ([], ["Guo Ming"])."""
    prefix = AUTHOR_FILLER.sub("", prefix.strip()).strip(" ,:;")
    if not prefix or not looks_like_names(prefix):
        return [], []
    if EDITOR_MARK.search(prefix):
        return [], split_names(EDITOR_MARK.sub("", prefix))
    return split_names(prefix), []


def read_publication(content: str) -> dict:
    """ "(Place: Publisher, Year)", "(Publisher, Year)", "(Year)", "(March 1993)", "(Place:
    Publisher, 1977–79)" → fields.

    The year closes the group; a document's full date ("(30 avril 1948)") is no imprint.
    """
    content = content.strip("()[] ,.")
    if (
        content[-1:].isdigit()
        and (span := re.search(r"[^\d\s,][^,]*:[^:]+,\s*(1[5-9]\d\d|20\d\d)\s*[–-]\s*(?:\d\d|\d{4})$", content))
        and not find_dates(content)
    ):  # "(Bandung: Disjarah-AD dan Angkasa, 1977–79)": volumes over years, the first
        content = content[: span.end(1)]
    match = re.search(r"(?:^|[\s,])(1[5-9]\d\d|20\d\d)$", content)
    if not match or re.search(r"\d\s*[–-]\s*$", content[: match.start(1)]):
        return {}
    fields: dict = {"year": int(match.group(1))}
    head = content[: match.start(1)].strip(" ,")
    if not head:
        return fields
    dates = find_dates(content)
    if dates and dates[-1].span[1] == len(content):
        return fields if dates[-1].precision != "day" and len(head) < 15 else {}
    place, sep, publisher = head.partition(":")
    if sep:
        fields["place"], fields["publisher"] = place.strip(" ,"), publisher.strip(" ,") or None
    else:
        fields["publisher"] = head
    return fields


def read_volume_issue_locator(text: str) -> dict:
    """Volume, issue and locator in text outside titles: "Vol. 1, pp.63–64", "29:41–68"."""
    fields: dict = {}
    if match := VOLUME_PAGE.search(text):
        fields["volume"], fields["locator"] = match.group("volume"), match.group("pages")
    if match := VOLUME.search(text):
        fields["volume"] = match.group("volume")
    if match := ISSUE.search(text):
        fields["issue"] = match.group("issue")
    locators = [m for m in LOCATOR.finditer(text) if not m.group(0).casefold().startswith(("n°", "no"))]
    if at := re.search(r"\b(?:at|ici|here|hier|esp\.|especially)\s+((?:pp?|S)\.\s*\d+(?:\s*[–-]\s*\d+)?)", text):
        # "pp. 55–96, at p. 71", "p. 301-318, ici p. 307": the page cited within the article
        fields["locator"] = trim_locator(at.group(1))
    elif locators:
        fields["locator"] = trim_locator(text[locators[0].start() : locators[-1].end()])
    elif leaf := LEAF.search(text.rstrip(" .;,")):  # "Ibid., l. 16": the leaf of a Russian archival file
        fields["locator"] = trim_locator(leaf.group(0))
    else:
        last = text.rstrip(" .;,)").rsplit(",", 1)[-1].rsplit(")", 1)[-1].strip()
        if BARE_PAGES.fullmatch(last) and not (len(last) == 4 and last.isdigit() and 1500 <= int(last) <= 2099):
            fields["locator"] = last
    return fields


def trim_locator(locator: str) -> str:
    """A locator without stray spaces and punctuation; "S. 112 f." keeps its "f."."""
    locator = re.sub(r"\s+", " ", locator).strip(" ,;")
    return locator if re.search(r"\sff?\.$", locator) else locator.rstrip(".")


def code_near(piece: Piece, repository: Span, head: Anchor | None) -> str | None:
    """The reference code: the comma-separated items between the document and its repository
    ("…, 10 H 287, SHD"), else those just after the repository ("…, SHD, 10 H 600")."""
    note = piece.note
    head_end = head.span[1] if head else piece.span[0]
    dates = [(d.span[0] + piece.span[0], d.span[1] + piece.span[0]) for d in find_dates(piece.outside_anchors())]
    before = None
    held_in = re.search(
        r"(?i)\b(?:(?:is|are|was|were)\s+)?(?:also\s+)?(?:in|dans|trong)\s*$", note[head_end : repository[0]]
    )
    if repository[0] >= head_end and not held_in:  # "Telegram 3335 from Paris, March 20, is in NARA, …": after
        start = max([head_end] + [d[1] for d in dates if d[1] <= repository[0]])
        stretch = note[start : repository[0]]
        if repository[0] < repository[1] and not re.search(
            r"[,;:]\s*$", stretch
        ):  # "Zhonghua renmin gongheguo waijiaobu dang'anguan": the name's start
            stretch = stretch[: max(stretch.rfind(","), 0)]
        before = code_items(stretch)
    if before:
        return before
    following = [a.span[0] for a in piece.anchors() if a.span[0] >= repository[1]]
    stop = min(following + [d[0] for d in dates if d[0] >= repository[1]] + [piece.span[1]])
    stretch = re.sub(
        r"^\s*(?:\([^)]*\)|\[[^\]]*\])", "", note[repository[1] : stop]
    )  # "SHD (Service historique…)", "… [National Institute…]"
    if defined := HEREAFTER.search(stretch):  # "…, Academia Sinica, Taipei (hereafter IMH), 11-29-12-03-012"
        stretch = stretch[defined.end() :]  # the archive's name and city run up to its abbreviation
    return code_items(stretch)


def code_items(stretch: str) -> str | None:
    """The reference code in a stretch of comma-separated items: up to the last item with a
    number ("F/60/3035, note du secrétariat…" → "F/60/3035"), less a final page or folio."""
    if defined := list(HEREAFTER.finditer(stretch)):  # "…, Berlin-Lichterfelde (im Folgenden: SAPMO-BArch), DY 30/…":
        stretch = stretch[
            defined[-1].end() :
        ]  # the archive's place and the work's abbreviation for it, no part of the code
    if described := re.search(r"(?<=\d)\s*:\s+(?=\D)", stretch):
        stretch = stretch[: described.start()]  # "Bd. 112, Bl. 4–9: Aufzeichnung des Referats…": the document follows
    items = []
    for item in re.split(r",", stretch.replace("(", ",").replace(")", ",")):
        item = item.strip()
        if item.endswith(":") and not re.search(r"\d", item):
            continue  # the repository's city: "Taipei: Academia Historica"
        item = item.strip(" .;:[]")
        if not item or re.search(r"\b(?:in|dans|trong|trans|tr|ed)$", item) or TIME_OF_DAY.fullmatch(item):
            continue
        if re.match(r"(?i)(?:trans|translated|transl)\b", item):
            break
        if DOCUMENT_NAMED.match(item):
            break  # "vol. 212, télégramme n° 1502 de Pignon": the document itself, after its file
        items.append(item)
    numbered = [
        i
        for i, item in enumerate(items)  # "2e bureau", "3rd Division": an ordinal names, it does not number
        if re.search(r"\d", re.sub(r"\b\d+(?:e|er|ère|ème|nd|rd|st|th)\b", "", item))
    ]
    if numbered:
        items = items[: numbered[-1] + 1]
    if items:  # "f. 17 op. 162 d. 45 l. 12", "…, d. 331, l. 11": the leaf is the locator, not the code
        leafless = LEAF.sub("", items[-1]).strip()
        if leafless or len(items) == 1:
            items[-1] = leafless or items[-1]
        else:
            items.pop()
    while items and LOCATOR.fullmatch(items[-1]) and len(items) > 1:
        items.pop()
    return ", ".join(items) or None


def plain_author_title(text: str) -> tuple[list[str], list[str], str | None, int]:
    """Authors and title of a citation whose title has no quotes or italics:
    "Edwin E. Moise, Land Reform in China … (Chapel Hill: …, 1983)", "Hồ Chí Minh: Toàn tập, t. 6"."""
    if edition := EDITIONS.opening(text):  # "Foreign Relations, 1952–1954, vol. XIII, p. 420"
        end = text.index(edition) + len(edition)
        if subtitle := re.match(
            rf":\s[^(]*?(?=\s\(|,\s*(?:vols?\.?\s*|pp?\.\s*)?\d(?!\d{{3}}\s*[–-]){TITLE_YEAR_NOT}|$)", text[end:]
        ):
            end += subtitle.end()  # "Public Papers of the Presidents of the United States: Harry S. Truman, 1950"
        return [], [], clean_title(text[:end]), end
    # "Philippe DEVILLERS, Histoire…, Paris, Seuil, 1952"
    if (caps := caps_authors(text[:200])) and caps[0].start() == 0:
        after = re.match(r"\s*(?:\((?:éd|dir|ed|eds|coord)\.?\))?\s*,\s*", text[caps[0].end() :])
        start = caps[0].end() + (after.end() if after else 0)
        imprint = IMPRINT.search(text, start)
        names, editors = read_authors(text[:start].strip(" ,"))
        if imprint:
            return names, editors, clean_title(text[start : imprint.start()]) or None, imprint.start()
    if (
        (imprint := IMPRINT.search(text) or THESIS_IMPRINT.search(text))
        and text.count("(", 0, imprint.start()) == text.count(")", 0, imprint.start())
        and (parts := re.split(r"\s*,\s+", text[: imprint.start()], maxsplit=1))
        and len(parts) == 2
        and len(parts[0].split()) <= 6
        and looks_like_names(parts[0])
    ):
        authors, editors = read_authors(parts[0])  # "Hermann Wentker, Außenpolitik…, München: Oldenbourg, 2007"
        return authors, editors, clean_title(SERIES_IN_BRACKETS.sub("", parts[1])) or None, imprint.start()
    if imprint and "," not in text[: imprint.start()] and "(" not in text[: imprint.start()]:
        return (
            [],
            [],
            clean_title(text[: imprint.start()]) or None,
            imprint.start(),
        )  # the author given before ("ders., …")
    title_end = PLAIN_TITLE_END.search(text)
    if (
        title_end
        and (credit := TITLE_CREDIT.search(text, title_end.start()))
        and _only_dates(text[title_end.start() : credit.start()])
    ):
        title_end = credit  # "Het dagboek…, 20 september 1946–7 oktober 1947, ed. C. Smit": the dates the title spans
    head = text[: title_end.start()] if title_end else text
    if translated := TRANSLATION_CLOSES.search(head):  # "Vietnam 1946 [Việt Nam 1946: …], University of…, Berkeley"
        head = head[: translated.end()]
    parts = re.split(r"\s*[,:]\s+", head, maxsplit=1)
    if len(parts) == 2 and (
        all(len(name.split()) <= 5 for name in split_names(parts[0]))
        and looks_like_names(parts[0])
        or INSTITUTION.match(parts[0])
    ):  # "Frances Gouda with Thijs Brocades Zaalberg, …"
        authors, editors = ([parts[0].strip()], []) if INSTITUTION.match(parts[0]) else read_authors(parts[0])
        title_start = text.index(parts[1], len(parts[0]))
        if edited := re.match(
            r"(?:eds?|comp|comps|dir|hg|hrsg)\.,?\s+", parts[1]
        ):  # "Robert H. Ferrell, ed., The Diary…"
            authors, editors, title_start = [], authors + editors, title_start + edited.end()
        if edition := EDITIONS.opening(text[title_start:]):  # "U.S. Department of State, Foreign Relations…, 1950"
            return authors, editors, edition, title_start + len(edition)
        return authors, editors, clean_title(text[title_start : len(head)]) or None, len(head)
    return [], [], clean_title(head) or None, len(head)


def _only_dates(stretch: str) -> bool:
    """A stretch that is only dates and their punctuation: ", 20 september 1946–7 oktober 1947"."""
    dates = find_dates(stretch)
    rest = "".join(
        stretch[a:b]
        for a, b in zip([0] + [d.span[1] for d in dates], [d.span[0] for d in dates] + [len(stretch)], strict=True)
    )
    return bool(dates) and not rest.strip(" ,–-")


def book_after_in(text: str) -> tuple[str, list[str], str | None, int, str | None] | None:
    """The book or journal named after "in" or "in:", its editors named first, its volume,
    where it ends and its translation: "in: VfZ 45 (1997), S. 123" → ("VfZ", [], "45", 13, None)."""
    lead = IN_BOOK.match(text)
    if lead is None:
        return None
    position = lead.end()
    editors: list[str] = []
    if named := EDITORS_FIRST.match(text, position):  # "Thomas Brandt/Sabine Keller (Hg.), Die DDR …"
        editors, position = [n.strip() for n in re.split(r"/|\s+und\s+|\s+and\s+", named["editors"])], named.end()
    ends = [m.start() for m in (IMPRINT.search(text, position), BOOK_END.search(text, position)) if m]
    if not ends:
        return None
    title, volume = text[position : min(ends)], None
    if number := re.search(r"\s+(\d{1,4})$", title):  # "VfZ 45": the journal's volume
        title, volume = title[: number.start()], number.group(1)
    translation = BRACKETED_TRANSLATION.search(title)  # "Taiheiyō sensō e no michi [The road to the Pacific War]"
    title = title[: translation.start()] if translation else title
    return (
        (clean_title(title), editors, volume, min(ends), translation["translation"] if translation else None)
        if clean_title(title)
        else None
    )


def plain_container(piece: Piece, after: int) -> tuple[str | None, int]:
    """A journal named without italics after an article's quoted title:
    "“Rent Reduction…,” Journal of Vietnamese Studies 11, no. 2 (2016): 1-38"."""
    rest = piece.note[after : piece.span[1]]
    if edited := EDITED_CONTAINER.match(rest):
        return clean_title(edited["title"]), after + edited.end()
    if periodical := re.match(
        r"[\s,]*(?:báo|bao|tạp\s+chí|tap\s+chi)\s+(?P<name>[A-ZÀ-ÝĐ][^,():\d]{1,100}?)(?=\s*(?:,|\(|$))",
        rest,
        re.IGNORECASE,
    ):
        return clean_title(periodical["name"]), after + periodical.end()
    if (
        (book := re.match(r"[\s,]*in\s+(?=[A-ZÀ-ÝĐ])", rest))
        and (credit := TITLE_CREDIT.search(rest, book.end()))
        and "(" not in rest[book.end() : credit.start()]
    ):  # "“The Sihanouk Trail,” in Making Sense…, ed. Mark Bradley (…)"
        return clean_title(rest[book.end() : credit.start()]), after + credit.start()
    match = re.match(r"[\s,]*(?!(?:in|dans|trong|ed|trans)\b)([A-ZÀ-ÝĐ][^,():\d]{2,100}?)(?=\s*(?:\d|,|\())", rest)
    if not match or not (VOLUME.search(rest) or ISSUE.search(rest) or re.search(r"\(\s*(?:1[5-9]|20)\d\d\s*\)", rest)):
        return None, after
    if re.search(r":\s", rest[match.end() : match.end() + 40]) and not re.search(r"\)\s*:", rest):
        return None, after  # "Paris: Seuil" — an imprint, not a journal
    return clean_title(match.group(1)), after + match.end()


def placed(place: str, publisher: str) -> tuple[str, str]:
    """Place and publisher of an imprint "A, B, 2011" in the order they were written in, told
    apart by the gazetteer: ("Paris", "Seuil") stays; ("Armand Colin", "Paris") → ("Paris", "Armand Colin")."""
    if is_place(publisher) and not is_place(place):
        return publisher, place
    return place, publisher


def read_tail(tail: Piece, draft: CitationDraft) -> None:
    """Publication details, volume, issue, locator after the title."""
    note = tail.note
    earlier = [g for g in tail.groups() if EARLIER_EDITION.match(note, g[0] + 1)]  # "(1re éd. Amiot-Dumont, 1953)"
    for group in tail.groups():
        fields = read_publication(note[group[0] : group[1]]) if group not in earlier else {}
        if fields:
            draft.place = draft.place or fields.get("place")
            draft.publisher = draft.publisher or fields.get("publisher")
            draft.year = draft.year or fields.get("year")
    outside = tail.outside_anchors()
    blank_groups = list(outside)
    for group in tail.groups():
        if group in earlier or read_publication(note[group[0] : group[1]]):
            for k in range(group[0], group[1]):
                blank_groups[k - tail.span[0]] = " "
    bare = "".join(blank_groups)
    if draft.year is None:
        unparenthesised = re.search(
            r"(?:^|,)\s*([^,()]{2,80}?)\s+:\s*([^,()]+?),\s*(1[5-9]\d\d|20\d\d)\b", bare
        ) or re.search(r"(?:^|,)\s*([^,():]{2,60}?):\s*([^,()]+?),\s*(1[5-9]\d\d|20\d\d)\b", bare)
        if unparenthesised:
            draft.place, draft.publisher = unparenthesised.group(1).strip(), unparenthesised.group(2).strip()
            draft.year = int(unparenthesised.group(3))
        else:
            years = [
                y
                for span, y in find_years(bare)
                if not re.match(r"\s*[–-]\s*\d", bare[span[1] :]) and not re.search(r"\d\s*[–-]\s*$", bare[: span[0]])
            ]
            if years:
                draft.year = years[-1]
    if draft.date is None and (dates := [d for d in find_dates(bare) if d.precision == "day"]):
        set_date(draft, dates[0])
        draft.year = draft.year or int(dates[0].edtf[:4])
    if (french := IMPRINT.match(bare)) and not draft.publisher:
        draft.place, draft.publisher = placed(french.group("place").strip(), french.group("publisher").strip())
        draft.year = int(french.group("year"))
    if (
        not draft.publisher
        and (first := PUBLISHER_PLACE.match(bare))
        and is_place(first["place"])
        and not is_place(first["publisher"])
    ):
        draft.place, draft.publisher = first["place"].strip(), first["publisher"].strip()
        draft.year = int(first["year"])
    if not draft.publisher and (vietnamese := VIETNAMESE_IMPRINT.search(bare)):
        draft.publisher = vietnamese.group(1).strip()
        draft.place = (vietnamese.group(2) or "").strip() or draft.place
        draft.year = draft.year or int(vietnamese.group(3))
    fields = read_volume_issue_locator(bare)
    if colon := re.search(r"\)\s*:\s*(\d+(?:\s*[–-]\s*\d+)?)", bare):
        fields["locator"] = colon.group(1)
    draft.volume = draft.volume or fields.get("volume")
    draft.issue = draft.issue or fields.get("issue")
    draft.locator = draft.locator or fields.get("locator")
