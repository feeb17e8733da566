"""The SERVQUAL charts' data as tables (dimension gaps, item gaps, the group heatmap, the IPA):
part of :mod:`~servqual_cli.report.chart_data`, whose :func:`~servqual_cli.report.chart_data.
figure_frame` picks them by the figure's kind. Nothing is computed: each value is copied from
the figure's data, which the report's results filled."""

from __future__ import annotations

from typing import Any

import pandas as pd

from servqual_cli.report.chart_data_words import bound as _bound
from servqual_cli.report.chart_data_words import labels_of as _labels
from servqual_cli.report.chart_data_words import word as _word

__all__ = ["dimension_gaps", "group_heatmap", "ipa", "item_gaps"]


def dimension_gaps(d: dict[str, Any], lang: str) -> pd.DataFrame:
    """Dimensions: mean E and P, the gap and its interval, the verdict.

    A weighted figure (``weight_column``) says so in the file itself, as the weighted group
    heatmap's: the means are headed by the figure's weighted labels, the gap "Viktat gap
    (P−E)" and a column "Viktkolumn" after the dimension names the weights (session 11: the
    CSV held unweighted means under bare names beside the weighted cards).

    >>> d = {"categories": ["Empati"], "expectation": [6.2], "perception": [4.9],
    ...      "gap": [-1.2], "ci_low": [-1.34], "ci_high": [-1.06], "weight_column": "Vikt",
    ...      "labels": {"expectation": "Viktad förväntan (E)"}}
    >>> list(dimension_gaps(d, "sv").columns)[:4]
    ['Dimension', 'Viktkolumn', 'Viktad förväntan (E)', 'Upplevelse (P)']
    >>> list(dimension_gaps(d, "sv").columns)[4]
    'Viktat gap (P−E)'
    """
    lab = _labels(d)
    weights = d.get("weight_column")
    frame = pd.DataFrame({_word("dimension", lang): d["categories"]})
    if weights:
        frame[_word("weight_column", lang)] = str(weights)
    values = pd.DataFrame(
        {
            lab.get("expectation", _word("expectation", lang)): d["expectation"],
            lab.get("perception", _word("perception", lang)): d["perception"],
            _word("w_mean" if weights else "gap", lang): d["gap"],
            _bound("ci_low", d, lang): d["ci_low"],
            _bound("ci_high", d, lang): d["ci_high"],
            **_verdicts(d, lang),
        }
    )
    return pd.concat([frame, values], axis=1)


def _with_basis(frame: pd.DataFrame, d: dict[str, Any], first: int = 1) -> pd.DataFrame:
    """The value columns (after the ``first`` naming ones) headed with the figure's basis
    ("Gap (P−E), oviktat (urvalet)") when it names one: a weighted report's figure that has
    no weighted form says so in its table and CSV.

    >>> f = pd.DataFrame({"Påstående": ["1"], "Gap (P−E)": [-0.1]})
    >>> list(_with_basis(f, {"labels": {"basis": "oviktat (urvalet)"}}).columns)
    ['Påstående', 'Gap (P−E), oviktat (urvalet)']
    """
    basis = _labels(d).get("basis")
    if not basis:
        return frame
    names = {str(c): f"{c}, {basis}" for c in list(frame.columns)[first:]}
    return frame.rename(columns=names)


def _verdicts(d: dict[str, Any], lang: str) -> dict[str, list[str]]:
    """The verdict the chart shows by shape, in words (when the figure carries one)."""
    codes, words = d.get("verdict"), d.get("verdict_labels") or {}
    if codes is None:
        return {}
    return {_word("verdict", lang): [str(words.get(c, c)) for c in codes]}


def item_gaps(d: dict[str, Any], lang: str) -> pd.DataFrame:
    """Items: the chart's label, the item's full wording when the figure has it (the label is
    cut for the axis: review 10a, finding 8), its n, the gap, its interval, the adjusted p the
    verdict follows (when the figure has it) and the verdict.

    >>> d = {"categories": ["1 · Lokalerna är…"], "statements": ["Lokalerna är tilltalande."],
    ...      "n": [388], "gap": [-0.22], "ci_low": [-0.37], "ci_high": [-0.07]}
    >>> list(item_gaps(d, "sv").columns)
    ['Påstående', 'Formulering', 'n', 'Gap (P−E)', 'KI låg', 'KI hög']
    """
    lab = _labels(d)
    first = lab.get("item", _word("item", lang))
    frame = pd.DataFrame({first: d["categories"]})
    if d.get("statements") is not None:
        frame[_word("statement", lang)] = [str(t) if t else "" for t in d["statements"]]
    if d.get("n") is not None:
        frame["n"] = pd.array(d["n"], dtype="Int64")
    values = pd.DataFrame(
        {
            _word("gap", lang): d["gap"],
            _bound("ci_low", d, lang): d["ci_low"],
            _bound("ci_high", d, lang): d["ci_high"],
            # the adjusted p the verdict follows, headed by its rule (review 15, finding 4)
            **({} if d.get("p_adjusted") is None else {lab.get("p", "p"): d["p_adjusted"]}),
            **_verdicts(d, lang),
        }
    )
    return _with_basis(pd.concat([frame, values], axis=1), d, first=len(frame.columns))


