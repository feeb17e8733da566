"""Review 5, through the real CLI: gap with weights, -f apa, --by (findings 1, 2, 8, 14, 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

K21 = "karlstad_servqual.xlsx"
K25 = "karlstad_servqual_2025.xlsx"


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").replace("|", " ").split())


def test_apa_with_weights_gives_the_weighted_tests_first(cli, samples_dir: Path) -> None:
    # Finding 1: -f apa printed only the unweighted lines; Tangibles flips with the weights.
    r = cli("gap", samples_dir / K25, "-f", "apa", "--weight-column", "Vikt")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Not in the APA lines")
    assert "the weighted means of perception and the overall score" in lines[0]
    assert lines[1] == (
        "Tangibles, weighted by Vikt (Kish n_eff = 253): M = -0.21, SE = 0.07, 95% CI "
        "[-0.35, -0.06], t(318) = -2.80, p = .006 (Holm, 5 dimensions: p = .006)"
    )
    assert lines[6].startswith("Tangibles, unweighted (the sample): M = -0.05, SD = 1.10")
    # 11, then "which gap is largest?" unweighted: Friedman and 10 pairs (review 15, 14)
    assert len(lines) == 22 and lines[11].startswith("Which gap is largest? Friedman test, "
                                                     "unweighted (the sample): ")  # fmt: skip


def test_apa_in_swedish_with_weights(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / K25, "-f", "apa", "--weight-column", "Vikt", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[1].startswith(
        "Fysisk miljö, viktat efter Vikt (Kish n_eff = 253): M = −0,21, "
        "SE = 0,07, 95\u00a0% KI [−0,35; −0,06], t(318) = −2,80, p = 0,006"
    )
    assert lines[6].startswith("Fysisk miljö, oviktat (urvalet): M = −0,05")


def test_apa_with_groups_and_regression(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / K25, "-f", "apa", "--by", "Tjänst", "--overall", "Helhetsbetyg")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "the pairwise group comparisons (Games-Howell, Dunn)" in lines[0]
    groups = [x for x in lines if " by Tjänst: Welch's F(3, " in x]
    assert len(groups) == 5 and all("Kruskal-Wallis H(3) = " in x for x in groups)
    assert all("ω² = " in x and "ε² = " in x and "(Holm, 5 dimensions: p " in x for x in groups)
    model = [x for x in lines if x.startswith("Helhetsbetyg on the dimension gaps")]
    assert model == ["Helhetsbetyg on the dimension gaps (OLS, n = 313): R² = .75, adjusted "
                     "R² = .74, F(5, 307) = 180.36, p < .001"]  # fmt: skip
    assert "Tangibles: β = 0.10, b = 0.14, 95% CI [0.03, 0.24], p = .011" in lines


def test_plain_apa_has_no_preamble(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / K21, "-f", "apa")
    assert r.stdout.splitlines()[0].startswith("Tangibles: M = -0.18")


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_weighted_table_comes_first_and_names_the_flip(cli, samples_dir: Path, fmt: str) -> None:
    # Finding 2: the weighted table (with its design-based p) leads; the flip is said.
    r = cli("gap", samples_dir / K25, "--weight-column", "Vikt", "--no-items", "-f", fmt)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    weighted = text.index("Weighted dimension gaps (Vikt)")
    assert weighted < text.index("Dimension gaps – unweighted (the sample)")
    assert "Tangibles 320 -0.21 0.074 -0.35 -0.06 -2.80 318 0.006 0.006 253.0 -0.05" in text
    assert (
        "Weighted and unweighted conclusions differ for: Tangibles (weighted -0.21 "
        "[-0.35, -0.06], adjusted p = .006; unweighted -0.05, adjusted p = .450)."
    ) in text
    assert "The tests above are unweighted" not in text
    assert "“Weighted dimension gaps (Vikt)” above" in text


def test_weighted_agreement_is_said_too(cli, samples_dir: Path, tmp_path: Path) -> None:
    # Equal weights: the readings agree, and the output says so (good news shown as well).
    import pandas as pd

    frame = pd.read_excel(samples_dir / K25, engine="openpyxl")
    frame["Vikt"] = 1.0
    path = tmp_path / "equal.csv"
    frame.to_csv(path, index=False)
    r = cli("gap", path, "--weight-column", "Vikt", "--no-items", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert "Viktade och oviktade slutsatser är desamma för varje dimension" in _flat(r.stdout)


def test_weighted_tests_in_json_and_csv(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / K25, "--weight-column", "Vikt", "--no-items", "-f", "json")
    data = json.loads(r.stdout)
    assert data["weighted_tests"]["adjust"] == "holm"
    assert "svyttest" in data["weighted_tests"]["method"]
    r = cli("gap", samples_dir / K25, "--weight-column", "Vikt", "--no-items", "-f", "csv")
    assert r.stdout.count(",weighted_test,") == 5


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_pairwise_rows_marked_where_the_omnibus_is_not_significant(
    cli, samples_dir: Path, fmt: str
) -> None:
    # Finding 8: Empathy Kvinna − Man p 0.015 under an omnibus test that is n.s. after Holm.
    r = cli("gap", samples_dir / K21, "--by", "Kön", "--no-items", "-f", fmt)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert "Empathy Kvinna Man -0.34 -0.62 -0.05 0.015 0.017 n.s. (Welch, KW)" in text
    assert "adjusted within each dimension, not across the 5 dimensions" in text


def test_no_mark_where_the_omnibus_is_significant(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / K21, "--by", "Tjänst", "--no-items", "-f", "markdown",
            "--lang", "sv")  # fmt: skip
    pairs = [x for x in r.stdout.splitlines()
             if x.startswith("| Trygghet | ") and ("skola" in x or "omsorg" in x)]  # fmt: skip
    assert pairs and all(x.rstrip().endswith("| ej sign. (KW) |") for x in pairs)  # KW p .058
    empathy = [x for x in r.stdout.splitlines() if x.startswith("| Empati | ") and "omsorg" in x]
    assert empathy and all(x.rstrip().endswith("|  |") for x in empathy)


def test_notes_say_the_gap_is_from_unrounded_values(cli, samples_dir: Path) -> None:
    # Finding 14: 5.74 | 5.55 | −0.18 (5.55 − 5.74 = −0.19).
    r = cli("gap", samples_dir / K21, "-f", "markdown", "--lang", "sv")
    assert r.stdout.count("Gapet är beräknat ur oavrundade värden") == 2  # dimensions, items


def test_items_note_unweighted_under_weights(cli, samples_dir: Path) -> None:
    # Finding 16: an unweighted item table beside weighted estimates says so.
    r = cli("gap", samples_dir / K25, "--weight-column", "Vikt", "-f", "markdown", "--lang", "sv")
    assert "Påståendena: oviktade (urvalet), fast vikter från Vikt används" in r.stdout


def test_apa_p_of_one_is_not_printed_as_zero(cli, samples_dir: Path) -> None:
    # A Holm p capped at 1 printed "p = .000" ("1.000" without its first character).
    r = cli("gap", samples_dir / K25, "-f", "apa", "--by", "Kön", "--weight-column", "Vikt")
    assert r.exit_code == 0, r.stderr
    assert "p = .000" not in r.stdout and "p > .999" in r.stdout
    assert "Tangibles by Kön, unweighted (the sample): Welch's F(1, 307.27)" in r.stdout
