"""The derived-importance section and APA lines (review 13, finding 12): "no b has p < .05"
says what it tests, and "the dimensions explain little" follows the model's F test, not the
b's; a value that rounds to zero is printed without a sign, as in the table."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from servqual_cli.core.importance import Importance, derived_importance
from servqual_cli.report.gap_apa import importance_apa_lines
from servqual_cli.report.importance_sections import importance_sections
from servqual_cli.report.spec import Text


def _two_collinear(seed: int) -> Importance:
    """Two dimensions correlated about 0.98 (VIF 20-35) on 30 respondents."""
    rng = np.random.default_rng(seed)
    z = rng.normal(size=30)
    x = np.column_stack([z + 0.15 * rng.normal(size=30), z + 0.15 * rng.normal(size=30)])
    return derived_importance(0.5 * z + rng.normal(size=30), x, ["A", "B"], "Helhet")


def _warnings(res: Importance, lang: str) -> list[str]:
    (section,) = importance_sections(res, lang)
    return [b.text for b in section.blocks if isinstance(b, Text) and b.kind == "warning"]


def test_no_b_but_the_model_explains() -> None:
    res = _two_collinear(14)  # F p < .001, neither b has p < .05
    assert res.f_test.p < 0.001 and (res.coefficients["p"] > 0.05).all()
    sv, en = _warnings(res, "sv"), _warnings(res, "en")
    assert any(w.startswith("Dimensionerna är starkt korrelerade") for w in sv)
    assert "Inget b har p < 0,05, men modellens F-test har det" in sv[-1]
    assert "förklarar lite" not in " ".join(sv)
    assert en[-1].startswith("No b has p < 0.05, but the model's F test has")
    assert "explain little" not in " ".join(en)


def test_no_b_and_no_model() -> None:
    res = _two_collinear(5)  # F p = .79
    assert res.f_test.p > 0.05
    assert _warnings(res, "sv")[-1].startswith(
        "Inget b har p < 0,05, och inte heller modellens F-test"
    )
    assert "förklarar lite av 'Helhet'" in _warnings(res, "sv")[-1]
    assert "explain little of 'Helhet'" in _warnings(res, "en")[-1]


def test_apa_lines_print_zero_without_sign() -> None:
    res = _two_collinear(14)
    coef = res.coefficients.assign(b=[-0.004, 0.5], beta=[-0.003, 0.4], ci_low=[-0.0049, 0.1])
    lines = importance_apa_lines(replace(res, coefficients=coef), "sv")
    assert lines[1].startswith("A: β = 0,00, b = 0,00, 95\u00a0% KI [0,00; ")
    assert not any("−0,00" in line for line in lines)
    en = importance_apa_lines(replace(res, coefficients=coef), "en")
    assert en[1].startswith("A: β = 0.00, b = 0.00, 95% CI [0.00, ")
