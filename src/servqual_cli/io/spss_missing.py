"""SPSS user-missing values: the codes a .sav file declares missing (``MISSING VALUES E1 TO E22
(99)``, as SPSS exports a "Vet ej" coded 99), read as what they are (review 16, finding 6).

pyreadstat turns declared-missing cells into NaN unless asked (``user_missing=True``), so a
99 labelled "Vet ej" was counted as a blank cell. Read with the codes kept, each declared cell
is said by its label when the label is a no-answer word ("Vet ej", "Ej aktuellt": the cleaners
then count it as ``dont_know``/``not_applicable`` exactly as a file without the declaration,
and a ``--by`` column gives it no group), else left blank in the frame as before (a group, a
weight or a date never reads the code as a value) and kept in :attr:`RawTable.user_missing`
as its code, which the item parser (:mod:`servqual_cli.io.item_roles`) counts as
``missing_token`` ("angivet saknat värde" / "declared missing") with the code in ``--excluded``.
Cells not declared missing read as before. A listed cell of a labelled declared code shows the
code and its label, "99 (Vet ej)" (:func:`declared_shown`), so the reader finds it in SPSS
(session 18: the label alone, "Vet ej", is not what the Data View shows with labels off).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.io.answer_words import DONT_KNOW, NOT_APPLICABLE, NOT_AVAILABLE, fold

__all__ = ["code_text", "declared_mask", "declared_shown", "split_declared"]


def declared_mask(values: pd.Series, ranges: list[Any]) -> np.ndarray:
    """Cells within any of a column's declared missing ranges (a single code is lo == hi).

    >>> declared_mask(pd.Series([1.0, 99.0, None, 98.0]), [{"lo": 98.0, "hi": 99.0}]).tolist()
    [False, True, False, True]
    >>> declared_mask(pd.Series(["a", "x"]), [{"lo": "x", "hi": "x"}]).tolist()
    [False, True]
    """
    out = np.zeros(len(values), dtype=bool)
    numeric = pd.api.types.is_numeric_dtype(values)
    for r in ranges:  # a loop over a column's few declared ranges, each vectorised
        if not isinstance(r, Mapping):  # pyreadstat gives {"lo", "hi"}; a bare code is one
            r = {"lo": r, "hi": r}
        lo, hi = r.get("lo"), r.get("hi")
        if numeric and isinstance(lo, (int, float)) and isinstance(hi, (int, float)):
            out |= ((values >= lo) & (values <= hi)).to_numpy(dtype=bool, na_value=False)
        elif lo == hi:
            out |= (values.astype(object) == lo).to_numpy(dtype=bool)
    return out


def code_text(value: Any) -> str:
    """A code as SPSS shows it: 99.0 -> "99", 9.5 -> "9.5", text as it is.

    >>> code_text(99.0), code_text(9.5), code_text("X")
    ('99', '9.5', 'X')
    """
    if isinstance(value, (float, np.floating)):
        return f"{float(value):g}"
    return str(value)


def split_declared(
    raw: pd.DataFrame,
    ranges: Mapping[str, list[Any]],
    labels: Mapping[str, Mapping[Any, str]],
) -> dict[str, pd.Series]:
    """Per column with declared-missing cells that no label calls "no answer" (those stay in
    the frame as their label): an object Series of their code texts, None elsewhere.

    >>> raw = pd.DataFrame({"E1": [5.0, 99.0, 98.0]})
    >>> kept = split_declared(raw, {"E1": [{"lo": 98.0, "hi": 99.0}]}, {"E1": {99.0: "Vet ej"}})
    >>> kept["E1"].tolist()
    [None, None, '98']
    """
    no_answer = DONT_KNOW | NOT_APPLICABLE | NOT_AVAILABLE
    kept: dict[str, pd.Series] = {}
    for col, col_ranges in ranges.items():  # a loop over columns; each is vectorised
        if col not in raw.columns or not col_ranges:
            continue
        mask = declared_mask(raw[col], list(col_ranges))
        if not mask.any():
            continue
        own = labels.get(col, {})
        answer_words = {k for k, v in own.items() if fold(str(v)) in no_answer}
        worded = mask & raw[col].isin(answer_words).to_numpy(dtype=bool)
        rest = mask & ~worded
        if rest.any():
            texts = np.full(len(raw), None, dtype=object)
            distinct = pd.unique(raw[col][rest])
            texts[rest] = raw[col][rest].map({v: code_text(v) for v in distinct}).to_numpy()
            kept[col] = pd.Series(texts, index=raw.index, dtype=object)
    return kept


def declared_shown(
    ranges: Mapping[str, list[Any]], labels: Mapping[str, Mapping[Any, str]]
) -> dict[str, dict[str, str]]:
    """Per column, each labelled declared-missing code as a listed cell shows it (its label when
    the label is a no-answer word, else its code: :func:`split_declared`) -> the code and its
    label, for the ``--excluded`` list. A label several declared codes share names them all.

    >>> declared_shown({"E1": [{"lo": 98.0, "hi": 99.0}], "K": [9.0]},
    ...                {"E1": {99.0: "Vet ej", 97.0: "Vill ej svara", 1.0: "Dålig"},
    ...                 "K": {9.0: "Annat", 1.0: "Kvinna"}})
    {'E1': {'Vet ej': '99 (Vet ej)', '99': '99 (Vet ej)'}, 'K': {'Annat': '9 (Annat)', \
'9': '9 (Annat)'}}
    >>> declared_shown({"E1": [{"lo": 8.0, "hi": 9.0}]}, {"E1": {8.0: "Vet ej", 9.0: "Vet ej"}})
    {'E1': {'Vet ej': '8/9 (Vet ej)', '8': '8 (Vet ej)', '9': '9 (Vet ej)'}}
    """
    out: dict[str, dict[str, str]] = {}
    for col, col_ranges in ranges.items():  # a loop over columns and their few labelled codes
        own = labels.get(col, {})
        if not col_ranges or not own:
            continue
        keys = pd.Series(list(own), dtype=object)
        numeric = keys.map(lambda k: isinstance(k, (int, float, np.number))).all()
        hit = declared_mask(keys.astype(float) if numeric else keys, list(col_ranges))
        by_label: dict[str, list[str]] = {}
        shown: dict[str, str] = {}
        for key in keys[hit]:
            label = str(own[key])
            by_label.setdefault(label, []).append(code_text(key))
            shown[code_text(key)] = f"{code_text(key)} ({label})"
        if by_label:
            out[col] = {label: f"{'/'.join(codes)} ({label})" for label, codes in by_label.items()}
            out[col].update(shown)
    return out
