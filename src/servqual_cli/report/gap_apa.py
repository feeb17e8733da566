"""APA-style result lines of a gap analysis: the paired t and the Wilcoxon test per dimension,
the ``--by`` group tests and the ``--overall`` regression (the weighted lines are in
:mod:`~servqual_cli.report.weighted_gap_sections`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.report.catalog import GROUPS as GROUP_LABELS
from servqual_cli.report.catalog import TOOLBOX as TOOLBOX_LABELS
from servqual_cli.report.catalog import count_text, dimension_name, label
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.gap_labels import adjusted_label, apa_p, family_words, num

if TYPE_CHECKING:  # annotations only: a gap without --by or --overall loads neither module
    from servqual_cli.core.dimension_comparison import DimensionComparison
    from servqual_cli.core.group_gaps import GroupedGapAnalysis
    from servqual_cli.core.importance import Importance


def apa_lines(result: GapAnalysis, lang: str, sample: bool = False) -> list[str]:
    """One APA-style line per dimension: the mean gap with its SD and CI, the paired t with its
    adjusted p (the table's) and dz with its CI, then the Wilcoxon test.

    ``M = -0.18, SD = 1.18, 95% CI [-0.30, -0.07], t(399) = -3.09, p = .002 (Holm, 5 dimensions:
    p = .002), dz = -0.15, 95% CI [-0.25, -0.06]; V = 26957, p = .004, r_rb = -0.17, 95% CI
    [-0.29, -0.06]`` (in Swedish "−" and a decimal comma, as the tables beside the lines). The
    gap leads (review 4, finding 24: the only "95% CI" of the line was dz's, easily copied as
    the gap's) and the adjustment is named, as the table beside it applies it.
    Swedish: decimal comma, "95 % KI [a; b]" (the level by
    :func:`~servqual_cli.report.conf_level.level_text`, a no-break space before "%").
    ``sample``: survey weights were given, so each line says it describes the sample,
    unweighted ("Tangibles, unweighted (the sample): M = …"; review 5, finding 1), beside the
    weighted lines of :func:`~servqual_cli.report.weighted_gap_sections.weighted_apa_lines`.
    """
    ci = f"{level_text(result.conf, lang)} {'KI' if lang == 'sv' else 'CI'}"
    sep = "; " if lang == "sv" else ", "
    records = result.dimensions.to_dict("records")
    tested = sum(1 for r in records if r["p_t"] == r["p_t"])
    family = family_words(tested, "dimensions", lang)
    lines = []
    for r in records:
        if r["t"] != r["t"]:  # no test (fewer than two gaps, or no spread)
            continue
        gap = (
            f"M = {num(r['gap'], 2, lang)}, SD = {num(r['gap_sd'], 2, lang)}, "
            f"{ci} [{num(r['ci_low'], 2, lang)}{sep}{num(r['ci_high'], 2, lang)}], "
        )
        adjusted = ""
        if result.adjust != "none":
            method = adjusted_label(result.adjust, family, lang)[3:-1]  # "Holm, 5 dimensions"
            adjusted = f" ({method}: {apa_p(r['p_adjusted'], lang)})"
        dz = f"[{num(r['dz_ci_low'], 2, lang)}{sep}{num(r['dz_ci_high'], 2, lang)}]"
        rb_low, rb_high = r["rank_biserial_ci_low"], r["rank_biserial_ci_high"]
        if rb_low != rb_low:  # r = ±1: the Fisher z interval is undefined (review 2 item 10)
            rb = f"– ({label('rb_undefined', lang, GROUP_LABELS)})"
        else:
            rb = f"[{num(rb_low, 2, lang)}{sep}{num(rb_high, 2, lang)}]"
        v = num(r["v"], 1 if r["v"] % 1 else 0, lang)
        name = dimension_name(r["dimension"], lang)  # the built-in dimensions in the reader's words
        if sample:
            name = label("unweighted_apa_head", lang, TOOLBOX_LABELS).format(dimension=name)
        lines.append(
            f"{name}: {gap}t({int(r['df'])}) = {num(r['t'], 2, lang)}, "
            f"{apa_p(r['p_t'], lang)}{adjusted}, dz = {num(r['dz'], 2, lang)}, {ci} {dz}; "
            f"V = {v}, "
            f"{apa_p(r['p_wilcoxon'], lang)}, r_rb = {num(r['rank_biserial'], 2, lang)}, "
            f"{ci} {rb}"
        )
    return lines


def group_apa_lines(result: GroupedGapAnalysis, lang: str, sample: bool = False) -> list[str]:
    """One APA line per dimension for the ``--by`` tests, as the group tests table gives them:
    Welch's F with its p, the p adjusted across the dimensions and ω², then Kruskal-Wallis
    with ε² (review 5, finding 1: ``-f apa --by`` printed nothing about the groups).

    ``Tangibles by Tjänst: Welch's F(3, 154.21) = 2.31, p = .078 (Holm, 5 dimensions:
    p = .311), ω² = 0.01; Kruskal-Wallis H(3) = 5.21, p = .157 (Holm, 5 dimensions: p = .470),
    ε² = 0.01``. The pairwise tests are not in the lines (the group tables carry them). With
    ``sample`` (survey weights given) the head says "…, unweighted (the sample)".
    """
    sep = "; " if lang == "sv" else ", "
    family = family_words(len(result.comparisons), "dimensions", lang)
    method = adjusted_label(result.adjust, family, lang)[3:-1]
    welch = label("welch_apa", lang, GROUP_LABELS)
    lines = []
    for c in result.comparisons:
        parts = []
        if c.welch_f == c.welch_f:
            adjusted = (
                "" if result.adjust == "none" else f" ({method}: {apa_p(c.welch_p_adjusted, lang)})"
            )
            omega = "" if c.omega2 is None else f", ω² = {num(c.omega2.value, 2, lang)}"
            parts.append(
                f"{welch} F({num(c.welch_df1, 0, lang)}{sep}"
                f"{num(c.welch_df2, 2, lang)}) = {num(c.welch_f, 2, lang)}, "
                f"{apa_p(c.welch_p, lang)}{adjusted}{omega}"
            )
        if c.kruskal_h == c.kruskal_h:
            adjusted = (
                ""
                if result.adjust == "none"
                else f" ({method}: {apa_p(c.kruskal_p_adjusted, lang)})"
            )
            eps = "" if c.epsilon2 is None else f", ε² = {num(c.epsilon2.value, 2, lang)}"
            parts.append(
                f"Kruskal-Wallis H({num(c.kruskal_df, 0, lang)}) = {num(c.kruskal_h, 2, lang)}, "
                f"{apa_p(c.kruskal_p, lang)}{adjusted}{eps}"
            )
        if parts:
            head = label("group_apa", lang, GROUP_LABELS).format(
                dimension=dimension_name(c.dimension, lang), by=result.by
            )
            if sample:  # weights given: these tests are of the sample, unweighted
                head = label("unweighted_apa_head", lang, TOOLBOX_LABELS).format(dimension=head)
            lines.append(f"{head}: {'; '.join(parts)}")
    return lines


def comparison_apa_lines(res: DimensionComparison, lang: str, sample: bool = False) -> list[str]:
    """The APA lines of "which gap is largest?" (review 15, finding 14: ``-f apa`` left the
    Friedman test and the dimension pairs out without a word): the Friedman test with Kendall's
    W, then one line per pair of dimensions, the mean difference (gap A − gap B) with its CI,
    the paired t with its Holm p over the pairs (the table's), and the Wilcoxon p.

    ``Which gap is largest? Friedman test: χ²(3) = 91.08, p < .001, Kendall's W = 0.19, n = 158
    (complete cases)`` and ``Access − Treatment: M = -0.20, 95% CI [-0.37, -0.04], t(157) =
    -2.44, p = .016 (Holm, 6 pairs: p = .016); Wilcoxon p = .040``. With ``sample`` (survey
    weights given) each head says "…, unweighted (the sample)", as the other lines.
    """
    ci = f"{level_text(res.conf, lang)} {'KI' if lang == 'sv' else 'CI'}"
    sep = "; " if lang == "sv" else ", "

    def head(text: str) -> str:
        return label("unweighted_apa_head", lang, TOOLBOX_LABELS).format(dimension=text) \
            if sample else text  # fmt: skip

    f = res.friedman
    lines = []
    if f.statistic == f.statistic:  # no ranking information (every row tied): no line
        w = label("kendall_w", lang, TOOLBOX_LABELS)
        lines.append(
            f"{head(label('apa_friedman', lang, GROUP_LABELS))}: χ²({num(f.df, 0, lang)}) = "
            f"{num(f.statistic, 2, lang)}, {apa_p(f.p, lang)}, {w} = {num(f.kendall_w, 2, lang)}, "
            f"n = {count_text(f.n, lang)} ({label('apa_complete', lang, GROUP_LABELS)})"
        )
    # Holm's family is the pairs with a test (core.posthoc.holm skips a NaN p), not every pair
    tested = int(res.pairs["p_t"].notna().sum())
    family = label("apa_pairs" if tested != 1 else "apa_pair", lang, GROUP_LABELS)
    family = family.format(n=count_text(tested, lang))
    for r in res.pairs.to_dict("records"):
        if r["t"] != r["t"]:  # no difference varies: no test
            continue
        pair = f"{dimension_name(str(r['a']), lang)} − {dimension_name(str(r['b']), lang)}"
        lines.append(
            f"{head(pair)}: M = {num(r['diff'], 2, lang)}, {ci} [{num(r['ci_low'], 2, lang)}"
            f"{sep}{num(r['ci_high'], 2, lang)}], t({int(r['df'])}) = {num(r['t'], 2, lang)}, "
            f"{apa_p(r['p_t'], lang)} (Holm, {family}: {apa_p(r['p_holm'], lang)}); "
            f"Wilcoxon {apa_p(r['p_wilcoxon'], lang)}"
        )
    return lines


def importance_apa_lines(imp: Importance, lang: str) -> list[str]:
    """The ``--overall`` regression as APA lines: the model (n, R², adjusted R², F, p), then
    one line per dimension (β, b with its CI, p) (review 5, finding 1).

    ``Helhetsbetyg on the dimension gaps (OLS, n = 313): R² = .75, adjusted R² = .74,
    F(5, 307) = 180.36, p < .001`` and ``Tangibles: β = 0.10, b = 0.21, 95% CI [0.08, 0.34],
    p = .002``.
    """
    ci = f"{level_text(imp.conf, lang)} {'KI' if lang == 'sv' else 'CI'}"
    sep = "; " if lang == "sv" else ", "
    test = imp.f_test
    on = label(f"apa_on_{imp.predictors}", lang, GROUP_LABELS)
    head = label("apa_model", lang, GROUP_LABELS).format(
        overall=imp.overall, on=on, n=count_text(imp.n, lang)
    )
    f_name = "F"
    if imp.weight_column is not None:  # session 17: the weighted fit and its Wald F say so
        head = label("apa_model_weighted", lang, TOOLBOX_LABELS).format(
            overall=imp.overall, on=on, column=imp.weight_column, n=count_text(imp.n, lang)
        )
        f_name = "Wald-F" if lang == "sv" else "Wald F"
    lines = [
        f"{head}: R² = {_apa_r2(imp.r2, lang)}, {label('apa_adj_r2', lang, GROUP_LABELS)} = "
        f"{_apa_r2(imp.adj_r2, lang)}, {f_name}({test.df1}{sep}{test.df2}) = "
        f"{num(test.f, 2, lang)}, "
        f"{apa_p(test.p, lang)}"
    ]
    for r in imp.coefficients.to_dict("records"):
        lines.append(
            f"{dimension_name(str(r['dimension']), lang)}: β = {num(r['beta'], 2, lang)}, "
            f"b = {num(r['b'], 2, lang)}, {ci} [{num(r['ci_low'], 2, lang)}{sep}"
            f"{num(r['ci_high'], 2, lang)}], {apa_p(r['p'], lang)}"
        )
    return lines


def _apa_r2(value: float, lang: str) -> str:
    """R² without the leading zero (APA: a value that cannot exceed 1), sv with a comma.

    >>> _apa_r2(0.746, "en"), _apa_r2(0.746, "sv"), _apa_r2(-0.01, "en")
    ('.75', '0,75', '-.01')
    """
    text = num(value, 2, lang)
    if lang == "sv":
        return text
    return text.replace("0.", ".", 1)
