"""One label catalog per language (issue #9 item 6): no section keeps its own table of words."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from servqual_cli.report import catalog

REPORT = Path(catalog.__file__).parent


def _word_tables(path: Path) -> list[str]:
    """Module-level dicts whose values are all (sv, en) pairs of strings."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if not isinstance(value, ast.Dict) or not value.values:
            continue
        # A ``**OTHER`` spread (key None) merges a table split into its own module (MEASUREMENT
        # takes TREND_MDD's words so); the pairs written here are what makes a word table.
        own = [v for k, v in zip(value.keys, value.values, strict=True) if k is not None]
        pairs = bool(own) and all(
            isinstance(v, ast.Tuple)
            and len(v.elts) == 2
            and all(isinstance(e, ast.Constant | ast.JoinedStr) for e in v.elts)
            for v in own
        )
        if pairs:
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_sections_have_no_label_tables_of_their_own() -> None:
    local = [t for p in sorted(REPORT.glob("*_sections.py")) for t in _word_tables(p)
             if not p.name.startswith("catalog")]  # fmt: skip
    assert local == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_section_table_is_in_the_catalog(lang: str) -> None:
    words = catalog.catalog(lang)
    for name, table in catalog.SECTION_TABLES.items():
        for key, (sv, en) in table.items():
            assert words[f"{name}.{key}"] == (sv if lang == "sv" else en)


def test_constants_used_as_keys_match_the_core() -> None:
    from servqual_cli.core.survey_trend import OVERALL
    from servqual_cli.report import catalog_measurement

    assert catalog_measurement.OVERALL == OVERALL and OVERALL in catalog.MEASUREMENT


def test_every_table_module_is_reachable_through_the_catalog() -> None:
    # The tables are split by report part (catalog_*.py, chart_words.py); the renderers use the
    # one lookup API in catalog.py, so every table must be one the catalog looks up.
    import importlib

    listed = {id(t) for t in (*catalog._TABLES, *catalog.SECTION_TABLES.values())}
    listed.add(id(catalog.DIMENSIONS))  # looked up by dimension_name
    modules = [*sorted(REPORT.glob("catalog_*.py")), REPORT / "chart_words.py"]
    assert len(modules) > 2
    for path in modules:
        module = importlib.import_module(f"servqual_cli.report.{path.stem}")
        tables = _word_table_names(path)
        assert tables, f"{path.name} holds no word table"
        for name in tables:
            assert id(getattr(module, name)) in listed, f"{path.name}: {name} is not looked up"
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name


def _word_table_names(path: Path) -> list[str]:
    lines = {int(t.split(":")[1]) for t in _word_tables(path)}
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if node.lineno not in lines:
            continue
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]  # type: ignore[attr-defined]
        names.append(target.id)
    return names
