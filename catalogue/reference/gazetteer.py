"""The gazetteer (reference/places.yml): places of publication and of archives, by any name.

It tells the country of a publication from its imprint ("Nanning: Guangxi renmin
chubanshe" → CN), so that claims can be said to rest on one country's sources or several.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from ..records import PlaceRecord
from ..text import fold
from .curated import read_records


def read_places(path: Path) -> list[PlaceRecord]:
    """Read and validate a gazetteer file; every problem reported with its line."""
    return read_records(
        path,
        PlaceRecord,
        "places",
        names_of=lambda p: [n.name for n in p.all_names()],
        label_of=lambda p: f"{p.name} ({p.country})",
    )


class PlaceIndex:
    """Finds a place by any of its names, ignoring accents, case and punctuation."""

    def __init__(self, records: Iterable[PlaceRecord]):
        self.records = list(records)
        self._by_key = {fold(n.name): p for p in self.records for n in p.all_names()}

    def resolve(self, name: str) -> PlaceRecord | None:
        return self._by_key.get(fold(name))

    def place_of(self, imprint_place: str | None) -> PlaceRecord | None:
        """The first known place of an imprint: "Chapel Hill and London" → Chapel Hill;
        "Princeton, N.J" → Princeton; "Cambridge, MA" → Cambridge, MA."""
        if not imprint_place:
            return None
        whole = self.resolve(imprint_place)
        if whole is not None:
            return whole
        for part in re.split(r"\s+(?:and|et|&|và)\s+|[,;/]", imprint_place):
            if part.strip() and (found := self.resolve(part.strip())):
                return found
        return None

    def __len__(self) -> int:
        return len(self.records)


@functools.lru_cache(maxsize=1)
def gazetteer() -> PlaceIndex:
    """The seed gazetteer, read once: the note reader asks it which name of an imprint is the place."""
    from ..resources import GAZETTEER_FILE

    return PlaceIndex(read_places(GAZETTEER_FILE))


def is_place(name: str | None) -> bool:
    """Whether the gazetteer knows a name as a place: is_place("Paris") is True,
    is_place("Armand Colin") False."""
    return bool(name) and gazetteer().place_of(name) is not None
