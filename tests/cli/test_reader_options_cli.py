"""--header-rows and --max-cells: options handed to the reader for one invocation only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

READER = Path(__file__).parents[1] / "data" / "reader"


def _names(cli, *args: str | Path) -> list[str]:
    r = cli("describe", *args, "-f", "json")
    assert r.exit_code == 0, r.stderr
    return [c["name"] for c in json.loads(r.stdout)["columns"]]


def test_header_rows_overrides_detection_and_does_not_leak(cli) -> None:
    file = READER / "two_row_header.csv"
    assert _names(cli, file) == ["id", "Tjänst", "E 1", "E 2", "P 1", "P 2"]
    assert _names(cli, file, "--header-rows", "1")[:3] == ["id", "Tjänst", "E"]
    # The next run in the same process detects again (the option is scoped to its command).
    assert _names(cli, file) == ["id", "Tjänst", "E 1", "E 2", "P 1", "P 2"]


@pytest.mark.parametrize("command", ["gap", "reliability"])
def test_survey_commands_take_header_rows(cli, command: str) -> None:
    args = (READER / "two_row_header.csv", "-i", READER / "two_row.toml", "-f", "json")
    r = cli(command, *args, "--header-rows", "2")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["input"]["header_rows"] == 2
    r = cli(command, *args, "--header-rows", "1")
    assert r.exit_code == 1 and "E 1" in r.stderr


def test_alpha_takes_header_rows(cli) -> None:
    file = READER / "two_row_header.csv"
    r = cli("alpha", file, "--items", "E 1,E 2,P 1", "--header-rows", "2", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["items"] == ["E 1", "E 2", "P 1"]


def test_header_rows_beyond_two_is_a_usage_error(cli) -> None:
    r = cli("describe", READER / "two_row_header.csv", "--header-rows", "3")
    assert r.exit_code == 2 and "--header-rows" in r.stderr


def test_max_cells_option_lowers_and_raises_the_limit(cli, monkeypatch) -> None:
    file = READER / "two_row_header.xlsx"  # 5 rows x 6 columns
    r = cli("describe", file, "--max-cells", "5")
    assert r.exit_code == 1 and "limit of 5 cells" in r.stderr and "--max-cells" in r.stderr
    monkeypatch.setenv("SERVQUAL_MAX_CELLS", "5")
    assert cli("describe", file, "--max-cells", "100").exit_code == 0  # the option wins
    assert cli("gap", file, "-i", READER / "two_row.toml").exit_code == 1  # not inherited
    r = cli("gap", file, "-i", READER / "two_row.toml", "--max-cells", "100")
    assert r.exit_code == 0, r.stderr
