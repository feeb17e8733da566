"""Review 13, finding 4: a reversed item is named wherever its score is shown. ``gap``,
``items`` and ``reliability`` said "Omvänt formulerat påstående 7 räknat som 6 − svaret";
``knowledge-gap`` and ``tolerance`` did not, and tolerance counted "D < A" on levels it had
reversed without saying so. A negative item-rest correlation of an item the instrument already
reverses asked "omvänt påstående som inte angetts?", which points the wrong way.

Finding 8: ``[dimension_labels.en]`` was parsed and never used; English output of a Swedish
instrument now says its English names, Swedish output its own.

Data: the toolbox's synthetic survey (tests/core/r/toolbox_synth.csv) read by
tests/data/instruments/toolbox_reversed.toml (item 3 reversed, scale 1–7, so 8 − the answer).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.report.catalog import dimension_name

DATA = Path(__file__).parents[1] / "data"
SYNTH = Path(__file__).parents[1] / "core" / "r" / "toolbox_synth.csv"
INSTRUMENT = DATA / "instruments" / "toolbox_reversed.toml"
NOTE_SV = "Omvänt formulerat påstående 3 räknat som 8 − svaret (skala 1–7)."
NOTE_EN = "Negatively worded item 3 scored as 8 − the answer (scale 1–7)."


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("reversed")
    frame = pd.read_csv(SYNTH)
    cust, staff = tmp / "medborgare.csv", tmp / "personal.csv"
    frame[frame["role"] == "customer"].drop(columns="w").to_csv(cust, index=False)
    e_cols = ["role"] + [f"E{i}" for i in range(1, 7)]
    frame.loc[frame["role"] == "staff", e_cols].to_csv(staff, index=False)
    return cust, staff


def _ok(cli, *args: str | Path) -> str:
    r = cli(*args, "-i", str(INSTRUMENT))
    assert r.exit_code == 0, r.stderr
    return str(r.stdout)


@pytest.mark.parametrize(("lang", "note", "rule"), [
    ("sv", NOTE_SV + " A och D vänds på samma sätt.", "Svar med D < A efter omvändningen behålls"),
    ("en", NOTE_EN + " A and D are reversed the same way.",
     "Answers with D < A after the reversal are kept"),
])  # fmt: skip
def test_tolerance_names_the_reversal_of_a_d_and_p(cli, files, lang, note, rule) -> None:
    out = _ok(cli, "tolerance", files[0], "-f", "markdown", "--lang", lang)
    assert note in out and rule in out
    data = json.loads(_ok(cli, "tolerance", files[0], "-f", "json"))
    assert data["reversed"] == {"items": [3], "scored_as": "8 - answer"}


def test_knowledge_gap_names_the_reversal(cli, files) -> None:
    assert NOTE_SV in _ok(cli, "knowledge-gap", *files, "-f", "markdown", "--lang", "sv")
    assert NOTE_EN in _ok(cli, "knowledge-gap", *files, "--lang", "en")  # the terminal
    data = json.loads(_ok(cli, "knowledge-gap", *files, "-f", "json"))
    assert data["reversed"] == {"items": [3], "scored_as": "8 - answer"}


def test_negative_r_of_a_declared_reversed_item_asks_about_the_reversal(cli, files) -> None:
    out = _ok(cli, "reliability", files[0], "-f", "markdown", "--lang", "sv")
    lines = [x for x in out.splitlines() if "negativ korrelation" in x]
    declared = [x for x in lines if "påstående E3 " in x or "påstående P3 " in x]
    assert declared and all("angivet som omvänt: stämmer omvändningen?" in x for x in declared)
    assert not any("inte angetts" in x for x in declared)
    # an item not declared reversed keeps the question whether it should be
    assert any("påstående E4 " in x and "inte angetts" in x for x in lines)
    data = json.loads(_ok(cli, "reliability", files[0], "-f", "json"))
    codes = {(c["code"], c["params"].get("item")) for c in data["caveats"]}
    assert ("negative_item_rest_declared", "P3") in codes
    assert ("negative_item_rest", "P3") not in codes


@pytest.mark.parametrize("command", ["gap", "tolerance", "knowledge-gap", "reliability"])
def test_dimension_labels_of_the_output_language(cli, files, command) -> None:
    args = files if command == "knowledge-gap" else files[:1]
    en = _ok(cli, command, *args, "-f", "markdown", "--lang", "en")
    assert "Dependability" in en and "Responsive treatment" in en and "Pålitlighet" not in en
    sv = _ok(cli, command, *args, "-f", "markdown", "--lang", "sv")
    assert "Pålitlighet" in sv and "Dependability" not in sv
    _ok(cli, command, *args, "--lang", "en")  # the labels end with the run that loaded them
    assert dimension_name("Pålitlighet", "en") == "Pålitlighet"


def test_gap_json_names_the_reversal_as_the_terminal_does(cli, files, samples_dir) -> None:
    # closing 16: the terminal named the reversed items, the JSON had no `reversed` key; the
    # record is knowledge-gap's and tolerance's (the items and their score), null when none
    assert NOTE_EN in _ok(cli, "gap", files[0], "--no-items")
    data = json.loads(_ok(cli, "gap", files[0], "-f", "json"))
    assert data["reversed"] == {"items": [3], "scored_as": "8 - answer"}
    plain = cli("gap", samples_dir / "karlstad_servqual.xlsx", "--no-items", "-f", "json")
    assert plain.exit_code == 0 and json.loads(plain.stdout)["reversed"] is None
