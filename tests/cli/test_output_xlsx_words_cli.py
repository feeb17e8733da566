"""w-xlsx2 (review 13 finding 13's follow-up): a Swedish per-command workbook is Swedish
throughout. Session 16 left feedback, kpi and service-survey with English headers, and every
command's cells with the tidy codes ("Tangibles", "dimension", "better", "phone", "too few");
the data sheet was called "data". Now the sheet is "Resultat"/"Results", headers and text cells
say what the terminal says, the numbers and their formats are those of the English workbook,
and the notes sheet says the CSV and JSON keep the codes. The English workbook keeps the tidy
names and codes, as the CSV.

Files: data/samples/ (the Karlstad SERVQUAL survey for gap, describe and reliability, the KPI
file, the feedback register, the citizen survey 2022–2024, the contact measurements 2019 and
2020).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"

# command -> (arguments, Swedish headers, Swedish cells, English headers, English cells): the
# English ones are the tidy names and codes the Swedish workbook must not show.
CASES = {
    "gap": (
        ["karlstad_servqual_2025.xlsx"],
        {"Grupp", "Nivå", "Namn", "Dimension A", "Wilcoxon-metod"},
        {"alla", "dimension", "påstående", "total SERVQUAL", "Fysisk miljö", "oviktad",
         "Fysisk miljö − Tillförlitlighet", "Tillförlitlighet"},
        {"group", "level", "name", "a", "wilcoxon_method"},
        {"ALL", "item", "overall", "Tangibles", "unweighted", "Tangibles − Reliability"},
    ),
    "kpi": (
        ["kpi.toml"],
        {"Nyckeltal", "Mått", "Tidsenhet", "Bedömning", "Bedömning enligt intervallet"},
        {"för få (n < 30)", "uppfyllt", "kan ej avgöras", "dagar", "andel", "totalt", "grupp"},
        {"kpi", "statistic", "unit", "verdict", "interval_verdict"},
        {"too few", "met", "cannot tell", "days", "share", "overall", "group"},
    ),
    "feedback": (
        ["synpunkter_2023_2024.xlsx"],
        {"Avsnitt", "Mått", "Förvaltning", "Storhet", "Värde", "Effektmått"},
        {"per förvaltning", "andel inom löftet", "bättre", "exakt Poissontest", "alla",
         "kvot av dagstakt", "dagar till svar, median"},
        {"section", "measure", "unit", "statistic", "value", "effect"},
        {"by_unit", "within_promise_share", "better", "poisson", "all", "rate_ratio",
         "km_median_days"},
    ),
    "service-survey": (
        ["servicematning_medborgare_2022_2024.xlsx"],
        {"Tabell", "År", "Kanal", "Fråga", "Andel 4–5", "Bedömning"},
        {"telefon", "e-post", "Bemötande", "Enkelt att få hjälp", "sämre",
         "ingen påvisbar trend", "alla områden", "linjär regression"},
        {"table", "year", "channel", "question", "share_4_5", "verdict"},
        {"phone", "email", "treatment", "ease", "worse", "no detectable trend", "ALL", "linear"},
    ),
    "trend": (
        ["servicematning_2019.xlsx", "servicematning_2020.xlsx"],
        {"Nyckeltal", "Kanal", "Område", "Bedömning", "Test", "Gräns för radens ojusterade p"},
        {"Telefon: når en person", "telefon", "alla", "alla områden", "bättre",
         "ingen påvisbar förändring", "score-test", "skillnad"},
        {"kpi", "channel", "area", "verdict", "test", "level"},
        {"phone_reached", "phone", "ALL", "better", "no detectable change", "score",
         "difference"},
    ),
    "describe": (
        ["karlstad_servqual_2025.xlsx"],
        {"Nr", "Typ", "Saknade", "Skala, lägsta"},
        {"tal", "tomma=3; vet ej=1"},
        {"position", "type", "missing", "likert_min"},
        {"number", "blank=3; vet ej=1"},
    ),
}  # fmt: skip


def _book(cli, tmp_path: Path, command: str, lang: str) -> openpyxl.Workbook:
    args = [SAMPLES / name for name in CASES[command][0]]
    path = tmp_path / f"{command}_{lang}.xlsx"
    r = cli(command, *args, "--lang", lang, "-o", path)
    assert r.exit_code == 0, r.stderr
    return openpyxl.load_workbook(path)


def _texts(ws) -> set[str]:
    return {
        v for row in ws.iter_rows(min_row=2, values_only=True) for v in row if isinstance(v, str)
    }


@pytest.mark.parametrize("command", list(CASES))
def test_swedish_workbook_words_headers_and_cells_numbers_unchanged(
    cli, tmp_path: Path, command: str
) -> None:
    _, sv_heads, sv_cells, en_heads, en_cells = CASES[command]
    sv, en = _book(cli, tmp_path, command, "sv"), _book(cli, tmp_path, command, "en")
    assert sv.sheetnames == ["Resultat", "Noter"] and en.sheetnames == ["Results", "Notes"]
    s, e = sv["Resultat"], en["Results"]
    head = {c.value for c in s[1]}
    assert sv_heads <= head and not en_heads & head
    assert en_heads <= {c.value for c in e[1]}  # the English workbook: the tidy names
    texts = _texts(s)
    assert sv_cells <= texts, sorted(sv_cells - texts)
    assert not en_cells & texts, sorted(en_cells & texts)
    assert en_cells <= _texts(e)  # and the codes, as the CSV
    # the numbers are the English workbook's: same cells, same values, formatted alike
    assert (s.max_row, s.max_column) == (e.max_row, e.max_column)
    for srow, erow in zip(s.iter_rows(min_row=2), e.iter_rows(min_row=2), strict=True):
        for a, b in zip(srow, erow, strict=True):
            if isinstance(b.value, int | float) and not isinstance(b.value, bool):
                assert a.value == b.value and type(a.value) is type(b.value)
                # shown as today: a format where English has one (Swedish with its minus sign)
                assert (a.number_format == "General") == (b.number_format == "General")
    # the notes sheet says first what the cells are and that the machine formats keep codes
    first = next(sv["Noter"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[:2] == ("Arbetsboken", "Not") and "behåller" in first[2]
    assert "Tangibles" in first[2] and "Resultat" in first[2]
    assert not any(r[0] == "Arbetsboken" for r in en["Notes"].iter_rows(values_only=True))


@pytest.mark.parametrize(
    ("lang", "said", "gone"),
    [
        ("sv", "Wilson-intervallen finns i bladet Resultat", "finns i JSON- och CSV-utdata"),
        ("en", "its Wilson intervals are in the Results sheet", "in the JSON and CSV output"),
    ],
)
def test_notes_send_the_reader_to_the_data_sheet_not_the_json(
    cli, tmp_path: Path, lang: str, said: str, gone: str
) -> None:
    """The terminal's "the Wilson intervals are in the JSON and CSV output" is true of the
    terminal; the workbook's data sheet holds them (share_ci_low, share_ci_high)."""
    book = _book(cli, tmp_path, "service-survey", lang)
    notes = [r[2] for r in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert any(said in text for text in notes)
    assert not any(gone in text for text in notes)
    head = [c.value for c in book.worksheets[0][1]]
    assert (
        {"Andel 4–5 KI låg", "Andel 4–5 KI hög"} <= set(head)
        if lang == "sv"
        else ({"share_ci_low", "share_ci_high"} <= set(head))
    )


@pytest.mark.parametrize(
    ("lang", "sheets", "score", "loading"),
    [
        ("sv", ["Resultat", "Validitet", "EFA E", "CFA per dimension", "Noter"], "Förväntan",
         "Faktor 4"),
        ("en", ["Results", "Validity", "EFA E", "CFA per dimension", "Notes"], "Expectation",
         "Factor 4"),
    ],
)  # fmt: skip
def test_reliability_workbook_has_the_terminals_validity_tables(
    cli, tmp_path: Path, lang: str, sheets: list[str], score: str, loading: str
) -> None:
    """The terminal shows KMO, Bartlett and the CFA's fit, the EFA's loadings and CR/AVE per
    dimension; the workbook had only the alpha and item table. Each is a sheet now, its cells
    the JSON's numbers (which the core's tests hold against R's psych and lavaan)."""
    import json

    path = tmp_path / f"rel_{lang}.xlsx"
    args = ("reliability", SAMPLES / "karlstad_servqual_2025.xlsx")
    assert cli(*args, "--lang", lang, "-o", path).exit_code == 0
    book = openpyxl.load_workbook(path)
    assert [s for s in book.sheetnames if s in sheets] == sheets
    expected = json.loads(cli(*args, "-f", "json").stdout)["validity"][0]  # E, the expectations
    rows = list(book[sheets[1]].iter_rows(min_row=2, values_only=True))
    row = dict(zip(rows[0], next(r for r in rows if r[0] == score), strict=True))
    assert row["KMO"] == expected["kmo"]["msa"] and row["CFI"] == expected["cfa"]["cfi"]
    assert row["Bartlett χ²"] == expected["bartlett"]["chi2"]
    efa = list(book[sheets[2]].iter_rows(min_row=2, values_only=True))
    first = dict(zip(efa[0], efa[1], strict=True))
    assert first[loading] == expected["efa"]["items"][0]["F4"]  # a number, every digit kept
    assert book[sheets[2]].cell(3, efa[0].index(loading) + 1).number_format != "General"
