"""The ``catalogue`` command: a thin click layer over the library.

Options that several commands share are one decorator each, defined once below (as
sqlite-utils does), so that ``--db`` or ``--authority`` means the same everywhere:

    @cli.command()
    @db_option
    @authority_option
    def seed(database: str | None, authority: Path, files: tuple[Path, ...]) -> None: ...
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import CatalogueError, InputError
from .resources import AUTHORITY_FILE, GAZETTEER_FILE

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

    from .commands.add import WriteReport
    from .commands.ingest import IngestReport
    from .records import ArchiveRecord, DocumentRecord, Record, RecordSetRecord, WorkRecord

    # The records `catalogue add KIND` makes a flag of each field for (each has a ``help`` per field).
    AddableRecord = type[ArchiveRecord] | type[DocumentRecord] | type[RecordSetRecord] | type[WorkRecord]

# A command function, before or after click's decorators: each shared option returns it as it came.
F = TypeVar("F", bound=Callable[..., Any])

# ── Options shared by several commands ──────────────────────────────────────

DB_HELP = "SQLite file or SQLAlchemy URL (postgresql+psycopg://…). Default: $CATALOGUE_DB or catalogue.db."
BY_HELP = "Who makes this write, for the change log (default: your operating-system user)."


def db_option(function: F) -> F:
    """``--db PATH_OR_URL`` (or ``$CATALOGUE_DB``): the catalogue, passed as ``database``."""
    return click.option("--db", "database", envvar="CATALOGUE_DB", metavar="PATH_OR_URL", help=DB_HELP)(function)


def authority_option(function: F) -> F:
    """``--authority FILE``: the repository authority, passed as ``authority`` (default: the one shipped)."""
    return click.option(
        "--authority",
        type=click.Path(dir_okay=False, path_type=Path),
        default=AUTHORITY_FILE,
        show_default=True,
        help="Repository authority file (YAML).",
    )(function)


def gazetteer_option(function: F) -> F:
    """``--gazetteer FILE``: the gazetteer of places, passed as ``gazetteer`` (default: the one shipped)."""
    return click.option(
        "--gazetteer",
        type=click.Path(dir_okay=False, path_type=Path),
        default=GAZETTEER_FILE,
        show_default=True,
        help="Gazetteer of places (YAML).",
    )(function)


def by_option(function: F) -> F:
    """``--by NAME``: who makes a write, for the change log, passed as ``made_by``."""
    return click.option("--by", "made_by", metavar="NAME", help=BY_HELP)(function)


def corpus_files_argument(function: F) -> F:
    """``FILES…``: corpus files (NAME.txt beside NAME.expected.yml), passed as ``files``; none is fine."""
    return click.argument("files", nargs=-1, type=click.Path(dir_okay=False, exists=True, path_type=Path))(function)


class CatalogueGroup(click.Group):
    """Turns library errors into one clear message and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CatalogueError as error:
            for line in str(error).splitlines():
                click.echo(f"Error: {line}", err=True)
            ctx.exit(1)


@click.group(cls=CatalogueGroup)
@click.version_option(__version__, prog_name="catalogue")
def cli() -> None:
    """An archival source catalogue: which archival document stands behind which claim."""


@cli.command()
@db_option
@authority_option
@gazetteer_option
def init(database: str | None, authority: Path, gazetteer: Path) -> None:
    """Create or upgrade a database to the latest schema and load the repository authority
    and the gazetteer.

    Idempotent: running it again changes nothing that is already up to date.
    """
    from .commands.init import initialise

    report = initialise(database, authority, gazetteer)
    migrated = (
        f"schema at {report.revision_after}"
        if report.revision_before == report.revision_after
        else f"schema {report.revision_before or 'empty'} → {report.revision_after}"
    )
    counts = report.repositories
    click.echo(
        f"{report.database}: {migrated}; repositories: {counts.inserted} added, "
        f"{counts.updated} updated, {counts.unchanged} unchanged, {report.repositories_total} in all; "
        f"places: {report.places.inserted} added, {report.places.updated} updated, "
        f"{report.places.unchanged} unchanged"
    )


def _print_reports(reports: Iterable[IngestReport]) -> None:
    for report in reports:
        counts = report.counts
        click.echo(
            f"{report.source}: {counts.notes} notes, {counts.citations} citations "
            f"(+{counts.nested} works they are printed in or cited through), {counts.claims} claims, "
            f"{len(counts.documents)} documents, {len(counts.works)} works cited; back-references "
            f"{counts.resolved} resolved, {counts.unresolved} unresolved"
        )
        for warning in report.warnings:
            click.echo(f"  warning: {warning}", err=True)


