"""The group heatmap, the per-group table and the cards tell a gap from 0 by one rule (review 6,
finding 5): the gap's t-test p adjusted over every group × dimension test, as the table prints
it. The review's reproduction: Karlstad by Kön, where Kvinna (−0,18) and Man (−0,19) in Fysisk
miljö have unadjusted 95 % intervals below 0 but Holm p 0,128 and 0,222.

Reference values: tests/report/r/heatmap_kon.R (R ``t.test`` and ``p.adjust(, "holm")``).
"""

from __future__ import annotations

import dataclasses
import json
import tomllib
from pathlib import Path

import numpy as np
import pytest
from markupsafe import Markup, escape

from servqual_cli.report import charts
from servqual_cli.report.build import ReportContext, build_report, load_survey
from servqual_cli.report.config import parse_config
from servqual_cli.report.spec import Document, Figure, Glance, Table
from servqual_cli.report.survey_figures import heatmap_figure
from servqual_cli.report.survey_part import analyses

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
R_VALUES = json.loads((Path(__file__).parent / "r" / "heatmap_kon.json").read_text("utf-8"))
DIMS = {"T": "Fysisk miljö", "R": "Tillförlitlighet", "Rs": "Lyhördhet", "A": "Trygghet",
        "Em": "Empati"}  # fmt: skip


def _config():
    data = tomllib.loads((SAMPLES / "report_karlstad.toml").read_text(encoding="utf-8"))
    data["survey"]["by"] = "Kön"
    data["sections"] = ["summary", "servqual", "groups"]
    return parse_config(data, SAMPLES, None)


@pytest.fixture(scope="module")
def kon() -> tuple[Document, ReportContext]:
    config = _config()
    doc = build_report(config)
    return doc, ReportContext(config, config.language, load_survey(config))


def _blocks(doc: Document, kind: type) -> list:
    return [b for s in doc.sections for b in s.blocks if isinstance(b, kind)]


def _heatmap(doc: Document) -> dict:
    return next(f for f in charts.figures(doc) if f.name == "servqual_groups").data


def test_heatmap_parentheses_follow_the_tables_adjusted_p(kon) -> None:
    doc, _ = kon
    data = _heatmap(doc)
    # Annat (n = 3) is below min_n: a row flagged "small base", not left out (review 12b, 1)
    assert data["rows"] == ["Annat", "Kvinna", "Man"]
    assert data["small_base"] == [True, False, False]
    assert data["columns"] == list(DIMS.values())
    ref = {(r["group"], DIMS[r["dimension"]]): r for r in R_VALUES}
    table = next(t for t in _blocks(doc, Table) if t.title == "Gap per dimension – Kön").frame
    p_column = next(c for c in table.columns if c.startswith("p (Holm, 15 test"))
    for i, group in enumerate(data["rows"]):
        for j, dim in enumerate(data["columns"]):
            r = ref[(group, dim)]
            p = data["p_adjusted"][i][j]
            assert p == pytest.approx(r["p_holm"], rel=1e-6, abs=1e-12)
            row = table[(table["Grupp"] == group) & (table["Dimension"] == dim)]
            assert float(row[p_column].iloc[0]) == pytest.approx(p, rel=1e-12)
            cell = data["cells"][i][j]
            assert cell.startswith("(") == (r["p_holm"] >= 0.05), (group, dim, cell)
    # the review's cells: unadjusted intervals below 0, yet not told from 0 after Holm
    for group, text in (("Kvinna", "(−0,18)"), ("Man", "(−0,19)")):
        assert ref[(group, "Fysisk miljö")]["ci_high"] < 0
        assert data["cells"][data["rows"].index(group)][0] == text
    assert data["cells"][data["rows"].index("Kvinna")][1] == "−0,83"


def test_the_cards_name_the_same_groups(kon) -> None:
    doc, _ = kon
    rows = {r.name: r for g in _blocks(doc, Glance) for r in g.rows if r.kind == "dimension"}
    assert rows["Fysisk miljö"].area is None  # no group told from 0, as in the heatmap
    assert "Kvinna" in (rows["Empati"].area or "") and "Man" in (rows["Empati"].area or "")


