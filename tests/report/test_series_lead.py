"""A report's series (three or more years) in its lead and in its charts' captions (review 18,
finding 10).

Before: with four years of contacts, "Resultat i korthet" said only "Inget mått har en påvisbar
försämring" (the last two years) and left out the series' two detectable improvements (table
"Trend över alla år": the e-mail reply shares "bättre" after Holm), and each series chart's
caption gave no trend verdict beside a drawn decline (phone 83 → 65 %, "ingen påvisbar trend").
Now the lead names the trends judged better and worse, without naming the test (house rule),
and each caption ends with its KPI's trend row. The numbers are the table's (core.series,
tested against R prop.trend.test there); these tests check that the words carry them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.report.series_sections import series_figures, series_lead

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def _trends(verdicts: list[str]) -> pd.DataFrame:
    kpis = [("phone_reached", "phone"), ("email_answered_question", "email")][: len(verdicts)]
    return pd.DataFrame({"area": "ALL", "kpi": [k for k, _ in kpis],
                         "channel": [c for _, c in kpis], "first_year": 2019, "last_year": 2022,
                         "n_years": 4, "slope": [-0.0629, 0.0246][: len(verdicts)],
                         "p": [0.017, 0.2][: len(verdicts)],
                         "p_adjusted": [0.182, 0.9][: len(verdicts)],
                         "verdict": verdicts})  # fmt: skip


LEADS = {
    ("better", "worse"): {
        "sv": "Över 2019–2022 har E-post: svar på frågan förbättrats och Telefon: når en person "
        "försämrats (trend över alla år).",
        "en": "Over 2019–2022, E-mail: question answered improved and Phone: reached a person "
        "deteriorated (trend over all years).",
    },
    ("better",): {
        "sv": "Över 2019–2022 har E-post: svar på frågan förbättrats (trend över alla år); inget "
        "mått har en påvisbar försämrande trend.",
        "en": "Over 2019–2022, E-mail: question answered improved (trend over all years); no "
        "measure has a detectable downward trend.",
    },
    ("worse",): {
        "sv": "Över 2019–2022 har Telefon: når en person försämrats (trend över alla år); inget "
        "mått har en påvisbar förbättrande trend.",
        "en": "Over 2019–2022, Phone: reached a person deteriorated (trend over all years); no "
        "measure has a detectable upward trend.",
    },
    (): {
        "sv": "Över 2019–2022 har inget mått en påvisbar trend, varken förbättring eller "
        "försämring.",
        "en": "Over 2019–2022, no measure has a detectable trend, neither improvement nor "
        "deterioration.",
    },
}
VERDICTS = {("better", "worse"): ["worse", "better"],
            ("better",): ["no detectable trend", "better"],
            ("worse",): ["worse", "no detectable trend"],
            (): ["no detectable trend", "no detectable trend"]}  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("case", list(LEADS))
def test_the_lead_names_the_trends_better_and_worse(case: tuple[str, ...], lang: str) -> None:
    text = series_lead(_trends(VERDICTS[case]), lang)
    assert text == LEADS[case][lang]
    assert "Holm" not in (text or "")  # the lead names no test


def test_no_trend_row_gives_no_lead_sentence() -> None:
    assert series_lead(_trends([])[:0], "sv") is None


@pytest.mark.parametrize(
    ("lang", "row"),
    [("sv", "Trend 2019–2022: −6,29 procentenheter per år, ingen påvisbar trend (Holm, 2 test)."),
     ("en", "Trend 2019–2022: -6.29 percentage points per year, no detectable trend "
            "(Holm, 2 tests).")],
)  # fmt: skip
def test_the_series_caption_ends_with_its_trend_row(lang: str, row: str) -> None:
    values = pd.DataFrame({"year": [2019, 2020, 2021, 2022], "channel": "phone", "area": "ALL",
                           "kpi": "phone_reached", "n": 60, "value": [0.83, 0.75, 0.7, 0.65],
                           "ci_low": [0.7, 0.62, 0.57, 0.52],
                           "ci_high": [0.9, 0.85, 0.8, 0.76]})  # fmt: skip
    trends = _trends(["no detectable trend", "no detectable trend"])
    (figure,) = series_figures(values, lang, trends=trends)
    assert (figure.caption or "").endswith(row) and figure.notes[0].endswith(row)
    assert (figure.description or "").endswith(row)  # the text alternative says it too


@pytest.mark.parametrize(
    ("lang", "lead", "caption"),
    [("sv", "Över 2019–2022 har E-post: svar inom 1 arbetsdag och E-post: svar inom 2 "
            "arbetsdagar förbättrats (trend över alla år); inget mått har en påvisbar "
            "försämrande trend.",
      "Telefon: når en person. Punkter: årets värde med 95 % konfidensintervall. Trend "
      "2019–2022: −6,29 procentenheter per år, ingen påvisbar trend (Holm, 14 test)."),
     ("en", "Over 2019–2022, E-mail: reply in 1 working day and E-mail: reply in 2 working days "
            "improved (trend over all years); no measure has a detectable downward trend.",
      "Phone: reached a person. Points: the year's value with its 95% confidence interval. "
      "Trend 2019–2022: -6.29 percentage points per year, no detectable trend "
      "(Holm, 14 tests).")],
)  # fmt: skip
def test_a_four_year_report_leads_with_its_trends(
    tmp_path: Path, cli, lang: str, lead: str, caption: str
) -> None:
    years = "\n".join(f'{y} = "{SAMPLES / f"servicematning_{y}.xlsx"}"' for y in range(2019, 2023))
    config = tmp_path / "r.toml"
    config.write_text(f'title = "Serie"\nlanguage = "{lang}"\n\n[contacts]\n'
                      f'municipality = "Lekeberg"\n\n[contacts.years]\n{years}\n',
                      encoding="utf-8")  # fmt: skip
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    heading = "## Resultat i korthet" if lang == "sv" else "## Results at a glance"
    start = text.index(heading)
    first = text[start : text.index("\n## ", start + 1)]
    assert lead in first  # in the overview's paragraph, with the last two years' sentence
    assert "Holm" not in lead
    assert caption in text.replace("\u00a0", " ")
