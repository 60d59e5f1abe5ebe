"""Splitting a note into the pieces that may be citations, keeping every offset.

A note is scanned once for its structure: titles in quotation marks or italics (*…*),
parentheses and brackets. Then it is cut where citations part — at semicolons and sentence
ends outside that structure — and each piece loses its leading "See", "see also", "Cf.",
"Voir"… to the residue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import month_numbers
from .model import Span

QUOTE_PAIRS = {"“": "”", "«": "»", "《": "》", "「": "」", "『": "』", '"': '"', "„": "“"}
BRACKET_PAIRS = {"(": ")", "[": "]", "（": "）"}

# Words after which a full stop does not end a sentence: the one list, for notes and for the
# article's body alike.
ABBREVIATIONS = frozenset(
    {
        "prof",
        "maj",
        "sgt",
        "cmdr",
        "figs",
        "vs",
        "viz",
        "approx",
        "al",
        "corp",
        "hon",
        "p",
        "pp",
        "vol",
        "vols",
        "no",
        "nos",
        "n",
        "nn",
        "ed",
        "eds",
        "trans",
        "tr",
        "op",
        "cit",
        "ibid",
        "id",
        "cf",
        "art",
        "fol",
        "fols",
        "ff",
        "f",
        "ch",
        "chap",
        "sec",
        "comp",
        "comps",
        "repr",
        "rpt",
        "dir",
        "éd",
        "coll",
        "t",
        "ms",
        "mss",
        "doc",
        "docs",
        "dept",
        "esp",
        "fig",
        "jr",
        "sr",
        "st",
        "dr",
        "mr",
        "mrs",
        "gen",
        "col",
        "lt",
        "capt",
        "adm",
        "gov",
        "pres",
        "amb",
        "ca",
        "c",
        "tel",
        "tél",
        "réf",
        "ref",
        "cote",
        "dossier",
        "carton",
        "sd",
        "sl",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "janv",
        "févr",
        "avr",
        "juil",
        "déc",
        "co",
        "inc",
        "ltd",
        "univ",
        "mt",
        "ft",
        "cie",
        "hs",
        "ml",
        "tp",
        "nxb",
        "sđd",
        "tlđd",
        "vd",
        "tx",
        "q",
        "rev",
        "pt",
        "pts",
        "bk",
        "s",
        "gg",
        "g",
        "cols",
        "para",
        "paras",
        "encl",
        "conf",
        "misc",
        "supp",
        "suppl",
        "ser",
        "n.s",
        "bd",
        "bde",
        "hg",
        "hrsg",
        "anm",
        "dok",
        "nr",
        "bl",
        "sp",
        "aufl",
        "jg",
        "betr",
        "inv",
        "phil",
        "diss",
        "ir",
        "drs",
    }
)

CONNECTOR = re.compile(
    r"(?:^|(?<=[\s(]))(?:sources?\s*(?=:)|see\s+also|see|cf\.|compare|vgl\.\s+auch|vgl\.|siehe\s+auch|siehe|s\.\s+auch|ferner|dazu|zum\s+folgenden|voir\s+aussi|voir|v\.|xem\s+thêm|xem\s+them|xem|also|and|et|và|va|but)"
    r"(?:,?\s+(?:among\s+others|for\s+example|for\s+instance|e\.g\.|notably|especially|in\s+particular|"
    r"par\s+exemple|notamment|chẳng\s+hạn))?[,:]?\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Anchor:
    """A title-like stretch: quoted (“…”) or italic (*…*), with its inner text's span."""

    span: Span  # including the marks
    inner: Span
    style: str  # "quoted" or "italic"
    depth: int  # bracket depth at which it stands


@dataclass(frozen=True, eq=False)  # one per note: compared and hashed by identity
class Structure:
    anchors: tuple[Anchor, ...]
    groups: tuple[Span, ...]  # top-level (…) and […] groups, marks included
    depth: tuple[int, ...]  # bracket depth of every character; -1 inside an anchor


