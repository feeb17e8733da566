"""--max-cells on the toolbox commands that read files (tolerance, knowledge-gap, items) and on
report: the shared option of cli/options.py, so every command that reads a file takes it; an
over-limit file is exit 1 with the reader's message, a limit above the file lets it through.
CSV inputs too (the CSV readers count their lines before parsing, io/limits.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
COMMANDS = {
    "tolerance": ["tolerance", SAMPLES / "karlstad_tolerans.xlsx"],
    "knowledge-gap": ["knowledge-gap", SAMPLES / "karlstad_servqual.xlsx",
                      SAMPLES / "karlstad_personal.xlsx"],
    "items": ["items", SAMPLES / "karlstad_servqual.csv"],
    "gap-csv": ["gap", SAMPLES / "karlstad_servqual.csv"],
    "describe-csv": ["describe", SAMPLES / "karlstad_servqual.csv"],
}  # fmt: skip


@pytest.mark.parametrize("name", list(COMMANDS))
def test_an_over_limit_file_is_refused(cli, name: str) -> None:
    r = cli(*COMMANDS[name], "--max-cells", "50")
    assert r.exit_code == 1, (r.exit_code, r.stderr)
    assert "limit of 50 cells" in r.stderr and "--max-cells" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_limit_above_the_file_lets_it_through(cli, name: str) -> None:
    r = cli(*COMMANDS[name], "--max-cells", "10000000", "-f", "json")
    assert r.exit_code == 0, r.stderr


def test_report_takes_the_option(cli, tmp_path: Path) -> None:
    survey = SAMPLES / "karlstad_servqual.csv"
    r = cli("report", survey, "-o", tmp_path / "r", "--max-cells", "50")
    assert r.exit_code == 1 and "limit of 50 cells" in r.stderr, r.stderr
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("name", ["tolerance", "knowledge-gap", "items", "report"])
def test_help_lists_it(cli, name: str) -> None:
    assert "--max-cells" in cli(name, "--help").stdout
