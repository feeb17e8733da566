"""`servqual gap` on tiny samples and tiny groups (review 2 items 9, 10, 11, 22 b, c).

Files in tests/data/small/ (from the reviewer's /tmp/r2): n1/n2/n3.csv hold 1, 2 and 3
respondents (n3: one per Tjänst), small_groups.csv has groups of 1, 2, 3 and 24, one_group.csv
has one Tjänst. Every check runs in English and Swedish where there is text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SMALL = Path(__file__).parents[1] / "data" / "small"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_rank_biserial_interval_is_undefined_at_minus_one(cli) -> None:
    # n2: every nonzero difference has the same sign, r_rb = -1: "95% CI [-1.00, -1.00]" before
    out = json.loads(cli("gap", SMALL / "n2.csv", "--no-items", "-f", "json").stdout)
    tang = out["dimensions"][0]
    assert tang["rank_biserial"] == -1.0
    assert tang["rank_biserial_ci_low"] is None and tang["rank_biserial_ci_high"] is None
    assert tang["rank_biserial_ci_note"] == "interval undefined at r = ±1"
    en = flat(cli("gap", SMALL / "n2.csv", "--no-items").stdout)
    assert "r_rb = -1.00, 95% CI – (interval undefined at r = ±1)" in en
    assert "[-1.00, -1.00]" not in en
    sv = flat(cli("gap", SMALL / "n2.csv", "--no-items", "--lang", "sv").stdout)
    assert "r_rb = −1,00; 95 % KI – (intervall odefinierat vid r = ±1)" in sv or (
        "r_rb = −1,00, 95 % KI – (intervall odefinierat vid r = ±1)" in sv
    )


def test_signed_rank_on_one_pair_is_no_test(cli) -> None:
    # n1: one respondent gave "p (Wilcoxon) 1.000"
    out = json.loads(cli("gap", SMALL / "n1.csv", "-f", "json").stdout)
    for row in out["dimensions"] + out["items"]:
        if row["n_nonzero"] == 1:
            assert row["p_wilcoxon"] is None
            assert row["wilcoxon_method"] == "fewer than 2 nonzero differences, no test"
    assert any(r["n_nonzero"] == 1 for r in out["dimensions"])
    en = flat(cli("gap", SMALL / "n1.csv", "--no-items").stdout)
    assert "1.000" not in en
    assert "fewer than 2 nonzero differences, no test" in en
    sv = flat(cli("gap", SMALL / "n1.csv", "--no-items", "--lang", "sv").stdout)
    assert "färre än 2 differenser skilda från noll, inget test" in sv


def test_no_variation_is_said(cli) -> None:
    # n2: both Assurance gaps are -1: no SD, no t, no interval, and now a reason
    out = json.loads(cli("gap", SMALL / "n2.csv", "--no-items", "-f", "json").stdout)
    assert [d["dimension"] for d in out["dimensions"] if d["no_variation"]] == ["Assurance"]
    en = flat(cli("gap", SMALL / "n2.csv", "--no-items").stdout)
    assert "No variation: Assurance (every gap is -1.00)." in en
    sv = flat(cli("gap", SMALL / "n2.csv", "--no-items", "--lang", "sv").stdout)
    assert "Ingen variation: Trygghet (alla gap är −1,00)." in sv


def test_small_base_flag_and_min_n(cli) -> None:
    out = json.loads(cli("gap", SMALL / "n2.csv", "-f", "json").stdout)
    assert out["min_n"] == 30
    assert all(d["small_base"] for d in out["dimensions"] + out["items"])
    en = flat(cli("gap", SMALL / "n2.csv", "--no-items").stdout)
    assert "Small base" in en and "Small base: n below 30; read the value with care." in en
    sv = flat(cli("gap", SMALL / "n2.csv", "--no-items", "--lang", "sv").stdout)
    assert "Litet underlag: n under 30; läs värdet med försiktighet." in sv
    low = cli("gap", SMALL / "n2.csv", "--no-items", "--min-n", "2")
    assert "Small base" not in low.stdout
    assert cli("gap", SMALL / "n2.csv", "--min-n", "0").exit_code == 2


def test_small_groups_are_flagged_in_the_group_table(cli) -> None:
    out = json.loads(cli("gap", SMALL / "small_groups.csv", "--by", "Tjänst", "-f", "json").stdout)
    assert out["groups"]["B"]["dimensions"][0]["small_base"] is True
    assert out["groups"]["D"]["dimensions"][0]["small_base"] is True  # 24 < 30
    big = cli("gap", SMALL / "small_groups.csv", "--by", "Tjänst", "--no-items", "--min-n", "5")
    table = big.stdout[big.stdout.index("Group: Tjänst") :]
    assert "Small base: n below 5" in flat(table)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_one_eligibility_rule_said_once(cli, lang: str) -> None:
    args = ("gap", SMALL / "small_groups.csv", "--by", "Tjänst", "--no-items", "--lang", lang)
    text = flat(cli(*args).stdout)
    out = json.loads(cli(*args[:-2], "-f", "json").stdout)
    for test in out["group_tests"]:
        # A (one respondent) is in no test; B (2) and C (3) are in every test
        assert test["kruskal_wallis"]["groups"] == ["B", "C", "D"]
        assert test["welch_anova"]["groups"] == ["B", "C", "D"]
        assert "A" in test["kruskal_wallis"]["left_out"]
        assert not any("A" in (r["group_a"], r["group_b"]) for r in test["dunn"])
    if lang == "en":
        assert text.count("left out A (fewer than 2 valid dimension gaps)") == 1
        assert "every test: left out A" in text
        assert text.count("use the groups with at least 2 valid dimension gaps") == 1
        assert text.count("groups with fewer than 6 scores") == 1
        assert "p (Holm, 15 tests, groups × dimensions)" in text  # 20 rows, 15 tests
    else:
        assert text.count("utelämnade A (färre än 2 giltiga dimensionsgap)") == 1
        assert "alla test: utelämnade A" in text
        assert text.count("använder grupperna med minst 2 giltiga dimensionsgap") == 1
        # the header in markdown: the terminal wraps this long header at its width
        md = cli(*args, "-f", "markdown").stdout
        assert "p (Holm, 15 test, grupper × dimensioner)" in md


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_single_respondent_groups_get_no_test(cli, lang: str) -> None:
    # n3: one respondent per group gave "groups (KW) 3, ε² (KW) 1.00" (title_merged.xlsx)
    args = ("gap", SMALL / "n3.csv", "--by", "Tjänst", "--no-items", "--lang", lang)
    text = flat(cli(*args).stdout)
    out = json.loads(cli(*args[:-2], "-f", "json").stdout)
    assert out["group_tests_not_made"] == "too_few_eligible"
    assert all(t["kruskal_wallis"]["epsilon2"] is None for t in out["group_tests"])
    assert out["group_dimension_tests"]["n_tests"] == 0
    assert "ε² (KW)" not in text and "ε²" not in text
    if lang == "en":
        assert "Fewer than two groups with at least 2 valid dimension gaps: no group test" in text
        assert "p (Holm, no test)" in text
        assert "Differences between groups" not in text
    else:
        assert "Färre än två grupper med minst 2 giltiga dimensionsgap: inget grupptest" in text
        assert "p (Holm, inget test)" in text


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_one_group_is_nothing_to_compare(cli, lang: str) -> None:
    args = ("gap", SMALL / "one_group.csv", "--by", "Tjänst", "--no-items", "--lang", lang)
    text = flat(cli(*args).stdout)
    if lang == "en":
        assert "Only one group in Tjänst (Förskola): nothing to compare." in text
        assert "Differences between groups" not in text
    else:
        assert "Bara en grupp i Tjänst (Förskola): inget att jämföra." in text
        assert "Skillnader mellan grupper" not in text
    out = json.loads(cli(*args[:-2], "-f", "json").stdout)
    assert out["group_tests_not_made"] == "one_group"
