"""Kolada's colour beside servqual's verdict (review 12c, finding 8).

A reader saw "Kolada-färg röd" beside "kan inte skiljas från medel" with no word on why: the
colour is a place in the ranking without any account of uncertainty, the verdict is this
municipality's interval against the others' mean. A note says so wherever a row shows both, and
only there: not in ``servqual kolada`` (no verdict), not when no row has a colour (every index
on a small base gets no rank and no colour), not when the verdict is the colour itself (a value
without an interval is judged by rank thirds).
"""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
SURVEY = DATA.parent.parent / "data" / "samples" / "servicematning_medborgare_2022_2024.xlsx"
NOTE = {
    "sv": "Kolada-färg och bedömning kan skilja sig åt",
    "en": "Kolada colour and verdict can differ",
}
TAIL = {"sv": "skillnaden mot medlet kan bero på slumpen.", "en": "from the mean may be chance."}


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_trend_benchmark_explains_a_green_beside_cannot_tell(cli, lang: str, tmp_path) -> None:
    """contacts_kolada.csv: Lekeberg ranks 1 of 3 (green) on both KPIs, and both verdicts are
    "cannot tell from the mean" (its Wilson intervals reach the others' mean)."""
    out = tmp_path / f"t_{lang}.md"
    r = cli("trend", DATA / "contacts_2019.csv", DATA / "contacts_2020.csv", "--years",
            "2019,2020", "--benchmark", DATA / "contacts_kolada.csv", "-m", "Lekeberg",
            "--lang", lang, "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    text = _flat(out.read_text(encoding="utf-8"))
    same = "kan inte skiljas från medel" if lang == "sv" else "cannot tell from the mean"
    green = "| grön |" if lang == "sv" else "| green |"
    assert same in text and green in text  # both shown in one table ...
    assert text.count(NOTE[lang]) == 1 and TAIL[lang] in text  # ... so the note, once
    level = "95 %-intervall" if lang == "sv" else "95% interval"
    assert level in text.split(NOTE[lang])[1].split(".")[0]  # the interval's level named


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_service_survey_benchmark_explains_a_red_beside_cannot_tell(cli, lang: str) -> None:
    """kolada_survey_2024.csv: Lekeberg's phone indices rank 3 of 4 (red) and cannot be told
    from the others' mean."""
    args = ("service-survey", SURVEY, "--benchmark", DATA / "kolada_survey_2024.csv", "-m",
            "Lekeberg", "--kpi-map", DATA / "kolada_survey_map.toml", "--lang", lang)  # fmt: skip
    r = cli(*args)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert ("röd" if lang == "sv" else "red") in text
    assert text.count(NOTE[lang]) == 1
    # every index on a small base: no rank, no colour, nothing to explain
    r = cli(*args, "--min-n", "1000")
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert ("för få svar" if lang == "sv" else "too few answers") in text
    assert NOTE[lang] not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_kolada_show_has_a_colour_but_no_verdict_so_no_note(cli, lang: str) -> None:
    r = cli("kolada", DATA / "kolada_wide_sv.csv", "-m", "Lekeberg", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert ("Kolada-färg" if lang == "sv" else "Kolada colour") in text
    assert NOTE[lang] not in text
