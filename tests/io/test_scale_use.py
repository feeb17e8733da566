"""io.scale_use: a warning when no answer reaches an end of the declared scale (review 2 item
17: six_point.csv, answers 2–6, was read with the built-in 1–7 scale without a word)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from servqual_cli.io.scale_use import scale_use

SMALL = Path(__file__).parents[1] / "data" / "small"


@settings(max_examples=80, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 6), st.integers(1, 4)),
        elements=st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0, np.nan]),
    ),
    st.lists(st.integers(0, 3), max_size=2, unique=True),
)
def test_ends_are_read_as_answered(m: np.ndarray, rev: list[int]) -> None:
    rev = [k for k in rev if k < m.shape[1]]
    answered = m.copy()
    stored = m.copy()
    stored[:, rev] = 1 + 5 - stored[:, rev]  # what the reader keeps after reverse scoring
    use = scale_use({"p": stored}, (1.0, 5.0), rev)
    if np.isnan(answered).all():
        assert use is None
        return
    top, bottom = np.nanmax(answered), np.nanmin(answered)
    if top == 5.0 and bottom == 1.0:
        assert use is None
    else:
        assert use is not None and use.used == (bottom, top)
        assert use.top_unused == (top < 5.0) and use.bottom_unused == (bottom > 1.0)


def test_six_point_file_is_warned_about(cli) -> None:
    en = " ".join(cli("gap", SMALL / "six_point.csv", "--no-items").stdout.split())
    assert "Scale declared 1–7, but no answer is above 6 or below 2 in any of the 44 items" in en
    sv = " ".join(cli("gap", SMALL / "six_point.csv", "--no-items", "--lang", "sv").stdout.split())
    assert "Skalan är angiven som 1–7, men inget svar är över 6 eller under 2" in sv
    out = json.loads(cli("gap", SMALL / "six_point.csv", "-f", "json").stdout)
    assert out["scale_use"] == {"declared": [1.0, 7.0], "used": [2.0, 6.0], "n_items": 44,
                                "top_unused": True, "bottom_unused": True}  # fmt: skip
    items = json.loads(cli("items", SMALL / "six_point.csv", "-f", "json").stdout)
    assert items["scale_use"]["used"] == [2.0, 6.0]
    assert "is it 2–6?" in cli("items", SMALL / "six_point.csv").stdout


def test_a_full_scale_gives_no_warning(cli, samples_dir: Path) -> None:
    out = json.loads(cli("gap", samples_dir / "karlstad_servqual.xlsx", "-f", "json").stdout)
    assert out["scale_use"] is None


def test_report_warns_too(cli, tmp_path: Path) -> None:
    out = tmp_path / "rep"
    assert cli("report", SMALL / "six_point.csv", "-o", out).exit_code == 0
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "Scale declared 1–7, but no answer is above 6 or below 2" in text
