"""Reading one citation: what kind of source it is, and its fields.

Works on a piece of a note (see ``segment``) with offsets into the note, so every field
can be traced to the text. The kinds: an archival document held in a repository; a
published work; a document published in a collection ("…, 27 November 1948, *Collection*,
p. 267"); a document known only through another work ("cited in", "quoted in"); a
cross-reference to another note; or unknown.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..authority import RepositoryIndex, RepositoryMention
from ..editions import EDITIONS
from .dates import FoundDate, find_dates, find_years
from .model import CitationDraft, Span
from .segment import Anchor, Structure

# ── Patterns ─────────────────────────────────────────────────────────────────

ABBREVIATION_TITLE = re.compile(r"(?i)op\.?\s*cit|art\.?\s*cit|loc\.?\s*cit|ibid(?:em)?|id(?:em)?|passim")
IBID = re.compile(r"(?:ibid(?:em)?|id(?:em)?|ebd|ebenda|như\s+trên|nt|同上)\b\.?", re.IGNORECASE)  # 同上: Chinese "ibid."
# An edition's note placing a document in the file cited just before: "…, is ibid., 751G.00/3–2154".
IS_IBID = re.compile(r",?\s+(?:is|are|was|were)\s+(?:also\s+)?(?P<ibid>ibid\.?)(?:,\s*|\s*$)", re.IGNORECASE)
OP_CIT = re.compile(r"\b(?:op\.?\s*cit|art\.?\s*cit|ouvr\.?\s*cit|loc\.?\s*cit|sđd|tlđd|sdd|tldd)\b\.?|\ba\.\s?a\.\s?O\.",
                    re.IGNORECASE)  # a.a.O.: "am angegebenen Ort"
CROSS_REFERENCE = re.compile(
    r"^(?:(?:see|voir|cf\.|xem|vgl\.|siehe)\s+)?(?:dazu\s+)?(?:supra|infra|oben|unten)?,?\s*(?:the\s+|la\s+)?"
    r"(?:n\.|nn\.|note|notes|footnotes?|fn\.|anm\.|chú\s+thích|chu\s+thich)\s*"
    r"(?P<number>\d+)(?:\s*(?:above|below|supra|infra|ci-dessus|plus\s+haut|ci-dessous|oben|unten|ở\s+trên|o\s+tren))?\W*$",
    re.IGNORECASE,
)
SUPRA_NOTE = re.compile(r"\b(?:supra|above|infra),?\s+(?:n\.|note)\s*(?P<number>\d+)|"
                        r"\b(?:n\.|note)\s*(?P<number2>\d+)\s+(?:supra|above|ci-dessus)", re.IGNORECASE)
VIA = re.compile(
    r"[,;]?\s*\b(?P<relation>(?:as\s+)?(?:cited|quoted)\s+(?:in|by)|cité\s+(?:dans|par|in)|"
    r"(?:dẫn|dan)\s+(?:theo|lại\s+từ|lai\s+tu|từ|tu)|(?:trích|trich)\s+(?:theo|trong|từ|tu)|translation\s+(?:from|in)|translated\s+in|(?:rpt|repr)\.\s+in|reprinted\s+in|"
    r"republished\s+in|reprodu(?:it|ite|its|ites|ced)\s+(?:dans|in)|publi(?:é|ée|és|ées|shed)\s+(?:dans|in)|"
    r"printed\s+in|zit\.\s+n\.|quoting(?:\s+from)?|citing)\s+",
    re.IGNORECASE,
)
# Every word VIA opens with, found first: VIA's optional lead ("[,;]?\s*") makes it slow to scan.
VIA_WORDS = re.compile(r"(?i)cited|quoted|cité|dẫn|dan|trích|trich|translat|rpt|repr|reprinted|republished|reprodu|"
                       r"publi|printed|zit|quoting|citing")


@functools.lru_cache(maxsize=4096)
def via_matches(text: str) -> tuple[re.Match[str], ...]:
    """The VIA phrases of a text ("cited in", "reprinted in"…), left to right."""
    return tuple(VIA.finditer(text)) if VIA_WORDS.search(text) else ()


VOLUME = re.compile(r"(?<![\w])(?:vols?|tome|t|tập|bd|quyển|band|tomo)\.?\s*(?P<volume>\d+|[IVXLC]+\b)",
                    re.IGNORECASE)
# A volume at the end of a title in italics: "*Hồ Chí Minh Biên Niên Tiểu Sử, tập 4 (1946–1950)*".
TITLE_VOLUME = re.compile(r",?\s+(?:vols?\.?|volume|tome|t\.|tập|quyển|bd\.)\s*(?P<volume>\d+|[IVXLC]+)\b"
                          r"(?:\s*\([^()]*\))?\s*$", re.IGNORECASE)
ISSUE = re.compile(r"(?<![\w])(?:no|nos|n°|nº|nr|số|issue|fasc)\.?\s*(?P<issue>\d+(?:[–-]\d+)?)", re.IGNORECASE)
VOLUME_PAGE = re.compile(r"(?<![\w.:])(?P<volume>\d{1,4})\s*:\s*(?P<pages>\d+(?:\s*[–-]\s*\d+)?)\b")
LOCATOR = re.compile(
    r"(?<![\w])(?:(?:pp|p|tr|ff|f|fol|fols|folio|folios|ll|s|col|cols|trang|pages?|doc|item|pièce|n°|tờ|paras?)(?:\.\s*|\s+)"
    r"(?:\d+[a-z]?|[ivxlcIVXLC]+\b)|(?:S|Bl|Sp)\.\s*\d+[a-z]?)(?:\s*[–-]\s*\d+)?(?:\s*,\s*\d+(?:\s*[–-]\s*\d+)?)*(?:\s*(?:r|v|recto|verso)\b)?"
    r"(?:\s+ff?\.)?",  # "S. 112 f.", "Bl. 56 ff."
)
AUTHOR_PAGE = re.compile(r"(?P<author>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}),\s*(?:(?:pp?|tr)\.\s*)?"
                         r"(?P<pages>\d{1,4}(?:\s*[–-]\s*\d{1,4})?)\.?")
# "Statler, Replacing France, 62" or "Hồ Chí Minh: Toàn tập, t. 6, …, 2011, tr. 145": a
# citation whose title lost its italics.
PLAIN_CITATION = re.compile(
    r"[A-ZÀ-ÝĐ][\w’'.-]*(?:\s+[A-ZÀ-ÝĐ][\w’'.-]*){0,4}"
    r"(?:,?\s+(?:and|et|và|&)\s+[A-ZÀ-ÝĐ][\w’'.-]*(?:\s+[A-ZÀ-ÝĐ][\w’'.-]*){0,3})?\s*[,:]\s+[^,]{3,200},.*?"
    r"(?:(?:\b(?:pp?|tr|f)\.\s*)?\d{1,4}(?:\s*[–-]\s*\d{1,4})?|\b(?:1[5-9]\d\d|20\d\d)\b.*)\.?$"
)
# The leaf (list) of a Russian archival file: "… d. 45, l. 12", "ll. 4–7 ob.".
# A series named in guillemets is no title: "coll. « Points Histoire »".
SERIES_BEFORE = re.compile(r"(?:\bcoll\.|\bcollection|\bsérie|\bseries)\s*$", re.IGNORECASE)
# The words that lead to a document's date, left at the end of its title when the date is cut
# off: "Lời kêu gọi …, ngày", "Aufzeichnung … vom", "Note du".
DATE_LEAD = re.compile(r"[,\s]+(?:ngày|ngay|vom|am|du|le|of|dated|den|d\.d\.)\s*$", re.IGNORECASE)
# A printed edition or translation of the document cited just before it: "Russian text in
# *Russko-kitaiskie otnosheniia*, vol. 5, 148–64", "English translation in *CWIHP Bulletin*",
# "Printed in Foreign Relations, 1952–1954, vol. XIII, p. 420".
EDITION_LEAD = re.compile(
    r"^(?:(?:the\s+|an?\s+)?(?:full\s+|partial\s+)?(?:English|Russian|French|Chinese|Vietnamese|German|Japanese|"
    r"original)\s+(?:text|translation|original|version)(?:\s+is)?|(?:also\s+)?(?:printed|reprinted|published|"
    r"reproduced|translated)(?:,[^,]{1,40},)?|(?:an?\s+)?(?:English\s+)?translation(?:\s+is)?|(?:the\s+)?text(?:\s+is)?)\s+in\s+"
    r"|^(?:auch\s+|ebenfalls\s+)?(?:ab)?gedruckt\s+in:?\s+|^(?:également\s+)?(?:reproduit|publié)e?s?\s+dans\s+",
    re.IGNORECASE)
LEAF = re.compile(r"(?<![\w])ll?\.\s*\d+(?:\s*[–-]\s*\d+)?(?:\s*ob\.?)?\s*$")
BARE_PAGES = re.compile(r"^\d{1,4}(?:\s*[–-]\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*[–-]\s*\d{1,4})?)*[a-z]?$")
LETTER = re.compile(r"^(?P<title>.*?\b(?P<sender>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s+(?:to|à|gửi|an)\s+"
                    r"(?P<recipient>(?:the\s+|l[ae]\s+|l’)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}))\b")
# An interview cited again by the person's name: "Ferrand interview", "Marchetti interview, 2001".
SHORT_INTERVIEW = re.compile(r"^(?P<name>[A-ZÀ-ÝĐ][\w’'-]+(?:\s+[A-ZÀ-ÝĐ][\w’'-]+){0,3})(?:[’']s)?\s+interviews?\b(?!\s+with)")
# A document named by its author's possessive: "Ho Chi Minh’s Reply to Wu Tiecheng",
# "Fang Fang’s Telegram to the CCP Central Committee—…".
POSSESSIVE_LETTER = re.compile(
    r"^(?P<sender>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})[’']s\s+(?:[\w-]+\s+){0,2}?"
    r"(?i:reply|letter|telegram|cable|notes?|report|message|memorandum|memo|instructions?|directive|"
    r"answer|response|petition|appeal|request|proposal|speech|address)\s+(?:to|for)\s+"
    r"(?P<recipient>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5})")
# An interview as a source: "Author interview with…", "Oral history interview with…, by…".
INTERVIEW = re.compile(r"(?i)(?:(?:the\s+)?author(?:’s|'s)?\s+|oral[- ]history\s+|personal\s+)?interviews?\s+"
                       r"(?:with|by|of)\b")
DOCUMENT_WORD = re.compile(
    r"\b(?:telegram|télégramme|cable|letter|lettre|note|memorandum|mémorandum|memo|report|rapport|"
    r"interview|entretien|phỏng\s+vấn|điện|thư|báo\s+cáo|minutes|procès-verbal|biên\s+bản|speech|"
    r"discours|directive|instructions?|chỉ\s+thị|chi\s+thi|fiche|bulletin|renseignements?|dispatch|dépêche|"
    r"phong\s+van|bao\s+cao|record\s+of\s+conversation|memorandum\s+of\s+conversation|conversation)\b",
    re.IGNORECASE,
)
ARCHIVE_WORD = re.compile(
    r"\b(?:archives?|archiv\w*|archivo|library|bibliothèque|museum|musée|records\s+office|"
    r"record\s+office|lưu\s+trữ|papers|collection)\b|档案馆|檔案館|档案局",
    re.IGNORECASE,
)
AUTHOR_FILLER = re.compile(
    r"(?:[’']s?\s+(?:\w+\s+){0,2}(?:book|article|essay|memoir|memoirs|study|work|chapter|thesis|piece)\b"
    r"|,?\s+in\s+(?:his|her|their)\s+(?:\w+\s+)?(?:book|article|essay|memoir|memoirs|study|work)\b).*$",
    re.IGNORECASE,
)
EDITOR_MARK = re.compile(r",?\s*\(?\b(?:eds?|éds?|dir|comp|comps|chủ\s+biên|biên\s+soạn|hg|hrsg)\.?\)?,?\s*$",
                         re.IGNORECASE)
EDITED_BY = re.compile(r"^(?:edited|ed\.|compiled|comp\.)\s+by\s+", re.IGNORECASE)
NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s+et\s+|\s+và\s+|\s*&\s*|、|;\s*|,\s*)\s*")
# French (and much European) practice sets authors' surnames in small capitals, which a text
# dump gives as capitals: "Philippe DEVILLERS, Histoire du Viêt-Nam…", "J.-M. LE PAGE (dir.),".
LATIN = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſƠơƯưẠ-ỹ"  # with Vietnamese: "Lê VĂN"; case is checked apart
CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ſƠƯẠ-Ỹ"
GIVEN_NAME = rf"(?:[{CAPITAL}][{LATIN}’'-]+|[{CAPITAL}]\.(?:\s?-?[{CAPITAL}]\.)*)"
CAPS_SURNAME = rf"(?:(?:de|du|des|d’|d'|le|la|van|von)\s*)?[{CAPITAL}][{LATIN}’'-]+(?:[\s-]+[{CAPITAL}][{LATIN}’'-]+)*"
NOT_GIVEN_NAMES = {"archives", "fonds", "série", "serie", "sous-série", "carton", "dossier", "note", "rapport",
                   "télégramme", "lettre", "fiche", "bulletin", "service", "ministère", "centre", "box",
                   "file", "folder", "series", "papers", "phông", "hồ", "mục", "voir", "cf", "see", "in", "dans"}
CAPS_AUTHOR = re.compile(
    rf"(?<![\w’'-]){GIVEN_NAME}(?:\s+{GIVEN_NAME})*\s+(?P<surname>{CAPS_SURNAME})"
    rf"(?:\s+(?:et|and|&)\s+{GIVEN_NAME}(?:\s+{GIVEN_NAME})*\s+{CAPS_SURNAME})*"
    r"(?=\s*(?:,|\((?:éd|dir|ed|eds|coord)\.?\)))")
# Place, publisher and year after a title, outside brackets: "…, Paris, Éditions du Seuil,
# coll. « Points », 1987" (French), "…, Düsseldorf: Droste, 2001" (German).
IMPRINT = re.compile(
    r",\s*(?P<place>[A-ZÀ-ÝĐ][\w’'-]+(?:[\s-]+(?:[A-ZÀ-ÝĐ][\w’'-]+|sur|en|de|am))*(?:\s*[-/]\s*[A-ZÀ-ÝĐ][\w’'-]+)?)"
    r"\s*[,:]\s*(?P<publisher>[^,()«»\d]{2,90}?),\s*(?:coll\.\s*(?:«[^»]{1,120}»)?\s*(?:,\s*n°\s*\d+)?,\s*)?"
    r"(?P<year>(?:1[5-9]|20)\d\d)\b(?!\s*[–-]\s*\d)")


# "Nxb. Chính trị quốc gia, H., 2000": the Vietnamese publisher, place and year.
VIETNAMESE_IMPRINT = re.compile(
    r"((?:Nxb|NXB|Nhà xuất bản|Nha xuat ban)\.?[^,()]*),\s*(?:([^,()\d]{2,40}),\s*)?(1[5-9]\d\d|20\d\d)\b")
# A newspaper or journal named by its kind: "báo Cứu quốc, số 1712", "tạp chí Nghiên cứu Lịch sử".
PERIODICAL_WORD = re.compile(r"(?:^|[\s,])(?:báo|bao|tạp\s+chí|tap\s+chi)\s+(?=[A-ZÀ-ÝĐ])", re.IGNORECASE)


def has_imprint(text: str) -> bool:
    """Publication details outside brackets, in French or Vietnamese order."""
    return bool(IMPRINT.search(text) or VIETNAMESE_IMPRINT.search(text))


@functools.lru_cache(maxsize=4096)
def caps_authors(text: str) -> tuple[re.Match[str], ...]:
    """Authors written "Prénom NOM" (small capitals), not archive words ("Fonds HCI", "Archives SHD")."""
    found = []
    for m in CAPS_AUTHOR.finditer(text):
        given, surname = m.group(0)[:m.start("surname") - m.start()].split(), m.group("surname")
        if given[0].casefold() in NOT_GIVEN_NAMES or not all(w[0].isupper() and not w.isupper() or w.endswith(".")
                                                              for w in given):
            continue
        letters = re.sub(r"^(?:de|du|des|d’|d'|le|la|van|von)\s*|[\s’'-]", "", surname)
        if len(letters) >= 2 and letters.isupper() and re.search(r"[AEIOUYÀ-ÝĂÂÊÔƠƯẠ-Ỹ]", letters):
            found.append(m)
    return tuple(found)


LOWER_WORDS = {"of", "de", "du", "des", "la", "le", "les", "the", "and", "for", "et", "van", "von",
               "der", "di", "da", "do", "dos", "y", "e", "à", "au", "aux", "in", "on", "và", "của"}

GENRES = [  # first match wins
    ("intelligence_report", r"renseignement|intelligence|s\.?d\.?e\.?c\.?e|tình báo"),
    ("telegram", r"t[ée]l[ée]gram|telegram|cable|\bT\.O\.|điện\b|电报|電報"),
    ("letter", r"\blett(?:er|re)\b|\breply\b|\bthư\b|\b\w+ to [A-Z]|信|函"),
    ("interview", r"interview|entretien|phỏng vấn|采访|訪談"),
    ("minutes", r"minutes|procès-verbal|biên bản|会议记录"),
    ("speech", r"speech|\btalk\b|discours|allocution|diễn văn|讲话|講話"),
    ("directive", r"directive|instructions?|chỉ thị|指示"),
    ("treaty", r"treaty|traité|agreement|accord|hiệp định|协定|協定"),
    ("bulletin", r"bulletin"),
    ("memorandum", r"memorandum|mémorandum|\bmemo\b"),
    ("report", r"report|rapport|báo cáo|报告|報告"),
    ("note", r"\bnote\b|\bfiche\b"),
]


def set_date(draft: CitationDraft, found: FoundDate) -> None:
    draft.date, draft.date_as_written, draft.date_precision = found.edtf, found.as_written, found.precision


def guess_genre(title: str | None) -> str | None:
    if not title:
        return None
    for genre, pattern in GENRES:
        if re.search(pattern, title, re.IGNORECASE):
            return genre
    return None


# ── Helpers on a piece of a note ────────────────────────────────────────────


@dataclass
class Piece:
    """A stretch of the note being read, with the note's structure for reference."""

    note: str
    span: Span
    structure: Structure
    repositories: RepositoryIndex | None

    @property
    def text(self) -> str:
        return self.note[self.span[0]:self.span[1]]

    def sub(self, start: int, end: int) -> Piece:
        return Piece(self.note, (start, end), self.structure, self.repositories)

    def anchors(self) -> list[Anchor]:
        start, end = self.span
        return [a for a in self.structure.anchors if start <= a.span[0] and a.span[1] <= end]

    def groups(self) -> list[Span]:
        start, end = self.span
        return [g for g in self.structure.groups if start <= g[0] and g[1] <= end]

    def outside_anchors(self) -> str:
        """The piece's text with titles blanked out (same length, so offsets hold)."""
        return _outside_anchors(self.note, self.span, self.structure)

    def top_level(self, position: int) -> bool:
        return self.structure.depth[position] == 0


