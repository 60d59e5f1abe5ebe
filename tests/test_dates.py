import datetime as dt
import doctest

import pytest
from edtf import parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from catalogue import dates
from catalogue.dates import ReadDate, edtf_bounds, find_dates, read_date, read_period
from catalogue.vocabularies import DATE_PRECISIONS


@pytest.mark.parametrize(
    "written, edtf, precision",
    [
        ("15 March 1946", "1946-03-15", "day"),
        ("24 juin 1947", "1947-06-24", "day"),
        ("1er juin 1947", "1947-06-01", "day"),
        ("3 février 1947", "1947-02-03", "day"),
        ("avril 1949", "1949-04", "month"),
        ("(5.4.1949)", "1949-04-05", "day"),
        ("12.9.47", "1947-09-12", "day"),
        ("March 2, 1951", "1951-03-02", "day"),
        ("Mar. 2, 1951", "1951-03-02", "day"),
        ("ngày 3 tháng 2 năm 1950", "1950-02-03", "day"),
        ("tháng 6 năm 1938", "1938-06", "month"),
        ("1 tháng 10 năm 1945", "1945-10-01", "day"),
        ("tháng 12-1949", "1949-12", "month"),
        ("1949-04-05", "1949-04-05", "day"),
    ],
)
def test_dates_in_many_languages(written, edtf, precision):
    found = find_dates(f"Telegram, {written}, SHD")
    assert [(d.edtf, d.precision) for d in found] == [(edtf, precision)]


def test_impossible_dates_are_not_dates():
    assert find_dates("31.2.1949") == []
    assert find_dates("pp. 12.13") == []


def test_a_month_spans_its_days():
    assert edtf_bounds("1949-04") == (dt.date(1949, 4, 1), dt.date(1949, 4, 30))
    assert edtf_bounds("1948-02-29") == (dt.date(1948, 2, 29), dt.date(1948, 2, 29))


D = dt.date


