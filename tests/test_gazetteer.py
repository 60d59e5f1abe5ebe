"""The gazetteer: places of publication by any name, and the country of an imprint."""

from __future__ import annotations

import pytest

from catalogue.errors import InvalidInput
from catalogue.reference.gazetteer import PlaceIndex, read_places
from catalogue.resources import GAZETTEER_FILE


@pytest.fixture(scope="module")
def places() -> PlaceIndex:
    return PlaceIndex(read_places(GAZETTEER_FILE))


@pytest.mark.parametrize(
    "imprint, country",
    [
        ("Nanning", "CN"),
        ("Beijing", "CN"),
        ("Peking", "CN"),
        ("Hà Nội", "VN"),
        ("Ha Noi", "VN"),
        ("Hanoi", "VN"),
        ("Saigon", "VN"),
        ("Paris", "FR"),
        ("Chapel Hill and London", "US"),
        ("Princeton, N.J", "US"),
        ("London and New York", "GB"),
        ("Taipei", "TW"),
        ("Moscow", "RU"),
    ],
)
def test_the_country_of_an_imprint(places, imprint, country):
    place = places.place_of(imprint)
    assert place is not None and place.country == country


def test_an_unknown_place_has_no_country(places):
    assert places.place_of("Atlantis") is None and places.place_of(None) is None


def test_a_bad_entry_names_its_line_and_field(tmp_path):
    path = tmp_path / "places.yml"
    path.write_text(
        "- name: Hanoi\n  country: VN\n  latitude: 210.0\n  longitude: 105.85\n"
        "  names: [{name: Hanoi, type: authorised}]\n  sources: [GeoNames]\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as caught:
        read_places(path)
    assert str(caught.value).startswith(f"{path}:3: latitude:")
