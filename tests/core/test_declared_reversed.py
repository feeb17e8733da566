"""Review 13, finding 4: the negative-correlation hints of items the instrument declares
reversed ask whether the reversal is right, not whether a reversal was forgotten."""

from __future__ import annotations

from servqual_cli.core.caveats import Caveat
from servqual_cli.core.declared_reversed import declared_reversed, reversed_names
from servqual_cli.core.scales import InstrumentReliability

NAMES = {"E": ["F1", "F2", "F3"], "P": ["U1", "U2", "U3"], "gap": ["U1-F1", "U2-F2", "U3-F3"]}


def test_names_of_every_score_set() -> None:
    assert reversed_names(NAMES, [1, 2, 3], [2]) == {"F2", "U2", "U2-F2"}
    assert reversed_names(NAMES, [1, 2, 3], []) == frozenset()


def test_loadings_split_into_declared_and_not() -> None:
    loads = Caveat("negative_loadings", {"items": ("U1", "U2")}, scale="P:all")
    rest = Caveat("negative_item_rest", {"item": "U2-F2", "r": -0.2}, scale="gap:all")
    other = Caveat("one_factor_not_converged", scale="E:all")
    result = InstrumentReliability(scales=(), warnings=(loads, rest, other))
    out = declared_reversed(result, reversed_names(NAMES, [1, 2, 3], [2])).warnings
    assert [(c.code, dict(c.params).get("items", dict(c.params).get("item")), c.scale)
            for c in out] == [
        ("negative_loadings", ("U1",), "P:all"),
        ("negative_loadings_declared", ("U2",), "P:all"),
        ("negative_item_rest_declared", "U2-F2", "gap:all"),
        ("one_factor_not_converged", None, "E:all"),
    ]  # fmt: skip
    assert "is the reversal right?" in out[1].message


def test_nothing_declared_leaves_the_result() -> None:
    result = InstrumentReliability(scales=(), warnings=(Caveat("negative_loadings",
                                                               {"items": ("U2",)}),))  # fmt: skip
    assert declared_reversed(result, frozenset()) is result
