"""Writing the gazetteer: places and their names."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Place, PlaceName
from ..records import PlaceRecord
from ..text import fold
from .rows import SaveCounts, assign, get_or_add


def place_key(record: PlaceRecord) -> str:
    return f"{fold(record.name)}|{record.country}"


def save_places(session: Session, records: Iterable[PlaceRecord]) -> SaveCounts:
    """Insert or update the gazetteer's places, keyed on name and country; idempotent."""
    counts = SaveCounts()
    for record in records:
        is_new = session.scalar(select(Place.id).where(Place.place_key == place_key(record))) is None
        place = get_or_add(session, Place, {"name": record.name}, place_key=place_key(record))
        changed = assign(
            place,
            {
                "name": record.name,
                "country_code": record.country,
                "latitude": record.latitude,
                "longitude": record.longitude,
                "geonames_id": record.geonames_id,
            },
        )
        existing = {n.name: n for n in session.scalars(select(PlaceName).where(PlaceName.place_id == place.id))}
        wanted = {n.name: n for n in record.all_names()}
        for name, row in existing.items():
            if name not in wanted:
                session.delete(row)
                changed = True
        for name, entry in wanted.items():
            kept = existing.get(name)
            if kept is None:
                session.add(PlaceName(place_id=place.id, name=name, language=entry.language, type=entry.type))
                changed = True
            else:
                changed |= assign(kept, {"language": entry.language, "type": entry.type})
        session.flush()
        counts.count(is_new, changed)
    return counts
