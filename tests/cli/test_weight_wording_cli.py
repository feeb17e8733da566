"""`gap --weight-column`: the first table says it is unweighted and points to the weighted one,
and the overall note speaks of importance weights, not of weights at all (review 2, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

ARGS = ("--no-items", "--overall", "Helhetsbetyg", "--profile", "Kön,Åldersgrupp")


@pytest.mark.parametrize(
    ("lang", "first", "importance", "pointer"),
    [("en", "Dimension gaps – unweighted (the sample)", "no importance weights (W1–W5) in the file",
      "“Weighted dimension gaps (Vikt)” above"),
     ("sv", "Gap per dimension – oviktat (urvalet)", "inga viktighetsvikter (W1–W5) i filen",
      "”Viktade dimensionsgap (Vikt)” ovan")],
)  # fmt: skip
def test_weighted_run_names_what_is_unweighted(
    cli, samples_dir: Path, lang: str, first: str, importance: str, pointer: str
) -> None:
    path = samples_dir / "karlstad_servqual_2025.xlsx"
    r = cli("gap", path, *ARGS, "--weight-column", "Vikt", "-f", "markdown", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert f"### {first}" in r.stdout
    assert importance in r.stdout and pointer in r.stdout
    assert "no weights in the file" not in r.stdout and "inga vikter i filen" not in r.stdout
    assert r.stdout.index(first) < r.stdout.index(pointer)


def test_without_survey_weights_the_table_keeps_its_title(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", *ARGS, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "### Dimension gaps\n" in r.stdout and "unweighted (the sample)" not in r.stdout
