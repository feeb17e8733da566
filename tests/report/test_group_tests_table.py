"""The report's table "Skillnader mellan grupper" (review 10a, finding 7): what its count columns
count, and each test's n.

The values are the R reference of tests/core/r/stats12.R / group_eligibility.R: Welch's ANOVA
on A, B, C (E has no variance, D one value), Kruskal-Wallis on A, B, C, E with n 28.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.group_gaps import grouped_gap_analysis
from servqual_cli.report.group_gap_sections import group_sections
from servqual_cli.report.markdown import render_table
from servqual_cli.report.spec import Table

R = Path(__file__).parents[1] / "core" / "r"
VALUES: dict[str, list[float]] = json.loads((R / "stats12.json").read_text())["groups"]["values"]
KW: dict[str, Any] = json.loads((R / "group_eligibility.json").read_text())["kruskal"]


def _tests_table(values: dict[str, list[float]], lang: str) -> Table:
    labels = [name for name, v in values.items() for _ in v]
    gaps = np.concatenate([np.asarray(v, dtype=float) for v in values.values()])
    res = grouped_gap_analysis(np.zeros((gaps.size, 1)), gaps[:, None], ["1"], {"D": [0]},
                               labels, "unit")  # fmt: skip
    (section,) = group_sections(res, lang)
    title = "Skillnader mellan grupper" if lang == "sv" else "Differences between groups"
    (table,) = [b for b in section.blocks if isinstance(b, Table) and b.title == title]
    return table


@pytest.mark.parametrize(
    ("lang", "heads"),
    [
        ("sv", ["Antal grupper (Welch)", "n (Welch)", "Antal grupper (KW)", "n (KW)"]),
        ("en", ["Groups (Welch)", "n (Welch)", "Groups (KW)", "n (KW)"]),
    ],
)
def test_each_test_shows_its_groups_and_n(lang: str, heads: list[str]) -> None:
    table = _tests_table(VALUES, lang)
    row = table.frame.iloc[0]
    k_welch, n_welch, k_kw, n_kw = (row[h] for h in heads)
    # Welch: A, B, C (12 + 8 + 5 values); KW also E's 3 tied values: R's kruskal.test n
    assert (k_welch, n_welch) == (3, len(VALUES["A"]) + len(VALUES["B"]) + len(VALUES["C"]))
    assert (k_kw, n_kw) == (4, KW["n"]) == (4, 28)
    assert all(table.formats[h] == "d" for h in heads)
    counts = "Antal grupper och n" if lang == "sv" else "Groups and n"
    assert table.note is not None and table.note.startswith(counts)


def test_a_test_not_made_has_no_n() -> None:
    # two groups without variance: Welch's ANOVA is not made (its n is "–", not 0), the rank
    # test is, on both groups' six values
    table = _tests_table({"a": [1.0, 1.0, 1.0], "b": [2.0, 2.0, 2.0]}, "sv")
    row = table.frame.iloc[0]
    assert row["Antal grupper (Welch)"] == 0 and pd.isna(row["n (Welch)"])
    assert row["n (KW)"] == 6
    md = render_table(table, lang="sv").splitlines()
    assert md[0].startswith("### Skillnader mellan grupper")
    assert md[4].split(" | ")[2] == "–"  # the row's n (Welch), as every missing value
