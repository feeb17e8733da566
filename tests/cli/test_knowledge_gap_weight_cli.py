"""Review 9 finding 4: knowledge-gap on a survey with a weight column said nothing of it, while
gap, items and trend name it. The citizens' expectations are then the sample's unweighted means,
set against staff's picture of the population; the output says so (knowledge-gap has no
--weight-column, so the sentence gives no such advice) and the JSON names the columns per file,
as its ``excluded`` and ``duplicate_rows`` do."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

R = Path(__file__).parents[1] / "core" / "r"
DATA = Path(__file__).parents[1] / "data"


def _files(tmp: Path, cust_weight: str | None, staff_weight: str | None) -> tuple[Path, Path]:
    """The toolbox's synthetic customers and staff (tests/core/r/toolbox_synth.csv), with the
    weight column ``w`` (a name that reads as no weight) renamed or dropped."""
    frame = pd.read_csv(R / "toolbox_synth.csv")
    cust, staff = tmp / "medborgare.csv", tmp / "personal.csv"
    e_cols = ["role"] + [f"E{i}" for i in range(1, 7)]
    customers = frame[frame["role"] == "customer"].drop(columns="w")
    if cust_weight:
        customers[cust_weight] = frame.loc[frame["role"] == "customer", "w"]
    customers.to_csv(cust, index=False)
    staffers = frame.loc[frame["role"] == "staff", e_cols]
    if staff_weight:
        staffers[staff_weight] = 1.0
    staffers.to_csv(staff, index=False)
    return cust, staff


def _run(cli, cust: Path, staff: Path, *args: str):
    r = cli("knowledge-gap", cust, staff, "--instrument", str(DATA / "toolbox.toml"), *args)
    assert r.exit_code == 0, r.stderr
    return r


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("sv", "Viktkolumn som knowledge-gap inte använder: Vikt (medborgare.csv), "
               "kalibreringsvikt (personal.csv). Jämförelsen gäller urvalen, inte befolkningen "
               "(knowledge-gap viktar inte svaren)."),
        ("en", "Weight column that knowledge-gap does not use: Vikt (medborgare.csv), "
               "kalibreringsvikt (personal.csv). The comparison describes the samples, not the "
               "population (knowledge-gap does not weight the answers)."),
    ],
)  # fmt: skip
def test_an_unused_weight_column_is_named(cli, tmp_path: Path, lang: str, sentence: str) -> None:
    cust, staff = _files(tmp_path, "Vikt", "kalibreringsvikt")
    text = " ".join(_run(cli, cust, staff, "--lang", lang).stdout.split())
    assert sentence in text
    d = json.loads(_run(cli, cust, staff, "-f", "json").stdout)
    assert d["unused_weight_columns"] == {"customers": ["Vikt"], "staff": ["kalibreringsvikt"]}


def test_nothing_is_said_without_one(cli, tmp_path: Path) -> None:
    cust, staff = _files(tmp_path, None, None)
    assert "knowledge-gap" not in _run(cli, cust, staff).stdout
    d = json.loads(_run(cli, cust, staff, "-f", "json").stdout)
    assert d["unused_weight_columns"] == {"customers": [], "staff": []}


def test_the_reviewers_case(cli) -> None:
    samples = Path(__file__).parents[2] / "data" / "samples"
    cust, staff = samples / "karlstad_servqual_2025.xlsx", samples / "karlstad_personal.xlsx"
    r = cli("knowledge-gap", cust, staff, "--lang", "sv", "--no-items")
    assert r.exit_code == 0, r.stderr
    assert (
        "Viktkolumn som knowledge-gap inte använder: Vikt (karlstad_servqual_2025.xlsx)."
        in " ".join(r.stdout.split())
    )
