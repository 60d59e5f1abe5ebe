"""Shared fixtures: a database URL on each backend, a small authority file, a seeded catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pgserver import PostgresServer

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

SMALL_AUTHORITY = """\
- acronym: SHD
  authorised_name: Service historique de la Défense
  type: military_archives
  country: FR
  city: Vincennes
  latitude: 48.8426
  longitude: 2.4363
  url: https://www.servicehistorique.sga.defense.gouv.fr/
  description: The archives of the French armed forces.
  names:
    - {name: Service historique de la Défense, language: fr, type: authorised}
    - {name: Service historique de l'armée de terre, language: fr, type: former}
    - {name: SHAT, type: former_acronym}
  sources: ["Service historique de la Défense, website"]
- acronym: VNA3
  authorised_name: Trung tâm Lưu trữ Quốc gia III
  type: national_archives
  country: VN
  city: Hanoi
  latitude: 21.0245
  longitude: 105.8412
  url: https://vnna.gov.vn/
  description: Records of the Democratic Republic of Vietnam.
  names:
    - {name: Trung tâm Lưu trữ Quốc gia III, language: vi, type: authorised}
    - {name: Vietnam National Archives No. 3, language: en, type: parallel}
    - {name: VNA 3, type: acronym}
  sources: ["State Records and Archives Management Department of Vietnam, website"]
"""


@pytest.fixture(scope="session")
def postgres_server():
    server = PostgresServer.start()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """An empty database on SQLite and on the throwaway PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalogue.db'}"
    return request.getfixturevalue("postgres_server").create_database()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    """The seed articles, made by the command line (init, seed), in a file named as Datasette
    will name the database: catalogue. One per test module, which only reads it."""
    from catalogue.cli import cli

    path = tmp_path_factory.mktemp("seeded") / "catalogue.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["seed", "--db", str(path)]).exit_code == 0
    return path


@pytest.fixture
def authority_file(tmp_path) -> Path:
    path = tmp_path / "repositories.yml"
    path.write_text(SMALL_AUTHORITY, encoding="utf-8")
    return path


def pytest_terminal_summary(terminalreporter):
    """Say plainly how many tests ran against PostgreSQL, so a skip cannot pass unseen."""
    passed = [r for r in terminalreporter.stats.get("passed", []) if "postgres" in r.keywords]
    failed = [
        r
        for r in terminalreporter.stats.get("failed", []) + terminalreporter.stats.get("error", [])
        if "postgres" in getattr(r, "keywords", {})
    ]
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "postgres" in getattr(r, "keywords", {})]
    terminalreporter.write_line(
        f"PostgreSQL: {len(passed)} tests passed, {len(failed)} failed, {len(skipped)} skipped "
        "against a throwaway PostgreSQL server"
    )