@functools.lru_cache(maxsize=4096)
def _outside_anchors(note: str, span: Span, structure: Structure) -> str:
    """A stretch of a note with its titles blanked: asked again and again of the same pieces."""
    start, end = span
    parts, position = [], start
    for anchor in structure.anchors:
        if start <= anchor.span[0] and anchor.span[1] <= end:
            parts += [note[position:anchor.span[0]], " " * (anchor.span[1] - anchor.span[0])]
            position = anchor.span[1]
    parts.append(note[position:end])
    return "".join(parts)


def inner_text(note: str, anchor: Anchor) -> str:
    return clean_title(note[anchor.inner[0]:anchor.inner[1]])


MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~])")


def clean_title(title: str) -> str:
    """A title as a reader would write it: one space between words, no markdown escapes
    ("Requires \\$7,000" → "Requires $7,000"), no stray punctuation at its ends."""
    return MARKDOWN_ESCAPE.sub(r"\1", re.sub(r"\s+", " ", title)).strip(" ,.;:").strip()


def _group_after(piece: Piece, position: int) -> Span | None:
    """The bracket group that follows ``position`` with nothing but spaces or a comma between."""
    for group in piece.groups():
        if group[0] >= position and not piece.note[position:group[0]].strip(" ,"):
            return group
    return None


