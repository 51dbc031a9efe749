"""The packages depend one way: parse -> archive -> (reader, api, discussion) -> (mirror, cli).

Every module's AST is walked, function-local imports included, so a dependency
cannot hide inside a function. Reader and discussion sit on the same layer and do
not import each other: the reader reaches the discussion only through its template
tags. Top-level modules (settings, urls, wsgi...) wire the site together and are
outside the layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "cablebase"
LAYER = {"parse": 0, "archive": 1, "reader": 2, "api": 2, "discussion": 2, "mirror": 3, "cli": 3}
APART = {frozenset({"reader", "discussion"})}


def _package_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "cablebase" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYER else None


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = ["cablebase", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """``(line, absolute module)`` for every import in the file, relative ones resolved."""
    name = _module_name(path, root)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # ``from cablebase import reader`` names a package in the alias
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
    return found


def violations(root: Path = ROOT) -> list[str]:
    bad = []
    for path in sorted(root.rglob("*.py")):
        own = _package_of(_module_name(path, root))
        if own is None:
            continue
        seen = set()
        for line, target in imported_modules(path, root):
            other = _package_of(target)
            if other is None or other == own or (line, other) in seen:
                continue
            seen.add((line, other))
            where = f"{path.relative_to(root.parent)}:{line} imports {target}"
            if LAYER[other] > LAYER[own]:
                bad.append(f"{where} ({other} comes after {own})")
            elif frozenset({own, other}) in APART:
                bad.append(f"{where} ({own} and {other} must not import each other)")
    return bad


def test_no_package_imports_one_after_it() -> None:
    assert violations() == []


def test_every_package_is_checked() -> None:
    checked = {_package_of(_module_name(p)) for p in ROOT.rglob("*.py")} - {None}
    assert checked == set(LAYER)


@pytest.mark.parametrize(
    ("package", "source", "expected"),
    [
        ("archive", "def f():\n    from cablebase.cli import main\n", "cli comes after archive"),
        ("reader", "from cablebase.discussion.models import Comment\n", "must not import"),
        ("discussion", "import cablebase.reader.links\n", "must not import"),
        ("parse", "from cablebase import archive\n", "archive comes after parse"),
    ],
)
def test_the_check_catches_a_bad_import(
    tmp_path: Path, package: str, source: str, expected: str
) -> None:
    root = tmp_path / "cablebase"
    (root / package).mkdir(parents=True)
    (root / package / "__init__.py").write_text("")
    (root / package / "bad.py").write_text(source)
    (found,) = violations(root)
    assert expected in found


def test_relative_imports_are_resolved(tmp_path: Path) -> None:
    root = tmp_path / "cablebase"
    (root / "discussion" / "templatetags").mkdir(parents=True)
    (root / "discussion" / "templatetags" / "tags.py").write_text("from ...reader import links\n")
    (found,) = violations(root)
    assert "imports cablebase.reader" in found
