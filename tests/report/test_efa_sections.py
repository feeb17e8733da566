"""The EFA tables: the core's loadings shown as they are, the highest loading and cross-loadings
named by the 0.30 rule, Swedish words, and the tables reaching the `reliability` output."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from servqual_cli.core.factor import EFAResult
from servqual_cli.core.reliability import AlphaResult
from servqual_cli.core.scales import InstrumentReliability, Validity
from servqual_cli.report.efa_sections import efa_tables, loadings_frame, variance_frame


def _validity(phi: bool = True) -> Validity:
    lam = pd.DataFrame(
        [[0.80, 0.10], [0.45, 0.35], [-0.05, -0.70], [0.20, 0.25]],
        index=pd.Index(["E1", "E2", "E3", "E4"], name="item"),
        columns=["F1", "F2"],
    )
    h2 = pd.Series([0.65, 0.32, 0.49, 0.10], index=lam.index)
    efa = EFAResult(
        method="minres",
        rotation="oblimin" if phi else "varimax",
        n_factors=2,
        n=100,
        n_rows=100,
        loadings=lam,
        communality=h2,
        uniqueness=1 - h2,
        phi=pd.DataFrame([[1.0, 0.3], [0.3, 1.0]], ["F1", "F2"], ["F1", "F2"]) if phi else None,
        ss_loadings=pd.Series([1.2, 0.8], index=["F1", "F2"]),
    )
    return Validity(score="E", kmo=None, bartlett=None, efa=efa, cfa=None, corr_n=97)


def _result(v: Validity) -> InstrumentReliability:
    scales = tuple(
        AlphaResult(
            100,
            2,
            0.8,
            0.8,
            0.6,
            0.7,
            0.9,
            "feldt",
            pd.DataFrame({"item": items}),
            scale=f"E:{dim}",
        )
        for dim, items in (("Tangibles", ["E1", "E2"]), ("Empathy", ["E3", "E4"]))
    )
    return InstrumentReliability(scales=scales, validity=(v,))


def test_loadings_are_the_cores_and_the_cut_names_primary_and_cross() -> None:
    v = _validity()
    frame = loadings_frame(v, {"E1": "Tangibles", "E3": "Empathy"}, "en")
    factors = ["Factor 1", "Factor 2"]  # not "F1", an item's name in Swedish files (review 13)
    np.testing.assert_array_equal(frame[factors].to_numpy(), v.efa.loadings.to_numpy())
    assert frame["primary"].tolist() == ["Factor 1", "Factor 1", "Factor 2", "none"]  # E4 < 0.30
    assert frame["cross"].tolist() == ["none", "Factor 2", "none", "none"]  # E2: 0.35 ≥ 0.30
    assert frame["dimension"].tolist() == ["Tangibles", "–", "Empathy", "–"]


def test_variance_share_is_ss_over_items_and_phi_only_when_oblique() -> None:
    var = variance_frame(_validity())
    assert var["proportion"].tolist() == [1.2 / 4, 0.8 / 4]
    assert var["factor"].tolist() == ["Factor 1", "Factor 2"]
    assert var["r Factor 2"].tolist() == [0.3, 1.0]
    assert "r Factor 1" not in variance_frame(_validity(phi=False)).columns
    assert variance_frame(_validity(), "sv")["factor"].tolist() == ["Faktor 1", "Faktor 2"]


def test_tables_in_swedish_name_the_method_and_the_basis() -> None:
    tables = efa_tables(_result(_validity()), "sv", "EFA")
    assert [t.title for t in tables] == [
        "Explorativ faktoranalys (EFA), mönstermatris: Förväntan",
        "EFA, förklarad varians och faktorkorrelationer: Förväntan",
    ]
    assert all(t.appendix for t in tables)
    assert [t.sheet for t in tables] == ["EFA E", "EFA E varians"]  # the score and the table
    assert [t.sheet for t in efa_tables(_result(_validity()), "en", "EFA")] == [
        "EFA E",
        "EFA E variance",
    ]
    note = tables[0].note or ""
    assert "minres (minsta residual), oblimin-rotation (sneda faktorer), 2 faktorer" in note
    assert "parvisa korrelationer (minsta n = 97)" in note and "0,30" in note
    assert tables[0].frame["Dimension (enkätens)"].tolist()[:3] == ["Fysisk miljö", "Fysisk miljö",
                                                                     "Empati"]  # fmt: skip
    assert "Andra faktorer med |laddning| ≥ 0,30" in tables[0].frame.columns


def test_reliability_prints_the_pattern_matrix(cli, samples_dir: Path) -> None:
    """The sample's E1 loads 0.82 on its factor (psych::fa, minres + oblimin: 0.820)."""
    res = cli("reliability", samples_dir / "karlstad_servqual.xlsx", "--no-items", "-f", "markdown")
    assert res.exit_code == 0, res.stderr
    assert "Exploratory factor analysis (EFA), pattern matrix: Expectation" in res.stdout
    row = next(line for line in res.stdout.splitlines() if line.startswith("| Statement 1 "))
    assert "| Tangibles " in row and "0.82" in row
