"""The language of a title, when it can be told with confidence (lingua)."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

# The languages of the sources this catalogue is about; more would blur short titles.
LANGUAGES = (Language.ENGLISH, Language.FRENCH, Language.VIETNAMESE, Language.CHINESE, Language.RUSSIAN)
MINIMUM_DISTANCE = 0.25  # abstain rather than guess: pinyin titles get no language


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_minimum_relative_distance(
        MINIMUM_DISTANCE).build()


def language_of(text: str | None) -> str | None:
    """An ISO 639-1 code ("fr", "vi", "zh"…) for ``text``, or None when unsure."""
    if not text or len(text.strip()) < 4:
        return None
    found = _detector().detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else None
