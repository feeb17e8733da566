"""What a chart shows, in one or two sentences, for its ``<desc>`` (review 12b, finding 7:
README promises a text alternative that states the chart's message, and the descriptions said
only what kind of chart it was).

The message is built by the report, from the same values and verdicts the chart draws (the
figure's data: each gap's interval against zero, :func:`~.chart_spec.gap_verdicts`), so the
renderers still compute nothing and the words never say more than the markers do: a gap whose
interval covers zero is "cannot be told from expectation", never "below"."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from servqual_cli.report.chart_words import cw
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.word_lists import join_words


def gap_message(data: Mapping[str, Any], lang: str) -> str:
    """The message of a chart of gaps per dimension (Figur 1): which dimensions lie below,
    above or cannot be told from expectation, and the largest measured negative gap.

    >>> data = {"categories": ["Fysisk miljö", "Lyhördhet", "Empati"],
    ...         "gap": [-0.81, -1.19, -0.05], "verdict": ["below", "below", "unclear"]}
    >>> gap_message(data, "sv")
    'Under förväntan (intervallet under 0): Fysisk miljö och Lyhördhet. Kan inte skiljas från \
förväntan: Empati. Störst uppmätt gap: Lyhördhet (−1,19).'
    >>> data["verdict"] = ["below"] * 3
    >>> gap_message(data, "en")
    'Perception is below expectation in all 3 dimensions; the largest measured gap is in \
Lyhördhet (-1.19).'
    """
    names: Sequence[str] = [str(c) for c in data["categories"]]
    gaps = [float("nan") if g is None else float(g) for g in data["gap"]]
    verdicts: Sequence[str] = list(data["verdict"])
    groups = {
        code: [n for n, v in zip(names, verdicts, strict=True) if v == code]
        for code in ("below", "unclear", "above")
    }
    below = [(g, n) for n, g, v in zip(names, gaps, verdicts, strict=True)
             if v == "below" and not math.isnan(g)]  # fmt: skip
    worst = min(below) if below else None
    worst_text = None if worst is None else {"dim": worst[1], "gap": fmt_number(worst[0], lang, 2)}
    if groups["below"] and len(groups["below"]) == len(names):
        return cw("chart_msg_all_below", lang, n=len(names), **(worst_text or {}))
    parts = [
        cw(f"chart_msg_{code}", lang, dims=join_words(groups[code], lang))
        for code in ("below", "unclear", "above")
        if groups[code]
    ]
    if worst_text is not None:
        parts.append(cw("chart_msg_worst", lang, **worst_text))
    return " ".join(parts)
