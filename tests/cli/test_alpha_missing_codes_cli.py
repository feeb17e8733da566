"""``--missing-codes`` of ``alpha`` and ``items`` (w-miss2, s15): a code such as 99 for "Vet ej"
read as no answer without an instrument's TOML, by the instrument's own matcher (the text, and
any number equal to a numeric code: CSV "99" and "99,0", xlsx 99), counted as a missing code
(``missing_code``, "svarskod för saknat svar" / "missing code", as gap and reliability call the
option's cells: session 18; it said "declared missing", an instrument's or SPSS's own word), and
named in the output.

The reference values are R psych's alpha with every code set to NA:
tests/cli/r/alpha_missing_codes.R, stored in alpha_missing_codes.json beside it. Data:
tests/data/missing_code_99.{csv,xlsx} (a Survey&Report cut: 19 codes in E1-E4, 14 in P1-P4) and
missing_codes_text.csv (98 and the text "Avstår"). Every test fails on the code before it (the
option did not exist: exit 2).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CSV, XLSX = DATA / "missing_code_99.csv", DATA / "missing_code_99.xlsx"
R = json.loads((Path(__file__).parent / "r" / "alpha_missing_codes.json").read_text("utf-8"))
E_ITEMS = ("--items", "E1,E2,E3,E4")
P_XLSX = ("--items", "Fråga*Upplevelse")  # the merged two-row header: "Fråga 1. … Upplevelse"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _json(cli, *args: str | Path) -> dict:
    run = cli(*args, "-f", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def test_alpha_with_the_codes_matches_psych_with_them_as_na(cli) -> None:
    d = _json(cli, "alpha", CSV, *E_ITEMS, "--missing-codes", "99")
    s, ref = d["scales"][0], R["E"]
    assert s["alpha"] == pytest.approx(ref["raw_alpha"], abs=1e-9)
    assert s["alpha_std"] == pytest.approx(ref["std_alpha"], abs=1e-9)
    assert s["average_r"] == pytest.approx(ref["average_r"], abs=1e-9)
    assert [i["n"] for i in s["items"]] == ref["item_n"]
    assert [i["mean"] for i in s["items"]] == pytest.approx(ref["item_mean"], abs=1e-9)
    # "99" and "99,0" alike: every code in the four columns, under gap's reason for the option
    assert d["excluded"] == {"blank": 3, "missing_code": ref["n_99"]}
    assert d["missing_codes"] == ["99"]


def test_without_the_option_the_99s_are_answers_and_nothing_is_named(cli) -> None:
    d = _json(cli, "alpha", CSV, *E_ITEMS)
    assert d["scales"][0]["alpha"] == pytest.approx(R["E"]["raw_alpha_99_kept"], abs=1e-9)
    assert "missing_codes" not in d and "missing_code" not in d["excluded"]
    out = cli("alpha", CSV, *E_ITEMS).stdout
    # no rule named as applied (the warning on the likely code suggests the option: review 15,
    # finding 7, tests/cli/test_alpha_code_hint_cli.py)
    assert "counted as no answer (--missing-codes)" not in " ".join(out.split())


def test_an_xlsx_99_is_matched_as_a_number(cli) -> None:
    d = _json(cli, "alpha", XLSX, *P_XLSX, "--missing-codes", "99")
    s, ref = d["scales"][0], R["P"]
    assert s["alpha"] == pytest.approx(ref["raw_alpha"], abs=1e-9)
    assert [i["n"] for i in s["items"]] == ref["item_n"]
    assert d["excluded"]["missing_code"] == ref["n_99"]
    without = _json(cli, "alpha", XLSX, *P_XLSX)["scales"][0]["alpha"]
    assert without == pytest.approx(ref["raw_alpha_99_kept"], abs=1e-9)


def test_a_text_code_and_a_second_number(cli) -> None:
    items = ("--items", "Q1,Q2,Q3")
    d = _json(cli, "alpha", DATA / "missing_codes_text.csv", *items,
              "--missing-codes", '98, "Avstår"')  # fmt: skip
    s, ref = d["scales"][0], R["text"]
    assert s["alpha"] == pytest.approx(ref["raw_alpha"], abs=1e-9)
    assert [i["n"] for i in s["items"]] == ref["item_n"]
    assert d["excluded"] == {"missing_code": 4} and d["missing_codes"] == ["98", "Avstår"]
    sv = _flat(cli("alpha", DATA / "missing_codes_text.csv", *items, "--missing-codes",
                   "98,Avstår", "--lang", "sv").stdout)  # fmt: skip
    assert "svarskod för saknat svar 4 (i Q3 2, Q1 1, Q2 1; ”98” 2, ”Avstår” 2)." in sv
    assert "98 och ”Avstår” räknas som saknat svar (--missing-codes)." in sv


@pytest.mark.parametrize(
    ("lang", "count", "rule"),
    [
        ("sv", "Svarande: 48. Uteslutna celler: tomma 3 (i E1 1, E2 1, E4 1), svarskod för "
         "saknat svar 19 (”99,0” 11, ”99” 8).", "99 räknas som saknat svar (--missing-codes)."),
        ("en", "Respondents: 48. Excluded cells: blank 3 (in E1 1, E2 1, E4 1), missing code 19 "
         "(“99,0” 11, “99” 8).", "99 counted as no answer (--missing-codes)."),
    ],
)  # fmt: skip
def test_the_note_names_the_rule_beside_the_count(cli, lang: str, count: str, rule: str) -> None:
    for fmt in ("table", "markdown"):
        run = cli("alpha", CSV, *E_ITEMS, "--missing-codes", "99", "--lang", lang, "-f", fmt)
        assert run.exit_code == 0, run.stderr
        text = _flat(run.stdout.replace("*", ""))
        assert count in text and rule in text
        assert text.index(count) < text.index(rule)
    # without a scale the answers' span is named, and it no longer runs to 99
    assert "3 to 7" in _flat(cli("alpha", CSV, *E_ITEMS, "--missing-codes", "99").stdout)


def test_items_counts_them_per_item_and_names_the_rule(cli) -> None:
    args = ("items", CSV, *E_ITEMS, "--scale-range", "1,7")
    d = _json(cli, *args, "--missing-codes", "99")
    assert [i["n"] for i in d["items"]] == R["E"]["item_n"]
    assert [i["mean"] for i in d["items"]] == pytest.approx(R["E"]["item_mean"], abs=1e-9)
    assert sum(i["missing"].get("missing_code", 0) for i in d["items"]) == R["E"]["n_99"]
    assert d["missing_codes"] == ["99"] and d["excluded"]["missing_code"] == R["E"]["n_99"]
    before = _json(cli, *args)  # out of the 1-7 scale, as before
    assert before["excluded"]["out_of_range"] == R["E"]["n_99"] and "missing_codes" not in before
    sv = _flat(cli(*args, "--missing-codes", "99", "--lang", "sv").stdout)
    assert (
        "svarskod för saknat svar 19 (”99,0” 11, ”99” 8). 99 räknas som saknat svar "
        "(--missing-codes)." in sv
    )
    en = _flat(cli(*args, "--missing-codes", "99", "-f", "markdown").stdout)
    assert "99 counted as no answer (--missing-codes)." in en


def test_the_excluded_list_names_each_code_cell(cli, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "ex.csv"
    run = cli("alpha", XLSX, *P_XLSX, "--missing-codes", "99", "--excluded", out)
    assert run.exit_code == 0, run.stderr
    rows = [r for r in csv.DictReader(out.open(encoding="utf-8-sig")) if r["value"] == "99"]
    assert len(rows) == R["P"]["n_99"] and {r["reason"] for r in rows} == {"missing_code"}


@pytest.mark.parametrize("codes", ["", " , ", "99,", ",99"])
def test_an_empty_list_or_entry_is_bad_usage(cli, codes: str) -> None:
    run = cli("alpha", CSV, *E_ITEMS, "--missing-codes", codes)
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("servqual: error: --missing-codes needs a comma list of codes")


def test_items_with_an_instrument_refuses_the_option(cli) -> None:
    run = cli("items", CSV, "--instrument", DATA / "missing_code_99_csv.toml",
              "--missing-codes", "99")  # fmt: skip
    assert run.exit_code == 2 and "`missing` in its TOML" in run.stderr


def test_strict_lets_declared_codes_pass_as_missing(cli) -> None:
    """--strict refuses a wrong value, not a missing one: a 99 outside 1-7 is an error until it
    is declared (as with an instrument's `missing`)."""
    args = ("items", CSV, *E_ITEMS, "--scale-range", "1,7", "--strict", "-f", "json")
    refused = cli(*args)
    assert refused.exit_code == 1 and "99" in refused.stderr
    assert cli(*args, "--missing-codes", "99").exit_code == 0
