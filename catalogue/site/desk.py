"""The editor's desk: the site's write routes, each a form through the same checks as
``catalogue add`` (the record models and the store's writers), each write one batch of the
change log under the signed-in editor's login.

Every route asks for the desk's own permission (``catalogue-edit``, granted to actors with
the editor role by the site's plugin) before anything else and answers 403 otherwise, so a
site served without editors is read-only by construction. Datasette checks the CSRF token of
every form posted with cookies; what editors type is shown as text (templates escape it).
"""

from __future__ import annotations

import asyncio

from datasette.utils.asgi import Response
from pydantic import ValidationError

from .. import vocabularies as v
from ..adding import add_record
from ..errors import InvalidInput
from ..importing import validation_errors
from ..records import DocumentRecord
from .editors import EDIT
from .metadata import DATABASE

DOCUMENT_FIELDS = ("repository", "reference_code", "title", "title_translated", "date", "genre", "language",
                   "file_title", "authors", "sender", "recipient", "description", "printed_in")
MULTIPLE = {"authors"}  # one per line in the form


async def refused(datasette, request) -> Response | None:
    """A 403 page unless the request comes from a signed-in editor."""
    if await datasette.permission_allowed(request.actor, EDIT, default=False):
        return None
    return Response.html(await datasette.render_template(
        "desk_refused.html", {"signed_in": request.actor is not None}, request=request), status=403)


async def desk_page(datasette, request):
    """/-/desk: what an editor can do."""
    return await refused(datasette, request) or Response.html(
        await datasette.render_template("desk.html", {"database": DATABASE}, request=request))


def document_record(values: dict[str, str]) -> tuple[DocumentRecord | None, dict[str | None, list[str]]]:
    """The record a filled form describes, or the problems with it by field (None: the form as
    a whole).

    >>> document_record({"repository": "SHD", "reference_code": "10 H 287"})[0].reference_code
    '10 H 287'
    >>> document_record({"title": "Note"})[1]
    {None: ['a document needs the archive holding it (repository), or the work it is printed in or known through (printed_in)']}
    """
    fields: dict = {}
    for name, value in values.items():
        if name in MULTIPLE:
            items = [line.strip() for line in value.splitlines() if line.strip()]
            if items:
                fields[name] = items
        elif value.strip():
            fields[name] = value.strip()
    try:
        return DocumentRecord(**fields), {}
    except ValidationError as error:
        problems = problems_by_field(validation_errors("form", None, error))
    # The record's own checks (an archive or an edition; a title or a code) run only once its
    # fields are valid: run them again without the fields at fault, to show every problem at once.
    valid = {name: value for name, value in fields.items() if name not in problems}
    try:
        DocumentRecord(**valid)
    except ValidationError as error:
        for field, messages in problems_by_field(validation_errors("form", None, error)).items():
            problems.setdefault(field, []).extend(m for m in messages if m not in problems.get(field, []))
    return None, problems


def problems_by_field(errors) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for error in errors:
        field = error.field.split(".")[0] if error.field else None
        found.setdefault(field if field in DOCUMENT_FIELDS else None, []).append(error.message)
    return found


async def add_document_page(datasette, request):
    """/-/desk/add-document: a form for one archival document; a duplicate is shown with its
    link, never added twice."""
    if (answer := await refused(datasette, request)) is not None:
        return answer
    values = {name: "" for name in DOCUMENT_FIELDS}
    problems: dict[str | None, list[str]] = {}
    duplicate = None
    if request.method == "POST":
        form = await request.post_vars()
        values = {name: form.get(name, "") for name in DOCUMENT_FIELDS}
        record, problems = document_record(values)
        if record is not None:
            database = datasette.get_database(DATABASE)
            try:
                report = await asyncio.to_thread(add_record, database.path, "documents", record,
                                                 request.actor["id"], "desk: add document")
            except InvalidInput as error:
                problems = problems_by_field(error.errors)
            else:
                [saved] = report.reports
                url = datasette.urls.row(DATABASE, "documents", saved.ids[0])
                if saved.added:
                    return Response.redirect(url)
                duplicate = url
    repositories = await datasette.get_database(DATABASE).execute(
        "select acronym, authorised_name from repositories order by acronym")
    return Response.html(await datasette.render_template("desk_document.html", {
        "values": values, "problems": problems, "duplicate": duplicate, "genres": v.DOCUMENT_GENRES,
        "help": DocumentRecord.help, "repositories": [tuple(row) for row in repositories.rows],
    }, request=request), status=400 if problems else 200)


ROUTES = [(r"^/-/desk$", desk_page), (r"^/-/desk/add-document$", add_document_page)]
