"""Small helpers every writer in the store shares: finding, filling and updating rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from ..models import Agent
from .keys import agent_key, agent_kind

CHUNK = 500  # rows in one executemany, keys in one IN (...)


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


# ── Batch writers (add, import): records in, rows out, many a statement ──────


@dataclass
class SaveReport:
    kind: str
    added: int = 0
    matched: int = 0  # records that are rows already there (or earlier in the same file)
    updated: int = 0  # matched rows given fields they lacked
    ids: list[int] = field(default_factory=list)  # the row of each record, in order
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.kind}: {self.added} added, {self.matched} matched, {self.updated} completed"


def chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ensure_agents(connection: Connection, names: Iterable[str]) -> dict[str, int]:
    """The agent row of every name (one per folded name, as the note reader keys them),
    made where missing; name → id."""
    names = list(dict.fromkeys(names))
    keys = {name: agent_key(name) for name in names}
    ids: dict[str, int] = {}
    for chunk in chunks(list(set(keys.values()))):
        ids.update(dict(connection.execute(select(Agent.agent_key, Agent.id).where(Agent.agent_key.in_(chunk))).all()))
    new = list(
        {
            keys[n]: {"agent_key": keys[n], "name": n, "kind": agent_kind(n)} for n in names if keys[n] not in ids
        }.values()
    )
    for chunk in chunks(new):
        ids.update(
            {
                key: row_id
                for row_id, key in connection.execute(insert(Agent).returning(Agent.id, Agent.agent_key), chunk).all()
            }
        )
    return {name: ids[keys[name]] for name in names}


def archive_countries(connection: Connection) -> dict[str, str]:
    """Every archive's every name, folded, with its country."""
    from ..models import Repository, RepositoryName

    return {
        key: country
        for key, country in connection.execute(
            select(RepositoryName.name_key, Repository.country_code).join(
                Repository, Repository.id == RepositoryName.repository_id
            )
        ).all()
        if country
    }
