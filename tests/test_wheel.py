"""catalogue installs like any Python package: the wheel built from this checkout, installed
into a fresh virtual environment outside it, runs ``catalogue init``, ``catalogue ingest`` and
``catalogue notes parse`` from a folder that is not the checkout — with the reference data,
the migrations and the Alembic configuration all read from inside the installed package.

The fresh environment gets its dependencies from the project's environment (a .pth line
naming its site-packages, which were installed from requirements/lock.txt), so the test
needs no network; the wheel itself is installed into the fresh environment, and the test
checks that ``catalogue`` is imported from there, not from the checkout."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
SEED = CHECKOUT / "seed" / "000_0257dddbb7f8e243.txt"
# What the wheel is built from: the files of an sdist, copied so that no build/ folder left in
# the checkout by an earlier build can slip stale modules into the wheel.
SOURCES = ("pyproject.toml", "README.md", "catalogue", "migrations")


def run(command: list[str], cwd: Path) -> str:
    """Run a command with the environment of a user of the installed package: no PYTHONPATH
    pointing into a checkout. Its output, or a failure showing what it printed."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh virtual environment holding the wheel of this checkout."""
    root = tmp_path_factory.mktemp("wheel")
    assert not root.is_relative_to(CHECKOUT)
    source = root / "source"
    source.mkdir()
    for name in SOURCES:
        if (CHECKOUT / name).is_dir():
            shutil.copytree(CHECKOUT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(CHECKOUT / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(root / "dist"), str(source)], root)
    (wheel,) = (root / "dist").glob("catalogue-*.whl")

    fresh = root / "venv"
    venv.create(fresh, with_pip=False)
    bin_dir = fresh / "bin"
    fresh_site = Path(
        run([str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], root).strip()
    )
    (fresh_site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # --force-reinstall: the project's environment (seen through the .pth) lists its own catalogue.
    run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", str(wheel)], root
    )
    return bin_dir


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory) -> Path:
    """A working folder outside the checkout."""
    folder = tmp_path_factory.mktemp("user")
    assert not folder.is_relative_to(CHECKOUT)
    return folder


def test_catalogue_is_imported_from_the_fresh_environment(installed, elsewhere):
    imported = run([str(installed / "python"), "-c", "import catalogue; print(catalogue.__file__)"], elsewhere)
    assert Path(imported.strip()).is_relative_to(installed.parent)
    assert not Path(imported.strip()).is_relative_to(CHECKOUT)
    version = run([str(installed / "catalogue"), "--version"], elsewhere)
    from catalogue import __version__

    assert __version__ in version


def test_init_ingest_and_parse_from_the_installed_wheel(installed, elsewhere):
    catalogue = str(installed / "catalogue")
    db = elsewhere / "catalogue.db"

    initialised = run([catalogue, "init", "--db", str(db)], elsewhere)
    assert "repositories: 57 added" in initialised  # the authority shipped in catalogue/reference
    assert "places: 121 added" in initialised  # the gazetteer shipped beside it

    ingested = run([catalogue, "ingest", "--db", str(db), str(SEED)], elsewhere)
    # The seed's figures, as the checkout's own catalogue ingest reports them (tests/test_seed.py).
    assert "56 notes, 67 citations" in ingested and "56 claims, 21 documents" in ingested

    parsed = json.loads(run([catalogue, "notes", "parse", "--json", str(SEED)], elsewhere))
    notes = parsed["notes"]
    assert [note["number"] for note in notes] == list(range(1, 57))
    first = notes[0]["citations"][0]
    assert (first["kind"], first["repository"], first["reference_code"], first["date"]) == (
        "archival",
        "AH",
        "002-080200-00305-026",
        "1946-03-15",
    )

    with sqlite3.connect(db) as connection:
        counted = {
            table: connection.execute(f"select count(*) from {table}").fetchone()[0]
            for table in ("repositories", "notes", "claims", "documents")
        }
        reference_codes = {row[0] for row in connection.execute("select reference_code from documents")}
    assert counted == {"repositories": 57, "notes": 56, "claims": 56, "documents": 21}
    assert "002-080200-00305-026" in reference_codes


def test_the_installed_wheel_registers_the_datasette_plugin_with_its_folders(installed, elsewhere):
    listed = run([str(installed / "python"), "-m", "datasette", "plugins"], elsewhere)
    (plugin,) = [plugin for plugin in json.loads(listed) if plugin["name"] == "catalogue"]
    assert plugin["templates"] and plugin["static"]
    assert {"get_metadata", "register_routes", "extra_css_urls"} <= set(plugin["hooks"])
    folders = run(
        [
            str(installed / "python"),
            "-c",
            "from datasette.plugins import get_plugins; "
            "print(*[p['templates_path'] for p in get_plugins() if p['name'] == 'catalogue'])",
        ],
        elsewhere,
    )
    assert Path(folders.strip()).is_relative_to(installed.parent)
    assert (Path(folders.strip()) / "home.html").is_file()
