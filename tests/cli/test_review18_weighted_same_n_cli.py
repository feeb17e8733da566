"""Review 18, finding 1: with ``--weight-column`` the weighted tables' "Oviktat gap"/"Oviktat
medel" are means over the respondents with a valid weight only (Fysisk miljö −0,13 on 113), the
unweighted table's over all (−0,08 on 118), and nothing said so. The heads now say "(samma n)",
the notes name the respondents left out of them and the JSON names the basis.

tests/data/r17_messy_weighted.csv is /tmp/r18/messy_gap.csv of the review.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data" / "r17_messy_weighted.csv"


def _run(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    from servqual_cli.cli.main import main

    args = ["gap", str(DATA), "--instrument", "pzb1991", "--weight-column", "Vikt", *extra]
    assert main(args) == 0
    return capsys.readouterr().out


def test_terminal_names_the_same_n_basis(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "--lang", "sv", "-f", "markdown")
    assert "| Oviktat gap (samma n) |" in out
    assert "| Oviktat medel (samma n) |" in out
    flat = " ".join(out.split())
    assert "oviktade medel på samma n svarande med giltig vikt som de viktade" in flat
    assert flat.count("utan giltig vikt eller med vikt 0") == 2  # both weighted tables' notes


def test_json_names_the_same_n_basis(capsys: pytest.CaptureFixture[str]) -> None:
    payload = json.loads(_run(capsys, "-f", "json"))
    for key in ("weighted_tests", "weighted"):
        assert "same n respondents" in payload[key]["unweighted_mean_basis"]


def test_english_heads(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "--lang", "en", "-f", "markdown")
    assert "| Unweighted gap (same n) |" in out
