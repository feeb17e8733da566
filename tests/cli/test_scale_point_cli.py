"""A number between two scale points ("4,5" on 1–7) is excluded as "not a scale point" and
counted (review 2 item 23a): before, it was in the mean but in no column of the item table,
whose counts then added up to n − 1, and ``--strict`` let it pass.

``decimal_likert.csv`` (semicolon, decimal comma): 30 respondents; row 8, E9 is ``4,5``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd

from servqual_cli.io.values import parse_scale_values


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_items_counts_add_up_and_the_reason_is_named(cli, data_dir: Path) -> None:
    path = data_dir / "decimal_likert.csv"
    d = json.loads(cli("items", path, "-f", "json").stdout)
    assert d["excluded"] == {"not_scale_point": 1}
    for item in d["items"]:
        total = sum(item["counts"].values()) + sum(item["missing"].values())
        assert total == 30, item["item"]
    e9 = next(i for i in d["items"] if i["item"] == "E9")
    assert e9["n"] == 29 and e9["missing"] == {"not_scale_point": 1}
    # the mean of the 29 whole answers, by hand from the file
    with path.open(encoding="utf-8") as f:
        cells = [r["E9"] for r in csv.DictReader(f, delimiter=";")]
    whole = [float(c) for c in cells if "," not in c]
    assert np.isclose(e9["mean"], np.mean(whole))


def test_gap_names_the_rule_and_strict_refuses(cli, data_dir: Path, tmp_path: Path) -> None:
    path = data_dir / "decimal_likert.csv"
    assert "Excluded cells: not a scale point 1" in _flat(cli("gap", path, "--no-items").stdout)
    sv = _flat(cli("gap", path, "--no-items", "--lang", "sv").stdout)
    assert "Uteslutna celler: inte ett skalsteg 1" in sv
    r = cli("gap", path, "--strict")
    assert r.exit_code == 1
    assert "row 8, column 'E9': not a scale point (between two points): '4,5'" in r.stderr
    listed = tmp_path / "excluded.csv"
    cli("gap", path, "--no-items", "--excluded", listed)
    rows = list(csv.DictReader(listed.open(encoding="utf-8")))
    assert [(r["row"], r["column"], r["reason"]) for r in rows] == [("8", "E9", "not_scale_point")]


def test_every_value_path_gives_the_same_reason() -> None:
    """Text, floats in an object column (spreadsheets) and a float column (parquet)."""
    for column in (
        pd.Series(["4,5", "4"], dtype=object),
        pd.Series([4.5, 4], dtype=object),
        pd.Series([4.5, 4.0]),
    ):
        values, reasons = parse_scale_values(column, (1, 7))
        assert reasons.tolist() == ["not_scale_point", None]
        assert np.isnan(values[0]) and values[1] == 4.0


def test_open_and_wide_scales_keep_decimals() -> None:
    """No check without whole scale points: 0–100 (a slider or a score), open weights."""
    for scale in ((0, 100), (0, np.inf), (-np.inf, np.inf)):
        values, reasons = parse_scale_values(pd.Series(["72,5", 3.25], dtype=object), scale)
        assert values.tolist() == [72.5, 3.25] and reasons.tolist() == [None, None]
