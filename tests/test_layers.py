"""The package's layers, checked on the import statements of every source file.

``core`` is pure statistics: it never imports ``io``, ``cli``, ``report``, ``instruments`` or the
terminal/plotting libraries; ``vocab`` (shared names and specifications) imports only itself and
``errors``; ``io`` never imports ``cli`` or ``report``; ``report`` never imports ``cli``.
Imports under ``if TYPE_CHECKING:`` count too: a type that needs another layer belongs in
:mod:`servqual_cli.vocab`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "servqual_cli"

FORBIDDEN = {
    "core": ("servqual_cli.io", "servqual_cli.cli", "servqual_cli.report",
             "servqual_cli.instruments", "typer", "rich", "matplotlib"),
    "vocab": ("servqual_cli.io", "servqual_cli.core", "servqual_cli.cli", "servqual_cli.report",
              "servqual_cli.instruments", "typer", "rich", "matplotlib"),
    "io": ("servqual_cli.cli", "servqual_cli.report", "servqual_cli.core", "typer", "rich",
           "matplotlib"),
    "instruments": ("servqual_cli.cli", "servqual_cli.report", "servqual_cli.core"),
    "report": ("servqual_cli.cli", "typer"),
}  # fmt: skip


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module an ``import`` or ``from ... import`` in ``path`` names, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against the file's package
                parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
                base = ".".join(parts[: -node.level])
                out.append((node.lineno, f"{base}.{node.module}" if node.module else base))
            elif node.module:
                out.append((node.lineno, node.module))
                out += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return out


def violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for line, module in imported_modules(path):
            for banned in FORBIDDEN[layer]:
                if module == banned or module.startswith(banned + "."):
                    found.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
                    break
    return sorted(set(found))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    assert violations(layer) == []


def test_the_check_sees_imports(tmp_path: Path) -> None:
    """The checker itself: a plain, a from, a TYPE_CHECKING and a function-level import."""
    src = tmp_path / "m.py"
    src.write_text(
        "import typer\nfrom servqual_cli.io.read import x\nif TYPE_CHECKING:\n"
        "    from servqual_cli import io\ndef f():\n    import matplotlib.pyplot\n",
        encoding="utf-8",
    )
    names = [m for _, m in imported_modules(src)]
    assert {"typer", "servqual_cli.io.read", "servqual_cli.io", "matplotlib.pyplot"} <= set(names)