def _is_translation(content: str) -> bool:
    """A title's translation in brackets, not publication details, a date or a place."""
    content = content.strip()
    if not re.search(r"[^\W\d_]{2,}", content) or len(content) > 400:
        return False
    if read_publication(content):
        return False
    return not find_dates(content) or len(content.split()) > 4


# ── Fields ──────────────────────────────────────────────────────────────────


def split_names(names: str) -> list[str]:
    names = EDITED_BY.sub("", names.strip(" ,.;:"))
    return [n.strip(" .,") for n in NAME_SPLIT.split(names) if n.strip(" .,")]


def looks_like_names(prefix: str) -> bool:
    """Is this a list of authors (persons or institutions), not a sentence of commentary?"""
    words = re.findall(r"[\w’'.-]+", prefix)
    if not words or len(words) > 16:
        return False
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
    """"(Place: Publisher, Year)", "(Publisher, Year)", "(Year)", "(March 1993)" → fields.

    The year closes the group; a document's full date ("(30 avril 1948)") is no imprint.
    """
    content = content.strip("()[] ,.")
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
    if at := re.search(r"\bat\s+(pp?\.\s*\d+(?:\s*[–-]\s*\d+)?)", text):  # "pp. 55–96, at p. 71"
        fields["locator"] = trim_locator(at.group(1))
    elif locators:
        fields["locator"] = trim_locator(text[locators[0].start():locators[-1].end()])
    else:
        last = text.rstrip(" .;,)").rsplit(",", 1)[-1].rsplit(")", 1)[-1].strip()
        if BARE_PAGES.fullmatch(last) and not (len(last) == 4 and last.isdigit() and 1500 <= int(last) <= 2099):
            fields["locator"] = last
    return fields


