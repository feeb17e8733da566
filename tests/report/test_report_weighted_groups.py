"""Review 7, findings 2 and 8: in a weighted report the groups are on the cards' basis.

tests/data/report_weighted_by_kon.toml is the review's reproduction: the 2025 sample with
``weight_column = "Vikt"`` and ``by = "Kön"``. Before, the card said "Fysisk miljö −0,21 under
förväntan; viktat" while the unweighted group table had Kvinna −0,11 (p 0,352) and Man +0,04,
and nothing said it was unweighted. Now the per-group table, the heatmap and the cards' group
lines are the weighted groups (R ``survey::svyby``/``svyttest``:
tests/core/r/weighted_group_gaps.R), and what stays unweighted (the tests between the groups,
the pairwise table, the items of Tabell 2) says "oviktat (urvalet)" in its title and note.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.config import parse_config
from servqual_cli.report.spec import Document, Glance, Table

DATA = Path(__file__).parents[1] / "data"
REF = json.loads((Path(__file__).parents[1] / "core" / "r" / "weighted_group_gaps.json")
                 .read_text("utf-8"))["sample"]  # fmt: skip
DIMS = {"Tangibles": "Fysisk miljö", "Reliability": "Tillförlitlighet",
        "Responsiveness": "Lyhördhet", "Assurance": "Trygghet", "Empathy": "Empati"}  # fmt: skip
UNWEIGHTED = "oviktat (urvalet)"


@pytest.fixture(scope="module")
def doc() -> Document:
    path = DATA / "report_weighted_by_kon.toml"
    config = parse_config(tomllib.loads(path.read_text("utf-8")), DATA, None)
    return build_report(config)


def _tables(doc: Document) -> dict[str, Table]:
    return {b.title: b for s in doc.sections for b in s.blocks if isinstance(b, Table)}


def test_group_table_is_the_weighted_domains(doc: Document) -> None:
    table = _tables(doc)["Gap per dimension – Kön, viktat efter Vikt"]
    frame = table.frame
    p_col = "p (Holm, 10 test, grupper × dimensioner)"
    for ref in REF:
        row = frame[
            (frame["Grupp"] == ref["group"]) & (frame["Dimension"] == DIMS[ref["dimension"]])
        ]
        assert len(row) == 1
        assert float(row["Viktat gap (P−E)"].iloc[0]) == pytest.approx(ref["mean"], rel=1e-10)
        assert float(row["95\u00a0% KI låg"].iloc[0]) == pytest.approx(ref["ci_low"], rel=1e-10)
        assert float(row[p_col].iloc[0]) == pytest.approx(ref["p_adjusted"], rel=1e-8)
        assert float(row["Oviktat gap (samma n)"].iloc[0]) == pytest.approx(
            ref["unweighted_mean"], rel=1e-10
        )
    assert "Viktat efter kolumnen Vikt" in (table.note or "")
    assert "svyby" in (table.note or "")


def test_cards_group_lines_are_on_the_cards_basis(doc: Document) -> None:
    rows = {r.name: r for s in doc.sections for b in s.blocks if isinstance(b, Glance)
            for r in b.rows}  # fmt: skip
    # weighted, Kvinna is below expectation on Fysisk miljö (Holm p 0,008), Man is not (0,28)
    assert rows["Fysisk miljö"].target_verdict == "not_met"
    assert rows["Fysisk miljö"].area == "Kvinna (−0,30, n\xa0=\xa0178)"  # n = kept together
    # two groups of two: "båda grupperna", never "alla 2 grupper" (finding 8)
    assert rows["Empati"].area == "båda grupperna"


def test_heatmap_is_weighted_and_says_so(doc: Document) -> None:
    fig = next(f for f in charts.figures(doc) if f.name == "servqual_groups")
    data = fig.data
    i, j = data["rows"].index("Kvinna"), data["columns"].index("Fysisk miljö")
    ref = next(r for r in REF if r["group"] == "Kvinna" and r["dimension"] == "Tangibles")
    assert data["values"][i][j] == pytest.approx(ref["mean"], rel=1e-10)
    assert data["cells"][i][j] == "−0,30"  # told from 0: no parentheses
    assert data["cells"][data["rows"].index("Man")][j] == "(−0,12)"
    assert "Viktat efter Vikt" in (fig.caption or "")
    assert "p (Holm, 10 test, grupper × dimensioner)" in (fig.caption or "")
    assert data["labels"]["value"] == "Viktat gap (P−E), Vikt"  # the colour bar


def test_what_stays_unweighted_says_so_in_title_and_note(doc: Document) -> None:
    tables = _tables(doc)
    for title in ("Skillnader mellan grupper", "Parvisa jämförelser (Games-Howell)",
                  "Påståenden med störst negativt gap"):  # fmt: skip
        table = tables[f"{title} – {UNWEIGHTED}"]
        assert (table.note or "").startswith("Oviktat (urvalet)"), title
