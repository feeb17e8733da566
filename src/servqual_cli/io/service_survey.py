"""Read the citizen survey of the national service measurement (SKR, since 2022).

One row per respondent: the year, the channel of the contact (``telefon``/``e-post``) and the
answered questions, each 1-5 (5 best); "Vet ej" and the other don't-know answers are missing.
Recognised question columns (Swedish or English headers, matched after folding):

========== ============================================================================
question   headers
========== ============================================================================
ease       enkelt_att_få_hjälp, enkelhet, enkelt, ease, easy_to_get_help
treatment  bemötande, nöjd_med_bemötandet, treatment, satisfaction_with_treatment
clarity    tydligt_svar, tydlighet, tydligt, clarity, clear_answer
========== ============================================================================

Values outside 1-5, and text that is not a number or a don't-know answer, are excluded and
counted (file row and column kept in the exclusion log); ``--strict`` makes them errors.

References
----------
.. [1] SKR, "Jämför servicemätningens nyckeltal i databasen Kolada" (2024): answers 1-5 scored
   5 = 100, 4 = 75, 3 = 50, 2 = 25, 1 = 0 points; the index is the mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.io.cells import fold_text, lookup, parse_numbers, reasons
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.contact_values import CHANNELS
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import DONT_KNOW, NOT_APPLICABLE, NOT_AVAILABLE
from servqual_cli.io.years import YEAR_ALIASES, parse_years

__all__ = ["QUESTIONS", "SURVEY_ROLES", "CitizenSurvey", "load_citizen_survey"]

QUESTIONS = ("ease", "treatment", "clarity")
SURVEY_ROLES: dict[str, list[str]] = {
    "year": list(YEAR_ALIASES),
    "channel": ["channel", "kanal", "kontaktväg"],
    "ease": ["ease", "enkelt_att_få_hjälp", "enkelt att få hjälp", "enkelhet", "enkelt",
             "easy_to_get_help"],
    "treatment": ["treatment", "bemötande", "bemotande", "nöjd_med_bemötandet",
                  "satisfaction_with_treatment"],
    "clarity": ["clarity", "tydligt_svar", "tydligt svar", "tydlighet", "tydligt",
                "clear_answer"],
}  # fmt: skip


@dataclass(frozen=True)
class CitizenSurvey:
    """Answers in long form: ``frame`` has ``row``, ``year``, ``channel`` (phone/email),
    ``question`` and ``answer`` (1-5); one row per answered question. ``questions`` lists the
    questions the file has; ``n_respondents`` the rows kept."""

    table: RawTable
    frame: pd.DataFrame
    questions: tuple[str, ...]
    n_respondents: int
    excluded: dict[str, int]
    exclusions: pd.DataFrame

    def describe(self) -> dict[str, Any]:
        return {**self.table.describe(), "n_respondents": self.n_respondents,
                "questions": list(self.questions), "excluded": self.excluded}  # fmt: skip


def load_citizen_survey(table: RawTable, strict: bool = False) -> CitizenSurvey:
    """Clean a citizen-survey table.

    Raises
    ------
    DataError
        No year or channel column, no question column, or no answer left.

    Examples
    --------
    >>> frame = pd.DataFrame({"år": [2023, 2023, 2024], "kanal": ["telefon", "e-post", "fax"],
    ...                       "bemötande": [5, "Vet ej", 4]}, dtype=object)
    >>> s = load_citizen_survey(RawTable(frame, "s.csv", None, 1, np.arange(2, 5), ""))
    >>> s.frame[["year", "channel", "question", "answer"]].values.tolist(), s.excluded
    ([[2023, 'phone', 'treatment', 5.0]], {'dont_know': 1, 'unparseable': 1})
    """
    where = Location(table.source, table.sheet)
    index = ColumnIndex(table.columns, table.source, table.sheet)
    pos = index.resolve_roles(SURVEY_ROLES, required=["year", "channel"])
    questions = tuple(q for q in QUESTIONS if q in pos)
    if not questions:
        raise DataError(
            "a citizen survey needs at least one question column (e.g. enkelt_att_få_hjälp, "
            "bemötande, tydligt_svar)",
            where,
            code="citizen_no_question",
        )
    frame = table.frame
    rows = table.row_numbers
    log = ExclusionLog(table.source, table.sheet)
    year, why_year = parse_years(frame.iloc[:, pos["year"]])  # the one year rule (io/years.py)
    log.add(rows, table.columns[pos["year"]], frame.iloc[:, pos["year"]].to_numpy(dtype=object),
            why_year)  # fmt: skip
    channel, blank_c, bad_c = lookup(frame.iloc[:, pos["channel"]], CHANNELS, squeeze=True)
    log.add(rows, table.columns[pos["channel"]],
            frame.iloc[:, pos["channel"]].to_numpy(dtype=object),
            reasons(len(frame), blank=blank_c, unparseable=bad_c))  # fmt: skip
    keep = ~np.isnan(year) & ~blank_c & ~bad_c
    parts = []
    for q in questions:  # a loop over the three question columns
        col = frame.iloc[:, pos[q]]
        text = fold_text(col)
        dont_know = text.isin(DONT_KNOW).to_numpy(dtype=bool, na_value=False)
        not_applicable = text.isin(NOT_APPLICABLE).to_numpy(dtype=bool, na_value=False)
        not_available = text.isin(NOT_AVAILABLE).to_numpy(dtype=bool, na_value=False)
        x, why = parse_numbers(col)
        out_of_range = ~np.isnan(x) & ~np.isin(x, [1.0, 2.0, 3.0, 4.0, 5.0])
        why = np.where(dont_know, "dont_know", why)
        why = np.where(not_applicable, "not_applicable", why)
        why = np.where(not_available, "not_available", why)
        why = np.where(out_of_range, "out_of_range", why).astype(object)
        why[why == "None"] = None
        log.add(rows[keep], table.columns[pos[q]], col.to_numpy(dtype=object)[keep], why[keep])
        ok = keep & ~np.isnan(x) & ~out_of_range
        part = {"row": rows[ok], "year": year[ok].astype(np.int64), "channel": channel[ok],
                "question": q, "answer": x[ok]}  # fmt: skip
        parts.append(pd.DataFrame(part))
    if strict:
        log.raise_if_strict()
    long = pd.concat(parts, ignore_index=True).sort_values(["row", "question"], kind="stable")
    if long.empty:
        raise DataError("no usable answer (1-5) in the question columns", where,
                        code="citizen_no_answer")  # fmt: skip
    return CitizenSurvey(table, long.reset_index(drop=True), questions, int(keep.sum()),
                         log.counts(), log.to_frame())  # fmt: skip


@dataclass(frozen=True)
class SurveyBenchmarkData:
    """Published survey indices of one year (``values``: ``kpi``, ``key``, ``value``,
    ``is_this``) from a Kolada file, with what was left out."""

    table: RawTable
    year: int
    municipality: str
    values: pd.DataFrame
    n_average_rows: int
    excluded: dict[str, int]
    exclusions: pd.DataFrame

    def describe(self) -> dict[str, Any]:
        return {**self.table.describe(), "year": self.year, "municipality": self.municipality,
                "n_average_rows": self.n_average_rows, "excluded": self.excluded}  # fmt: skip


def read_survey_benchmark(
    table: RawTable, municipality: str, year: int, kpi_map: dict[str, str], strict: bool = False
) -> SurveyBenchmarkData:
    """The published indices of ``year`` (Kolada long/wide table or API JSON, already read).

    KPIs are matched by the survey KPI names (``ease_phone``, ...) in the file's KPI or title
    column, or by Kolada id through ``kpi_map``.

    Raises
    ------
    UsageError
        The file has no values for ``year``.
    """
    from servqual_cli.errors import UsageError
    from servqual_cli.io.kolada import load_kolada
    from servqual_cli.vocab.service_survey import SURVEY_KPIS

    k = load_kolada(table, SURVEY_KPIS, strict=strict, kpi_map=kpi_map)
    frame = k.frame
    periods = sorted(int(p) for p in frame["period"].dropna().unique())
    where = Location(table.source, table.sheet)
    if periods and year not in periods:
        shown = ", ".join(map(str, periods))
        facts = {"year": year, "years": periods}
        raise UsageError(f"no values for {year} (the file has: {shown})", where,
                         code="no_values_for_year", facts=facts)  # fmt: skip
    if periods:
        frame = frame[frame["period"].eq(year)]
    key = frame["municipality_id"].fillna(frame["municipality"])
    wanted = municipality.strip()
    by_id = key.eq(wanted.zfill(4) if wanted.isdigit() else wanted)
    by_name = fold_text(frame["municipality"]).eq(wanted.casefold()).fillna(False)
    values = pd.DataFrame({"kpi": frame["kpi"], "key": key, "value": frame["value"],
                           "is_this": (by_id | by_name).to_numpy(dtype=bool)})  # fmt: skip
    return SurveyBenchmarkData(table, year, municipality, values.reset_index(drop=True),
                               k.n_average_rows, k.excluded, k.exclusions)  # fmt: skip
