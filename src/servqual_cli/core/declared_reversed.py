"""A negative item-rest correlation or loading of an item the instrument already reverses.

The core's hint "reversed item not declared?" is right for an item nobody reversed, but for an
item the instrument declares reversed it points the wrong way: there the declared reversal is
what to check (review 13, finding 4: pzb1988 reverses items 12 and 21, and a positively worded
sample then correlates negatively after the reversal). The caveats of those items get their own
codes, so the reader is asked whether the reversal is right.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from servqual_cli.core.caveats import Caveat
from servqual_cli.core.scales import InstrumentReliability

__all__ = ["declared_caveats", "declared_reversed", "reverse_pivot_caveat", "reversed_names"]


def reversed_names(
    names: Mapping[str, Sequence[str]], numbers: Sequence[int], reverse: Collection[int]
) -> frozenset[str]:
    """The display names of the ``reverse`` items in every score set of ``names`` (the
    ``{"E": [...], "P": [...], "gap": [...]}`` of :func:`~.scales.instrument_reliability`,
    in the order of ``numbers``).

    >>> names = {"E": ["E1", "E2"], "P": ["P1", "P2"], "gap": ["P1-E1", "P2-E2"]}
    >>> sorted(reversed_names(names, [1, 2], [2]))
    ['E2', 'P2', 'P2-E2']
    """
    keep = [k for k, n in enumerate(numbers) if n in set(reverse)]
    return frozenset(str(cols[k]) for cols in names.values() for k in keep)


def _split(caveat: Caveat, names: frozenset[str]) -> list[Caveat]:
    params, scale, validity = dict(caveat.params), caveat.scale, caveat.validity
    if caveat.code == "negative_item_rest" and params.get("item") in names:
        return [Caveat("negative_item_rest_declared", params, scale, validity)]
    items = params.get("items")
    if caveat.code == "negative_loadings" and isinstance(items, tuple):
        declared = tuple(i for i in items if i in names)
        if declared:
            rest = tuple(i for i in items if i not in names)
            ask = [] if not rest else [replace(caveat, params={**params, "items": rest})]
            words = {**params, "items": declared}
            return [*ask, Caveat("negative_loadings_declared", words, scale, validity)]
    return [caveat]


def declared_reversed(
    result: InstrumentReliability, names: frozenset[str]
) -> InstrumentReliability:
    """``result`` whose negative-correlation caveats of declared reversed items ask whether the
    reversal is right.

    >>> from servqual_cli.core.scales import InstrumentReliability
    >>> r = InstrumentReliability(scales=(), validity=(), warnings=(
    ...     Caveat("negative_item_rest", {"item": "P2", "r": -0.1}, scale="P:all"),
    ...     Caveat("negative_item_rest", {"item": "P1", "r": -0.1}, scale="P:all")))
    >>> [c.code for c in declared_reversed(r, frozenset({"P2"})).warnings]
    ['negative_item_rest_declared', 'negative_item_rest']
    """
    if not names:
        return result
    return replace(result, warnings=declared_caveats(result.warnings, names))


def declared_caveats(warnings: Sequence[Caveat], names: frozenset[str]) -> tuple[Caveat, ...]:
    """``warnings`` with those of the ``names`` items asking whether the reversal is right:
    :func:`declared_reversed` for any result's caveats (``alpha --reverse``'s items: review
    17, finding 1).

    >>> [c.code for c in declared_caveats([Caveat("negative_loadings", {"items": ("F1", "F2")})],
    ...                                   frozenset({"F2"}))]
    ['negative_loadings', 'negative_loadings_declared']
    """
    return tuple(c for w in warnings for c in _split(w, names))


def reverse_pivot_caveat(items: Sequence[str], low: float, high: float) -> Caveat:
    """The caveat that ``items`` were reversed as ``low + high − x`` on the answers' own range
    (``alpha --reverse`` without ``--scale-range``): the reversed means sit on that pivot (3–7
    answers on a 1–7 scale: 10 − x, a mean of 4.40 where 8 − x gives 2.40), while α and the
    correlations are the same for any ``c − x`` (review 18, finding 6).

    >>> reverse_pivot_caveat(["E2"], 3.0, 7.0).params
    {'items': ('E2',), 'low': 3, 'high': 7, 'pivot': 10}
    """
    number = lambda v: int(v) if float(v).is_integer() else float(v)  # noqa: E731
    return Caveat("reverse_pivot_from_answers", {"items": tuple(items), "low": number(low),
                  "high": number(high), "pivot": number(low + high)})  # fmt: skip
