"""Editors of the catalogue's desk: who may sign in and write through the site.

Editors are kept out of the repository, in a YAML file the person serving the site writes
(``catalogue serve --editors editors.yml``); each has a password hash made by
``catalogue editors hash`` (PBKDF2-SHA256, as datasette-auth-passwords checks it):

    editors:
      jroe:
        name: Jane Roe
        password_hash: pbkdf2_sha256$480000$…

The signing secret of sign-in cookies comes from ``DATASETTE_SECRET`` or, failing that, from
a file beside the database (``catalogue.db.secret``), made once, so that sign-ins survive a
restart.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, InvalidInput
from ..yamlfile import load

EDITOR_ROLE = "editor"
EDIT = "catalogue-edit"  # the desk's own permission: every write route asks for it
HASH_PREFIX = "pbkdf2_sha256$"


@dataclass(frozen=True)
class Editor:
    login: str
    name: str
    password_hash: str

    @property
    def actor(self) -> dict:
        return {"id": self.login, "name": self.name, "roles": [EDITOR_ROLE]}


def read_editors(path: Path) -> list[Editor]:
    """The editors of a YAML file; every problem reported at once, naming file, line and field.

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); file = folder / "e.yml"
    >>> _ = file.write_text("editors:\\n  jroe:\\n    name: Jane Roe\\n    password_hash: pbkdf2_sha256$1$a$b\\n")
    >>> read_editors(file)[0].actor
    {'id': 'jroe', 'name': 'Jane Roe', 'roles': ['editor']}
    """
    data = load(path)
    source = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("editors"), dict) or not data["editors"]:
        raise InvalidInput([InputError(source, 1, "editors", "expected a mapping of logins to editors")])
    found, errors = [], []
    lines = getattr(data["editors"], "key_lines", {})
    for login, entry in data["editors"].items():
        line = lines.get(login)
        if not isinstance(login, str) or not login.isidentifier():
            errors.append(InputError(source, line, f"editors.{login}", "a login is letters, figures and _"))
            continue
        if not isinstance(entry, dict):
            errors.append(InputError(source, line, f"editors.{login}", "expected name and password_hash"))
            continue
        password_hash = entry.get("password_hash")
        if not isinstance(password_hash, str) or not password_hash.startswith(HASH_PREFIX):
            errors.append(
                InputError(
                    source,
                    line,
                    f"editors.{login}.password_hash",
                    "expected a hash made by `catalogue editors hash` (pbkdf2_sha256$…)",
                )
            )
            continue
        found.append(Editor(login, str(entry.get("name") or login), password_hash))
    if errors:
        raise InvalidInput(errors)
    return found


def auth_config(editors: list[Editor]) -> dict:
    """datasette-auth-passwords' configuration for these editors: their hashes and actors."""
    return {
        **{f"{e.login}_password_hash": e.password_hash for e in editors},
        "actors": {e.login: e.actor for e in editors},
    }


def signing_secret(database: Path) -> str:
    """``DATASETTE_SECRET``, or the secret kept beside the database (made once, readable by
    its owner only)."""
    if secret := os.environ.get("DATASETTE_SECRET"):
        return secret
    kept = database.with_name(database.name + ".secret")
    if not kept.exists():
        kept.touch(mode=0o600)
        kept.write_text(secrets.token_hex(32), encoding="utf-8")
    return kept.read_text(encoding="utf-8").strip()


def is_editor(actor: dict | None) -> bool:
    """Whether a signed-in actor may write through the desk."""
    if not actor:
        return False
    return EDITOR_ROLE in (actor.get("roles") or [])
