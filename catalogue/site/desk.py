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
from collections.abc import Callable
from typing import TYPE_CHECKING

from datasette.utils.asgi import Request, Response
from pydantic import ValidationError

from .. import vocabularies as v
from ..commands.add import add_record
from ..commands.correct import correct_citation, mark_reviewed
from ..commands.undo import UndoRefused, undo
from ..errors import InvalidInput
from ..records import ClaimRecord, DocumentRecord, EvidenceRecord, Record
from ..records.files import validation_errors
from ..store.corrections import SET_ASIDE
from ..vocabularies import CITATION_KINDS
from .editors import EDIT
from .metadata import DATABASE

if TYPE_CHECKING:  # datasette.app imports its plugins, this module among them
    from datasette.app import Datasette

DOCUMENT_FIELDS = tuple(DocumentRecord.model_fields)  # the form's fields are the record's
MULTIPLE = {"authors"}  # one per line in the form


async def refused(datasette: Datasette, request: Request) -> Response | None:
    """A 403 page unless the request comes from a signed-in editor."""
    if await datasette.permission_allowed(request.actor, EDIT, default=False):
        return None
    return Response.html(
        await datasette.render_template("desk_refused.html", {"signed_in": request.actor is not None}, request=request),
        status=403,
    )


async def archive_names(datasette: Datasette) -> list[tuple[str, str]]:
    """Every archive as an archive field suggests it: (the name the catalogue gives it, its
    authorised name), for a datalist."""
    rows = await datasette.get_database(DATABASE).execute(
        "select coalesce(acronym, authorised_name), authorised_name from repositories order by 1"
    )
    return [tuple(row) for row in rows.rows]


async def desk_page(datasette: Datasette, request: Request) -> Response:
    """/-/desk: what an editor can do."""
    return await refused(datasette, request) or Response.html(
        await datasette.render_template("desk.html", {"database": DATABASE}, request=request)
    )


