"""Reading the dates of documents, in citation text and as a person types them, in EDTF.

"15 March 1946", "24 juin 1947", "1er juin 1947", "avril 1949", "(5.4.1949)", "12.9.47",
"March 2, 1951", "Jan.7, 1951", "ngày 3 tháng 2 năm 1950", "ngày 25-11-1945", "1949-04-05",
"1953/08/02", "1945年10月3日", "民國三十四年九月十日" (the Republic of China's years) → "1946-03-15", "1949-04"… with
their precision and their first and last day. Month names come from the CLDR (babel), in
every language a historian of the period is likely to cite.

:func:`find_dates` and :func:`find_years` find dates inside a footnote; :func:`read_date`
reads a whole value typed as a document's date, with the forms a catalogue adds: "ca. 1947",
"1947?", "[1948]", "1946-1948", "années 1940", "printemps 1948", "n.d.".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import get_month_names
from edtf import parse_edtf

from .text import Span, fold_chars, strip_accents

LOCALES = ("en", "fr", "vi", "de", "es", "it", "pt", "nl")

# The years a document of the catalogue may bear.
YEAR_DIGITS = r"1[5-9]\d\d|20\d\d"
FIRST_YEAR, LAST_YEAR = 1500, 2099


@dataclass(frozen=True)
class FoundDate:
    span: Span
    as_written: str
    edtf: str
    precision: str  # "day", "month" or "year"


@dataclass(frozen=True)
class ReadDate:
    """A document's date as typed, in EDTF, with its precision (one of DATE_PRECISIONS) and
    the first and last day it stands for. A "?" or "~" does not widen the period: "ca. 1947"
    runs from 1 January to 31 December 1947, as "1947" does."""

    as_written: str
    edtf: str
    precision: str
    start: dt.date
    end: dt.date


# A plain day, month or year: most dates, bounded without the edtf package's parser (a
# pyparsing grammar, some milliseconds a date: minutes for an import of 100,000 documents).
PLAIN_EDTF = re.compile(r"(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>\d{2}))?)?")


@lru_cache(maxsize=65536)
def edtf_bounds(edtf: str) -> tuple[dt.date, dt.date]:
    """The first and last day an EDTF date may stand for ("1949-04" → 1 to 30 April 1949).

    >>> edtf_bounds("1949-04")
    (datetime.date(1949, 4, 1), datetime.date(1949, 4, 30))
    """
    if plain := _plain_bounds(edtf):
        return plain
    parsed = parse_edtf(edtf)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    return dt.date(low.tm_year, low.tm_mon, low.tm_mday), dt.date(high.tm_year, high.tm_mon, high.tm_mday)


def _plain_bounds(edtf: str) -> tuple[dt.date, dt.date] | None:
    """Bounds of "1949", "1949-04" or "1949-04-05"; None for any other EDTF (or an impossible day)."""
    match = PLAIN_EDTF.fullmatch(edtf)
    if match is None:
        return None
    year = int(match["year"])
    if match["day"]:
        try:
            day = dt.date(year, int(match["month"]), int(match["day"]))
        except ValueError:
            return None
        return day, day
    if match["month"]:
        month = int(match["month"])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


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
    """Every month name, longest first, grouped by first letter: "j(?:anvier|uillet|an…)|f(?:…)".

    The same matches as one flat alternation of the hundred names (a word opens with one
    letter, so only one group can match, and within it the names keep their order), but the
    engine tries a dozen letters at each word, not a hundred names.
    """
    by_letter: dict[str, list[str]] = {}
    for key in sorted(month_numbers(), key=len, reverse=True):
        by_letter.setdefault(key[0], []).append(key[1:])
    return "|".join(
        re.escape(letter) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")"
        for letter, rests in by_letter.items()
    )


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern[str]]:
    month = rf"(?P<month>{_month_pattern()})\.?"
    year = rf"(?P<year>{YEAR_DIGITS})"
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|º|\.(?=\s))?"  # "4. Juli 1965": the German ordinal day
    flags = re.IGNORECASE
    return [
        re.compile(rf"\b(?P<year>{YEAR_DIGITS})[-/](?P<mnum>[01]\d)[-/](?P<day>[0-3]\d)\b"),
        # "ngày 3 tháng 2 năm 1950", and the day without "ngày": "1 tháng 10 năm 1945".
        re.compile(
            rf"(?:\bng(?:ày|ay)\s+|(?<![\w./–-])){day}\s+th(?:áng|ang)\s+(?P<mnum>1[0-2]|0?[1-9])\s+n(?:ăm|am)"
            rf"\s+{year}\b",
            flags,
        ),
        re.compile(rf"\bth(?:áng|ang)\s+(?P<mnum>1[0-2]|0?[1-9])\s+n(?:ăm|am)\s+{year}\b", flags),
        # "tháng 12-1949", "tháng 9/1951": the month, then the year after a dash or slash.
        re.compile(rf"\bth(?:áng|ang)\s+(?P<mnum>1[0-2]|0?[1-9])\s*[-/]\s*{year}\b", flags),
        # "12.9.47", "(5.4.1949)"; "03.01.1946 г." with the Russian year mark ("год"); not "2.10.14, inv. nr.
        # 1234", an archive's access number.
        re.compile(
            rf"(?<![\w.])(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./](?P<year>{YEAR_DIGITS}|\d\d)(?![\w.]|\.\d)"
            r"(?!\s*,?\s*inv\.?\s*(?:nr|no)\b)(?:\s?г\.)?"
        ),
        # "ngày 25-11-1945", "12-3-1951": day first, with a four-digit year only.
        re.compile(rf"(?<![\w./–-])(?P<day>[0-3]?\d)-(?P<mnum>[01]?\d)-(?P<year>{YEAR_DIGITS})(?![\w/–-])"),
        re.compile(rf"\b{day}\s+{month}\s+{year}\b", flags),
        re.compile(rf"\b{month}(?:(?<=\.)\s*|\s+){day},?\s+{year}\b", flags),  # "March 2, 1951", "Jan.7, 1951"
        re.compile(rf"\b{month}\s+{year}\b", flags),
    ]


# Dates written the Chinese way: 1945年10月3日, and the years of the Republic of China, which
# counts from 1912 (民國三十四年九月十日, 民國38年4月), in Arabic or Chinese figures.
CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_FIGURES = r"[〇零一二兩两三四五六七八九十百]+"
CHINESE_NUMBER = rf"(?:\d+|{CHINESE_FIGURES})"
ROC_DATE = (
    rf"(?:中華民國|中华民国|民國|民国)\s*(?P<roc>{CHINESE_NUMBER})\s*年(?:\s*(?P<roc_month>{CHINESE_NUMBER})\s*月"
    rf"(?:\s*(?P<roc_day>{CHINESE_NUMBER})\s*[日號号])?)?"
)
AD_DATE = (
    rf"(?<!\d)(?P<cn_year>{YEAR_DIGITS})\s*年(?:\s*(?P<cn_month>\d{{1,2}}|{CHINESE_FIGURES})\s*月"
    rf"(?:\s*(?P<cn_day>\d{{1,2}}|{CHINESE_FIGURES})\s*[日號号])?)?"
)
CHINESE_DATE = re.compile(rf"{ROC_DATE}|{AD_DATE}")


def chinese_number(text: str) -> int | None:
    """A number in Arabic or Chinese figures, else None.

    >>> [chinese_number(t) for t in ("38", "三十四", "十", "一九四六", "一百二十", "abc")]
    [38, 34, 10, 1946, 120, None]
    """
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in CHINESE_DIGITS and c not in "十百" for c in text):
        return None
    if "十" not in text and "百" not in text:
        return int("".join(str(CHINESE_DIGITS[c]) for c in text))
    total, current = 0, 0
    for char in text:
        if char in "十百":
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
        else:
            current = CHINESE_DIGITS[char]
    return total + current


def _chinese_dates(text: str) -> list[FoundDate]:
    """The dates of ``text`` written the Chinese way, at the precision written (a year alone too)."""
    found = []
    for match in CHINESE_DATE.finditer(text):
        if match["roc"]:
            roc = chinese_number(match["roc"])
            year, month, day = (roc + 1911 if roc else None), match["roc_month"], match["roc_day"]
        else:
            year, month, day = int(match["cn_year"]), match["cn_month"], match["cn_day"]
        month_number = chinese_number(month) if month else None
        day_number = chinese_number(day) if day and month_number else None
        if year is None or month is not None and (month_number is None or _impossible(year, month_number, day_number)):
            continue
        precision = "day" if day_number else "month" if month_number else "year"
        found.append(FoundDate(match.span(), match.group(0), _edtf_of(year, month_number, day_number), precision))
    return found


# Dates by the Japanese era (nengō): Shōwa 1 is 1926. "10 September Shōwa 15 [1940]", "Shōwa
# 15.9.22 [22 September 1940]"; the Western year a historian adds in brackets is part of the date.
JAPANESE_ERAS = {"meiji": 1867, "taisho": 1911, "showa": 1925, "heisei": 1988}
JAPANESE_ERA_HINT = re.compile(r"(?i)\b(?:meiji|taish[oō]|sh[oō]u?wa|heisei)\b")


@lru_cache(maxsize=1)
def _japanese_date() -> re.Pattern[str]:
    month = rf"(?P<month>{_month_pattern()})\.?"
    return re.compile(
        rf"(?:\b(?:(?P<day>[0-3]?\d)\s+)?{month}\s+)?\b(?P<era>meiji|taish[oō]u?|sh[oō]u?wa|heisei)\s+"
        rf"(?P<era_year>\d{{1,2}})(?:\.(?P<mnum>1[0-2]|0?[1-9])\.(?P<eday>[0-3]?\d))?(?![\d.])"
        rf"(?:\s*\[[^\[\]\d]{{0,20}}?(?:[0-3]?\d\s+[^\[\]\d]{{3,12}}\s+)?(?:{YEAR_DIGITS})\])?",
        re.IGNORECASE,
    )


def _japanese_dates(text: str) -> list[FoundDate]:
    """The dates of ``text`` written by the Japanese era, with their month at least."""
    found = []
    for match in _japanese_date().finditer(text):
        era = strip_accents(match["era"]).casefold().replace("ou", "o")
        year = JAPANESE_ERAS[era] + int(match["era_year"])
        month = (
            int(match["mnum"]) if match["mnum"] else month_numbers().get((match["month"] or "").casefold().rstrip("."))
        )
        day = int(match["eday"]) if match["eday"] else int(match["day"]) if match["day"] else None
        if not month or _impossible(year, month, day):
            continue
        found.append(FoundDate(match.span(), match.group(0), _edtf_of(year, month, day), "day" if day else "month"))
    return found


def _ymd(match: re.Match[str]) -> tuple[int, int, int | None]:
    """Year, month (0 when unknown) and day (None when not written) of a matched date."""
    groups = match.groupdict()
    year = int(groups["year"]) + (1900 if len(groups["year"]) == 2 else 0)
    if groups.get("mnum"):
        month = int(groups["mnum"])
    else:
        month = month_numbers().get(groups["month"].casefold().rstrip("."), 0)
    return year, month, int(groups["day"]) if groups.get("day") else None


def _impossible(year: int, month: int, day: int | None = None) -> str | None:
    """Why a year, month and day are no day of the calendar, or None when they are one.

    >>> _impossible(1947, 2, 31), _impossible(1948, 2, 29)
    ('February 1947 has no day 31', None)
    """
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{get_month_names('wide', locale='en')[month]} {year} has no day {day}"
    return None


def _edtf_of(year: int, month: int | None = None, day: int | None = None) -> str:
    """'1949-04-05', '1949-04' or '1949'."""
    return "-".join([f"{year}"] + [f"{part:02d}" for part in (month, day) if part is not None])


def _build(match: re.Match[str]) -> tuple[str, str] | None:
    year, month, day = _ymd(match)
    if _impossible(year, month, day):
        return None
    return _edtf_of(year, month, day), "day" if day is not None else "month"


def find_dates(text: str) -> list[FoundDate]:
    """Every date of day or month precision in ``text`` (a year alone too when written the
    Chinese way, "1949年"), left to right, never overlapping."""
    return list(_find_dates(text))


_YEAR_IN_FIGURES = re.compile(rf"(?<!\d)(?:{YEAR_DIGITS})(?!\d)")
# What every date this reads holds: a four-digit year, or a day.month.year in figures ("4.7.54").
_DATE_HINT = re.compile(_YEAR_IN_FIGURES.pattern + r"|\d[./]\d{1,2}[./]\d\d")


def _where_to_look(text: str) -> list[list[Span]]:
    """For each of :func:`_patterns`, the stretches of ``text`` where it can match: the whole
    text, none, or (for the dates with a month's name, which end with a year in figures) the
    forty characters before each such year. The month names are a long alternation: trying
    it at every word costs more than all the rest."""
    whole: list[Span] = [(0, len(text))]
    nothing: list[Span] = []
    folded = text.casefold()
    vietnamese = whole if "th" in folded else nothing
    years: list[Span] = []
    for match in _YEAR_IN_FIGURES.finditer(text):
        low = max(0, match.start() - 40)
        if years and low <= years[-1][1]:
            years[-1] = (years[-1][0], match.end())
        else:
            years.append((low, match.end()))
    return [
        whole if "-" in text or "/" in text else nothing,
        vietnamese,
        vietnamese,
        vietnamese,
        whole,
        whole if "-" in text else nothing,
        years,
        years,
        years,
    ]


@lru_cache(maxsize=8192)
def _find_dates(text: str) -> tuple[FoundDate, ...]:
    """find_dates, remembered: a note's text is looked at again by several stages."""
    japanese = bool(JAPANESE_ERA_HINT.search(text))
    if "年" not in text and not japanese and not _DATE_HINT.search(text):  # every date has a year in figures, or 年
        return ()
    found: list[FoundDate] = (_chinese_dates(text) if "年" in text else []) + (
        _japanese_dates(text) if japanese else []
    )
    taken: list[Span] = [d.span for d in found]
    for pattern, windows in zip(_patterns(), _where_to_look(text), strict=True):
        for match in (m for low, high in windows for m in pattern.finditer(text, low, high)):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            built = _build(match)
            if built is None:
                continue
            taken.append((start, end))
            found.append(FoundDate((start, end), match.group(0), *built))
    return tuple(sorted(found, key=lambda d: d.span))


YEAR = re.compile(rf"(?<![\d/.-])({YEAR_DIGITS})(?![\d/]|[.-]\d)")


def find_years(text: str) -> list[tuple[Span, int]]:
    return [(m.span(), int(m.group(1))) for m in YEAR.finditer(text)]


# A whole value typed as a document's date. The fragments below are matched against the
# value folded by fold_chars (lower case, no accents, same length): "Mùa Đông" → "mua dong".

NO_DATE = re.compile(
    r"\[?(?:n\.?\s?d|s\.?\s?d|s\.?\s?f|o\.?\s?[dj]|s\.?\s?l\.?\s?n\.?\s?d|no date|undated|sans date|non datee?"
    r"|sin fecha|sem data|senza data|ohne datum|zonder datum|khong(?:\s+(?:ro|de|ghi))?\s+ngay(?:\s+thang)?)\.?\]?"
)
SUPPLIED = re.compile(r"\[(?P<inner>[^\[\]]+)\]")  # a date the cataloguer supplied: [1948]
APPROXIMATE = re.compile(
    r"(?:circa|ca\.|c\.|env\.|approx\.|(?:ca|vers|environ|approx|approximately|about|around|khoang|um"
    r"|hacia|verso|cerca de|omstreeks)\s)\s*"
)
UNCERTAIN = re.compile(r"\s*(?:\?|\(\?\)|\[\?\])$")
EDTF_MARK = re.compile(r"(?<=[\dx])(?P<mark>[~%])$")
DAY_FIRST = re.compile(rf"(?P<day>[0-3]?\d)-(?P<mnum>[01]?\d)-(?P<year>{YEAR_DIGITS})")  # 05-04-1949
ISO_MONTH = re.compile(rf"(?P<year>{YEAR_DIGITS})-(?P<mnum>\d\d)")  # and EDTF seasons, 1948-21
YEAR_ALONE = re.compile(rf"(?:nam\s+)?(?P<year>{YEAR_DIGITS})")  # 1949, năm 1949
SEASONS = {
    21: ("spring", "printemps", "mua xuan", "fruhling", "fruhjahr", "primavera", "lente", "voorjaar"),
    22: ("summer", "ete", "mua he", "mua ha", "sommer", "verano", "estate", "verao", "zomer"),
    23: ("autumn", "fall", "automne", "mua thu", "herbst", "otono", "autunno", "outono", "herfst", "najaar"),
    24: ("winter", "hiver", "mua dong", "invierno", "inverno"),
}
SEASON = re.compile(
    rf"(?P<season>{'|'.join(n for names in SEASONS.values() for n in names)})\s+"
    rf"(?:(?:of|de|del|di|van|nam)\s+)?(?P<year>{YEAR_DIGITS})"
)
DECADE_DIGITS = r"(1[5-9]\d|20\d)"  # the first three digits, in one of several groups
DECADE = re.compile(
    rf"(?:the\s+)?{DECADE_DIGITS}0['’]?s|{DECADE_DIGITS}0er(?:\s+jahre)?|{DECADE_DIGITS}x"
    rf"|(?:(?:les\s+)?annees|nhung\s+nam|thap\s+(?:nien|ky)|(?:los\s+|os\s+)?anos|(?:gli\s+)?anni|(?:de\s+)?jaren"
    rf"|decada\s+de)\s+{DECADE_DIGITS}0"
)
CENTURY = re.compile(r"(?P<century>1[5-9]|20)xx")  # EDTF 19XX
RANGE_SEPARATORS = (
    re.compile(r"\s*/\s*"),
    re.compile(r"\s*[–—]\s*|\s+-\s+"),
    re.compile(rf"-(?=\[?(?:{YEAR_DIGITS})\b)"),  # 1946-1948, not 1946-02
    re.compile(r"\s+(?:to|until|till|a|au|jusqu'a|jusqu'au|bis|den|toi|hasta|al|fino al?|tot)\s+"),
)
RANGE_FROM = re.compile(r"(?:from|de|du|depuis|von|tu|desde|da|dal|van)\s+")
LOOSE_NUMERIC = re.compile(r"(?P<day>\d{1,2})[./-](?P<mnum>\d{1,2})[./-](?P<year>\d{4})")
FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
PRECISIONS = (
    ("day", r"\d{4}-\d\d-\d\d"),
    ("season", r"\d{4}-2[1-4]"),
    ("month", r"\d{4}-\d\d"),
    ("year", r"\d{4}"),
    ("decade", r"\d{3}X"),
    ("century", r"\d\dXX"),
)
DAY_FIRST_HINT = " (dates written with dots, slashes or dashes are read day first: 5.4.1949 is 5 April)"
EXAMPLES = "5 avril 1949, avril 1949, 1949, 1949-04-05, ca. 1949, 1949?, 1940s or 1946/1948"


class _Refused(ValueError):
    """Why a value is no date; read_date puts the value in front."""


def read_date(value: str) -> ReadDate | None:
    """The one date a person typed as a document's date, in EDTF, or None when there is none.

    >>> date = read_date("ca. 1947")
    >>> date.edtf, date.precision, date.start, date.end
    ('1947~', 'year', datetime.date(1947, 1, 1), datetime.date(1947, 12, 31))
    >>> [read_date(v).edtf for v in ("1er juin 1947", "ngày 5 tháng 4 năm 1949", "05/04/1949", "avril 1949")]
    ['1947-06-01', '1949-04-05', '1949-04-05', '1949-04']
    >>> [read_date(v).edtf for v in ("1947?", "[1948]", "1946-1948", "années 1940", "printemps 1948")]
    ['1947?', '1948', '1946/1948', '194X', '1948-21']
    >>> read_date("années 1940").end, read_date("n.d."), read_date("")
    (datetime.date(1949, 12, 31), None, None)
    >>> read_date("31 février 1947")
    Traceback (most recent call last):
    ValueError: 31 février 1947: February 1947 has no day 31

    Numbers are read day first, as French and Vietnamese write them. A "?" or "ca." beside
    one end of an interval qualifies that end: "ca. 1946-1948" → "1946~/1948".
    """
    as_written = value.strip()
    text = _tidy(value)
    if not text or NO_DATE.fullmatch(fold_chars(text)):
        return None
    try:
        edtf = _read(text)
        _check_edtf(edtf)
    except _Refused as reason:
        raise ValueError(f"{as_written}: {reason}") from None
    return ReadDate(as_written, edtf, _precision(edtf), *edtf_bounds(edtf))


def _tidy(value: str) -> str:
    """One line, composed accents, without the punctuation a list leaves after it."""
    return " ".join(unicodedata.normalize("NFC", value).split()).rstrip(" .,;:")


def _read(text: str) -> str:
    """The EDTF of one date or an interval between two."""
    if supplied := SUPPLIED.fullmatch(text):
        return _read(supplied["inner"].strip())
    if (edtf := _read_single(text)) is not None:
        return edtf
    if (ends := _interval_ends(text)) is not None:
        return _interval(*ends)
    raise _Refused(_why_unreadable(text))


def _read_single(text: str) -> str | None:
    """The EDTF of one date, supplied ("[1948]") or qualified ("ca. 1947", "1947?") or not;
    None when ``text`` is not one date, _Refused when it is an impossible one."""
    if supplied := SUPPLIED.fullmatch(text):
        return _read_single(supplied["inner"].strip())
    marks, core = _peel(text)
    if marks:
        edtf = _read_single(core) if core else None
        return None if edtf is None else _qualify(edtf, marks)
    return _read_plain(text)


def _peel(text: str) -> tuple[str, str]:
    """The marks of an approximate ("~") or uncertain ("?") date and the date without them.

    >>> _peel("ca. 1947 ?"), _peel("1947~"), _peel("5 avril 1949")
    (('~?', '1947'), ('~', '1947'), ('', '5 avril 1949'))
    """
    marks = ""
    if approximate := APPROXIMATE.match(fold_chars(text)):
        marks, text = "~", text[approximate.end() :]
    if uncertain := UNCERTAIN.search(text):
        marks, text = marks + "?", text[: uncertain.start()]
    elif edtf_mark := EDTF_MARK.search(fold_chars(text)):
        marks, text = marks + edtf_mark["mark"], text[: edtf_mark.start()]
    return marks, text.strip()


def _qualify(edtf: str, marks: str) -> str:
    """``edtf`` marked uncertain ("?"), approximate ("~") or both ("%")."""
    base = edtf.rstrip("?~%")
    kinds = set((edtf[len(base) :] + marks).replace("%", "?~"))
    if _precision(base) == "season":
        raise _Refused("EDTF cannot mark a season uncertain or approximate: drop the mark or give the year")
    return base + ("%" if kinds == {"?", "~"} else "".join(kinds))


def _read_plain(text: str) -> str | None:
    """The EDTF of one date without marks; None when ``text`` is not one."""
    for pattern in _patterns():
        if match := pattern.fullmatch(text):
            return _day_or_month(match, text)
    folded = fold_chars(text)
    for pattern, build in _READERS:
        if match := pattern.fullmatch(folded):
            return build(match, text)
    return None


def _day_or_month(match: re.Match[str], text: str) -> str:
    year, month, day = _ymd(match)
    if reason := _impossible(year, month, day):
        day_first = re.match(r"\d{1,2}[./-]", text) and month > 12
        raise _Refused(reason + (DAY_FIRST_HINT if day_first else ""))
    return _edtf_of(year, month, day)


def _iso_month(match: re.Match[str], text: str) -> str:
    """1947-02, or a season written in EDTF (1948-21)."""
    year, number = int(match["year"]), int(match["mnum"])
    if number in SEASONS:
        return _season_of(year, number)
    if reason := _impossible(year, number):
        later = year // 100 * 100 + number
        raise _Refused(reason + (f"; for two years write {year}-{later}" if later > year else ""))
    return _edtf_of(year, number)


def _season(match: re.Match[str], text: str) -> str:
    number = next(n for n, names in SEASONS.items() if match["season"] in names)
    return _season_of(int(match["year"]), number)


def _season_of(year: int, number: int) -> str:
    if number == 24:
        raise _Refused(
            f"a winter runs across two years: write its months, {year}-12/{year + 1}-02, or {year - 1}-12/{year}-02"
        )
    return f"{year}-{number}"


_READERS = (
    (DAY_FIRST, _day_or_month),
    (ISO_MONTH, _iso_month),
    (YEAR_ALONE, lambda match, text: match["year"]),
    (SEASON, _season),
    (DECADE, lambda match, text: f"{next(d for d in match.groups() if d)}X"),
    (CENTURY, lambda match, text: f"{match['century']}XX"),
)


def _interval_ends(text: str) -> tuple[str, str] | None:
    """The two ends of "1946/1948", "1946-1948", "mars 1946 – avril 1948", "de 1946 à 1948"."""
    folded = fold_chars(text)
    for separator in RANGE_SEPARATORS:
        found = list(separator.finditer(folded))
        if len(found) == 1 and found[0].start() > 0 and found[0].end() < len(text):
            start = starts.end() if (starts := RANGE_FROM.match(folded)) else 0
            return text[start : found[0].start()].strip(), text[found[0].end() :].strip()
    return None


def _interval(first: str, last: str) -> str:
    ends = []
    for end in (first, last):
        if (edtf := _read_single(end)) is None:
            raise _Refused(f"“{end}” is not a date: write both ends in full, as in 3 mars 1950 – 5 mars 1950")
        if "/" in edtf:
            raise _Refused("an interval cannot have an interval at one end")
        ends.append(edtf)
    if edtf_bounds(ends[1])[1] < edtf_bounds(ends[0])[0]:
        raise _Refused(f"it ends ({last}) before it begins ({first})")
    return "/".join(ends)


def _why_unreadable(text: str) -> str:
    """What to tell a person whose value no reader recognised ("04/25/1949", "1200", "soon")."""
    if (numeric := LOOSE_NUMERIC.fullmatch(text)) and int(numeric["mnum"]) > 12:
        return f"there is no month {int(numeric['mnum'])}{DAY_FIRST_HINT}"
    if any(not FIRST_YEAR <= int(year) <= LAST_YEAR for year in FOUR_DIGITS.findall(text)):
        return f"only years from {FIRST_YEAR} to {LAST_YEAR} are read as the dates of documents"
    return f"not a date this catalogue can read ({EXAMPLES})"


def _precision(edtf: str) -> str:
    """One of DATE_PRECISIONS: "1947?" → "year", "194X" → "decade", "1946/1948" → "interval"."""
    if "/" in edtf:
        return "interval"
    base = edtf.rstrip("?~%")
    return next(precision for precision, shape in PRECISIONS if re.fullmatch(shape, base))


@lru_cache(maxsize=65536)
def _check_edtf(edtf: str) -> None:
    if _plain_bounds(edtf):
        return
    try:
        parse_edtf(edtf)
    except Exception:  # the edtf package raises its own exceptions, and TypeError on some
        raise _Refused(f"cannot be written as valid EDTF ({edtf})") from None


def read_period(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date written by a person stands for, at its own precision:
    a year, a month or a day, in any form :func:`read_date` reads.

    >>> read_period("1948")
    (datetime.date(1948, 1, 1), datetime.date(1948, 12, 31))
    >>> read_period("avril 1949")[1], read_period("1949-04-05")[0]
    (datetime.date(1949, 4, 30), datetime.date(1949, 4, 5))

    None when ``value`` is not one date ("", "soon", "1948 1949").
    """
    try:
        read = read_date(value)
    except ValueError:
        return None
    return (read.start, read.end) if read else None


def as_written_if_same(as_written: str | None, edtf: str | None) -> str | None:
    """The date as its source wrote it when it reads back as ``edtf``, else ``edtf``: what an
    export writes, so that an import gives back both ("23 septembre 1948", 1948-09-23).

    >>> as_written_if_same("23 septembre 1948", "1948-09-23"), as_written_if_same("(5.4.49", "1949-04-05")
    ('23 septembre 1948', '1949-04-05')
    """
    if as_written and edtf:
        try:
            read = read_date(as_written)
        except ValueError:
            read = None
        if read is not None and read.edtf == edtf:
            return as_written
    return edtf or as_written
