"""Find the header row below title rows, as municipal spreadsheets and open-data CSVs have them."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

SCAN_ROWS = 50

_HEADER_ROWS_OPTION: ContextVar[int | None] = ContextVar("servqual_header_rows", default=None)


def use_header_rows(value: int | None) -> Callable[[], None]:
    """Set the ``--header-rows`` a command was given, for every ``read_table`` call of that
    invocation that does not name its own (None: detect); returns the function that undoes it,
    which the CLI calls when the command ends.

    >>> undo = use_header_rows(2)
    >>> _HEADER_ROWS_OPTION.get()
    2
    >>> undo()
    >>> _HEADER_ROWS_OPTION.get() is None
    True
    """
    token = _HEADER_ROWS_OPTION.set(value)
    return lambda: _HEADER_ROWS_OPTION.reset(token)


def header_rows_option() -> int | None:
    """The ``--header-rows`` of the running command (None: not given, detect)."""
    return _HEADER_ROWS_OPTION.get()


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


def two_row_header(
    rows: list[list[Any]], hdr_index: int, header_rows: int | None
) -> tuple[int, list[str]] | None:
    """A two-row header joined into names, or None: (index of its second row, names).

    With ``header_rows == 2`` the rows ``hdr_index`` and the next are joined. With None it is
    detected where unambiguous: the row above the one :func:`find_header_row` chose (or the
    chosen row itself) holds only text labels with gaps (group names merged over several
    columns, as "E" over 1..22), the row below fills those gaps with labels or item numbers, and
    the next row is data, and some column named in the first row only (an id) is blank in the
    second row but not in the data, so a first data row cannot be mistaken for it. A group name
    carries over its gap ("E" "" "" -> "E 1" "E 2" "E 3");
    a column with nothing in the second row keeps the first row's name.

    >>> rows = [["id", "E", None, "P", None], [None, 1, 2, 1, 2], [7, 5, 4, 3, 2]]
    >>> two_row_header(rows, find_header_row(rows), None)
    (1, ['id', 'E 1', 'E 2', 'P 1', 'P 2'])
    >>> two_row_header([["id", "E1"], [1, 5]], 0, None) is None
    True
    """
    if header_rows == 1:
        return None
    first: int | None = hdr_index
    if header_rows is None:
        first = _detect_group_row(rows, hdr_index)
    if first is None:
        return None
    if first + 1 >= len(rows):
        return None
    top = list(rows[first])
    below = list(rows[first + 1])
    width = max(len(top), len(below))
    top += [None] * (width - len(top))
    below += [None] * (width - len(below))
    names: list[str] = []
    group = ""
    for a, b in zip(top, below, strict=True):  # a loop over header cells, not data
        a_text = "" if not _filled(a) else str(a).strip()
        b_text = "" if not _filled(b) else _number_text(b)
        if a_text:
            group = a_text
        if b_text:
            names.append(f"{group} {b_text}".strip() if (a_text or group) else b_text)
        else:
            names.append(a_text)
            group = a_text if a_text else group
    return first + 1, names


def _is_full_header(rows: list[list[Any]], index: int) -> bool:
    """Whether row ``index`` qualifies as a header by :func:`find_header_row`'s rule (and so
    was not merely its fallback)."""
    filled = [sum(_filled(v) for v in r) for r in rows[:SCAN_ROWS]]
    widest = max(filled, default=0)
    n = filled[index] if index < len(filled) else 0
    return n >= max(2, 0.8 * widest) or (widest == 1 and n == 1)


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _detect_group_row(rows: list[list[Any]], hdr_index: int) -> int | None:
    """The first row of a two-row header around ``hdr_index``, if the file shows one clearly.

    When ``hdr_index`` is only :func:`find_header_row`'s fallback (a title row, as above a
    two-row header whose rows are each too sparse to count as a header), the rows below it
    within the scanned ones are tried too.

    >>> rows = [["Enkät 2024"], ["id", "E", None, "P", None], [None, 1, 2, 1, 2], [7, 5, 4, 3, 2]]
    >>> _detect_group_row(rows, find_header_row(rows))
    1
    """
    candidates = [hdr_index - 1, hdr_index]
    if not _is_full_header(rows, hdr_index):
        candidates += range(hdr_index + 1, min(len(rows), SCAN_ROWS))
    for first in candidates:
        if first < 0 or first + 2 >= len(rows):
            continue
        top, below, data = rows[first], rows[first + 1], rows[first + 2]
        top_cells = [v for v in top if _filled(v)]
        below_cells = [v for v in below if _filled(v)]
        if len(top_cells) < 2 or not all(_is_text_label(v) for v in top_cells):
            continue
        if not below_cells:
            continue
        width = max(len(top), len(below))
        top_f = [i < len(top) and _filled(top[i]) for i in range(width)]
        below_f = [i < len(below) and _filled(below[i]) for i in range(width)]
        gaps_filled = any(b and not a for a, b in zip(top_f, below_f, strict=True))
        under_group = any(a and b for a, b in zip(top_f, below_f, strict=True))
        covered = sum(a or b for a, b in zip(top_f, below_f, strict=True))
        data_filled = sum(_filled(v) for v in data)
        numbers_below = any(not _is_text_label(v) for v in below_cells)
        labels_repeat = len({str(v) for v in below_cells}) < len(below_cells)
        # Some column named in the first row only (an id): the second row is blank there,
        # while the data row has a value; a first data row would fill it.
        data_f = [i < len(data) and _filled(data[i]) for i in range(width)]
        named_once = any(a and not b and d for a, b, d in zip(top_f, below_f, data_f, strict=True))
        if not (gaps_filled and under_group and named_once and (numbers_below or labels_repeat)):
            continue
        if covered >= 0.8 * data_filled:
            data_numbers = sum(not _is_text_label(v) for v in data if _filled(v))
            if data_numbers >= 0.5 * max(data_filled, 1):
                return first
    return None


# A second header row of question text under the header (review 11, finding 4: a UTF-16
# export with "E1" ... in row 1 and "Förväntan: Verksamheten har modern utrustning." ... in row
# 2) was one more respondent, "Svarande: 401", with 49 "not a valid value" cells.
_ECHO_SCAN = 50  # rows below it whose cells say which columns hold numbers
_ECHO_MIN_COLUMNS = 3  # numeric columns needed to judge


def second_header_label(first: list[Any], below: list[list[Any]]) -> str | None:
    """The first question text of ``first`` (the first data row) when it is a second header
    row, else None. It is one when

    - every filled cell is text, none a number;
    - at least :data:`_ECHO_MIN_COLUMNS` columns hold numbers (or dates) in at least 80 % of
      their filled cells among ``below`` (the next rows), and ``first`` fills at least 90 % of
      them with text ("nearly every item column");
    - none of those texts is a non-answer word ("Vet ej", "Ej aktuellt", "NA") or a
      spreadsheet error, so a first respondent who answered "Vet ej" throughout stays.

    >>> hdr2 = ["Respondent", "Förväntan: Modern utrustning.", "Upplevelse: Modern utrustning.",
    ...         "Vikt"]
    >>> data = [[1, 5, 6, 1.2], [2, 4, "Vet ej", 0.8], [3, 7, 6, 1.0]]
    >>> second_header_label(hdr2, data)
    'Förväntan: Modern utrustning.'
    >>> second_header_label(["x", "Vet ej", "Vet ej", "Vet ej"], data) is None
    True
    >>> second_header_label([4, "Bra", "Bra", "Bra"], data) is None  # a number: data
    True
    >>> second_header_label(hdr2, [["a", "b", "c", "d"]] * 3) is None  # labels below: no test
    True
    """
    from servqual_cli.io.answer_words import (
        DONT_KNOW,
        NOT_APPLICABLE,
        NOT_AVAILABLE,
        fold,
        is_excel_error,
    )

    filled = [v for v in first if _filled(v)]
    if not filled or not all(_is_text_label(v) for v in filled):
        return None
    width = len(first)
    numeric: list[int] = []
    for j in range(width):  # a loop over the columns of a bounded sample of rows
        cells = [r[j] for r in below[:_ECHO_SCAN] if j < len(r) and _filled(r[j])]
        numbers = sum(not _is_text_label(v) for v in cells)
        if cells and numbers >= 0.8 * len(cells):
            numeric.append(j)
    if len(numeric) < _ECHO_MIN_COLUMNS:
        return None
    texts = [first[j] for j in numeric if _filled(first[j])]
    if len(texts) < 0.9 * len(numeric):
        return None
    words = DONT_KNOW | NOT_APPLICABLE | NOT_AVAILABLE
    if any(fold(t) in words or is_excel_error(t) for t in texts):
        return None
    return str(texts[_first_question(first, numeric)]).strip()


def _first_question(first: list[Any], numeric: list[int]) -> int:
    """Index (among the filled numeric columns' texts) of the first of several words: an id
    column's echo ("Respondent", "Löpnr") is one word, a question several."""
    texts = [str(first[j]).split() for j in numeric if _filled(first[j])]
    return next((i for i, words in enumerate(texts) if len(words) > 1), 0)
