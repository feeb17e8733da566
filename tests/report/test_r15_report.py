"""Review 15, findings 3, 4 and 5 in the report (tests/data/r15_report.toml, sv and en).

3. The tolerance section (r15_tolerans.csv: A and D of items 4 and 11 stored unreversed) warns
   and names the items with their shares of D < A; Tillgång and Information get no verdict in
   the table and in the figure (before: "inom zonen", with no word on the inverted items).
4. Figur 2 (the items) follows the item table's p (Holm, 16 påståenden), as Figur 3 (the groups)
   follows its adjusted p: item 5's unadjusted interval lies below 0 but its Holm p is 0,066, so
   its bar is "kan inte skiljas från 0" (before: "under förväntan (KI under 0)", beside the grey
   cells of the group figure for the same kind of gap). The rule is tested on the figure spec
   the chart renderer receives (its verdict codes and legend words) and on the figure's CSV.
   Reference: scipy's one-sample t-test per item and Holm's step-down by hand.
5. The line under the weighted test between the groups (Bemötande: weighted p (Holm) 0,044,
   Welch 0,114; R values in tests/report/r/r15_group_differ.json).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

DATA = Path(__file__).parents[1] / "data"
CONFIG = DATA / "r15_report.toml"


def _build(folder: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Build the report; return the figure specs the chart renderer received, by name."""
    from servqual_cli.cli.main import main
    from servqual_cli.report import charts

    seen: dict[str, object] = {}
    real = charts.render

    def spy(figure, lang=None):  # type: ignore[no-untyped-def]
        seen[figure.name] = figure
        return real(figure, lang)

    monkeypatch.setattr(charts, "render", spy)
    assert main(["report", str(CONFIG), "-o", str(folder), "--lang", lang]) == 0
    return seen


@pytest.fixture(scope="module", params=["sv", "en"])
def built(request, tmp_path_factory: pytest.TempPathFactory):
    lang = request.param
    with pytest.MonkeyPatch.context() as mp:
        folder = tmp_path_factory.mktemp(f"r15_{lang}") / "out"
        seen = _build(folder, lang, mp)
    return lang, folder, (folder / "report.md").read_text("utf-8"), seen


def _holm_items() -> dict[int, float]:
    """Each item's gap t-test p, Holm-adjusted across the 16 items (scipy, by hand)."""
    raw = pd.read_csv(DATA / "r15_enkat.csv", sep=";", dtype=str)

    def conv(s: pd.Series) -> pd.Series:
        s = s.replace({"Instämmer helt": "7", "Instämmer inte alls": "1"})
        v = pd.to_numeric(s, errors="coerce")
        return v.where(v != 99)

    p = {}
    for i in range(1, 17):
        e, pp = conv(raw[f"E{i}"]), conv(raw[f"P{i}"])
        if i in (4, 11):
            e, pp = 8 - e, 8 - pp
        p[i] = float(stats.ttest_1samp((pp - e).dropna(), 0).pvalue)
    order = sorted(p, key=p.get)
    m, running, out = len(p), 0.0, {}
    for k, i in enumerate(order):
        running = max(running, min(1.0, (m - k) * p[i]))
        out[i] = running
    return out


def test_item_figure_follows_the_holm_column(built) -> None:
    lang, folder, md, seen = built
    fig = seen["servqual_items"]
    d = fig.data
    holm = _holm_items()
    items = [int(c.split(" · ")[0]) for c in d["categories"]]
    assert d["p_adjusted"] == pytest.approx([holm[i] for i in items], rel=1e-9)
    for i, v, gap in zip(items, d["verdict"], d["gap"], strict=True):
        told = holm[i] < 0.05
        assert v == ("below" if told and gap < 0 else "above" if told else "unclear")
    five = items.index(5)
    assert d["ci_high"][five] < 0 and round(holm[5], 3) == 0.066  # the finding's case
    assert d["verdict"][five] == "unclear"
    unclear = "kan inte skiljas från 0" if lang == "sv" else "cannot be told from 0"
    below = "under förväntan" if lang == "sv" else "below expectation"
    assert d["verdict_labels"]["unclear"] == unclear  # the group figure's words
    assert d["verdict_labels"]["below"] == below
    rule = ("En streckad stapel kan inte skiljas från 0: dess p (Holm, 16 påståenden) är 0,05 "
            "eller mer, som i tabellen per påstående" if lang == "sv" else
            "A hatched bar cannot be told from 0: its p (Holm, 16 items) is 0.05 or more, as in "
            "the per-item table")  # fmt: skip
    assert rule in fig.caption and rule in md
    assert "KI under 0" not in md and "CI below 0" not in md
    # the figure's CSV: the p it follows and the verdict, item 5 among those not told
    with (folder / "data" / "servqual_items.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    head = rows[0]
    p_col = next(j for j, h in enumerate(head) if h.startswith("p (Holm, 16 "))
    row5 = next(r for r in rows[1:] if r[0].startswith("5 · "))
    assert float(row5[p_col].replace(",", ".")) == pytest.approx(holm[5], rel=1e-9)
    assert row5[-1] == unclear


def test_tolerance_section_and_figure_give_no_verdict(built) -> None:
    lang, _, md, seen = built
    words = (
        "Påståendena 4 och 11: D under A i 90,6\u00a0% och 84,4\u00a0% av svaren."
        if lang == "sv"
        else "Items 4 and 11: D below A in 90.6% and 84.4% of the answers."
    )
    assert md.count(words) == 1
    assert ("redan omvända i filen" if lang == "sv" else "already reversed in the file") in md
    none = ("ingen bedömning (påstående med omvänd zon)" if lang == "sv"
            else "no verdict (an item's zone is inverted)")  # fmt: skip
    assert md.count(f"| {none} |") == 2
    fig = seen["tolerance_zone"]
    assert fig.data["position"] == ["inverted_item", "inside", "inverted_item", "inside"]
    assert fig.data["position_labels"]["inverted_item"] == none


def test_group_tests_say_weighted_and_welch_differ(built) -> None:
    lang, _, md, _ = built
    ref = json.loads((Path(__file__).parent / "r" / "r15_group_differ.json").read_text("utf-8"))
    differ = [r["dimension"] for r in ref
              if (r["wald_p_holm"] < 0.05) != (r["welch_p_holm"] < 0.05)]  # fmt: skip
    assert differ == ["Bemötande"]
    words = ("ger olika slutsats (p justerat, 5\u00a0%-nivån) för Bemötande (viktat p = 0,044; "
             "Welchs ANOVA p = 0,114): det viktade testet gäller befolkningen" if lang == "sv" else
             "reach different conclusions (adjusted p, 5% level) for Treatment (weighted p = "
             ".044; Welch's ANOVA p = .114): the weighted test describes the "
             "population")  # fmt: skip
    assert md.count(words) == 1
    wald = next(r["wald_p_holm"] for r in ref if r["dimension"] == "Bemötande")
    assert np.isclose(wald, 0.04418, atol=5e-6)