@cli.command()
@db_option
@authority_option
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def seed(database: str | None, authority: Path, files: tuple[Path, ...]) -> None:
    """Load the seed articles into the catalogue (idempotent): the FILES given, or in a
    checkout the articles in seed/ (an installed package ships none)."""
    from .commands.ingest import ingest, seed_files

    paths = list(files) or seed_files()
    if not paths:
        raise click.UsageError(
            "no seed articles here (seed/*.txt is in a checkout of catalogue): give the article files to read"
        )
    _print_reports(ingest(database, paths, authority, command="seed"))


@cli.command("ingest")
@db_option
@authority_option
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def ingest_command(database: str | None, authority: Path, files: tuple[Path, ...]) -> None:
    """Read citing works (article texts) into the catalogue.

    Each text's notes, citations and claims replace those it had from an earlier ingest.
    All files are stored in one transaction: all or nothing.
    """
    from .commands.ingest import ingest

    _print_reports(ingest(database, list(files), authority))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--editors",
    "editors_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A YAML file of editors (login, name, password hash) who may sign in at /-/login and "
    "write through the desk at /-/desk. Without it the site is read-only.",
)
def serve(database: str | None, host: str, port: int, editors_file: Path | None) -> None:
    """Serve the catalogue with Datasette, under the stable name /catalogue.

    Refuses, without writing to it, a file that is not a catalogue at the latest schema.
    Sign-ins are signed with DATASETTE_SECRET, or a secret kept beside the database.
    """
    import asyncio

    import uvicorn

    from .db import resolve_url, sqlite_path
    from .errors import DatabaseError
    from .schema import require_current_file
    from .site import make_datasette

    url = resolve_url(database)
    path = sqlite_path(url)
    if path is None or not path.exists():
        raise DatabaseError(
            f"{database or path}: no such SQLite catalogue; run 'catalogue init' and "
            "'catalogue seed' first (Datasette serves SQLite files)"
        )
    require_current_file(url)
    from .site.editors import read_editors, signing_secret

    editors = read_editors(editors_file) if editors_file else []
    datasette = make_datasette(path, editors, signing_secret(path) if editors else None)
    asyncio.run(datasette.invoke_startup())
    click.echo(
        f"Serving {path} at http://{host}:{port}/catalogue"
        + (f"; {len(editors)} editor(s) may sign in at /-/login" if editors else " (read-only)"),
        err=True,
    )
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")


@cli.group()
def editors() -> None:
    """Editors of the site's desk (see `catalogue serve --editors`)."""


@editors.command("hash")
@click.password_option(help="The new editor's password (asked twice when not given).")
def editors_hash(password: str) -> None:
    """Print the hash of a new editor's password, for the editors file.

    \b
    Example (editors.yml):
      editors:
        jroe:
          name: Jane Roe
          password_hash: pbkdf2_sha256$480000$…
    """
    from datasette_auth_passwords.utils import hash_password

    click.echo(hash_password(password))


@cli.command("backup")
@db_option
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.argument("file", type=click.Path(path_type=Path))
def backup_command(database: str | None, force: bool, file: Path) -> None:
    """Copy the SQLite catalogue to FILE, consistently even while it is served or written.

    The copy is one standalone SQLite file. It is written beside FILE and renamed into
    place, so a failed backup leaves nothing half-written.
    """
    from .commands.backup import backup

    report = backup(file, database, force=force)
    click.echo(f"Copied {report.source} to {report.target} ({report.size:,} bytes)")


@cli.command("check")
@db_option
def check_command(database: str | None) -> None:
    """Check that everything derived from the tables is up to date: the search text and
    indexes, the summaries, the views. Exit status 1 when something is not; `catalogue
    rebuild` mends it (after another program wrote to the catalogue, say)."""
    from .commands.upkeep import check

    health = check(database)
    for problem in health.problems:
        click.echo(f"out of date: {problem}")
    if not health.ok:
        click.echo("run 'catalogue rebuild' to bring them up to date", err=True)
        raise SystemExit(1)
    click.echo(f"up to date: {'; '.join(health.checked)}")


