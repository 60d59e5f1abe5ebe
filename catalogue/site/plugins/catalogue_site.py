"""Datasette hooks of the catalogue site: search, row-page stories, fast table pages."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

from catalogue.db import register_functions
from catalogue.site.metadata import DATABASE
from catalogue.site.search import LABELS, search
from catalogue.site.story import STORIES


@hookimpl
def prepare_connection(conn):
    register_functions(conn)


@hookimpl
def extra_css_urls():
    return ["/catalogue-static/catalogue.css"]


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "row" or database != DATABASE or table not in STORIES or request is None:
        return {}

    async def story():
        try:
            row_id = int(request.url_vars["pks"])
        except (KeyError, ValueError):
            return {}
        return {"story": await STORIES[table](datasette.get_database(DATABASE), row_id)}

    return story


async def search_page(datasette, request):
    query = request.args.get("q", "").strip()
    results = await search(datasette.get_database(DATABASE), query) if query else {}
    return Response.html(await datasette.render_template(
        "search.html", {"q": query, "results": results, "labels": LABELS, "database": DATABASE},
        request=request))


@hookimpl
def register_routes():
    return [(r"^/-/search$", search_page), (r"^/$", home_page)]


def fast_table_query(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A table page's query made cheap at a million rows: it never counts every matching row
    (ask with ?_count=1), and without a filter it computes no facets (ask with ?_facet=)."""
    names = {name for name, _ in pairs}
    extra = []
    if not names & {"_nocount", "_count"}:
        extra.append(("_nocount", "1"))
    filtered = any(not name.startswith("_") or name in ("_search", "_where", "_facet") for name in names)
    if not filtered and "_nofacet" not in names:
        extra.append(("_nofacet", "1"))
    return [*pairs, *extra]


async def home_page(datasette, request):
    """The home page: search, the field's questions, where to browse — and no table counts."""
    metadata = datasette.metadata()
    return Response.html(await datasette.render_template(
        "home.html", {"queries": metadata["databases"][DATABASE]["queries"], "metadata": metadata,
                      "database": DATABASE}, request=request))


@hookimpl
def asgi_wrapper(datasette):
    """Table and view pages go through fast_table_query."""

    def wrap(app):
        async def add_nocount(scope, receive, send):
            if scope.get("type") == "http":
                parts = scope.get("path", "").strip("/").split("/")
                if len(parts) == 2 and parts[0] == DATABASE and not parts[1].startswith("-"):
                    pairs = parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True)
                    scope = dict(scope, query_string=urlencode(fast_table_query(pairs)).encode())
            await app(scope, receive, send)

        return add_nocount

    return wrap
