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
        pairs = all(
            isinstance(v, ast.Tuple)
            and len(v.elts) == 2
            and all(isinstance(e, ast.Constant | ast.JoinedStr) for e in v.elts)
            for v in value.values
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
    from servqual_cli.report import catalog_sections

    assert catalog_sections.OVERALL == OVERALL and OVERALL in catalog.MEASUREMENT
