"""Where the project's own files are: migrations, Alembic's configuration, seed data."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"
MIGRATIONS = PROJECT_ROOT / "migrations"
SEED = PROJECT_ROOT / "seed"
AUTHORITY_FILE = SEED / "repositories.yml"
GAZETTEER_FILE = SEED / "places.yml"
EDITIONS_FILE = SEED / "editions.yml"
