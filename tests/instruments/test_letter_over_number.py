"""A two-row header with "E"/"P" merged over the item numbers (review 5, finding 7): the reader
joins it into "E 1" … "P 22", which the built-in instrument's E1 … P22 must find."""

from __future__ import annotations

import json
from pathlib import Path

from servqual_cli.instruments.builtin import PZB1991
from servqual_cli.instruments.resolve import resolve_roles

FILE = Path(__file__).parents[1] / "data" / "reader" / "letter_over_number.xlsx"


def test_builtin_instrument_reads_letter_over_number_header(cli) -> None:
    r = cli("describe", FILE, "-f", "json")
    assert r.exit_code == 0, r.stderr
    names = [c["name"] for c in json.loads(r.stdout)["columns"]]
    assert names[:4] == ["Respondent", "Tjänst", "E 1", "E 2"]  # the join as documented
    r = cli("gap", FILE, "-f", "json", "--no-items")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["n_rows"] == 30
    assert [d["n"] for d in out["dimensions"]] == [30] * 5


def test_space_between_code_and_number_is_ignored_only_when_unique() -> None:
    inst = PZB1991
    cols = ["id", *[f"E {i}" for i in range(1, 23)], *[f"P{i}" for i in range(1, 23)]]
    found = resolve_roles(inst, ("expectation", "perception"), cols)
    assert found["expectation"][1] == "E 1" and found["perception"][22] == "P22"
    # "E1" written both ways: the exact name wins
    found = resolve_roles(inst, ("expectation",), ["E 1", "E1", *cols[2:23]])
    assert found["expectation"][1] == "E1"
