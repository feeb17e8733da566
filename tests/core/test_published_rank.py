"""The one rank rule at the published precision (core/published_rank.py) against exact
decimal arithmetic."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from servqual_cli.core.published_rank import rank_at_published


def _reference_n_better(own_display: Decimal, others_display: list[Decimal], sign: int) -> int:
    """An independent reading of RANK_BASIS in exact decimals: the others' precision is the
    most decimals any of them shows (at most 4), the own value is rounded to it half away from
    zero, and the others better than that by any amount are counted."""
    places = min(4, max(-d.normalize().as_tuple().exponent for d in [*others_display, Decimal(1)]))
    mine = own_display.quantize(Decimal(1).scaleb(-max(places, 0)), rounding=ROUND_HALF_UP)
    return sum(1 for o in others_display if sign * (o - mine) > 0)


@settings(max_examples=80)
@example(others=[(741, 1), (741, 1), (800, 1)], own=(7407407, 5), share=True, direction=1)
@example(others=[(390, 1), (400, 1)], own=(3945, 2), share=False, direction=-1)
@example(others=[(75, 0), (74, 0)], own=(745, 1), share=False, direction=1)  # half: away
@given(
    others=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 2)), min_size=1, max_size=9),
    own=st.tuples(st.integers(0, 10_000_000), st.integers(0, 5)),
    share=st.booleans(),
    direction=st.sampled_from([1, -1]),
)
def test_the_one_rank_rule_matches_an_exact_decimal_reference(
    others: list[tuple[int, int]], own: tuple[int, int], share: bool, direction: int
) -> None:
    """:func:`rank_at_published`, the one copy the report, ``kolada`` and ``service-survey``
    rank with, against exact decimal arithmetic (display units; a share stored 0-1)."""
    theirs = [Decimal(m).scaleb(-d) for m, d in others]
    mine = Decimal(own[0]).scaleb(-own[1])
    scale = 100.0 if share else 1.0
    this = pd.DataFrame({"kpi": ["K"], "value": [float(mine) / scale]})
    other = pd.DataFrame({"kpi": "K", "value": [float(t) / scale for t in theirs]})
    got = rank_at_published(this, other, ["kpi"], {"K": direction}, {"K": scale} if share else None)
    assert got["n_better"].tolist() == [_reference_n_better(mine, theirs, direction)]
    places = min(4, max(-t.normalize().as_tuple().exponent for t in [*theirs, Decimal(1)]))
    expected = mine.quantize(Decimal(1).scaleb(-max(places, 0)), rounding=ROUND_HALF_UP)
    assert got["published"].iloc[0] * scale == pytest.approx(float(expected), abs=1e-9)


def test_no_precision_inferred_when_nothing_is_published(monkeypatch) -> None:
    """s18: with ``published=False`` (others computed from a contact log) the precision was
    inferred per comparison and then discarded; it is not computed at all now, and the ranks
    are those of the unrounded values."""
    import servqual_cli.core.published_rank as pr

    def refuse(*_: object, **__: object) -> int:
        raise AssertionError("published_precision called for computed values")

    monkeypatch.setattr(pr, "published_precision", refuse)
    this = pd.DataFrame({"kpi": ["reached"], "value": [43 / 54]})
    others = pd.DataFrame({"kpi": ["reached"] * 3, "value": [43 / 54, 44 / 54, 0.7]})
    out = pr.rank_at_published(this, others, ["kpi"], {"reached": 1}, published=False)
    assert out["n_better"].tolist() == [1] and out["published"].tolist() == [43 / 54]
