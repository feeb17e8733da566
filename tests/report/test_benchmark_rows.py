"""The benchmark's CSV/JSON rows and labels only render the core's columns (session 15,
w-bench item 1): the side of the others' mean is computed once, in core.benchmark."""

from __future__ import annotations

import pandas as pd

from servqual_cli.report.benchmark_sections import benchmark_rows
from servqual_cli.report.catalog import MEASUREMENT
from servqual_cli.report.measurement_tables import code_labels


def test_rows_keep_the_core_side_of_the_mean() -> None:
    # a side that disagrees with the sign of diff: the renderer must not recompute it
    kpis = pd.DataFrame({"kpi": ["phone_reached"], "diff": [0.5], "side_of_mean": ["below"],
                         "others_max": [0.7959999999999999]})  # fmt: skip
    out = benchmark_rows(kpis)
    assert list(out.columns) == list(kpis.columns)
    assert out["side_of_mean"].tolist() == ["below"]
    assert out["others_max"].tolist() == [0.796]


def test_the_relative_label_is_gone() -> None:
    assert "relative" not in MEASUREMENT and "equal" not in MEASUREMENT
    frame = pd.DataFrame({"relative": ["better"], "rank_third": ["green"]})
    labelled = code_labels(frame, "sv")
    assert labelled["relative"].tolist() == ["better"]  # no longer a coded column
    assert labelled["rank_third"].tolist() == ["grön"]
