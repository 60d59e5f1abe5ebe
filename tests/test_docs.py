"""The README cannot drift from the code, as sqlite-utils tests its own docs:

- every ``catalogue`` command and subcommand has a row in the README's command reference,
  and that row names every one of its options (and no option or command that does not exist);
- every module under catalogue/ is in the README's table of where things live: a top-level
  module as its own row (``catalogue/text.py``), a subpackage as a row (``catalogue/store/``)
  that names each of its modules (``documents``, or ``metadata.py``);
- every canned query and every view of the site is described where the site shows it
  (title, description, what each parameter accepts) and named in the README.

Each test is parametrized, so a failure names the command, option, module, query or view
the README is missing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest

from catalogue import derive
from catalogue.cli import cli
from catalogue.site.metadata import DATABASE, build_metadata

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "catalogue"
README = (ROOT / "README.md").read_text(encoding="utf-8")


# ── Reading the README ──────────────────────────────────────────────────────


def section(markdown: str, heading: str) -> str:
    """The text under ``## heading``, up to the next heading of the same level ("" without one).

    >>> section("## A\\none\\n## B\\ntwo\\n", "A")
    'one\\n'
    """
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    return found.group(1) if found else ""


def table_rows(text: str) -> dict[str, list[str]]:
    """A Markdown table's rows by their first cell (its backticks taken off), each row's other cells.

    >>> table_rows("| path | what |\\n| --- | --- |\\n| `a/` | `b`, `c` |\\n")
    {'a/': ['`b`, `c`']}
    """
    rows = {}
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if set(cells[0]) <= set("-: "):
            continue
        rows[cells[0].strip("`")] = cells[1:]
    rows.pop(next(iter(rows), ""), None)  # the header
    return rows


def quoted(text: str) -> set[str]:
    """Everything written in backticks.

    >>> sorted(quoted("`--db`, `-o`, `--output`: see `catalogue check`"))
    ['--db', '--output', '-o', 'catalogue check']
    """
    return set(re.findall(r"`([^`]+)`", text))


@pytest.mark.parametrize("heading", ["Commands", "Where things live", "The site"])
def test_the_readme_has_the_sections_these_tests_read(heading):
    assert section(README, heading).strip(), f"README.md has no section '## {heading}'"


# ── Every command and option ────────────────────────────────────────────────


def commands(command: click.Command = cli, path: tuple[str, ...] = ("catalogue",)):
    """(full name, command) of the command and of every command under it, depth first."""
    yield " ".join(path), command
    if isinstance(command, click.Group):
        for name, subcommand in sorted(command.commands.items()):
            yield from commands(subcommand, (*path, name))


def options(command: click.Command) -> list[str]:
    """Every flag of a command's options (``-o`` and ``--output`` alike), without ``--help``."""
    return [flag for param in command.params if isinstance(param, click.Option) for flag in param.opts]


COMMANDS = dict(commands())
COMMAND_OPTIONS = [(name, flag) for name, command in COMMANDS.items() for flag in options(command)]
REFERENCE = table_rows(section(README, "Commands"))


def test_the_walk_finds_nested_commands_and_their_options():
    assert {"catalogue", "catalogue init", "catalogue add document", "catalogue notes parse"} <= set(COMMANDS)
    assert ("catalogue export", "-o") in COMMAND_OPTIONS and ("catalogue export", "--output") in COMMAND_OPTIONS
    assert ("catalogue add work", "--author") in COMMAND_OPTIONS
    assert not [flag for _, flag in COMMAND_OPTIONS if flag == "--help"]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_a_row_in_the_readme(name):
    assert name in REFERENCE, f"README.md's command reference (## Commands) has no row for `{name}`"
    assert any(cell.strip() for cell in REFERENCE[name]), f"`{name}`: its row says nothing"


@pytest.mark.parametrize(("name", "flag"), COMMAND_OPTIONS, ids=[" ".join(pair) for pair in COMMAND_OPTIONS])
def test_every_option_is_named_in_its_commands_row(name, flag):
    row = REFERENCE.get(name, [])
    assert flag in quoted(" ".join(row)), f"README.md's row for `{name}` does not name `{flag}`"


