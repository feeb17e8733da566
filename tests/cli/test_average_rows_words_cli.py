"""One left-out average row is singular and says what it is (review 16 finding 9: "1
medelvärdesrader utelämnade." / "1 average rows left out." after service-survey --benchmark)."""

from __future__ import annotations

from pathlib import Path

import pytest

SURVEY = "servicematning_medborgare_2022_2024.xlsx"


@pytest.mark.parametrize(("lang", "line"), [
    ("sv", "1 medelvärdesrad (riket eller en kommungrupp) utelämnad."),
    ("en", "1 average row (the country or a municipality group) left out."),
])  # fmt: skip
def test_service_survey_benchmark_one_average_row(
    cli, samples_dir: Path, data_dir: Path, lang: str, line: str
) -> None:
    r = cli("service-survey", samples_dir / SURVEY, "--benchmark",
            data_dir / "kolada_survey_2024.csv", "--kpi-map", data_dir / "kolada_survey_map.toml",
            "-m", "Lekeberg", "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    assert line in text
    assert "medelvärdesrader utelämnade" not in text and "average rows left out" not in text
