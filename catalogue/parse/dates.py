"""Finding the dates of documents in citation text and normalising them to EDTF.

"15 March 1946", "24 juin 1947", "1er juin 1947", "avril 1949", "(5.4.1949)", "12.9.47",
"March 2, 1951", "ngày 3 tháng 2 năm 1950", "1949-04-05" → "1946-03-15", "1949-04"… with
their precision and their first and last day. Month names come from the CLDR (babel), in
every language a historian of the period is likely to cite.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import get_month_names
from edtf import parse_edtf

from ..text import strip_accents
from .model import Span

LOCALES = ("en", "fr", "vi", "de", "es", "it", "pt", "nl")


@dataclass(frozen=True)
class FoundDate:
    span: Span
    as_written: str
    edtf: str
    precision: str  # "day", "month" or "year"


def edtf_bounds(edtf: str) -> tuple[dt.date, dt.date]:
    """The first and last day an EDTF date may stand for ("1949-04" → 1 to 30 April 1949)."""
    parsed = parse_edtf(edtf)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    return dt.date(low.tm_year, low.tm_mon, low.tm_mday), dt.date(high.tm_year, high.tm_mon, high.tm_mday)


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, lower case with and without accents → number."""
    names: dict[str, int] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    if strip_accents(name).casefold().startswith(("thg", "thang")):
                        continue  # Vietnamese months are numbered: see the "tháng" patterns
                    for key in (name.casefold().rstrip("."), strip_accents(name).casefold().rstrip(".")):
                        names.setdefault(key, number)
    names.update({"sept": 9, "janv": 1, "fevr": 2, "juil": 7})
    return names


def _month_pattern() -> str:
    keys = sorted(month_numbers(), key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern[str]]:
    month = rf"(?P<month>{_month_pattern()})\.?"
    year = r"(?P<year>1[5-9]\d\d|20\d\d)"
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|º)?"
    flags = re.IGNORECASE
    return [
        re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
        re.compile(rf"\bng(?:ày|ay)\s+{day}\s+th(?:áng|ang)\s+(?P<mnum>1[0-2]|0?[1-9])\s+n(?:ăm|am)\s+{year}\b",
                   flags),
        re.compile(rf"\bth(?:áng|ang)\s+(?P<mnum>1[0-2]|0?[1-9])\s+n(?:ăm|am)\s+{year}\b", flags),
        re.compile(r"(?<![\w.])(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./](?P<year>1[5-9]\d\d|\d\d)(?![\w.]|\.\d)"),
        re.compile(rf"\b{day}\s+{month}\s+{year}\b", flags),
        re.compile(rf"\b{month}\s+{day},?\s+{year}\b", flags),
        re.compile(rf"\b{month}\s+{year}\b", flags),
    ]


def _build(match: re.Match[str]) -> tuple[str, str] | None:
    groups = match.groupdict()
    year = groups.get("year")
    if year and len(year) == 2:
        year = f"19{year}"
    if groups.get("mnum"):
        month = int(groups["mnum"])
    else:
        month = month_numbers().get(groups["month"].casefold().rstrip("."))
    if not month or not 1 <= month <= 12:
        return None
    if groups.get("day"):
        try:
            dt.date(int(year), month, int(groups["day"]))
        except ValueError:
            return None
        return f"{year}-{month:02d}-{int(groups['day']):02d}", "day"
    return f"{year}-{month:02d}", "month"


def find_dates(text: str) -> list[FoundDate]:
    """Every date of day or month precision in ``text``, left to right, never overlapping."""
    found: list[FoundDate] = []
    taken: list[Span] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            built = _build(match)
            if built is None:
                continue
            taken.append((start, end))
            found.append(FoundDate((start, end), match.group(0), *built))
    return sorted(found, key=lambda d: d.span)


YEAR = re.compile(r"(?<![\d/.-])(1[5-9]\d\d|20\d\d)(?![\d/]|[.-]\d)")


def find_years(text: str) -> list[tuple[Span, int]]:
    return [(m.span(), int(m.group(1))) for m in YEAR.finditer(text)]


def read_period(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date written by a person stands for, at its own precision:
    a year, a month or a day, in any form :func:`find_dates` reads.

    >>> read_period("1948")
    (datetime.date(1948, 1, 1), datetime.date(1948, 12, 31))
    >>> read_period("avril 1949")[1], read_period("1949-04-05")[0]
    (datetime.date(1949, 4, 30), datetime.date(1949, 4, 5))

    None when ``value`` is not one date ("", "soon", "1948 1949").
    """
    value = value.strip()
    found = find_dates(value)
    if len(found) == 1 and len(found[0].as_written) >= len(value.rstrip(".")) - 1:
        return edtf_bounds(found[0].edtf)
    if re.fullmatch(r"(1[5-9]\d\d|20\d\d)-(0[1-9]|1[0-2])", value):
        return edtf_bounds(value)
    if YEAR.fullmatch(value):
        return edtf_bounds(value)
    return None
