"""Notes written in Chinese, traditional or simplified, read by a stage of their own.

    蔣永敬，《胡志明在中國》（臺北：傳記文學出版社，1972），頁215。       a book (Taiwan)
    黄铮：《胡志明与中国》，北京：解放军出版社，1987年，第88页。         a book (mainland)
    林佩君，〈戰後國民政府對越南政策〉，《國史館館刊》，第38期（2013年12月），頁85-126。   an article
    〈蔣中正電盧漢〉（民國三十四年八月二十日），〈蔣中正總統文物〉，國史館藏，典藏號：002-010300-00058-021。
    中共中央关于派罗贵波赴越南联络的决定(1949年12月24日)，中央档案馆藏。   archival documents
    〈蔣中正致宋子文電〉（民國34年8月24日），收入《事略稿本》，第62冊，頁388。   a printed document
    〈蕭文呈何應欽報告〉（民國34年11月），轉引自蔣永敬，《胡志明在中國》，頁215。 known through a book
    同上，頁391。 / 同上注。 / 蔣永敬，前引書，頁265。 / 參見註18。 / 参见本文注⑯。   back-references
    钱江. 在神秘的战争中[M]. 郑州: 河南人民出版社, 1992.                GB/T 7714 (see gbt7714.py)

A note is cut at its top-level "；" and "。" (outside 《》〈〉「」（）); each segment is read as
citations and commentary, the commentary left as residue. A Western citation inside a
Chinese note ("…見Note de la Direction d'Asie, 12 janvier 1946, …") is handed to the
Western reader, its spans moved into the note. Dates of the Republic (民國三十四年九月十日,
民國38年4月) and of the common era (1945年10月3日) are read by the one date reader,
``dates.find_dates``.

Entry point: :func:`read_chinese_note` (called first by ``notes.parse_note``); it returns
None for a note that is not Chinese, which the Western reader then reads as before.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..dates import CHINESE_DATE, CHINESE_NUMBER, YEAR_DIGITS, FoundDate, chinese_number, find_dates
from ..reference.authority import RepositoryIndex
from .fields import guess_genre
from .model import CitationDraft, ParsedNote, RawNote, Span
from .patterns import CIRCLED, CIRCLED_CHARS, MAX_NOTE_LENGTH
from .refcodes import parse_reference_code

# --- characters and brackets ---------------------------------------------------------------
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = f"[{HAN_CHARS}]"
PAIRS = {"《": "》", "〈": "〉", "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "“": "”"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
SEGMENT_ENDS = "；。"
ITEM_SEPARATORS = "，,：:"
FULLWIDTH_PUNCTUATION = re.compile(r"[，。；：、《》〈〉「」（）]")

# --- numbers and dates ---------------------------------------------------------------------
NUMBER = CHINESE_NUMBER
ISO_DATE = rf"(?<!\d)(?:{YEAR_DIGITS})-[01]\d-[0-3]\d(?!\d)"
# A date that is the whole of a bracket or an item: "（民國35年2月4日）", "1949年12月17日".
DATE_ONLY = re.compile(rf"\s*(?:{CHINESE_DATE.pattern}|{ISO_DATE})\s*(?:[上中下]旬)?\s*")

# --- the parts of a citation ---------------------------------------------------------------
PAGE = r"\d+(?:\s*[-–—~～至]\s*\d+)?"
LOCATOR = re.compile(rf"(?:頁|页|p\.)\s*{PAGE}|第\s*{PAGE}\s*[頁页版]|版\s*\d+")
VOLUME = re.compile(
    rf"(?:第\s*(?P<number>{NUMBER})\s*(?:分冊|分册|冊|册|卷|輯|辑)|卷\s*(?P<after>{NUMBER})"
    rf"|(?P<part>[上中下])\s*(?:卷|冊|册))"
)
SERIES = re.compile(rf"第\s*(?P<number>{NUMBER})\s*(?:編|编)")
ISSUE = re.compile(rf"(?:第\s*(?P<volume>{NUMBER})\s*卷\s*)?第\s*(?P<issue>{NUMBER})\s*[期號号]")
IMPRINT = re.compile(
    r"\s*(?P<place>[^：:，,（）()]{1,15}?)\s*[：:]\s*(?P<publisher>[^，,（）()]+?)\s*[，,]\s*"
    rf"(?P<year>{YEAR_DIGITS})\s*年?\s*"
)
YEAR_ONLY = re.compile(rf"\s*(?P<year>{YEAR_DIGITS})\s*年?\s*")
EDITED = re.compile(r"(?P<names>.+?)\s*(?:主編|主编|合編|合编|編著|编著|編|编|輯|辑)$")
TRANSLATED = re.compile(r".+?(?:譯|译|翻譯|翻译)$")
NAME = rf"{HAN}{{2,3}}"
AUTHOR_AFTER_CONNECTOR = re.compile(rf"(?:以|見|见|如|及|與|与|和|參|参|閱|阅|自)(?P<name>{NAME})$")

# --- words that open or join citations -----------------------------------------------------
CONNECTOR = re.compile(
    r"^(?:另|又|並|并|亦|可)?(?:參見|参见|參閱|参阅|參考|参考|詳見|详见|請見|请见|見於|见于|見|见|參|参)\s*"
)
QUOTED_FROM = re.compile(r"(?:轉引自|转引自|引自)")
PRINTED_IN = re.compile(
    r"(?:(?P<same>此電|此电|该电|該電|此件|该件|該件|此函|该函|該函|此文|原件|此文件)?(?:亦|也|均|皆)?"
    r"(?:收入|收於|收于|收錄於|收录于|收錄|收录|載於|载于|刊於|刊于))"
)
KEPT_IN = re.compile(
    r"^(?:(?P<same>原件|此電原件|此电原件|原電|原电))?(?P<shared>以上|均|皆|以上均|以上皆)?"
    r"(?:現|现)?(?:存|藏)(?:於|于)?(?P<name>.+)$"
)
HELD_BY = re.compile(r"^(?P<name>.+?)(?:所)?藏$")
SHARED = re.compile(r"^(?:以上)?(?:均|皆)(?:見|见|引自|出自|藏|存)?\s*")
CODE_LABEL = re.compile(
    r"^(?P<label>典藏號|典藏号|館藏號|馆藏号|檔號|档号|檔案號|档案号|卷號|卷号|編號|编号)"
    r"(?P<each>分別為|分别为|依次為|依次为)?(?:為|为)?\s*[：:]?\s*"
)
CITES = re.compile(
    r"(?:該文|该文|該書|该书|此文|此書|此书|作者|該作者|该作者)(?:在此|於此|于此|亦|也)?(?:曾)?"
    r"(?:引用|引述|徵引|征引)(?:了)?"
)
INTERVIEW = re.compile(r"(?:筆者|笔者|作者).{0,30}?(?:訪問|访问|訪談|访谈|採訪|采访|口述)")
IBID = re.compile(rf"^(?:同上(?:註|注|書|书|文|引)?|同前(?:註|注)?)(?![\d{CIRCLED_CHARS}{HAN_CHARS}])")
OP_CIT = re.compile(r"(?:前引書|前引书|前揭書|前揭书|前引文|前揭文|前引論文|前引论文|前揭|前引)")
CROSS_REFERENCE = re.compile(
    rf"(?:(?:參見|参见|參閱|参阅|詳見|详见|另見|另见|請見|请见|見|见|參|参)\s*)?(?:本文)?(?:前|上)?"
    rf"(?:註|注)\s*(?P<number>\d+|[{CIRCLED_CHARS}])"
)
# Latin script inside a Chinese note: a Western citation or a word of commentary.
WESTERN_RUN = re.compile(rf"[A-Za-zÀ-ɏ\"“‘«][^{HAN_CHARS}，。；《》〈〉（）「」【】]*")
DOCUMENT_GENRES = (  # first match wins
    ("diary", r"日記|日记"),
    ("minutes", r"紀錄|纪录|記錄|记录|會議錄|会议录"),
    ("telegram", r"電報|电报|代電|代电|電$|电$|致.{1,30}[電电]|^.{2,10}?[電电](?![報报影力話话台視视])."),
    ("letter", r"函$|信$|書信|书信|函件"),
    ("speech", r"談話|谈话|講話|讲话|演說|演说|講詞|讲词"),
    ("directive", r"指示|決定|决定|命令|訓令|训令|通知"),
    ("treaty", r"協定|协定|條約|条约|協議|协议"),
    ("report", r"報告|报告|呈|請示|请示|簽呈|签呈"),
)
GBT_TYPE = re.compile(r"\[(?P<type>[A-Z]{1,2})(?:/OL)?\]")
# What opens a note as Chinese: a Chinese author's back-reference ("李某，前引書"), a Chinese
# first character, a Chinese title in brackets.
HAN_OP_CIT = re.compile(rf"{HAN}{{2,4}}\s*[，,：:]\s*{OP_CIT.pattern}")
CHINESE_OPENING = re.compile(rf"[{HAN_CHARS}《〈「（]")
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
BRACKETED_HAN = re.compile(r"[《〈]" + HAN)
AUTHOR_OP_CIT = re.compile(rf"(?P<author>[^，,：:《》〈〉]{{1,12}}?)\s*[，,：:]?\s*{OP_CIT.pattern}")
GBT_TITLE_VOLUME = re.compile(rf"\s*[:：]\s*((?:第\s*{NUMBER}\s*(?:冊|册|卷|輯|辑)|[上中下](?:卷|冊|册)))\s*$")
SAME_DOCUMENT = re.compile(rf"(?:{PRINTED_IN.pattern}|(?:原件|此電原件|此电原件)(?:現|现)?(?:存|藏))")
HAN_NAMES = re.compile(rf"{HAN}{{2,4}}(?:[、]{HAN}{{2,4}})*")
PLACE_NAME = re.compile(rf"{HAN}{{2,6}}")
# "收入…", "亦載於…": the collection (or its editors) comes next.
INTO = re.compile(r"^(?:亦|也|均|皆)?(?:收入|收於|收于|收錄於|收录于|收錄|收录|載於|载于|刊於|刊于)\s*")


@dataclass
class Context:
    """What one note's reading shares: the authority, the Western reader, and what is read."""

    note: RawNote
    repositories: RepositoryIndex | None
    western: Callable[[RawNote, RepositoryIndex | None], ParsedNote]
    citations: list[CitationDraft] = field(default_factory=list)
    # documents whose archive, file and codes are given for several ("均見…", "分別為 c1、c2")
    shared: dict[int, tuple[bool, list[str]]] = field(default_factory=dict)


