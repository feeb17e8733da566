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


def test_report_at_conf_090_names_90_everywhere(cli, samples_dir: Path, tmp_path: Path) -> None:
    config = (samples_dir / "report_karlstad.toml").read_text(encoding="utf-8")
    config = config.replace("conf = 0.95", "conf = 0.9").replace(
        'file = "karlstad_servqual.xlsx"', f'file = "{samples_dir / "karlstad_servqual.xlsx"}"'
    )
    assert "conf = 0.9" in config
    (tmp_path / "r.toml").write_text(config, encoding="utf-8")
    r = cli("report", tmp_path / "r.toml", "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    md = " ".join((tmp_path / "out" / "report.md").read_text(encoding="utf-8").split())
    md = md.replace("\u00a0", " ")
    assert "90 % KI" in md
    assert "95 % KI" not in md and "95 %-intervall" not in md and "95 % konfidens" not in md
