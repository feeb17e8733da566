"""The multi-year trend tables show the slope's interval under a heading that names its level
(review 9 finding 7), and the note names the interval and the verdict rule (p AND interval)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
YEARS = [SAMPLES / f"servicematning_{y}.xlsx" for y in (2019, 2020, 2021, 2022)]
SURVEY = SAMPLES / "servicematning_medborgare_2022_2024.xlsx"


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _trend_table(markdown: str, title: str) -> str:
    part = markdown[markdown.index(title) :]
    return part[: part.index("\n*")]  # up to the note under the table


@pytest.mark.parametrize(("conf", "sv", "en"), [("0.9", "90 % KI", "90% CI"),
                                                 ("0.95", "95 % KI", "95% CI")])  # fmt: skip
def test_the_series_trend_table_names_its_level(cli, conf: str, sv: str, en: str) -> None:
    for lang, word, title in (("sv", sv, "Trend över alla år"), ("en", en, "Trend over all years")):
        r = cli("trend", *YEARS, "--conf", conf, "--lang", lang, "-f", "markdown")
        assert r.exit_code == 0, r.stderr
        table = _trend_table(r.stdout.replace("\u00a0", " "), title)
        assert f"| {word}, {'nedre' if lang == 'sv' else 'low'} |" in table
        assert f"| {word}, {'övre' if lang == 'sv' else 'high'} |" in table
    note = _flat(r.stdout)
    assert "for shares the score interval" in note and "agree, as between two years" in note
    assert "Wald" not in note  # session 13: the score interval for every share


def test_the_series_interval_is_the_json_interval_in_display_units(cli) -> None:
    out = json.loads(cli("trend", *YEARS, "-f", "json").stdout)["series"]["trends"]
    reached = next(t for t in out if t["kpi"] == "phone_reached")
    md = _trend_table(cli("trend", *YEARS, "-f", "markdown").stdout, "Trend over all years")
    row = next(line for line in md.splitlines() if line.startswith("| Phone: reached a person |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    shown = [float(c.replace("−", "-")) for c in cells[2:5]]
    wanted = [reached[k] * 100 for k in ("slope", "ci_low", "ci_high")]
    assert shown == pytest.approx(wanted, abs=0.006)


@pytest.mark.parametrize(("adjust", "suffix"), [("holm", " (ojusterat)"), ("none", "")])
def test_the_survey_trend_table_names_its_level(cli, adjust: str, suffix: str) -> None:
    r = cli("service-survey", SURVEY, "--conf", "0.9", "--adjust", adjust, "--lang", "sv",
            "-f", "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    table = _trend_table(r.stdout.replace("\u00a0", " "), "Trend över alla år")
    assert f"| Förändring per år | 90 % KI, nedre{suffix} | 90 % KI, övre{suffix} |" in table
    assert "Trendens intervall: t-intervallet för lutningen" in _flat(r.stdout)