# The only characters scan() acts on: title marks and brackets. Between two of them the
# bracket depth holds, so the scan jumps from one to the next.
MARKS = re.compile(
    "[" + re.escape("*‘'" + "".join(QUOTE_PAIRS) + "".join(BRACKET_PAIRS) + "".join(BRACKET_PAIRS.values())) + "]"
)


def scan(text: str) -> Structure:
    """Find titles and brackets in one left-to-right pass; unbalanced marks are plain text."""
    anchors: list[Anchor] = []
    groups: list[Span] = []
    depth: list[int] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while (mark := MARKS.search(text, i)) is not None:
        depth += [len(stack)] * (mark.start() - i)  # plain text up to the mark
        i, char = mark.start(), mark.group()
        level = len(stack)
        closing = _anchor_end(text, i)
        if closing is not None:
            style = "italic" if char == "*" else "quoted"
            anchors.append(Anchor((i, closing + 1), (i + 1, closing), style, level))
            depth += [-1] * (closing + 1 - i)
            i = closing + 1
            continue
        if char in BRACKET_PAIRS:
            stack.append((BRACKET_PAIRS[char], i))
        elif stack and char == stack[-1][0]:
            _, start = stack.pop()
            if not stack:
                groups.append((start, i + 1))
        depth.append(len(stack) if char not in BRACKET_PAIRS else level)
        i += 1
    depth += [len(stack)] * (len(text) - i)
    return Structure(tuple(anchors), tuple(groups), tuple(depth))


def _anchor_end(text: str, i: int) -> int | None:
    """Where the title opened at ``i`` closes, or None when ``i`` opens no title."""
    char = text[i]
    if char == "*":
        if i + 1 < len(text) and text[i + 1] in "* ":
            return None
        end = text.find("*", i + 1)
        return end if end > i + 1 and "\n" not in text[i:end] and text[end - 1] != " " else None
    if char in "‘'":
        return _single_quote_end(text, i)
    if char == "„":  # German „…“, closed in a plain text by whatever quote the keyboard gave: „…”, „…"
        ends = [end for closer in '“”"' if (end := text.find(closer, i + 1)) > i + 1]
        return min(ends, default=None)
    if char in QUOTE_PAIRS:
        closer = QUOTE_PAIRS[char]
        if char == '"' and i > 0 and text[i - 1].isalnum():
            return None  # a closing straight quote or an inch mark
        end = text.find(closer, i + 1)
        return end if end > i + 1 else None
    return None


def _single_quote_end(text: str, i: int) -> int | None:
    """A title in single quotes (‘…’ or '…', British style), told from apostrophes: it opens
    after a space or bracket and closes before punctuation or a space, within one line."""
    if i > 0 and not (text[i - 1].isspace() or text[i - 1] in '([“"'):
        return None
    closer = "’" if text[i] == "‘" else "'"
    position = i + 1
    while (end := text.find(closer, position)) > i + 1:
        if "\n" in text[i:end]:
            return None
        following = text[end + 1 : end + 2]
        if not following or not following.isalpha():
            return end if not text[end - 1].isspace() else None
        position = end + 1
    return None


# What follows a sentence end: a space, then a word, perhaps after an opening quote or mark.
FOLLOWING_WORD = re.compile(r"\s+([\"“«*\[]?)(\w)")
# Where a note may be cut: semicolons and the marks that may end a sentence.
CUT_MARKS = re.compile(r"[;.?!]")


