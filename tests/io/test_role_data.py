"""The toolbox loader: any question set of an instrument, cleaned as ``gap`` cleans E and P."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.errors import DataError, UsageError
from servqual_cli.instruments.builtin import PZB1988
from servqual_cli.instruments.toml import instrument_from_dict
from servqual_cli.io.read import read_table
from servqual_cli.io.role_data import load_roles, missing_by_column, present_roles

INST = {"name": "Mini", "scale": [1, 5], "perception": "P{item}", "expectation": "E{item}",
        "dimensions": {"X": [1, 2], "Y": [3]}}  # fmt: skip


def _table(tmp_path: Path, frame: pd.DataFrame):
    path = tmp_path / "s.csv"
    frame.to_csv(path, index=False)
    return read_table(str(path))


def test_adequate_and_desired_default_to_a_and_d(tmp_path: Path) -> None:
    frame = pd.DataFrame({f"{r}{i}": [1, 2, 3] for r in "ADP" for i in (1, 2, 3)}, dtype=object)
    frame.loc[1, "A2"] = "Vet ej"
    frame.loc[2, "D3"] = 9  # out of range: excluded and counted
    data = load_roles(_table(tmp_path, frame), instrument_from_dict(INST),
                      ["adequate", "desired", "perception"])  # fmt: skip
    assert data.columns["adequate"] == ["A1", "A2", "A3"]
    assert np.isnan(data.matrices["adequate"][1, 1]) and np.isnan(data.matrices["desired"][2, 2])
    assert data.excluded == {"dont_know": 1, "out_of_range": 1}
    assert missing_by_column(data.exclusions) == {"A2": {"dont_know": 1}, "D3": {"out_of_range": 1}}
    assert present_roles(_table(tmp_path, frame), instrument_from_dict(INST)) == [
        "perception", "adequate", "desired"]  # fmt: skip


def test_instrument_patterns_win_and_reverse_items_are_reversed(tmp_path: Path) -> None:
    inst = instrument_from_dict({**INST, "adequate": "Min{item}", "desired": "Ideal{item}",
                                 "reverse": [3]})  # fmt: skip
    frame = pd.DataFrame({f"{r}{i}": [1, 4] for r in ("Min", "Ideal", "P") for i in (1, 2, 3)})
    data = load_roles(_table(tmp_path, frame), inst, ["adequate", "desired"])
    assert data.columns["desired"] == ["Ideal1", "Ideal2", "Ideal3"]
    assert data.matrices["adequate"][:, 2].tolist() == [5.0, 2.0]  # 1 + 5 - x
    assert data.matrices["adequate"][:, 0].tolist() == [1.0, 4.0]


def test_missing_columns_are_listed_together(tmp_path: Path) -> None:
    frame = pd.DataFrame({"P1": [1], "P2": [2], "P3": [3], "A1": [1]})
    with pytest.raises(DataError, match="A2, A3, D1"):
        load_roles(_table(tmp_path, frame), instrument_from_dict(INST), ["adequate", "desired"])


def test_two_way_groups_and_weights(tmp_path: Path) -> None:
    frame = pd.DataFrame({"P1": [1, 2, 3, 4], "P2": [1, 2, 3, 4], "P3": [1, 2, 3, 4],
                          "Kön": ["K", "M", None, "K"], "Ort": ["N", "S", "N", None],
                          "w": [1.5, "2,5", None, 1]})  # fmt: skip
    data = load_roles(_table(tmp_path, frame), instrument_from_dict(INST), ["perception"],
                      by="Kön,Ort", weight_column="w")  # fmt: skip
    assert data.groups is not None and data.groups.tolist() == ["K × N", "M × S", None, None]
    assert data.by == "Kön × Ort"
    assert data.weights is not None and np.isnan(data.weights[2])
    assert data.weights[1] == 2.5  # decimal comma
    with pytest.raises(UsageError, match="one column or two"):
        load_roles(_table(tmp_path, frame), instrument_from_dict(INST), ["perception"],
                   by="Kön,Ort,P1")  # fmt: skip


def test_builtin_1988_reverses_its_negative_items(tmp_path: Path) -> None:
    frame = pd.DataFrame({f"A{i}": [2] for i in range(1, 23)})
    data = load_roles(_table(tmp_path, frame), PZB1988, ["adequate"])
    reversed_positions = [k for k, i in enumerate(PZB1988.items) if i in PZB1988.reverse]
    assert (data.matrices["adequate"][0, reversed_positions] == 6.0).all()


def test_roles_are_parsed_as_the_survey_loader_parses_them(tmp_path: Path) -> None:
    # One parser for both loaders (io/item_roles.py): same values, same excluded cells.
    from servqual_cli.io.survey import load_survey

    frame = pd.DataFrame({f"{r}{i}": [1, 5, 3, "Vet ej"] for r in "EP" for i in (1, 2, 3)},
                         dtype=object)  # fmt: skip
    frame.loc[0, "E2"], frame.loc[2, "P3"], frame.loc[1, "P1"] = 9, "x", ""
    inst = instrument_from_dict({**INST, "reverse": [2]})
    table = _table(tmp_path, frame)
    roles = load_roles(table, inst, ["perception", "expectation"])
    survey = load_survey(table, inst)
    assert np.array_equal(roles.matrices["expectation"], survey.expectation, equal_nan=True)
    assert np.array_equal(roles.matrices["perception"], survey.perception, equal_nan=True)
    assert roles.matrices["perception"][1, 1] == 1.0  # item 2 reversed: 1 + 5 - 5
    assert roles.excluded == survey.excluded == {
        "dont_know": 6, "blank": 1, "unparseable": 1, "out_of_range": 1}  # fmt: skip
    assert roles.exclusions.equals(survey.exclusions)
    # C order for the toolbox, as before the parser was shared (sums in the same order).
    assert roles.matrices["perception"].flags.c_contiguous


def test_a_column_of_only_wrong_values_is_refused(tmp_path: Path) -> None:
    frame = pd.DataFrame({f"P{i}": [1, 2] for i in (1, 2, 3)}, dtype=object)
    frame["P2"] = ["x", "y"]
    with pytest.raises(DataError, match="no valid answer in the whole column.*'x' in row 2"):
        load_roles(_table(tmp_path, frame), instrument_from_dict(INST), ["perception"])
