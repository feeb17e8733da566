"""APA-style result lines of a gap analysis: the paired t and the Wilcoxon test per dimension."""

from __future__ import annotations

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.report.catalog import GROUPS as GROUP_LABELS
from servqual_cli.report.catalog import dimension_name, label
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.gap_labels import num


def _apa_p(p: float, lang: str) -> str:
    if p != p:  # NaN
        return "p = –"
    if p < 0.001:
        return "p < 0,001" if lang == "sv" else "p < .001"
    text = f"{p:.3f}"
    return f"p = {text.replace('.', ',')}" if lang == "sv" else f"p = {text[1:]}"


def apa_lines(result: GapAnalysis, lang: str) -> list[str]:
    """One APA-style line per dimension: the paired t with dz and its CI, then the Wilcoxon test.

    ``t(399) = −10.10, p < .001, dz = −0.51, 95% CI [−0.61, −0.40]; V = 1234, p < .001,
    r_rb = −0.62, 95% CI [−0.70, −0.52]``. Swedish: decimal comma, "95 % KI [a; b]" (the level by
    :func:`~servqual_cli.report.conf_level.level_text`, a no-break space before "%").
    """
    ci = f"{level_text(result.conf, lang)} {'KI' if lang == 'sv' else 'CI'}"
    sep = "; " if lang == "sv" else ", "
    lines = []
    for r in result.dimensions.to_dict("records"):
        if r["t"] != r["t"]:  # no test (fewer than two gaps, or no spread)
            continue
        dz = f"[{num(r['dz_ci_low'], 2, lang)}{sep}{num(r['dz_ci_high'], 2, lang)}]"
        rb_low, rb_high = r["rank_biserial_ci_low"], r["rank_biserial_ci_high"]
        if rb_low != rb_low:  # r = ±1: the Fisher z interval is undefined (review 2 item 10)
            rb = f"– ({label('rb_undefined', lang, GROUP_LABELS)})"
        else:
            rb = f"[{num(rb_low, 2, lang)}{sep}{num(rb_high, 2, lang)}]"
        v = num(r["v"], 1 if r["v"] % 1 else 0, lang)
        name = dimension_name(r["dimension"], lang)  # the built-in dimensions in the reader's words
        lines.append(
            f"{name}: t({int(r['df'])}) = {num(r['t'], 2, lang)}, "
            f"{_apa_p(r['p_t'], lang)}, dz = {num(r['dz'], 2, lang)}, {ci} {dz}; V = {v}, "
            f"{_apa_p(r['p_wilcoxon'], lang)}, r_rb = {num(r['rank_biserial'], 2, lang)}, "
            f"{ci} {rb}"
        )
    return lines