@cli.command("rebuild")
@db_option
def rebuild_command(database: str | None) -> None:
    """Rebuild everything derived from the tables (search text and indexes, summaries,
    views), as after a write by another program."""
    from .commands.upkeep import rebuild

    click.echo(f"rebuilt the derived objects and the search text of {rebuild(database):,} rows")


# ── Adding records ──────────────────────────────────────────────────────────


def _print_write(report: WriteReport) -> None:
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report.dry_run:
        done = "would be written (dry run; nothing changed)"
    else:
        done = f"written as batch {report.batch_id}" if report.changed else "nothing changed"
    click.echo(f"{report.summary() or 'nothing to write'} — {done}")


@cli.command("import")
@db_option
@click.option(
    "--type",
    "kind",
    type=click.Choice(["documents", "works", "record_sets"]),
    help="What the files hold, when their names do not say (documents.csv, works.json…).",
)
@click.option("--dry-run", is_flag=True, help="Check everything and say what would change; change nothing.")
@by_option
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def import_command(
    database: str | None, kind: str | None, dry_run: bool, made_by: str | None, files: tuple[Path, ...]
) -> None:
    """Import records from CSV, JSON or Zotero CSL-JSON files: all or nothing.

    \b
    A CSV has one record a row, its header the record's fields (see the README);
    a JSON file is a list of records; a CSL-JSON file is Zotero's export.
    Every problem in every file is listed (FILE:LINE: field: problem) and nothing
    is written; importing the same file again adds nothing.

    \b
    Example:
      catalogue import seed/examples/documents.csv
    """
    from .commands.add import import_files

    bars: dict[str, ProgressBar[int]] = {}

    def progress(source: str, checked: int, total: int) -> None:
        """A progress bar for each file, made when it says how many records it holds."""
        if source not in bars:
            bars[source] = click.progressbar(length=total, label=f"Checking {Path(source).name}", file=sys.stderr)
        bar = bars[source]
        bar.update(checked - bar.pos)
        if checked == total:
            bar.render_finish()

    _print_write(import_files(database, list(files), kind, dry_run, made_by, progress=progress))


@cli.command("undo")
@db_option
@by_option
@click.argument("batch", type=int)
def undo_command(database: str | None, made_by: str | None, batch: int) -> None:
    """Undo the write BATCH (its number in the change log, the batches table): an add, an
    import or a form of the site's desk. Refused, with every reason and nothing changed, when a
    later write changed its rows or points to them (a claim resting on its document), or when
    it completed rows that were already there.

    \b
    Example:
      catalogue undo 42
    """
    from .commands.undo import undo

    report = undo(database, batch, made_by)
    click.echo(f"write {report.undone} undone ({report.summary()}), as write {report.batch_id}")


@cli.group()
def add() -> None:
    """Add one record: a document, a work, a record set, an archive or a claim."""


def _record_options(model: AddableRecord) -> Callable[[F], F]:
    """A flag for every field of a record model, with its help and example."""

    from .records.files import list_fields

    lists = list_fields(model)

    def decorate(function: F) -> F:
        for name, info in reversed(list(model.model_fields.items())):
            multiple = name in lists
            flag = "--" + (name[:-1] if multiple else name).replace("_", "-")
            function = click.option(
                flag,
                name,
                multiple=multiple,
                required=info.is_required(),
                type=int if name == "year" else str,
                help=model.help.get(name, ""),
            )(function)
        return function

    return decorate


def _add(kind: str, model: AddableRecord, database: str | None, made_by: str | None, values: dict[str, object]) -> None:
    from pydantic import ValidationError

    from .errors import InvalidInput
    from .records.files import validation_errors

    fields = {name: value for name, value in values.items() if value not in (None, ())}
    try:
        record = model.model_validate(
            {name: list(value) if isinstance(value, tuple) else value for name, value in fields.items()}
        )
    except ValidationError as error:
        raise InvalidInput(validation_errors("command line", None, error)) from None
    _added(kind, database, made_by, record)


def _added(kind: str, database: str | None, made_by: str | None, record: Record) -> None:
    from .commands.add import SINGULAR, add_record
    from .site.metadata import DATABASE

    report = add_record(database, kind, record, made_by)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    [saved] = report.reports
    row_id = saved.ids[0]
    state = "added" if saved.added else "already in the catalogue"
    click.echo(f"{SINGULAR[kind].replace('-', ' ')} {row_id} {state}: /{DATABASE}/{kind}/{row_id}")