def trim_locator(locator: str) -> str:
    """A locator without stray spaces and punctuation; "S. 112 f." keeps its "f."."""
    locator = re.sub(r"\s+", " ", locator).strip(" ,;")
    return locator if re.search(r"\sff?\.$", locator) else locator.rstrip(".")


# ── Kinds ───────────────────────────────────────────────────────────────────


def holding_mentions(piece: Piece) -> list[RepositoryMention]:
    """Repositories named as holders, not as authors or publishers of a printed collection."""
    if piece.repositories is None:
        return []
    blanked = piece.outside_anchors()
    mentions = piece.repositories.find_in(blanked)
    anchors = piece.anchors()
    italics = [a for a in anchors if a.style == "italic"]
    holding = []
    for mention in mentions:
        start = mention.span[0] + piece.span[0]
        end = mention.span[1] + piece.span[0]
        if italics and any(a.span[0] >= end for a in italics) and not any(a.span[1] <= start for a in anchors):
            continue  # compiler or author of the collection that follows
        group = next((g for g in piece.groups() if g[0] <= start and end <= g[1]), None)
        if group and italics and any(a.span[1] <= group[0] for a in italics) and \
                find_years(piece.note[group[0]:group[1]]):
            continue  # publisher of a printed collection: "(Central Archives…, 1989)"
        holding.append(RepositoryMention((start, end), mention.as_written, mention.record))
    return holding


