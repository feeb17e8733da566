"""Group labels from a ``--by`` column (or a background column), and two-way groups "a × b".

Shared by the survey loader (:func:`servqual_cli.io.survey.load_survey`), the toolbox loader
(:func:`servqual_cli.io.role_data.load_roles`) and ``gap --by A,B`` / ``--profile``
(:mod:`servqual_cli.cli.gap_toolbox`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.errors import Location, UsageError
from servqual_cli.io.cells import excel_error_mask, parse_numbers
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable, blank_mask
from servqual_cli.io.values import DONT_KNOW, NOT_APPLICABLE, NOT_AVAILABLE, fold

__all__ = [
    "MANY_GROUPS",
    "MIN_MEAN_GROUP",
    "ByGroupsError",
    "check_groups",
    "combine_groups",
    "fold_case",
    "group_cells",
    "group_label",
    "labels_of",
    "survey_groups",
]


def group_label(value: object) -> str:
    """A cell as a group name: whole floats without ".0", text stripped.

    >>> group_label(3.0), group_label(" Skola ")
    ('3', 'Skola')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


Merges = dict[tuple[str, str], int]  # (spelling as written, spelling used) -> cells


def group_cells(
    column: pd.Series, counts: npt.ArrayLike | None = None
) -> tuple[np.ndarray, np.ndarray, Merges]:
    """The one rule for a grouping cell: (group names as an object array, None where the cell
    gives no group; per cell the reason it gives none, or None; the spellings merged).

    No group: a blank (``blank``), a spreadsheet error value such as "#N/A" (``excel_error``),
    a missing-answer word such as "Vet ej" or "Vill ej uppge" (``dont_know``, the words of
    :data:`~servqual_cli.io.values.DONT_KNOW`) or "NA", "-" (``not_available``). Such a
    respondent is in the totals, in no group table, counted as without a value in the column
    and as an excluded cell. Values that differ only in case ("Kvinna", "kvinna") are one group,
    named by the spelling most cells have (ties: the first in the file), and each merge is
    returned so the output can say so. ``counts`` gives each cell's weight when ``column``
    holds an encoded column's distinct texts. ``gap``, ``reliability``, ``tolerance``,
    ``items``, ``knowledge-gap`` and ``--by A,B`` all read their groups through here.

    >>> labels, why, merged = group_cells(pd.Series(
    ...     [1.0, "", " K", "#N/A", "Vet ej", "k", "K", "-"], dtype=object))
    >>> labels.tolist()
    ['1', None, 'K', None, None, 'K', 'K', None]
    >>> why.tolist()
    [None, 'blank', None, 'excel_error', 'dont_know', None, None, 'not_available']
    >>> merged
    {('k', 'K'): 1}
    """
    blank = blank_mask(column.to_frame())[:, 0]
    labels = np.array(column.map(group_label).to_numpy(dtype=object), dtype=object)
    reasons = np.full(len(blank), None, dtype=object)
    reasons[blank] = "blank"
    # "#N/A" is no group: an excel_error exclusion (tested on the trimmed label, so " #N/A "
    # too, as an answer cell's error value is)
    error = excel_error_mask(pd.Series(labels, dtype=object)) & ~blank
    reasons[error] = "excel_error"
    codes, uniques = pd.factorize(pd.Series(labels, dtype=object))  # one fold per distinct label
    folded = pd.Series(uniques, dtype=object).map(fold)
    word = np.select(
        [
            folded.isin(DONT_KNOW).to_numpy(),
            folded.isin(NOT_APPLICABLE).to_numpy(),
            folded.isin(NOT_AVAILABLE).to_numpy(),
        ],
        ["dont_know", "not_applicable", "not_available"],
        "",
    )[codes]
    said = (word != "") & ~blank & ~error
    reasons[said] = word[said]
    none = pd.notna(reasons)
    labels[none] = None
    labels, merged = fold_case(labels, counts)
    return labels, reasons, merged


def fold_case(labels: np.ndarray, counts: npt.ArrayLike | None) -> tuple[np.ndarray, Merges]:
    """Labels that differ only in case become the spelling with the most cells (ties: the
    first); the merges, (spelling, spelling used) -> cells, for the note. ``counts`` weighs
    each label (distinct texts with their cells); missing labels stay missing. ``--by``
    groups and the feedback register's units share this rule.

    >>> out, merged = fold_case(np.array(["Skola", "skola", None], dtype=object), [2, 1, 5])
    >>> out.tolist(), merged
    (['Skola', 'Skola', None], {('skola', 'Skola'): 1})
    """
    present = pd.notna(labels)
    if not present.any():
        return labels, {}
    weight = np.ones(len(labels), dtype=np.int64) if counts is None else np.asarray(counts)
    codes, uniques = pd.factorize(pd.Series(labels[present], dtype=object))
    cells = np.bincount(codes, weights=weight[present], minlength=len(uniques)).astype(np.int64)
    keys = [str(u).casefold() for u in uniques]  # one per distinct label
    if len(set(keys)) == len(keys):
        return labels, {}
    best: dict[str, int] = {}
    for i, key in enumerate(keys):  # first-seen order breaks ties
        if key not in best or cells[i] > cells[best[key]]:
            best[key] = i
    target = np.array([uniques[best[k]] for k in keys], dtype=object)
    out = labels.copy()
    out[present] = target[codes]
    merged = {(str(uniques[i]), str(target[i])): int(cells[i])
              for i in range(len(uniques)) if target[i] != uniques[i]}  # fmt: skip
    return out, merged


