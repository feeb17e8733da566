"""Review 4, findings 17, 19, 20, 22, 23 and 24 through the real CLI: notes that promise only
what is shown, the APA lines of gap, English wording, help texts and messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").replace("|", " ").replace(">", " ").split())


@pytest.mark.parametrize(
    ("args", "promise", "where"),
    [
        (("items", "karlstad_servqual.xlsx"), "with Wilson intervals",
         "(their Wilson intervals are in the JSON and CSV output)"),
        (("tolerance", "karlstad_tolerans.xlsx"), "Wilson intervals for the shares",
         "The shares' Wilson intervals are not shown here; they are in the JSON and CSV output."),
        (("service-survey", "servicematning_medborgare_2022_2024.xlsx"),
         "with a Wilson interval", "(its Wilson intervals are in the JSON and CSV output)"),
    ],
)  # fmt: skip
def test_notes_do_not_promise_intervals_the_tables_lack(
    cli, samples_dir: Path, args: tuple[str, str], promise: str, where: str
) -> None:
    # Finding 17: "with Wilson intervals" under tables without interval columns.
    r = cli(args[0], samples_dir / args[1], "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert promise not in text
    assert where in text


def test_apa_lines_lead_with_the_gap_and_name_the_adjustment(cli, samples_dir: Path) -> None:
    # Finding 24: the line gave no gap, its only "95% CI" was dz's, and its p unadjusted beside
    # a table that applies Holm over 5 dimensions.
    import json

    path = samples_dir / "karlstad_servqual.xlsx"
    lines = cli("gap", path, "-f", "apa").stdout.splitlines()
    # the dimensions' lines; "which gap is largest?" follows them (review 15, finding 14)
    lines = [x for x in lines if "Friedman" not in x and " − " not in x.split(":")[0]]
    dims = json.loads(cli("gap", path, "-f", "json").stdout)["dimensions"]
    assert len(lines) == len(dims) == 5
    for line, d in zip(lines, dims, strict=True):
        gap = (
            f"M = {d['gap']:.2f}, SD = {d['gap_sd']:.2f}, "
            f"95% CI [{d['ci_low']:.2f}, {d['ci_high']:.2f}], t({int(d['df'])}) = "
        )  # English: the tables' "-" (review 9, finding 11)
        assert line.split(": ", 1)[1].startswith(gap), line
        p = d["p_adjusted"]
        adjusted = "< .001" if p < 0.001 else f"= {p:.3f}".replace("0.", ".", 1)
        assert f"(Holm, 5 dimensions: p {adjusted})" in line, line
    bh = cli("gap", path, "-f", "apa", "--adjust", "bh", "--lang", "sv").stdout
    assert "(BH, 5 dimensioner: p " in bh
    assert "dimensions:" not in cli("gap", path, "-f", "apa", "--adjust", "none").stdout


@pytest.mark.parametrize(
    ("lang", "level", "note"),
    [("en", "90% CI low", "Only respondents with a gap in every dimension count"),
     ("sv", "90\u00a0% KI låg", "Bara svarande med gap i alla dimensioner räknas")],
)  # fmt: skip
def test_gap_wording(cli, samples_dir: Path, lang: str, level: str, note: str) -> None:
    # Finding 23: "CI low" without its level, a lower-case note, "0 rows ... were rescaled".
    path = samples_dir / "karlstad_servqual.xlsx"
    r = cli("gap", path, "--conf", "0.9", "--lang", lang, "-f", "markdown", "--by", "Tjänst")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count(f"| {level} |") >= 3  # dimensions, items, overall, groups
    assert "| CI low |" not in r.stdout and "| KI låg |" not in r.stdout
    assert f"*{note} (399 av 400)" in r.stdout or f"*{note} (399 of 400)" in r.stdout


def test_allocation_note_says_no_row_was_rescaled() -> None:
    from servqual_cli.report.gap_tables import _weight_note

    assert _weight_note("allocation", 0, "en").endswith("no row needed rescaling")
    assert "1 row did not sum to 100" in _weight_note("allocation", 1, "en")
    assert "ingen rad behövde skalas om" in _weight_note("allocation", 0, "sv")


def test_service_survey_says_phone_as_trend_does(cli, samples_dir: Path) -> None:
    path = samples_dir / "servicematning_medborgare_2022_2024.xlsx"
    r = cli("service-survey", path, "-f", "markdown")
    assert "| phone |" in r.stdout and "telephone" not in r.stdout


def _help(cli, *command: str) -> str:
    r = cli(*command, "--help")
    assert r.exit_code == 0, r.stderr
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.stdout).split())


def test_help_lists_choices_and_required_options(cli) -> None:
    # Finding 19: free strings with the choices only in the text; required options unmarked;
    # "TOML file:  with name" (rich ate "[kpi.<id>]"); show --kpi's default unsaid.
    trend = _help(cli, "trend")
    assert "<score|fisher>" in trend and "<holm|bh|none>" in trend
    fetch = _help(cli, "kolada", "fetch")
    assert "KPI id(s) to download (required)" in fetch
    assert "Years to download (required)" in fetch and "JSON file to write (required)" in fetch
    show = _help(cli, "kolada", "show")
    assert "TOML file: a table [kpi.ID] per KPI with name" in show
    assert "(default: every KPI in the file)" in show
    assert "Item columns (required, or --item)" in _help(cli, "alpha")


def test_trend_refuses_a_test_outside_the_choices(cli, samples_dir: Path) -> None:
    files = [samples_dir / f"servicematning_{y}.xlsx" for y in (2019, 2020)]
    for option in ("--test", "--adjust"):
        r = cli("trend", *files, option, "foo")
        assert r.exit_code == 2 and "'foo' is not one of" in r.stderr


def test_contacts_municipality_help_names_no_benchmark(cli) -> None:
    # Finding 20: contacts' -m pointed to --benchmark, which contacts does not have.
    text = _help(cli, "contacts")
    assert "--benchmark" not in text
    assert "the rows to use in a file of several municipalities" in text
    assert "the one to compare with --benchmark" in _help(cli, "trend")


def test_kolada_names_municipalities_and_the_gender_code(cli, samples_dir: Path) -> None:
    # Finding 22: the list of codes only (names are accepted too); "Gender: T." unexplained.
    path = samples_dir / "kolada_servicematning.csv"
    r = cli("kolada", path, "-m", "Nowhere")
    assert r.exit_code == 2
    assert "(it has: Arvika (1784), Askersund (1882)," in r.stderr and "and 20 more)" in r.stderr
    out = _flat(cli("kolada", path, "-m", "Lekeberg", "--kpi", "U07451").stdout)
    assert "Gender: T = total, both sexes." in out
    sv = _flat(cli("kolada", path, "-m", "Lekeberg", "--kpi", "U07451", "--lang", "sv").stdout)
    assert "Kön: T = totalt, båda könen." in sv


def test_describe_names_the_cell_that_is_not_a_date(cli, samples_dir: Path) -> None:
    # Finding 22: 51 dates and "okänt" were typed "text" without a word on the one cell.
    import json

    path = samples_dir / "servicematning_2020.xlsx"
    col = {c["name"]: c for c in json.loads(cli("describe", path, "-f", "json").stdout)["columns"]}
    assert col["besvarad"]["type"] == "date" and col["besvarad"]["not_numbers"] == []
    assert col["besvarad"]["not_dates"] == [{"value": "okänt", "count": 1}]
    assert col["besvarad"]["n_not_dates"] == 1 and col["besvarad"]["first_not_date_row"] == 76
    assert col["skickad"]["not_dates"] == []
    text = _flat(cli("describe", path).stdout)
    assert ("besvarad (F): dates except 1 cell, row 76: 'okänt'. Commands that read the column "
            "as dates leave it out (not a date).") in text  # fmt: skip