def document_record(values: dict[str, str]) -> tuple[DocumentRecord | None, dict[str | None, list[str]]]:
    """The record a filled form describes, or the problems with it by field (None: the form as
    a whole).

    >>> document_record({"repository": "SHD", "reference_code": "10 H 287"})[0].reference_code
    '10 H 287'
    >>> problems = document_record({"title": "Note"})[1]
    >>> list(problems)
    [None]
    >>> problems[None]
    ['a document needs the archive holding it (repository), or the work it is printed in or known through (printed_in)']
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


def problems_by_field(errors, fields: tuple[str, ...] = DOCUMENT_FIELDS) -> dict[str | None, list[str]]:
    """Problems by the form field they concern (None: the form as a whole)."""
    found: dict[str | None, list[str]] = {}
    for error in errors:
        field = error.field.split(".")[0] if error.field else None
        found.setdefault(field if field in fields else None, []).append(error.message)
    return found


CLAIM_FIELDS = ("text", "citing_work", "documents", "works")


def claim_record(values: dict[str, str]) -> tuple[ClaimRecord | None, dict[str | None, list[str]]]:
    """The claim a filled form describes: its text, the citing work's number (empty for one's
    own research), and what it rests on, one "NUMBER:LOCATOR" per line for documents and for
    works.

    >>> claim_record({"text": "Advisers reached Cao Bằng.", "documents": "5:f. 12", "works": ""})[0].evidence
    [EvidenceRecord(document_id=5, work_id=None, locator='f. 12')]
    >>> claim_record({"text": "", "documents": "five", "works": ""})[1]["documents"]
    ["'five': write the document's number, then a colon and the locator: 123:f. 12"]
    """
    problems: dict[str | None, list[str]] = {}
    evidence = []
    for kind, name in (("document", "documents"), ("work", "works")):
        for line in (values.get(name) or "").splitlines():
            if line.strip():
                try:
                    evidence.append(EvidenceRecord.parse(kind, line.strip()))
                except (ValueError, ValidationError) as error:
                    message = error.errors()[0]["msg"] if isinstance(error, ValidationError) else str(error)
                    problems.setdefault(name, []).append(message.removeprefix("Value error, "))
    citing = (values.get("citing_work") or "").strip()
    if citing and not citing.isdigit():
        problems.setdefault("citing_work", []).append("the citing work's number in the works table, or empty")
    if not (values.get("text") or "").strip():
        problems.setdefault("text", []).append("the claim, in your words")
    if not evidence and "documents" not in problems and "works" not in problems:
        problems.setdefault(None, []).append("a claim rests on at least one document or work")
    if problems:
        return None, problems
    try:
        return ClaimRecord(
            text=values["text"].strip(), citing_work_id=int(citing) if citing else None, evidence=evidence
        ), {}
    except ValidationError as error:
        return None, problems_by_field(validation_errors("form", None, error), CLAIM_FIELDS)


async def _form_page(
    datasette: Datasette,
    request: Request,
    *,
    kind: str,
    fields: tuple[str, ...],
    read: Callable[[dict[str, str]], tuple[Record | None, dict[str | None, list[str]]]],
    template: str,
    command: str,
    context: dict,
) -> Response:
    """A desk form: refused to all but editors; on a post, the record read from the form,
    written as one batch under the editor's login, and the new row shown; otherwise the form
    again with every problem beside its field and what was typed kept."""
    if (answer := await refused(datasette, request)) is not None:
        return answer
    values = {name: request.args.get(name, "") for name in fields}
    problems: dict[str | None, list[str]] = {}
    duplicate = None
    if request.method == "POST":
        form = await request.post_vars()
        values = {name: form.get(name, "") for name in fields}
        record, problems = read(values)
        if record is not None:
            database = datasette.get_database(DATABASE)
            try:
                report = await asyncio.to_thread(add_record, database.path, kind, record, request.actor["id"], command)
            except InvalidInput as error:
                problems = problems_by_field(error.errors, fields)
            else:
                [saved] = report.reports
                url = datasette.urls.row(DATABASE, kind, saved.ids[0])
                if saved.added:
                    return Response.redirect(url)
                duplicate = url
    return Response.html(
        await datasette.render_template(
            template,
            {
                "values": values,
                "problems": problems,
                "duplicate": duplicate,
                "database": DATABASE,
                **context,
            },
            request=request,
        ),
        status=400 if problems else 200,
    )


async def add_document_page(datasette: Datasette, request: Request) -> Response:
    """/-/desk/add-document: a form for one archival document; a duplicate is shown with its
    link, never added twice."""
    return await _form_page(
        datasette,
        request,
        kind="documents",
        fields=DOCUMENT_FIELDS,
        read=document_record,
        template="desk_document.html",
        command="desk: add document",
        context={
            "genres": v.DOCUMENT_GENRES,
            "help": DocumentRecord.help,
            "repositories": await archive_names(datasette),
        },
    )


async def add_claim_page(datasette: Datasette, request: Request) -> Response:
    """/-/desk/add-claim: a claim and the documents and works it rests on (?documents=12 fills
    in a document just added)."""
    return await _form_page(
        datasette,
        request,
        kind="claims",
        fields=CLAIM_FIELDS,
        read=claim_record,
        template="desk_claim.html",
        command="desk: add claim",
        context={},
    )


async def undo_page(datasette: Datasette, request: Request) -> Response:
    """/-/desk/undo (posted): undo one write of the change log, as ``catalogue undo`` does; the
    refusal, with its reasons, is shown on the desk."""
    if (answer := await refused(datasette, request)) is not None:
        return answer
    if request.method != "POST":
        return await desk_page(datasette, request)
    form = await request.post_vars()
    number = (form.get("batch") or "").strip()
    problem = None
    if not number.isdigit():
        problem = "write the number of the write to undo (its number in the change log)"
    else:
        try:
            report = await asyncio.to_thread(
                undo, datasette.get_database(DATABASE).path, int(number), request.actor["id"]
            )
        except UndoRefused as error:
            problem = str(error)
        else:
            return Response.redirect(datasette.urls.row(DATABASE, "batches", report.batch_id))
    return Response.html(
        await datasette.render_template(
            "desk.html", {"database": DATABASE, "undo_problem": problem, "undo_value": number}, request=request
        ),
        status=400,
    )


CORRECTED = ("kind", "locator", "antecedent_note", "archive", "reference_code", "date", "title", "not_a_citation")
CITATION_SQL = """
select c.id, c.text, c.kind, c.locator, n.number as note, n.id as note_id, n.work_id, w.title as work,
       (select n2.number from citations a join notes n2 on n2.id = a.note_id where a.id = c.antecedent_id)
         as antecedent_note,
       coalesce(r.acronym, r.authorised_name) as archive, d.reference_code,
       coalesce(d.date_as_written, d.date_edtf) as date, d.title, null as not_a_citation
