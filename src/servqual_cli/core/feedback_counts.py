"""Counting a feedback register by codes: a text column as integer codes (:class:`CodedKeys`),
the count tables by type, unit or channel, and the crosstabs per unit and type and per period
and type (every period from the first to the last, zeros included). Every count is a
``bincount`` of the codes, so the texts of a million items are hashed once
(:func:`~servqual_cli.core.feedback.analyse_feedback` calls these).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from servqual_cli.core.periods import Period
from servqual_cli.vocab.feedback import TYPES


@dataclass(frozen=True)
class CodedKeys:
    """A text column of the items as codes: ``labels[codes]`` are its values (no missing
    value), the labels in order of first appearance, as pandas' value_counts meets them.
    Every count and group of the analysis is a ``bincount`` of these codes, so the million
    texts are hashed once, not once per table."""

    codes: np.ndarray
    labels: np.ndarray

    @classmethod
    def of(cls, column: pd.Series) -> CodedKeys:
        codes, labels = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=True)
        return cls(codes, np.asarray(labels, dtype=object))

    def counts(self, mask: np.ndarray | None = None) -> np.ndarray:
        codes = self.codes if mask is None else self.codes[mask]
        return np.bincount(codes[codes >= 0], minlength=len(self.labels))

    def value_counts(self, mask: np.ndarray | None = None) -> pd.Series:
        """``column.value_counts()``: keys in order of first appearance, then sorted by count
        by pandas' own sort, so ties come out as pandas orders them."""
        counts = self.counts(mask)
        if mask is not None:  # value_counts of a subset lists only the keys it holds
            seen = np.unique(self.codes[mask], return_index=True)
            order = seen[0][np.argsort(seen[1], kind="stable")]
            order = order[order >= 0]
        else:
            order = np.arange(len(self.labels))
        out = pd.Series(counts[order], index=pd.Index(self.labels[order], dtype="str"))
        return out.sort_values(ascending=False, kind="stable")  # as pandas sorts its counts

    def sorted_order(self) -> np.ndarray:
        """Code positions with the labels in sorted order (as groupby and crosstab sort)."""
        return np.argsort(self.labels, kind="stable")


def count_table(keys: CodedKeys, column: str, order: list[str] | None = None) -> pd.DataFrame:
    counts = keys.value_counts()
    counts = counts.reindex(order, fill_value=0) if order else counts.sort_values(ascending=False)
    total = int(counts.sum())
    return pd.DataFrame(
        {
            column: counts.index.astype(str),
            "n": counts.to_numpy(dtype=np.int64),
            "share": counts.to_numpy() / total if total else np.nan,
        }
    )


def _cross(rows: CodedKeys, types: CodedKeys, order: np.ndarray) -> np.ndarray:
    """Items per (row key in ``order``, type in :data:`TYPES`): the crosstab as a matrix."""
    type_pos = np.array([TYPES.index(t) if t in TYPES else -1 for t in types.labels], dtype=int)
    t = type_pos[types.codes] if len(type_pos) else np.zeros(0, dtype=int)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    ok = (rows.codes >= 0) & (types.codes >= 0) & (t >= 0)
    cell = rank[rows.codes[ok]] * len(TYPES) + t[ok]
    return np.bincount(cell, minlength=len(order) * len(TYPES)).reshape(len(order), len(TYPES))


def _long(matrix: np.ndarray, index: pd.Index, name: str) -> pd.DataFrame:
    table = pd.DataFrame(matrix, index=index, columns=pd.Index(list(TYPES), dtype="str"))
    long = table.stack().reset_index()
    long.columns = pd.Index([name, "type", "n"])
    return long


def by_period(frame: pd.DataFrame, types: CodedKeys, period: Period) -> pd.DataFrame:
    """Items per period and type, every period from first to last (zeros included): the
    period of a received date is its calendar month, quarter or year (``Period`` of pandas,
    counted here from numpy's month and year numbers)."""
    freq = {"month": "M", "quarter": "Q", "year": "Y"}[period]
    received = frame["received"].to_numpy(dtype="datetime64[ns]")
    known = ~np.isnat(received)
    if period == "year":
        ordinal = received.astype("datetime64[Y]").astype(np.int64)
    else:
        ordinal = received.astype("datetime64[M]").astype(np.int64)
        if period == "quarter":
            ordinal = ordinal // 3
    first = int(ordinal[known].min()) if known.any() else 0
    every = (
        pd.period_range(
            pd.Timestamp(received[known].min()), pd.Timestamp(received[known].max()), freq=freq
        ).astype(str)
        if known.any()
        else pd.Index([], dtype="str")
    )
    n_periods = len(every)
    period_keys = CodedKeys(np.where(known, ordinal - first, -1), np.arange(n_periods))
    matrix = _cross(period_keys, types, np.arange(n_periods))
    return _long(matrix, every, "period")


def by_unit_type(units: CodedKeys, types: CodedKeys) -> pd.DataFrame:
    order = units.sorted_order()
    index = pd.Index(units.labels[order], dtype="str")
    return _long(_cross(units, types, order), index, "unit")