def group_heatmap(d: dict[str, Any], lang: str) -> pd.DataFrame:
    """Groups by dimensions: each dimension's gap, then (when the figure has them) the adjusted
    p its cell follows, in a column named by its rule ("Empati, p (Holm, 15 test, …)"), so the
    table and the CSV say why a cell is in parentheses (review 6, finding 5).

    A weighted heatmap (``weight_column``: a report's survey weights) says so in the file
    itself: each gap column is "Empati, Viktat gap (P−E)" and a column "Viktkolumn" after n
    names the weights (session 11: the CSV held weighted gaps under bare dimension names).
    A group below ``min_n`` (``small_base``) is a row like the others, flagged in a column after
    n (and "Viktkolumn") as in the per-group table ("Litet underlag": "ja"; review 12b, finding
    1: it was left out).

    >>> d = {"rows": ["Kvinna"], "columns": ["Empati"], "values": [[-1.3]], "n": [178],
    ...      "weight_column": "Vikt"}
    >>> list(group_heatmap(d, "sv").columns)
    ['Rad', 'n', 'Viktkolumn', 'Empati, Viktat gap (P−E)']
    >>> d = {"rows": ["Bad", "Simhall"], "columns": ["Empati"], "values": [[0.1], [-1.3]],
    ...      "n": [60, 12], "small_base": [False, True],
    ...      "labels": {"small_base": "Litet underlag", "yes": "ja"}}
    >>> group_heatmap(d, "sv")["Litet underlag"].tolist()
    ['', 'ja']
    """
    lab = _labels(d)
    dims = [str(c) for c in d["columns"]]
    weights = d.get("weight_column")
    # the gap columns' names: the dimension, and with weights what the value is
    named = dims if not weights else [f"{c}, {_word('w_mean', lang)}" for c in dims]
    gaps = pd.DataFrame(d["values"], columns=named, dtype=float)
    frame = pd.DataFrame({lab.get("rows", _word("rows", lang)): [str(r) for r in d["rows"]]})
    frame["n"] = pd.array(d["n"], dtype="Int64")
    if weights:
        frame[_word("weight_column", lang)] = str(weights)
    small = d.get("small_base")  # a group below min_n: hatched, flagged as in its table
    if small is not None:
        flag = lab.get("yes", "yes")
        frame[lab.get("small_base", "Small base")] = [flag if s else "" for s in small]
    p = d.get("p_adjusted")
    cell_n = d.get("cell_n")  # each cell's own n (review 10a, finding 8: the row's n only)
    if p is None and cell_n is None:
        return pd.concat([frame, gaps], axis=1)
    p_label = lab.get("p", "p")
    adjusted = None if p is None else pd.DataFrame(p, columns=dims, dtype=float)
    counts = None if cell_n is None else pd.DataFrame(cell_n, columns=dims, dtype="Int64")
    pairs = {}
    for c, name in zip(dims, named, strict=True):  # the few dimensions; each column is whole
        pairs[name] = gaps[name]
        if counts is not None:
            pairs[f"{c}, n"] = counts[c].reindex(index=gaps.index)
        if adjusted is not None:
            pairs[f"{c}, {p_label}"] = adjusted[c].reindex(index=gaps.index)
    return pd.concat([frame, pd.DataFrame(pairs)], axis=1)


def ipa(d: dict[str, Any], lang: str) -> pd.DataFrame:
    """Dimensions: importance and perception as the chart places them and, when the figure
    has them, what the IPA table shows with them: each mean's n and interval and the quadrant
    in the table's words, "(osäker)" included (review 10a, finding 8: a reader redrawing the
    chart from its CSV could not tell which placements are uncertain).

    >>> d = {"points": ["Empati"], "importance": [16.6], "performance": [4.99],
    ...      "n_importance": [389], "importance_ci": [[15.9], [17.4]], "n_performance": [400],
    ...      "performance_ci": [[4.87], [5.11]], "quadrant": ["lägre, lägre"], "conf": 0.95,
    ...      "labels": {"x": "Upplevelse", "y": "Viktighet", "n_x": "n (upplevelse)",
    ...                 "n_y": "n (viktighetspoäng)", "quadrant": "Kvadrant"}}
    >>> list(ipa(d, "sv").columns)  # doctest: +NORMALIZE_WHITESPACE
    ['Dimension', 'n (viktighetspoäng)', 'Viktighet', 'Viktighet, 95\xa0% KI låg',
     'Viktighet, 95\xa0% KI hög', 'n (upplevelse)', 'Upplevelse',
     'Upplevelse, 95\xa0% KI låg', 'Upplevelse, 95\xa0% KI hög', 'Kvadrant']
    """
    lab = _labels(d)
    columns: dict[str, Any] = {_word("dimension", lang): d["points"]}
    for axis, key in (("y", "importance"), ("x", "performance")):
        name = lab.get(axis, axis)
        if d.get(f"n_{key}") is not None:
            columns[lab.get(f"n_{axis}", "n")] = pd.array(d[f"n_{key}"], dtype="Int64")
        columns[name] = d[key]
        bounds = d.get(f"{key}_ci")
        if bounds is not None:
            for bound, values in zip(("ci_low", "ci_high"), bounds, strict=True):
                columns[f"{name}, {_bound(bound, d, lang)}"] = values
    if d.get("quadrant") is not None:
        columns[lab.get("quadrant", _word("quadrant", lang))] = d["quadrant"]
    return _with_basis(pd.DataFrame(columns), d)