from citations c join notes n on n.id = c.note_id join works w on w.id = n.work_id
left join documents d on d.id = c.document_id left join repositories r on r.id = d.repository_id
where c.id = :id
"""


async def correct_citation_page(datasette: Datasette, request: Request) -> Response:
    """/-/desk/correct-citation?citation=ID: correct what the reader read in one citation (its
    kind, locator, the note its back-reference points to; the archive, reference code, date and
    title of the document it cites; or that it is no citation at all); the correction is kept
    and applied again whenever the article is ingested again."""
    if (answer := await refused(datasette, request)) is not None:
        return answer
    database = datasette.get_database(DATABASE)
    form = await request.post_vars() if request.method == "POST" else {}
    number = (form.get("citation") or request.args.get("citation") or "").strip()
    rows = await database.execute(CITATION_SQL, {"id": int(number) if number.isdigit() else -1})
    if not rows.rows:
        return Response.html(
            await datasette.render_template(
                "error.html",
                {
                    "ok": False,
                    "error": f"No citation {number!r}: open this form from a citation's link.",
                    "status": 404,
                    "title": "No such citation",
                },
                request=request,
            ),
            status=404,
        )
    citation = dict(rows.rows[0])
    values = {name: "" if citation[name] is None else str(citation[name]) for name in CORRECTED}
    problems: dict[str | None, list[str]] = {}
    if request.method == "POST":
        values = {name: form.get(name, values[name]) for name in CORRECTED}  # a field not sent is not changed
        try:
            await asyncio.to_thread(
                correct_citation,
                database.path,
                citation["id"],
                {name: form[name] for name in CORRECTED if name in form},
                request.actor["id"],
                "desk: correct citation",
            )
        except InvalidInput as error:
            problems = problems_by_field(error.errors, CORRECTED)
        else:
            if form.get("not_a_citation"):  # its row is gone: back to its note
                return Response.redirect(datasette.urls.row(DATABASE, "notes", citation["note_id"]))
            return Response.redirect(datasette.urls.row(DATABASE, "citations", citation["id"]))
    return Response.html(
        await datasette.render_template(
            "desk_correct.html",
            {
                "citation": citation,
                "values": values,
                "problems": problems,
                "kinds": CITATION_KINDS,
                "database": DATABASE,
                "set_aside": SET_ASIDE,
                "repositories": await archive_names(datasette),
            },
            request=request,
        ),
        status=400 if problems else 200,
    )


REVIEW_SQL = """
select q.work_id, q.citing_work, q.note_number, q.note_id, q.citation_id, c.position, q.problem, q.citation_text,
       r.made_by as reviewed_by, r.created_at as reviewed_at
from review_queue q left join citations c on c.id = q.citation_id
left join (select v.work_id, v.note_number, v.position, b.made_by, b.created_at from reviews v
           join batches b on b.id = v.batch_id) r
  on r.work_id = q.work_id and r.note_number = q.note_number and coalesce(r.position, 0) = coalesce(c.position, 0)
where :all or r.made_by is null
order by q.work_id, q.note_number, c.position
limit 200
"""


async def review_page(datasette: Datasette, request: Request) -> Response:
    """/-/desk/review: the notes and citations the reader could not place or resolve, each with
    its reason, a link to correct it and "mark reviewed" (?all=1: the reviewed ones too)."""
    if (answer := await refused(datasette, request)) is not None:
        return answer
    problem = None
    if request.method == "POST":
        form = await request.post_vars()
        try:
            position = form.get("position") or ""
            await asyncio.to_thread(
                mark_reviewed,
                datasette.get_database(DATABASE).path,
                int(form["work_id"]),
                int(form["note_number"]),
                int(position) if position.isdigit() else None,
                form.get("problem", ""),
                request.actor["id"],
                "desk: mark reviewed",
            )
        except (KeyError, ValueError):
            problem = "mark an item from its own button"
        except InvalidInput as error:
            problem = str(error)
        else:
            return Response.redirect(datasette.urls.instance() + "-/desk/review")
    show_all = request.args.get("all") == "1"
    rows = await datasette.get_database(DATABASE).execute(REVIEW_SQL, {"all": show_all})
    return Response.html(
        await datasette.render_template(
            "desk_review.html",
            {
                "items": [dict(row) for row in rows.rows],
                "show_all": show_all,
                "problem": problem,
                "database": DATABASE,
            },
            request=request,
        ),
        status=400 if problem else 200,
    )


ROUTES = [
    (r"^/-/desk$", desk_page),
    (r"^/-/desk/add-document$", add_document_page),
    (r"^/-/desk/add-claim$", add_claim_page),
    (r"^/-/desk/undo$", undo_page),
    (r"^/-/desk/correct-citation$", correct_citation_page),
    (r"^/-/desk/review$", review_page),
]
