"""``gap --weight-column W --by G`` (session 11): the groups' gaps are weighted, by the same
core functions as a weighted report (core/weighted_group_gaps.py), and the test between the
groups has a weighted form, R's ``svyglm(g ~ group)`` + ``regTermTest`` (core/
weighted_group_test.py); Welch, Kruskal-Wallis and the pairwise tests stay unweighted and say
so. Reference values: tests/core/r/weighted_group_test.R (R survey 4.1) on
tests/data/weighted_groups_small.csv and the 2025 sample.

Before this session the per-group table was the unweighted one ("… – oviktat (urvalet)") and
there was no weighted test between the groups: every assertion on "weighted_groups",
"weighted_group_tests" and the weighted titles below fails on that code.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

REF = json.loads((Path(__file__).parents[1] / "core" / "r" / "weighted_group_test.json")
                 .read_text("utf-8"))  # fmt: skip


def _run(cli, path: Path, *extra: str):
    r = cli("gap", path, "--weight-column", "Vikt", "--by", "Enhet", "--no-items", *extra)
    assert r.exit_code == 0, r.stderr
    return r


def test_json_weighted_groups_and_test_match_r(cli, data_dir: Path) -> None:
    out = json.loads(_run(cli, data_dir / "weighted_groups_small.csv", "-f", "json").stdout)
    tests = out["weighted_group_tests"]
    assert tests["weight_column"] == "Vikt" and tests["by"] == "Enhet"
    assert tests["adjust"] == "holm" and tests["n_tests"] == 5
    assert "regTermTest" in tests["method"]
    for got, ref in zip(tests["dimensions"], REF["small"], strict=True):
        assert got["dimension"] == ref["dimension"]
        assert (got["n"], got["df1"], got["df2"]) == (ref["n"], ref["df1"], ref["df2"])
        assert got["f"] == pytest.approx(ref["f"], rel=1e-10)
        assert got["p"] == pytest.approx(ref["p"], rel=1e-8)
        assert got["p_adjusted"] == pytest.approx(ref["p_adjusted"], rel=1e-8)
        assert sorted(got["groups"]) == sorted(ref["groups"])
        assert got["left_out"] == {"Väster": "fewer than 2 valid dimension gaps"}
        assert got["small_groups"] == {"Öster": 3}
    # the per-group gaps: each group a domain of the dimension's design (svyby)
    rows = {(r["group"], r["dimension"]): r for r in out["weighted_groups"]["groups"]}
    for ref in REF["small"]:
        for dom in ref["domains"]:
            got = rows[(dom["group"], ref["dimension"])]
            assert got["mean"] == pytest.approx(dom["mean"], rel=1e-10)
            assert got["se"] == pytest.approx(dom["se"], rel=1e-10)


def test_markdown_tables_weighted_and_unweighted_named(cli, data_dir: Path) -> None:
    text = _run(cli, data_dir / "weighted_groups_small.csv", "-f", "markdown", "--lang",
                "sv").stdout  # fmt: skip
    heads = [line[4:] for line in text.splitlines() if line.startswith("### ")]
    assert "Gap per dimension – Enhet, viktat efter Vikt" in heads
    assert "Skillnader mellan grupper – Enhet, viktat efter Vikt" in heads
    # what stays unweighted says so, and points to the weighted test
    assert "Skillnader mellan grupper – oviktat (urvalet)" in heads
    assert "Parvisa jämförelser (Games-Howell) – oviktat (urvalet)" in heads
    assert "Gap per dimension – Enhet – oviktat (urvalet)" not in heads
    assert "det viktade testet mellan grupperna står i tabellen ”Skillnader mellan grupper – " \
           "Enhet, viktat efter Vikt”" in text  # fmt: skip
    assert "har ingen viktad form här och beskriver urvalet" in text
    # the rule is named, with who is left out and the small group
    assert "svyglm(gap ~ grupp)" in text and "regTermTest" in text
    assert "Utanför det viktade testet: Väster (färre än 2 giltiga dimensionsgap) i alla " \
           "dimensioner" in text  # fmt: skip
    assert "Öster (3) i alla dimensioner" in text
    # Swedish APA line: decimal comma, "; " between the df, R's F = 7.1097, p = 0.0036
    assert "Fysisk miljö efter Enhet, viktat efter Vikt: Wald F(2; 25) = 7,11, p = 0,004 " \
           "(Holm, 5 dimensioner: p = 0,014)" in text  # fmt: skip


def test_csv_rows_for_weighted_groups_and_test(cli, data_dir: Path) -> None:
    out = _run(cli, data_dir / "weighted_groups_small.csv", "-f", "csv").stdout
    frame = pd.read_csv(io.StringIO(out))
    test = frame[frame["level"] == "weighted_group_test"].set_index("name")
    assert test.loc["Tangibles", "f"] == pytest.approx(REF["small"][0]["f"], rel=1e-10)
    groups = frame[frame["level"] == "weighted_group"]
    assert set(groups["group"]) == {"Norr", "Söder", "Väster", "Öster"}


def test_sample_2025_by_kon_weighted_test_matches_r(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--weight-column", "Vikt",
            "--by", "Kön", "--no-items", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    got = json.loads(r.stdout)["weighted_group_tests"]["dimensions"]
    for row, ref in zip(got, REF["sample"]["Kön"], strict=True):
        assert row["f"] == pytest.approx(ref["f"], rel=1e-10)
        assert row["p_adjusted"] == pytest.approx(ref["p_adjusted"], rel=1e-8)


def test_without_weights_nothing_weighted(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "weighted_groups_small.csv", "--by", "Enhet", "--no-items",
            "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert "weighted_groups" not in out and "weighted_group_tests" not in out


def test_weighted_by_a_column_without_any_group_is_not_an_internal_error(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    # the read-through found `gap --weight-column --by` on a group column with every cell blank
    # ending in "internal error: KeyError: 'dimension'" (exit 3): the CSV of the weighted
    # groups assumed at least one group
    lines = (data_dir / "weighted_groups_small.csv").read_text().splitlines()
    blank = [lines[0]] + [";".join([r.split(";")[0], "", *r.split(";")[2:]]) for r in lines[1:]]
    path = tmp_path / "no_groups.csv"
    path.write_text("\n".join(blank) + "\n")
    for fmt in ("table", "csv", "json"):
        r = cli("gap", path, "--weight-column", "Vikt", "--by", "Enhet", "--no-items", "-f", fmt)
        assert r.exit_code in (0, 1), (fmt, r.stderr)
        assert "internal error" not in r.stderr
