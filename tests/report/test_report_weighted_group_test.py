"""Session 11: a weighted report grouped by Kön (tests/data/report_weighted_by_kon.toml) shows
the design-based test between the groups (R ``svyglm`` + ``regTermTest``: tests/core/r/
weighted_group_test.R), points the unweighted tests to it, and its heatmap's data (the
table under the chart and data/servqual_groups.csv) says the gaps are weighted."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.chart_data import figure_frame, web_csv
from servqual_cli.report.config import parse_config
from servqual_cli.report.spec import Document, Table, Text

DATA = Path(__file__).parents[1] / "data"
REF = json.loads((Path(__file__).parents[1] / "core" / "r" / "weighted_group_test.json")
                 .read_text("utf-8"))["sample"]["Kön"]  # fmt: skip
TITLE = "Skillnader mellan grupper – Kön, viktat efter Vikt"


@pytest.fixture(scope="module")
def doc() -> Document:
    path = DATA / "report_weighted_by_kon.toml"
    config = parse_config(tomllib.loads(path.read_text("utf-8")), DATA, None)
    return build_report(config)


def _tables(doc: Document) -> dict[str, Table]:
    return {b.title: b for s in doc.sections for b in s.blocks if isinstance(b, Table)}


def test_weighted_test_between_groups_matches_r(doc: Document) -> None:
    table = _tables(doc)[TITLE]
    frame = table.frame
    assert list(frame["Dimension"]) == ["Fysisk miljö", "Tillförlitlighet", "Lyhördhet",
                                        "Trygghet", "Empati"]  # fmt: skip
    for (_, row), ref in zip(frame.iterrows(), REF, strict=True):
        assert float(row["F (Wald)"]) == pytest.approx(ref["f"], rel=1e-10)
        assert int(row["fg nämnare"]) == ref["df2"] == 318
        assert float(row["p (Holm, 5 dimensioner)"]) == pytest.approx(ref["p_adjusted"],
                                                                      rel=1e-8)  # fmt: skip
    assert "regTermTest" in (table.note or "") and "Vikt" in (table.note or "")


def test_unweighted_tests_point_to_the_weighted_one(doc: Document) -> None:
    tables = _tables(doc)
    titles = list(tables)
    # the weighted test stands before the unweighted one
    assert titles.index(TITLE) < titles.index("Skillnader mellan grupper – oviktat (urvalet)")
    note = tables["Skillnader mellan grupper – oviktat (urvalet)"].note or ""
    assert note.startswith("Oviktat (urvalet): Welch, Kruskal-Wallis")
    assert f"står i tabellen ”{TITLE}”" in note


def test_heatmap_data_says_weighted(doc: Document) -> None:
    # data/servqual_groups.csv held weighted gaps under bare dimension names
    fig = next(f for f in charts.figures(doc) if f.name == "servqual_groups")
    frame = figure_frame(fig, "sv")
    assert frame is not None
    columns = list(frame.columns)
    assert columns[:3] == ["Kön", "n", "Viktkolumn"]
    assert "Fysisk miljö, Viktat gap (P−E)" in columns
    assert "Fysisk miljö" not in columns
    assert set(frame["Viktkolumn"]) == {"Vikt"}
    header = web_csv(frame, "sv").splitlines()[0]
    # a group below min_n (Annat, n = 3) is flagged, not left out (review 12b, finding 1)
    assert header.startswith("Kön;n;Viktkolumn;Litet underlag;Fysisk miljö, Viktat gap (P−E);")


def test_method_text_names_the_weighted_test(doc: Document) -> None:
    # the method section no longer says every test between the groups is unweighted
    texts = [b.text for s in doc.sections for b in s.blocks if isinstance(b, Text)]
    method = [t for t in texts if "Gapen per grupp (tabellen, värmekartan" in t]
    assert method, "the method text on weighted groups is missing"
    assert "designbaserat Wald-test som R survey::svyglm och regTermTest" in method[0]
    assert "Welch, Kruskal-Wallis och de parvisa jämförelserna är oviktade" in method[0]
