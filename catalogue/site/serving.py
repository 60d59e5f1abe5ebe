"""Serving a catalogue database with the site, as ``catalogue serve`` does: always under the
name ``catalogue`` (so that URLs such as /catalogue/claims/12 stay stable and citable), with
the settings of site.yml, the editors who may sign in, and lookups Datasette would otherwise
repeat on every page. The site itself (hooks, metadata, templates, static files) is the
plugin (plugin/), which Datasette loads through catalogue's ``datasette`` entry point."""

from __future__ import annotations

from pathlib import Path

from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

from ..searchable import SEARCHABLE
from . import plugin
from .editors import auth_config
from .metadata import DATABASE, settings

FTS5_SHADOWS = ("data", "idx", "content", "docsize", "config")
SHADOW_TABLES = frozenset(
    f"{index}_{suffix}" for item in SEARCHABLE for index in (item.fts, item.words) for suffix in FTS5_SHADOWS
)


class PluginNotRegistered(RuntimeError):
    """The site's plugin is not among Datasette's: catalogue was imported, not installed."""


class CatalogueDatabase(Database):
    """The catalogue's SQLite file, as the site lists it: the search indexes' shadow tables
    (their storage, nothing to browse) are left out of its tables, and the database page does
    not count every table on each visit (at a million documents, 5 ms a table for numbers the
    home page does not show); a table's page counts on request (?_count=1)."""

    async def table_names(self):
        return [name for name in await super().table_names() if name not in SHADOW_TABLES]

    async def table_counts(self, limit=10):
        return {table: None for table in await self.table_names()}


class CatalogueDatasette(Datasette):
    """Datasette with its metadata looked up once per question. The site's metadata is built
    once at start (from the models) and never changes while it runs, but Datasette merges
    (and for permissions deep-copies) the whole of it again on every lookup, several times a
    page: milliseconds each, with every column of every table described."""

    def metadata(self, key=None, database=None, table=None, fallback=True):
        memo = self.__dict__.setdefault("_metadata_memo", {})
        asked = (key, database, table, fallback)
        if asked not in memo:
            memo[asked] = super().metadata(key=key, database=database, table=table, fallback=fallback)
        value = memo[asked]
        return dict(value) if isinstance(value, dict) else value

    async def permission_allowed(self, actor, action, resource=None, default=False):
        """An anonymous reader's view-* permissions, answered once each: they follow from the
        static metadata alone (no plugin of this site decides permissions), and Datasette would
        otherwise look each table up in sqlite_master on every page."""
        if actor is not None or not action.startswith("view-"):
            return await super().permission_allowed(actor, action, resource, default)
        memo = self.__dict__.setdefault("_permission_memo", {})
        asked = (action, resource, default)
        if asked not in memo:
            memo[asked] = await super().permission_allowed(actor, action, resource, default)
        return memo[asked]

    def _table_permission_allows(self, database, table):
        """The allow blocks of a table, from the same static metadata (Datasette deep-copies
        all of it for each table it checks)."""
        memo = self.__dict__.setdefault("_allows_memo", {})
        if (database, table) not in memo:
            memo[(database, table)] = super()._table_permission_allows(database, table)
        return list(memo[(database, table)])


def make_datasette(path: Path | str, editors: list | None = None, secret: str | None = None) -> Datasette:
    """A Datasette instance serving the SQLite file at ``path`` as ``catalogue``; ``editors``
    (site/editors.py) may sign in at /-/login and write through the desk (/-/desk). The
    metadata, templates and static files come from the plugin, as with plain
    ``datasette catalogue.db``: only what that command cannot know is passed here."""
    if not pm.is_registered(plugin):
        raise PluginNotRegistered(
            "catalogue's Datasette plugin is not registered: install catalogue (make serve, or pip install -e .)"
        )
    metadata = {"plugins": {"datasette-auth-passwords": auth_config(editors)}} if editors else {}
    datasette = CatalogueDatasette(metadata=metadata, secret=secret, settings=settings())
    datasette.remove_database("_memory")
    datasette.add_database(CatalogueDatabase(datasette, path=str(path), is_mutable=True), name=DATABASE)
    return datasette
