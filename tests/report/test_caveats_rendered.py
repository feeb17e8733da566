"""Every caveat the reliability core emits on arbitrary data renders from the catalog: in
Swedish with no English sentence, in English as the catalog's words (hypothesis)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.caveats import Caveat
from servqual_cli.core.scales import instrument_reliability
from servqual_cli.report.catalog_reliability import RELIABILITY_WARNINGS
from servqual_cli.report.reliability_warnings import reader_sentence, reader_warning

ENGLISH = {"item", "items", "not", "the", "has", "was", "did", "computed", "rows", "fewer"}


def _walk(caveat: Caveat) -> list[Caveat]:
    nested = [c for v in caveat.params.values() if isinstance(v, Caveat) for c in _walk(v)]
    return [caveat, *nested]


@st.composite
def surveys(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, str]:
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    n = draw(st.sampled_from([3, 5, 8, 20]))
    values = []
    for _ in range(2):
        x = np.clip(np.round(4 + rng.normal(size=(n, 1)) + rng.normal(size=(n, 5))), 1, 7)
        for j in draw(st.lists(st.integers(0, 4), max_size=2)):
            x[:, j] = 4.0  # a constant item
        if draw(st.booleans()):
            x[:, 1] = 8 - x[:, 1]  # an undeclared reversed item
        x[rng.random(size=x.shape) < draw(st.sampled_from([0.0, 0.2, 0.5]))] = np.nan
        values.append(x)
    return values[0], values[1], draw(st.sampled_from(["pairwise", "listwise"]))


@settings(max_examples=25, deadline=None)
@given(surveys())
def test_every_emitted_caveat_renders_in_both_languages(
    survey: tuple[np.ndarray, np.ndarray, str],
) -> None:
    e, p, missing = survey
    names = {s: [f"{s}{i}" for i in range(5)] for s in ("E", "P")}
    names["gap"] = [f"P{i}-E{i}" for i in range(5)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = instrument_reliability(e, p, names, {"A": [0, 1, 2], "B": [3, 4]},
                                     missing=missing, validity=True)  # type: ignore[arg-type]  # fmt: skip
    caveats = [*res.warnings, *res.skipped.values()]
    for caveat in caveats:
        for c in _walk(caveat):
            assert c.code in RELIABILITY_WARNINGS
        # the warning ends as a sentence; the reason is its clause (session 17)
        assert reader_warning(caveat, "en").endswith(reader_sentence(caveat, "en"))
        sv = reader_warning(caveat, "sv")
        if all(c.code != "error" for c in _walk(caveat)):
            words = set(sv.replace("(", " ").replace(")", " ").replace(",", " ").split())
            assert not words & ENGLISH, sv
    assert [c.message for c in res.warnings] == res.to_dict()["warnings"]
    assert pd.Series([c.message for c in res.skipped.values()]).tolist() == list(
        res.to_dict()["skipped"].values()
    )
