"""Writing the gazetteer: places and their names."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Place, PlaceName
from ..records import PlaceRecord
from ..text import fold
from .repositories import SaveCounts


def place_key(record: PlaceRecord) -> str:
    return f"{fold(record.name)}|{record.country}"


def save_places(session: Session, records: Iterable[PlaceRecord]) -> SaveCounts:
    """Insert or update the gazetteer's places, keyed on name and country; idempotent."""
    counts = SaveCounts()
    for record in records:
        place = session.scalar(select(Place).where(Place.place_key == place_key(record)))
        is_new = place is None
        if is_new:
            place = Place(place_key=place_key(record), name=record.name)
            session.add(place)
            session.flush()
        values = {"name": record.name, "country_code": record.country, "latitude": record.latitude,
                  "longitude": record.longitude, "geonames_id": record.geonames_id}
        changed = any(getattr(place, k) != v for k, v in values.items())
        for name, value in values.items():
            setattr(place, name, value)
        existing = {n.name: n for n in session.scalars(select(PlaceName).where(PlaceName.place_id == place.id))}
        wanted = {n.name: n for n in record.all_names()}
        for name, row in existing.items():
            if name not in wanted:
                session.delete(row)
                changed = True
        for name, entry in wanted.items():
            row = existing.get(name)
            if row is None:
                session.add(PlaceName(place_id=place.id, name=name, language=entry.language, type=entry.type))
                changed = True
            elif (row.language, row.type) != (entry.language, entry.type):
                row.language, row.type = entry.language, entry.type
                changed = True
        session.flush()
        counts.inserted += is_new
        counts.updated += changed and not is_new
        counts.unchanged += not changed and not is_new
    return counts
