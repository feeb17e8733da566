"""``gap --weight-column`` on a file with survey weights of 0 (session 12, w-weight): R
``survey`` keeps such a respondent in the design (the SE's n/(n − 1)) but ``degf()`` counts
only positive weights, so n and every df leave it out; the output names the count.

tests/data/weighted_zero_ipa.csv: 31 respondents, Vikt 0 for respondents 3, 10 and 20 (made
from weighted_groups_small.csv, see tests/core/r/zero_weights.R, which writes the reference
values with R survey 4.1). Before this session n was 31 and df 29 (R: 28 and 26), and nothing
said that three respondents weigh nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REF = json.loads((Path(__file__).parents[1] / "core" / "r" / "zero_weights.json")
                 .read_text("utf-8"))["file"]  # fmt: skip


def test_json_n_and_df_are_r_survey_s(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "weighted_zero_ipa.csv", "--weight-column", "Vikt", "--by",
            "Enhet", "--no-items", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    tests = out["weighted_tests"]
    assert tests["n_zero_weight"] == 3 and out["weighted"]["n_zero_weight"] == 3
    for got, ref in zip(tests["dimensions"], REF, strict=True):
        assert got["dimension"] == ref["dimension"]
        assert (got["n"], got["df"]) == (ref["n"], ref["df"]) == (28, 26)
        for key in ("mean", "se", "t"):
            assert got[key] == pytest.approx(ref[key], rel=1e-10), key
        assert got["p"] == pytest.approx(ref["p"], rel=1e-8)
    between = out["weighted_group_tests"]
    assert between["n_zero_weight"] == 3
    for got, ref in zip(between["dimensions"], REF, strict=True):
        assert got["df2"] == ref["df2"]
        assert got["f"] == pytest.approx(ref["f"], rel=1e-10)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "Svarande med vikt 0: 3. De bidrar inte till de viktade skattningarna"),
     ("en", "Respondents with weight 0: 3. They add nothing to the weighted estimates")],
)  # fmt: skip
def test_the_rule_is_named_under_the_weighted_tables(
    cli, data_dir: Path, lang: str, words: str
) -> None:
    r = cli("gap", data_dir / "weighted_zero_ipa.csv", "--weight-column", "Vikt", "--no-items",
            "-f", "markdown", "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    # under the weighted gaps' table and under the weighted means
    assert r.stdout.count(words) == 2


def test_no_zero_weight_no_sentence(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / "weighted_groups_small.csv", "--weight-column", "Vikt",
            "--no-items", "-f", "markdown", "--lang", "en")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "weight 0" not in r.stdout
