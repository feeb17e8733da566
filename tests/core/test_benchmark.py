"""This municipality's value against the others of a benchmark file."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from servqual_cli.core.benchmark import (
    BENCHMARK_COLUMNS,
    benchmark_kpis,
    benchmark_verdicts,
    rank_benchmark,
    rank_thirds,
)
from servqual_cli.io.measurement import BenchmarkData


def _values(this_reached: float) -> pd.DataFrame:
    return pd.DataFrame({
        "municipality": ["A", "B", "C", "A", "B", "C"],
        "kpi": ["phone_reached"] * 3 + ["email_within_1_working_day"] * 3,
        "channel": ["phone"] * 3 + ["email"] * 3,
        "value": [this_reached, 0.9, 0.7, 0.95, 0.5, 0.6],
        "is_this": [True, False, False] * 2,
    })  # fmt: skip


def _own(n_reached: int, n: int) -> pd.DataFrame:
    """Phone-only contacts of this municipality."""
    return pd.DataFrame({
        "year": 2020, "municipality": "A", "channel": "phone", "area": "x",
        "sent": pd.NaT, "answered": pd.NaT,
        "reached": [True] * n_reached + [False] * (n - n_reached),
        "wait_seconds": float("nan"), "answered_question": pd.NA, "treatment": float("nan"),
        "sent_at": pd.NaT, "answered_at": pd.NaT, "timing_valid": False,
    })  # fmt: skip


def _data(values: pd.DataFrame) -> BenchmarkData:
    return BenchmarkData(table=None, kind="kolada", year=2020, municipality="A",  # type: ignore[arg-type]
                         exclusions=pd.DataFrame(), values=values)  # fmt: skip


def test_a_kpi_this_municipality_lacks_is_kept_unranked() -> None:
    v = _values(0.8)
    out = benchmark_kpis(v[~(v["is_this"] & v["kpi"].eq("email_within_1_working_day"))])
    assert list(out.columns) == BENCHMARK_COLUMNS
    email = out[out["kpi"].eq("email_within_1_working_day")].iloc[0]
    assert pd.isna(email["value"]) and email["rank"] is None and email["side_of_mean"] is None
    assert email["others_mean"] == pytest.approx(0.55) and email["n_municipalities"] == 3


def test_without_own_contacts_the_file_row_is_used() -> None:
    bench = rank_benchmark(_data(_values(0.8)))
    assert not bench.this_from_own and bench.kpis["rank"].tolist() == [2, 1]
    assert bench.file_differs.empty


def test_own_contacts_replace_the_file_row(monkeypatch: pytest.MonkeyPatch) -> None:
    import servqual_cli.core.benchmark as b

    def fake(frame: pd.DataFrame, keys: tuple, by_area: bool, conf: float) -> pd.DataFrame:
        share = float(frame["reached"].mean())
        return pd.DataFrame(
            {
                "kpi": ["phone_reached"],
                "channel": ["phone"],
                "value": [share],
                "ci_low": [share - 0.1],
                "ci_high": [min(share + 0.1, 1.0)],
            }
        )

    monkeypatch.setattr(b, "contact_kpis", fake)
    bench = rank_benchmark(_data(_values(0.8)), _own(19, 20))
    rows = bench.kpis.set_index("kpi")
    assert bench.this_from_own
    assert rows.loc["phone_reached", "value"] == pytest.approx(0.95)
    assert rows.loc["phone_reached", "rank"] == 1  # the file's 0.8 is not among the others
    assert rows.loc["phone_reached", "n_municipalities"] == 3
    assert rows.loc["phone_reached", "others_mean"] == pytest.approx(0.8)
    assert rows.loc["phone_reached", "file_value"] == pytest.approx(0.8)
    assert rows.loc["email_within_1_working_day", "rank"] is None  # no e-mails analysed
    assert list(bench.unranked["kpi"]) == ["email_within_1_working_day"]
    assert list(bench.file_differs["kpi"]) == ["phone_reached"]
    close = rank_benchmark(_data(_values(0.9504)), _own(19, 20))  # within 0.05 points
    assert close.file_differs.empty


def _phone_values(others: list[float]) -> pd.DataFrame:
    n = len(others) + 1
    return pd.DataFrame(
        {
            "municipality": [chr(65 + i) for i in range(n)],
            "kpi": "phone_reached",
            "channel": "phone",
            "value": [float("nan"), *others],
            "is_this": [True] + [False] * (n - 1),
        }
    )


def test_a_difference_the_data_cannot_tell_from_zero_is_same_not_worse() -> None:
    """Issue 9: -0.5 points at n = 54 was called "sämre" by sign alone."""
    others = _phone_values([0.80, 0.7656, 0.7828])  # mean 0.7828
    bench = rank_benchmark(_data(others), _own(42, 54))  # 77.8 %, Wilson 65.1-86.8 %
    row = bench.kpis.iloc[0]
    assert row["value"] == pytest.approx(42 / 54)
    # diff on the others' published precision (two decimals in percent): 77.78 - 78.28
    assert row["diff"] == pytest.approx(0.7778 - 0.7828, abs=1e-12)
    assert row["side_of_mean"] == "below"  # the sign alone: a position, not "worse"
    assert row["verdict"] == "same" and row["verdict_method"] == "wilson_interval"
    # Wilson 95 % interval of 42/54 (R: prop.test(42, 54, correct = FALSE)$conf.int)
    assert row["ci_low"] == pytest.approx(0.65061328, abs=1e-7)
    assert row["ci_high"] == pytest.approx(0.86804583, abs=1e-7)
    assert row["rank"] == 3 and row["rank_third"] == "red"  # 3 of 4: bottom third, yet "same"


def test_an_interval_wholly_below_the_mean_is_worse_and_above_better() -> None:
    worse = rank_benchmark(_data(_phone_values([0.9, 0.85, 0.95])), _own(30, 54)).kpis.iloc[0]
    assert worse["ci_high"] < 0.9 and worse["verdict"] == "worse"
    assert worse["rank"] == 4 and worse["rank_third"] == "red"
    better = rank_benchmark(_data(_phone_values([0.5, 0.55, 0.6])), _own(50, 54)).kpis.iloc[0]
    assert better["ci_low"] > 0.55 and better["verdict"] == "better"
    assert better["rank_third"] == "green"


def test_the_core_gives_the_side_of_the_mean_by_the_sign_alone() -> None:
    """Session 15 (w-bench, item 1): the core names the side of the others' mean itself (the
    renderer recomputed it from ``diff`` and dropped the core's direction-aware ``relative``).
    Above the mean is above for a wait too, where it is worse: the side is no judgement."""
    assert "side_of_mean" in BENCHMARK_COLUMNS and "relative" not in BENCHMARK_COLUMNS
    v = pd.DataFrame({
        "municipality": ["A", "B", "C"] * 3,
        "kpi": ["phone_reached"] * 3 + ["phone_wait_seconds_median"] * 3
        + ["email_within_1_working_day"] * 3,
        "channel": ["phone"] * 6 + ["email"] * 3,
        "value": [0.95, 0.9, 0.7, 80.0, 72.0, 40.0, 0.751, 0.751, 0.751],
        "is_this": [True, False, False] * 3,
    })  # fmt: skip
    out = benchmark_kpis(v).set_index("kpi")
    assert out["side_of_mean"].to_dict() == {
        "phone_reached": "above",  # 95 % against 80 %: better
        "phone_wait_seconds_median": "above",  # 80 s against 56 s: worse, still above
        "email_within_1_working_day": "at",  # a tie at the published precision
    }
    assert out.loc["phone_wait_seconds_median", "rank"] == 3
    lacking = benchmark_kpis(v[~(v["is_this"] & v["kpi"].eq("phone_reached"))])
    assert lacking.set_index("kpi").loc["phone_reached", "side_of_mean"] is None


def test_without_an_interval_the_verdict_is_by_rank_thirds() -> None:
    out = rank_benchmark(_data(_values(0.8))).kpis.set_index("kpi")
    assert out["verdict_method"].tolist() == ["rank_thirds", "rank_thirds"]
    assert out.loc["phone_reached", "rank_third"] == "yellow"  # rank 2 of 3
    assert out.loc["phone_reached", "verdict"] == "same"
    assert out.loc["email_within_1_working_day", "verdict"] == "better"  # rank 1 of 3
    v = _values(0.8)
    lacking = benchmark_kpis(v[~(v["is_this"] & v["kpi"].eq("email_within_1_working_day"))])
    email = lacking[lacking["kpi"].eq("email_within_1_working_day")].iloc[0]
    assert email["verdict"] is None and email["rank_third"] is None


@settings(max_examples=200, deadline=None)
@given(
    st.floats(0.0, 1.0), st.floats(0.0, 0.5), st.floats(0.0, 0.5), st.floats(0.0, 1.0),
    st.sampled_from([1.0, -1.0]),
)  # fmt: skip
def test_an_interval_holding_the_mean_is_never_better_or_worse(
    value: float, below: float, above: float, mean: float, direction: float
) -> None:
    one = lambda x: pd.Series([x])  # noqa: E731
    lo, hi = value - below, value + above
    verdict, method = benchmark_verdicts(
        one(value), one(lo), one(hi), one(mean), np.array([direction]), one("share"), one("yellow")
    )
    if lo <= mean <= hi:
        assert verdict[0] == "same"
    else:
        above_mean = lo > mean
        assert verdict[0] == ("better" if above_mean == (direction > 0) else "worse")
    assert method[0] == "wilson_interval"


@given(st.integers(2, 400))
def test_rank_thirds_split_the_ranking_in_order(n: int) -> None:
    ranks = pd.Series(list(range(1, n + 1)))
    colours = rank_thirds(ranks, pd.Series([n] * n)).tolist()
    order = {"green": 0, "yellow": 1, "red": 2}
    assert [order[c] for c in colours] == sorted(order[c] for c in colours)
    assert colours[-1] == "red" and (n < 3 or colours[0] == "green")
    assert colours.count("green") <= -(-n // 3)
    assert rank_thirds(pd.Series([1]), pd.Series([1])).tolist() == [None]  # alone


def test_rank_is_on_the_published_precision_and_ties_share_the_best_rank() -> None:
    """Review item 10: 40/54 = 74.07 % against others who published 74.1 % ranked below all of
    them; at the published precision it is 74.1 % and shares their rank (as ``kolada``)."""
    others = _phone_values([0.741, 0.741, 0.80, 0.60])
    row = rank_benchmark(_data(others), _own(40, 54)).kpis.iloc[0]
    assert row["value"] == pytest.approx(40 / 54)  # the value itself stays unrounded
    assert row["rank"] == 2  # only 80.0 % is better; was 4
    assert row["diff"] == pytest.approx(0.741 - (0.741 * 2 + 0.80 + 0.60) / 4, abs=1e-12)


@settings(max_examples=60)
@example(others=[390, 400], own=0.39453125, direction=-1)  # every other value whole
@given(
    others=st.lists(st.integers(0, 1000), min_size=1, max_size=12),
    own=st.floats(0.0, 1.0, allow_nan=False),
    direction=st.sampled_from([1, -1]),
)
def test_benchmark_and_kolada_rank_the_same_value_the_same(
    others: list[int], own: float, direction: int
) -> None:
    """One computation: the report's rank of an unrounded own share equals ``kolada``'s rank of
    the same share as published, and so does the difference. "As published" is at the others'
    precision (:func:`published_precision`): one decimal, or none when every other value is
    whole (hypothesis found others [39.0, 40.0] with own 0.39453125, which the report rounds to
    0 and a one-decimal assumption to 0.4)."""
    from servqual_cli.core.kolada_position import kolada_positions
    from servqual_cli.core.published_rank import published_precision, round_half_away

    kpi = "phone_reached" if direction == 1 else "phone_wait_seconds_median"
    scale = 100.0 if direction == 1 else 1.0
    published = [o / 10.0 for o in others]  # one decimal, display units
    n = len(others) + 1
    bench = benchmark_kpis(pd.DataFrame({
        "municipality": [str(i) for i in range(n)], "kpi": kpi,
        "channel": "phone", "value": [own, *(p / scale for p in published)],
        "is_this": [True] + [False] * (n - 1)}))  # fmt: skip
    own_published = float(round_half_away(own * scale, published_precision(published)))
    kolada = kolada_positions(pd.DataFrame({
        "kpi": "K", "key": [str(i) for i in range(n)], "period": 2020.0, "status": None,
        "value": [own_published, *published]}), "0", {"K": direction})  # fmt: skip
    assert bench["rank"].iloc[0] == kolada["rank"].iloc[0]
    assert bench["diff"].iloc[0] * scale == pytest.approx(kolada["diff"].iloc[0], abs=1e-9)


def test_a_tie_at_the_published_precision_survives_float_rounding() -> None:
    """75.1 % published as 0.751, and this municipality's 0.75104 rounded to 75.1 % and divided
    by 100 (0.7509999999999999): the same published value, a shared rank."""
    assert 75.1 / 100 < 0.751  # the float trap the tie tolerance guards against
    row = benchmark_kpis(pd.DataFrame({
        "municipality": ["A", "B", "C"], "kpi": "phone_reached", "channel": "phone",
        "value": [0.75104, 0.751, 0.9], "is_this": [True, False, False]})).iloc[0]  # fmt: skip
    assert row["rank"] == 2  # only 90 % is better


def test_report_kolada_and_survey_share_one_rank_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 1 of the house-style read-through: the rule is written once. Loosening the one
    tie tolerance in core/published_rank.py must move all three ranks (each module kept its own
    copy of the rule before, and a change to one left the other two as they were)."""
    import servqual_cli.core.published_rank as b
    from servqual_cli.core.kolada_position import kolada_positions
    from servqual_cli.core.survey_benchmark import survey_benchmark

    def ranks() -> list[object]:
        report = benchmark_kpis(_values(0.8))["rank"].iloc[0]  # 0.9 is better
        kolada = kolada_positions(pd.DataFrame({
            "kpi": "K", "key": ["A", "B", "C"], "period": 2020.0, "status": None,
            "value": [80.0, 90.0, 70.0]}), "A", {"K": 1})["rank"].iloc[0]  # fmt: skip
        idx = pd.DataFrame({"year": [2024], "channel": ["phone"], "question": ["ease"], "n": [140],
                            "index": [62.4], "ci_low": [57.1], "ci_high": [67.7]})  # fmt: skip
        pub = pd.DataFrame({"kpi": "ease_phone", "value": [70.0, 60.0], "is_this": False})
        survey = survey_benchmark(idx, pub, 2024)["rank"].iloc[0]
        return [report, kolada, survey]

    assert ranks() == [2, 2, 2]
    monkeypatch.setattr(b, "TIE_TOLERANCE", 1e6)  # nobody is better by a million
    assert ranks() == [1, 1, 1]
