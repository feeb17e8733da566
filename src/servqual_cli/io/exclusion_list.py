"""The layout of every command's ``--excluded`` list (split from
:mod:`servqual_cli.io.exclusions`, which re-exports it, when that module grew past 400 lines)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# The columns of every command's --excluded list, in this order (review 6, finding 16: the
# single-file list had no file column although its note promised one). Extra columns a
# command adds (the KPI's name) follow them.
LIST_COLUMNS = ("file", "sheet", "row", "column", "value", "reason")


def exclusion_list(
    frame: pd.DataFrame | None,
    file: str | None = None,
    sheet: str | None = None,
    inputs: Sequence[Mapping[str, Any]] = (),
) -> pd.DataFrame:
    """The ``--excluded`` list of ``frame``: :data:`LIST_COLUMNS` first, then any others.

    A frame of several files already has a ``file`` column (and may have ``sheet``); a
    single file's frame gets ``file`` and ``sheet`` from the arguments ("" when unknown, e.g.
    the sheet of a CSV file). ``inputs`` (the tables' ``describe()``) add one entry per
    trailing summary row left out (:func:`~servqual_cli.io.summary_rows.summary_row_entries`),
    after that file's cells: the row is listed although none of its cells was read.

    >>> import pandas as pd
    >>> cells = pd.DataFrame({"row": [3], "column": ["E1"], "value": ["x"], "reason": ["blank"]})
    >>> exclusion_list(cells, "a.xlsx", "Blad1").values.tolist()
    [['a.xlsx', 'Blad1', 3, 'E1', 'x', 'blank']]
    >>> list(exclusion_list(None, "a.csv").columns)
    ['file', 'sheet', 'row', 'column', 'value', 'reason']
    >>> two = cells.assign(file="b.csv").assign(kpi="K")
    >>> exclusion_list(two, "ignored").values.tolist()
    [['b.csv', '', 3, 'E1', 'x', 'blank', 'K']]
    """
    import pandas as pd

    if frame is None:
        frame = pd.DataFrame({c: [] for c in LIST_COLUMNS[2:]})
    out = frame.copy()
    if "file" not in out.columns:
        out["file"] = "" if file is None else file
    if "sheet" not in out.columns:
        out["sheet"] = "" if sheet is None else sheet
    out["sheet"] = out["sheet"].astype(object).where(out["sheet"].notna(), "")
    for name in LIST_COLUMNS[2:]:
        if name not in out.columns:
            out[name] = ""
    rest = [c for c in out.columns if c not in LIST_COLUMNS]
    out = out[[*LIST_COLUMNS, *rest]].reset_index(drop=True)
    return _with_summary_rows(out, inputs) if inputs else out


def _with_summary_rows(listing: pd.DataFrame, inputs: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """``listing`` with the summary rows of ``inputs`` each after the last cell of its file and
    sheet (at the end when the file has none); the cells keep their order.

    >>> import pandas as pd
    >>> cells = exclusion_list(pd.DataFrame({"row": [3, 4], "column": ["E1", "E2"],
    ...     "value": ["", "9"], "reason": ["blank", "out_of_range"],
    ...     "file": ["a.csv", "b.csv"]}))
    >>> inputs = [{"file": "a.csv", "sheet": None, "summary_rows": [{"row": 62,
    ...     "label": "Medelvärde"}]}]
    >>> exclusion_list(cells, inputs=inputs).values.tolist()
    [['a.csv', '', 3, 'E1', '', 'blank'], ['a.csv', '', 62, '', 'Medelvärde', 'summary_row'], \
['b.csv', '', 4, 'E2', '9', 'out_of_range']]
    """
    import pandas as pd

    from servqual_cli.io.summary_rows import summary_row_entries

    entries = pd.DataFrame(summary_row_entries(inputs), columns=list(LIST_COLUMNS))
    if not len(entries):
        return listing
    # place: after the last listed cell of the same file and sheet, else after everything
    where = pd.Series(range(len(listing)), dtype=float)
    last = where.groupby([listing["file"].to_numpy(), listing["sheet"].to_numpy()]).max()
    keys = pd.MultiIndex.from_arrays([entries["file"], entries["sheet"]])
    place = last.reindex(keys).fillna(len(listing)).to_numpy() + 0.5
    rest = [c for c in listing.columns if c not in LIST_COLUMNS]  # (the kpi column): empty
    entries = entries.assign(**dict.fromkeys(rest, ""))[list(listing.columns)]
    order = pd.concat([where, pd.Series(place)], ignore_index=True)
    both = pd.concat([listing, entries], ignore_index=True)
    return both.iloc[order.argsort(kind="stable")].reset_index(drop=True)