def read_citation(piece: Piece) -> CitationDraft:
    """Read one citation piece into a draft with its kind, form and fields."""
    text = piece.text
    plain = text.replace("*", "")  # "*Ibid.*", "*op. cit.*": italic abbreviations
    draft = CitationDraft(kind="unknown", form="full", span=piece.span, text=text)

    if match := CROSS_REFERENCE.match(plain):
        draft.kind, draft.form = "cross_reference", "short"
        draft.cross_reference_note = int(match.group("number"))
        return draft
    same_author = re.match(r"(?i)(?:id|idem)\b\.?,\s*", text)
    if same_author and piece.anchors():  # "id., *Title*": the same author, another work
        draft = _read_published(piece.sub(piece.span[0] + same_author.end(), piece.span[1]), draft)
        draft.span, draft.text = piece.span, text
        return draft
    if IBID.fullmatch(plain.split(",")[0].strip()) or IBID.match(plain) and re.match(r"(?i)ibid|như trên|同上", plain):
        return _read_ibid(piece, draft)
    if located := IS_IBID.search(plain):  # "telegram 3351 from Paris, March 21, is ibid., 751G.00/3–2154"
        draft = _read_ibid(piece.sub(piece.span[0] + located.start("ibid"), piece.span[1]), draft)
        draft.span, draft.text = piece.span, text
        if code := plain[located.end():].strip(" ,.;"):
            draft.kind, draft.reference_code_cited = "archival", code
        return draft
    if interview := SHORT_INTERVIEW.match(text):
        draft.kind, draft.form, draft.genre = "archival", "short", "interview"
        draft.title = f"interview with {interview['name']}"
        if dates := find_dates(text):
            set_date(draft, dates[0])
        return draft
    if edition := EDITION_LEAD.match(text):
        draft.kind, draft.via_relation = "published_document", "published_in"
        draft.via = read_citation(piece.sub(piece.span[0] + edition.end(), piece.span[1]))
        draft.locator = draft.via.locator
        return draft
    via = _via_split(piece)
    if via is None and (OP_CIT.search(plain) or SUPRA_NOTE.search(plain)):
        return _read_op_cit(piece, draft)
    if match := AUTHOR_PAGE.fullmatch(text):
        draft.form, draft.kind = "author_only", "published"
        draft.authors, draft.locator = [match.group("author")], match.group("pages")
        return draft

    if via is not None:
        relation, main, rest = via
        draft = read_citation(main)
        draft.span, draft.text = piece.span, text
        draft.via = read_citation(rest)
        draft.via_relation = relation
        draft.locator = draft.locator or draft.via.locator
        if relation == "cited_in":
            draft.kind, draft.form = "cited_document", "full"
            _as_document(draft)
            if draft.date is None and (dates := find_dates(main.outside_anchors())):
                set_date(draft, dates[0])
        elif draft.kind in ("unknown", "archival") and not draft.repository:
            draft.kind, draft.form = "published_document", "full"
        return draft

    holding = holding_mentions(piece)
    if holding:
        return _read_archival(piece, draft, holding)
    published_in = published_in_split(piece)
    if published_in is not None:
        main, rest = published_in
        _read_document_head(main, draft)
        draft.kind = "published_document"
        draft.via = read_citation(rest)
        draft.via_relation = "published_in"
        draft.locator = draft.via.locator
        return draft
    if piece.anchors() or has_publication(piece):
        if _looks_like_unheld_document(piece):
            return _read_archival(piece, draft, [])
        return _read_published(piece, draft)
    if find_dates(text) and (LETTER.match(text) or DOCUMENT_WORD.search(text)):
        return _read_archival(piece, draft, [])
    if re.search(r"\d", text) and (LOCATOR.search(text) or unknown_archive(piece)):
        return _read_archival(piece, draft, []) if unknown_archive(piece) else _read_published(piece, draft)
    if PLAIN_CITATION.match(text):
        return _read_published(piece, draft)
    return draft


def _read_ibid(piece: Piece, draft: CitationDraft) -> CitationDraft:
    draft.form = "ibid"
    rest = IBID.sub("", piece.text.replace("*", ""), count=1)
    fields = read_volume_issue_locator(rest)
    draft.volume, draft.locator = fields.get("volume"), fields.get("locator")
    if dates := find_dates(rest):  # partial ibid: another item of the same file
        set_date(draft, dates[0])
    return draft


def _read_op_cit(piece: Piece, draft: CitationDraft) -> CitationDraft:
    draft.form = "op_cit"
    match = OP_CIT.search(piece.text.replace("*", " ")) or SUPRA_NOTE.search(piece.text.replace("*", " "))
    if match.re is SUPRA_NOTE:
        draft.cross_reference_note = int(match.group("number") or match.group("number2"))
    prefix = piece.text[: match.start()]
    anchors = [a for a in piece.anchors() if not ABBREVIATION_TITLE.fullmatch(inner_text(piece.note, a))]
    before_marker = piece.sub(piece.span[0], piece.span[0] + match.start())
    if holding := holding_mentions(before_marker):  # "SHD, 10 H 163, Tlđd." — the same file again
        draft.kind, draft.repository, draft.repository_known = "archival", holding[0].record.acronym, True
        draft.reference_code_cited = _code_near(before_marker, holding[0].span, None)
    elif anchors:
        draft.title = inner_text(piece.note, anchors[0])
        prefix = piece.note[piece.span[0]:anchors[0].span[0]]
        draft.authors, draft.editors = read_authors(prefix)
    else:  # "Võ Nguyên Giáp, Chiến đấu trong vòng vây, Sđd": the author, then the short title
        names, _, title = prefix.strip(" ,*").partition(", ")
        title = title.strip(" ,*")
        named = bool(re.search(r"\w", title)) and looks_like_names(names)
        draft.authors, draft.editors = read_authors(names if named else prefix)
        if named and not re.search(r"\d", title):
            draft.title = clean_title(title)
    fields = read_volume_issue_locator(piece.text[match.end():])
    draft.volume, draft.locator = fields.get("volume"), fields.get("locator")
    return draft


