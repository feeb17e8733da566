"""``ExclusionLog.value_counts``: the distinct invalid texts with their cells (session 15).

Checked against an independent count: pandas ``value_counts`` of the ``--excluded`` list that
:meth:`~servqual_cli.io.exclusions.ExclusionLog.to_frame` builds cell by cell.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.io import exclusions
from servqual_cli.io.exclusions import JSON_VALUES, ExclusionLog, excluded_detail, ranked_values

# texts that look alike on purpose: "1" and 1.0 and True show as different or equal texts
POOL = ["ja", "?", "x", "nej", "1", 1.0, 2.5, "", " ja", "=SUM(A1)", "a\x1bb", True]
REASONS = [None, "unparseable", "blank", "out_of_range"]


def _expected(log: ExclusionLog, reason: str = "unparseable") -> tuple[tuple[str, int], ...]:
    frame = log.to_frame()
    counted = frame.loc[frame["reason"] == reason, "value"].value_counts()
    pairs = [(str(t), int(n)) for t, n in counted.items()]
    return tuple(sorted(pairs, key=lambda tn: (-tn[1], tn[0])))


part = st.tuples(
    st.booleans(),  # coded (add_coded) or plain (add)
    st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=30),  # the cells' values
    st.lists(st.sampled_from(REASONS), min_size=len(POOL), max_size=len(POOL)),  # per value
)


@settings(derandomize=True, max_examples=150, deadline=None)
@given(st.lists(part, max_size=5))
def test_value_counts_match_the_list(parts: list[tuple[bool, list[int], list[str | None]]]) -> None:
    log = ExclusionLog("a.csv")
    for k, (coded, picks, reason_of) in enumerate(parts):
        rows = np.arange(2, 2 + len(picks))
        column = f"E{k + 1}"
        if coded:
            # the column's distinct values and a reason per value, as the fast CSV path records
            codes, uniques = pd.factorize(np.array([str(POOL[i]) for i in picks], dtype=object))
            reasons = np.array([reason_of[POOL.index(u) if u in POOL else 0] for u in uniques],
                               dtype=object)  # fmt: skip
            log.add_coded(rows, column, codes.astype(np.int32), np.asarray(uniques, dtype=object),
                          reasons)  # fmt: skip
        else:
            values = np.empty(len(picks), dtype=object)
            values[:] = [POOL[i] for i in picks]
            log.add(rows, column, values, np.array([reason_of[i] for i in picks], dtype=object))
    assert log.value_counts() == _expected(log)
    assert log.value_counts("out_of_range") == _expected(log, "out_of_range")
    named = log.named_values()  # out-of-range numbers named too (session 16)
    expected = {r: _expected(log, r) for r in ("unparseable", "out_of_range")}
    assert named == {r: v for r, v in expected.items() if v}


def test_no_invalid_text_answers_without_building_the_list(monkeypatch) -> None:
    """A log with only blanks answers at once; one with a coded column never walks the column
    again (the counts per distinct value were kept when it was recorded)."""
    log = ExclusionLog("a.csv")
    codes = np.array([0, 1, 1, 0, 0], dtype=np.int8)
    blank = np.array([None, "blank"], dtype=object)
    log.add_coded(np.arange(5), "E1", codes, np.array(["5", ""], dtype=object), blank)

    def refuse(*_: object) -> None:
        raise AssertionError("the cells were listed")

    monkeypatch.setattr(exclusions._CodedPart, "cells", refuse)
    monkeypatch.setattr(ExclusionLog, "to_frame", refuse)
    assert log.value_counts() == () and log.named_values() == {}
    log.add_coded(np.arange(5), "E2", np.array([0, 1, 2, 2, 1], dtype=np.int8),
                  np.array(["5", "ja", "?"], dtype=object),
                  np.array([None, "unparseable", "unparseable"], dtype=object))  # fmt: skip
    assert log.value_counts() == (("?", 2), ("ja", 2))


def test_ties_by_text_and_merged_across_columns() -> None:
    log = ExclusionLog("a.csv")
    bad = np.array(["unparseable"] * 3, dtype=object)
    log.add(np.arange(3), "P1", np.array(["b", "a", "b"], dtype=object), bad)
    log.add(np.arange(3), "P2", np.array(["a", "c", "c"], dtype=object), bad)
    assert log.value_counts() == (("a", 2), ("b", 2), ("c", 2))


@pytest.mark.parametrize("n", [1, JSON_VALUES, JSON_VALUES + 5])
def test_json_detail_caps_the_list_and_says_how_many(n: int) -> None:
    values = ranked_values(np.array([f"t{i:02d}" for i in range(n)], dtype=object))
    detail = excluded_detail({"unparseable": values})["unparseable"]
    assert detail["distinct"] == n
    assert len(detail["values"]) == min(n, JSON_VALUES)
    assert detail["values"][0] == {"value": "t00", "count": 1}
