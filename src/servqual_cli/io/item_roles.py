"""Parse an instrument's item roles (question sets) into score matrices: the one cleaning step
``servqual gap`` (:func:`servqual_cli.io.survey.load_survey`) and the toolbox
(:func:`servqual_cli.io.role_data.load_roles`) share.

A role is ``expectation``, ``perception``, ``adequate`` or ``desired``; its columns come from
:func:`servqual_cli.instruments.resolve.resolve_roles`. Every column is parsed on the
instrument's scale with its labels and missing tokens (labelled SPSS columns by their codes),
every excluded cell is logged, a column with no valid answer but wrong values is refused, and
negatively worded items are reversed (min + max − x, Parasuraman, Zeithaml & Berry 1988).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.instruments.model import Instrument
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable
from servqual_cli.io.scale_column import ScaleColumn, parse_scale_column
from servqual_cli.io.values import DONT_KNOW, NOT_APPLICABLE, NOT_AVAILABLE, fold

__all__ = ["column_position", "file_missing_codes", "parse_roles", "spss_cells", "with_spss_codes"]


def parse_roles(
    table: RawTable,
    instrument: Instrument,
    resolved: Mapping[str, Mapping[int, str]],
    roles: Sequence[str],
    log: ExclusionLog,
    codes: Sequence[str] = (),
) -> dict[str, np.ndarray]:
    """Role -> (n_rows, n_items) scores in the instrument's item order, reverse-scored.

    Parameters
    ----------
    table : RawTable
        The file as read.
    instrument : Instrument
        Its scale, labels, missing tokens and reversed items are used.
    resolved : mapping
        Role -> {item number -> column name}, as :func:`resolve_roles` returns it.
    roles : sequence of str
        The roles to parse, in this order (the order their cells are logged and checked in).
    log : ExclusionLog
        Receives every excluded cell.
    codes : sequence of str, optional
        ``--missing-codes``: left out as no answer together with the instrument's ``missing``
        (the union), their cells recorded as ``missing_code``.

    Returns
    -------
    dict
        Role -> Fortran-ordered float matrix (the core walks one item at a time, issue #16),
        NaN where missing or excluded.

    Raises
    ------
    DataError
        A column holds no valid answer and some wrong value (the wrong column or scale).

    Examples
    --------
    >>> from servqual_cli.instruments.toml import instrument_from_dict
    >>> from servqual_cli.io.read_text import read_text
    >>> inst = instrument_from_dict({"name": "K", "scale": [1, 5], "reverse": [2],
    ...     "perception": "P{item}", "expectation": "E{item}", "dimensions": {"A": [1, 2]}})
    >>> t = read_text(b"P1;P2\\n5;1\\nVet ej;9\\n", "t.csv", None, None)
    >>> log = ExclusionLog("t.csv")
    >>> parse_roles(t, inst, {"perception": {1: "P1", 2: "P2"}}, ["perception"], log)[
    ...     "perception"].tolist()
    [[5.0, 5.0], [nan, nan]]
    >>> log.counts()
    {'dont_know': 1, 'out_of_range': 1}
    """
    index = ColumnIndex(table.columns, table.source, table.sheet)
    numbers = instrument.items
    lo, hi = instrument.scale
    rev = [k for k, item in enumerate(numbers) if item in set(instrument.reverse)]
    missing = (*instrument.missing, *codes)  # both lists apply (the option adds, never removes)
    log.show_codes(table.declared_shown)  # SPSS: "99 (Vet ej)" in --excluded, not "Vet ej"
    out: dict[str, np.ndarray] = {}
    for role in roles:
        positions = [column_position(index, resolved[role][i]) for i in numbers]
        m = np.empty((len(table.row_numbers), len(positions)), dtype=float, order="F")
        for k, pos in enumerate(positions):  # a loop over columns; each is vectorised
            spss, own = spss_cells(table, table.columns[pos], pos, missing)
            parsed = parse_scale_column(
                table, pos, (lo, hi), instrument.labels, own, log, m[:, k], spss, codes=codes
            )
            _reject_wrong_column(parsed, table, pos)
        if rev:  # reversed before anything else: min + max - x (PZB 1988)
            m[:, rev] = lo + hi - m[:, rev]
        out[role] = m
    return out


def column_position(index: ColumnIndex, name: str) -> int:
    """Position of a column :func:`resolve_roles` found (so it is in the table)."""
    pos = index.find(name)
    if pos is None:  # not user input: resolve_roles returned a name of this table
        raise RuntimeError(f"internal: column {name!r} vanished")
    return pos


def spss_cells(
    table: RawTable, name: str, pos: int, missing: Sequence[str]
) -> tuple[pd.Series | None, tuple[str, ...]]:
    """What an SPSS item column is parsed from, and the missing tokens that go with it: a
    labelled column by its codes (:func:`with_spss_codes`), a declared-missing code by its code
    and counted as "declared missing" (review 16, finding 6); ``(None, missing)`` for a column
    of any other file. Shared by gap and the toolbox (:func:`parse_roles`) and alpha and items
    (:func:`servqual_cli.io.item_set.load_item_set`, session 18), so they read it alike.
    """
    spss = with_spss_codes(table, name, table.column(pos)) if name in table.codes else None
    declared = table.user_missing.get(name)
    own = tuple(missing)
    if declared is not None:
        base = table.column(pos) if spss is None else spss
        spss = base.where(declared.isna(), declared)
        own = (*own, *declared.dropna().unique())
    return spss, own


def file_missing_codes(
    table: RawTable, names: Sequence[str], codes: Sequence[str]
) -> tuple[tuple[str, str, int], ...]:
    """The ``--missing-codes`` that an SPSS file already declares missing in the columns
    ``names`` (a declared missing value, or a code labelled "Vet ej"/"Ej svar"), each as (code
    as given, its label or "", cells holding it): the option changes nothing for them, and
    "no cell holds the code" would contradict the cells counted (review 18, finding 11).

    >>> import numpy as np
    >>> t = RawTable(pd.DataFrame({"F1": ["Vet ej", "3"]}), "a.sav", None, 1, np.array([2, 3]),
    ...              "", codes={"F1": pd.Series([99.0, 3.0])},
    ...              value_labels={"F1": {99.0: "Vet ej", 7.0: "Helt"}})
    >>> file_missing_codes(t, ["F1"], ["99", "98"])
    (('99', 'Vet ej', 1),)
    """
    found: list[tuple[str, str, int]] = []
    for code in codes:  # a handful of codes; each column compared at once
        try:
            value = float(code.replace(",", "."))
        except ValueError:
            continue
        cells, said = 0, ""
        for name in names:
            labels = table.value_labels.get(name, {})
            label = labels.get(value)
            if (
                name in table.codes
                and label is not None
                and fold(label) in (DONT_KNOW | NOT_APPLICABLE | NOT_AVAILABLE)
            ):
                cells += int((table.codes[name] == value).sum())
                said = said or str(label)
            declared = table.user_missing.get(name)
            if declared is not None:
                held = int((pd.to_numeric(declared, errors="coerce") == value).sum())
                cells += held
                said = said or (str(label) if held and label else "")
        if cells:
            found.append((code, said, cells))
    return tuple(found)


def with_spss_codes(table: RawTable, name: str, column: pd.Series) -> pd.Series:
    """For labelled SPSS columns use the numeric codes, except codes labelled as "no answer"."""
    if name not in table.codes:
        return column
    codes = table.codes[name]
    labels = table.value_labels.get(name, {})
    no_answer = DONT_KNOW | NOT_APPLICABLE | NOT_AVAILABLE
    missing_codes = {k for k, v in labels.items() if fold(v) in no_answer}
    out = codes.astype(object)
    is_missing = codes.isin(missing_codes).to_numpy(dtype=bool)
    out[is_missing] = column[is_missing]
    return out


def _reject_wrong_column(parsed: ScaleColumn, table: RawTable, pos: int) -> None:
    """A column with no valid answer and wrong values in it is the wrong column (or scale).

    A column that is merely empty (all blank or "Vet ej") is kept: its cells are missing and
    counted, and the half-of-the-items rule decides what the respondents' scores can use.
    """
    values = parsed.values
    # (the first rows nearly always hold an answer: the whole column is looked at only if not)
    if len(values) == 0 or not np.isnan(values[:4096]).all() or not np.isnan(values).all():
        return
    first = parsed.first_with(["unparseable", "out_of_range", "not_scale_point"])
    if first is not None:
        name = table.columns[pos]
        value = table.column(pos).iloc[first]
        raise DataError(
            f"no valid answer in the whole column (e.g. {value!r} in row "
            f"{int(table.row_numbers[first])}: not a number on the scale or a known label)",
            Location(table.source, table.sheet, None, name),
            code="no_valid_answer",
            facts={"value": value, "row": int(table.row_numbers[first])},
        )
