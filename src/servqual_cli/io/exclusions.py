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
    """Collects excluded cells (file row, column, value, reason) while a file is cleaned."""

    def __init__(self, source: str, sheet: str | None = None) -> None:
        self.source = source
        self.sheet = sheet
        self._parts: list[pd.DataFrame] = []

    def add(self, rows: np.ndarray, column: str, values: np.ndarray, reasons: np.ndarray) -> None:
        """Record cells; ``reasons`` holds a reason string or None (kept) per row."""
        reasons = np.asarray(reasons, dtype=object)
        hit = np.array([r is not None for r in reasons], dtype=bool) if len(reasons) else reasons
        if not np.any(hit):
            return
        self._parts.append(
            pd.DataFrame(
                {
                    "row": np.asarray(rows)[hit].astype(np.int64),
                    "column": column,
                    "value": pd.Series(np.asarray(values, dtype=object)[hit]).map(_show),
                    "reason": reasons[hit].astype(str),
                }
            )
        )

    def to_frame(self) -> pd.DataFrame:
        """All excluded cells, sorted by row then column position of recording."""
        if not self._parts:
            return pd.DataFrame({"row": [], "column": [], "value": [], "reason": []})
        frame = pd.concat(self._parts, ignore_index=True)
        return frame.sort_values(["row"], kind="stable").reset_index(drop=True)

    def counts(self) -> dict[str, int]:
        """Reason -> number of cells, reasons in a fixed order (reproducible output)."""
        if not self._parts:
            return {}
        reasons = pd.concat([p["reason"] for p in self._parts])
        counts = reasons.value_counts()
        return {str(k): int(counts[k]) for k in sorted(counts.index)}

    def raise_if_strict(self) -> None:
        """For ``--strict``: the first wrong (not merely missing) value becomes an error."""
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


def _show(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
