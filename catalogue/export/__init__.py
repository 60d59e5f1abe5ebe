"""Writing the catalogue in other formats: CSL-JSON for reference managers, RiC-O JSON-LD for
archival linked data, CSV of documents for spreadsheets and ``catalogue import``.

    database ─► rows (plain dicts) ─► csl | rico | tables ─► text

``rows`` is the only module that reads the database; the formats are pure functions.
"""

from __future__ import annotations

import json

from sqlalchemy.engine import URL

FORMATS = ("csl-json", "ric-o", "csv")


def export(target: str | URL | None, format: str) -> str:
    """The catalogue at ``target`` as text in ``format`` (one of FORMATS)."""
    from .rows import read_catalogue

    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: one of {', '.join(FORMATS)}")
    catalogue = read_catalogue(target)
    if format == "csl-json":
        from .csl import csl_items

        return json.dumps(csl_items(catalogue.documents, catalogue.works), ensure_ascii=False, indent=1) + "\n"
    if format == "ric-o":
        from .rico import rico_jsonld

        return rico_jsonld(catalogue) + "\n"
    from .tables import documents_csv

    return documents_csv(catalogue.documents)
