"""``gap --overall`` through the real CLI on collinear dimension gaps (review 13, finding 1): the
table, JSON and CSV show each dimension's VIF and zero-order r, and a warning names the
dimensions whose b and β must not be read as weights; the sample gets no such warning. Review
13, finding 12: no "(0 … left out)" bracket, and "no b has p < .05" gated on the model's F."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

WARNING = {
    "sv": (
        "Dimensionerna är starkt korrelerade med varandra (VIF över 5: Tillgänglighet (8,8), "
        "Bemötande (10,8), Information (7,0), Resultat (7,5); b med motsatt tecken mot "
        "dimensionens egen korrelation med 'Helhet': Bemötande (r = 0,57, b = −0,89); |β| över "
        "1: Resultat (β = 1,05)). b och β kan då byta tecken och ska inte läsas som vikter; läs "
        "de relativa vikterna, som delar R² mellan korrelerade dimensioner."
    ),
    "en": (
        "The dimensions are strongly correlated with each other (VIF above 5: Tillgänglighet "
        "(8.8), Bemötande (10.8), Information (7.0), Resultat (7.5); b of the opposite sign to "
        "the dimension's own correlation with 'Helhet': Bemötande (r = 0.57, b = -0.89); |β| "
        "above 1: Resultat (β = 1.05)). b and β can then change sign and must not be read as "
        "weights; read the relative weights, which share R² between correlated dimensions."
    ),
}


def _args(data_dir: Path) -> list[str | Path]:
    inst = data_dir / "importance_collinear.toml"
    return ["gap", data_dir / "importance_collinear.csv", "-i", inst, "--overall", "Helhet",
            "--no-items"]  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_collinear_dimensions_are_warned_about(cli, data_dir: Path, lang: str, fmt: str) -> None:
    r = cli(*_args(data_dir), "--lang", lang, "-f", fmt)
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.replace("**", "").split())
    assert WARNING[lang] in text
    # the note names VIF, and n without a bracket for the none left out (finding 12)
    assert ("n = 30; R² = 0,635" if lang == "sv" else "n = 30; R² = 0.635") in text
    assert "0 utan alla värden" not in text and "0 without every value" not in text


def test_json_and_csv_carry_vif_and_r(cli, data_dir: Path) -> None:
    out = json.loads(cli(*_args(data_dir), "-f", "json").stdout)["importance"]
    rows = {c["dimension"]: c for c in out["coefficients"]}
    assert rows["Bemötande"]["vif"] == pytest.approx(10.83018, rel=1e-5)
    assert rows["Bemötande"]["r_overall"] > 0 > rows["Bemötande"]["b"]
    assert out["vif_high"] == ["Tillgänglighet", "Bemötande", "Information", "Resultat"]
    assert out["sign_differs"] == ["Bemötande"] and out["beta_beyond_one"] == ["Resultat"]
    table = csv.DictReader(io.StringIO(cli(*_args(data_dir), "-f", "csv").stdout))
    imp = {row["name"]: row for row in table if row["level"] == "importance"}
    assert float(imp["Bemötande"]["vif"]) == pytest.approx(10.83018, rel=1e-5)
    assert float(imp["Bemötande"]["r_overall"]) == pytest.approx(0.573294, rel=1e-5)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_sample_is_not_warned_about(cli, samples_dir: Path, lang: str) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--overall", "Helhetsbetyg",
            "--no-items", "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    assert "korrelerade med varandra" not in text and "correlated with each other" not in text
    assert "VIF" in text  # the column and the note are there all the same
    # the sample leaves 7 respondents out: the bracket stays
    assert "(7 utan alla värden utelämnade)" in text or "(7 without every value left out)" in text


@pytest.mark.parametrize(("lang", "heading", "old"), [
    ("sv", "Vilket gap är störst?", "väger tyngst"),
    ("en", "Which gap is largest?", "matters most"),
])  # fmt: skip
def test_friedman_heading_says_largest(cli, data_dir: Path, lang: str, heading: str,
                                       old: str) -> None:  # fmt: skip
    # review 13, finding 9: Friedman tells which gap is largest; "which matters" is --overall's
    r = cli(*_args(data_dir)[:4], "--no-items", "--lang", lang)
    assert heading in r.stdout and old not in r.stdout
