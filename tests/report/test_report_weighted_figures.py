"""Session 11 (f-fig): the figures of a weighted report say what they show.

tests/data/report_weighted_by_kon.toml (the 2025 sample, ``weight_column = "Vikt"``, ``by =
"Kön"``): Figur 1 ("Förväntan och upplevelse per dimension") and data/servqual_dimensions.csv
drew the unweighted means and gaps (Fysisk miljö −0,05, "kan ej skiljas från 0") under bare
names while the cards and the table "Viktade dimensionsgap (Vikt)" beside them said −0,21,
below expectations. Now they are the weighted ones: the gaps, intervals and verdicts of that
table (R ``survey::svyttest``, tests/report/r/weighted_report.json) and E and P weighted over
the same respondents (R ``survey::svymean``: tests/report/r/weighted_figure.R), titled and
headed "viktat efter Vikt". The items and the IPA have no weighted form: their figures and CSV
columns say "oviktat (urvalet)". An unweighted report is unchanged (the golden Markdown).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
R = Path(__file__).parent / "r"
GAPS = json.loads((R / "weighted_report.json").read_text("utf-8"))
MEANS = json.loads((R / "weighted_figure.json").read_text("utf-8"))
DIMS = {"Fysisk miljö": "Tangibles", "Tillförlitlighet": "Reliability",
        "Lyhördhet": "Responsiveness", "Trygghet": "Assurance", "Empati": "Empathy"}  # fmt: skip


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from servqual_cli.cli.main import main

    folder = tmp_path_factory.mktemp("weighted_figures") / "out"
    assert main(["report", str(DATA / "report_weighted_by_kon.toml"), "-o", str(folder)]) == 0
    return folder


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def _weighted_gap_table(out: Path) -> dict[str, tuple]:
    """The table "Viktade dimensionsgap (Vikt)" at full precision (the workbook's sheet)."""
    import openpyxl

    ws = openpyxl.load_workbook(out / "report.xlsx")["Viktade gap"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Viktade dimensionsgap (Vikt)"
    head = list(rows[1])
    return {r[0]: dict(zip(head, r, strict=True)) for r in rows[2:] if r[0] in DIMS}


def test_dimension_csv_is_the_weighted_table(out: Path) -> None:
    rows = _csv(out / "data" / "servqual_dimensions.csv")
    table = _weighted_gap_table(out)
    assert list(rows[0]) == ["Dimension", "Viktkolumn", "Viktad förväntan (E)",
                             "Viktad upplevelse (P)", "Viktat gap (P−E)", "95\u00a0% KI låg",
                             "95\u00a0% KI hög", "Bedömning"]  # fmt: skip
    assert [r["Dimension"] for r in rows] == list(DIMS)
    for r in rows:
        en, t = DIMS[r["Dimension"]], table[r["Dimension"]]
        assert r["Viktkolumn"] == "Vikt"
        gap = _num(r["Viktat gap (P−E)"])
        assert gap == pytest.approx(t["Viktat gap (P−E)"], rel=1e-12)  # the table's own value
        assert gap == pytest.approx(GAPS[en]["mean"], rel=1e-9)  # R svymean
        assert _num(r["95\u00a0% KI låg"]) == pytest.approx(t["95\u00a0% KI låg"], rel=1e-12)
        assert _num(r["95\u00a0% KI hög"]) == pytest.approx(t["95\u00a0% KI hög"], rel=1e-12)
        e, p = _num(r["Viktad förväntan (E)"]), _num(r["Viktad upplevelse (P)"])
        assert e == pytest.approx(MEANS[f"{en}_E"]["mean"], rel=1e-9)  # R svymean
        assert p == pytest.approx(MEANS[f"{en}_P"]["mean"], rel=1e-9)
        assert p - e == pytest.approx(gap, abs=1e-9)  # the bars' difference is the point
    tangibles = rows[0]
    # the review's case: −0,05 "kan ej skiljas från 0" unweighted; weighted −0,21, told from 0
    assert round(_num(tangibles["Viktat gap (P−E)"]), 2) == -0.21
    assert tangibles["Bedömning"] == "under förväntan (KI under 0)"


def test_figure_1_title_and_caption_say_weighted(out: Path) -> None:
    md = (out / "report.md").read_text("utf-8")
    assert "![Förväntan och upplevelse per dimension, viktat efter Vikt]" in md
    line = next(x for x in md.splitlines() if x.startswith("*Figur 1."))
    assert line.startswith("*Figur 1. Förväntan och upplevelse per dimension, viktat efter Vikt.")
    assert (
        "gapen, intervallen och bedömningen är de i tabellen ”Viktade dimensionsgap (Vikt)”" in line
    )


def test_unweighted_figures_say_so(out: Path) -> None:
    md = (out / "report.md").read_text("utf-8")
    line = next(x for x in md.splitlines() if x.startswith("*Figur 2."))
    assert line.startswith("*Figur 2. Gap per påstående, sorterat, oviktat (urvalet).")
    assert "Oviktat (urvalet): påståendenas gap är inte viktade efter Vikt" in line
    rows = _csv(out / "data" / "servqual_items.csv")
    # the wording and n (review 10a, finding 8), then the values with their basis
    assert list(rows[0])[1:5] == ["Formulering", "n", "Gap (P−E), oviktat (urvalet)",
                                  "95\u00a0% KI låg, oviktat (urvalet)"]  # fmt: skip
    # the group heatmap is weighted and says so (l-weight); checked in test_report_weighted_groups
    groups = _csv(out / "data" / "servqual_groups.csv")
    assert "Fysisk miljö, Viktat gap (P−E)" in groups[0]


def test_descriptions_say_weighted_or_not(out: Path) -> None:
    page = (out / "report.html").read_text("utf-8")
    assert "med 95\u00a0% konfidensintervall. Viktat efter Vikt." in page  # Figur 1
    assert "Oviktat (urvalet), inte viktat efter Vikt." in page  # Figur 2


def test_ipa_table_columns_carry_the_basis_and_keep_their_decimals() -> None:
    """A weighted report's IPA (importance points) is unweighted: its data table and CSV say
    so, and importance keeps one decimal, perception two (as the IPA table)."""
    from servqual_cli.report.chart_data import figure_formats, figure_frame
    from servqual_cli.report.spec import Figure

    labels = {"x": "Upplevelse", "y": "Viktighet", "basis": "oviktat (urvalet)"}
    data = {"points": ["Empati"], "importance": [22.5], "performance": [5.07], "labels": labels}
    fig = Figure("servqual_ipa", "IPA", "ipa", data)
    frame = figure_frame(fig, "sv")
    assert frame is not None
    assert list(frame.columns) == ["Dimension", "Viktighet, oviktat (urvalet)",
                                   "Upplevelse, oviktat (urvalet)"]  # fmt: skip
    assert figure_formats(fig, frame) == {"Viktighet, oviktat (urvalet)": ".1f",
                                          "Upplevelse, oviktat (urvalet)": ".2f"}  # fmt: skip
    del labels["basis"]  # unweighted report: unchanged
    assert list(figure_frame(fig, "sv").columns) == ["Dimension", "Viktighet", "Upplevelse"]
