"""The folders of catalogue/ draw the flow, and no import runs back up it:

    basics (the top-level modules) ─► records ─► reference ─► parse ─► store ─► derive
    ─► export ─► commands ─► site ─► cli

A module may import its own layer and the layers before it, never one after it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "catalogue"
LAYERS = ["basics", "records", "reference", "parse", "store", "derive", "export", "commands", "site", "cli"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    """The layer of a module of the package: "catalogue.store.documents" → "store"."""
    parts = module.split(".")
    if len(parts) == 1:
        return "basics"
    if parts[1] in LAYERS:
        return parts[1]
    if parts[1] == "migrations":
        return "basics"
    return "cli" if parts[1] == "cli" else "basics"


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the package in a file."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("catalogue"):
                continue
            if node.module is None or target in ("catalogue",):  # from . import a, b: the modules
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("catalogue")]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_layers_are_known():
    assert layer("catalogue.store.documents") == "store"
    assert layer("catalogue.models") == "basics"
    assert layer("catalogue.cli") == "cli"
    assert {path.relative_to(PACKAGE).parts[0] for path in MODULES if path.parent != PACKAGE} <= set(LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE.parent)))
def test_no_import_runs_back_up_the_flow(path):
    importer = layer(module_name(path))
    backwards = [
        f"{path.name}:{line} imports {target} ({layer(target)} comes after {importer})"
        for line, target in imports_of(path)
        if LAYERS.index(layer(target)) > LAYERS.index(importer)
    ]
    assert not backwards, "\n".join(backwards)