def is_sentence_end(text: str, i: int, structure: Structure) -> bool:
    """Does the full stop (or ? !) at ``i`` end a sentence at the top level?"""
    if text[i] not in ".?!" or structure.depth[i] != 0:
        return False
    following = FOLLOWING_WORD.match(text, i + 1)  # "… gg. (Moscow: …)": an imprint goes on
    if not following or not (following.group(2).isupper() or following.group(1)):
        return False
    word = re.search(r"(\S+?)$", text[:i])
    if word is None:
        return False
    token = word.group(1).strip("(“\"'*[")
    bare = re.split(r"[./]", token.rstrip("."))[-1].casefold()  # "DVA/F. A. Brockhaus": an initial after a slash
    if bare in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
        return False
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", token):  # initials: "N.J", "U.S."
        return False
    if bare.isdigit() and len(bare) <= 2 and _month_follows(text, i + 1):  # "1. Januar bis 30. Juni 1966"
        return False
    if bare.isdigit() and len(bare) <= 2 and ARTICLE_BEFORE.search(text, 0, word.start()):
        return False  # a German ordinal after its article: "auf der 11. Tagung des ZK"
    if re.fullmatch(r"[IVX]{1,4}", token.rstrip(".")):  # an ordinal: "IV. Reihe", "Bd. II. Teil"
        return False
    # Nor a middle name abbreviated: "George McT. Kahin,", "Benedict R.O’G. Anderson,".
    return not (len(token.rstrip(".")) <= 5 and token[:1].isupper() and NAME_GOES_ON.match(text, i + 1))


ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim)\s+$")
NAME_GOES_ON = re.compile(r"\s+[A-ZÀ-ÝĐ][\w’'-]+,")


def _month_follows(text: str, position: int) -> bool:
    word = re.match(r"\s+([^\W\d_]+)", text[position : position + 20])
    return word is not None and word.group(1).casefold() in month_numbers()


def split_points(text: str, structure: Structure) -> list[Span]:
    """Top-level pieces of the note: cut at semicolons and at sentence ends."""
    pieces: list[Span] = []
    start = 0
    for mark in CUT_MARKS.finditer(text):
        i = mark.start()
        if structure.depth[i] != 0:
            continue
        if mark.group() == ";" or is_sentence_end(text, i, structure):
            pieces.append((start, i + 1))
            start = i + 1
    # A sentence end can also fall just after a quoted title ending in a full stop.
    pieces.append((start, len(text)))
    return [p for p in _split_after_quoted_sentences(text, pieces, structure) if p[0] < p[1]]


def _split_after_quoted_sentences(text: str, pieces: list[Span], structure: Structure) -> list[Span]:
    """Cut after “… .” followed by a capitalised sentence (commentary quoting, then a source)."""
    ends = {
        a.span[1] for a in structure.anchors if a.depth == 0 and text[a.inner[1] - 1 : a.inner[1]] in (".", "!", "?")
    }
    result: list[Span] = []
    for start, end in pieces:
        cut = start
        for position in sorted(e for e in ends if start < e < end):
            if re.match(r"\s+[A-Z“*]", text[position:end]):
                result.append((cut, position))
                cut = position
        result.append((cut, end))
    return result


def strip_connector(text: str, span: Span) -> Span:
    """Drop leading spaces, punctuation and "See", "see also", "Cf."… from a piece."""
    start, end = span
    while True:
        while start < end and (text[start].isspace() or text[start] in ";,."):
            start += 1
        match = CONNECTOR.match(text, start, end)
        if not match or match.end() == start:
            return start, end
        start = match.end()


def trim(text: str, span: Span) -> Span:
    """The span without surrounding spaces and trailing sentence punctuation."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ";,."):
        if text[end - 1] == "." and _ends_with_abbreviation(text[start:end]):
            break
        end -= 1
    return start, end


def _ends_with_abbreviation(piece: str) -> bool:
    """Does the piece end with "ibid.", "op. cit.", "et al.", "ed."…? (The last word before
    the final full stop, which may be followed by one line break, as "$" allows.)"""
    body = piece.removesuffix("\n")
    if not body.endswith("."):
        return False
    word = body.rsplit(None, 1)[-1][:-1]  # the last run of non-spaces, without its full stop
    return bool(word) and word.rsplit(".", 1)[-1].casefold() in {"ibid", "id", "cit", "al", "ed", "eds", "f", "ff"}
