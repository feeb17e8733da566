"""Encoded columns give what the per-cell path gives (issue #16).

The fast CSV path keeps each column as codes and distinct texts and parses only the distinct
texts; the survey and item-set loaders then never build the object frame nor, unless asked, the
per-cell list of excluded cells. Hypothesis writes survey files; each is loaded twice, on the
encoded path and with the fast reader switched off (the standard-library reader and the per-cell
parse), and everything the commands use must be equal: values, groups, counts by reason, the
list of excluded cells, error messages.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.errors import ServqualError
from servqual_cli.instruments.toml import load_instrument
from servqual_cli.io import read_text as read_module
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.item_set import load_item_set
from servqual_cli.io.scale_column import parse_scale_column
from servqual_cli.io.survey import load_survey

EXAMPLES = int(os.environ.get("SERVQUAL_FUZZ_EXAMPLES", "150"))
TWO_ITEMS = Path(__file__).parents[1] / "data" / "reader" / "two_items.toml"

answers = st.sampled_from(
    ["1", "2", "7", "4,5", "", " ", "Vet ej", "vet ej", "NA", "#N/A", "9", "0", "x", "-",
     "Instämmer helt", "7 Instämmer helt", "1 234", "3.0"]
)  # fmt: skip
REASONS = st.sampled_from([None, "blank", "unparseable", "out_of_range"])
groups = st.sampled_from(["Förskola", " Förskola ", "Bygg", "", "#N/A", "12"])


@st.composite
def survey_files(draw: st.DrawFn) -> bytes:
    delim = draw(st.sampled_from([";", ",", "\t"]))
    header = ["Tjänst", "E1", "P1", "E2", "P2", "W1"]
    lines = []
    if draw(st.booleans()):
        lines.append("Enkät 2024" + delim * (len(header) - 1))
    lines.append(delim.join(header))
    for _ in range(draw(st.integers(1, 15))):
        cells = [draw(groups)] + [draw(answers) for _ in header[1:]]
        lines.append(delim.join(f'"{c}"' if delim in c else c for c in cells))
    text = "\n".join(lines) + "\n"
    return text.encode(draw(st.sampled_from(["utf-8", "cp1252", "utf-8-sig"])))


def _read(data: bytes, fast: bool, monkeypatch: pytest.MonkeyPatch) -> read_module.RawTable:
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(read_module, "read_body", lambda *a, **k: None)
        table = read_module.read_text(data, "t.csv", None, None)
    assert (table.encoded is not None) == fast or not fast
    return table


def _outcome(call):
    try:
        return call()
    except ServqualError as exc:
        return type(exc), str(exc)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(survey_files(), st.booleans())
def test_survey_loads_the_same_on_both_paths(
    monkeypatch: pytest.MonkeyPatch, data: bytes, strict: bool
) -> None:
    inst = load_instrument(str(TWO_ITEMS))
    loaded = []
    for fast in (True, False):
        # the read itself may refuse the file (a header with only blank rows below): both paths
        # must then give the same error
        loaded.append(
            _outcome(
                lambda f=fast: load_survey(
                    _read(data, f, monkeypatch), inst, by="Tjänst", strict=strict
                )
            )
        )
    fast_data, slow_data = loaded
    if isinstance(slow_data, tuple) or isinstance(fast_data, tuple):
        assert fast_data == slow_data
        return
    np.testing.assert_array_equal(fast_data.expectation, slow_data.expectation)
    np.testing.assert_array_equal(fast_data.perception, slow_data.perception)
    assert fast_data.groups.tolist() == slow_data.groups.tolist()
    assert fast_data.excluded == slow_data.excluded
    pd.testing.assert_frame_equal(fast_data.exclusions, slow_data.exclusions)
    # answers read from text (labels), counted per distinct text on the encoded path
    assert fast_data.exclusion_log.recoded() == slow_data.exclusion_log.recoded()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(survey_files(), st.sampled_from([None, (1.0, 7.0)]), st.booleans())
def test_item_set_loads_the_same_on_both_paths(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory, data: bytes, scale, reverse: bool
) -> None:
    path = tmp_path_factory.mktemp("items") / "t.csv"
    path.write_bytes(data)
    loaded = []
    for fast in (True, False):
        with monkeypatch.context() as m:
            if not fast:
                m.setattr(read_module, "read_body", lambda *a, **k: None)
            loaded.append(
                _outcome(
                    lambda: load_item_set(
                        str(path), "E1,P1,E2,P2", "P2" if reverse else None, scale
                    )
                )
            )
    fast_set, slow_set = loaded
    if isinstance(slow_set, tuple) or isinstance(fast_set, tuple):
        assert fast_set == slow_set
        return
    pd.testing.assert_frame_equal(fast_set.frame, slow_set.frame)
    assert fast_set.excluded == slow_set.excluded
    assert fast_set.reverse_range == slow_set.reverse_range
    pd.testing.assert_frame_equal(fast_set.exclusions, slow_set.exclusions)


def test_the_encoded_path_builds_neither_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --excluded or --strict, no object frame and no per-cell exclusion list is made;
    the equivalence tests above would pass as well if the encoded path were never taken."""
    data = "Tjänst;E1;P1;E2;P2\nBygg;5;4;;Vet ej\nSkola;7;x;6;6\n".encode()
    table = _read(data, True, monkeypatch)
    assert table.encoded is not None
    loaded = load_survey(table, load_instrument(str(TWO_ITEMS)), by="Tjänst")
    assert table.__dict__["frame"] is None and loaded.__dict__["exclusions"] is None
    assert loaded.excluded == {"blank": 1, "dont_know": 1, "unparseable": 1}
    assert loaded.expectation.flags.f_contiguous and loaded.perception.flags.f_contiguous
    assert loaded.exclusions["value"].tolist() == ["Vet ej", "", "x"]  # built when read (P first)
    assert table.frame.shape == (2, 5)  # and the frame too


def test_a_weight_out_of_range_is_an_invalid_weight(monkeypatch: pytest.MonkeyPatch) -> None:
    table = _read(b"W1;W2\n-1;5\n2;\n", True, monkeypatch)
    log = ExclusionLog("t.csv")
    parsed = parse_scale_column(
        table, 0, (0.0, np.inf), log=log, rename={"out_of_range": "invalid_weight"}
    )
    assert parsed.values.tolist()[1] == 2.0 and np.isnan(parsed.values[0])
    assert log.counts() == {"invalid_weight": 1}


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(st.integers(0, 4), min_size=1, max_size=30),
    st.lists(REASONS, min_size=5, max_size=5),
)
def test_coded_and_per_cell_logs_agree(codes: list[int], reasons: list[str | None]) -> None:
    uniques = np.array(["5", "", "x", "9", " "], dtype=object)
    code_array = np.array(codes, dtype=np.int8)
    rows = np.arange(2, len(codes) + 2)
    per_cell, coded = ExclusionLog("a.csv"), ExclusionLog("a.csv")
    reason_array = np.array(reasons, dtype=object)
    per_cell.add(rows, "E1", uniques[code_array], reason_array[code_array])
    coded.add_coded(rows, "E1", code_array, uniques, reason_array)
    assert coded.counts() == per_cell.counts()
    pd.testing.assert_frame_equal(coded.to_frame(), per_cell.to_frame())
