"""Session 18 (a-xlsx): ``gap --weight-column`` parsed the weight column in with_weight_cells
(its cells listed for ``--excluded``) and again in every read_weight_column (the weighted
estimates, the weighted groups): once per table now, the weights the same.

File: tests/data/r15_enkat.xlsx with r15_kommun.toml (a blank and a text weight)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

DATA = Path(__file__).parents[1] / "data"
FILE, TOML = DATA / "r15_enkat.xlsx", DATA / "r15_kommun.toml"


@pytest.mark.parametrize("extra", [(), ("--by", "Enhet")])
def test_gap_parses_the_weight_column_once(cli, monkeypatch, extra: tuple[str, ...]) -> None:
    import servqual_cli.io.values as values

    original = values.parse_scale_values
    weights: list[Any] = []

    def counted(raw: Any, bounds: Any, *args: Any, **kwargs: Any) -> Any:
        if tuple(bounds) == (-np.inf, np.inf):  # the weight column's bounds (items have a scale)
            weights.append(raw)
        return original(raw, bounds, *args, **kwargs)

    monkeypatch.setattr(values, "parse_scale_values", counted)
    r = cli("gap", FILE, "-i", TOML, "--weight-column", "Vikt", *extra, "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert len(weights) == 1
    out = json.loads(r.stdout)
    assert out["weighted"]["weight_column"] == "Vikt" and out["weighted"]["estimates"]


def test_a_changed_copy_does_not_change_the_next_reader() -> None:
    from servqual_cli.io.survey import load_survey_file
    from servqual_cli.io.weight_column import read_weight_column

    data = load_survey_file(str(FILE), str(TOML))
    first, _ = read_weight_column(data, "Vikt", "--weight-column")
    first[:] = -1.0
    again, _ = read_weight_column(data, "Vikt", "--weight-column")
    assert not (again == -1.0).any()