@pytest.mark.parametrize(
    "written, edtf, precision, start, end",
    [
        # days, months and years, as a person types them
        ("3 mars 1950", "1950-03-03", "day", D(1950, 3, 3), D(1950, 3, 3)),
        ("1er juin 1947", "1947-06-01", "day", D(1947, 6, 1), D(1947, 6, 1)),
        ("24 juin 1947", "1947-06-24", "day", D(1947, 6, 24), D(1947, 6, 24)),
        ("March 2, 1951", "1951-03-02", "day", D(1951, 3, 2), D(1951, 3, 2)),
        ("2 March 1951", "1951-03-02", "day", D(1951, 3, 2), D(1951, 3, 2)),
        ("Mar. 2, 1951", "1951-03-02", "day", D(1951, 3, 2), D(1951, 3, 2)),
        ("1947-02", "1947-02", "month", D(1947, 2, 1), D(1947, 2, 28)),
        ("1948-02", "1948-02", "month", D(1948, 2, 1), D(1948, 2, 29)),
        ("1947-02-03", "1947-02-03", "day", D(1947, 2, 3), D(1947, 2, 3)),
        ("1947", "1947", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("avril 1949", "1949-04", "month", D(1949, 4, 1), D(1949, 4, 30)),
        ("Avril 1949", "1949-04", "month", D(1949, 4, 1), D(1949, 4, 30)),
        ("sept. 1948", "1948-09", "month", D(1948, 9, 1), D(1948, 9, 30)),
        ("ngày 5 tháng 4 năm 1949", "1949-04-05", "day", D(1949, 4, 5), D(1949, 4, 5)),
        ("Ngày 05 tháng 04 năm 1949", "1949-04-05", "day", D(1949, 4, 5), D(1949, 4, 5)),
        ("tháng 4 năm 1949", "1949-04", "month", D(1949, 4, 1), D(1949, 4, 30)),
        ("năm 1949", "1949", "year", D(1949, 1, 1), D(1949, 12, 31)),
        ("5.4.1949", "1949-04-05", "day", D(1949, 4, 5), D(1949, 4, 5)),
        ("05/04/1949", "1949-04-05", "day", D(1949, 4, 5), D(1949, 4, 5)),
        ("05-04-1949", "1949-04-05", "day", D(1949, 4, 5), D(1949, 4, 5)),
        ("12.9.47", "1947-09-12", "day", D(1947, 9, 12), D(1947, 9, 12)),
        # intervals
        ("1946/1948", "1946/1948", "interval", D(1946, 1, 1), D(1948, 12, 31)),
        ("1946-1948", "1946/1948", "interval", D(1946, 1, 1), D(1948, 12, 31)),
        ("1946 – 1948", "1946/1948", "interval", D(1946, 1, 1), D(1948, 12, 31)),
        ("de 1946 à 1948", "1946/1948", "interval", D(1946, 1, 1), D(1948, 12, 31)),
        ("từ năm 1946 đến năm 1948", "1946/1948", "interval", D(1946, 1, 1), D(1948, 12, 31)),
        ("mars 1946 – avril 1948", "1946-03/1948-04", "interval", D(1946, 3, 1), D(1948, 4, 30)),
        ("3 mars 1950 - 5 mars 1950", "1950-03-03/1950-03-05", "interval", D(1950, 3, 3), D(1950, 3, 5)),
        # uncertain, approximate, supplied: the period is the one written
        ("1947?", "1947?", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("1947 (?)", "1947?", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("ca. 1947", "1947~", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("circa 1947", "1947~", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("vers 1947", "1947~", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("c. 1947", "1947~", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("khoảng năm 1947", "1947~", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("ca. 1947?", "1947%", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("vers mars 1947", "1947-03~", "month", D(1947, 3, 1), D(1947, 3, 31)),
        ("ca. 1946-1948", "1946~/1948", "interval", D(1946, 1, 1), D(1948, 12, 31)),
        ("[1948]", "1948", "year", D(1948, 1, 1), D(1948, 12, 31)),
        ("[1948?]", "1948?", "year", D(1948, 1, 1), D(1948, 12, 31)),
        ("[ca. 1948]", "1948~", "year", D(1948, 1, 1), D(1948, 12, 31)),
        ("[1946-1948]", "1946/1948", "interval", D(1946, 1, 1), D(1948, 12, 31)),
        # seasons, decades
        ("printemps 1948", "1948-21", "season", D(1948, 3, 1), D(1948, 5, 31)),
        ("été 1948", "1948-22", "season", D(1948, 6, 1), D(1948, 8, 31)),
        ("mùa thu năm 1948", "1948-23", "season", D(1948, 9, 1), D(1948, 11, 30)),
        ("autumn 1948", "1948-23", "season", D(1948, 9, 1), D(1948, 11, 30)),
        ("1940s", "194X", "decade", D(1940, 1, 1), D(1949, 12, 31)),
        ("the 1940s", "194X", "decade", D(1940, 1, 1), D(1949, 12, 31)),
        ("années 1940", "194X", "decade", D(1940, 1, 1), D(1949, 12, 31)),
        ("les années 1940", "194X", "decade", D(1940, 1, 1), D(1949, 12, 31)),
        ("những năm 1940", "194X", "decade", D(1940, 1, 1), D(1949, 12, 31)),
        ("ca. 1940s", "194X~", "decade", D(1940, 1, 1), D(1949, 12, 31)),
        # EDTF, as it is
        ("1949-04-05", "1949-04-05", "day", D(1949, 4, 5), D(1949, 4, 5)),
        ("1949-04", "1949-04", "month", D(1949, 4, 1), D(1949, 4, 30)),
        ("1947~", "1947~", "year", D(1947, 1, 1), D(1947, 12, 31)),
        ("1947-02-03%", "1947-02-03%", "day", D(1947, 2, 3), D(1947, 2, 3)),
        ("1946?/1948", "1946?/1948", "interval", D(1946, 1, 1), D(1948, 12, 31)),
        ("1946-02/1948", "1946-02/1948", "interval", D(1946, 2, 1), D(1948, 12, 31)),
        ("194X", "194X", "decade", D(1940, 1, 1), D(1949, 12, 31)),
        ("19XX", "19XX", "century", D(1900, 1, 1), D(1999, 12, 31)),
        ("1948-21", "1948-21", "season", D(1948, 3, 1), D(1948, 5, 31)),
    ],
)
def test_read_date(written, edtf, precision, start, end):
    read = read_date(f" {written} ")
    assert read == ReadDate(written, edtf, precision, start, end)
    assert read.precision in DATE_PRECISIONS and parse_edtf(read.edtf)


@pytest.mark.parametrize(
    "written",
    [
        "",
        "   ",
        "n.d.",
        "N.D.",
        "s.d.",
        "[s.d.]",
        "sans date",
        "undated",
        "không ngày",
        "Không rõ ngày",
        "o.J.",
    ],
)
def test_no_date_is_none(written):
    assert read_date(written) is None


@pytest.mark.parametrize(
    "written, message",
    [
        ("31 février 1947", "31 février 1947: February 1947 has no day 31"),
        ("29 février 1947", "29 février 1947: February 1947 has no day 29"),
        ("1947-02-31", "1947-02-31: February 1947 has no day 31"),
        ("31.4.1949", "31.4.1949: April 1949 has no day 31"),
        ("1947-13", "1947-13: there is no month 13"),
        ("1946-47", "1946-47: there is no month 47; for two years write 1946-1947"),
        (
            "04/25/1949",
            "04/25/1949: there is no month 25 (dates written with dots, slashes or dashes are read day first",
        ),
        ("1948/1946", "1948/1946: it ends (1946) before it begins (1948)"),
        ("1200", "1200: only years from 1500 to 2099 are read as the dates of documents"),
        (
            "hiver 1948",
            "hiver 1948: a winter runs across two years: write its months, 1948-12/1949-02, or 1947-12/1948-02",
        ),
        ("printemps 1948?", "printemps 1948?: EDTF cannot mark a season uncertain or approximate"),
        ("du 3 au 5 mars 1950", "du 3 au 5 mars 1950: “3” is not a date: write both ends in full"),
        ("soon", "soon: not a date this catalogue can read (5 avril 1949"),
        ("1948 1949", "1948 1949: not a date this catalogue can read"),
        ("1945s", "1945s: not a date this catalogue can read"),
        ("1946/..", "1946/..: not a date this catalogue can read"),
    ],
)
def test_read_date_says_why_it_refuses(written, message):
    with pytest.raises(ValueError) as refused:
        read_date(written)
    assert str(refused.value).startswith(message)


@pytest.mark.parametrize(
    "written, period",
    [
        ("1948", (D(1948, 1, 1), D(1948, 12, 31))),
        ("avril 1949", (D(1949, 4, 1), D(1949, 4, 30))),
        ("septembre 1948", (D(1948, 9, 1), D(1948, 9, 30))),
        ("1949-04-05", (D(1949, 4, 5), D(1949, 4, 5))),
        ("5 avril 1949,", (D(1949, 4, 5), D(1949, 4, 5))),
        ("1946/1948", (D(1946, 1, 1), D(1948, 12, 31))),
        ("", None),
        ("n.d.", None),
        ("soon", None),
        ("1948 1949", None),
        ("31.2.1949", None),
    ],
)
def test_read_period_is_read_date_start_and_end(written, period):
    assert read_period(written) == period


def test_docstring_examples():
    assert doctest.testmod(dates).failed == 0


PIECES = [
    "1947",
    "1200",
    "02",
    "31",
    "5",
    "4",
    "avril",
    "février",
    "hiver",
    "printemps",
    "années",
    "1940s",
    "194X",
    "ngày",
    "tháng",
    "năm",
    "ca.",
    "vers",
    "?",
    "~",
    "%",
    "[",
    "]",
    "/",
    "-",
    "–",
    ".",
    " ",
    "à",
    "de",
    "n.d.",
    "..",
]


@given(st.lists(st.sampled_from(PIECES), max_size=6).map("".join))
def test_read_date_reads_or_refuses_anything(value):
    try:
        read = read_date(value)
    except ValueError as refused:
        assert str(refused).startswith(f"{value.strip()}: ")
        return
    if read is not None:
        assert read.start <= read.end and read.precision in DATE_PRECISIONS and parse_edtf(read.edtf)


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("ngày 25-11-1945", "1945-11-25"),
        ("số 1712, ngày 12-3-1951", "1951-03-12"),
        ("Jan.7, 1951", "1951-01-07"),
        ("1953/08/02", "1953-08-02"),
        ("1945年10月3日", "1945-10-03"),
        ("民國三十四年九月十日", "1945-09-10"),
        ("（民國38年4月）", "1949-04"),
        ("民國三十八年十二月二十日", "1949-12-20"),
    ],
)
def test_dates_in_the_forms_notes_use(text, edtf):
    assert [d.edtf for d in find_dates(text)] == [edtf]


@pytest.mark.parametrize("text", ["751G.00/3–1254", "3–12-1950", "RG 59, 751G.00/3-1254"])
def test_codes_and_ranges_are_no_dates(text):
    assert find_dates(text) == []


def test_dates_by_the_japanese_era_with_the_western_year_in_brackets():
    from catalogue.dates import find_dates

    found = find_dates("memorandum, Shōwa 15.9.22 [22 September 1940], GGS; decision, 1 February Shōwa 20 [1945], NIDS")
    assert [(d.edtf, d.as_written) for d in found] == [
        ("1940-09-22", "Shōwa 15.9.22 [22 September 1940]"),
        ("1945-02-01", "1 February Shōwa 20 [1945]"),
    ]
    assert find_dates("in Shōwa 15 the army") == []
