import pytest

from catalogue.text import fold, strip_accents


@pytest.mark.parametrize(
    "written, plain",
    [
        ("Lạng Sơn", "Lang Son"),
        ("Đông Dương", "Dong Duong"),
        ("Service historique de la Défense", "Service historique de la Defense"),
        ("國史館", "國史館"),
    ],
)
def test_strip_accents(written, plain):
    assert strip_accents(written) == plain


@pytest.mark.parametrize(
    "a, b",
    [
        ("VNA 3", "vna3"),
        ("V.N.A. 3", "VNA3"),
        ("Trung Tâm Lưu Trữ Quốc Gia III", "trung tam luu tru quoc gia iii"),
        ("Archives du Ministère des Affaires Étrangères", "ARCHIVES DU MINISTERE DES AFFAIRES ETRANGERES"),
    ],
)
def test_fold_matches_variant_spellings(a, b):
    assert fold(a) == fold(b)


def test_fold_keeps_different_names_apart():
    assert fold("VNA 3") != fold("VNA 2")
    assert fold("國史館") != fold("國史")
