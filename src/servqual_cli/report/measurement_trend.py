"""Document sections of the before/after comparison of contact KPIs (``servqual trend``, the
report): the totals, the per-area changes and the minimum detectable changes.

Split from :mod:`servqual_cli.report.measurement_sections` (which re-exports it) by job.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from servqual_cli.core.contacts import ALL, SPECS
from servqual_cli.report.catalog_shared import ADJUST_METHODS
from servqual_cli.report.conf_level import level_text
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

__all__ = [
    "AreaNoteFacts",
    "adjusted_p_label",
    "area_note",
    "area_note_facts",
    "area_rows",
    "mdd_lines",
    "shift_columns",
    "trend_sections",
]


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


def area_rows(comparisons: pd.DataFrame) -> pd.DataFrame:
    """The per-area table's rows: every area but the total, the memo's main KPIs only (with a
    handful of contacts per area and channel the rest is noise on the screen; JSON and CSV keep
    every comparison)."""
    pairs = pd.MultiIndex.from_frame(comparisons[["kpi", "channel"]])
    return comparisons[comparisons["area"].ne(ALL) & pairs.isin(AREA_KPIS)]


@dataclass(frozen=True)
class AreaNoteFacts:
    """What the per-area note states, taken from the per-area table (review 9 finding 2).

    ``n_min``/``n_max``: the smallest and largest n of the table's n before and n after
    columns; ``family``: the per-area comparisons ``adjust`` (holm, bh, none) was applied over.
    (What an MDD "–" means is in the MDD note beside it.)"""

    n_min: int
    n_max: int
    family: int
    adjust: str
    conf: float


def area_note_facts(rows: pd.DataFrame, adjust: str, family: int, conf: float) -> AreaNoteFacts:
    """The facts of :func:`area_note` from the per-area table's rows (:func:`area_rows`).

    >>> rows = pd.DataFrame({"n_before": [24, 31], "n_after": [56, 40]})
    >>> f = area_note_facts(rows, "holm", 112, 0.95)
    >>> (f.n_min, f.n_max, f.family)
    (24, 56, 112)
    """
    n = np.r_[rows["n_before"].to_numpy(dtype=float), rows["n_after"].to_numpy(dtype=float)]
    return AreaNoteFacts(int(n.min()), int(n.max()), int(family), adjust, conf)


def area_note(facts: AreaNoteFacts, lang: str) -> str:
    """The per-area table's note: its n (a range, from the table) and the sentence about
    chance that matches the adjustment used: Holm bounds the chance of any false change among
    the family (the family-wise error rate; Holm 1979), Benjamini-Hochberg the expected share
    of false changes among those called changes (the false discovery rate; Benjamini &
    Hochberg 1995, valid for independent or positively dependent tests, Benjamini & Yekutieli
    2001), and without an adjustment each comparison where nothing changed looks like a
    change with probability 1 - conf. The verdict also needs the (unadjusted) interval to
    exclude 0, which only removes verdicts, so the bounds hold.

    >>> f = AreaNoteFacts(24, 56, 112, "holm", 0.95)
    >>> area_note(f, "en")  # doctest: +NORMALIZE_WHITESPACE
    "Per area and channel the comparisons rest on 24–56 contacts per period (the columns n
    before and n after); how large a change can be detected is in the MDD column. Holm's
    adjustment keeps the chance that any of the 112 per-area comparisons shows a change that
    is only chance at or below 5%."
    >>> area_note(AreaNoteFacts(6, 6, 4, "none", 0.9), "sv")  # doctest: +NORMALIZE_WHITESPACE
    'Per område och kanal bygger jämförelserna på 6 kontakter per period (kolumnerna n före och
    n efter); hur stor förändring som kan påvisas står i kolumnen Minsta påvisbara. p
    (ojusterat, 4 jämförelser): bedömningen följer varje jämförelses eget p, och av de
    jämförelser där inget har förändrats kommer ungefär 10\\xa0% (1 av 10) att se ut som en
    förändring.'
    """
    low, high = (fmt_number(v, lang, 0) for v in (facts.n_min, facts.n_max))
    parts = [ml("area_note", lang).format(n=low if low == high else f"{low}–{high}")]
    alpha = 1.0 - facts.conf
    fields = {"alpha": level_text(alpha, lang), "m": fmt_number(facts.family, lang, 0)}
    if facts.adjust == "none":
        k = round(1.0 / alpha)
        whole = abs(1.0 / alpha - k) < 1e-9  # "1 in 20" only where it is exact
        fields["one_in"] = ml("one_in", lang).format(k=k) if whole else ""
        fields["label"] = adjusted_p_label("none", facts.family, lang)
    parts.append(ml(f"area_chance_{facts.adjust}", lang).format(**fields))
    return " ".join(parts)


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
    per_area = area_rows(comparisons)
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
        if family_size is None:  # the core's count of the family compare_kpis adjusted over
            from servqual_cli.core.trend import area_family_size

            family_size = area_family_size(comparisons)
        note_text = area_note(area_note_facts(per_area, adjust, family_size, conf), lang)
        if not any_worse:
            note_text = f"{ml('no_area_worse', lang)} {note_text}"
        label = adjusted_p_label(adjust, family_size, lang)
        if adjust != "none":  # "p adjusted over ..." would contradict --adjust none
            note_text = f"{note_text} {ml('adjust_note', lang).format(label=label)}"
        note_text += _mdd_note(per_area, lang, adjust)
        per_area_table = _comparison_table(title, per_area, lang, note_text, label, conf)
        blocks.append(replace(per_area_table, appendix=True))  # detail: the report's appendix
    lines = mdd_lines(comparisons, lang, power, conf, adjust)
    return [
        Section("", tuple(blocks)),
        Section(ml("mdd_title", lang), tuple(Text(line) for line in lines)),
    ]
