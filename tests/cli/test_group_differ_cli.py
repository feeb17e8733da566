"""Review 15, finding 5: ``gap --by --weight-column`` says whether the weighted test between
the groups and the unweighted Welch ANOVA agree, as the dimension table does.

tests/data/r15_enkat.csv by Enhet, weighted by Vikt: Bemötande's weighted Wald test has p (Holm)
0,044 and Welch's 0,114, and nothing under the group tests said they part. Reference values: R
survey ``svyglm`` + ``regTermTest`` and ``oneway.test(var.equal = FALSE)``, each Holm-adjusted
across the dimensions (tests/report/r/r15_group_differ.R → r15_group_differ.json). Before this
fix there was no such line and no ``unweighted_differ`` in the JSON.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
REF = json.loads((Path(__file__).parents[1] / "report" / "r" / "r15_group_differ.json")
                 .read_text("utf-8"))  # fmt: skip


def _run(cli, path: Path, *extra: str):
    r = cli("gap", path, "--by", "Enhet", "--weight-column", "Vikt", "--no-items", *extra)
    assert r.exit_code == 0, r.stderr
    return r


def _flat(text: str) -> str:
    return re.sub(r"[ \n]+", " ", text)


def test_json_names_the_dimension_that_differs(cli) -> None:
    out = json.loads(_run(cli, DATA / "r15_enkat.csv", "-i", DATA / "r15_kommun.toml",
                          "-f", "json").stdout)  # fmt: skip
    differ = out["weighted_group_tests"]["unweighted_differ"]
    expected = [r for r in REF if (r["wald_p_holm"] < 0.05) != (r["welch_p_holm"] < 0.05)]
    assert [r["dimension"] for r in differ] == [r["dimension"] for r in expected] == ["Bemötande"]
    assert differ[0]["p_adjusted"] == pytest.approx(expected[0]["wald_p_holm"], rel=1e-8)
    assert differ[0]["welch_p_adjusted"] == pytest.approx(expected[0]["welch_p_holm"], rel=1e-8)
    assert differ[0]["weighted_differs"] is True


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", "Viktat och oviktat test mellan grupperna ger olika slutsats (p justerat, "
               "5\u00a0%-nivån) för Bemötande (viktat p = 0,044; Welchs ANOVA p = 0,114): "
               "det viktade testet gäller befolkningen, Welchs ANOVA urvalet."),
        ("en", "The weighted and the unweighted test between the groups reach different "
               "conclusions (adjusted p, 5% level) for Treatment (weighted p = .044; "
               "Welch's ANOVA p = .114): the weighted test describes the population, "
               "Welch's ANOVA the sample."),
    ],
)  # fmt: skip
def test_terminal_line_under_the_weighted_group_test(cli, lang: str, words: str) -> None:
    text = _flat(_run(cli, DATA / "r15_enkat.csv", "-i", DATA / "r15_kommun.toml", "--lang",
                      lang).stdout)  # fmt: skip
    assert text.count(words) == 1
    title = "Skillnader mellan grupper – Enhet" if lang == "sv" else "Differences between groups"
    weighted = text.index(title)
    assert weighted < text.index(words) < text.index(title, weighted + 1)  # before the Welch table


def test_agreement_is_said_too(cli, samples_dir: Path) -> None:
    """The 2025 sample by Kön: the weighted and Welch conclusions agree for every dimension."""
    path = samples_dir / "karlstad_servqual_2025.xlsx"
    r = cli("gap", path, "--by", "Kön", "--weight-column", "Vikt", "--no-items", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert "Viktat och oviktat test mellan grupperna (Welchs ANOVA) ger samma slutsats för varje " \
        "dimension" in _flat(r.stdout)  # fmt: skip
    out = cli("gap", path, "--by", "Kön", "--weight-column", "Vikt", "--no-items", "-f", "json")
    assert json.loads(out.stdout)["weighted_group_tests"]["unweighted_differ"] == []


def test_unweighted_run_has_no_line(cli) -> None:
    r = cli("gap", DATA / "r15_enkat.csv", "-i", DATA / "r15_kommun.toml", "--by", "Enhet",
            "--no-items", "--lang", "sv")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "Viktat och oviktat test mellan grupperna" not in r.stdout


def _counts(path: Path) -> tuple[int, int]:
    """Reliability's respondents, counted without the CLI: a group, at least 3 of items 5–9
    with E and P both in 1–7 (the half-items rule), and (the weighted test) a weight above 0."""
    import pandas as pd

    d = pd.read_csv(path, sep=";", dtype=str)
    d = d[d["Respondent"] != "Summa"]

    def score(prefix: str) -> pd.DataFrame:
        cols = [f"{prefix}{i}" for i in range(5, 10)]
        x = d[cols].apply(pd.to_numeric, errors="coerce")
        return x.where((x >= 1) & (x <= 7))

    ok = (score("E").notna().to_numpy() & score("P").notna().to_numpy()).sum(axis=1) >= 3
    ok &= d["Tjänst"].notna().to_numpy()
    weight = pd.to_numeric(d["Vikt"], errors="coerce").to_numpy()
    return int(ok.sum()), int((ok & (weight > 0)).sum())


def test_both_n_named_when_weights_are_missing(cli) -> None:
    """Review 17, finding 24: on r17_messy_gap.csv (4 cells in Vikt blank or not a number, one
    weight 0) Welch's ANOVA tests Tillförlitlighet on 117 respondents and the weighted test on
    112; the line credited the differing conclusions to "population vs sample" alone. Now it
    names both n and that the tests count different respondents (fails on the old code: no n,
    no sentence, no ``n``/``welch_n`` in the JSON)."""
    path = DATA / "r17_messy_gap.csv"
    welch_n, weighted_n = _counts(path)
    assert (welch_n, weighted_n) == (117, 112)
    out = json.loads(cli("gap", path, "--by", "Tjänst", "--weight-column", "Vikt", "--no-items",
                         "-f", "json").stdout)  # fmt: skip
    rows = {r["dimension"]: r for r in out["weighted_group_tests"]["unweighted_differ"]}
    assert (rows["Reliability"]["welch_n"], rows["Reliability"]["n"]) == (welch_n, weighted_n)
    sv = _flat(cli("gap", path, "--by", "Tjänst", "--weight-column", "Vikt", "--no-items",
                   "--lang", "sv").stdout)  # fmt: skip
    assert ("Tillförlitlighet (viktat p = 0,030, n = 112; Welchs ANOVA p = 0,145, n = 117)"
            in sv)  # fmt: skip
    assert ("Testen bygger inte heller på samma svarande: Welchs ANOVA räknar alla med ett gap, "
            "det viktade testet bara dem med en giltig vikt över 0") in sv  # fmt: skip
    en = _flat(cli("gap", path, "--by", "Tjänst", "--weight-column", "Vikt", "--no-items",
                   "--lang", "en").stdout)  # fmt: skip
    assert "Reliability (weighted p = .030, n = 112; Welch's ANOVA p = .145, n = 117)" in en
    assert "Nor do the tests rest on the same respondents" in en
