"""Answers parsed without pandas against the parser as it was (tests/io/values_before.py).

s-start (session 9) parses distinct texts in plain Python and numpy
(:func:`~servqual_cli.io.values.parse_scale_texts`), so the fast CSV path of ``alpha`` and
``gap`` needs no pandas; :func:`~servqual_cli.io.values.parse_scale_values` keeps sorting a
pandas column's cells by type and hands its texts to the same code. Both must give the old
values (bit for bit, NaN where NaN, the sign of a zero) and the old reasons, and the answers
read from text (``read_from_text``, the recode tally), on answer-like texts: numbers with
decimal commas, digit groups, signs, exponents, "inf" and "nan", labels, "Vet ej", Excel errors,
leading numbers, non-ASCII digits, underscores and free text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.io import values_before as before

from servqual_cli.io import value_texts, values

WORDS = [
    "", " ", "Vet ej", "VET  INTE", "Ingen åsikt", "na", "N/A", "nan", "NaN", "-", "–", "..",
    "#N/A", "#div/0!", "Err:502", "#error", "Instämmer helt", "instämmer helt och hållet",
    "Stämmer inte alls", "Strongly agree", "varken eller", "Tar ej ställning", "Mycket bra",
    "7 Instämmer helt", "3 - Varken", "1. Dåligt", "10) Bäst", "-2: minus", "٣ bra", "x",
    "inf", "-inf", "Infinity", "+inf", "-nan", "1_000", "١", "５", "1e3", "1E-2", ".5", "5.",
    "+.5e+2", "-0", "+0", "0", "00012", "1 234", "1 234,5", "-12 345 678,5", "1\u00a0234",
    "1\u202f234", "1 2", "4,5", "4.5", "4,0", "3,", "1,2,3", "1.2.3", "−1", "1e400", "1e-320",
    "9007199254740993", "true", "0x10", "1d3", "kanske", "bra ’nuff", "bra 'nuff",
]  # fmt: skip
# Numerals of at most 15 significant digits (above 17 pandas' parser may round differently:
# see test_long_numerals_are_rounded_correctly).
NUMERAL = st.builds(
    lambda sign, whole, frac, comma, exp: sign + whole + (("," if comma else ".") + frac
                                                         if frac else "") + exp,
    st.sampled_from(["", "-", "+"]),
    st.text("0123456789", min_size=1, max_size=8),
    st.text("0123456789", max_size=7),
    st.booleans(),
    st.sampled_from(["", "e3", "E-2", "e+10", "e400", "e-330"]),
)  # fmt: skip
TEXT = st.one_of(
    st.sampled_from(WORDS),
    NUMERAL,
    st.builds(lambda a, b: a + b, st.sampled_from(WORDS), st.sampled_from(WORDS)),
    st.text(st.sampled_from("0123456789 ,.-+eE_aåöx٣\u00a0"), max_size=8),
    st.text(max_size=6),
)
SCALE = st.sampled_from([(1.0, 7.0), (1.0, 5.0), (0.0, 10.0), (0.0, 100.0), (-np.inf, np.inf),
                         (0.0, np.inf), (1.0, 6.0)])  # fmt: skip
LABELS = st.sampled_from([None, {"Mycket bra": 5, "Kanske": 3.5}, {"x": 1}])
MISSING = st.sampled_from([(), ("kanske",), ("Ingen åsikt", "x")])


def _bits(values: np.ndarray) -> list[int]:
    return np.asarray(values, dtype=np.float64).view(np.int64).tolist()


def _same(old: tuple[np.ndarray, np.ndarray], new: tuple[np.ndarray, np.ndarray]) -> None:
    old_v, old_r = old
    new_v, new_r = new
    # NaN compared as NaN (one bit pattern may differ between two NaNs)
    assert np.array_equal(np.isnan(old_v), np.isnan(new_v))
    ok = ~np.isnan(old_v)
    # + 0.0: a "-0" is 0 now; pandas gave 0 or -0.0 by the other texts (test_minus_zero_is_zero)
    assert _bits(old_v[ok] + 0.0) == _bits(new_v[ok] + 0.0)
    assert old_r.tolist() == new_r.tolist()


def _clear_caches() -> None:
    value_texts._TEXT_CACHE.clear()
    before._TEXT_CACHE.clear()


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(TEXT, min_size=1, max_size=25, unique=True),
    scale=SCALE,
    labels=LABELS,
    missing=MISSING,
)
def test_distinct_texts_parse_as_before(
    texts: list[str], scale: tuple[float, float], labels: dict | None, missing: tuple[str, ...]
) -> None:
    _clear_caches()
    array = np.array(texts, dtype=object)
    old = before.parse_scale_values(pd.Series(array, dtype=object), scale, labels, missing)
    new = values.parse_scale_texts(array, scale, labels, missing)
    _same(old, new)
    assert (
        before.read_from_text(array, *old).tolist() == values.read_from_text(array, *new).tolist()
    )


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(
        st.one_of(TEXT, st.none(), st.integers(-3, 12), st.floats(allow_nan=True), st.booleans()),
        min_size=1,
        max_size=40,
    ),
    scale=SCALE,
    labels=LABELS,
    missing=MISSING,
)
def test_pandas_columns_parse_as_before(
    cells: list[object], scale: tuple[float, float], labels: dict | None, missing: tuple[str, ...]
) -> None:
    """The pandas wrapper (mixed cells, repeated answers) with its recode tally."""
    _clear_caches()
    column = pd.Series(cells, dtype=object)
    old_tally: dict[tuple[str, float], int] = {}
    new_tally: dict[tuple[str, float], int] = {}
    old = before.parse_scale_values(column, scale, labels, missing, old_tally)
    new = values.parse_scale_values(column, scale, labels, missing, new_tally)
    _same(old, new)
    assert old_tally == new_tally


def test_long_numerals_are_rounded_correctly() -> None:
    """The one difference from the pandas parser, on purpose: a numeral of more than 17
    significant digits is rounded correctly (Python's ``float``); pandas' parser was a bit off."""
    text = "+376544330992569880586838614"
    array = np.array([text, "1,5"], dtype=object)
    old = before.parse_scale_values(pd.Series(array, dtype=object), (-np.inf, np.inf))[0][0]
    new = values.parse_scale_texts(array, (-np.inf, np.inf))[0][0]
    assert new == float(text) and old != new and abs(old - new) <= 2 * np.spacing(new)


def test_minus_zero_is_zero() -> None:
    """The other difference, on purpose: a "-0" is 0 whatever the other answers are."""
    for texts in (["-0"], ["-0", ""], ["-0", "1,5"], ["-0 bra", "x"]):
        got = values.parse_scale_texts(np.array(texts, dtype=object), (0.0, 10.0))[0][0]
        assert got == 0.0 and not np.signbit(got)
    old = [before.parse_scale_values(pd.Series(t, dtype=object), (0.0, 10.0))[0][0]
           for t in (["-0"], ["-0", ""])]  # fmt: skip
    assert [bool(np.signbit(v)) for v in old] == [False, True]


_FLOAT = value_texts._float


def _no_underscore_check(text: str) -> float:
    return _FLOAT(text.replace("_", ""))  # float("1_000") = 1000: pandas refused it


def _no_ascii_check(text: str) -> float:
    try:
        return float(text) + 0.0  # float("١") = 1: pandas refused it
    except ValueError:
        return np.nan


def _signed_zero(text: str) -> float:
    return -0.0 if text == "-0" else _FLOAT(text)  # would be caught by the + 0.0 rule only if
    # the bits were compared raw: judged by test_minus_zero_is_zero instead


BROKEN = [("underscore", "_float", _no_underscore_check), ("unicode digits", "_float",
          _no_ascii_check), ("no fold", "fold", str)]  # fmt: skip


@pytest.mark.parametrize(("why", "name", "broken"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_variant_is_caught(
    monkeypatch: pytest.MonkeyPatch, why: str, name: str, broken: object
) -> None:
    monkeypatch.setattr(value_texts, name, broken)  # the text parser's own names
    with pytest.raises((AssertionError, ExceptionGroup)):  # hypothesis may find several
        test_distinct_texts_parse_as_before()


def test_a_signed_zero_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(value_texts, "_float", _signed_zero)
    with pytest.raises(AssertionError):
        test_minus_zero_is_zero()


def test_parsing_texts_loads_no_pandas() -> None:
    """The first step of a pandas-free ``alpha`` (issue #16): the text parser runs without it."""
    import subprocess
    import sys

    code = (
        "import sys, numpy as np\n"
        "from servqual_cli.io.values import parse_scale_texts\n"
        "v, r = parse_scale_texts(np.array(['5', 'Vet ej', '4,5'], dtype=object), (1, 7))\n"
        "print(v.tolist()[0], r.tolist(), 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["5.0", "[None,", "'dont_know',", "'not_scale_point']", "False"]
