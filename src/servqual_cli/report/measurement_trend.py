"""Document sections of the before/after comparison of contact KPIs (``servqual trend``, the
report): the totals, the per-area changes and the minimum detectable changes.

Split from :mod:`servqual_cli.report.measurement_sections` (which re-exports it) by job.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd

from servqual_cli.core.contacts import ALL, SPECS
from servqual_cli.report.catalog_shared import ADJUST_METHODS
from servqual_cli.report.measurement_tables import (
    _CHANNEL_ORDER,
    AREA_KPIS,
    code_labels,
    display_scale,
    kpi_names,
    labelled_table,
    ml,
)
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Section, Table, Text

__all__ = ["adjusted_p_label", "mdd_lines", "shift_columns", "trend_sections"]


def adjusted_p_label(adjust: str, m: int, lang: str) -> str:
    """The header of an adjusted p column: the method and the size of its family.

    >>> adjusted_p_label("holm", 24, "en"), adjusted_p_label("none", 24, "sv")
    ('p (Holm, 24 comparisons)', 'p (ojusterat, 24 jämförelser)')
    """
    name = ADJUST_METHODS.get(adjust) or ml("unadjusted", lang)
    return f"p ({name}, {ml('n_comparisons', lang).format(m=m)})"


def _comparison_table(
    title: str,
    comparisons: pd.DataFrame,
    lang: str,
    note: str,
    p_label: str | None = None,
    conf: float | None = None,
) -> Table:
    """Comparison rows in display units: shares and index x 100, changes in points.

    With ``p_label`` the p column is the adjusted one (``p_adjusted``) under that header."""
    t = comparisons.copy()
    scale = display_scale(t["kpi"])
    for col in ("before", "after", "diff", "ci_low", "ci_high", "mdd", "value_diff"):
        if col in t:
            t[col] = t[col].to_numpy(dtype=float) * scale
    t["kpi"] = kpi_names(t, lang)
    area = ["area"] if t["area"].ne(ALL).any() else []
    # n before and after as two columns of numbers (Excel keeps them as numbers, issue #9)
    p_col = "p_adjusted" if p_label else "p"
    shift = shift_columns(t, lang)  # review 4 finding 1: times show the medians' difference too
    cols = ["kpi", *area, "before", "after", *shift[:1], "diff", "ci_low", "ci_high", p_col,
            "n_before", "n_after", "mdd", "verdict"]  # fmt: skip
    digits = {c: ".1f" for c in ("before", "after", "ci_low", "ci_high", "mdd")}
    digits.update({"diff": "+.1f", "value_diff": "+.1f", "n_before": "d", "n_after": "d"})
    sheet = ("Per område", "Per area") if area else ("Förändring", "Change")
    rename = {"diff": shift[1] if shift else ml("change", lang)}
    if p_label:  # the p is adjusted, the intervals are not: both headers say so (finding 6)
        rename.update({"p_adjusted": p_label, "ci_low": ml("ci_low_unadjusted", lang),
                       "ci_high": ml("ci_high_unadjusted", lang)})  # fmt: skip
    return labelled_table(
        title, code_labels(t[cols], lang), lang, digits, note, sheet, rename=rename, conf=conf
    )


def shift_columns(t: pd.DataFrame, lang: str) -> tuple[str, str] | tuple[()]:
    """For comparison rows in display units that hold a time (Hodges-Lehmann shift): set
    ``t["value_diff"]`` to the medians' difference on those rows only (NaN elsewhere) and
    return its column and the header of the change column that names the shift; else ().

    >>> t = pd.DataFrame({"estimate": ["difference", "hodges-lehmann shift"],
    ...                   "value_diff": [5.0, -6.2]})
    >>> shift_columns(t, "sv"), t["value_diff"].tolist()
    (('value_diff', 'Förändring (tider: förskjutning)'), [nan, -6.2])
    """
    from servqual_cli.core.trend import ESTIMATES

    if "estimate" not in t or not t["estimate"].eq(ESTIMATES[1]).any():
        return ()
    t["value_diff"] = t["value_diff"].where(t["estimate"].eq(ESTIMATES[1]))
    return "value_diff", ml("change_shift", lang)


def _mdd_note(rows: pd.DataFrame, lang: str, adjust: str) -> str:
    """What the MDD column is (review 7 findings 1 and 4): from the interval's half-width, and
    with an adjustment at the adjusted level; empty when the table shows no MDD."""
    if not rows["mdd"].notna().any():
        return ""
    note = " " + ml("mdd_design_note", lang)
    if adjust != "none":
        note += " " + ml("mdd_adjusted_note", lang)
    return note


def mdd_lines(
    comparisons: pd.DataFrame, lang: str, power: float, conf: float, adjust: str = "holm"
) -> list[str]:
    """For each KPI in total: "a true change of N would be detected with 80 % probability", and
    the critical difference beside it, both from the core
    (:func:`~servqual_cli.core.trend.compare_kpis`: ``mdd``, ``critical`` and
    ``critical_unadjusted``). With an adjustment (``adjust``, as compare_kpis used) N and the
    critical difference are at the level the comparison's own p must reach for its adjusted p
    to be below 1 - conf, the other totals as they are, which the verdict follows (review 7
    finding 1: N was before the adjustment and the threshold at the level the observed p
    happened to need), and the unadjusted threshold is in brackets. N is
    (z_{1-level/2} + z_{power}) · SE with the design's SE, the interval's half-width over z
    (review 7 finding 4), and never below the threshold beside it (Bloom 1995; Cohen 1988,
    *Statistical Power Analysis*, ch. 12); the threshold's test part is z_{1-level/2} times the
    same SE, "about", as for the rank tests it is approximate (review 8 finding 1)."""
    total = comparisons[comparisons["area"].eq(ALL)]
    total = total.assign(
        _o=total["kpi"].map({k: i for i, k in enumerate(SPECS)}),
        _c=total["channel"].map(_CHANNEL_ORDER),
    ).sort_values(["_o", "_c"])
    pct = round(power * 100)
    lines = [ml("mdd_intro", lang).format(power=pct, alpha=round((1 - conf) * 100))]
    units = {"share": "pp", "index": "index_points", "seconds": "seconds", "hours": "hours"}
    from servqual_cli.core.trend import total_family_size

    adjusted = adjust != "none"
    family = total_family_size(comparisons)
    columns = [total[c].tolist() for c in ("kpi", "channel", "mdd", "n_before", "n_after",
                                           "critical", "critical_unadjusted",
                                           "before")]  # fmt: skip
    for kpi, channel, mdd, n1, n2, at_level, unadjusted, before_share in zip(*columns, strict=True):
        spec = SPECS[str(kpi)]
        name = ml(str(kpi), lang)
        if len(spec.channels) > 1:
            name = f"{name}, {ml(str(channel), lang)}"
        if mdd is None or math.isnan(float(mdd)):
            # review 8 finding 2: a share at 0 or 100 % the year before has no design SE, which
            # is not "no change can be detected"
            share = float(before_share) if spec.unit == "share" else math.nan
            if share in (0.0, 1.0):
                text = ml("no_mdd_baseline", lang).format(share=round(share * 100))
            else:
                text = ml("no_mdd", lang).format(power=pct)
            lines.append(f"{name}: {text}")
            continue
        scale = 100 if spec.unit in ("share", "index") else 1
        digits = 1 if spec.unit == "hours" else 0
        shown = fmt_number(float(mdd) * scale, lang, digits)
        critical = fmt_number(float(unadjusted) * scale, lang, digits)
        unit = ml(units[spec.unit], lang)
        args = {"kpi": name, "value": shown, "unit": unit, "n1": n1, "n2": n2, "power": pct,
                "critical": critical}  # fmt: skip
        if adjusted and not math.isnan(float(at_level)):
            args.update(
                unadjusted=critical,
                critical=fmt_number(float(at_level) * scale, lang, digits),
                method=ADJUST_METHODS.get(adjust, adjust),
                m=family,
            )
            lines.append(ml("mdd_line_adjusted", lang).format(**args))
        else:
            lines.append(ml("mdd_line", lang).format(**args))
    return lines


def trend_sections(
    comparisons: pd.DataFrame,
    before: str,
    after: str,
    lang: str,
    power: float = 0.8,
    conf: float = 0.95,
    adjust: str = "holm",
    family_size: int | None = None,
) -> list[Section]:
    """The totals, the per-area changes (worse first) and the minimum detectable changes.

    The per-area table shows the p adjusted over the family of ``family_size`` per-area
    comparisons by ``adjust`` (its header names both; ``adjust`` must be the method
    :func:`~servqual_cli.core.trend.compare_kpis` used); the totals are a family of their own,
    adjusted the same way (their header names it too)."""
    heading = f"{before} → {after}"
    total = comparisons[comparisons["area"].eq(ALL)]
    # Per area only the memo's main KPIs: with 6-7 contacts per area and channel the rest is
    # noise on the screen (JSON and CSV keep every comparison).
    pairs = pd.MultiIndex.from_frame(comparisons[["kpi", "channel"]])
    per_area = comparisons[comparisons["area"].ne(ALL) & pairs.isin(AREA_KPIS)]
    note = f"{ml('units_note', lang)} {ml('trend_note', lang)}"
    from servqual_cli.core.trend import total_family_size

    total_label = adjusted_p_label(adjust, total_family_size(comparisons), lang)
    note = f"{note} {ml('total_adjust_note', lang).format(label=total_label)}"
    note += _mdd_note(total, lang, adjust)
    blocks: list[Table | Text] = [
        _comparison_table(
            f"{ml('trend_total', lang)} {heading}", total, lang, note, total_label, conf
        )
    ]
    if len(per_area):
        # the heading says the order the rows are in: deteriorations first only when there are
        # some (sort_comparisons), else the KPIs' and areas' own order
        any_worse = bool(per_area["verdict"].eq("worse").any())
        title = f"{ml('trend_area' if any_worse else 'trend_area_none', lang)} {heading}"
        area_note = ml("area_note", lang).format(power=round(power * 100))
        if not any_worse:
            area_note = f"{ml('no_area_worse', lang)} {area_note}"
        if family_size is None:  # the core's count of the family compare_kpis adjusted over
            from servqual_cli.core.trend import area_family_size

            family_size = area_family_size(comparisons)
        label = adjusted_p_label(adjust, family_size, lang)
        area_note = f"{area_note} {ml('adjust_note', lang).format(label=label)}"
        area_note += _mdd_note(per_area, lang, adjust)
        per_area_table = _comparison_table(title, per_area, lang, area_note, label, conf)
        blocks.append(replace(per_area_table, appendix=True))  # detail: the report's appendix
    lines = mdd_lines(comparisons, lang, power, conf, adjust)
    return [
        Section("", tuple(blocks)),
        Section(ml("mdd_title", lang), tuple(Text(line) for line in lines)),
    ]
