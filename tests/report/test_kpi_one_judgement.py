"""The renderers show the core's one judgement of a KPI's groups and compute none (k-kpi
leftovers 1 and 2): ``kpi_group_table`` re-judged the groups at its own ``min_n`` (30 by
default, whatever the core used) and the groups below the goal were Holm-adjusted twice per KPI
(the table's column and the note), again in the overview."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core import kpi_verdicts
from servqual_cli.core.kpi import below_goal, evaluate_kpis
from servqual_cli.core.kpi_verdicts import judge_groups
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data
from servqual_cli.io.read import read_table
from servqual_cli.report.glance_rows import kpi_rows
from servqual_cli.report.kpi_sections import kpi_group_table, kpi_sections

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def loaded() -> list[Any]:
    return load_all_kpi_data(load_kpi_config(SAMPLES / "kpi.toml"), read_table)


@pytest.mark.parametrize("min_n", [10, 50])
def test_group_table_shows_the_carried_verdicts(loaded: list[Any], min_n: int) -> None:
    for r in evaluate_kpis(loaded, min_n=min_n):
        if not len(r.groups):
            continue
        assert r.min_n == min_n
        table = kpi_group_table(r, "en").frame
        shown = table["Verdict"].tolist()
        carried = [
            f"too few (n < {min_n})" if v == "too few" else ("–" if v is None else v)
            for v in r.groups["verdict"]
        ]
        assert shown == carried


def test_rendering_judges_nothing(loaded: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every table, note and overview row of the KPIs is rendered with the judging functions
    out of reach: they read the result's judgement (made once, in evaluate_kpis)."""
    results = evaluate_kpis(loaded, min_n=10)

    def judged_again(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a renderer judged the groups again")

    monkeypatch.setattr(kpi_verdicts, "holm", judged_again)
    monkeypatch.setattr(kpi_verdicts, "judge_groups", judged_again)
    for lang in ("en", "sv"):
        assert kpi_sections(results, lang, groups=True, figures=True)
        assert len(kpi_rows(results, lang)) == len(results)


def test_below_goal_is_the_carried_judgement(loaded: list[Any]) -> None:
    for r in evaluate_kpis(loaded, min_n=10):
        named, family = below_goal(r)
        assert named["group"].tolist() == r.below["group"].tolist()
        assert family == r.groups_tested
        # asked at the result's own min_n: the same frame, not a new judgement
        assert below_goal(r, 10)[0]["group"].tolist() == named["group"].tolist()


@functools.cache
def _sample_data() -> list[Any]:
    return load_all_kpi_data(load_kpi_config(SAMPLES / "kpi.toml"), read_table)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 120), st.integers(1, 120))
def test_a_what_if_min_n_is_the_same_rule(min_n: int, other: int) -> None:
    """below_goal at another min_n judges afresh by judge_groups' rule: the same groups as a
    result evaluated at that min_n (a variant that kept the carried judgement fails)."""
    data = _sample_data()
    at = {r.spec.name: r for r in evaluate_kpis(data, min_n=min_n)}
    for r in evaluate_kpis(data, min_n=other):
        named, family = below_goal(r, min_n)
        ref = at[r.spec.name]
        assert named["group"].tolist() == ref.below["group"].tolist()
        assert family == ref.groups_tested
        if len(r.groups) and r.goal is not None:
            j = judge_groups(r.groups, min_n)
            assert sorted(j.loc[j["verdict"].eq("not met"), "group"]) == sorted(named["group"])


def test_the_report_judges_at_its_min_n() -> None:
    """In a report the KPI config's min_n, else the report's: one judgement for the KPI table,
    its notes and the overview."""
    from dataclasses import replace

    from servqual_cli.report.build import build_report
    from servqual_cli.report.config import load_config
    from servqual_cli.report.markdown import render_document

    config = replace(load_config(SAMPLES / "report_lekeberg.toml"), sections=["service"], min_n=50)
    md = " ".join(render_document(build_report(config)).split())
    assert "minst 50 ärenden" in md and "minst 30 ärenden" not in md
    # bygglov's types at 50: only tillbyggnad (74) and attefall/anmälan (58) are tested
    assert "Holm över de 2 grupper som prövades" in md and "över de 4 grupper" not in md
