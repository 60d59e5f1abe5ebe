"""The catalogue site as a Datasette plugin: its metadata, search, row-page stories, fast
table pages, and the templates/ and static/ folders beside this module (Datasette serves a
plugin package's folders). Loaded through catalogue's ``datasette`` entry point, so plain
``datasette catalogue.db`` gets the same site as ``catalogue serve``."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from ...derive import VIEWS
from ...derive.functions import register_functions
from ..desk import ROUTES as DESK_ROUTES
from ..editors import EDIT, is_editor
from ..metadata import DATABASE, build_metadata, country_name
from ..search import LABELS, PER_KIND, search
from ..story import STORIES, STORY_ROW

# The name Datasette serves this plugin's static/ under: its distribution's.
DISTRIBUTION = "catalogue"


@lru_cache(maxsize=1)
def site_metadata() -> dict:
    """The site's metadata (metadata.py), built once: it never changes while the site runs."""
    return build_metadata()


@hookimpl
def get_metadata():
    """Titles, descriptions, facets and canned queries of the ``catalogue`` database. A copy:
    Datasette merges the other metadata (the editors' sign-in, say) into what hooks return."""
    return copy.deepcopy(site_metadata())


@hookimpl
def prepare_connection(conn):
    register_functions(conn)


# The table an id column of a view or canned query points to.
ID_COLUMNS = {
    "claim_id": "claims",
    "note_id": "notes",
    "citation_id": "citations",
    "document_id": "documents",
    "work_id": "works",
    "cited_work_id": "works",
    "via_work_id": "works",
    "repository_id": "repositories",
    "record_set_id": "record_sets",
    "batch_id": "batches",
}
VIEW_NAMES = {view.name for view in VIEWS}


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Every id in a view or a canned query's result is a link to its row page (tables link
    their own keys already)."""
    if database != DATABASE or column not in ID_COLUMNS or not isinstance(value, int):
        return None
    if table is not None and table not in VIEW_NAMES and column != "batch_id":  # not a foreign key: link it
        return None
    url = datasette.urls.row(DATABASE, ID_COLUMNS[column], value)
    return Markup(f'<a href="{escape(url)}">{value}</a>')


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(DISTRIBUTION, "catalogue.css")]


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "row" or database != DATABASE or table not in STORIES or request is None:
        return {}

    async def story():
        try:
            row_id = int(request.url_vars["pks"])
        except (KeyError, ValueError):
            return {}
        db = datasette.get_database(DATABASE)
        told = await STORIES[table](db, row_id)
        made = await db.execute(
            f"select b.id, b.made_by, b.command, b.created_at from [{table}] t "
            "join batches b on b.id = t.batch_id where t.id = :id",
            {"id": row_id},
        )
        return {
            "story": {
                **told,
                "found": told.get(STORY_ROW[table]) is not None,
                "made_by": dict(made.rows[0]) if made.rows else None,
            }
        }

    return story


async def search_page(datasette, request):
    query = request.args.get("q", "").strip()
    results = await search(datasette.get_database(DATABASE), query) if query else {}
    return Response.html(
        await datasette.render_template(
            "search.html",
            {"q": query, "results": results, "labels": LABELS, "database": DATABASE, "per_kind": PER_KIND},
            request=request,
        )
    )


async def search_json(datasette, request):
    """/-/search.json?q=…&kinds=documents,works: the search box's results as JSON (the claim
    form's source picker reads it): per kind, each hit's id, the text shown and its context."""
    query = request.args.get("q", "").strip()
    kinds = [kind for kind in request.args.get("kinds", "").split(",") if kind in LABELS] or list(LABELS)
    results = await search(datasette.get_database(DATABASE), query) if query else {}
    return Response.json(
        {
            "q": query,
            "results": {
                kind: [{"id": hit.id, "text": hit.text, "context": hit.context} for hit in results.get(kind, [])]
                for kind in kinds
            },
        }
    )


async def note_page(datasette, request):
    """/-/note/WORK/NUMBER: the stable address of a note, by its citing work and number (a
    note's own id changes when its work is read again)."""
    work_id, number = int(request.url_vars["work_id"]), int(request.url_vars["number"])
    rows = await datasette.get_database(DATABASE).execute(
        "select id from notes where work_id = :work and number = :number order by position limit 1",
        {"work": work_id, "number": number},
    )
    if not rows.rows:
        return Response.html(
            await datasette.render_template(
                "error.html",
                {"ok": False, "error": f"Work {work_id} has no note {number}.", "status": 404, "title": "No such note"},
                request=request,
            ),
            status=404,
        )
    return Response.redirect(datasette.urls.row(DATABASE, "notes", rows.rows[0][0]))


@hookimpl
def register_routes():
    return [
        (r"^/-/search$", search_page),
        (r"^/-/search\.json$", search_json),
        (r"^/$", home_page),
        (r"^/-/note/(?P<work_id>\d+)/(?P<number>\d+)$", note_page),
        *DESK_ROUTES,
    ]


@hookimpl
def permission_allowed(actor, action):
    """The desk's own permission: granted to signed-in editors, refused to everyone else."""
    if action == EDIT:
        return is_editor(actor)
    return None


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["country"] = country_name


def fast_table_query(pairs: list[tuple[str, str]], default_columns: Sequence[str] = ()) -> list[tuple[str, str]]:
    """A table page's query made cheap at a million rows and readable: it never counts every
    matching row (ask with ?_count=1), without a filter it computes no facets (ask with
    ?_facet=), and it opens on the columns a reader needs (ask for others with ?_col=)."""
    names = {name for name, _ in pairs}
    extra = []
    if not names & {"_nocount", "_count"}:
        extra.append(("_nocount", "1"))
    filtered = any(not name.startswith("_") or name in ("_search", "_where", "_facet") for name in names)
    if not filtered and "_nofacet" not in names:
        extra.append(("_nofacet", "1"))
    if default_columns and not names & {"_col", "_nocol"}:
        sorted_by = [value for name, value in pairs if name in ("_sort", "_sort_desc")]
        columns = dict.fromkeys([*default_columns, *sorted_by])  # paging needs the sort column
        extra.extend(("_col", column) for column in columns)
    return [*pairs, *extra]


async def home_page(datasette, request):
    """The home page: search, the field's questions, where to browse — and no table counts."""
    metadata = datasette.metadata()
    return Response.html(
        await datasette.render_template(
            "home.html",
            {"queries": metadata["databases"][DATABASE]["queries"], "metadata": metadata, "database": DATABASE},
            request=request,
        )
    )


@hookimpl
def asgi_wrapper(datasette):
    """Table and view pages go through fast_table_query; HTML pages open on default columns."""
    tables = datasette.metadata()["databases"][DATABASE]["tables"]

    def wrap(app):
        async def add_nocount(scope, receive, send):
            if scope.get("type") == "http":
                parts = scope.get("path", "").strip("/").split("/")
                if len(parts) == 2 and parts[0] == DATABASE and not parts[1].startswith("-"):
                    pairs = parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True)
                    html = "." not in parts[1] and not any(name == "_format" for name, _ in pairs)
                    table = tables.get(parts[1], {})
                    columns = (
                        [*table["default_columns"], *filter(None, (table.get("sort"), table.get("sort_desc")))]
                        if html and table.get("default_columns")
                        else []
                    )
                    scope = dict(scope, query_string=urlencode(fast_table_query(pairs, columns)).encode())
            await app(scope, receive, send)

        return add_nocount

    return wrap


@hookimpl
def extra_body_script(view_name):
    """On table pages, the column descriptions fold away under the table's description (they
    also show in each column's menu)."""
    if view_name != "table":
        return None
    return """
document.querySelectorAll("dl.column-descriptions").forEach(function (list) {
  var details = document.createElement("details");
  details.className = "column-descriptions-folded";
  var summary = document.createElement("summary");
  summary.textContent = "What each column means";
  details.appendChild(summary);
  list.parentNode.insertBefore(details, list);
  details.appendChild(list);
});
"""
