"""Kolada as a quality strategist downloads it (review 12a, findings 5-8).

``kolada_gap_sv.csv`` is a kolada.se wide download (Swedish headers, decimal comma) where
Lekeberg's 2024 value of U00451 is ``..`` (not published) and Karlstad's U00452 row is pasted
twice with the same values; ``kolada_conflict_sv.csv`` adds a second Lekeberg U00452 row whose
2024 value is 66,7 instead of 76,7 (two downloads pasted together after a revision).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl

DATA = Path(__file__).parent.parent / "data"
GAP = DATA / "kolada_gap_sv.csv"
CONFLICT = DATA / "kolada_conflict_sv.csv"
SAMPLE = Path(__file__).parent.parent.parent / "data" / "samples"
SURVEY = SAMPLE / "servicematning_medborgare_2022_2024.xlsx"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_change_across_a_missing_year_names_the_year_in_every_renderer(cli, tmp_path) -> None:
    """Finding 5: 2025 against 2023 is +10,3 "(sedan 2023)", not a one-year rise."""
    for lang, cell, title, plain in (
        ("sv", "+10,3 (sedan 2023)", "Förändring sedan föregående publicerade år",
         "Förändring sedan föregående år (publicerade värden)"),
        ("en", "+10.3 (since 2023)", "Change since the previous published year",
         "Change since previous year (published values)"),
    ):  # fmt: skip
        for suffix in ("md", "html"):
            out = tmp_path / f"k_{lang}.{suffix}"
            r = cli("kolada", GAP, "-m", "Lekeberg", "--lang", lang, "-o", out)
            assert r.exit_code == 0, r.stderr
            text = _flat(out.read_text(encoding="utf-8"))
            assert cell in text and title in text
            assert plain in text  # U00452 has every year: its table keeps the plain title
            # the consecutive change stays a plain number: 2023 against 2022
            assert ("−12,0" if lang == "sv" else "-12.0") in text
            assert "(sedan 2022)" not in text and "(since 2022)" not in text
        r = cli("kolada", GAP, "-m", "Lekeberg", "--lang", lang, "-f", "markdown")
        assert cell in r.stdout
        r = cli("kolada", GAP, "-m", "Lekeberg", "--lang", lang)
        assert cell in r.stdout
    rows = json.loads(cli("kolada", GAP, "-m", "Lekeberg", "-f", "json").stdout)["positions"]
    last = [x for x in rows if x["kpi"] == "U00451"][-1]
    assert (last["period"], last["previous_period"]) == (2025, 2023)
    assert round(last["change"], 9) == 10.3  # JSON keeps the number
    book = tmp_path / "k.xlsx"  # the workbook is the tidy data: the number beside its period
    assert cli("kolada", GAP, "-m", "Lekeberg", "-o", book).exit_code == 0
    sheet = list(openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True))
    head = list(sheet[0])
    gap = next(r for r in sheet[1:] if r[0] == "U00451" and r[head.index("period")] == 2025)
    assert gap[head.index("previous_period")] == 2023


def test_wide_download_exclusions_name_the_year_column_and_say_not_published(cli, tmp_path) -> None:
    """Findings 6 and 7: the ".." cell is named by its column "2024", not a made-up "värde",
    and labelled "ej publicerat (..)"; the equal duplicate row is counted per year column with
    its value."""
    listed = tmp_path / "excl.csv"
    sv = cli("kolada", GAP, "-m", "Lekeberg", "--lang", "sv", "--excluded", listed)
    assert sv.exit_code == 0, sv.stderr
    assert "Uteslutna celler: dubbletter 4, ej publicerat (..) 1." in _flat(sv.stdout)
    assert "NA" not in sv.stdout
    en = cli("kolada", GAP, "-m", "Lekeberg")
    assert "Excluded cells: duplicates 4, not published (..) 1." in _flat(en.stdout)
    with listed.open(encoding="utf-8") as f:
        got = [(r["row"], r["column"], r["value"], r["reason"]) for r in csv.DictReader(f)]
    assert ("2", "2024", "..", "not_available") in got
    dups = sorted(g for g in got if g[3] == "duplicate")
    assert dups == [
        ("8", "2022", "70,0", "duplicate"),
        ("8", "2023", "69,0", "duplicate"),
        ("8", "2024", "70,0", "duplicate"),
        ("8", "2025", "71,0", "duplicate"),
    ]
    assert not any(g[1] in ("värde", "Nyckeltal") for g in got)


def test_conflicting_duplicate_is_an_error_naming_both_rows_and_values(cli) -> None:
    """Finding 7: the first value no longer wins silently."""
    en = cli("kolada", CONFLICT, "-m", "Lekeberg")
    assert en.exit_code == 1 and en.stderr.count("\n") == 1 and "Traceback" not in en.stderr
    assert "rows 5 and 9: U00452, Lekeberg, 2024 has two values (76,7 and 66,7)" in en.stderr
    sv = cli("kolada", CONFLICT, "-m", "Lekeberg", "--lang", "sv")
    assert sv.exit_code == 1 and sv.stderr.count("\n") == 1
    assert "rad 5 och 9: U00452, Lekeberg, 2024 har två värden (76,7 och 66,7)" in sv.stderr
    assert "kolada_conflict_sv.csv" in sv.stderr


def test_service_survey_benchmark_withholds_rank_on_a_small_base_and_shows_kolada_value(
    cli, tmp_path
) -> None:
    """Finding 8: the e-mail indices rest on 21-23 answers (< --min-n 30): no rank, no colour,
    "för få svar"; Lekeberg's own published value is a column."""
    args = ("service-survey", SURVEY, "--benchmark", DATA / "kolada_survey_2024.csv", "-m",
            "Lekeberg", "--kpi-map", DATA / "kolada_survey_map.toml")  # fmt: skip
    bench = json.loads(cli(*args, "-f", "json").stdout)["benchmark"]["kpis"]
    rows = {(k["channel"], k["question"]): k for k in bench}
    assert rows[("email", "ease")]["n"] < 30 and rows[("email", "ease")]["small_base"] is True
    assert rows[("email", "ease")]["rank"] is None
    assert rows[("email", "ease")]["rank_third"] is None
    assert rows[("phone", "ease")]["rank"] == 3 and rows[("phone", "ease")]["small_base"] is False
    for lang, few, col, pub, head in (
        ("sv", "för få svar", "Publicerat i Kolada", "62,0", "Placering"),
        ("en", "too few answers", "Published in Kolada", "62.0", "Rank"),
    ):
        out = tmp_path / f"s_{lang}.md"
        r = cli(*args, "--lang", lang, "-o", out)
        assert r.exit_code == 0, r.stderr
        text = out.read_text(encoding="utf-8")
        lines = text.splitlines()
        at = next(i for i, ln in enumerate(lines) if ln.startswith("|") and col in ln)
        header = [c.strip() for c in lines[at].strip("|").split("|")]
        body = []
        for ln in lines[at + 2 :]:  # the table's rows, up to its end
            if not ln.startswith("|"):
                break
            body.append([c.strip() for c in ln.strip("|").split("|")])
        rank, kolada = header.index(head), header.index(col)
        colour = rank + 1
        small = [b for b in body if b[rank] == few]
        assert len(small) == 2 and all(b[colour] == "–" for b in small)
        assert [b[kolada] for b in body if b[kolada] not in ("–", "")] == [pub]
        assert few.capitalize() in _flat(text)  # the note says why
