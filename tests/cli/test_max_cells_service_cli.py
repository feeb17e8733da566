"""--max-cells on contacts, trend, kpi, feedback, service-survey and kolada (review 4 finding 19):
the shared option of the survey commands, handed to the same reader limit; an over-limit file is
bad data (exit 1) with the reader's message, and a limit above the file's size lets it through.
(Kolada is tested on its download saved as xlsx; the CSV readers' limit is tested in
tests/io/test_csv_cell_limit.py and on the toolbox commands in test_max_cells_toolbox_cli.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
COMMANDS = {
    "contacts": ["contacts", SAMPLES / "servicematning_2019.xlsx"],
    "trend": ["trend", SAMPLES / "servicematning_2019.xlsx", SAMPLES / "servicematning_2020.xlsx"],
    "trend-survey": ["trend", SAMPLES / "karlstad_servqual.xlsx",
                     SAMPLES / "karlstad_servqual_2025.xlsx"],
    "kpi": ["kpi", SAMPLES / "kpi.toml"],
    "feedback": ["feedback", SAMPLES / "synpunkter_2023_2024.xlsx"],
    "service-survey": ["service-survey", SAMPLES / "servicematning_medborgare_2022_2024.xlsx"],
    "kolada": ["kolada", "KOLADA_XLSX", "-m", "Lekeberg"],
}  # fmt: skip


@pytest.fixture
def args(request: pytest.FixtureRequest, tmp_path: Path) -> list[str | Path]:
    out = list(COMMANDS[request.param])
    if "KOLADA_XLSX" in out:
        import pandas as pd

        path = tmp_path / "kolada.xlsx"
        frame = pd.read_csv(SAMPLES / "kolada_servicematning.csv", dtype=str)
        frame.to_excel(path, index=False, engine="openpyxl")
        out[out.index("KOLADA_XLSX")] = path
    return out


@pytest.mark.parametrize("args", list(COMMANDS), indirect=True)
def test_an_over_limit_file_is_refused_with_the_readers_message(cli, args: list[str]) -> None:
    r = cli(*args, "--max-cells", "50")
    assert r.exit_code == 1, (r.exit_code, r.stderr)
    assert "limit of 50 cells" in r.stderr and "--max-cells" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", list(COMMANDS), indirect=True)
def test_a_limit_above_the_file_lets_it_through(cli, args: list[str]) -> None:
    r = cli(*args, "--max-cells", "10000000", "-f", "json")
    assert r.exit_code == 0, r.stderr