def _add_command(kind: str, model: AddableRecord, example: str) -> click.Command:
    from .commands.add import SINGULAR

    if model.__doc__ is None:
        raise TypeError(f"{model.__name__} has no docstring: its first line is the help of 'catalogue add'")
    summary = model.__doc__.splitlines()[0]

    @add.command(SINGULAR[kind], help=f"{summary}\n\n\b\nExample:\n  {example}")
    @db_option
    @by_option
    @_record_options(model)
    def command(database: str | None, made_by: str | None, **values: object) -> None:
        _add(kind, model, database, made_by, values)

    return command


def _register_add_commands() -> None:
    from .records import ArchiveRecord, DocumentRecord, RecordSetRecord, WorkRecord

    _add_command(
        "repositories",
        ArchiveRecord,
        'catalogue add repository --acronym TNA --authorised-name "The National Archives" '
        '--country GB --city Kew --type national_archives --name "Public Record Office" --name PRO',
    )
    _add_command(
        "documents",
        DocumentRecord,
        'catalogue add document --repository SHD --reference-code "10 H 287" '
        '--date "23 septembre 1948" --title "Note sur les communistes chinois" --genre note',
    )
    _add_command(
        "works",
        WorkRecord,
        'catalogue add work --type book --title "Vietnam: State, War, and Revolution" '
        '--author "David G. Marr" --place Berkeley --publisher "University of California Press" --year 2013',
    )
    _add_command(
        "record_sets",
        RecordSetRecord,
        'catalogue add record-set --repository SHD --reference-code "10 H 287" --title "Chine, 1948"',
    )


_register_add_commands()


@add.command("claim")
@db_option
@by_option
@click.option(
    "--text",
    "claim_text",
    required=True,
    help='The claim, in your words: "Chinese advisers reached Cao Bằng in the spring of 1950."',
)
@click.option(
    "--citing-work",
    type=int,
    metavar="ID",
    help="The work that makes the claim (its number in the works table); leave out for your own research.",
)
@click.option(
    "--document",
    "documents",
    multiple=True,
    metavar="ID[:LOCATOR]",
    help='A document it rests on, with a locator: 123:"f. 12" (repeat for several).',
)
@click.option(
    "--work",
    "works",
    multiple=True,
    metavar="ID[:LOCATOR]",
    help='A published work it rests on, with a locator: 45:"p. 4" (repeat for several).',
)
def add_claim(
    database: str | None,
    made_by: str | None,
    claim_text: str,
    citing_work: int | None,
    documents: tuple[str, ...],
    works: tuple[str, ...],
) -> None:
    """A claim, with the documents and works it rests on.

    \b
    Example:
      catalogue add claim --text "Chinese advisers reached Cao Bằng in 1950." \\
        --document 5:"f. 12" --work 2:"p. 224"
    """
    from pydantic import ValidationError

    from .errors import InvalidInput
    from .records import ClaimRecord, EvidenceRecord
    from .records.files import validation_errors

    try:
        evidence = [EvidenceRecord.parse("document", value) for value in documents] + [
            EvidenceRecord.parse("work", value) for value in works
        ]
        record = ClaimRecord(text=claim_text, citing_work_id=citing_work, evidence=evidence)
    except ValidationError as error:
        raise InvalidInput(validation_errors("command line", None, error)) from None
    except ValueError as error:
        raise InvalidInput([InputError("command line", None, "evidence", str(error))]) from None
    _added("claims", database, made_by, record)


@cli.group()
def notes() -> None:
    """Read footnotes without touching a database."""


