"""``--missing-codes`` on ``gap`` (w-json, session 17): a code such as 99 ("Vet ej") or 98 ("Ej
svar") is no answer when the instrument's TOML does not declare it, counted under its own reason
("missing code" / "svarskod för saknat svar", each code's cells named) in the terminal, the JSON,
the ``--excluded`` list and the rendered report; with an instrument that declares its own
``missing`` both lists apply (the union) and the output says so.

Data: tests/data/gap_missing_codes.csv (missing_code_99.csv's answers: 99 written "99" 17 times
and "99,0" 16 times, and 98 in five P2 cells), read with gap_missing_codes.toml (no ``missing``)
and gap_missing_codes_98.toml (``missing = ["98"]``). Before this change gap had no
``--missing-codes`` (exit 2): every test here but the control without the option fails on it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

DATA = Path(__file__).resolve().parents[1] / "data"
CSV = DATA / "gap_missing_codes.csv"
PLAIN = ("--instrument", DATA / "gap_missing_codes.toml")  # declares no `missing`
OWN_98 = ("--instrument", DATA / "gap_missing_codes_98.toml")  # missing = ["98"]


def _flat(text: str) -> str:
    return " ".join(text.split())  # the terminal wraps long lines


def _json(cli, *args: str | Path) -> dict:
    run = cli("gap", CSV, *args, "-f", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def test_without_the_option_a_99_stays_out_of_range(cli) -> None:
    """The control (passes on the old code too): nothing changes without the option."""
    d = _json(cli, *PLAIN)
    assert d["excluded"] == {"blank": 4, "out_of_range": 38}
    assert not any(k.startswith("missing_codes") for k in d)
    out = _flat(cli("gap", CSV, *PLAIN, "--no-items").stdout)
    assert "--missing-codes" not in out and "missing code" not in out


def test_the_codes_are_counted_under_their_own_reason_in_swedish(cli) -> None:
    run = cli("gap", CSV, *PLAIN, "--missing-codes", "99", "--no-items", "--lang", "sv")
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    assert (
        "Uteslutna celler: tomma 4, svarskod för saknat svar 33 (”99” 17, ”99,0” 16), "
        "utanför skalan 5 (alla i P2; ”98” 5)." in out
    )
    assert "99 räknas som saknat svar (--missing-codes)." in out


def test_the_codes_are_counted_under_their_own_reason_in_english(cli) -> None:
    run = cli("gap", CSV, *PLAIN, "--missing-codes", '99,"98"', "--no-items")
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    assert "Excluded cells: blank 4, missing code 38 (“99” 17, “99,0” 16, “98” 5)." in out
    assert "99 and 98 counted as no answer (--missing-codes)." in out
    assert "out of range" not in out


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", "99 räknas som saknat svar (--missing-codes), liksom instrumentets egna koder "
               "(98, missing i instrumentfilen): båda listorna gäller."),
        ("en", "99 counted as no answer (--missing-codes), as are the instrument's own codes "
               "(98, missing in the instrument file): both lists apply."),
    ],
)  # fmt: skip
def test_with_the_instruments_own_missing_both_apply_and_the_rule_is_named(
    cli, lang: str, words: str
) -> None:
    run = cli("gap", CSV, *OWN_98, "--missing-codes", "99", "--no-items", "--lang", lang)
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    assert words in out
    own = "angivet saknat värde 5 (alla i P2)" if lang == "sv" else "declared missing 5 (all in P2)"
    assert own in out
    d = _json(cli, *OWN_98, "--missing-codes", "99")
    assert d["excluded"] == {"blank": 4, "missing_code": 33, "missing_token": 5}
    assert d["missing_codes"] == ["99"] and d["missing_codes_instrument"] == ["98"]
    assert d["missing_codes_rule"] == "union"


def test_the_json_names_each_code_and_the_gaps_leave_the_codes_out(cli) -> None:
    d = _json(cli, *PLAIN, "--missing-codes", "99,98")
    assert d["excluded"] == {"blank": 4, "missing_code": 38}
    assert d["excluded_detail"]["missing_code"] == {
        "distinct": 3,
        "values": [{"value": "99", "count": 17}, {"value": "99,0", "count": 16},
                   {"value": "98", "count": 5}],
    }  # fmt: skip
    # reference: pandas and scipy on the file with every code set to NaN (pairwise per item)
    raw = pd.read_csv(CSV, sep=";", dtype=str, keep_default_na=False)
    num = raw.apply(lambda c: pd.to_numeric(c.str.replace(",", "."), errors="coerce"))
    num = num.mask(num.isin([99.0, 98.0]))
    for k, item in enumerate(d["items"], start=1):
        g = (num[f"P{k}"] - num[f"E{k}"]).dropna().to_numpy()
        assert item["n"] == len(g)
        assert item["gap"] == pytest.approx(np.mean(g), abs=1e-12)
        ref = stats.ttest_1samp(g, 0.0)
        assert item["t"] == pytest.approx(ref.statistic, abs=1e-9)
        assert item["p_t"] == pytest.approx(ref.pvalue, abs=1e-9)


def test_the_excluded_list_and_the_report_name_the_reason(cli, tmp_path: Path) -> None:
    listing, page = tmp_path / "ex.csv", tmp_path / "gap.md"
    run = cli("gap", CSV, *PLAIN, "--missing-codes", "99", "--excluded", listing,
              "-f", "markdown", "-o", page, "--lang", "sv")  # fmt: skip
    assert run.exit_code == 0, run.stderr
    rows = list(csv.DictReader(listing.open(encoding="utf-8-sig")))
    codes = [r for r in rows if r["value"] in ("99", "99,0")]
    assert len(codes) == 33 and {r["reason"] for r in codes} == {"missing_code"}
    assert {r["reason"] for r in rows if r["value"] == "98"} == {"out_of_range"}
    text = _flat(page.read_text("utf-8"))
    assert "svarskod för saknat svar 33" in text
    assert "99 räknas som saknat svar (--missing-codes)." in text


def test_an_empty_list_is_bad_usage_before_the_file_is_read(cli) -> None:
    run = cli("gap", DATA / "no_such_file.csv", *PLAIN, "--missing-codes", " , ")
    assert run.exit_code == 2
    assert "--missing-codes needs a comma list" in run.stderr
