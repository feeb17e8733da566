"""The report configuration as validated (:class:`ReportConfig` and its sections) and its
defaults. Reading and checking the TOML is :mod:`~servqual_cli.report.config`, which re-exports
these names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from servqual_cli.core.thresholds import MIN_N

LANGUAGES = ("sv", "en")
CROSSHAIRS = ("mean", "midpoint")
BUILTIN_INSTRUMENTS = ("pzb1991", "pzb1988")
# MIN_N (core.thresholds): answers below which a value is shown as "För få svar" / "Too few
# answers" (config ``min_n``). One definition for every renderer: the report parts set
# ``GlanceRow.small_base`` from :attr:`ReportConfig.min_n`, and the charts suppress bars below it
# (issue #9 items 1 and 7).


@dataclass(frozen=True)
class InputFile:
    """A file the report reads: its role, the path as the user wrote it, and where it is."""

    role: str
    given: str
    path: Path


@dataclass(frozen=True)
class SurveyConfig:
    file: InputFile
    instrument: str | None = None  # built-in name, or the resolved path of an instrument TOML
    instrument_file: InputFile | None = None
    by: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    header_row: int | None = None
    strict: bool = False
    conf: float = 0.95
    ipa_crosshair: str = "mean"
    weight_column: str | None = None  # survey (calibration) weights, as gap --weight-column
    overall: str | None = None  # overall quality: the "importance" section (gap --overall)
    importance_on: str = "gap"  # its predictors: gap or perception (gap --importance-on)
    # no answer besides the instrument's own ``missing`` (their union), as gap --missing-codes
    missing_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContactsConfig:
    years: tuple[tuple[str, InputFile], ...]
    benchmark: InputFile | None = None
    municipality: str | None = None
    sheet: str | None = None


@dataclass(frozen=True)
class ServiceConfig:
    kpi: InputFile | None = None
    feedback: InputFile | None = None
    promise: str | None = None
    as_of: str | None = None
    # renamed units merged before the feedback register is counted, (OLD, NEW) in the
    # config's order (review 16, finding 3; core.feedback_units)
    unit_map: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ToleranceConfig:
    """``[tolerance]``: a file with adequate (A), desired (D) and perceived (P) columns for the
    report's ``tolerance`` section, when the survey file has no A and D columns (a three-column
    zone-of-tolerance survey has no E columns, so it cannot be the ``[survey]`` file)."""

    file: InputFile
    instrument: str | None = None  # default: the [survey] instrument, else pzb1991
    instrument_file: InputFile | None = None
    sheet: str | None = None
    encoding: str | None = None
    header_row: int | None = None
    strict: bool = False


@dataclass(frozen=True)
class KnowledgeGapConfig:
    """``[knowledge_gap]``: the staff's answers to "what do citizens expect?" for the report's
    ``knowledge_gap`` section (gap 1, as ``servqual knowledge-gap``), read with the [survey]'s
    instrument, encoding, header row and strictness; ``staff_sheet`` is the staff's sheet
    (default: the [survey]'s ``sheet``, as the command's ``--sheet`` for both files)."""

    staff_file: InputFile
    staff_sheet: str | None = None


@dataclass(frozen=True)
class ReportConfig:
    """Everything a report needs, validated. ``raw`` is the TOML as read (for the manifest)."""

    language: str = "en"
    title: str | None = None
    organisation: str | None = None
    period: str | None = None
    sections: tuple[str, ...] | None = None  # None: every section that has its inputs
    survey: SurveyConfig | None = None
    contacts: ContactsConfig | None = None
    service: ServiceConfig | None = None
    tolerance: ToleranceConfig | None = None
    knowledge_gap: KnowledgeGapConfig | None = None
    source: InputFile | None = None  # the config file itself
    group: tuple[str, str] | None = None  # (column, value) of a --split report
    min_n: int = MIN_N  # values on fewer answers are "too few answers" (see MIN_N)
    date: dt.date | None = None  # the report's date; None: SOURCE_DATE_EPOCH, else today
    raw: Mapping[str, Any] = field(default_factory=dict)

    def inputs(self) -> tuple[InputFile, ...]:
        """Every file read, config first, in a fixed order (for the manifest)."""
        files: list[InputFile | None] = [self.source]
        if self.survey is not None:
            files += [self.survey.file, self.survey.instrument_file]
        if self.contacts is not None:
            files += [f for _, f in self.contacts.years] + [self.contacts.benchmark]
        if self.service is not None:
            files += [self.service.kpi, self.service.feedback]
        if self.tolerance is not None:
            files += [self.tolerance.file, self.tolerance.instrument_file]
        if self.knowledge_gap is not None:
            files.append(self.knowledge_gap.staff_file)
        return tuple(f for f in files if f is not None)