def labels_of(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(group names as an object array with None where no group, the no-group mask), by
    :func:`group_cells`.

    >>> labels, none = labels_of(pd.Series([1.0, "", " K", "#N/A", "vill ej uppge"]))
    >>> labels.tolist(), none.tolist()
    (['1', None, 'K', None, None], [False, True, False, True, True])
    """
    labels, reasons, _ = group_cells(column)
    return labels, pd.notna(reasons)


# A --by column that cannot be a grouping (review 13, finding 17: `tolerance --by Vikt`, a
# weight column of 163 distinct values, ran 163 groups, most of n = 1, and showed "Andel över
# D 100,0 %" on one answer). A column is refused when its groups average fewer than
# MIN_MEAN_GROUP respondents *and* there are more than MANY_GROUPS of them: an identifier or a
# measurement, not a grouping. Five is where no group statistic here is more than one person's
# answer (a t interval on n < 5 has df <= 3); the floor of 20 keeps a small file's few groups and
# a --split of 20 units (bench/cli_bench.py) whatever their size, while 60 schools of 2 000
# respondents (mean 33) still pass. A numeric column with decimals (a weight, an index, a
# time) is refused whatever its count: its values are measurements, not group names.
MIN_MEAN_GROUP = 5
MANY_GROUPS = 20


class ByGroupsError(UsageError):
    """A ``--by`` column that is not a grouping (:func:`check_groups`); ``option`` is what the
    message names, so a report can say its ``survey.by`` instead."""

    def __init__(self, code: str, facts: dict[str, object], location: Location) -> None:
        c, k, n = facts["column"], facts["n_values"], facts["n"]
        if code == "by_decimals":
            text = (
                f"column {c!r} in {facts['option']} holds numbers with decimals ({k:,} "
                "distinct values): a measurement or a weight, not groups; choose a grouping "
                "column"
            )
        else:
            text = (
                f"column {c!r} in {facts['option']} has {k:,} distinct values among "
                f"{n:,} respondents (more than {MANY_GROUPS} groups and fewer than "
                f"{MIN_MEAN_GROUP} respondents a group on average): choose a grouping column, "
                "or merge its values into fewer groups in the file"
            )
        super().__init__(text, location, code=code, facts=facts)


def check_groups(
    labels: np.ndarray,
    name: str,
    counts: npt.ArrayLike | None = None,
    option: str = "--by",
    location: Location | None = None,
) -> None:
    """Refuse a ``--by`` column whose labels (:func:`group_cells`; None: no group) are numbers
    with decimals, or more than :data:`MANY_GROUPS` groups averaging fewer than
    :data:`MIN_MEAN_GROUP` respondents. ``counts``: each label's cells (distinct texts).

    >>> check_groups(np.array(["1", "2", None, "2"], dtype=object), "Kön")
    >>> def code(labels: list[str]) -> str | None:
    ...     try:
    ...         check_groups(np.array(labels, dtype=object), "Vikt")
    ...     except ByGroupsError as exc:
    ...         return exc.code
    ...     return None
    >>> code(["1,25", "0.8", "1"]), code([str(i) for i in range(40)]), code(["1", "2"] * 11)
    ('by_decimals', 'by_too_many_groups', None)
    """
    present = pd.notna(labels)
    if not present.any():
        return
    weight = np.ones(len(labels), dtype=np.int64) if counts is None else np.asarray(counts)
    distinct = pd.unique(pd.Series(labels[present], dtype=object))
    n = int(weight[present].sum())
    facts: dict[str, object] = {"column": name, "option": option, "n_values": len(distinct),
                                "n": n, "many": MANY_GROUPS, "mean": MIN_MEAN_GROUP}  # fmt: skip
    where = location or Location()
    numbers, _ = parse_numbers(pd.Series(distinct, dtype=object))
    if not np.isnan(numbers).any() and (numbers != np.round(numbers)).any():
        raise ByGroupsError("by_decimals", facts, where)
    if len(distinct) > MANY_GROUPS and len(distinct) * MIN_MEAN_GROUP > n:
        raise ByGroupsError("by_too_many_groups", facts, where)


def combine_groups(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Two-way groups "a × b"; None where either is None (a respondent in no group).

    >>> combine_groups(np.array(["K", "M", None], dtype=object),
    ...                np.array(["N", None, "S"], dtype=object)).tolist()
    ['K × N', None, None]
    """
    a, b = pd.Series(first, dtype=object), pd.Series(second, dtype=object)
    combined = np.array((a.astype(str) + " × " + b.astype(str)).to_numpy(dtype=object))
    combined[(a.isna() | b.isna()).to_numpy()] = None
    return combined


def survey_groups(table: RawTable, pos: int, log: ExclusionLog) -> np.ndarray:
    """The survey's ``--by`` column's group labels (None where blank or a spreadsheet error),
    logged.

    An encoded column (fast CSV path) is labelled once per distinct text."""
    encoded = table.encoded_column(pos)
    col = pd.Series(encoded.uniques, dtype=object) if encoded else table.column(pos)
    counts = None if encoded is None else np.bincount(encoded.codes, minlength=len(col))
    groups, group_reasons, merged = group_cells(col, counts)
    name = table.columns[pos]
    check_groups(groups, name, counts, location=Location(table.source, table.sheet))
    log.add_group_merges(name, merged)
    if encoded is not None:
        log.add_coded(table.row_numbers, name, encoded.codes, encoded.uniques, group_reasons)
        return groups[encoded.codes]
    log.add(table.row_numbers, name, col.to_numpy(dtype=object), group_reasons)
    return groups
