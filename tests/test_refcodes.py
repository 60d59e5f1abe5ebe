import pytest

from catalogue.parse.refcodes import parse_reference_code


@pytest.mark.parametrize(
    "cited, repository, normalised",
    [
        ("ML 2", "VNA3", "ML2"),
        ("PTT, ML 2, 52", "VNA3", "PTT, ML2, 52"),
        ("PTT,ML2 ,52", "VNA3", "PTT, ML2, 52"),
        ("10H287", "SHD", "10 H 287"),
        ("GR 10 H 600", "SHD", "GR 10 H 600"),
        ("002 - 080200 - 00305 - 026", "AH", "002-080200-00305-026"),
        ("FO  371/83648", "TNA", "FO 371/83648"),
    ],
)
def test_codes_are_normalised_by_their_repository(cited, repository, normalised):
    assert parse_reference_code(cited, repository).normalised == normalised


def test_two_spellings_of_one_vietnamese_inventory_meet():
    assert parse_reference_code("PTT, ML 2, 52", "VNA3") == parse_reference_code("PTT, ML 2, 52", "VNA3")
    assert (
        parse_reference_code("PTT, ML2, 52", "VNA3").normalised
        == parse_reference_code("PTT, ML 2, 52", "VNA3").normalised
    )


def test_levels_become_a_tree():
    assert parse_reference_code("PTT, ML 2, 52", "VNA3").levels == (("fonds", "PTT"), ("series", "ML2"), ("file", "52"))
    assert parse_reference_code("10 H 287", "SHD").levels == (("series", "10 H"), ("file", "287"))
    assert parse_reference_code("002-080200-00305-026", "AH").levels[-1] == ("item", "002-080200-00305-026")


def test_unknown_grammar_keeps_the_code():
    assert parse_reference_code("Special 11/27 · 2", None).normalised == "Special 11/27 · 2"
