"""The store: the only code that writes rows. Every writer (init, seed, ingest, imports)
goes through it. One module per kind of record written."""

from .articles import save_article
from .places import save_places
from .repositories import save_repositories
from .rows import SaveCounts

__all__ = ["SaveCounts", "save_article", "save_places", "save_repositories"]
