"""Review 12b, findings 4 and 9: the overview's words for a small group and an unused weight.

tests/data/glance_small_group.csv (written by glance_small_group_gen.py): three units below
expectations in every dimension, Norr (45), Söder (40) and Simhall (**12**, under ``min_n`` =
30), and a ``Vikt`` column that tests/data/glance_small_group.toml does not use.

Finding 4: the cards said "Under förväntan i alla 3 grupper", hiding that one of the 3 rests on
12 answers (the heatmap and ``--split`` withhold it). The rule chosen is f-kt's for a KPI on a
small base (review 12a finding 3): the verdict stands where the group's own test settles it, and
the small base is marked, "alla 3 grupper (Simhall: litet underlag, n = 12)", with the card's
note saying what the mark means. Finding 9: the cards of a report that leaves a weight column
unused did not say they are unweighted; each card's note now says "oviktat (urvalet)".

The report is built once per language and rendered three ways (the web page's cards, the
Markdown overview, the workbook's overview sheet, parsed as in test_glance_three_renderers), so
a fact on one and not the others fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from servqual_cli.report.build import build_report, load_survey
from servqual_cli.report.catalog import rl
from servqual_cli.report.config import load_config
from servqual_cli.report.excel import write_workbook
from servqual_cli.report.html import PageOptions, render_html
from servqual_cli.report.markdown import render_document

from .test_glance_three_renderers import DIMENSIONS, NONE, _cards, _fake_svg, _markdown, _sheet

DATA = Path(__file__).parents[1] / "data"
CSV = DATA / "glance_small_group.csv"
# PZB 1991: the items of each dimension, in the report's order
ITEMS = {"Tangibles": range(1, 5), "Reliability": range(5, 10), "Responsiveness": range(10, 14),
         "Assurance": range(14, 18), "Empathy": range(18, 23)}  # fmt: skip
GROUP_LINE = {
    "sv": "Under förväntan i alla 3 grupper (Simhall: litet underlag, n = 12)",
    "en": "Below expectations in all 3 groups (Simhall: small base, n = 12)",
}


@pytest.fixture(scope="module", params=["sv", "en"])
def outputs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    lang = request.param
    config = replace(load_config(DATA / "glance_small_group.toml"), language=lang)
    doc = build_report(config, load_survey(config))
    path = tmp_path_factory.mktemp(f"glance_small_{lang}") / "report.xlsx"
    write_workbook(doc, path, None, dt.datetime(2024, 1, 1))
    paragraph, md = _markdown(render_document(doc), lang)
    note, sheet = _sheet(path)
    cards = _cards(render_html(doc, PageOptions(chart_svg=_fake_svg)))
    return {"lang": lang, "paragraph": paragraph, "md": md, "sheet": sheet, "note": note,
            "cards": cards}  # fmt: skip


def test_the_data_put_the_small_unit_below_expectations() -> None:
    """The premise, checked with scipy: Simhall has 12 answers (< 30), and each dimension's
    gap there is below 0 by a one-sample t-test, Holm over the 3 groups x 5 dimensions (the
    family of the report's per-group test), so the verdict is the data's, not the rule's."""
    d = pd.read_csv(CSV, sep=";", decimal=",")
    assert d["Enhet"].value_counts().to_dict() == {"Norr": 45, "Söder": 40, "Simhall": 12}
    p = []
    for _, g in d.groupby("Enhet"):
        for items in ITEMS.values():
            gaps = np.mean([g[f"P{i}"] - g[f"E{i}"] for i in items], axis=0)
            p.append(stats.ttest_1samp(gaps, 0.0, alternative="two-sided").pvalue)
    order = np.argsort(p)  # Holm: the k-th smallest p times (m - k), kept monotone
    adjusted = np.maximum.accumulate([(len(p) - k) * p[i] for k, i in enumerate(order)])
    assert adjusted.max() < 0.05  # every group x dimension is told from 0 after Holm


def test_small_group_marked_in_every_renderer(outputs: dict) -> None:
    """Finding 4: every dimension's group line names Simhall's small base, on the card, in the
    Markdown row and in the sheet row alike (before: "Under förväntan i alla 3 grupper")."""
    lang, head = outputs["lang"], rl("g_groups", outputs["lang"])
    for dim in DIMENSIONS[lang]:
        card = outputs["cards"][dim]["area"]
        assert card == outputs["md"][dim][head] == outputs["sheet"][dim][head] == GROUP_LINE[lang]
    assert outputs["md"][rl("overall_gap", lang)][head] == NONE


def test_card_notes_say_small_base_and_unweighted(outputs: dict) -> None:
    """Findings 4 and 9: each dimension's note says what "litet underlag" means and that the
    value is unweighted though the file has a weight column; the overall gap's note says the
    latter; the workbook's "Anmärkning" and the Markdown row carry the same note."""
    lang = outputs["lang"]
    small = rl("g_groups_small_note", lang, min_n=30).replace("\xa0", " ")
    unweighted = rl("g_unweighted_unused", lang, columns="Vikt")
    head, value_head = rl("g_row_note", lang), rl("g_this_period", lang)
    for measure in (rl("overall_gap", lang), *DIMENSIONS[lang]):
        note = outputs["cards"][measure]["note"]
        assert unweighted in note, measure
        assert (small in note) == (measure in DIMENSIONS[lang]), measure
        assert outputs["sheet"][measure][head] == note, measure
        assert outputs["md"][measure][value_head].endswith(f"; {note}"), measure


def test_paragraph_names_the_small_base_and_no_largest_gap(outputs: dict) -> None:
    """Findings 4 and 5: the paragraph carries the marked group line, and with every
    dimension below expectations and none told from the largest by the pair tests, it says
    no gap can be told from the largest (review 12c, finding 4: not "equal") instead of listing
    all five as "largest"."""
    lang, paragraph = outputs["lang"], outputs["paragraph"]
    equal = {
        "sv": "inget av gapen kan skiljas från det största, så inget pekas ut som störst "
        "(mellan −0,99 och −0,78)",
        "en": "none of the gaps can be told from the largest, so none is named the largest "
        "(between -0.99 and -0.78)",
    }
    assert equal[lang] in paragraph
    assert "Störst är" not in paragraph and "The gap is largest" not in paragraph
    assert "lika stora" not in paragraph and "equal within" not in paragraph
    assert f"{GROUP_LINE[lang]}: " in paragraph
    assert paragraph in outputs["note"]
