"""Review 16, finding 3: a unit renamed between the feedback trend's two windows vanished from
the report's "Resultat i korthet" without a word, while ``servqual feedback`` names the pair and
does not compare them. The overview now says so, in its paragraph and one row each.

tests/data/feedback_renamed.csv (tests/data/make_feedback_renamed.py): Teknik has items only in
2024, Samhällsbyggnad (its new name) only in 2025, Skola in both. The counts below are recomputed
from the raw CSV with pandas. On the old code the overview held only the backlog row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
CSV = DATA / "feedback_renamed.csv"


def _overview(md: str, title: str) -> str:
    return " ".join(md.split(f"## {title}", 1)[1].split("\n## ", 1)[0].split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_overview_names_the_units_not_compared(cli, tmp_path: Path, lang: str) -> None:
    from servqual_cli.report.catalog import rl

    raw = pd.read_csv(CSV, sep=";", parse_dates=["inkommen"])
    year = raw["inkommen"].dt.year
    teknik = int((raw["förvaltning"].eq("Teknik") & year.eq(2024)).sum())
    samh = int((raw["förvaltning"].eq("Samhällsbyggnad") & year.eq(2025)).sum())
    assert (teknik, samh) == (10, 20)
    assert not (raw["förvaltning"].eq("Teknik") & year.eq(2025)).any()
    assert not (raw["förvaltning"].eq("Samhällsbyggnad") & year.eq(2024)).any()
    cfg = tmp_path / "fb.toml"
    cfg.write_text(
        f'language = "{lang}"\nperiod = "2025"\n[service]\nfeedback = "{CSV.as_posix()}"\n'
        'promise = "14 days"\n',
        encoding="utf-8",
    )
    r = cli("report", cfg, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    glance = _overview(md, rl("glance_title", lang))
    sentence = {
        "sv": f"Teknik ({teknik} synpunkter 2024, inga 2025) och Samhällsbyggnad ({samh} "
        "synpunkter 2025, inga 2024) jämförs inte: bytt namn eller omorganiserat?",
        "en": f"Teknik ({teknik} items in 2024, none in 2025) and Samhällsbyggnad ({samh} items "
        "in 2025, none in 2024) are not compared: renamed or reorganised?",
    }[lang]
    paragraph = glance.split(" | ", 1)[0]
    assert sentence in paragraph
    assert "Holm" not in paragraph  # the plain paragraph names no test
    rows = {
        "sv": [
            f"| Synpunkter: Teknik | {teknik} (2024) | inga synpunkter 2025; jämförs inte: bytt "
            "namn eller omorganiserat? |",
            f"| Synpunkter: Samhällsbyggnad | {samh} (2025) | inga synpunkter 2024; jämförs "
            "inte: bytt namn eller omorganiserat? |",
        ],
        "en": [
            f"| Feedback items: Teknik | {teknik} (2024) | no items in 2025; not compared: "
            "renamed or reorganised? |",
            f"| Feedback items: Samhällsbyggnad | {samh} (2025) | no items in 2024; not "
            "compared: renamed or reorganised? |",
        ],
    }[lang]
    for row in rows:
        assert row in glance
    # no change, no verdict: nothing was tested
    assert "▲" not in glance and "↑" not in glance and "▼" not in glance
