"""`--conf 0.9` gives 90 % intervals, and the headers say 90 %, not 95 % (review 2, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_service_survey_headers_name_the_level(cli, samples_dir: Path, lang: str) -> None:
    path = samples_dir / "servicematning_medborgare_2022_2024.xlsx"
    r = cli("service-survey", path, "--conf", "0.9", "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert ("90 % KI" if lang == "sv" else "90% CI") in r.stdout.replace("\u00a0", " ")
    assert "95 % KI" not in r.stdout.replace("\u00a0", " ")
    assert "95% CI" not in r.stdout and "95 % CI" not in r.stdout


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_trend_series_headers_name_the_level(cli, samples_dir: Path, lang: str) -> None:
    files = [samples_dir / f"servicematning_{y}.xlsx" for y in (2019, 2020, 2021)]
    r = cli("trend", *files, "--conf", "0.9", "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    text = r.stdout.replace("\u00a0", " ")
    assert ("90 % KI, nedre" if lang == "sv" else "90% CI, low") in text
    assert "95 % KI" not in text and "95% CI" not in text and "95 % CI" not in text


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_benchmark_verdict_note_names_the_level(cli, samples_dir: Path, lang: str) -> None:
    files = [samples_dir / f"servicematning_{y}.xlsx" for y in (2019, 2020)]
    bench = samples_dir / "kolada_servicematning.csv"
    r = cli("trend", *files, "--benchmark", bench, "--conf", "0.9", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.replace("\u00a0", " ").split())
    assert ("hela 90 %-intervall" if lang == "sv" else "whole 90% interval") in text
    assert "95 %-intervall" not in text and "95% interval" not in text