def _via_split(piece: Piece) -> tuple[str, Piece, Piece] | None:
    for match in via_matches(piece.text):
        position = piece.span[0] + match.start()
        if not piece.top_level(position) or match.start() == 0:
            continue
        word = match.group("relation").casefold()
        if word.startswith(("quoting", "citing")):
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
    """"Zhai, *China…*, quoting Wu, “…”" and "citing": two works, each cited in its own right."""
    for match in via_matches(piece.text):
        word = match.group("relation").casefold()
        position = piece.span[0] + match.start()
        if word.startswith(("quoting", "citing")) and match.start() > 0 and piece.top_level(position):
            head = piece.sub(piece.span[0], position)
            tail = piece.sub(piece.span[0] + match.end(), piece.span[1])
            return [head, *quoting_split(tail)]
    return [piece]


def published_in_split(piece: Piece) -> tuple[Piece, Piece] | None:
    """"“Title,” 27 November 1948, *Collection*…" or "Mao to Stalin, 2 January 1950, in *…*"."""
    anchors = piece.anchors()
    italics = [a for a in anchors if a.style == "italic" and a.depth == 0]
    if not italics:
        return _published_in_plain(piece)
    first_italic = italics[0]
    head = piece.note[piece.span[0]:first_italic.span[0]]
    quoted = [a for a in anchors if a.style == "quoted" and a.span[1] <= first_italic.span[0]]
    connector = re.search(r"(?:,|\s)\s*(?:in|dans|trong|trích trong)\s*:?\s*$", head, re.IGNORECASE)
    dated = find_dates(piece.outside_anchors()[: first_italic.span[0] - piece.span[0]])
    if quoted:
        prefix = piece.note[piece.span[0]:quoted[0].span[0]]
        if prefix.strip(" ,") and not LETTER.match(prefix.strip()):
            return None  # an author before the quoted title: an article or a chapter
        if not (dated or connector):
            return None
    elif not (dated and (connector or LETTER.match(head.strip()) or DOCUMENT_WORD.match(head.strip())
                         or not head[dated[-1].span[1]:].strip(" ,"))):
        return None
    cut = piece.span[0] + (connector.start() if connector else len(head))
    return piece.sub(piece.span[0], cut), piece.sub(first_italic.span[0], piece.span[1])


def _published_in_plain(piece: Piece) -> tuple[Piece, Piece] | None:
    """"“Directive…”, ngay 3 thang 2 nam 1950, trong Van kien Dang toan tap (Ha Noi: …, 2001)":
    a collection whose title lost its italics, named after a date and "in"."""
    outside = piece.outside_anchors()
    dates = find_dates(outside)
    if not dates:
        return None
    connector = re.compile(r"[,\s]\s*(?:in|dans|trong|in\s+trong|in\s+lại\s+trong)\s*:?\s+(?=[A-ZÀ-ÝĐ])")
    match = connector.search(outside, dates[0].span[1])
    straight = re.compile(r"\s*,\s*").match(outside, dates[0].span[1])
    if match is None and straight and EDITIONS.opening(outside[straight.end():]):
        match = straight  # "Lodge to Rusk, 29 August 1963, Foreign Relations of the United States, 1961–1963, vol. 4"
    if match is None or not piece.top_level(piece.span[0] + match.start()):
        return None
    rest = piece.sub(piece.span[0] + match.end(), piece.span[1])
    if not (has_publication(rest) or has_imprint(rest.text) or EDITIONS.opening(rest.text)):
        return None
    return piece.sub(piece.span[0], piece.span[0] + match.start()), rest


def has_publication(piece: Piece) -> bool:
    return any(read_publication(piece.note[g[0]:g[1]]) for g in piece.groups())


def _looks_like_unheld_document(piece: Piece) -> bool:
    """A quoted title with a document date and no work around it: an archival document whose
    repository is named elsewhere in the note (or nowhere)."""
    anchors = piece.anchors()
    if any(a.style == "italic" for a in anchors) or not anchors or has_publication(piece) or \
            PERIODICAL_WORD.search(piece.outside_anchors()):
        return False
    prefix = piece.note[piece.span[0]:anchors[0].span[0]].strip(" ,")
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
        group = _group_after(piece, anchors[0].span[1])
        if group and _is_translation(piece.note[group[0] + 1:group[1] - 1]):
            draft.title_translated = piece.note[group[0] + 1:group[1] - 1].strip()
        prefix = piece.note[piece.span[0]:anchors[0].span[0]].strip(" ,")
        if prefix and (match := LETTER.match(prefix)):
            draft.sender, draft.recipient = match.group("sender"), match.group("recipient")
    else:
        cut = dates[0].span[0] if dates else len(piece.text)
        draft.title = clean_title(DATE_LEAD.sub("", piece.text[:cut].strip(" ,("))) or None
        if draft.title and (match := LETTER.match(draft.title)):
            draft.sender, draft.recipient = match.group("sender"), match.group("recipient")
        elif draft.title and (authored := re.match(r"([^,]{3,40}),\s+(.{3,})$", draft.title)) and \
                looks_like_names(authored.group(1)) and len(authored.group(1).split()) <= 4 and \
                not DOCUMENT_WORD.match(authored.group(1)):  # "Hồ Chí Minh, Lời kêu gọi thi đua ái quốc, ngày 11-6-1948"
            draft.authors, draft.title = [authored.group(1)], authored.group(2)
    if draft.title and not draft.sender and (match := POSSESSIVE_LETTER.match(draft.title)):
        draft.sender, draft.recipient = match.group("sender"), match.group("recipient")
    if dates:
        set_date(draft, dates[0])
    else:
        _date_from_title(draft)
    draft.genre = guess_genre(draft.title)


