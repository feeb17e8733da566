"""The reply tables' days to reply (review 10a, finding 1), split from
:mod:`~servqual_cli.report.feedback_sections`: the columns, the "> N" cells of a Kaplan-Meier
quantile the curve never reaches, their intervals (one text column each, "[21; 28]", "[28;
> 721]" where the upper limit is not reached), the note naming the censoring rule and the
interval's method, and the reply trend's row names with the answered items' n."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.feedback import FeedbackAnalysis
from servqual_cli.core.feedback_km_trend import KmTrend
from servqual_cli.core.period_windows import MatchedWindows
from servqual_cli.report.conf_level import with_level
from servqual_cli.report.kpi_texts import window_facts
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.service_labels import sl

__all__ = [
    "KM_COLUMNS",
    "REPLY_COLUMNS",
    "km_interval_cells",
    "km_intervals",
    "measure_names",
    "not_reached",
    "reply_times_note",
    "window_rule",
    "window_span",
]


# The reply tables' columns (review 10a finding 1): the days to reply of every item, the
# unanswered censored (km_), before the answered-only median, labelled so; the answered-only
# 90th percentile, the figure a board read as "nine in ten within", stays in JSON and CSV only.
# Each km_ quantile is followed by its interval's bounds, which the tables show as one text
# column (km_intervals): four number columns would fold a 100-column terminal once more
REPLY_COLUMNS = (
    "n_with_contact",
    "n_answered",
    "n_unanswered",
    "km_median_days",
    "km_median_ci_low",
    "km_median_ci_high",
    "km_p90_days",
    "km_p90_ci_low",
    "km_p90_ci_high",
    "median_days",
    "within_promise",
    "n_decided",
    "within_promise_share",
    "ci_low",
    "ci_high",
)
KM_COLUMNS = ("km_median_days", "km_p90_days")


def not_reached(values: pd.Series, follow_up: pd.Series, lang: str) -> list[object]:
    """A Kaplan-Meier quantile per row, or "> N" where the curve never reaches it (N the
    longest follow-up, in days): never a number that reads as the percentile.

    >>> not_reached(pd.Series([6.0, float("nan")]), pd.Series([700.0, 1234.0]), "sv")
    [6.0, '> 1\xa0234']
    >>> not_reached(pd.Series([float("nan")]), pd.Series([float("nan")]), "en")  # no item
    [nan]
    """
    out: list[object] = []
    for value, days in zip(values.tolist(), follow_up.tolist(), strict=True):  # a unit a row
        if pd.isna(value) and not pd.isna(days):
            digits = 0 if float(days).is_integer() else 1
            out.append(f"> {fmt_number(float(days), lang, digits)}")
        else:
            out.append(value)
    return out


def _day(value: float, lang: str) -> str:
    return fmt_number(value, lang, 0 if float(value).is_integer() else 1)


def km_interval_cells(
    low: pd.Series, high: pd.Series, follow_up: pd.Series, lang: str
) -> list[str]:
    """A Kaplan-Meier quantile's interval per row: "[21; 28]", "[28; > 721]" where the curve's
    upper limit never comes down to it (N the longest follow-up, as :func:`not_reached`), "–"
    where there is no interval (no lower limit either).

    >>> km_interval_cells(pd.Series([21.0, 28.0, float("nan")]),
    ...                   pd.Series([28.0, float("nan"), float("nan")]),
    ...                   pd.Series([721.0, 1234.0, 3.0]), "sv")
    ['[21; 28]', '[28; > 1\xa0234]', '–']
    >>> km_interval_cells(pd.Series([2.5]), pd.Series([7.0]), pd.Series([9.0]), "en")
    ['[2.5, 7]']
    """
    sep = "; " if lang == "sv" else ", "
    out = []
    for lo, hi, days in zip(low.tolist(), high.tolist(), follow_up.tolist(), strict=True):
        if pd.isna(lo):
            out.append("–")
            continue
        top = f"> {_day(days, lang)}" if pd.isna(hi) else _day(hi, lang)
        out.append(f"[{_day(lo, lang)}{sep}{top}]")
    return out


def km_intervals(frame: pd.DataFrame, follow_up: pd.Series, lang: str) -> pd.DataFrame:
    """``frame`` with each quantile's two bounds (``km_median_ci_low``/``_high``, ...) as one
    text column (``km_median_ci``, ``km_p90_ci``) in their place."""
    out = frame
    for name in ("median", "p90"):
        low, high = f"km_{name}_ci_low", f"km_{name}_ci_high"
        cells = km_interval_cells(frame[low], frame[high], follow_up, lang)
        at = list(out.columns).index(low)
        out = out.drop(columns=[low, high])
        out.insert(at, f"km_{name}_ci", pd.Series(cells, index=frame.index, dtype=object))
    return out


def reply_times_note(a: FeedbackAnalysis, lang: str) -> str:
    """What the days to reply count: every item, the unanswered censored, and the rule."""
    r = a.reply
    text = sl("reply_times_note", lang).format(
        n=fmt_int(r.n_timed, lang), unanswered=fmt_int(r.n_unanswered, lang),
        as_of=a.as_of.date().isoformat(), answered=fmt_int(r.n_answered, lang))  # fmt: skip
    if r.n_timed < r.n_with_contact:  # an answer date before receipt: no timing at all
        untimed = fmt_int(r.n_with_contact - r.n_timed, lang)
        text += " " + sl("reply_times_untimed", lang).format(n=untimed)
    # the interval's method and what "> N" in it means (session 14, x-km)
    return text + " " + with_level(sl("km_ci_note", lang), a.conf, lang)


def measure_names(
    reply: pd.DataFrame,
    lang: str,
    windows: MatchedWindows | None = None,
    km: KmTrend | None = None,
) -> list[str]:
    """The reply trend's row names; the days to reply (answered items only) carry their n, and
    the share within the promise its two calendar windows when the equal-follow-up rule cut
    the later one short (``windows``, review 10a finding 4), as the KPI's change names them;
    the log-rank row (``km``, session 15) its n and chi-square.

    >>> rows = pd.DataFrame({"measure": ["reply_within_promise", "median_days_to_reply"],
    ...                      "n": [984, 943], "n_previous": [967, 913]})
    >>> measure_names(rows, "sv")[1]
    'Median dagar till svar, bland besvarade (n = 913 → 943)'
    >>> w = MatchedWindows("2024", "2024-01-01", "2024-12-17", "2023", "2023-01-01",
    ...                    "2023-12-17", 931, 967, 12)
    >>> rows = rows.assign(n_previous=[931, 913])
    >>> for part in measure_names(rows, "sv", w)[0].split(" → "):
    ...     print(part)
    Andel besvarade inom löftet, 2023 (1 jan–17 dec, 931 synpunkter)
    2024 (1 jan–17 dec, 984 synpunkter)
    """
    out = []
    from servqual_cli.report.feedback_trend_km import km_facts  # it imports not_reached here

    for m, n, before in zip(reply["measure"], reply["n"], reply["n_previous"], strict=True):
        name = sl(m, lang)
        if m == "reply_within_promise" and windows is not None:
            name += ", " + window_span(windows, int(before), int(n), lang)
        elif m == "km_days_to_reply" and km is not None:
            facts = km_facts(km, fmt_int(int(before), lang), fmt_int(int(n), lang), lang)
            name += f" ({facts})"
        elif m != "reply_within_promise" and not (pd.isna(n) or pd.isna(before)):
            counts = {"previous": fmt_int(int(before), lang), "current": fmt_int(int(n), lang)}
            name += f" ({sl('answered_n', lang).format(**counts)})"
        out.append(name)
    return out


def window_span(w: MatchedWindows, n_previous: int, n: int, lang: str) -> str:
    """The two windows of the share within the promise with the n each share is over."""
    return sl("reply_window_span", lang).format(
        **window_facts(w, lang), n_previous=fmt_int(n_previous, lang), n=fmt_int(n, lang)
    )


def window_rule(w: MatchedWindows, lang: str) -> str:
    """The note's sentence naming the matched-window rule of the share within the promise."""
    return sl("reply_window_rule", lang).format(**window_facts(w, lang))