# --- small helpers ---------------------------------------------------------------------------


def han_count(text: str) -> int:
    return len(re.findall(HAN, text))


def arabic_volume(text: str) -> str:
    number = chinese_number(text)
    return str(number) if number is not None else text


def circled_or_number(text: str) -> int:
    return CIRCLED[text] if text in CIRCLED else int(text)


def depths(text: str) -> list[int]:
    """The bracket depth at every character (a bracket itself is at the outer depth)."""
    stack: list[str] = []
    result = []
    for char in text:
        if char in CLOSERS and stack and stack[-1] == CLOSERS[char]:
            stack.pop()
            result.append(len(stack))
        elif char in PAIRS and not (char == "“" and stack and stack[-1] == "“"):
            result.append(len(stack))
            stack.append(char)
        else:
            result.append(len(stack))
    return result


def trim_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t\n　，,：:。；;.":
        start += 1
    while end > start and text[end - 1] in " \t\n　，,：:；;":
        end -= 1
    return start, end


def segments(text: str) -> list[Span]:
    """The note cut at its top-level "；" and "。" (the marks left outside)."""
    level = depths(text)
    spans, start = [], 0
    for index, char in enumerate(text):
        if char in SEGMENT_ENDS and level[index] == 0:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(text)))
    return [trim_span(text, s, e) for s, e in spans if text[s:e].strip()]


@dataclass
class Item:
    """A top-level piece of a segment between "，" or "：": its span and the mark after it."""

    start: int
    end: int
    separator: str

    def text(self, note: str) -> str:
        return note[self.start : self.end]


def items(note: str, start: int, end: int) -> list[Item]:
    level = depths(note[start:end])
    result, item_start = [], start
    for index in range(start, end):
        if note[index] in ITEM_SEPARATORS and level[index - start] == 0:
            if (
                note[index] in ":,"
                and index + 1 < end
                and note[index + 1].isdigit() is False
                and not note[index + 1].isspace()
                and note[index] == ","
            ):
                continue  # "1,000": not a separator
            result.append(Item(item_start, index, note[index]))
            item_start = index + 1
    result.append(Item(item_start, end, ""))
    tidy = []
    for item in result:
        s, e = item.start, item.end
        while s < e and note[s] in " \t\n　":
            s += 1
        while e > s and note[e - 1] in " \t\n　":
            e -= 1
        if s < e:
            tidy.append(Item(s, e, item.separator))
    return tidy


def bracket_at(note: str, position: int) -> tuple[str, int] | None:
    """The bracket opening at ``position``: its kind and where it closes (after the closer)."""
    if position >= len(note) or note[position] not in PAIRS:
        return None
    level = 0
    opener, closer = note[position], PAIRS[note[position]]
    for index in range(position, len(note)):
        if note[index] == opener and (opener != closer or index == position):
            level += 1
        elif note[index] == closer:
            level -= 1
            if level == 0:
                return opener, index + 1
    return None


def repository_of(name: str, context: Context) -> tuple[str, bool]:
    """The authority's acronym for an archive named in a note, or the name as written."""
    name = name.strip(" ，,：:")
    if context.repositories is not None:
        for mention in context.repositories.find_in(name):
            return mention.record.acronym, True
    return name, False


