"""The site's metadata, built from the models and the views so that it never drifts."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pycountry
import yaml
from sqlalchemy import Table

from .. import derive
from ..models import Base
from ..searchable import SEARCHABLE

DATABASE = "catalogue"
HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def _site() -> dict:
    return yaml.safe_load((HERE / "site.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """ "FR" → "France (FR)"; a code pycountry does not know is shown as it is."""
    if not code:
        return "unknown"
    country = pycountry.countries.get(alpha_2=code)
    return f"{getattr(country, 'common_name', None) or country.name} ({code})" if country else code


def settings() -> dict:
    return dict(_site()["settings"])


def _model_descriptions() -> dict[str, str]:
    """Each table's description: its model's docstring, on one line."""
    return {
        table.name: " ".join((mapper.class_.__doc__ or "").split())
        for mapper in Base.registry.mappers
        if isinstance(table := mapper.local_table, Table)  # every model maps one table
    }


def table_metadata() -> dict[str, dict]:
    options = _site()["tables"]
    descriptions = _model_descriptions()
    tables: dict[str, dict] = {}
    for table in Base.metadata.sorted_tables:
        tables[table.name] = {
            "description": descriptions.get(table.name, ""),
            "columns": {column.name: column.doc or "" for column in table.columns},
            **options.get(table.name, {}),
        }
    columns = derive.view_columns()
    for view in derive.VIEWS:
        tables[view.name] = {
            "description": view.description,
            "columns": {name: derive.COLUMN_DOCS.get(name, "") for name in columns[view.name]},
            **options.get(view.name, {}),
        }
    for item in SEARCHABLE:
        tables[item.table].update(fts_table=item.fts, fts_pk="id")
        tables[item.fts] = {"hidden": True}
        tables[item.words] = {"hidden": True}
    tables["alembic_version"] = {"hidden": True}
    return tables


def canned_queries() -> dict:
    return yaml.safe_load((HERE / "queries.yml").read_text(encoding="utf-8"))


def build_metadata() -> dict:
    site = _site()
    return {
        **{key: site[key] for key in ("title", "description", "source", "license", "license_url")},
        "databases": {
            DATABASE: {
                "description": site["description"],
                "tables": table_metadata(),
                "queries": canned_queries(),
            }
        },
        "plugins": {
            "datasette-cluster-map": {"latitude_column": "latitude", "longitude_column": "longitude"},
        },
    }