def test_the_note_names_the_rule(kon) -> None:
    doc, _ = kon
    fig = next(f for f in charts.figures(doc) if f.name == "servqual_groups")
    rule = (
        "Ett gap inom parentes kan inte skiljas från 0: dess p (Holm, 15 test, grupper × "
        "dimensioner) är 0,05 eller mer, som i tabellen per grupp"
    )
    assert any(n.startswith(rule) for n in fig.notes)
    assert rule in (fig.caption or "")


def test_unadjusted_p_marks_what_the_interval_marks(kon) -> None:
    """The rule follows the analysis' adjustment: without one, the p-value and the t interval
    agree, so Kvinna's Fysisk miljö (p 0,021) is told from 0 (this test fails if the heatmap
    ignores the adjustment)."""
    _, ctx = kon
    _, grouped = analyses(ctx)
    assert grouped is not None
    data, notes = heatmap_figure(dataclasses.replace(grouped, adjust="none"), "en")
    assert data["cells"][1][0] == "-0.18" and data["cells"][2][0] == "-0.19"
    assert np.allclose(np.array(data["p_adjusted"])[1:, 0], [0.02140498686, 0.0443051996])
    assert "its p (unadjusted, 15 tests, groups × dimensions) is 0.05 or more" in notes[-1]


def test_the_data_table_and_csv_carry_the_adjusted_p(kon) -> None:
    """The heatmap's data table (under the chart in HTML) and its CSV hold, beside each gap, the
    adjusted p its cell follows, in a column named by the rule, and the table's note says it."""
    from servqual_cli.report.chart_data import figure_formats, figure_frame, figure_note, web_csv
    from servqual_cli.report.html import PageOptions, render_html

    doc, _ = kon
    fig = next(f for f in charts.figures(doc) if f.name == "servqual_groups")
    frame = figure_frame(fig, "sv")
    assert frame is not None
    rule = "p (Holm, 15 test, grupper × dimensioner)"
    # each gap with its own n and the adjusted p (review 10a, finding 8: one n per group)
    assert frame.columns.tolist()[:6] == ["Kön", "n", "Litet underlag", "Fysisk miljö",
                                          "Fysisk miljö, n", f"Fysisk miljö, {rule}"]  # fmt: skip
    ref = {(r["group"], DIMS[r["dimension"]]): r for r in R_VALUES}
    for dim in DIMS.values():
        for i, group in enumerate(frame["Kön"]):
            assert frame[f"{dim}, {rule}"].iloc[i] == pytest.approx(
                ref[(group, dim)]["p_holm"], rel=1e-6, abs=1e-12
            )
            assert frame[dim].iloc[i] == pytest.approx(_heatmap(doc)["values"][i][
                list(DIMS.values()).index(dim)])  # fmt: skip
            assert frame[f"{dim}, n"].iloc[i] == ref[(group, dim)]["n"]
    assert figure_formats(fig, frame)[f"Empati, {rule}"] == "p"
    csv = web_csv(frame, "sv").splitlines()
    assert f"Fysisk miljö, {rule}" in csv[0].split(";")
    assert csv[1].split(";")[:3] == ["Annat", "3", "ja"]  # the small group, flagged
    assert csv[2].split(";")[5].startswith("0,128")  # Kvinna, Fysisk miljö: not told from 0
    note = figure_note(fig)
    assert note is not None and note.startswith(f"{rule}: p-värdet för gapets t-test, justerat")
    assert "inom parentes när dess p är 0,05 eller mer" in note
    page = render_html(doc, PageOptions(chart_svg=lambda f, u, m: Markup("<svg></svg>")))
    assert f'<p class="note">{escape(note)}</p>' in page


def test_the_data_table_in_english(kon) -> None:
    from servqual_cli.report.chart_data import figure_frame, figure_note

    _, ctx = kon
    _, grouped = analyses(ctx)
    assert grouped is not None
    data, _ = heatmap_figure(grouped, "en")
    fig = Figure("servqual_groups", "Gaps", "group_heatmap", data)
    frame = figure_frame(fig, "en")
    assert frame is not None
    assert "Empathy, p (Holm, 15 tests, groups × dimensions)" in frame.columns
    assert (figure_note(fig) or "").startswith(
        "p (Holm, 15 tests, groups × dimensions): the p of the gap's t-test, adjusted"
    )
