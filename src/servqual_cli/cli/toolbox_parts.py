"""Pieces the toolbox commands (:mod:`~servqual_cli.cli.toolbox`) share: the title, groups as row
masks and the note on respondents without one, the one tidy CSV table, the weighted summaries
of ``tolerance`` and ``items`` (``--weight-column``), ``--scale-range``, and the check that
``knowledge-gap``'s two files are two files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from servqual_cli.report.spec import Section


def toolbox_title(prefix: str, table: Any) -> str:
    return f"{prefix} – {table.describe()['file']}"


def split_groups(groups: np.ndarray | None) -> list[tuple[str, np.ndarray]]:
    """(group name, row mask) in sorted order; rows without a group are in no group."""
    import numpy as np
    import pandas as pd

    if groups is None:
        return []
    labels = pd.Series(groups, dtype=object)
    names = sorted(str(g) for g in labels.dropna().unique())
    return [(g, np.asarray(labels.eq(g).to_numpy(), dtype=bool)) for g in names]


def without_group(by: str, n: int, lang: str) -> list[Section]:
    """A note naming the respondents left out of the group tables (none: no note)."""
    from servqual_cli.report.labels import count_text, label
    from servqual_cli.report.spec import Section, Text

    if not n:
        return []
    text = label("without_group", lang).format(by=by, n=count_text(n, lang))
    return [Section("", (Text(text, "note"),))]


def tidy_table(parts: list[tuple[str, str, list[dict[str, Any]]]]) -> pd.DataFrame:
    """One CSV table: a row per (group, level, name) with every statistic."""
    import pandas as pd

    frames = []
    for group, level, rows in parts:
        frame = pd.DataFrame(rows)
        if frame.empty:
            continue
        key = "dimension" if level == "dimension" and "dimension" in frame else frame.columns[0]
        frame = frame.rename(columns={key: "name"})
        frame.insert(0, "level", level)
        frame.insert(0, "group", group)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def weighted_tolerance(a: Any, d: Any, p: Any, data: Any, conf: float) -> Any:
    """Weighted dimension MSA, MSS and shares below A / above D."""
    import numpy as np

    from servqual_cli.core.scoring import dimension_means
    from servqual_cli.core.survey_weights import weighted_summary

    ok = ~(np.isnan(a) | np.isnan(d) | np.isnan(p))
    dims = data.dimension_positions
    da, dd, dp = (dimension_means(x, ok, dims) for x in (a, d, p))
    cols: dict[str, Any] = {}
    for j, name in enumerate(dims):
        valid = ~np.isnan(dp[:, j])
        cols[f"{name}: msa"] = dp[:, j] - da[:, j]
        cols[f"{name}: mss"] = dp[:, j] - dd[:, j]
        cols[f"{name}: share_below_adequate"] = np.where(valid, dp[:, j] < da[:, j], np.nan)
        cols[f"{name}: share_above_desired"] = np.where(valid, dp[:, j] > dd[:, j], np.nan)
    return weighted_summary(cols, data.weights, data.weight_column or "", conf)


def weighted_rows(weighted: dict[str, Any]) -> list[dict[str, Any]]:
    """``tolerance``'s weighted estimates as rows of the CSV (level ``weighted``, name
    "Reliability: MSA (P−A)", the English terminal's words as in ``gap``'s), the MSA and MSS rows
    with their dimension's weighted position (review 13, finding 5: -f csv and xlsx had no
    weighted row).

    >>> w = {"estimates": [{"name": "A: msa", "mean": 0.5}, {"name": "A: top", "mean": 0.1}],
    ...      "dimensions": [{"dimension": "A", "position": "inside"}]}
    >>> [(r["name"], r.get("position")) for r in weighted_rows(w)]
    [('A: MSA (P−A)', 'inside'), ('A: top', None)]
    """
    from servqual_cli.report.toolbox_sections import estimate_label

    # the position and why (the sample's inverted zones, review 17, finding 21: null beside it)
    keys = ("position", "n_inverted_items", "inverted_zone")
    where = {r["dimension"]: {k: r.get(k) for k in keys} for r in weighted["dimensions"]}
    empty = dict.fromkeys(keys)
    rows = []
    for r in weighted["estimates"]:  # a few rows per dimension, not the respondents
        dimension, _, quantity = str(r["name"]).rpartition(": ")
        found = where.get(dimension, empty) if quantity in ("msa", "mss") else empty
        # the terminal's English words, not the JSON's key (session 17: "Reliability: msa")
        rows.append({**r, "name": estimate_label(str(r["name"]), "en"), **found})
    return rows


def with_weighted_items(
    tidy: pd.DataFrame, weighted: dict[str, Any] | None, sets: dict[str, str]
) -> pd.DataFrame:
    """``items``' CSV with the weighted estimates as rows (review 13, finding 5: -f csv and
    xlsx had none): a first column ``level``, ``item`` for the distributions and ``weighted``
    for the estimates (item "P3: Top 2", the English terminal's words as ``gap``'s
    "Reliability: Gap (P−E)", with its ``set``), the estimate in ``mean`` beside ``se``,
    ``ci_low``, ``ci_high``, ``n_eff`` and ``unweighted_mean``. Unchanged without weights.

    >>> import pandas as pd
    >>> tidy = pd.DataFrame({"item": ["P3"], "set": ["perception"], "n": [4], "mean": [5.0]})
    >>> w = {"estimates": [{"name": "P3: top2", "n": 3, "mean": 0.7, "se": 0.2}]}
    >>> with_weighted_items(tidy, w, {"P3": "perception"}).values.tolist()[1]
    ['weighted', 'P3: Top 2', 'perception', 3, 0.7, 0.2]
    """
    import pandas as pd

    if weighted is None:
        return tidy
    from servqual_cli.report.toolbox_sections import estimate_label

    rows = pd.DataFrame(weighted["estimates"]).rename(columns={"name": "item"})
    labels = rows["item"].astype(str).str.rpartition(": ")[0]
    rows.insert(1, "set", labels.map(sets).fillna(""))
    # the terminal's English words, not the JSON's key (session 17: "P3: top2")
    rows["item"] = [estimate_label(str(v), "en") for v in rows["item"]]
    out = pd.concat([tidy, rows], ignore_index=True)
    out.insert(0, "level", ["item"] * len(tidy) + ["weighted"] * len(rows))
    return out


def weighted_items(
    values: np.ndarray,
    labels: list[str],
    bounds: tuple[float, float],
    weights: np.ndarray,
    column: str | None,
    conf: float,
) -> Any:
    """Weighted mean, top-2 and bottom-2 shares of every item."""
    import numpy as np

    from servqual_cli.core.survey_weights import weighted_summary

    lo, hi = bounds
    cols: dict[str, np.ndarray] = {}
    for j, name in enumerate(labels):  # a loop over items; each is vectorised over rows
        x = values[:, j]
        valid = ~np.isnan(x)
        cols[f"{name}: mean"] = x
        cols[f"{name}: top2"] = np.where(valid, x >= hi - 1, np.nan)
        cols[f"{name}: bottom2"] = np.where(valid, x <= lo + 1, np.nan)
    return weighted_summary(cols, weights, column or "", conf)


def parse_scale_range(text: str | None) -> tuple[float, float] | None:
    """``--scale-range`` as (min, max): two finite numbers, min below max, ``,`` or ``;``
    between them (one parser for every command that takes the option)."""
    import math

    from servqual_cli.errors import UsageError

    if text is None:
        return None
    parts = text.replace(";", ",").split(",")
    try:
        lo, hi = (float(p) for p in parts)
    except ValueError as exc:
        raise UsageError(f"--scale-range must be min,max such as 1,6, got {text!r}",
                         code="scale_range_form", facts={"text": text}) from exc  # fmt: skip
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise UsageError(f"--scale-range must be two finite numbers such as 1,6, got {text!r}",
                         code="scale_range_finite", facts={"text": text})  # fmt: skip
    if lo >= hi:
        raise UsageError(f"--scale-range min must be below max, got {text!r}",
                         code="scale_range_order", facts={"text": text})  # fmt: skip
    return lo, hi


def check_two_surveys(
    customers: str, staff: str, sheets: tuple[object, object] = (None, None)
) -> None:
    """``knowledge-gap`` refuses one file given as both CUSTOMERS and STAFF (review 7, finding
    10: the citizens' E read as the staff's picture gave every difference 0,00 and "no
    difference"). Files with the same SHA-256 hold the same data, and both are read with the
    same options, so the comparison would be of a survey with itself. Hashed only when the
    sizes agree (a stat, not a read, for the usual two different files). One workbook with
    the citizens and the staff on two ``sheets`` (``--sheet``, ``--staff-sheet``) passes
    (review 13, finding 7: survey tools export a sheet per respondent group).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name, text in (("a.csv", "x"), ("b.csv", "x"), ("c.csv", "y")):
    ...     _ = (d / name).write_text(text)
    >>> check_two_surveys(str(d / "a.csv"), str(d / "c.csv"))  # different data: no error
    >>> check_two_surveys(str(d / "a.csv"), str(d / "a.csv"), ("Svar", "Personal"))
    >>> check_two_surveys(str(d / "a.csv"), str(d / "b.csv"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    servqual_cli.errors.UsageError: CUSTOMERS (a.csv) and STAFF (b.csv) are the same file ...
    """
    import hashlib
    from pathlib import Path

    from servqual_cli.errors import UsageError

    paths = [Path(customers), Path(staff)]
    if not all(p.is_file() for p in paths):  # stdin or a missing file: the reader says so
        return
    if sheets[0] != sheets[1]:  # two sheets: the reader's sheet names are compared after
        return
    if paths[0].stat().st_size != paths[1].stat().st_size:
        return
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    if digests[0] == digests[1]:
        raise UsageError(
            f"CUSTOMERS ({paths[0].name}) and STAFF ({paths[1].name}) are the same file (the "
            "same SHA-256) and sheet: give the staff survey as STAFF, the second file, or the "
            "staff's sheet in the same workbook with --staff-sheet NAME",
            code="same_survey_twice",
            facts={"customers": paths[0].name, "staff": paths[1].name},
        )