def draft(kind: str, form: str, note: str, start: int, end: int, **fields) -> CitationDraft:
    return CitationDraft(kind=kind, form=form, span=(start, end), text=note[start:end], **fields)


def person_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r"[、，,]", text) if n.strip()]


# --- reading a segment ---------------------------------------------------------------------


def read_chinese_note(
    raw: RawNote, repositories: RepositoryIndex | None, western: Callable[[RawNote, RepositoryIndex | None], ParsedNote]
) -> ParsedNote | None:
    """A Chinese note read into citations and residue, or None when the note is not Chinese."""
    text = raw.text
    if len(text) > MAX_NOTE_LENGTH or not is_chinese_note(text):
        return None  # too long a "note" is left to the Western reader, which keeps it unread
    context = Context(raw, repositories, western)
    for start, end in segments(text):
        for citation in read_segment(text, start, end, context):
            context.citations.append(citation)
    citations = sorted(context.citations, key=lambda c: c.span)
    for citation in citations:
        for part in (citation, citation.via):
            if part is not None and part.reference_code_cited and not part.reference_code:
                code = parse_reference_code(
                    part.reference_code_cited, part.repository if part.repository_known else None
                )
                part.reference_code, part.reference_levels = code.normalised, code.levels
    residue, position = [], 0
    for start, end in sorted(c.span for c in citations):
        residue.append(text[position:start])
        position = max(position, end)
    residue.append(text[position:])
    messages = [] if citations or not text.strip() else [f"note {raw.number}: no citation recognised"]
    return ParsedNote(raw.number, text, "".join(residue), citations, raw.line, raw.kind, messages)


def is_chinese_note(text: str) -> bool:
    """Chinese when it opens in Chinese (or is mostly Chinese) and uses Chinese punctuation or
    GB/T marks, when it opens with a Chinese back-reference, or when it cites a Chinese title
    in 《》 or 〈〉."""
    stripped = text.lstrip()
    if han_count(stripped) < 2:
        return False
    if IBID.match(stripped) or HAN_OP_CIT.match(stripped):
        return True
    marked = FULLWIDTH_PUNCTUATION.search(stripped) or GBT_TYPE.search(stripped) or "//" in stripped
    if marked and (CHINESE_OPENING.match(stripped) or han_count(stripped) > len(LATIN_LETTER.findall(stripped))):
        return True
    return bool(BRACKETED_HAN.search(stripped))


def read_segment(note: str, start: int, end: int, context: Context) -> list[CitationDraft]:
    """The citations of one segment of a note (commentary around them left out)."""
    segment = note[start:end]
    level = depths(segment)
    # A document known through another work: "〈A〉（date），轉引自 B".
    quoted = next((m for m in QUOTED_FROM.finditer(segment) if level[m.start()] == 0), None)
    if quoted is not None:
        source = read_works(note, start + quoted.end(), end, context)
        document = read_document_head(note, start, start + quoted.start(), context)
        if source:
            work, rest = source[0], source[1:]
            cited = document or draft("cited_document", "full", note, start + quoted.start(), start + quoted.start())
            cited.kind, cited.form = "cited_document", "full"
            cited.locator, work.locator = work.locator, None
            cited.via, cited.via_relation = work, "cited_in"
            cited.span = (cited.span[0], work.span[1])
            cited.text = note[cited.span[0] : cited.span[1]]
            return [cited, *rest]
    # "該文引用了 1950年8月13日 X 電": a document cited by the work cited before it.
    cites = next((m for m in CITES.finditer(segment) if level[m.start()] == 0), None)
    if cites is not None:
        before = read_works(note, start, start + cites.start(), context)
        sources = before or context.citations
        document = read_document_head(note, start + cites.end(), end, context, date_first=True)
        if document is not None and sources:
            document.kind, document.form = "cited_document", "full"
            document.via, document.via_relation = _as_via(sources[-1]), "cited_in"
            return [*before, document]
    # "均存中央档案馆": where the documents cited before are held
    kept = KEPT_IN.fullmatch(segment)
    if kept is not None and kept.group("shared") and not re.search(r"[《〈（(]", segment):
        repository, known = repository_of(kept.group("name"), context)
        for citation in context.citations:
            if citation.kind == "archival" and not citation.repository and citation.date:
                citation.repository, citation.repository_known = repository, known
                citation.unresolved_reason = None
        return []
    return read_works(note, start, end, context)


def _as_via(citation: CitationDraft) -> CitationDraft:
    via = copy.copy(citation)
    via.via, via.locator = None, None
    return via


def read_document_head(
    note: str, start: int, end: int, context: Context, date_first: bool = False
) -> CitationDraft | None:
    """A document named before "轉引自" or after "引用": its title (bracketed or bare), date."""
    start, end = trim_span(note, start, end)
    connector = CONNECTOR.match(note[start:end])
    if connector:
        start += connector.end()
    text = note[start:end]
    if not text.strip():
        return None
    dates = find_dates(text)
    title = None
    bracket = re.search(r"[〈《「](?P<title>[^〈〉《》「」]+)[〉》」]", text)
    if bracket:
        title = bracket.group("title").strip()
        start_at = start + bracket.start()
    else:
        paren = next((m for m in re.finditer(r"[（(]([^（）()]*)[）)]", text) if DATE_ONLY.fullmatch(m.group(1))), None)
        if paren is not None:
            title = text[: paren.start()].strip(" ，,") or None
        elif date_first and dates and dates[0].span[0] == 0:
            title = text[dates[0].span[1] :].strip(" ，,") or None
        elif not dates:
            title = text.strip(" ，,") or None
        start_at = start
    # the document ends with its title or its date; what follows is commentary ("，惟未註明出處")
    marks = [bracket.end()] if bracket else []
    marks += [m.end() for m in re.finditer(r"[（(]([^（）()]*)[）)]", text) if DATE_ONLY.fullmatch(m.group(1))][:1]
    marks += [dates[0].span[1]] if dates else []
    if title and not bracket and text.find(title) >= 0:
        marks.append(text.find(title) + len(title))
    if marks:
        end = start + max(marks)
    citation = draft("archival", "full", note, start_at, end, title=title, genre=guess_genre(title, DOCUMENT_GENRES))
    if dates:
        date = dates[0]
        citation.date, citation.date_as_written, citation.date_precision = date.edtf, date.as_written, date.precision
    return citation


def read_works(note: str, start: int, end: int, context: Context) -> list[CitationDraft]:
    """Every citation in a stretch of a note: back-references, GB/T references, Chinese
    citations (bracketed titles and dated documents), cross-references and Western runs."""
    start, end = trim_span(note, start, end)
    if start >= end:
        return []
    found: list[CitationDraft] = []
    backward = read_back_reference(note, start, end, context)
    if backward is not None:
        return [backward]
    for reference in read_gbt(note, start, end):
        found.append(reference)
    for reading in (read_chinese_citations, read_interview, read_cross_references, read_western):
        for citation in reading(note, start, end, context, [c.span for c in found]):
            if not any(c.span[0] < citation.span[1] and citation.span[0] < c.span[1] for c in found):
                found.append(citation)
    found.sort(key=lambda c: c.span)
    share_holdings(note, start, end, found, context)
    return found


