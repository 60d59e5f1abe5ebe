"""The repository authority file: validation with file, line and field; name matching."""

from __future__ import annotations

import re

import pytest

from catalogue.errors import InvalidInput
from catalogue.reference.authority import RepositoryIndex, read_authority
from catalogue.resources import AUTHORITY_FILE


@pytest.fixture(scope="module")
def index() -> RepositoryIndex:
    return RepositoryIndex(read_authority(AUTHORITY_FILE))


def test_the_authority_file_is_valid_and_large_enough(index):
    assert len(index) >= 15


@pytest.mark.parametrize(
    "cited, expected_country",
    [
        # Forms the seed article's notes use.
        ("SHD", "FR"),
        ("Service historique de la Défense", "FR"),
        ("CAOM", "FR"),
        ("Centre des Archives d'Outre-Mer", "FR"),
        ("AMAE", "FR"),
        ("Archives du Ministère des Affaires Étrangères", "FR"),
        ("VNA 3", "VN"),
        ("Trung Tâm Lưu Trữ Quốc Gia III", "VN"),
        ("Academia Historica", "TW"),
        ("國史館", "TW"),
        ("KMT History Museum", "TW"),
        ("Central Archives", "CN"),
        ("Guangdong Provincial Archives", "CN"),
        # Archives that notes of other works on the Cold War in Asia cite.
        ("Archives nationales", "FR"),
        ("NARA", "US"),
        ("TNA", "GB"),
        ("Public Record Office", "GB"),
        ("VNA 1", "VN"),
        ("VNA 2", "VN"),
        ("RGASPI", "RU"),
        ("AVPRF", "RU"),
        # Archives that historians of twentieth-century Asia cite, in the forms they use.
        ("APRF", "RU"),
        ("AP RF", "RU"),
        ("Архив Президента Российской Федерации", "RU"),
        ("CADN", "FR"),
        ("MAE", "FR"),
        ("Quai d'Orsay Archives", "FR"),
        ("National Archives, Washington", "US"),
        ("Library of Congress", "US"),
        ("LBJ Library", "US"),
        ("Harry S. Truman Library", "US"),
        ("DDEL", "US"),
        ("British Library", "GB"),
        ("India Office Records", "GB"),
        ("Bodleian Library", "GB"),
        ("Churchill Archives Centre", "GB"),
        ("Second Historical Archives of China", "CN"),
        ("中国第二历史档案馆", "CN"),
        ("Zhongguo di'er lishi dang'anguan", "CN"),
        ("First Historical Archives", "CN"),
        ("Shanghai Municipal Archives", "CN"),
        ("云南省档案馆", "CN"),
        ("Guangxi Provincial Archives", "CN"),
        ("Public Records Office, Hong Kong", "HK"),
        ("国立公文書館", "JP"),
        ("Gaimusho Gaiko Shiryokan", "JP"),
        ("外務省外交史料館", "JP"),
        ("JACAR", "JP"),
        ("防衛研究所", "JP"),
        ("National Archives of India", "IN"),
        ("Nehru Memorial Museum and Library", "IN"),
        ("NMML", "IN"),
        ("National Archives of Australia", "AU"),
        ("AWM", "AU"),
        ("Library and Archives Canada", "CA"),
        ("National Archives of Singapore", "SG"),
        ("ANRI", "ID"),
        ("Nationaal Archief", "NL"),
        ("ICRC Archives", "CH"),
        ("UN Archives", "US"),
    ],
)
def test_names_as_cited_resolve(index, cited, expected_country):
    record = index.resolve(cited)
    assert record is not None, cited
    assert record.country == expected_country


def test_former_and_current_names_reach_one_repository(index):
    assert index.resolve("CAOM") is index.resolve("Archives nationales d'outre-mer")
    assert index.resolve("VNA 3") is index.resolve("trung tam luu tru quoc gia iii")


@pytest.mark.parametrize(
    "text, expected",
    [
        # "The National Archives" (Kew) starts earlier than another country's "National Archives
        # of …": the longer name beginning at the same "the" wins.
        ("Home Political files in the National Archives of India, New Delhi.", ["NAI-IN"]),
        ("held in the National Archives of Australia, A1838", ["NAA"]),
        ("FO 371/92418, The National Archives, Kew.", ["TNA"]),
        # Hong Kong's Public Records Office is not the British Public Record Office.
        ("HKRS 41-1-1234, Public Records Office, Hong Kong", ["HKPRO"]),
        ("Telegram no. 123, AMAE Nantes, Pékin, série A", ["CADN"]),
        ("Archives diplomatiques de Nantes, Saigon, carton 45", ["CADN"]),
        # Short forms left out because they are words or names in the notes' languages.
        ("Lich su Dang bo tinh Dong Nai (Dong Nai: Nxb Dong Nai, 2001)", []),
        ("Interview with Tran Van Loc, Saigon, 1998", []),
        ("au bord du lac, les troupes", []),
        ("The Line of Actual Control (LAC) and the LOC in Kashmir", []),
        ("the Quai d'Orsay refused", []),
    ],
)
def test_names_found_in_text(index, text, expected):
    assert [m.record.acronym for m in index.find_in(text)] == expected


def test_unknown_archive_does_not_resolve(index):
    assert index.resolve("Archives of Nowhere") is None


def test_every_entry_says_where_its_facts_come_from(index):
    assert all(record.sources for record in index.records)


def errors_for(tmp_path, authority: str) -> list[str]:
    path = tmp_path / "bad.yml"
    path.write_text(authority, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        read_authority(path)
    return [str(e) for e in caught.value.errors]


def test_bad_country_names_file_line_and_field(tmp_path, authority_file):
    text = authority_file.read_text().replace("country: VN", "country: XX")
    [error] = errors_for(tmp_path, text)
    line = next(number for number, content in enumerate(text.splitlines(), 1) if "country: XX" in content)
    assert error.startswith(f"{tmp_path / 'bad.yml'}:{line}: country:")
    assert "'XX' is not an ISO 3166-1 alpha-2 country code" in error


def test_every_problem_is_reported(tmp_path, authority_file):
    text = (
        authority_file.read_text()
        .replace("latitude: 48.8426", "latitude: 148.8426")
        .replace("language: vi", "language: not a tag")
        .replace("  city: Hanoi\n", "  city: Hanoi\n  founded: 1995\n")
    )
    errors = errors_for(tmp_path, text)
    assert any(": latitude:" in e for e in errors)
    assert any(": names.0.language:" in e and "BCP 47" in e for e in errors)
    assert any(": founded:" in e for e in errors)


def test_a_name_shared_by_two_repositories_is_refused(tmp_path, authority_file):
    text = authority_file.read_text().replace("{name: VNA 3, type: acronym}", "{name: S.H.D., type: acronym}")
    [error] = errors_for(tmp_path, text)
    assert "names.2.name" in error and "already names SHD" in error


def test_a_yaml_syntax_error_gives_its_line(tmp_path):
    [error] = errors_for(tmp_path, "- acronym: SHD\n  names: [unclosed\n")
    assert re.search(r"bad.yml:\d+: not valid YAML", error)


def test_a_file_that_is_not_a_list_is_refused(tmp_path):
    [error] = errors_for(tmp_path, "acronym: SHD\n")
    assert "expected a list of repositories" in error
