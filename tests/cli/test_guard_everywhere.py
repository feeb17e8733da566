"""Every command checks its outputs through ``cli.output.guard`` (read-through, session 14):
tolerance, knowledge-gap, items, service-survey and kolada each repeated two of its checks by
hand and skipped the rest, so ``--excluded x.xlsx`` wrote CSV text under an Excel name (the
rule review 10b finding 5 added to guard) and ``--excluded -`` was accepted. Each must now refuse
both before any work, with exit 2 and nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
COMMANDS = {
    "tolerance": ("tolerance", str(SAMPLES / "karlstad_tolerans.xlsx")),
    "knowledge-gap": ("knowledge-gap", str(SAMPLES / "karlstad_servqual.xlsx"),
                      str(SAMPLES / "karlstad_personal.xlsx")),
    "items": ("items", str(SAMPLES / "karlstad_servqual.csv"), "--items", "P1:P4"),
    "service-survey": ("service-survey", str(SAMPLES / "servicematning_medborgare_2022_2024.xlsx")),
    "kolada": ("kolada", str(SAMPLES / "kolada_servicematning.csv"), "--municipality", "Lekeberg"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_excluded_under_an_excel_name_is_refused(cli, tmp_path: Path, name: str) -> None:
    target = tmp_path / "excluded.xlsx"
    r = cli(*COMMANDS[name], "--excluded", target)
    assert r.exit_code == 2, (r.exit_code, r.stderr)
    assert "--excluded writes a CSV list; name it .csv" in r.stderr
    assert not target.exists()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_excluded_to_stdout_is_refused(cli, name: str) -> None:
    r = cli(*COMMANDS[name], "--excluded", "-")
    assert r.exit_code == 2, (r.exit_code, r.stderr)
    assert "--excluded needs a file name" in r.stderr