def free(spans: list[Span], start: int, end: int) -> list[Span]:
    """The stretches of (start, end) outside the given spans."""
    gaps, position = [], start
    for s, e in sorted(spans):
        if e <= position or s >= end:
            continue
        if s > position:
            gaps.append((position, s))
        position = max(position, e)
    if position < end:
        gaps.append((position, end))
    return gaps


# --- back-references --------------------------------------------------------------------------


def read_back_reference(note: str, start: int, end: int, context: Context) -> CitationDraft | None:
    """ "同上，頁391", "同上注", "蔣永敬，前引書，頁265", "杨奎松：前引文，第48页"."""
    text = note[start:end]
    connector = CONNECTOR.match(text)
    offset = connector.end() if connector else 0
    ibid = IBID.match(text[offset:])
    if ibid:
        citation = draft("unknown", "ibid", note, start + offset, end)
        rest = text[offset + ibid.end() :]
        read_locator_into(citation, rest)
        citation.span = (start + offset, locator_end(note, start + offset + ibid.end(), end, citation))
        citation.text = note[citation.span[0] : citation.span[1]]
        return citation
    op_cit = AUTHOR_OP_CIT.match(text[offset:])
    if op_cit:
        author = op_cit.group("author").strip()
        citation = draft("published", "op_cit", note, start + offset, end, authors=[author] if author else [])
        read_locator_into(citation, text[offset + op_cit.end() :])
        citation.span = (start + offset, locator_end(note, start + offset + op_cit.end(), end, citation))
        citation.text = note[citation.span[0] : citation.span[1]]
        return citation
    return None


def read_locator_into(citation: CitationDraft, text: str) -> None:
    match = LOCATOR.search(text)
    if match and not re.search(HAN, text[: match.start()].replace("第", "").replace("頁", "").replace("页", "")[-6:]):
        citation.locator = match.group(0).strip()
    volume = VOLUME.search(text)
    if volume and (not match or volume.start() < match.start()):
        citation.volume = arabic_volume(volume.group("number") or volume.group("after") or volume.group("part"))


def locator_end(note: str, start: int, end: int, citation: CitationDraft) -> int:
    """The end of a back-reference: after its pages, or after the words that make it."""
    if citation.locator:
        index = note.find(citation.locator, start, end)
        if index >= 0:
            return index + len(citation.locator)
    return start


def read_cross_references(note: str, start: int, end: int, context: Context, taken: list[Span]) -> list[CitationDraft]:
    """ "參見註18", "参见本文注⑯", "見前注⑭": a cross-reference to that note."""
    found = []
    for gap_start, gap_end in free(taken, start, end):
        for match in CROSS_REFERENCE.finditer(note, gap_start, gap_end):
            citation = draft("cross_reference", "short", note, match.start(), match.end())
            citation.cross_reference_note = circled_or_number(match.group("number"))
            found.append(citation)
    return found


# --- interviews -----------------------------------------------------------------------------------


def read_interview(note: str, start: int, end: int, context: Context, taken: list[Span]) -> list[CitationDraft]:
    """ "筆者訪問……，2012年7月5日，臺北": an unpublished source, archival with no archive."""
    if taken:
        return []
    text = note[start:end]
    match = INTERVIEW.search(text)
    if not match:
        return []
    dates = find_dates(text)
    citation = draft("archival", "full", note, start + match.start(), end)
    if dates:
        date = dates[0]
        citation.date, citation.date_as_written, citation.date_precision = date.edtf, date.as_written, date.precision
    citation.genre = "interview"
    return [citation]


# --- Western citations inside a Chinese note ------------------------------------------------------


def read_western(note: str, start: int, end: int, context: Context, taken: list[Span]) -> list[CitationDraft]:
    """Runs of Latin script handed to the Western reader, their spans moved into the note."""
    found = []
    for gap_start, gap_end in free(taken, start, end):
        for match in WESTERN_RUN.finditer(note, gap_start, gap_end):
            run_start, run_end = match.span()
            run = note[run_start:run_end]
            if run_end < gap_end and re.match(HAN, note[run_end]):
                # "pp. 88-90. Worthing認為": the last words belong to the Chinese sentence after
                tail = re.search(r"(?<=[.)\d])\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$", run)
                if tail:
                    run_end = run_start + tail.start()
            run_start, run_end = trim_span(note, run_start, run_end)
            run = note[run_start:run_end]
            if len(re.findall(r"[A-Za-zÀ-ɏ]{2,}", run)) < 2 or not re.search(r"\d", run):
                continue
            parsed = context.western(
                RawNote(context.note.number, run, context.note.line, context.note.kind), context.repositories
            )
            for citation in parsed.citations:
                shift(citation, run_start, note)
                found.append(citation)
    return found


def shift(citation: CitationDraft, offset: int, note: str) -> None:
    citation.span = (citation.span[0] + offset, citation.span[1] + offset)
    if citation.via is not None:
        citation.via = copy.copy(citation.via)
        citation.via.span = (citation.via.span[0] + offset, citation.via.span[1] + offset)


# --- GB/T 7714 ------------------------------------------------------------------------------------

GBT_AUTHORS = rf"(?P<authors>{HAN}[{HAN_CHARS}·]{{1,24}}(?:\s*[,，、]\s*{HAN}[{HAN_CHARS}·]{{1,24}})*(?:\s*等)?)"
GBT_TITLE = r"(?P<title>(?:(?![.．]\s)[^\[\]\n/])+?)"
GBT_HOST = (
    r"(?:\s*//\s*|(?<=\[A\])\s*[.．]\s*)(?:(?P<host_editors>(?:(?![.．]\s)[^\[\]\n/])+?)\s*[.．]\s*)?"
    r"(?P<host>(?:(?![.．]\s)[^\[\]\n/])+?)(?:\s*\[(?P<host_type>[A-Z])\])?"
)
GBT_IMPRINT = (
    r"(?P<place>[^:：,，.．\[\]]{1,20})\s*[:：]\s*(?P<publisher>[^,，:：\[\]]{1,60}?)\s*[,，]\s*(?P<year>\d{4})"
)
GBT_NEWSPAPER = r"(?P<paper>[^,，\[\]]{1,40}?)\s*[,，]\s*(?P<paper_date>\d{4}-\d\d-\d\d)(?:\s*\((?P<paper_page>\d+)\))?"
GBT_JOURNAL = (
    r"(?P<journal>[^,，\[\]]{1,60}?)\s*[,，]\s*(?P<journal_year>\d{4})\s*"
    r"(?:[,，]\s*(?P<volume>\d+))?\s*(?:\((?P<issue>\d+)\))?"
)
GBT_PAGES = r"(?:\s*[:：.．]\s*(?P<pages>\d+(?:\s*[-–—]\s*\d+)?)(?!\d))?"
GBT_REFERENCE = re.compile(
    rf"(?:{GBT_AUTHORS}\s*[.．]\s*)?{GBT_TITLE}\s*(?:\[(?P<type>[A-Z]{{1,2}})\])?(?:{GBT_HOST})?\s*[.．]\s*"
    rf"(?:{GBT_IMPRINT}|{GBT_NEWSPAPER}|{GBT_JOURNAL}){GBT_PAGES}"
)


