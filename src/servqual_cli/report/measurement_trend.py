"""Document sections of the before/after comparison of contact KPIs (``servqual trend``, the
report): the totals, the per-area changes and the minimum detectable changes.

Split from :mod:`servqual_cli.report.measurement_sections` (which re-exports it) by job.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from servqual_cli.core.contacts import ALL, SPECS
from servqual_cli.core.trend_coverage import NotCompared
from servqual_cli.core.wait_basis import WaitBasis
from servqual_cli.report.catalog import rl
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
from servqual_cli.report.not_compared_note import area_sentences, kpi_sentence
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Section, Table, Text
from servqual_cli.report.trend_small_base import small_base_cells, small_base_note
from servqual_cli.report.trend_wait_note import wait_basis_note

__all__ = [
    "AreaNoteFacts",
    "adjusted_p_label",
    "area_note",
    "area_note_facts",
    "area_rows",
    "mdd_table",
    "shift_columns",
    "trend_sections",
    "wait_basis_note",
]


def adjusted_p_label(adjust: str, m: int, lang: str) -> str:
    """The header of an adjusted p column: the method and the size of its family.

    >>> adjusted_p_label("holm", 24, "en"), adjusted_p_label("none", 24, "sv")
    ('p (Holm, 24 comparisons)', 'p (ojusterat, 24 jämförelser)')
    """
    name = ADJUST_METHODS.get(adjust) or ml("unadjusted", lang)
    return f"p ({name}, {ml('n_comparisons', lang).format(m=fmt_number(m, lang, 0))})"


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
    # a small base marked beside n, and said in the note (f-trend s16; the core's flag)
    small = small_base_cells(t, lang)
    if small is not None:
        t["small_base"], note = small, f"{note} {small_base_note(comparisons, lang)}"
    cols = ["kpi", *area, "before", "after", *shift[:1], "diff", "ci_low", "ci_high", p_col,
            "n_before", "n_after", *(["small_base"] if small is not None else []), "mdd",
            "verdict"]  # fmt: skip
    digits = {c: ".1f" for c in ("before", "after", "ci_low", "ci_high", "mdd")}
    digits.update({"diff": "+.1f", "value_diff": "+.1f", "n_before": "d", "n_after": "d"})
    sheet = ("Per område", "Per area") if area else ("Förändring", "Change")
    # the small base's column in the overview's word for it ("Underlag" / "Base")
    rename = {"diff": shift[1] if shift else ml("change", lang),
              "small_base": rl("g_small_base", lang)}  # fmt: skip
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


def mdd_table(
    comparisons: pd.DataFrame,
    lang: str,
    power: float,
    conf: float,
    adjust: str = "holm",
    heading: str = "",
) -> tuple[Text, Table]:
    """The minimum detectable changes of the totals: one sentence for the rule and a table,
    measure | N | C (after the adjustment) | C unadjusted | n before | n after (review 9
    finding 10: 14 near-identical 60-word paragraphs carried only these numbers). Every number
    is the core's (:func:`~servqual_cli.core.trend.compare_kpis`: ``mdd``, ``critical``,
    ``critical_unadjusted``), in display units as Tabell 6.

    With an adjustment (``adjust``, as compare_kpis used) N and C are at the level the
    comparison's own p must reach for its adjusted p to be below 1 - conf, the other totals as
    they are, which the verdict follows (review 7 finding 1), and C unadjusted has a column of
    its own; without one that column would repeat C and is left out. N is
    (z_{1-level/2} + z_power) · SE with the design's SE and never below the threshold beside it
    (Bloom 1995; Cohen 1988, *Statistical Power Analysis*, ch. 12); C's test part is "about",
    as for the rank tests it is approximate (review 8 finding 1).

    A cell holds words instead of a number where the number would mislead: N missing says why
    (a share at 0 or 100 % the year before has no design SE, which is not "no change can be
    detected"; review 8 finding 2), and a C beyond the room in the direction the value moved
    (``critical_beyond_room``) says no change that way can be told from chance and how much is
    possible (``room``), so "about 16 pp" never stands where 15.6 is the most a share can rise.
    """
    total = comparisons[comparisons["area"].eq(ALL)]
    total = total.assign(
        _o=total["kpi"].map({k: i for i, k in enumerate(SPECS)}),
        _c=total["channel"].map(_CHANNEL_ORDER),
    ).sort_values(["_o", "_c"])
    from servqual_cli.core.trend import total_family_size

    adjusted = adjust != "none"
    method_name = ADJUST_METHODS.get(adjust, adjust)
    power_text, alpha_text = level_text(power, lang), level_text(1 - conf, lang)
    rule_adjusted = (
        ml("mdd_rule_adjusted", lang).format(method=method_name, m=total_family_size(comparisons))
        if adjusted
        else ""
    )
    rule = ml("mdd_rule", lang).format(power=power_text, alpha=alpha_text, adjusted=rule_adjusted)
    units = {"share": "pp", "index": "index_points"}
    scale = display_scale(total["kpi"])
    unit_words = [ml(units.get(SPECS[str(k)].unit, "pp"), lang) for k in total["kpi"]]
    # the direction C is in: compare_kpis takes the observed one, a change of 0 counting as up
    upward = total["diff"].to_numpy(dtype=float) >= 0
    room = total["room"].to_numpy(dtype=float) * scale

    def beyond_words(column: str) -> pd.Series:
        """C in display units, or the words where it lies beyond the room (the core's flag)."""
        values = total[column].to_numpy(dtype=float) * scale
        flags = total[f"{column}_beyond_room"].to_numpy(dtype=bool)
        cells = [
            ml("beyond_room_up" if up else "beyond_room_down", lang).format(
                room=fmt_number(r, lang, 1), unit=u
            )
            if flag
            else v
            for v, flag, up, r, u in zip(values, flags, upward, room, unit_words, strict=True)
        ]  # one per total (about 14), not per contact
        return pd.Series(cells, index=total.index, dtype=object)

    mdd = total["mdd"].to_numpy(dtype=float) * scale
    before = total["before"].to_numpy(dtype=float)
    share = total["kpi"].map(lambda k: SPECS[str(k)].unit == "share").to_numpy(dtype=bool)
    mdd_cells = [
        v
        if not math.isnan(v)
        else ml("no_mdd_baseline_cell", lang).format(share=level_text(b, lang))
        if is_share and b in (0.0, 1.0)
        else ml("no_mdd_cell", lang).format(power=power_text)
        for v, b, is_share in zip(mdd, before, share, strict=True)
    ]
    method = f" ({method_name})" if adjusted else ""
    heads = {
        "kpi": ml("kpi", lang),
        "mdd": ml("mdd_n_head", lang).format(power=power_text, method=method),
        "critical": ml("mdd_c_head", lang).format(alpha=alpha_text, method=method),
        "critical_unadjusted": ml("mdd_c_unadjusted_head", lang).format(alpha=alpha_text),
    }
    frame = pd.DataFrame(
        {
            "kpi": kpi_names(total, lang),
            "mdd": pd.Series(mdd_cells, index=total.index, dtype=object),
            "critical": beyond_words("critical"),
            "critical_unadjusted": beyond_words("critical_unadjusted"),
            "n_before": total["n_before"],
            "n_after": total["n_after"],
        }
    )
    if not adjusted:  # C unadjusted would repeat C
        frame = frame.drop(columns="critical_unadjusted")
    digits = {"mdd": ".1f", "critical": ".1f", "critical_unadjusted": ".1f",
              "n_before": "d", "n_after": "d"}  # fmt: skip
    title = ml("mdd_table_title", lang).format(heading=heading).strip()
    table = labelled_table(
        title, frame.reset_index(drop=True), lang, digits, ml("units_note", lang),
        ("Minsta påvisbara", "MDD"), rename=heads,
    )  # fmt: skip
    return Text(rule), table


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
    waits: Sequence[WaitBasis] = (),
    not_compared: NotCompared | None = None,
) -> list[Section]:
    """The totals, the per-area changes (worse first) and the minimum detectable changes.

    ``not_compared``: what was measured in one year only
    (:func:`~servqual_cli.core.trend_coverage.not_compared`), named in the notes (review 12a
    finding 2: an area renamed between the years vanished under "every area is listed").

    ``waits``: the queue-time basis of the before and after years' contact rows
    (:func:`~servqual_cli.core.wait_basis.wait_basis`), for :func:`wait_basis_note` under the
    totals; without them the note has no such sentence.

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
    if waits:
        wait_text = wait_basis_note(total, list(zip((before, after), waits, strict=True)), lang)
        note = f"{note} {wait_text}".rstrip()
    left_out_kpis = kpi_sentence(not_compared, before, after, lang)
    left_out_areas = area_sentences(not_compared, before, after, lang)
    if left_out_kpis:
        note = f"{left_out_kpis} {note}"
    if left_out_areas and not len(per_area):  # no per-area table: the totals' note says it
        note = f"{left_out_areas} {note}"
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
        if left_out_areas:
            note_text = f"{left_out_areas} {note_text}"
        if not any_worse:
            note_text = f"{ml('no_area_worse', lang)} {note_text}"
        label = adjusted_p_label(adjust, family_size, lang)
        if adjust != "none":  # "p adjusted over ..." would contradict --adjust none
            note_text = f"{note_text} {ml('adjust_note', lang).format(label=label)}"
        note_text += _mdd_note(per_area, lang, adjust)
        per_area_table = _comparison_table(title, per_area, lang, note_text, label, conf)
        blocks.append(replace(per_area_table, appendix=True))  # detail: the report's appendix
    return [
        Section("", tuple(blocks)),
        Section(ml("mdd_title", lang), mdd_table(comparisons, lang, power, conf, adjust, heading)),
    ]
