"""The tables of the reliability sections (:mod:`~servqual_cli.report.reliability_sections`
and :mod:`~servqual_cli.report.reliability_validity`): number formats, headers and sheet names in
the report's language, and the scale and item frames the CSV outputs share."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

from servqual_cli.core.reliability import AlphaResult
from servqual_cli.core.reliability_screen import PROBLEMS
from servqual_cli.report.catalog import RELIABILITY as LABELS
from servqual_cli.report.catalog import RELIABILITY_PROBLEMS as _PROBLEMS
from servqual_cli.report.catalog import RELIABILITY_SHEETS as _SHEETS
from servqual_cli.report.catalog import dimension_name, item_name, label, scale_name
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.spec import Table

FORMATS = {
    "n": "d",
    "item_n": "d",
    "k": "d",
    "alpha": ".3f",
    "alpha_std": ".3f",
    "average_r": ".3f",
    "omega_total": ".3f",
    "ci_low": ".3f",
    "ci_high": ".3f",
    "alpha_if_deleted": ".3f",
    "item_rest_r": ".3f",
    "mean": ".2f",
    "sd": ".2f",
    "kmo": ".3f",
    "bartlett_chi2": ".1f",
    "bartlett_p": "p",
    "cfa_chi2": ".1f",
    "cfa_df": "d",
    "cfi": ".3f",
    "tli": ".3f",
    "rmsea": ".3f",
    "srmr": ".3f",
    "composite_reliability": ".3f",
    "ave": ".3f",
}


def sheet_name(key: str, lang: str) -> str:
    """Excel sheet name in the report's language."""
    sv, en = _SHEETS[key]
    return sv if lang == "sv" else en


def rel_label(key: str, lang: str) -> str:
    """A reliability label (headers, notes) in the report's language."""
    return label(key, lang, LABELS)


def problem_label(key: str, lang: str) -> str:
    """Why a value is withdrawn (a :data:`PROBLEMS` code) in the report's language."""
    return label(key, lang, _PROBLEMS)


def withdrawn_note(shown: Sequence[tuple[str, str]], key: str, lang: str) -> str | None:
    """Which values are shown as "–" and why: ``shown`` holds (what, problem code) pairs.

    >>> withdrawn_note([("Perception, whole scale", "not_converged")], "omega_withdrawn", "en")
    "McDonald's ω cannot be computed (–): the fit did not converge: Perception, whole scale."
    """
    if not shown:
        return None
    reasons = "; ".join(
        f"{problem_label(code, lang)}: {', '.join(what for what, c in shown if c == code)}"
        for code in PROBLEMS
        if any(c == code for _, c in shown)
    )
    return problem_label(key, lang).format(reasons=reasons)


def rel_table(
    frame: pd.DataFrame,
    title: str,
    lang: str,
    sheet: str,
    note: str | None = None,
    signed: Sequence[str] = (),
    own_items: bool = False,
    conf: float | None = None,
) -> Table:
    """``own_items`` keeps item columns as the user named them (``alpha`` takes any item set, so
    the instrument's "E3 → Statement 3" relabelling would give different items one name);
    ``conf`` puts the interval's level in its headers ("95 % KI låg", review 5 item 21)."""
    heads = {c: rel_label(c, lang) for c in frame.columns}
    if conf is not None:
        for c in ("ci_low", "ci_high"):
            if c in heads:
                heads[c] = f"{level_text(conf, lang)} {heads[c]}"
    formats = {heads.get(k, rel_label(k, lang)): v for k, v in FORMATS.items()}
    frame = frame.copy()
    names = (("scale", scale_name), ("score", scale_name), ("item", item_name))
    for col, name in names[:2] if own_items else names:
        if col in frame.columns:  # readers' words, not codes such as "E:Tangibles" or "P1-E1"
            frame[col] = [name(v, lang) for v in frame[col]]
    if "reversed" in frame.columns:  # items_frame's flag: the item marked, as the EFA's (s18)
        from servqual_cli.report.reverse_note import mark_reversed

        flag = frame.pop("reversed").astype(bool).to_numpy()
        frame.loc[flag, "item"] = [mark_reversed(str(v), lang) for v in frame.loc[flag, "item"]]
    if "factor" in frame.columns:
        frame["factor"] = [dimension_name(v, lang) for v in frame["factor"]]
    renamed = frame.rename(columns=heads)
    return Table(title, renamed, formats, tuple(rel_label(s, lang) for s in signed), note, sheet)


SCALE_COLUMNS = ["scale", "n", "k", "alpha", "ci_low", "ci_high", "alpha_std", "average_r",
                 "omega_total"]  # fmt: skip
ITEM_COLUMNS = ["scale", "item", "item_n", "alpha_if_deleted", "item_rest_r", "mean", "sd"]


def scales_frame(scales: Sequence[AlphaResult]) -> pd.DataFrame:
    """One row per scale: scale, n, k, alpha, ci_low, ci_high, alpha_std, average_r, omega.

    With no scale (all skipped) the frame is empty but keeps its columns.
    """
    if not scales:
        return pd.DataFrame(columns=SCALE_COLUMNS)
    return pd.DataFrame(
        [
            {
                "scale": s.scale,
                "n": s.n,
                "k": s.k,
                "alpha": s.alpha,
                "ci_low": s.ci_low,
                "ci_high": s.ci_high,
                "alpha_std": s.alpha_std,
                "average_r": s.average_r,
                "omega_total": s.omega_total,
            }
            for s in scales
        ]
    )


def items_frame(
    scales: Sequence[AlphaResult], reversed_items: Collection[str] | None = None
) -> pd.DataFrame:
    """One row per (scale, item): the item's n, alpha if deleted, item-rest r, mean, SD.

    The item's n is ``item_n`` (the core's ``n``), so a frame merged with
    :func:`scales_frame` keeps ``n`` for the scale's (the ``reliability`` CSV's columns).
    With ``reversed_items`` (the reversed items' column names, ``E4``, ``P4-E4``) a boolean
    ``reversed`` column follows ``item``: data a pipeline filters on, where the CSV's item
    keeps its code; :func:`rel_table` marks those items "(omvänt)" and drops the column, as
    the EFA table marks them (session 18, b-left)."""
    parts = []
    for s in scales:
        part = s.items[["item", "n", "alpha_if_deleted", "item_rest_r", "mean", "sd"]].copy()
        part = part.rename(columns={"n": "item_n"})
        part.insert(0, "scale", s.scale)
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=ITEM_COLUMNS)
    if reversed_items is not None:
        frame.insert(2, "reversed", frame["item"].astype(str).isin(set(reversed_items)))
    return frame
