"""The report's "Reliabilitet i korthet" line: Cronbach's α of the expectations, the perceptions
and the gaps,
and which of them the core found low or negative (review 15, finding 2: the line quoted only the
perceptions' α 0,67–0,90 while the gaps, which the report analyses, had α −0,06–0,21).

Which scales are low is the core's decision (the caveats ``alpha_low``/``alpha_negative`` of
:func:`~servqual_cli.core.alpha_screen.screen_low`); this module only words it.
"""

from __future__ import annotations

from servqual_cli.core.alpha_screen import ALPHA_LOW, LOW_CODES
from servqual_cli.core.scales import InstrumentReliability
from servqual_cli.report.catalog import count_text, dimension_name, rl, scale_name
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.word_lists import join_items

__all__ = ["reliability_glance"]


def _alphas(result: InstrumentReliability, score: str, lang: str) -> tuple[str, list[str]]:
    """ "Tillgång 0,74, …, hela skalan 0,90" of one score and the names of its scales."""
    scales = [s for s in result.scales if str(s.scale).startswith(f"{score}:")]
    whole = rl("whole_scale", lang)
    dims = [str(s.scale).partition(":")[2] for s in scales]
    shown = ", ".join(
        f"{whole if dim == 'all' else dimension_name(dim, lang)} {fmt_number(s.alpha, lang)}"
        for dim, s in zip(dims, scales, strict=True)
    )
    return shown or "–", [str(s.scale) for s in scales]


def reliability_glance(result: InstrumentReliability, lang: str, n_warnings: int) -> str:
    """The summary line on reliability, with the rule of :data:`ALPHA_LOW` named either way.

    Every scale of the section's table is in it, the expectations' too: the gaps are P − E,
    so a broken E scale undermines every gap (review 17, finding 12: a negative E α and the
    count "4 av dessa 6" left out three of the nine scales the table shows)."""
    expect, e_names = _alphas(result, "E", lang)
    alphas, p_names = _alphas(result, "P", lang)
    gaps, gap_names = _alphas(result, "gap", lang)
    listed = [*e_names, *p_names, *gap_names]
    codes = {(w.scale, w.code) for w in result.warnings if w.code in LOW_CODES}
    low = [s for s in listed if any((s, c) in codes for c in LOW_CODES)]
    negative = [s for s in low if (s, "alpha_negative") in codes]
    bound = fmt_number(ALPHA_LOW, lang)
    if low:
        verdict = rl("alpha_glance_low", lang, low=count_text(len(low), lang),
                     n=count_text(len(set(listed)), lang), bound=bound)  # fmt: skip
    else:
        verdict = rl("alpha_glance_none_low", lang, bound=bound)
    if negative:
        names = join_items([scale_name(s, lang) for s in negative], lang)
        verdict += " " + rl("alpha_glance_negative", lang, scales=names)
        if any(s.startswith("E:") for s in negative):
            verdict += " " + rl("alpha_glance_negative_e", lang)
    # a perception-only instrument has no E scale: the line starts at P
    expectations = rl("alpha_glance_expectations", lang, alphas=expect) if e_names else ""
    return rl("reliability_glance", lang, expectations=expectations, alphas=alphas, gaps=gaps,
              verdict=verdict, warnings=count_text(n_warnings, lang))  # fmt: skip
