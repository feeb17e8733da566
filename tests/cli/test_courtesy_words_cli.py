"""Bemötande is courtesy in English (review 10a, finding 9: "Treatment index" reads as medical
treatment). Every English output of the service measurement and the citizen survey says
"courtesy"; the JSON keys (``treatment_index``, ``treatment``) are the schema and stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("contacts", SAMPLES / "servicematning_2020.xlsx"),
         ["Courtesy index, all (0–100)", "Good or very good courtesy", "Courtesy (bemötande)"]),
        (("trend", SAMPLES / "servicematning_2019.xlsx", SAMPLES / "servicematning_2020.xlsx"),
         ["Courtesy index", "Mann-Whitney (times, courtesy)"]),
        (("service-survey", SAMPLES / "servicematning_medborgare_2022_2024.xlsx"),
         ["Courtesy"]),
    ],
)  # fmt: skip
def test_english_says_courtesy(cli, args: tuple[str | Path, ...], words: list[str]) -> None:
    out = cli(*args, "--lang", "en", "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    for word in words:
        assert word in out.stdout
    assert "treatment" not in out.stdout.lower()
    sv = cli(*args, "--lang", "sv", "-f", "markdown").stdout
    assert "Courtesy" not in sv and "emötande" in sv  # the Swedish words are unchanged


def test_json_keys_stay(cli) -> None:
    out = json.loads(cli("contacts", SAMPLES / "servicematning_2020.xlsx", "-f", "json").stdout)
    assert "treatment_counts" in out
