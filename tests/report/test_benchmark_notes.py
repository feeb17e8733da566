"""The benchmark's notes write their counts in the language's thousands format (session 14,
x-small): "1 204 genomsnittsrader" in Swedish, "1,204 average rows" in English."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from servqual_cli.report.benchmark_sections import benchmark_notes


@pytest.mark.parametrize(("lang", "head"), [("sv", "1\u00a0204 genomsnittsrader"),
                                            ("en", "1,204 average rows")])  # fmt: skip
def test_average_rows_count_is_grouped(lang: str, head: str) -> None:
    none = pd.DataFrame(columns=["kpi", "channel", "value", "file_value"])
    bench = SimpleNamespace(source=SimpleNamespace(n_average_rows=1204), this_from_own=False,
                            unranked=none, file_differs=none, same_year=True)  # fmt: skip
    notes = benchmark_notes(bench, lang)  # type: ignore[arg-type]
    assert [n for n in notes if n.startswith(head)], notes


@pytest.mark.parametrize(("lang", "line"), [
    ("sv", "1 genomsnittsrad (riket eller en grupp) utelämnad."),
    ("en", "1 average row (the country or a group) left out."),
])  # fmt: skip
def test_one_average_row_is_singular(lang: str, line: str) -> None:
    # review 16 finding 9: "1 genomsnittsrader" / "1 average rows"
    none = pd.DataFrame(columns=["kpi", "channel", "value", "file_value"])
    bench = SimpleNamespace(source=SimpleNamespace(n_average_rows=1), this_from_own=False,
                            unranked=none, file_differs=none, same_year=True)  # fmt: skip
    assert line in benchmark_notes(bench, lang)  # type: ignore[arg-type]