@pytest.mark.parametrize("name", list(REFERENCE))
def test_the_command_reference_names_only_what_exists(name):
    assert name in COMMANDS, f"README.md documents `{name}`, which is no command"
    named = {word for word in quoted(" ".join(REFERENCE[name])) if re.fullmatch(r"--?[a-z][a-z-]*", word)}
    unknown = named - set(options(COMMANDS[name])) - {"--help"}
    assert not unknown, f"README.md's row for `{name}` names {sorted(unknown)}, which it does not take"


# ── Every module ────────────────────────────────────────────────────────────


def defines_something(path: Path) -> bool:
    """Whether a module defines a function or a class (an ``__init__.py`` that only re-exports
    or holds a version number is not a module to describe)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) for node in tree.body)


MODULES = [path for path in sorted(PACKAGE.rglob("*.py")) if path.name != "__init__.py" or defines_something(path)]
SUBPACKAGES = sorted(path.parent for path in PACKAGE.rglob("*/__init__.py"))
WHERE = table_rows(section(README, "Where things live"))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_modules_include_subpackages_and_their_substantial_inits():
    assert PACKAGE / "cli.py" in MODULES and PACKAGE / "store" / "documents.py" in MODULES
    assert PACKAGE / "records" / "__init__.py" in MODULES  # the pydantic records live there
    assert PACKAGE / "commands" / "__init__.py" not in MODULES  # empty
    assert PACKAGE / "parse" in SUBPACKAGES


@pytest.mark.parametrize("folder", SUBPACKAGES, ids=relative)
def test_every_subpackage_has_a_row(folder):
    assert f"{relative(folder)}/" in WHERE, f"README.md's 'Where things live' has no row for `{relative(folder)}/`"


@pytest.mark.parametrize("module", MODULES, ids=relative)
def test_every_module_is_in_where_things_live(module):
    if module.parent == PACKAGE:
        assert relative(module) in WHERE, f"README.md's 'Where things live' has no row for `{relative(module)}`"
        return
    row = WHERE.get(f"{relative(module.parent)}/", [])
    assert {module.stem, module.name} & quoted(" ".join(row)), (
        f"README.md's row for `{relative(module.parent)}/` does not name `{module.stem}`"
    )


@pytest.mark.parametrize("path", list(WHERE))
def test_where_things_live_names_only_what_exists(path):
    assert (ROOT / path).exists(), f"README.md's 'Where things live' names `{path}`, which does not exist"


# ── Every canned query and view ─────────────────────────────────────────────

SITE = build_metadata()["databases"][DATABASE]
PARAMETER = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def parameters(sql: str) -> list[str]:
    """The named parameters of a query, as Datasette makes form fields of them.

    >>> parameters("select 1 where a = :claim_id and b::text = cast(:note as integer) and c = '12:30'")
    ['claim_id', 'note']
    """
    return list(dict.fromkeys(PARAMETER.findall(sql)))


@pytest.mark.parametrize("name", list(SITE["queries"]))
def test_every_canned_query_is_described(name):
    query = SITE["queries"][name]
    assert query.get("title", "").strip(), f"canned query {name}: no title"
    assert query.get("description", "").strip(), f"canned query {name}: no description"
    assert query.get("when_empty", "").strip(), f"canned query {name}: no when_empty (what an empty answer means)"
    unhinted = [p for p in parameters(query["sql"]) if not query.get("hints", {}).get(p, "").strip()]
    assert unhinted == [], f"canned query {name}: no hint says what {unhinted} accept"


@pytest.mark.parametrize("name", list(SITE["queries"]))
def test_every_canned_query_is_named_in_the_readme(name):
    assert name in quoted(section(README, "The site")), f"README.md's '## The site' does not name `{name}`"


@pytest.mark.parametrize("view", derive.VIEWS, ids=lambda view: view.name)
def test_every_view_is_described_and_named_in_the_readme(view):
    assert SITE["tables"][view.name]["description"].strip(), f"view {view.name}: no description on the site"
    assert view.name in quoted(section(README, "The site")), f"README.md's '## The site' does not name `{view.name}`"
