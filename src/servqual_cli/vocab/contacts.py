"""The contact KPIs of Swedish municipal service measurement (telephone and e-mail): names,
statistics, directions, channels and units (computed by :mod:`servqual_cli.core.contacts`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ALL", "KPIS", "KPI_COLUMNS", "SPECS", "TREATMENT_LABELS", "KpiSpec"]

ALL = "ALL"
KPI_COLUMNS = ["channel", "area", "kpi", "n", "k", "value", "ci_low", "ci_high"]
TREATMENT_LABELS = {3.0: "mycket god", 2.0: "god", 1.0: "medelgod", 0.0: "dålig"}


@dataclass(frozen=True)
class KpiSpec:
    """One KPI: its statistic (``share``, ``median`` or ``index``), whether higher values are
    better (``direction`` +1), worse (-1) or neither (0, reported but never judged), the channels
    it is reported for, and the unit of its value."""

    name: str
    kind: Literal["share", "median", "index"]
    direction: int
    channels: tuple[str, ...]
    unit: Literal["share", "seconds", "hours", "index"]


KPIS: tuple[KpiSpec, ...] = (
    KpiSpec("phone_reached", "share", 1, ("phone",), "share"),
    KpiSpec("phone_answered_question", "share", 1, ("phone",), "share"),
    KpiSpec("phone_answered_question_partly", "share", 0, ("phone",), "share"),
    KpiSpec("phone_wait_seconds_median", "median", -1, ("phone",), "seconds"),
    KpiSpec("email_within_1_working_day", "share", 1, ("email",), "share"),
    KpiSpec("email_within_2_working_days", "share", 1, ("email",), "share"),
    KpiSpec("email_response_hours_median", "median", -1, ("email",), "hours"),
    KpiSpec("email_answered_question", "share", 1, ("email",), "share"),
    KpiSpec("email_answered_question_partly", "share", 0, ("email",), "share"),
    KpiSpec("answered_question", "share", 1, (ALL,), "share"),
    KpiSpec("answered_question_partly", "share", 0, (ALL,), "share"),
    KpiSpec("treatment_index", "index", 1, ("phone", "email", ALL), "index"),
    KpiSpec("treatment_good_or_better", "share", 1, ("phone", "email", ALL), "share"),
)
SPECS = {spec.name: spec for spec in KPIS}
