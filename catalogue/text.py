"""Small pure functions on text shared by every stage."""

from __future__ import annotations

import re
import unicodedata
from typing import overload

Span = tuple[int, int]  # where a piece stands in its text: start and end offsets, in characters

# Letters that carry no combining mark to strip but fold to ASCII all the same.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss"})
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _strip_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_FOLD_EXTRA))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class _Stripped(dict):
    """Each character's accent-free form, worked out the first time it is met (str.translate
    asks for each character: one dictionary look-up instead of a decomposition)."""

    def __missing__(self, codepoint: int) -> str:
        self[codepoint] = stripped = _strip_char(chr(codepoint))
        return stripped


_STRIPPED = _Stripped()


def strip_accents(value: str) -> str:
    """Remove diacritics: "Lạng Sơn" → "Lang Son", "Đông Dương" → "Dong Duong".

    >>> strip_accents("Lạng Sơn"), strip_accents("Đông Dương"), strip_accents("Lạng Sơn")
    ('Lang Son', 'Dong Duong', 'Lang Son')
    """
    if value.isascii():
        return value
    return value.translate(_STRIPPED)


def fold(value: str) -> str:
    """A matching key: accents stripped, case folded, punctuation and spacing dropped.

    "Trung Tâm Lưu Trữ Quốc Gia III" and "trung tam luu tru quoc gia iii" share a key, as do
    "VNA 3", "VNA3" and "V.N.A. 3". CJK text keeps its characters.
    """
    return _NOT_WORD.sub("", strip_accents(value).casefold())


def fold_chars(value: str) -> str:
    """Case and accents folded character by character: the result has ``value``'s length.

    Lets a pattern written in plain lower-case ASCII find "Lưu Trữ" in "Trung Tâm Lưu Trữ"
    and report offsets that are valid in the original text.
    """
    return value.translate(_FOLDED)


class _Folded(dict):
    """Each character's one-character folded form, worked out the first time it is met."""

    def __missing__(self, codepoint: int) -> str:
        self[codepoint] = folded = _fold_char(chr(codepoint))
        return folded


_FOLDED = _Folded()


def _fold_char(char: str) -> str:
    folded = strip_accents(char).casefold()
    return folded[0] if len(folded) == 1 else char.lower()[:1] or char


@overload
def search_fold(value: str) -> str: ...
@overload
def search_fold(value: None) -> None: ...
def search_fold(value: str | None) -> str | None:
    """Text as the search index keeps it: accents stripped, case folded, spacing kept."""
    return None if value is None else strip_accents(value).casefold()


# Scripts written without spaces between words: Han, kana, Hangul.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def search_words(value: str | None) -> str | None:
    """Text as the word index keeps it: folded, every CJK character a word of its own, so that
    a one- or two-character term ("河内") is found as a word or a phrase.

    >>> search_words("Hồ Chí Minh (胡志明)")
    'ho chi minh ( 胡 志 明 )'
    """
    if value is None:
        return None
    return " ".join(CJK.sub(lambda match: f" {match.group(0)} ", search_fold(value)).split())
