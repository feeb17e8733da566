"""Document sections of ``servqual trend`` on two SERVQUAL survey years: the gaps compared per
dimension, unweighted (Welch, Mann-Whitney, Hedges' g) or survey-weighted (``--weight-column``,
design-based).

Split from :mod:`servqual_cli.report.measurement_sections` (which keeps the contact KPIs); the
table helpers are shared from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from servqual_cli.core.survey_trend import OVERALL
from servqual_cli.report.catalog import dimension_name, rl
from servqual_cli.report.catalog_shared import ADJUST_METHODS
from servqual_cli.report.conf_level import level_text, with_level
from servqual_cli.report.measurement_tables import code_labels, labelled_table, ml
from servqual_cli.report.measurement_trend import adjusted_p_label
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.spec import Section, Text
from servqual_cli.report.trend_small_base import small_base_column

if TYPE_CHECKING:
    from servqual_cli.core.trend_weighted import WeightedGapTrend
    from servqual_cli.io.measurement import Side

__all__ = ["survey_trend_sections", "weighted_trend_sections"]


def alpha_text(conf: float, lang: str) -> str:
    """The significance level 1 − ``conf`` as the notes write it.

    >>> alpha_text(0.95, "sv"), alpha_text(0.9, "en"), alpha_text(0.999, "en")
    ('0,05', '0.1', '0.001')
    """
    return fmt_number(1.0 - conf, lang, 3).rstrip("0").rstrip(",.")


def _adjusted_words(
    frame: pd.DataFrame, adjust: str, key: str, rename: dict[str, str], lang: str
) -> tuple[str, str]:
    """The adjusted p's column label and the note's rule (``key``: the Welch or the design
    p's wording) for a survey trend whose dimensions are one family and the overall score its
    own; ``rename`` gets the adjusted column's label and the intervals' "(ojusterat)"."""
    m = int(frame["dimension"].ne(OVERALL).sum())
    p_label = adjusted_p_label(adjust, m, lang)
    rule = ml(key, lang).format(p_label=p_label, method=ADJUST_METHODS.get(adjust, adjust), m=m)
    rename.update({"p_adjusted": p_label, "ci_low": ml("ci_low_unadjusted", lang),
                   "ci_high": ml("ci_high_unadjusted", lang)})  # fmt: skip
    return p_label, rule


def survey_trend_sections(
    frame: pd.DataFrame,
    before: str,
    after: str,
    lang: str,
    notes: list[str],
    conf: float = 0.95,
    power: float = 0.8,
    adjust: str = "holm",
) -> list[Section]:
    """Per dimension: gap each year, change with Welch's interval, both p-values, the adjusted
    p (``adjust``; none: no column), Hedges' g and the MDD; the note names the adjustment and
    its family, the p the verdict follows at ``1 - conf`` and that the MDD (at ``power``) comes
    from that same test's SE (review 10a finding 6)."""
    cols = ("before", "after", "ci_low", "ci_high", "hedges_g", "hedges_g_low", "hedges_g_high",
            "mdd")  # fmt: skip
    digits = {c: ".2f" for c in cols}
    digits.update({"diff": "+.2f", "n_before": "d", "n_after": "d"})
    title = f"{ml('survey_title', lang)} {before} → {after}"
    shown = frame.assign(dimension=[ml(OVERALL, lang) if d == OVERALL else dimension_name(d, lang)
                                    for d in frame["dimension"]])  # fmt: skip
    alpha = alpha_text(conf, lang)
    rename = {"diff": ml("change", lang)}
    adjusted = adjust != "none" and "p_adjusted" in frame
    if adjusted:
        p_label, rule = _adjusted_words(frame, adjust, "survey_adjust", rename, lang)
    else:
        shown = shown.drop(columns="p_adjusted", errors="ignore")
        p_label = ml("survey_welch_p", lang)
        rule = ml("survey_adjust_none", lang).format(alpha=level_text(1.0 - conf, lang))
    note = ml("survey_note", lang).format(alpha=alpha, adjust_rule=rule, p_label=p_label)
    if frame["mdd"].notna().any():
        note += " " + ml("survey_mdd_note", lang).format(power=round(power * 100), alpha=alpha)
        if adjusted:
            note += " " + ml("survey_mdd_adjusted", lang)
    # a small base marked beside n and said in the note (the core's flag; w-trend2, s17)
    shown, small = small_base_column(shown, frame, lang, "small_base_survey_note")
    note = f"{note} {small}".rstrip()
    rename["small_base"] = rl("g_small_base", lang)
    table = labelled_table(title, code_labels(shown, lang), lang, digits, note,
                           (ml("survey_sheet", "sv"), ml("survey_sheet", "en")),
                           rename=rename, conf=conf)  # fmt: skip
    return [Section("", (table, *(Text(n, "note") for n in notes)))]


_WEIGHTED_SHOWN = ["dimension", "before", "after", "diff", "ci_low", "ci_high", "p", "p_adjusted",
                   "n_before", "n_after", "n_eff_before", "n_eff_after", "verdict"]  # fmt: skip


def weights_lines(sides: Sequence[Side], missing: Sequence[int], lang: str) -> list[str]:
    """Which column weights each year, a year weighed 1 per respondent (its file has no such
    column), and respondents left out for a missing weight (``missing``, the result's count per
    side): the rules that change the result."""
    used = [f"{s.weight_column} ({s.label})" for s in sides if s.weight_column is not None]
    lines = [ml("weights_line", lang).format(columns=", ".join(used))]
    column = next(s.weight_column for s in sides if s.weight_column is not None)
    lines += [ml("weights_none_year", lang).format(year=s.label, column=column)
              for s in sides if s.weight_column is None]  # fmt: skip
    lines += [ml("weights_missing", lang).format(year=s.label, n=fmt_int(n, lang))
              for s, n in zip(sides, missing, strict=True) if n]  # fmt: skip
    return lines


def weighted_trend_sections(
    result: WeightedGapTrend, sides: Sequence[Side], lang: str, conf: float, adjust: str = "holm"
) -> list[Section]:
    """Per dimension: weighted gap each year, the change with its design-based interval and p,
    the p adjusted over the dimensions (``adjust``, as the unweighted trend; none: no column),
    n and Kish's effective n each year, the verdict; the weights and the method as notes."""
    frame = result.comparisons
    before, after = sides[0].label, sides[-1].label
    digits = {c: ".2f" for c in ("before", "after", "ci_low", "ci_high")}
    digits.update({"diff": "+.2f", "n_before": "d", "n_after": "d", "n_eff_before": ".0f",
                   "n_eff_after": ".0f"})  # fmt: skip
    title = f"{ml('weighted_title', lang)} {before} → {after}"
    names = [ml("weighted_overall", lang) if d == OVERALL else dimension_name(d, lang)
             for d in frame["dimension"]]  # fmt: skip
    shown = frame[_WEIGHTED_SHOWN].assign(dimension=names)
    rename = {"diff": ml("change", lang), "small_base": rl("g_small_base", lang)}
    if adjust != "none" and "p_adjusted" in frame:
        p_label, rule = _adjusted_words(frame, adjust, "weighted_adjust", rename, lang)
    else:
        shown = shown.drop(columns="p_adjusted")
        p_label = "p"
        rule = ml("survey_adjust_none", lang).format(alpha=level_text(1.0 - conf, lang))
    note = with_level(ml("weighted_note", lang), conf, lang).format(
        alpha=alpha_text(conf, lang), p_label=p_label, adjust_rule=rule
    )
    # judged on Kish's effective n, the table's "effektivt n" (core small_base; w-left, s17)
    shown, small = small_base_column(shown, frame, lang, "small_base_weighted_note")
    if "small_base" in shown:  # the mark beside the n it was judged on
        mark = shown.pop("small_base")
        shown.insert(list(shown.columns).index("n_eff_after") + 1, "small_base", mark)
    note = f"{note} {small}".rstrip()
    table = labelled_table(title, code_labels(shown, lang), lang, digits, note,
                           (ml("weighted_sheet", "sv"), ml("weighted_sheet", "en")),
                           rename=rename, conf=conf)  # fmt: skip
    lines = weights_lines(sides, result.n_missing_weight, lang)
    return [Section("", (Text(" ".join(lines), "warning" if len(lines) > 1 else "note"), table))]
