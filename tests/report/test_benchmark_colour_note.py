"""The note on Kolada's colour beside the verdict in the report's benchmark section (review 12c,
finding 8): shown only where a row has both a colour and a verdict from an interval. The CLI
side is tests/cli/test_kolada_colour_note_cli.py."""

from __future__ import annotations

import pandas as pd
import pytest

from servqual_cli.report.benchmark_sections import benchmark_section
from servqual_cli.report.spec import Text

NOTE = "Kolada-färg och bedömning kan skilja sig åt"


def _kpis(method: str, third: str | None) -> pd.DataFrame:
    return pd.DataFrame({
        "kpi": ["phone_reached"], "channel": ["phone"], "value": [0.8], "others_mean": [0.7],
        "diff": [0.1], "rank": [1], "n_municipalities": [3], "others_min": [0.6],
        "others_max": [0.8], "verdict": ["same" if method != "rank_thirds" else "better"],
        "verdict_method": [method], "rank_third": [third],
    })  # fmt: skip


@pytest.mark.parametrize(("method", "third", "shown"), [
    ("wilson_interval", "green", True),
    ("rank_thirds", "green", False),  # the verdict is the colour: nothing to reconcile
    ("wilson_interval", None, False),  # no colour
])  # fmt: skip
def test_report_benchmark_section_notes_only_where_both_are_shown(
    method: str, third: str | None, shown: bool
) -> None:
    """The report's benchmark section (report/parts.py) is the same function as trend's."""
    section = benchmark_section(_kpis(method, third), "Lekeberg", "2020", "sv", [], 0.9)
    notes = [b.text for b in section.blocks if isinstance(b, Text)]
    hits = [n for n in notes if n.startswith(NOTE)]
    assert bool(hits) == shown, notes
    if shown:
        assert "90\u00a0%-intervall" in hits[0]  # --conf 0.9 named, no-break space