def _read_archival(piece: Piece, draft: CitationDraft, holding: list[RepositoryMention]) -> CitationDraft:
    draft.kind = "archival"
    anchors = piece.anchors()
    file_anchor = None
    if len(anchors) > 1:
        between = piece.note[anchors[0].span[1]:anchors[1].span[0]]
        if re.search(r"\b(?:in|dans|trong)\s*$", between.strip(" ,"), re.IGNORECASE):
            file_anchor = anchors[1]
            draft.file_title = inner_text(piece.note, file_anchor)
    head_end = (file_anchor or (anchors[0] if anchors else None))
    _read_document_head(piece if not file_anchor else piece.sub(piece.span[0], file_anchor.span[0]), draft)
    if holding:
        mention = holding[0]
        draft.repository, draft.repository_known = mention.record.acronym, True
        code = _code_near(piece, mention.span, head_end)
        if not anchors and draft.title and mention.span[0] < piece.span[0] + len(draft.title):
            # "Department of State, Central Files, 751G.00/3–1254": the holding, no title
            head = re.sub(r"(?i)[,\s]+(?:(?:is|are|was|were)\s+)?(?:also\s+)?(?:in|dans|trong)\s*$", "",
                          piece.note[piece.span[0]:mention.span[0]])
            draft.title = clean_title(head) or None
    else:
        name = unknown_archive(piece)
        if name:
            draft.repository = name
            position = piece.text.rfind(name) + piece.span[0]
            code = _code_near(piece, (position, position + len(name)), head_end)
        else:
            code = _code_near(piece, (piece.span[1], piece.span[1]), head_end)
    draft.reference_code_cited = code
    outside = piece.outside_anchors()
    if leaf := LEAF.search(outside):
        draft.locator = trim_locator(leaf.group(0))
        return draft
    locators = [m for m in LOCATOR.finditer(outside) if not m.group(0).casefold().startswith(("n°", "no"))
                and not re.match(r"\s*,?\s*op\.", outside[m.end():])]  # "f. 17, op. 162": a fond
    if locators:
        draft.locator = trim_locator(locators[-1].group(0))
    return draft


def _code_near(piece: Piece, repository: Span, head: Anchor | None) -> str | None:
    """The reference code: the comma-separated items between the document and its repository
    ("…, 10 H 287, SHD"), else those just after the repository ("…, SHD, 10 H 600")."""
    note = piece.note
    head_end = head.span[1] if head else piece.span[0]
    dates = [(d.span[0] + piece.span[0], d.span[1] + piece.span[0]) for d in find_dates(piece.outside_anchors())]
    before = None
    if repository[0] >= head_end:
        start = max([head_end] + [d[1] for d in dates if d[1] <= repository[0]])
        before = _code_items(note[start:repository[0]])
    if before:
        return before
    following = [a.span[0] for a in piece.anchors() if a.span[0] >= repository[1]]
    stop = min(following + [d[0] for d in dates if d[0] >= repository[1]] + [piece.span[1]])
    stretch = re.sub(r"^\s*\([^)]*\)", "", note[repository[1]:stop])  # "SHD (Service historique…)"
    return _code_items(stretch)


def _code_items(stretch: str) -> str | None:
    """The reference code in a stretch of comma-separated items: up to the last item with a
    number ("F/60/3035, note du secrétariat…" → "F/60/3035"), less a final page or folio."""
    items = []
    for item in re.split(r",", stretch.replace("(", ",").replace(")", ",")):
        item = item.strip()
        if item.endswith(":") and not re.search(r"\d", item):
            continue  # the repository's city: "Taipei: Academia Historica"
        item = item.strip(" .;:")
        if not item or re.search(r"\b(?:in|dans|trong|trans|tr|ed)$", item):
            continue
        if re.match(r"(?i)(?:trans|translated|transl)\b", item):
            break
        items.append(item)
    numbered = [i for i, item in enumerate(items) if re.search(r"\d", item)]
    if numbered:
        items = items[: numbered[-1] + 1]
    if items:  # "f. 17 op. 162 d. 45 l. 12": the leaf is the locator, not the code
        items[-1] = LEAF.sub("", items[-1]).strip() or items[-1]
    while items and LOCATOR.fullmatch(items[-1]) and len(items) > 1:
        items.pop()
    return ", ".join(items) or None


def _read_published(piece: Piece, draft: CitationDraft) -> CitationDraft:
    draft.kind = "published"
    note = piece.note
    anchors = [a for a in piece.anchors() if a.depth == 0 and not SERIES_BEFORE.search(note[:a.span[0]])] or \
        [a for a in piece.anchors() if not SERIES_BEFORE.search(note[:a.span[0]])]
    if anchors and not (caps_authors(piece.text[:200]) and IMPRINT.search(note, piece.span[0], anchors[0].span[0])):
        first = anchors[0]
        draft.authors, draft.editors = read_authors(note[piece.span[0]:first.span[0]])
        draft.title = inner_text(note, first)
        if draft.volume is None and (volume := TITLE_VOLUME.search(draft.title)):
            draft.title, draft.volume = draft.title[:volume.start()], volume.group("volume")
        after = first.span[1]
        group = _group_after(piece, after)
        if group and _is_translation(note[group[0] + 1:group[1] - 1]):
            draft.title_translated = note[group[0] + 1:group[1] - 1].strip()
            after = group[1]
        container = next((a for a in anchors[1:] if a.style == "italic"), None)
        if first.style == "quoted" and container is None:
            draft.container_title, after = _plain_container(piece, after)
        if first.style == "quoted" and container is not None:
            draft.container_title = inner_text(note, container)
            after = container.span[1]
            group = _group_after(piece, after)
            if group and _is_translation(note[group[0] + 1:group[1] - 1]):
                draft.container_title_translated = note[group[0] + 1:group[1] - 1].strip()
                after = group[1]
            if match := re.match(r"\s*,?\s*(\d{1,4})\b(?!\s*[–:-]|\s*\))", note[after:piece.span[1]]):
                draft.volume = match.group(1)
        tail = piece.sub(after, piece.span[1])
    else:
        draft.authors, draft.editors, draft.title, head_length = _plain_author_title(piece.text)
        tail = piece.sub(piece.span[0] + head_length, piece.span[1])
    _read_tail(tail, draft)
    has_work_details = draft.publisher or draft.place or draft.year or draft.container_title
    draft.form = "full" if has_work_details else "short"
    return draft


