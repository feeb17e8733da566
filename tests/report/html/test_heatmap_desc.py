"""The group heatmap's text alternative states its message from the facts the chart draws
(review 12b, finding 7, as Figur 1): the coloured cells below 0 by group and dimension, largest
gap first; how many are grey (the test cannot tell them from 0); a small group drawn hatched,
with its n. A grey cell is never named as below.

Data: Karlstad by Kön (data/samples), where Annat has n = 3, below the default min_n of 30.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.chart_messages import HEAT_LISTED, heatmap_message
from servqual_cli.report.config import parse_config
from servqual_cli.report.html_charts import inline_svg
from servqual_cli.report.spec import Figure

SAMPLES = Path(__file__).parents[3] / "data" / "samples"


def _heat(lang: str) -> Figure:
    data = tomllib.loads((SAMPLES / "report_karlstad.toml").read_text(encoding="utf-8"))
    data["survey"]["by"] = "Kön"
    data["sections"] = ["groups"]
    data["language"] = lang
    doc = build_report(parse_config(data, SAMPLES, None))
    return next(f for f in charts.figures(doc) if f.name == "servqual_groups")


@pytest.fixture(scope="module")
def heat() -> dict[str, Figure]:
    return {lang: _heat(lang) for lang in ("sv", "en")}


def _sv(v: float) -> str:
    return f"{v:.2f}".replace(".", ",").replace("-", "\u2212")


def test_the_desc_names_the_cells_below_and_the_hatched_group(heat) -> None:
    fig = heat["sv"]
    d = fig.data
    values = np.asarray(d["values"], dtype=float)
    told = np.asarray(d["told"], dtype=bool)
    small = np.asarray(d["small_base"], dtype=bool)
    assert small.any(), "Annat (n = 3) is no longer a small group"
    # a hatched (small) group's cells are coloured by its own test like the others (review
    # 12c, finding 1), so they are counted and named like the others
    drawn = ~np.isnan(values)
    below = drawn & told & (values < 0)
    grey = drawn & ~told
    text = fig.description or ""
    named = sorted(
        (values[r, c], f"{d['rows'][r]} i {d['columns'][c]} ({_sv(values[r, c])})")
        for r, c in zip(*np.nonzero(below), strict=True)
    )[:HEAT_LISTED]
    assert named and all(words in text for _, words in named)
    # largest gap first
    positions = [text.index(words) for _, words in named]
    assert positions == sorted(positions)
    # a grey cell is not named as below, the hatched group's included
    for r, c in zip(*np.nonzero(grey), strict=True):
        assert f"{d['rows'][r]} i {d['columns'][c]} (" not in text
    annat = d["rows"][int(np.flatnonzero(small)[0])]
    n = d["n"][int(np.flatnonzero(small)[0])]
    assert f"{annat} visas streckad ({n} svar)" in text
    if grey.any():
        count = int(grey.sum())
        assert f"Kan inte skiljas från 0 (grå): {count} cell" in text


def test_the_desc_in_english_and_in_the_svg(heat) -> None:
    fig = heat["en"]
    assert "Below expectation" in (fig.description or "") and "is shown hatched (3 answers)" in (
        fig.description or ""
    )
    svg = str(inline_svg(fig, "fig-1", "", "en"))
    desc = svg.split("<desc", 1)[1].split("</desc>", 1)[0]
    assert "is shown hatched (3 answers)" in desc.replace("\xa0", " ")


def test_a_grey_cell_is_never_below() -> None:
    data = {"rows": ["Grundskola", "Simhall"], "columns": ["Empati", "Lyhördhet"],
            "values": [[-1.15, -0.04], [-2.0, 0.3]], "told": [[True, False], [True, True]],
            "small_base": [False, True], "n": [40, 12]}  # fmt: skip
    sv = heatmap_message(data, "sv")
    assert sv == (
        "Under förväntan: Simhall i Empati (−2,00) och Grundskola i Empati (−1,15). Över "
        "förväntan: 1 cell. Kan inte skiljas från 0 (grå): 1 cell. Simhall visas streckad "
        "(12 svar)."
    )
    data["told"] = [[False, False], [False, False]]
    assert heatmap_message(data, "sv").startswith("Ingen cell ligger under förväntan")
