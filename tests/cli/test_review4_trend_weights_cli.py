"""Review 4 finding 4: `trend` on SERVQUAL surveys and `items` name a weight column they leave
unused, as `gap` and the report do (the results describe the sample, not the population)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_survey_trend_names_the_unused_weight_column(cli, samples_dir: Path, lang: str) -> None:
    r = cli("trend", samples_dir / "karlstad_servqual.xlsx",
            samples_dir / "karlstad_servqual_2025.xlsx", "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    flat = " ".join(r.stdout.split())
    word = {"en": "Weight column that trend does not use: Vikt (2025)",
            "sv": "Viktkolumn som trend inte använder: Vikt (2025)"}  # fmt: skip
    assert word[lang] in flat
    j = cli("trend", samples_dir / "karlstad_servqual.xlsx",
            samples_dir / "karlstad_servqual_2025.xlsx", "-f", "json")  # fmt: skip
    assert json.loads(j.stdout)["unused_weight_columns"] == ["Vikt (2025)"]


def test_items_names_the_unused_weight_column(cli, samples_dir: Path) -> None:
    r = cli("items", samples_dir / "karlstad_servqual_2025.xlsx", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["unused_weight_columns"] == ["Vikt"]
    text = cli("items", samples_dir / "karlstad_servqual_2025.xlsx")
    assert "The file has a weight column (Vikt) that is not used" in " ".join(text.stdout.split())
    used = cli("items", samples_dir / "karlstad_servqual_2025.xlsx", "--weight-column", "Vikt",
               "-f", "json")  # fmt: skip
    assert json.loads(used.stdout)["unused_weight_columns"] == []
