"""Small helpers every writer in the store shares: finding, filling and updating rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session


@dataclass
class SaveCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, is_new: bool, changed: bool) -> None:
        if is_new:
            self.inserted += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


def get_or_add(session: Session, model, defaults: dict | None = None, **key):
    """The row with this key, or a new one made with the defaults (which NOT NULL needs)."""
    row = session.scalar(select(model).filter_by(**key))
    if row is None:
        row = model(**key, **(defaults or {}))
        session.add(row)
        session.flush()
    return row


def assign(row, fields: dict) -> bool:
    """Set every field; whether anything changed."""
    changed = False
    for name, value in fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def fill(row, **values) -> None:
    """Set the values a row does not have yet; never erase what is known."""
    for name, value in values.items():
        if value not in (None, "", []) and getattr(row, name) in (None, ""):
            setattr(row, name, value)
