"""The report's header: its title, the date printed on it, the period its parts cover, the facts
under the title (organisation, period, data until, group) and the one confidence level of its
intervals, for every renderer. :func:`report_meta` is the document's ``meta`` without what
:func:`~servqual_cli.report.build.build_report` adds from the parts (method notes, inputs, files).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from servqual_cli import __version__
from servqual_cli.report.config import ReportConfig
from servqual_cli.report.glance_summary import join_words
from servqual_cli.report.report_labels import rl

if TYPE_CHECKING:
    from servqual_cli.report.build import Part


def report_title(config: ReportConfig) -> str:
    title = config.title or rl("default_title", config.language)
    if config.group is not None:
        return f"{title} – {config.group[1]}"
    return title


def report_date(config: ReportConfig) -> dt.date:
    """The date printed on the report: the config's ``date``, else the day of
    ``SOURCE_DATE_EPOCH`` (UTC), else today. With ``date`` or ``SOURCE_DATE_EPOCH`` set, a rerun
    on the same inputs gives byte-identical files.

    >>> import datetime as dt
    >>> report_date(ReportConfig(date=dt.date(2025, 2, 15)))
    datetime.date(2025, 2, 15)
    """
    if config.date is not None:
        return config.date
    from servqual_cli.report.manifest import report_time

    return report_time()[0].date()


def years_text(periods: Sequence[str]) -> str:
    """Periods in order, runs of consecutive years joined: "2020, 2023–2024".

    >>> years_text(["2024", "2020", "2023", "2024"]), years_text(["2024-01", "2023-12"])
    ('2020, 2023–2024', '2023-12, 2024-01')
    """
    unique = sorted(set(periods))
    if not all(p.isdigit() for p in unique):
        return ", ".join(unique)
    runs: list[list[int]] = []
    for y in sorted(int(p) for p in unique):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def period_text(config: ReportConfig, parts: Sequence[Part]) -> str | None:
    """The header's period: the config's ``period`` when every part covers just it (or no part
    says), else what each part covers, "2019–2020 (servicemätning), 2020, 2023–2024
    (nyckeltal)", so that a reader does not take one year for the whole report."""
    spans = [(what, years_text(p)) for part in parts for what, p in part.periods if p]
    if not spans or all(span == config.period for _, span in spans):
        return config.period
    named: dict[str, list[str]] = {}
    for what, span in spans:
        named.setdefault(span, []).append(what)
    lang = config.language
    return "; ".join(f"{span} ({join_words(whats, lang)})" for span, whats in named.items())


def report_meta(config: ReportConfig, period: str | None = None) -> dict[str, Any]:
    lang = config.language
    lines = []
    if config.organisation:
        lines.append((rl("organisation", lang), config.organisation))
    period = period or config.period
    if period:
        lines.append((rl("period", lang), period))
    if config.service is not None and config.service.as_of:
        lines.append((rl("data_until", lang), config.service.as_of))
    if config.group is not None:
        lines.append((config.group[0], config.group[1]))
    return {
        "lang": lang,
        "facts": tuple(lines),
        "version": __version__,
        "date": report_date(config).isoformat(),
        "conf": page_level(config),  # the intervals' level, for the page's glossary
    }


def page_level(config: ReportConfig) -> float | None:
    """The one confidence level of every interval in the report: the survey's ``conf`` (the
    other parts compute theirs at 0.95); None when the parts use different levels.

    >>> from servqual_cli.report.config import SurveyConfig
    >>> survey = SurveyConfig(None, conf=0.9)  # type: ignore[arg-type]
    >>> page_level(ReportConfig()), page_level(ReportConfig(survey=survey))
    (0.95, 0.9)
    """
    levels = {0.95} if config.contacts is not None or config.service is not None else set()
    levels |= {config.survey.conf} if config.survey is not None else set()
    if len(levels) > 1:
        return None
    return next(iter(levels), 0.95)
