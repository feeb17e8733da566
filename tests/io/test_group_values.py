"""Group values as municipalities send them (review 2, item 17): "Kvinna" and "kvinna" were two
groups, and "Vet ej" / "Vill ej uppge" in a --by column became groups of their own. Missing-answer
words are no group (counted with the rows without a value); values that differ only in case are
one group, named by the most frequent spelling, and the output says so."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.io.groups import group_cells

SYNTH = Path(__file__).parents[1] / "core" / "r" / "toolbox_synth.csv"


def test_case_variants_take_the_most_frequent_spelling() -> None:
    labels, reasons, merged = group_cells(
        pd.Series(["skola", "Skola", "Skola", "SKOLA", "Vård", "vård", "Ej aktuell"])
    )
    assert labels.tolist() == ["Skola"] * 4 + ["Vård", "Vård", None]
    assert merged == {("SKOLA", "Skola"): 1, ("skola", "Skola"): 1, ("vård", "Vård"): 1}
    assert reasons.tolist()[-1] == "not_applicable"  # review 5 #12: its own reason
    # encoded columns: the distinct texts with their cell counts give the same answer
    labels, _, merged = group_cells(pd.Series(["skola", "Skola"]), counts=[5, 2])
    assert labels.tolist() == ["skola", "skola"] and merged == {("Skola", "skola"): 2}


@pytest.fixture
def messy(data_dir: Path, tmp_path: Path) -> Path:
    with (data_dir / "kiosk.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    for i, value in enumerate(["söder", "Vet ej", "Vill ej uppge", " Norr "], start=1):
        rows[i][1] = value
    path = tmp_path / "kiosk_groups.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_gap_by_reads_one_group_per_value(cli, data_dir: Path, messy: Path) -> None:
    r = cli("gap", messy, "--instrument", data_dir / "kiosk.toml", "--by", "Enhet", "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert sorted(out["groups"]) == ["Norr", "Söder"]
    assert out["n_without_group"] == 2  # "Vet ej" and "Vill ej uppge"
    assert out["excluded"]["dont_know"] >= 2
    assert out["group_values_merged"] == [
        {"column": "Enhet", "value": "söder", "read_as": "Söder", "cells": 1}
    ]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Groups that differ only in case were merged: Enhet: 'söder' read as 'Söder' "
               "(1 cell)."),
        ("sv", "Grupper som bara skiljer sig i stora och små bokstäver slogs ihop: Enhet: 'söder' "
               "läst som 'Söder' (1 cell)."),
    ],
)  # fmt: skip
def test_the_merge_is_named(cli, data_dir: Path, messy: Path, lang: str, line: str) -> None:
    r = cli("gap", messy, "--instrument", data_dir / "kiosk.toml", "--by", "Enhet", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert line in " ".join(r.stdout.split())


def test_tolerance_by_uses_the_same_rule(cli, data_dir: Path, tmp_path: Path) -> None:
    frame = pd.read_csv(SYNTH, dtype=str, keep_default_na=False)
    frame.loc[:1, "role"] = ["CUSTOMER", "vet ej"]
    path = tmp_path / "synth.csv"
    frame.to_csv(path, index=False)
    r = cli("tolerance", path, "--instrument", data_dir / "toolbox.toml", "--by", "role",
            "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert sorted(out["groups"]) == ["customer", "staff"] and out["n_without_group"] == 1
    assert out["group_values_merged"] == [
        {"column": "role", "value": "CUSTOMER", "read_as": "customer", "cells": 1}
    ]
