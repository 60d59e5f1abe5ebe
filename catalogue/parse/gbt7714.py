"""Chinese references in the national standard GB/T 7714, found inside a note.

    王振华. 中越关系史稿(1945—1954)[M]. 北京: 人民出版社, 1994: 12.
    李明远. 中国军事顾问团与边界战役[J]. 当代中国史研究, 2006, 13(4): 55-63.

Authors, a period, the title and its document type in brackets ([M] a book, [J] a journal
article, [C] a collection, [D] a thesis, [N] a newspaper, [R] a report, [Z] other), then
for a book its place, publisher, year and pages, for an article its journal, year,
volume (issue) and pages.
"""

from __future__ import annotations

import re

from .model import CitationDraft

CJK_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·]*"
AUTHORS = rf"(?P<authors>{CJK_NAME}(?:\s*[,，、]\s*{CJK_NAME})*(?:\s*等)?)"
TITLE = r"(?P<title>[^\[\]\n]{1,160}?)"
TYPE = r"\[(?P<type>[MJCDNRZ])\]"
BOOK_IMPRINT = r"(?P<place>[^:：,，.\n]{1,20})\s*[:：]\s*(?P<publisher>[^,，:：\n]{1,60}?)\s*[,，]\s*(?P<year>\d{4})"
ARTICLE_SOURCE = (
    r"(?P<journal>[^,，\n]{1,60}?)\s*[,，]\s*(?P<journal_year>\d{4})\s*"
    r"(?:[,，]\s*(?P<volume>\d+)?\s*(?:\((?P<issue>\d+)\))?)?"
)
PAGES = r"(?:\s*[:：]\s*(?P<pages>\d+(?:\s*[-–—]\s*\d+)?))?"
REFERENCE = re.compile(
    rf"{AUTHORS}\s*[.．]\s*{TITLE}\s*{TYPE}\s*[.．]\s*"
    rf"(?:{BOOK_IMPRINT}|{ARTICLE_SOURCE}){PAGES}\s*[.．。]?"
)
KIND_OF_TYPE = {
    "M": "published",
    "J": "published",
    "C": "published",
    "D": "published",
    "N": "published",
    "R": "published",
    "Z": "published",
}


def find_gbt7714(text: str) -> list[CitationDraft]:
    """Every GB/T 7714 reference in a note, as full citations with their spans.

    >>> [(d.authors, d.title, d.place, d.publisher, d.year, d.locator)
    ...  for d in find_gbt7714("王振华. 中越关系史稿[M]. 北京: 人民出版社, 1994: 12.")]
    [(['王振华'], '中越关系史稿', '北京', '人民出版社', 1994, '12')]
    """
    drafts = []
    for match in REFERENCE.finditer(text):
        groups = match.groupdict()
        draft = CitationDraft(
            kind=KIND_OF_TYPE[groups["type"]],
            form="full",
            span=match.span(),
            text=match.group(0),
            title=groups["title"].strip(),
            authors=[a.strip() for a in re.split(r"[,，、]", groups["authors"].removesuffix("等")) if a.strip()],
            year=int(groups["year"] or groups["journal_year"]),
            locator=groups["pages"],
        )
        if groups["type"] == "M" or groups["place"]:
            draft.place, draft.publisher = (groups["place"] or "").strip() or None, groups["publisher"]
        else:
            draft.container_title = (groups["journal"] or "").strip() or None
            draft.volume, draft.issue = groups["volume"], groups["issue"]
        drafts.append(draft)
    return drafts