@notes.command("parse")
@click.option("--json", "as_json", is_flag=True, help="Print the parse as JSON (the notes-parse contract).")
@authority_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def notes_parse(as_json: bool, authority: Path, file: Path) -> None:
    """Parse the notes of FILE: a whole article, or notes only, one per numbered entry."""
    import json

    from .parse.contract import notes_json
    from .parse.pipeline import parse_text, read_text, settle
    from .reference.authority import RepositoryIndex, read_authority

    repositories = RepositoryIndex(read_authority(authority))
    settle()
    parsed = parse_text(read_text(file), str(file), repositories)
    for warning in parsed.article.warnings:
        click.echo(f"warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(notes_json(parsed.notes), ensure_ascii=False, indent=1))
        return
    for note in parsed.notes:
        click.echo(f"{note.number}. {note.text}")
        for citation in note.citations:
            fields = [citation.kind, citation.form]
            fields += [
                f"{name}={value!r}"
                for name in (
                    "title",
                    "date",
                    "repository",
                    "reference_code",
                    "locator",
                    "antecedent_note",
                    "unresolved_reason",
                )
                if (value := getattr(citation, name)) not in (None, "", [])
            ]
            click.echo("   - " + " ".join(fields))


@cli.command("export")
@db_option
@click.option(
    "--format",
    "export_format",
    required=True,
    type=click.Choice(["csl-json", "ric-o", "csv"]),
    help="csl-json: documents and works for Zotero, pandoc, citeproc; ric-o: archives, record "
    "sets, documents and claims as RiC-O 1.1 JSON-LD; csv: documents, with the columns "
    "'catalogue import' reads.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output."
)
def export_command(database: str | None, export_format: str, output: Path | None) -> None:
    """Write the catalogue as CSL-JSON, RiC-O JSON-LD or a CSV of documents.

    Reads the catalogue without writing to it; FILE is written only once the export is complete.
    """
    from .export import export

    text = export(database, export_format)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.FileError(str(output), hint=error.strerror) from None


@notes.command("train")
@click.option(
    "--model",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the model (default: the one the reader ships with).",
)
@corpus_files_argument
def notes_train(model: Path | None, files: tuple[Path, ...]) -> None:
    """Train the reader's learned stage (the model that fills the imprint fields the rules
    leave empty) on development corpus FILES, each with its expected parse beside it. Without
    FILES: every development corpus under ./tests/ (never a sealed one).

    \b
    Example:
      catalogue notes train tests/corpus/*.txt tests/heldout*/*.txt
    """
    from .parse.learned import MODEL, train
    from .parse.pipeline import settle
    from .parse.scoring import corpus_files, training_examples

    files = files or corpus_files(sealed=False)
    if not files:
        raise click.UsageError("no corpus file given, and none under ./tests/ (NAME.txt beside NAME.expected.yml)")
    settle()
    try:
        count = train(training_examples(list(files)), model or MODEL)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"{model or MODEL}: trained on {count} published references from {len(files)} files")


@notes.command("score")
@click.option("--fields", "by_field", is_flag=True, help="Also print each field's figure.")
@click.option("--misses", is_flag=True, help="Also print every check the reader got wrong.")
@corpus_files_argument
def notes_score(by_field: bool, misses: bool, files: tuple[Path, ...]) -> None:
    """Score the reader on corpus FILES, each with its expected parse beside it
    (NAME.expected.yml): the share of notes with the right number of citations and of
    fields read right, file by file, and over all. Without FILES: every corpus under
    ./tests/ (a file in a folder named "sealed" is marked: its first blind score, in that
    folder's README, is the estimate on unseen notes).

    \b
    Example:
      catalogue notes score --fields tests/corpus/*.txt tests/sealed/*.txt
    """
    from .parse.pipeline import settle
    from .parse.scoring import Score, corpus_files, score_file
    from .reference.authority import RepositoryIndex, read_authority
    from .resources import AUTHORITY_FILE

    files = files or corpus_files()
    if not files:
        raise click.UsageError("no corpus file given, and none under ./tests/ (NAME.txt beside NAME.expected.yml)")
    repositories = RepositoryIndex(read_authority(AUTHORITY_FILE))
    settle()
    total = Score()
    for path in files:
        result = score_file(path, repositories)
        sealed = " (sealed)" if path.parent.name == "sealed" else ""
        click.echo(
            f"{path}{sealed}: notes {result.note_accuracy:.3f} ({result.notes_with_right_count}/{result.notes}), "
            f"fields {result.accuracy():.3f} ({sum(result.right.values())}/{sum(result.fields.values())})"
        )
        if by_field:
            for name in sorted(result.fields):
                click.echo(f"  {name}: {result.accuracy(name):.3f} ({result.right[name]}/{result.fields[name]})")
        if misses:
            for miss in result.misses:
                click.echo(f"  miss: {miss}")
        total.notes += result.notes
        total.notes_with_right_count += result.notes_with_right_count
        total.fields.update(result.fields)
        total.right.update(result.right)
    click.echo(f"all: notes {total.note_accuracy:.3f}, fields {total.accuracy():.3f}")


if __name__ == "__main__":
    cli()
