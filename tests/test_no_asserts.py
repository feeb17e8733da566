"""No ``assert`` statement in the package (house rule): ``python -O`` strips them, so a check
written as one is no check, and an assert written only to narrow a type for mypy hides what
the code relies on. Session 14 removed the three renderer asserts (sheet_notes, summary_rows,
short_rows) by reading one dict from the start, so nothing is left to narrow, and
kpi_texts._span's by an explicit ValueError.

Doctests (``>>> assert ...``) are not statements of the module and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "servqual_cli"
# Empty since x-kpi replaced kpi_texts._span's assert by a ValueError (session 14).
KNOWN: set[str] = set()


def _asserts(root: Path = PACKAGE) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        lines = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)]
        if lines:
            found[path.relative_to(root).as_posix()] = lines
    return found


def test_no_assert_statements() -> None:
    found = _asserts()
    assert set(found) <= KNOWN, {k: v for k, v in found.items() if k not in KNOWN}


def test_the_scan_sees_an_assert(tmp_path: Path) -> None:
    """The scan finds an assert statement where there is one, and not one in a doctest (a scan
    that finds nothing proves nothing)."""
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "a.py").write_text(
        'def f(x):\n    """>>> assert f(1)"""\n    if x:\n        assert x is not None\n'
        "    return x\n",
        encoding="utf-8",
    )
    (tmp_path / "b.py").write_text('"""\n>>> assert True\n"""\n', encoding="utf-8")
    assert _asserts(tmp_path) == {"report/a.py": [4]}
