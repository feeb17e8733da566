"""The record of every cell left out of an analysis, so nothing is silently dropped."""

from __future__ import annotations

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location

# Reasons that mean "no answer" rather than "a wrong answer": --strict does not reject them.
MISSING_REASONS = frozenset({"blank", "dont_know", "not_available", "missing_token"})

REASON_TEXT = {
    "blank": "blank",
    "dont_know": "don't know (Vet ej)",
    "not_available": "NA",
    "missing_token": "declared missing",
    "out_of_range": "out of range",
    "unparseable": "not a valid value",
    "duplicate": "duplicate",
    "end_before_start": "end before start",
    "invalid_date": "not a date",
    "invalid_weight": "missing or negative weight",
    "excel_error": "spreadsheet error value (#N/A, #DIV/0! ...)",
}


class ExclusionLog:
    """Collects excluded cells (file row, column, value, reason) while a file is cleaned.

    Each :meth:`add` keeps, for the excluded cells only, their rows, values and a small integer
    reason code; the counts come from those codes (numpy), and the per-cell frame is built only
    when :meth:`to_frame` or :meth:`raise_if_strict` asks for it. Values are turned into text
    once per distinct value.

    >>> log = ExclusionLog("a.csv")
    >>> log.add(np.array([2, 3, 4]), "E1", np.array([5, "", "x"], dtype=object),
    ...         np.array([None, "blank", "unparseable"], dtype=object))
    >>> log.counts()
    {'blank': 1, 'unparseable': 1}
    >>> log.to_frame().values.tolist()
    [[3, 'E1', '', 'blank'], [4, 'E1', 'x', 'unparseable']]
    """

    def __init__(self, source: str, sheet: str | None = None) -> None:
        self.source = source
        self.sheet = sheet
        self._reasons: dict[str, int] = {}  # reason -> code, in order of first use
        self._parts: list[tuple[np.ndarray, str, np.ndarray, np.ndarray]] = []

    def add(self, rows: np.ndarray, column: str, values: np.ndarray, reasons: np.ndarray) -> None:
        """Record cells; ``reasons`` holds a reason string or None (kept) per row."""
        reasons = np.asarray(reasons, dtype=object)
        if not len(reasons):
            return
        codes, uniques = pd.factorize(reasons, use_na_sentinel=True)  # None -> -1
        hit = codes >= 0
        if not hit.any():
            return
        own = np.array([self._reasons.setdefault(str(u), len(self._reasons)) for u in uniques])
        self._parts.append(
            (
                np.asarray(rows)[hit].astype(np.int64),
                column,
                np.asarray(values, dtype=object)[hit],
                own[codes[hit]].astype(np.int16),
            )
        )

    def to_frame(self) -> pd.DataFrame:
        """All excluded cells, sorted by row then column position of recording."""
        if not self._parts:
            return pd.DataFrame({"row": [], "column": [], "value": [], "reason": []})
        names = np.array(list(self._reasons), dtype=object)
        frame = pd.DataFrame(
            {
                "row": np.concatenate([p[0] for p in self._parts]),
                "column": np.concatenate(
                    [np.full(len(p[0]), p[1], dtype=object) for p in self._parts]
                ),
                "value": _show_all(np.concatenate([p[2] for p in self._parts])),
                "reason": names[np.concatenate([p[3] for p in self._parts])],
            }
        )
        return frame.sort_values(["row"], kind="stable").reset_index(drop=True)

    def counts(self) -> dict[str, int]:
        """Reason -> number of cells, reasons in a fixed order (reproducible output)."""
        if not self._parts:
            return {}
        tally = np.bincount(
            np.concatenate([p[3] for p in self._parts]), minlength=len(self._reasons)
        )
        names = list(self._reasons)
        return {k: int(tally[names.index(k)]) for k in sorted(names) if tally[names.index(k)]}

    def raise_if_strict(self) -> None:
        """For ``--strict``: the first wrong (not merely missing) value becomes an error."""
        if not self._parts:
            return
        frame = self.to_frame()
        wrong = frame[~frame["reason"].isin(MISSING_REASONS)]
        if len(wrong):
            first = wrong.iloc[0]
            more = f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else ""
            raise DataError(
                f"{REASON_TEXT.get(first['reason'], first['reason'])}: {first['value']!r}{more}; "
                "--strict rejects any excluded value",
                Location(self.source, self.sheet, int(first["row"]), str(first["column"])),
            )


def _show_all(values: np.ndarray) -> np.ndarray:
    """:func:`_show` of each value, computed once per distinct value."""
    with np.errstate(over="ignore"):
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
    shown = np.array([_show(u) for u in uniques] + [""], dtype=object)
    out = shown[codes]  # code -1 (None, NaN) picks the appended ""
    # factorize merges equal values of different types (True == 1 == 1.0), and True shows as
    # "True", 1 as "1": the cells equal to True or False are shown one by one (they are few).
    with np.errstate(all="ignore"):
        maybe_bool = np.flatnonzero(
            (values == True) | (values == False)  # noqa: E712 - elementwise, not identity
        )
    if len(maybe_bool):
        out[maybe_bool] = [_show(v) for v in values[maybe_bool]]
    return out


def _show(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
