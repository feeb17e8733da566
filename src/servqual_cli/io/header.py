"""Find the header row below title rows, as municipal spreadsheets and open-data CSVs have them."""

from __future__ import annotations

from typing import Any

SCAN_ROWS = 50


def _is_text_label(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    text = value.strip().replace(",", ".", 1)
    try:
        float(text)
    except ValueError:
        return True
    return False


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def find_header_row(rows: list[list[Any]]) -> int:
    """Return the 0-based index of the header among ``rows``.

    The header is the first row, among the first 50, that fills at least 80% as many cells as the
    widest of them and whose filled cells are all text labels (not numbers). Title rows
    ("Medborgarundersökning 2024") fill one cell; data rows hold numbers. If no row qualifies
    the first non-empty row is the header.

    >>> find_header_row([["Enkät 2024", None, None], [None, None, None], ["id", "E1", "P1"],
    ...                  [1, 5, 4]])
    2
    >>> find_header_row([["id", "E1"], [1, 2]])
    0
    """
    scan = rows[:SCAN_ROWS]
    filled = [sum(_filled(v) for v in r) for r in scan]
    widest = max(filled, default=0)
    if widest == 0:
        return 0
    for i, row in enumerate(scan):
        if filled[i] >= max(2, 0.8 * widest) or (widest == 1 and filled[i] == 1):
            cells = [v for v in row if _filled(v)]
            if all(_is_text_label(v) for v in cells):
                return i
    return next(i for i, n in enumerate(filled) if n > 0)
