"""One rule for a grouping cell (io/groups.py): a blank or a spreadsheet error value ("#N/A",
"#DIV/0!") is no group, for every command that groups. ``gap --by`` left such a respondent out of
the groups while ``tolerance``/``items``/``knowledge-gap`` and ``gap --by A,B`` made a group
called "#N/A" (house-style item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.io.groups import group_cells, labels_of

SYNTH = Path(__file__).parents[1] / "core" / "r" / "toolbox_synth.csv"
ERRORS = ["#N/A", "#DIV/0!", "Err:502", " #n/a "]


def test_error_literals_and_blanks_are_no_group() -> None:
    labels, reasons, _ = group_cells(pd.Series(["K", "", None, *ERRORS, "N/A", 2.0], dtype=object))
    assert labels.tolist() == ["K", None, None, None, None, None, None, None, "2"]
    assert reasons.tolist() == [None, "blank", "blank", *["excel_error"] * 4, "not_available", None]
    assert labels_of(pd.Series(ERRORS, dtype=object))[1].tolist() == [True] * 4


@pytest.fixture
def with_errors(tmp_path: Path) -> Path:
    """The toolbox survey with the role of four respondents an error value and one blank."""
    frame = pd.read_csv(SYNTH, dtype=str, keep_default_na=False)
    frame.loc[:3, "role"] = ERRORS
    frame.loc[4, "role"] = ""
    frame["site"] = ["Nord", "Syd"] * (len(frame) // 2) + ["Nord"] * (len(frame) % 2)
    path = tmp_path / "with_errors.csv"
    frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["tolerance", "--by", "role"],
        ["knowledge-gap", "--by", "role"],
        ["gap", "--by", "role"],
        ["gap", "--by", "role,site"],
    ],
)
def test_every_command_counts_them_without_a_group(
    cli, data_dir: Path, with_errors: Path, args: list[str]
) -> None:
    command, *rest = args
    # the staff: the survey without the planted errors (one file as both is refused, review 7
    # finding 10)
    staff = [SYNTH] if command == "knowledge-gap" else []
    r = cli(command, with_errors, *staff, "--instrument", data_dir / "toolbox.toml", *rest,
            "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert not [g for g in out["groups"] if "#" in g or "Err" in g], sorted(out["groups"])
    assert out["n_without_group"] == 5  # four error values and one blank
    excluded = out["excluded"]["customers"] if command == "knowledge-gap" else out["excluded"]
    assert excluded.get("excel_error", 0) >= (4 if "," not in rest[-1] else 0)
