"""Reference codes: as cited, normalised, and parsed into levels by a per-repository grammar.

Each archive writes its codes its own way. A grammar turns the cited form into one
normalised form, so that two citations of one item meet ("ML2" and "ML 2" are the same
inventory of the Vietnam National Archives), and into levels (fonds, series, file, item)
that become the record-set tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..text import fold

Level = tuple[str, str]  # (level, code): ("series", "10 H"), ("file", "287")


@dataclass(frozen=True)
class ReferenceCode:
    cited: str
    normalised: str
    levels: tuple[Level, ...] = field(default_factory=tuple)


def _tidy(code: str) -> str:
    code = re.sub(r"\s+", " ", code).strip(" ,;.")
    code = re.sub(r"\s*([/·])\s*", r" \1 ", code).replace(" / ", "/")
    return re.sub(r"\s*,\s*", ", ", code)


def _spaced_runs(code: str) -> str:
    """Letters and digits as separate words: "10H287" and "10 H 287" → "10 H 287"."""
    code = re.sub(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)", " ", code)
    return re.sub(r"\s+", " ", code).strip()


def french_military(code: str) -> ReferenceCode:
    """SHD and similar: "[GR] 10 H 287" — a series ("10 H") and an article number."""
    normalised = _spaced_runs(_tidy(code).upper())
    match = re.fullmatch(r"((?:GR |MV |AI )?\d+ [A-Z]+) (\d+(?:[ /-]\d+)*)", normalised)
    levels = (("series", match.group(1)), ("file", match.group(2))) if match else ()
    return ReferenceCode(code, normalised, levels)


def french_colonial(code: str) -> ReferenceCode:
    """ANOM: "2 HCI 326", "HCI 250", "4014 COL 23", "GGI 65432" — fonds letters and numbers."""
    normalised = _spaced_runs(_tidy(code).upper())
    match = re.fullmatch(r"((?:\d+ )?[A-Z]+) (\d+(?:[ /-]\d+)*)", normalised)
    levels = (("fonds", match.group(1)), ("file", match.group(2))) if match else ()
    return ReferenceCode(code, normalised, levels)


def vietnamese_national(code: str) -> ReferenceCode:
    """VNA 1–4: "PTT, ML 2, 52" or "Phông Phủ Thủ tướng, hồ sơ 1234" — fonds, inventory, file."""
    parts = [p.strip() for p in re.split(r"[,;]", _tidy(code)) if p.strip()]
    normalised_parts, levels = [], []
    for part in parts:
        compact = re.sub(r"(?i)^(ML|mục lục|muc luc)\s*\.?\s*(\d+)$", lambda m: f"ML{m.group(2)}", part)
        normalised_parts.append(compact)
        number = re.search(r"\d+[a-z]?$", compact)
        if re.fullmatch(r"ML\d+", compact):
            levels.append(("series", compact))
        elif number and re.fullmatch(r"(?i)(?:hồ sơ|ho so|hs\.?|file)?\s*\d+[a-z]?", compact):
            levels.append(("file", compact))
        else:
            levels.append(("fonds", compact))
    return ReferenceCode(code, ", ".join(normalised_parts), tuple(levels))


def numbered_hierarchy(code: str) -> ReferenceCode:
    """Academia Historica: "002-080200-00305-026" — fonds, series, file, item."""
    normalised = re.sub(r"\s*-\s*", "-", _tidy(code))
    parts = normalised.split("-")
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        names = ("fonds", "series", "file", "item")
        levels = tuple((n, "-".join(parts[: i + 1])) for i, n in enumerate(names))
        return ReferenceCode(code, normalised, levels)
    return ReferenceCode(code, normalised, ())


def generic(code: str) -> ReferenceCode:
    """Any other archive: spacing and separators tidied, nothing else changed."""
    return ReferenceCode(code, _tidy(code), ())


GRAMMARS: dict[str, Callable[[str], ReferenceCode]] = {
    "SHD": french_military,
    "ANOM": french_colonial,
    "VNA1": vietnamese_national,
    "VNA2": vietnamese_national,
    "VNA3": vietnamese_national,
    "VNA4": vietnamese_national,
    "AH": numbered_hierarchy,
}


def code_key(code: str | None) -> str | None:
    """A reference code as a matching key: case, accents, spacing and punctuation dropped, and
    the Vietnamese "mục lục" (inventory) written as "ML", as the grammars write it.

    >>> code_key("10 H 287"), code_key("10H287"), code_key("PTT, Mục lục 2, 52")
    ('10h287', '10h287', 'pttml252')
    """
    if code is None:
        return None
    return fold(code).replace("mucluc", "ml") or None


def parse_reference_code(code: str, repository: str | None) -> ReferenceCode:
    """The cited code read with its repository's grammar (``repository`` is an acronym)."""
    return GRAMMARS.get(repository or "", generic)(code)
