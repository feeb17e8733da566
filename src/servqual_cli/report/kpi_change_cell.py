"""A KPI's change as the KPI tables show it: the figures, then the verdict in the overview's
words ("▼ sämre", "▲ bättre", "ingen påvisbar förändring").

Review 18 finding 8: the ``kpi`` table's change cell gave "91,7 → 40,0 % (skillnad −51,7
procentenheter, 95 % KI [−66,3; −20,9]), p 0,002 (Fisher)" and no verdict, although its note
defines when a change counts as better or worse and the report's overview says it for the same
KPI; a reader had to apply the rule (p and interval together) themselves, and "+4,0
procentenheter … p 0,183" read as an improvement. One rule for both: :func:`change_verdict`.
"""

from __future__ import annotations

import math

from servqual_cli.core.kpi import KpiResult
from servqual_cli.core.kpi_results import KpiChange
from servqual_cli.report.catalog import rl
from servqual_cli.report.glance_table import verdict_key, verdict_mark
from servqual_cli.report.kpi_texts import change_text


def change_verdict(change: KpiChange) -> str | None:
    """Better or worse only when the change is told from chance by its test and its interval
    together (:attr:`~servqual_cli.core.kpi_results.KpiChange.detected`), as the trend's; None
    without a test.

    >>> c = KpiChange("2025", "2024", 0.4, 0.917, -0.517, 45, 12, 0.00237, "fisher", False,
    ...               diff_low=-0.663, diff_high=-0.209)
    >>> from dataclasses import replace
    >>> change_verdict(c), change_verdict(replace(c, p=0.183))
    ('worse', 'no_change')
    >>> change_verdict(replace(c, p=math.nan)) is None
    True
    """
    if change.p is None or math.isnan(change.p):
        return None
    if not change.detected or change.better is None:
        return "no_change"
    return "better" if change.better else "worse"


def verdict_words(change: KpiChange, lang: str) -> str | None:
    """The verdict with its shape, so colour is never the only cue, as the overview words it.

    >>> c = KpiChange("2025", "2024", 0.4, 0.917, -0.517, 45, 12, 0.00237, "fisher", False,
    ...               diff_low=-0.663, diff_high=-0.209)
    >>> verdict_words(c, "sv"), verdict_words(c, "en")
    ('▼ sämre', '▼ worse')
    """
    code = change_verdict(change)
    if code is None:
        return None
    mark, word = verdict_mark(code)[1], rl(verdict_key(code), lang)
    return f"{mark} {word}" if mark else word


def change_cell(result: KpiResult, lang: str) -> str:
    """:func:`~servqual_cli.report.kpi_texts.change_text` ended with the change's verdict."""
    text = change_text(result, lang)
    words = None if result.change is None else verdict_words(result.change, lang)
    return text if words is None else f"{text}, {words}"
