"""The language of a title, when it can be told with confidence (lingua)."""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

from ..text import strip_accents

# The languages of the sources this catalogue is about; more would blur short titles.
LANGUAGES = (Language.ENGLISH, Language.FRENCH, Language.VIETNAMESE, Language.CHINESE, Language.RUSSIAN)
MINIMUM_DISTANCE = 0.25  # abstain rather than guess: pinyin titles get no language


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_minimum_relative_distance(MINIMUM_DISTANCE).build()


# A word of Hanyu Pinyin: one or more syllables, an optional initial and a final.
PINYIN_WORD = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ve|ue|er"
    r"|a|o|e|i|u|v))+"
)
PINYIN_SHARE = 0.8
PINYIN_LETTERS = re.compile(r"[^\W\d_a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙÜ]")
# English words that happen to spell pinyin syllables.
NOT_PINYIN = {"to", "in", "an", "he", "she", "we", "me", "be", "a", "on"}


def is_pinyin(text: str) -> bool:
    """Is ``text`` romanised Chinese ("Zhongguo renmin jiefangjun shi")? No letters outside
    pinyin's (so not Vietnamese), and most words strings of pinyin syllables."""
    if PINYIN_LETTERS.search(text):
        return False
    words = [w for w in re.findall(r"[a-zü]+", strip_accents(text).casefold()) if len(w) > 1]
    if len(words) < 2:
        return False
    pinyin = sum(bool(PINYIN_WORD.fullmatch(w)) and w not in NOT_PINYIN for w in words)
    return pinyin / len(words) >= PINYIN_SHARE


def language_of(text: str | None) -> str | None:
    """A BCP 47 tag ("fr", "vi", "zh", "zh-Latn-pinyin"…) for ``text``, or None when unsure."""
    if not text or len(text.strip()) < 4:
        return None
    if is_pinyin(text):
        return "zh-Latn-pinyin"
    found = _detector().detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else None
