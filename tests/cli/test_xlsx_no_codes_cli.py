"""Review 17, findings 6, 15 and 20: a Swedish per-command workbook (``-o x.xlsx --lang sv``)
holds no tidy code. Session 17's new columns reached it as codes: gap's weighted levels
(``weighted_group``, ``weighted_test``, ``weighted_group_test``) with English dimension names,
"overall SERVQUAL (mean of the dimension gaps)", "Tangibles: Perception (P)" and the headers
``p_holm_within_group``, ``small_groups`` (cells ``{}``), ``df1``, ``df2``, ``k``, ``f``, ``v``;
kpi's ``n_beyond_norm``, ``n_norm_base``, ``share_beyond_norm``; service-survey's benchmark
block (``others_mean``, ``rank``, ``verdict_method`` = ``t_interval``, ``file_value``, verdict
``same``); the SERVQUAL trend's ``Tangibles`` … ``Overall`` and ``se_before`` … while the notes
sheet says the sheet has the terminal's Swedish words.

The walk below opens every sheet of a Swedish workbook of each command (the invocations the
workbook tests use, plus gap weighted by group, gap --overall weighted, tolerance with inverted
zones, service-survey with a benchmark, the survey trend weighted and not) and fails on any
header or text cell that is a snake_case code, or a header that is a bare lower-case letter
other than the statistics' own symbols. The walk found four more codes (``small_base`` in
tolerance --by, ``weight_column`` in gap --overall --weight-column, contacts' and trend's
``k``), now worded too.

Files: data/samples/ (Karlstad surveys 2024 and 2025, the tolerance survey, the contact
measurements 2019–2021, the KPI file, the feedback register, the citizen survey 2022–2024,
Kolada's file); tests/data/ (r15_tolerans.csv with r15_kommun.toml, kiosk.csv with kiosk.toml,
kg_over_*.csv with toolbox.toml, kolada_survey_2024.csv with kolada_survey_map.toml).
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from servqual_cli.cli.output_xlsx_values import _COLUMNS, in_words

from .conftest import DATA

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
KARLSTAD = SAMPLES / "karlstad_servqual_2025.xlsx"
YEARS = [SAMPLES / f"servicematning_{y}.xlsx" for y in (2019, 2020, 2021)]
SURVEYS = (SAMPLES / "karlstad_servqual.xlsx", KARLSTAD)

CASES: dict[str, tuple[object, ...]] = {
    "gap_weighted_by": ("gap", KARLSTAD, "--weight-column", "Vikt", "--by", "Tjänst"),
    "gap_overall": ("gap", DATA / "kiosk.csv", "-i", DATA / "kiosk.toml", "--overall", "F1"),
    "gap_overall_weighted": ("gap", KARLSTAD, "--weight-column", "Vikt", "--overall",
                             "Helhetsbetyg"),
    "reliability": ("reliability", KARLSTAD),
    "alpha": ("alpha", KARLSTAD, "--items", "P1:P4"),
    "contacts": ("contacts", YEARS[1]),
    "trend": ("trend", *YEARS[:2]),
    "trend_series": ("trend", *YEARS),
    # the benchmark block is there only with --benchmark (review 18 finding 14)
    "trend_benchmark": ("trend", *YEARS[:2], "--benchmark",
                        SAMPLES / "kolada_servicematning.csv"),
    "trend_survey_weighted": ("trend", *SURVEYS, "--weight-column", "Vikt", "--min-n", "300"),
    "trend_survey": ("trend", *SURVEYS),
    "kpi": ("kpi", SAMPLES / "kpi.toml"),
    "feedback": ("feedback", SAMPLES / "synpunkter_2023_2024.xlsx"),
    "service_survey_benchmark": (
        "service-survey", SAMPLES / "servicematning_medborgare_2022_2024.xlsx", "--benchmark",
        DATA / "kolada_survey_2024.csv", "-m", "Lekeberg", "--kpi-map",
        DATA / "kolada_survey_map.toml"),
    "describe": ("describe", KARLSTAD),
    "tolerance_inverted": ("tolerance", DATA / "r15_tolerans.csv", "-i", DATA / "r15_kommun.toml"),
    "tolerance_by": ("tolerance", SAMPLES / "karlstad_tolerans.xlsx", "--by", "Tjänst"),
    "knowledge_gap": ("knowledge-gap", DATA / "kg_over_citizens.csv",
                      DATA / "kg_over_staff.csv", "-i", DATA / "toolbox.toml"),
    "items": ("items", KARLSTAD),
    "items_weighted": ("items", KARLSTAD, "--weight-column", "Vikt"),
    # the missing reasons seen only with declared codes: an SPSS file's declared missing values
    # and --missing-codes (review 18 finding 7: "missing_missing_token", "missing_missing_code")
    "items_spss_declared": ("items", DATA / "spss_missing" / "user_missing.sav", "--items",
                            "E1,P1,E2,P2", "--scale-range", "1,7"),
    "items_missing_codes": ("items", DATA / "missing_code_99.csv", "--items", "E1,E2,E3,E4",
                            "--missing-codes", "99", "--scale-range", "1,7"),
    "kolada": ("kolada", SAMPLES / "kolada_servicematning.csv", "-m", "Lekeberg"),
}  # fmt: skip

CODE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
# headers that are a lower-case letter and stay: the statistics' symbols as APA writes them
# (n, t, p; the regression's b and the correlation r of gap --overall)
LETTERS = {"n", "t", "p", "b", "r"}


def _book(cli, tmp_path: Path, name: str) -> openpyxl.Workbook:
    path = tmp_path / f"{name}.xlsx"
    r = cli(*CASES[name], "--lang", "sv", "-o", path)
    assert r.exit_code == 0, r.stderr
    return openpyxl.load_workbook(path)


def _rows(book: openpyxl.Workbook) -> list[dict]:
    rows = list(book["Resultat"].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_every_command_walked() -> None:
    """A command whose Swedish workbook has words is walked (a new one must be added here)."""
    assert set(_COLUMNS) <= {str(case[0]) for case in CASES.values()}


@pytest.mark.parametrize("name", list(CASES))
def test_no_code_left_in_a_swedish_workbook(cli, tmp_path: Path, name: str) -> None:
    book = _book(cli, tmp_path, name)
    left = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                letter = ws.title == "Resultat" and cell.row == 1 and re.fullmatch("[a-z]", value)
                if CODE.fullmatch(value) or (letter and value not in LETTERS):
                    left.append(f"{ws.title}!{cell.coordinate} {value!r}")
    assert not left, f"{name}: {left}"


def test_gap_weighted_rows_in_words(cli, tmp_path: Path) -> None:
    rows = _rows(_book(cli, tmp_path, "gap_weighted_by"))
    levels = {r["Nivå"] for r in rows}
    assert {"viktat dimensionsgap", "viktat gap per grupp", "viktad skillnad mellan grupper",
            "viktad"} <= levels  # fmt: skip
    weighted = [r["Namn"] for r in rows if str(r["Nivå"]).startswith("vikt")]
    assert "Fysisk miljö" in weighted and "Tangibles" not in weighted
    assert "Fysisk miljö: Upplevelse (P)" in weighted
    assert "Total SERVQUAL (medel av dimensionernas gap)" in weighted
    tests = [r for r in rows if r["Nivå"] == "viktad skillnad mellan grupper"]
    assert {r["fg täljare"] for r in tests} == {3} and all(r["F (Wald)"] > 0 for r in tests)
    assert all(r["Små grupper (n)"] is None for r in tests)  # none small: empty, not "{}"
    assert {"p (Holm, inom gruppen)", "Antal grupper", "fg nämnare", "V (Wilcoxon)"} <= set(rows[0])


def test_small_groups_named_with_their_n() -> None:
    import pandas as pd

    small = [{"Grundskola": 12, "Gymnasieskola": 8}, {}, None]
    levels = ["weighted_group_test", "weighted_group_test", "dimension"]
    f = pd.DataFrame({"level": levels, "name": ["Tangibles"] * 3, "small_groups": small})
    out = in_words(f, "gap")
    assert out["small_groups"][0] == "Grundskola (12), Gymnasieskola (8)"
    assert out["small_groups"][1:].isna().all()  # none small: an empty cell, not "{}"
    assert out["name"].tolist() == ["Fysisk miljö"] * 3


def test_kpi_norm_counts_headed_in_swedish(cli, tmp_path: Path) -> None:
    rows = _rows(_book(cli, tmp_path, "kpi"))
    heads = set(rows[0])
    assert {"Antal fall bortom normen", "Antal fall i normens underlag",
            "Andel fall bortom normen"} <= heads  # fmt: skip
    beyond = [r for r in rows if r["Antal fall bortom normen"] is not None]
    assert beyond and {r["Mått"] for r in beyond} == {"median"}  # Swedish as it is


def test_service_survey_benchmark_in_words(cli, tmp_path: Path) -> None:
    rows = _rows(_book(cli, tmp_path, "service_survey_benchmark"))
    bench = [r for r in rows if r["Tabell"] == "jämförelse med andra kommuner"]
    assert len(bench) == 4
    assert {r["Bedömningens metod"] for r in bench} == {"t-intervall"}
    assert "kan inte skiljas från medel" in {r["Bedömning"] for r in bench}
    assert bench[0]["Publicerat i Kolada"] == 62 and bench[0]["Placering"] == 3
    assert {"Medel övriga", "Min övriga", "Max övriga", "Kolada-färg"} <= set(rows[0])


@pytest.mark.parametrize(
    ("name", "overall", "heads"),
    [("trend_survey_weighted", "Total SERVQUAL (medel av dimensionernas gap)",
      {"Medelfel före", "Medelfel efter", "Oviktat medel före", "Oviktat medel efter"}),
     ("trend_survey", "Total SERVQUAL (oviktad)", {"p (Welch)"})],
)  # fmt: skip
def test_survey_trend_dimensions_in_words(cli, tmp_path: Path, name, overall, heads) -> None:
    rows = _rows(_book(cli, tmp_path, name))
    assert [r["Dimension"] for r in rows][-1] == overall
    assert {r["Dimension"] for r in rows} >= {"Fysisk miljö", "Empati"}
    assert heads <= set(rows[0])


@pytest.mark.parametrize(
    ("name", "head"),
    [("items_spss_declared", "Saknas: angivet saknat värde"),
     ("items_missing_codes", "Saknas: svarskod för saknat svar")],
)  # fmt: skip
def test_items_declared_missing_headed_in_swedish(cli, tmp_path: Path, name, head) -> None:
    """Review 18 finding 7: the reasons' columns as the terminal names the reasons."""
    rows = _rows(_book(cli, tmp_path, name))
    assert head in rows[0] and sum(r[head] for r in rows) > 0


def test_trend_benchmark_in_words(cli, tmp_path: Path) -> None:
    """Review 18 finding 14: trend --benchmark's block read "side_of_mean" … "same_year" with
    "below"/"above" and TRUE; as service-survey's block and the terminal word them."""
    rows = _rows(_book(cli, tmp_path, "trend_benchmark"))
    bench = [r for r in rows if r["Tabell"] == "jämförelse med andra kommuner"]
    assert bench
    heads = {"Sida om medel", "Bedömningens metod", "Publicerat i Kolada", "År (kommunen)",
             "År (övriga)", "Samma år"}  # fmt: skip
    assert heads <= set(rows[0])
    assert {r["Sida om medel"] for r in bench} <= {"under", "över", "lika med medel", None}
    assert {"under", "över"} <= {r["Sida om medel"] for r in bench}
    assert {r["Samma år"] for r in bench} == {"ja"}
    assert {r["År (kommunen)"] for r in bench} == {"2020"}
