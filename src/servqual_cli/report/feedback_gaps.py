"""The feedback trend's counts table note: the units and types not compared because they have
no item in one of the two windows (review 12a, finding 1; the rule is
:func:`~servqual_cli.core.feedback_trend._not_compared`), and where the windows end when the
register holds dates after its last item received (review 12a, finding 4;
:mod:`~servqual_cli.core.feedback_window`). The words are the catalog's (``gap_*``,
``window_*``, ``as_of_closed_after`` in :mod:`~servqual_cli.report.catalog_service`).

>>> import pandas as pd
>>> t = pd.DataFrame({"measure": "count", "level": ["unit", "unit", "unit"],
...     "key": ["Teknisk", "Samhällsbyggnad", "Kultur"],
...     "reason": ["none_current", "none_previous", None]})
>>> gap_lines(t, "sv")
['Teknisk har inga synpunkter i det senare fönstret och Samhällsbyggnad inga i det tidigare: \
bytt namn eller omorganiserat? De jämförs inte (ingen kvot eller test, och ingår inte i \
Holm-justeringen).']
>>> gap_lines(t.iloc[[1]], "en")
['Samhällsbyggnad has no items in the earlier window: renamed or reorganised? It is not \
compared (no ratio or test, and not in the Holm adjustment).']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from servqual_cli.report.service_labels import sl
from servqual_cli.report.word_lists import join_words

if TYPE_CHECKING:
    from servqual_cli.core.feedback import FeedbackAnalysis

__all__ = ["count_note", "gap_lines", "window_line"]


def _names(keys: list[str], level: str, lang: str) -> str:
    names = join_words([sl(k, lang) for k in keys], lang)
    if level == "type":  # "Typen beröm", "The types praise and question"
        return f"{sl('gap_type_word' if len(keys) == 1 else 'gap_types_word', lang)} {names}"
    return names


def gap_lines(trend: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per level (types, then units) naming those with no item in one window,
    and the window they lack; none when every one was compared (or the trend predates the
    ``reason`` column)."""
    if "reason" not in trend:
        return []
    counts = trend[trend["measure"].eq("count")]
    lines = []
    for level in ("type", "unit"):
        rows = counts[counts["level"].eq(level)]
        later = [str(k) for k in rows.loc[rows["reason"].eq("none_current"), "key"]]
        earlier = [str(k) for k in rows.loc[rows["reason"].eq("none_previous"), "key"]]
        if not later and not earlier:
            continue
        one = len(later) + len(earlier) == 1
        parts = []
        if later:
            has = sl("gap_has_one" if len(later) == 1 else "gap_has_many", lang)
            parts.append(
                sl("gap_none_current", lang).format(names=_names(later, level, lang), has=has)
            )
        if earlier:
            has = sl("gap_has_one" if len(earlier) == 1 else "gap_has_many", lang)
            key = "gap_none_previous_and" if parts else "gap_none_previous"
            names = _names(earlier, level, lang)
            if parts and level == "type":  # "… och beröm inga i det tidigare"
                names = join_words([sl(k, lang) for k in earlier], lang)
            parts.append(sl(key, lang).format(names=names, has=has))
        they = sl("gap_they_one" if one else "gap_they_many", lang)
        tail = sl(f"gap_{level}_tail", lang).format(they=they)
        lines.append(" ".join(parts) + tail)
    return lines


def window_line(a: FeedbackAnalysis, lang: str) -> str:
    """Where the windows end when that is not simply the as-of date (module docstring), and
    the closing dates after a default as-of date; "" otherwise."""
    w = a.trend_window or {}
    last, latest = w.get("last_received"), w.get("latest_date")
    if not last or not latest:
        return ""
    as_of = a.as_of.date().isoformat()
    if w.get("end") == "as_of":
        if as_of > last:
            return sl("window_as_of_after", lang).format(last=last, as_of=as_of)
        return ""
    out = []
    if latest > last:
        out.append(sl("window_last_received", lang).format(last=last, latest=latest))
    if latest > as_of:  # only a closing date can lie after the default as-of date
        out.append(sl("as_of_closed_after", lang).format(as_of=as_of, latest=latest))
    return " ".join(out)


def count_note(a: FeedbackAnalysis, lang: str) -> str | None:
    """The counts table's note (module docstring), None when there is nothing to say."""
    lines = [*gap_lines(a.trend, lang), window_line(a, lang)]
    text = " ".join(line for line in lines if line)
    return text or None