def read_gbt(note: str, start: int, end: int) -> list[CitationDraft]:
    """GB/T 7714 references: "作者. 題名[M]. 地: 出版者, 年: 頁." and its analytic forms
    ("題名[C]//編者. 文集. 地: 出版者, 年: 頁", a document "(date)//…" printed in a collection)."""
    found = []
    position = start
    while position < end:
        match = GBT_REFERENCE.search(note, position, end)
        if match is None:
            break
        groups = match.groupdict()
        if not (groups["type"] or groups["host_type"]) and not groups["host"]:
            position = match.start() + 1
            continue
        citation = _gbt_draft(note, match)
        if citation is None:
            position = match.start() + 1
            continue
        found.append(citation)
        position = match.end()
    return found


def _gbt_draft(note: str, match: re.Match[str]) -> CitationDraft | None:
    groups = match.groupdict()
    start = match.start()
    authors_text = groups["authors"] or ""
    if authors_text:
        lead = re.match(r"^.*?(?:轉引自|转引自|參見|参见|可參見|可参见|見|见|有)\s*", authors_text)
        if lead and len(authors_text) - lead.end() >= 2:
            start += lead.end()
            authors_text = authors_text[lead.end() :]
    title = groups["title"].strip()
    if not authors_text:
        connector = re.match(r"^(?:.*?[:：]\s*)?(?:另|又|可)?(?:參見|参见|見|见)?\s*", title)
        if connector and connector.end():
            offset = groups["title"].find(title) + connector.end()
            start = match.start("title") + offset
            title = title[connector.end() :]
    authors, editors = [], []
    edited = EDITED.match(authors_text.strip()) if authors_text else None
    if edited:
        editors = person_names(edited.group("names"))
    elif authors_text:
        authors = person_names(authors_text.removesuffix("等"))
    pages = groups["pages"]
    end = (
        match.end()
        if pages
        else match.end("pages")
        if groups["pages"]
        else max(
            i
            for i in (
                match.end("year") if groups["year"] else -1,
                match.end("paper_page") if groups["paper_page"] else -1,
                match.end("paper_date") if groups["paper_date"] else -1,
                match.end("issue") + 1 if groups["issue"] else -1,
                match.end("volume") if groups["volume"] else -1,
                match.end("journal_year") if groups["journal_year"] else -1,
            )
        )
    )
    citation = draft("published", "full", note, start, end, authors=authors, editors=editors, locator=pages)
    work = citation
    document_date = re.search(r"[（(]([^（）()]*)[）)]\s*$", title)
    if document_date and DATE_ONLY.fullmatch(document_date.group(1)) and groups["host"]:
        # "刘少奇致毛泽东电(1950年1月16日)[M]//编者. 文稿: 第1册. 北京: …": a printed document
        dates = find_dates(document_date.group(1))
        citation.kind, citation.title = "published_document", title[: document_date.start()].strip()
        if dates:
            citation.date, citation.date_as_written, citation.date_precision = (
                dates[0].edtf,
                dates[0].as_written,
                dates[0].precision,
            )
        work = draft("published", "full", note, match.start("host"), end)
        work.editors = person_names(groups["host_editors"] or "")
        title = groups["host"].strip()
        citation.via, citation.via_relation = work, "published_in"
    else:
        citation.title = title
        if groups["host"]:
            citation.container_title = _gbt_title(groups["host"].strip(), citation)
    title = _gbt_title(title, work)
    if work is citation and groups["host"] is None:
        citation.title = title
    elif work is not citation:
        work.title = title
    if groups["year"]:
        work.place, work.publisher, work.year = (
            groups["place"].strip(),
            groups["publisher"].strip(),
            int(groups["year"]),
        )
    elif groups["paper"]:
        citation.container_title = groups["paper"].strip()
        citation.date = groups["paper_date"]
        citation.year = int(groups["paper_date"][:4])
        citation.locator = citation.locator or groups["paper_page"]
    else:
        citation.container_title = groups["journal"].strip()
        citation.year = int(groups["journal_year"])
        citation.volume, citation.issue = groups["volume"], groups["issue"]
    if work is not citation:
        work.text = note[work.span[0] : work.span[1]]
    citation.text = note[citation.span[0] : citation.span[1]]
    return citation


def _gbt_title(title: str, work: CitationDraft) -> str:
    """ "文稿: 第1册" → "文稿", volume 1; "年谱(1949—1976): 上卷" → "年谱(1949—1976)", volume 上."""
    volume = GBT_TITLE_VOLUME.search(title)
    if volume:
        found = VOLUME.search(volume.group(1))
        if found:
            work.volume = arabic_volume(found.group("number") or found.group("after") or found.group("part"))
        return title[: volume.start()].strip()
    return title


# --- Chinese citations: bracketed titles and dated documents ----------------------------------------


@dataclass
class Reading:
    """The fields read while walking the items of one citation."""

    title: str | None = None
    title_bracket: str = ""
    date: tuple[str | None, str | None, str | None] | None = None  # EDTF, as written, precision
    container: str | None = None
    container_date: FoundDate | None = None
    collection: CitationDraft | None = None
    fonds: str | None = None
    file_title: str | None = None
    repository: tuple[str, bool] | None = None
    codes: list[str] = field(default_factory=list)
    codes_each: bool = False
    code_span: Span | None = None
    place: str | None = None
    publisher: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    locator: str | None = None
    shared: bool = False
    printed_same: bool = False
    kept_same: bool = False
    editors: list[str] = field(default_factory=list)
    end: int = 0
    cut: int | None = None  # where an item stopped being read, when it was read only in part


def read_chinese_citations(note: str, start: int, end: int, context: Context, taken: list[Span]) -> list[CitationDraft]:
    """Chinese citations led by a title in 《》〈〉 or by a document's title and date."""
    found: list[CitationDraft] = []
    for gap_start, gap_end in free(taken, start, end):
        gap_start, gap_end = trim_span(note, gap_start, gap_end)
        position = gap_start
        while position < gap_end:
            head = find_head(note, position, gap_end)
            if head is None:
                break
            citation = read_citation_from(note, head, gap_start if not found else position, gap_end, context)
            if citation is None:
                position = head[1]
                continue
            found.append(citation)
            position = citation.span[1]
    return found


