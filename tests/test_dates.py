import datetime as dt

import pytest

from catalogue.parse.dates import edtf_bounds, find_dates


@pytest.mark.parametrize("written, edtf, precision", [
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
    ("1949-04-05", "1949-04-05", "day"),
])
def test_dates_in_many_languages(written, edtf, precision):
    found = find_dates(f"Telegram, {written}, SHD")
    assert [(d.edtf, d.precision) for d in found] == [(edtf, precision)]


def test_impossible_dates_are_not_dates():
    assert find_dates("31.2.1949") == []
    assert find_dates("pp. 12.13") == []


def test_a_month_spans_its_days():
    assert edtf_bounds("1949-04") == (dt.date(1949, 4, 1), dt.date(1949, 4, 30))
    assert edtf_bounds("1948-02-29") == (dt.date(1948, 2, 29), dt.date(1948, 2, 29))
