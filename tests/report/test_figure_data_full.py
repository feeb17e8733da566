"""The figure-data tables and CSVs hold the data, not the chart's shortcuts (review 10a, finding
8): the item chart's file has each item's full wording and n beside its cut axis label, and the
IPA's file the n, the intervals and the quadrant Tabell 5 shows, "(osäker)" included. The group
heatmap's n per cell is checked in test_heatmap_rule.py.

IPA reference: tests/report/r/ipa_karlstad.R (t.test of the importance points and of the
perception scores, base R on the sample CSV).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.chart_data import figure_formats, figure_frame, web_csv
from servqual_cli.report.config import parse_config
from servqual_cli.report.spec import Document, Figure, Table
from servqual_cli.report.survey_ipa import ipa_figure, ipa_table

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
R_IPA = json.loads((Path(__file__).parent / "r" / "ipa_karlstad.json").read_text("utf-8"))


@pytest.fixture(scope="module", params=["sv", "en"])
def built(request: pytest.FixtureRequest) -> tuple[Document, str]:
    data = tomllib.loads((SAMPLES / "report_karlstad.toml").read_text(encoding="utf-8"))
    data["sections"] = ["servqual"]
    data["language"] = request.param
    return build_report(parse_config(data, SAMPLES, None)), request.param


def _figure(doc: Document, name: str) -> Figure:
    return next(f for f in charts.figures(doc) if f.name == name)


def _table(doc: Document, start: str) -> Table:
    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    return next(t for t in tables if t.title.startswith(start))


def test_item_data_hold_the_full_wording_and_n(built: tuple[Document, str]) -> None:
    doc, lang = built
    sv = lang == "sv"
    fig = _figure(doc, "servqual_items")
    frame = figure_frame(fig, lang)
    assert frame is not None
    label, wording = ("Påstående", "Formulering") if sv else ("Item", "Statement")
    items = _table(doc, "Gap per påstående" if sv else "Item gaps").frame
    # Tabell 4's columns: item number, wording, dimension, n, ...; the chart's order is by gap
    by_item = items.set_index(items[items.columns[0]].astype(str).astype(int))
    number = frame.iloc[:, 0].str.split(" · ").str[0].astype(int)
    assert frame.columns[1] == wording and frame.columns[2] == "n"
    assert frame.iloc[:, 1].tolist() == by_item.loc[number, wording].tolist()
    assert frame["n"].tolist() == by_item.loc[number, "n"].tolist()
    cut = frame.iloc[:, 0].str.endswith("…")
    assert cut.sum() == (9 if sv else 16)  # the axis labels are still cut (the review: 9 sv)
    assert not frame.iloc[:, 1].str.contains("…").any()
    assert figure_formats(fig, frame)["n"] == "d"
    csv = web_csv(frame, lang).splitlines()
    assert csv[0].split(";")[:3] == [label, wording, "n"]


def test_ipa_data_hold_n_intervals_and_quadrant(built: tuple[Document, str]) -> None:
    doc, lang = built
    sv = lang == "sv"
    fig = _figure(doc, "servqual_ipa")
    frame = figure_frame(fig, lang)
    assert frame is not None
    low, high = ("95\u00a0% KI låg", "95\u00a0% KI hög") if sv else ("95% CI low", "95% CI high")
    imp = "Viktighet (poäng av 100)" if sv else "Importance (points of 100)"
    perf = "Upplevelse (medel P)" if sv else "Performance (mean P)"
    n_imp, n_perf = (("n (viktighetspoäng)", "n (upplevelse)") if sv
                     else ("n (importance points)", "n (performance)"))  # fmt: skip
    quad = "Kvadrant" if sv else "Quadrant"
    assert frame.columns.tolist()[1:] == [
        n_imp, imp, f"{imp}, {low}", f"{imp}, {high}",
        n_perf, perf, f"{perf}, {low}", f"{perf}, {high}", quad,
    ]  # fmt: skip
    for i, want in enumerate(R_IPA):
        row = frame.iloc[i]
        assert (row[n_imp], row[n_perf]) == (want["n_importance"], want["n_performance"])
        got = [row[imp], row[f"{imp}, {low}"], row[f"{imp}, {high}"],
               row[perf], row[f"{perf}, {low}"], row[f"{perf}, {high}"]]  # fmt: skip
        ref = [want[k] for k in ("importance", "importance_low", "importance_high",
                                 "performance", "performance_low", "performance_high")]  # fmt: skip
        assert got == pytest.approx(ref, rel=1e-9)
    # the quadrant in Tabell 5's words, row for row
    table = _table(doc, "Viktighet och upplevelse" if sv else "Importance and performance")
    assert frame[quad].tolist() == table.frame[quad].tolist()
    formats = figure_formats(fig, frame)
    assert formats[f"{imp}, {low}"] == ".1f" and formats[f"{perf}, {high}"] == ".2f"
    assert formats[n_imp] == formats[n_perf] == "d"


def test_an_uncertain_placement_says_so_in_the_data() -> None:
    # the sample has no uncertain placement: a frame with one, as ipa_frame makes it
    frame = pd.DataFrame(
        {
            "dimension": ["Tangibles", "Assurance"],
            "n": [389, 389],
            "importance": [10.3, 18.8],
            "performance": [5.56, 5.72],
            "quadrant": ["overkill", "overkill"],
            "certain": [True, False],
            "importance_low": [9.6, 17.9],
            "importance_high": [11.1, 21.0],
            "n_performance": [400, 398],
            "performance_low": [5.47, 5.63],
            "performance_high": [5.65, 5.80],
        }
    )

    class _Inst:
        scale = (1, 7)

    class _Data:
        instrument = _Inst()

    data = ipa_figure(frame, 5.34, 20.0, _Data(), "sv")  # type: ignore[arg-type]
    out = figure_frame(Figure("servqual_ipa", "IPA", "ipa", data), "sv")
    assert out is not None
    table = ipa_table(frame, "sv")
    assert (
        out["Kvadrant"].tolist()
        == table.frame["Kvadrant"].tolist()
        == [
            "lägre viktighet, högre upplevelse",
            "lägre viktighet, högre upplevelse (osäker)",
        ]
    )
    assert out["n (upplevelse)"].tolist() == [400, 398]
    # the IPA table itself is unchanged: its four columns and n (importance points)
    assert table.frame.columns.tolist() == [
        "Dimension", "n (viktighetspoäng)", "Viktighet (poäng av 100)", "Upplevelse (medel P)",
        "Kvadrant",
    ]  # fmt: skip
    assert np.isclose(out.iloc[1, 4], 21.0)
