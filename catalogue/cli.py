"""The ``catalogue`` command: a thin click layer over the library."""

from __future__ import annotations

from pathlib import Path

import click

from . import __version__
from .errors import CatalogueError
from .paths import AUTHORITY_FILE

DB_HELP = "SQLite file or SQLAlchemy URL (postgresql+psycopg://…). Default: $CATALOGUE_DB or catalogue.db."


def db_option(function):
    return click.option("--db", "database", envvar="CATALOGUE_DB", metavar="PATH_OR_URL",
                        help=DB_HELP)(function)


class CatalogueGroup(click.Group):
    """Turns library errors into one clear message and exit status 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CatalogueError as error:
            for line in str(error).splitlines():
                click.echo(f"Error: {line}", err=True)
            ctx.exit(1)


@click.group(cls=CatalogueGroup)
@click.version_option(__version__, prog_name="catalogue")
def cli():
    """An archival source catalogue: which archival document stands behind which claim."""


@cli.command()
@db_option
@click.option("--authority", type=click.Path(dir_okay=False, path_type=Path), default=AUTHORITY_FILE,
              show_default=True, help="Repository authority file (YAML).")
def init(database, authority):
    """Create or upgrade a database to the latest schema and load the repository authority.

    Idempotent: running it again changes nothing that is already up to date.
    """
    from .init import initialise

    report = initialise(database, authority)
    migrated = (
        f"schema at {report.revision_after}"
        if report.revision_before == report.revision_after
        else f"schema {report.revision_before or 'empty'} → {report.revision_after}"
    )
    counts = report.repositories
    click.echo(
        f"{report.database}: {migrated}; repositories: {counts.inserted} added, "
        f"{counts.updated} updated, {counts.unchanged} unchanged, {report.repositories_total} in all"
    )


if __name__ == "__main__":
    cli()