def _plain_author_title(text: str) -> tuple[list[str], list[str], str | None, int]:
    """Authors and title of a citation whose title has no quotes or italics:
    "Edwin E. Moise, Land Reform in China … (Chapel Hill: …, 1983)", "Hồ Chí Minh: Toàn tập, t. 6"."""
    if edition := EDITIONS.opening(text):  # "Foreign Relations, 1952–1954, vol. XIII, p. 420"
        end = text.index(edition) + len(edition)
        if subtitle := re.match(r":\s[^(]*?(?=\s\(|,\s*(?:vols?\.?\s*|pp?\.\s*)?\d(?!\d{3}\s*[–-])|$)", text[end:]):
            end += subtitle.end()  # "Public Papers of the Presidents of the United States: Harry S. Truman, 1950"
        return [], [], clean_title(text[:end]), end
    if (authors := caps_authors(text[:200])) and authors[0].start() == 0:  # "Philippe DEVILLERS, Histoire…, Paris, Seuil, 1952"
        after = re.match(r"\s*(?:\((?:éd|dir|ed|eds|coord)\.?\))?\s*,\s*", text[authors[0].end():])
        start = authors[0].end() + (after.end() if after else 0)
        imprint = IMPRINT.search(text, start)
        names, editors = read_authors(text[:start].strip(" ,"))
        if imprint:
            return names, editors, clean_title(text[start:imprint.start()]) or None, imprint.start()
    if (imprint := IMPRINT.search(text)) and text.count("(", 0, imprint.start()) == text.count(")", 0, imprint.start()) \
            and (parts := re.split(r"\s*,\s+", text[:imprint.start()], maxsplit=1)) and len(parts) == 2 \
            and len(parts[0].split()) <= 6 and looks_like_names(parts[0]):
        authors, editors = read_authors(parts[0])  # "Hermann Wentker, Außenpolitik…, München: Oldenbourg, 2007"
        return authors, editors, clean_title(parts[1]) or None, imprint.start()
    end = re.search(r"\s\(|,\s*(?:(?:t|vol|vols|tome|tập|no|số|pp?|tr)\.?\s*)?\d(?!\d{3}\s*[–-]\s*\d{2,4})"
                    r"|,\s*(?:Nxb|NXB|Nhà xuất bản|Nha xuat ban)\b", text)
    head = text[: end.start()] if end else text
    parts = re.split(r"\s*[,:]\s+", head, maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) <= 5 and looks_like_names(parts[0]):
        authors, editors = read_authors(parts[0])
        title_start = text.index(parts[1], len(parts[0]))
        if edited := re.match(r"(?:eds?|comp|comps|dir|hg|hrsg)\.,?\s+", parts[1]):  # "Robert H. Ferrell, ed., The Diary…"
            authors, editors, title_start = [], authors + editors, title_start + edited.end()
        if edition := EDITIONS.opening(text[title_start:]):  # "U.S. Department of State, Foreign Relations…, 1950"
            return authors, editors, edition, title_start + len(edition)
        return authors, editors, clean_title(text[title_start:len(head)]) or None, len(head)
    return [], [], clean_title(head) or None, len(head)


def _plain_container(piece: Piece, after: int) -> tuple[str | None, int]:
    """A journal named without italics after an article's quoted title:
    "“Rent Reduction…,” Journal of Vietnamese Studies 11, no. 2 (2016): 1-38"."""
    rest = piece.note[after:piece.span[1]]
    if periodical := re.match(r"[\s,]*(?:báo|bao|tạp\s+chí|tap\s+chi)\s+(?P<name>[A-ZÀ-ÝĐ][^,():\d]{1,100}?)(?=\s*(?:,|\(|$))",
                              rest, re.IGNORECASE):
        return clean_title(periodical["name"]), after + periodical.end()
    match = re.match(r"[\s,]*(?!(?:in|dans|trong|ed|trans)\b)([A-ZÀ-ÝĐ][^,():\d]{2,100}?)(?=\s*(?:\d|,|\())", rest)
    if not match or not (VOLUME.search(rest) or ISSUE.search(rest) or re.search(r"\(\s*(?:1[5-9]|20)\d\d\s*\)", rest)):
        return None, after
    if re.search(r":\s", rest[match.end():match.end() + 40]) and not re.search(r"\)\s*:", rest):
        return None, after  # "Paris: Seuil" — an imprint, not a journal
    return clean_title(match.group(1)), after + match.end()


def _read_tail(tail: Piece, draft: CitationDraft) -> None:
    """Publication details, volume, issue, locator after the title."""
    note = tail.note
    for group in tail.groups():
        fields = read_publication(note[group[0]:group[1]])
        if fields:
            draft.place = draft.place or fields.get("place")
            draft.publisher = draft.publisher or fields.get("publisher")
            draft.year = draft.year or fields.get("year")
    outside = tail.outside_anchors()
    blank_groups = list(outside)
    for group in tail.groups():
        if read_publication(note[group[0]:group[1]]):
            for k in range(group[0], group[1]):
                blank_groups[k - tail.span[0]] = " "
    bare = "".join(blank_groups)
    if draft.year is None:
        unparenthesised = re.search(r"(?:^|,)\s*([^,()]{2,80}?)\s+:\s*([^,()]+?),\s*(1[5-9]\d\d|20\d\d)\b", bare) or \
            re.search(r"(?:^|,)\s*([^,():]{2,60}?):\s*([^,()]+?),\s*(1[5-9]\d\d|20\d\d)\b", bare)
        if unparenthesised:
            draft.place, draft.publisher = unparenthesised.group(1).strip(), unparenthesised.group(2).strip()
            draft.year = int(unparenthesised.group(3))
        else:
            years = [y for span, y in find_years(bare) if not re.match(r"\s*[–-]\s*\d", bare[span[1]:])
                     and not re.search(r"\d\s*[–-]\s*$", bare[:span[0]])]
            if years:
                draft.year = years[-1]
    if draft.date is None and (dates := [d for d in find_dates(bare) if d.precision == "day"]):
        set_date(draft, dates[0])
        draft.year = draft.year or int(dates[0].edtf[:4])
    if french := IMPRINT.match(bare):
        if not draft.publisher:
            draft.place, draft.publisher = french.group("place").strip(), french.group("publisher").strip()
            draft.year = int(french.group("year"))
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