def find_head(note: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The next title: (its start, where it ends, "bracket" or "bare") at top level; or a
    statement about the document just cited ("此電亦收入…", "原件存…")."""
    level = depths(note[start:end])
    text = note[start:end]
    same = SAME_DOCUMENT.search(text)
    for index, char in enumerate(text):
        if level[index] != 0:
            continue
        if (
            same is not None
            and index == same.start()
            and (same.groupdict().get("same") or text[index:].startswith("原件"))
        ):
            return start + index, start + same.end(), "same"
        if char in "《〈「":
            closing = bracket_at(note, start + index)
            if closing is not None and han_count(note[start + index : closing[1]]) >= 2:
                return start + index, closing[1], "bracket"
        if char in "（(":
            closing = bracket_at(note, start + index)
            if closing is None:
                continue
            inner = note[start + index + 1 : closing[1] - 1]
            if DATE_ONLY.fullmatch(inner):
                clause = max((i for i in range(index) if level[i] == 0 and text[i] in "，,：:。；"), default=-1)
                title_start = start + clause + 1
                connector = CONNECTOR.match(note[title_start : start + index].lstrip())
                title_start += len(note[title_start : start + index]) - len(note[title_start : start + index].lstrip())
                if connector:
                    title_start += connector.end()
                if han_count(note[title_start : start + index]) >= 4:
                    return title_start, start + index, "bare"
    return None


def author_before(note: str, clause_start: int, title_start: int) -> tuple[int, list[str], list[str]]:
    """The author or editors written before a title ("蔣永敬，《", "沈志华主编：《", "…以蔣永敬，《")."""
    prefix_end = title_start
    prefix = note[clause_start:prefix_end].rstrip(" ，,：:")
    level = depths(prefix)
    cut = max((i for i, c in enumerate(prefix) if c in "，,：:。；" and level[i] == 0), default=-1)
    clause = prefix[cut + 1 :]
    offset = clause_start + cut + 1 + (len(clause) - len(clause.lstrip()))
    clause = clause.strip()
    if not clause:
        return title_start, [], []
    connector = CONNECTOR.match(clause)
    if connector:
        offset += connector.end()
        clause = clause[connector.end() :]
    edited = EDITED.match(clause)
    if edited and len(clause) <= 20 and not re.search(r"[〈《》〉]", clause):
        return offset, [], person_names(edited.group("names"))
    if HAN_NAMES.fullmatch(clause):
        return offset, person_names(clause), []
    named = AUTHOR_AFTER_CONNECTOR.search(clause)
    if named:
        return offset + named.start("name"), [named.group("name")], []
    if re.fullmatch(r"[A-Z][\w.'’ -]{1,40}", clause):  # "Chen Jian，《…》"
        return offset, [clause], []
    if len(clause) <= 20 and re.search(r"(?:委員會|委员会|部|處|处|組|组|局|館|馆|所|室|會|会)(?:第.組)?$", clause):
        return offset, [], []  # an office as sender: "中國國民黨中央改造委員會第三組，〈…〉"
    return title_start, [], []


def read_citation_from(
    note: str, head: tuple[int, int, str], clause_start: int, end: int, context: Context
) -> CitationDraft | None:
    """Walk the items of one citation from its title: imprint, container, date, volume,
    collection, fonds, archive, code, pages; stop at commentary."""
    title_start, title_end, kind_of_head = head
    reading = Reading()
    authors: list[str]
    editors: list[str]
    if kind_of_head == "same":
        begin, authors, editors = title_start, [], []
        previous = next((c for c in reversed(context.citations) if c.title or c.date), None)
        if previous is None:
            return None
        reading.title, reading.date = previous.title, (previous.date, previous.date_as_written, previous.date_precision)
        if re.search(r"(?:存|藏)$", note[title_start:title_end]):
            reading.kept_same = True
            rest_start = title_end
            name_items = items(note, rest_start, end)
            if name_items:
                reading.repository = repository_of(name_items[0].text(note), context)
                reading.end = name_items[0].end
                walk(note, name_items[1:], reading, context)
        else:
            reading.printed_same = True
            walk(note, items(note, title_end, end), reading, context, expect_collection=True)
        if reading.end <= title_end:
            return None
    else:
        begin, authors, editors = author_before(note, clause_start, title_start)
        if kind_of_head == "bracket":
            reading.title = note[title_start + 1 : title_end - 1].strip()
            reading.title_bracket = note[title_start]
        else:
            reading.title = note[title_start:title_end].strip()
        reading.end = title_end
        walk(note, items(note, title_end, end), reading, context)
    citation = build(note, begin, reading, authors, editors, kind_of_head, context)
    if citation is not None and citation.kind in ("archival", "published_document", "cited_document"):
        citation.genre = guess_genre(citation.title, DOCUMENT_GENRES)
    return citation


@dataclass
class WalkState:
    """What reading the items after one title shares: the note, its items, the reading they
    fill, the note's context, and the editors named before the collection they edited."""

    note: str
    parts: list[Item]
    reading: Reading
    context: Context
    pending_editors: list[str] = field(default_factory=list)

    def text(self, index: int) -> str:
        return self.parts[index].text(self.note)

    def has(self, index: int) -> bool:
        return index < len(self.parts)


def walk(note: str, parts: list[Item], reading: Reading, context: Context, expect_collection: bool = False) -> None:
    """Read the items after a title into ``reading``; ``reading.end`` is the end of the last
    item understood."""
    index = 0
    waiting_collection = expect_collection
    state = WalkState(note, parts, reading, context)
    pending_editors = state.pending_editors
    while index < len(parts):
        item = parts[index]
        text = item.text(note)
        consumed = read_item(state, index, text, waiting_collection)
        if consumed is None:
            # commentary, or a new citation: stop, unless an imprint or pages are still to come
            if reading.locator or reading.repository or reading.codes:
                break
            if (
                index + 1 < len(parts)
                and _imprint_ahead(note, parts[index + 1 : index + 3])
                and not re.search(r"[《〈]", text)
            ):
                index += 1
                continue
            break
        if consumed == "collection":
            waiting_collection = True
            consumed = 1
        elif consumed == "editors":
            edited = EDITED.match(_strip_into(text))
            if edited is None:  # never: read_item only answers "editors" for an item that ends with them
                raise ValueError(f"no editors in {text!r}")
            pending_editors.extend(person_names(edited.group("names")))
            reading.editors = pending_editors
            waiting_collection = True
            consumed = 1
        elif isinstance(consumed, int) and consumed > 0 and waiting_collection and reading.collection is not None:
            waiting_collection = False
        reading.end = parts[index + consumed - 1].end
        index += consumed
        if reading.cut is not None:
            reading.end = trim_span(note, parts[index - 1].start, reading.cut)[1]
            reading.cut = None
            break
        if reading.locator:
            break


def _imprint_ahead(note: str, parts: list[Item]) -> bool:
    return any(
        re.match(r"[（(]", p.text(note)) and IMPRINT.fullmatch(p.text(note)[1:-1]) or LOCATOR.fullmatch(p.text(note))
        for p in parts
    )


def _imprint_in(text: str) -> int | None:
    """Where an imprint in brackets starts further on in ``text`` (after a translator, a part)."""
    for match in re.finditer(r"[（(]", text):
        closing = bracket_at(text, match.start())
        if closing is not None and IMPRINT.fullmatch(text[match.start() + 1 : closing[1] - 1]):
            return match.start()
    return None


def _strip_into(text: str) -> str:
    return INTO.sub("", text)


def read_item(state: WalkState, index: int, text: str, waiting_collection: bool):
    """How many items one item (``state.parts[index]``, whose text is ``text``) fills with those
    after it; "collection" or "editors" for an item that announces them; None for commentary."""
    reading = state.reading
    shared = SHARED.match(text)
    if shared and shared.end() and not re.match(r"^(?:以上)?(?:均|皆)(?:存|藏)", text):
        reading.shared = True
        text = text[shared.end() :]
        if not text:
            return 1
    if (imprint := _read_imprint_items(state, index, text)) is not None:
        return imprint
    into = INTO.match(text)
    if into:
        rest = text[into.end() :]
        if not rest:
            return "collection"
        if EDITED.match(rest) and not re.search(r"[《〈]", rest):
            return "editors"
        text = rest
        waiting_collection = True
    if (
        EDITED.match(text)
        and not re.search(r"[《〈（(]", text)
        and len(text) <= 20
        and state.has(index + 1)
        and state.text(index + 1).startswith("《")
    ):
        return "editors"
    if (labelled := _read_code_label(state, index, text)) is not None:
        return labelled
    if reading.repository is not None:
        return _read_code_after_archive(state, index, text)
    if (holder := _read_holder(text, reading, state.context)) is not None:
        return holder
    return _read_pieces(state, state.parts[index], text, waiting_collection)


def _read_imprint_items(state: WalkState, index: int, text: str) -> int | None:
    """A place, then a publisher, then a year, three items: "北京：中央文献出版社，1987年" (3);
    None if the items are not that."""
    if (
        state.parts[index].separator in "：:"
        and state.has(index + 2)
        and PLACE_NAME.fullmatch(text)
        and (year := YEAR_ONLY.fullmatch(state.text(index + 2)))
    ):
        target = state.reading.collection or state.reading
        target.place = text
        target.publisher = state.text(index + 1)
        target.year = int(year.group("year"))
        return 3
    return None


def _read_code_label(state: WalkState, index: int, text: str) -> int | None:
    """Reference codes after their label ("館藏號：…", "典藏號分別為 c1、c2"), in this item or
    the next: how many items they fill; None if the item has no such label."""
    code_label = CODE_LABEL.match(text)
    if code_label is None:
        return None
    reading, item = state.reading, state.parts[index]
    rest = text[code_label.end() :]
    reading.codes_each = bool(code_label.group("each"))
    if not rest and state.has(index + 1):
        reading.codes = _codes(state.text(index + 1))
        reading.code_span = (state.parts[index + 1].start, state.parts[index + 1].end)
        return 2
    reading.codes = _codes(rest) if reading.codes_each else [rest]
    reading.code_span = (item.end - len(rest), item.end)
    return 1


def _codes(text: str) -> list[str]:
    """The codes of a list "c1、c2"."""
    return [c.strip() for c in text.split("、") if c.strip()]


def _read_code_after_archive(state: WalkState, index: int, text: str) -> int | None:
    """After the archive: the code, written with or without labels ("全宗号十八，案卷号2214");
    None for anything else (commentary)."""
    reading, item = state.reading, state.parts[index]
    if (
        re.search(r"\d|[一二三四五六七八九十]+號|[一二三四五六七八九十]+号|全宗|目录|目錄|案卷|卷宗", text)
        and len(text) <= 30
    ):
        start, end = _extend_code_span(reading, item)
        reading.codes = [state.note[start:end]]
        return 1
    if (
        len(text) <= 12
        and not re.search(r"[《〈]", text)
        and state.has(index + 1)
        and re.search(r"\d", state.text(index + 1))
    ):
        _extend_code_span(reading, item)
        return 1
    return None


def _extend_code_span(reading: Reading, item: Item) -> Span:
    """The code's span, begun at an earlier label item if there is one, runs to the end of
    ``item``; the span."""
    start = item.start if reading.code_span is None else reading.code_span[0]
    reading.code_span = (start, item.end)
    return reading.code_span


def _read_holder(text: str, reading: Reading, context: Context) -> int | None:
    """The archive that keeps the document: "存於…", "…所藏" (1); None if the item names none."""
    kept = KEPT_IN.match(text)
    if kept and not CODE_LABEL.match(text):
        reading.repository = repository_of(kept.group("name"), context)
        if kept.group("shared"):
            reading.shared = True
        return 1
    held = HELD_BY.match(text)
    if held and not re.search(r"[《〈]", text) and len(text) <= 40:
        reading.repository = repository_of(held.group("name"), context)
        return 1
    return None


def _read_pieces(state: WalkState, item: Item, text: str, waiting_collection: bool) -> int | None:
    """An item read piece by piece (titles, brackets, volumes, dates, pages): 1 if any piece
    was understood, None if none was (the rest after a piece not understood is cut off)."""
    consumed_any = False
    position = 0
    while position < len(text):
        rest = text[position:]
        if not rest.strip():
            break
        step = read_piece(state, rest, item.start + position, waiting_collection)
        if step is None:
            ahead = _imprint_in(rest)
            if ahead is not None:  # "戰後中國（四）（臺北：…，1981）", "…研究所譯（北京：中華書局，1988）"
                position += ahead
                continue
            if consumed_any:
                state.reading.cut = item.start + position  # "（…，1972）及King C. Chen": the rest is not ours
            return 1 if consumed_any else None
        consumed_any = True
        if state.reading.collection is not None:
            waiting_collection = False
        position += step
    return 1 if consumed_any else None


def _only_filler(text: str) -> bool:
    return bool(re.fullmatch(r"[\s（）()A-Za-z一二三四五六七八九十〇0-9]*", text))


def read_piece(state: WalkState, text: str, absolute: int, waiting_collection: bool) -> int | None:
    """Read the piece at the start of ``text`` (inside one item, at ``absolute`` in the note);
    how many characters it took."""
    reading = state.reading
    space = re.match(r"\s+", text)
    if space:
        return space.end()
    if text[0] in "《〈「":
        return _read_title_in_brackets(state, text, absolute, waiting_collection)
    if text[0] in "（(":
        return _read_round_brackets(text, reading)
    locator = LOCATOR.match(text)
    if locator:
        reading.locator = locator.group(0).strip()
        return locator.end()
    issue = ISSUE.match(text)
    if issue:
        if issue.group("volume"):
            reading.volume = arabic_volume(issue.group("volume"))
        reading.issue = arabic_volume(issue.group("issue"))
        return issue.end()
    volume = VOLUME.match(text)
    if volume:
        target = reading.collection or reading
        target.volume = arabic_volume(volume.group("number") or volume.group("after") or volume.group("part"))
        return volume.end()
    series = SERIES.match(text)
    if series:
        return series.end()
    if (dated := _read_date(text, reading)) is not None:
        return dated
    if TRANSLATED.fullmatch(text) and len(text) <= 24:
        return len(text)
    return None


def _read_title_in_brackets(state: WalkState, text: str, absolute: int, waiting_collection: bool) -> int | None:
    """A title in 《》, 〈〉 or 「」 at the start of ``text``: a file, a collection (or fonds) or a
    periodical, by what was read before it; how many characters it took, None if it is none
    of them."""
    closing = bracket_at(text, 0)
    if closing is None:
        return None
    reading = state.reading
    inner = text[1 : closing[1] - 1].strip()
    if text[0] == "〈" and reading.date is not None and reading.file_title is None and reading.fonds is None:
        reading.file_title = inner  # 〈越南問題〉 after a document's date: its file
    elif text[0] == "《" and (
        waiting_collection or (reading.date is not None and reading.container is None and reading.collection is None)
    ):
        if reading.date is not None and reading.collection is None and not waiting_collection:
            reading.fonds = inner  # 《外交部檔案》 — a fonds unless nothing archival follows
        collection = CitationDraft(
            kind="published",
            form="full",
            span=(absolute, absolute + closing[1]),
            text=state.note[absolute : absolute + closing[1]],
            title=inner,
            editors=list(state.pending_editors),
        )
        reading.collection = collection
    elif reading.container is None and reading.collection is None and reading.date is None and reading.year is None:
        reading.container = inner
    else:
        return None
    return closing[1]


def _read_round_brackets(text: str, reading: Reading) -> int | None:
    """Round brackets at the start of ``text``: an imprint, a date or a year; others
    ("（手稿本）", "（重慶）") are part of the citation. How many characters they took."""
    closing = bracket_at(text, 0)
    if closing is None:
        return None
    inner = text[1 : closing[1] - 1]
    target = reading.collection or reading
    imprint = IMPRINT.fullmatch(inner)
    if imprint:
        target.place, target.publisher = imprint.group("place").strip(), imprint.group("publisher").strip()
        target.year = int(imprint.group("year"))
    elif DATE_ONLY.fullmatch(inner):
        date = find_dates(inner)[0]
        if reading.container is not None or reading.issue:
            reading.container_date = date
            reading.year = reading.year or int(date.edtf[:4])
        elif reading.date is None:
            reading.date = (date.edtf, date.as_written, date.precision)
        else:
            return None
    elif year := YEAR_ONLY.fullmatch(inner):
        target.year = int(year.group("year"))
    return closing[1]


def _read_date(text: str, reading: Reading) -> int | None:
    """A date at the start of ``text``: the document's, or the issue's of a periodical; how
    many characters it took, None if there is none."""
    date = DATE_ONLY.match(text)
    if date and date.end() and (dates := find_dates(text[: date.end()])):
        found = dates[0]
        if reading.container is not None and reading.date is None:
            reading.container_date = found
            reading.date = (found.edtf, found.as_written, found.precision)
        elif reading.date is None:
            reading.date = (found.edtf, found.as_written, found.precision)
        return date.end()
    return None


def build(
    note: str, begin: int, reading: Reading, authors: list[str], editors: list[str], head: str, context: Context
) -> CitationDraft | None:
    """The citation a walk read: archival, printed document, article, book or short form."""
    end = reading.end
    citation = draft("published", "full", note, begin, end, title=reading.title, authors=authors, editors=editors)
    if reading.date is not None:
        citation.date, citation.date_as_written, citation.date_precision = reading.date
    citation.locator = reading.locator
    archival = reading.repository is not None or reading.codes
    if archival:
        citation.kind = "archival"
        citation.repository, citation.repository_known = reading.repository or (None, False)
        citation.file_title = reading.file_title
        if reading.codes:
            citation.reference_code_cited = reading.codes[0]
        if reading.shared or (reading.codes_each and len(reading.codes) > 1):
            context.shared[id(citation)] = (reading.shared, reading.codes if reading.codes_each else [])
        if reading.collection is not None and reading.fonds is None:
            reading.fonds = reading.collection.title
        return citation
    if reading.collection is not None and (reading.date is not None or reading.printed_same):
        citation.kind = "published_document"
        collection = reading.collection
        collection.place, collection.publisher, collection.year = (
            reading.collection.place,
            reading.collection.publisher,
            reading.collection.year,
        )
        if reading.volume and not collection.volume:
            collection.volume = reading.volume
        collection.span = (
            collection.span[0],
            max(collection.span[1], end if reading.locator is None else collection.span[1]),
        )
        collection.text = note[collection.span[0] : collection.span[1]]
        citation.via, citation.via_relation = collection, "published_in"
        citation.title = reading.title if head != "same" or reading.title else None
        return citation
    if reading.container is not None:
        citation.container_title = reading.container
        citation.volume, citation.issue = reading.volume, reading.issue
        if reading.container_date is not None and not reading.issue:
            date = reading.container_date
            citation.date, citation.date_as_written, citation.date_precision = (
                date.edtf,
                date.as_written,
                date.precision,
            )
            citation.year = int(date.edtf[:4])
        else:
            citation.year = reading.year
            if reading.issue:
                citation.date = citation.date_as_written = citation.date_precision = None
        return citation
    if reading.date is not None and head in ("bracket", "bare") and reading.place is None:
        citation.kind = "archival"  # a dated document, its archive named elsewhere in the note
        return citation
    citation.place, citation.publisher, citation.year = reading.place, reading.publisher, reading.year
    citation.volume = reading.volume
    if reading.place is None and reading.publisher is None and reading.year is None:
        if head != "bracket" or reading.title_bracket not in "《〈":
            return None
        citation.form = "short"
    return citation


def share_holdings(note: str, start: int, end: int, found: list[CitationDraft], context: Context) -> None:
    """ "〈A〉（date）；〈B〉（date），均見〈file〉，《fonds》，X藏，館藏號：code": A is held where B
    is; "典藏號分別為 c1、c2": one code to each document, in order."""
    for citation in found:
        if id(citation) not in context.shared:
            continue
        _, codes = context.shared.pop(id(citation))
        earlier = [c for c in context.citations if c.kind == "archival" and not c.repository and c.date]
        group = earlier + [citation]
        if codes and len(codes) == len(group):
            for member, code in zip(group, codes, strict=True):
                member.reference_code_cited = code
        for member in earlier:
            member.repository, member.repository_known = citation.repository, citation.repository_known
            member.file_title = member.file_title or citation.file_title
            if not codes:
                member.reference_code_cited = member.reference_code_cited or citation.reference_code_cited
