"""APA-style result lines of a gap analysis: the paired t and the Wilcoxon test per dimension."""

from __future__ import annotations

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.report.catalog import GROUPS as GROUP_LABELS
from servqual_cli.report.catalog import dimension_name, label
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.gap_labels import adjusted_label, family_words, num


def _apa_p(p: float, lang: str) -> str:
    if p != p:  # NaN
        return "p = –"
    if p < 0.001:
        return "p < 0,001" if lang == "sv" else "p < .001"
    text = f"{p:.3f}"
    return f"p = {text.replace('.', ',')}" if lang == "sv" else f"p = {text[1:]}"


def apa_lines(result: GapAnalysis, lang: str) -> list[str]:
    """One APA-style line per dimension: the mean gap with its SD and CI, the paired t with its
    adjusted p (the table's) and dz with its CI, then the Wilcoxon test.

    ``M = −0.18, SD = 1.18, 95% CI [−0.30, −0.07], t(399) = −3.09, p = .002 (Holm, 5 dimensions:
    p = .002), dz = −0.15, 95% CI [−0.25, −0.06]; V = 26957, p = .004, r_rb = −0.17, 95% CI
    [−0.29, −0.06]``. The gap leads (review 4, finding 24: the only "95% CI" of the line was dz's,
    easily copied as the gap's) and the adjustment is named, as the table beside it applies it.
    Swedish: decimal comma, "95 % KI [a; b]" (the level by
    :func:`~servqual_cli.report.conf_level.level_text`, a no-break space before "%").
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
            adjusted = f" ({method}: {_apa_p(r['p_adjusted'], lang)})"
        dz = f"[{num(r['dz_ci_low'], 2, lang)}{sep}{num(r['dz_ci_high'], 2, lang)}]"
        rb_low, rb_high = r["rank_biserial_ci_low"], r["rank_biserial_ci_high"]
        if rb_low != rb_low:  # r = ±1: the Fisher z interval is undefined (review 2 item 10)
            rb = f"– ({label('rb_undefined', lang, GROUP_LABELS)})"
        else:
            rb = f"[{num(rb_low, 2, lang)}{sep}{num(rb_high, 2, lang)}]"
        v = num(r["v"], 1 if r["v"] % 1 else 0, lang)
        name = dimension_name(r["dimension"], lang)  # the built-in dimensions in the reader's words
        lines.append(
            f"{name}: {gap}t({int(r['df'])}) = {num(r['t'], 2, lang)}, "
            f"{_apa_p(r['p_t'], lang)}{adjusted}, dz = {num(r['dz'], 2, lang)}, {ci} {dz}; "
            f"V = {v}, "
            f"{_apa_p(r['p_wilcoxon'], lang)}, r_rb = {num(r['rank_biserial'], 2, lang)}, "
            f"{ci} {rb}"
        )
    return lines
