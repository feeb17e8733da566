"""Document sections of a contact KPI benchmark: this municipality against the others' mean,
with its rank, and the notes under that table (``servqual trend --benchmark`` and the report).

Split from :mod:`servqual_cli.report.measurement_sections`; the table helpers both use live in
:mod:`servqual_cli.report.measurement_tables`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from servqual_cli.report.measurement_tables import (
    code_labels,
    display_scale,
    kpi_name,
    kpi_names,
    labelled_table,
    ml,
)
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Section, Text

if TYPE_CHECKING:
    from servqual_cli.core.benchmark import Benchmark

__all__ = ["benchmark_notes", "benchmark_section"]


def benchmark_section(
    table: pd.DataFrame,
    municipality: str,
    year: str,
    lang: str,
    notes: list[str],
    conf: float = 0.95,
) -> Section:
    """This municipality against the others' mean, with its rank, display units; the verdict
    note names the interval level ``conf`` the verdicts used."""
    from servqual_cli.report.conf_level import with_level

    t = table.copy()
    scale = display_scale(t["kpi"])
    for col in ("value", "others_mean", "diff", "others_min", "others_max"):
        t[col] = t[col].to_numpy(dtype=float) * scale
    # the rank and the number ranked as two columns of numbers (Excel keeps them as numbers)
    t["rank"] = pd.to_numeric(t["rank"], errors="coerce").astype("Int64")
    t["n_municipalities"] = pd.to_numeric(t["n_municipalities"], errors="coerce").astype("Int64")
    t["kpi"] = kpi_names(t, lang)
    cols = ["kpi", "value", "others_mean", "diff", "rank", "n_municipalities", "others_min",
            "others_max", "verdict", "rank_third"]  # fmt: skip
    digits = {c: ".1f" for c in ("value", "others_mean", "others_min", "others_max")}
    digits.update({"diff": "+.1f", "rank": "d", "n_municipalities": "d"})
    title = f"{ml('benchmark_title', lang)} {year}".strip()
    table_ = labelled_table(title, code_labels(t[cols], lang), lang, digits,
                            ml("units_note", lang), ("Jämförelse", "Benchmark"),
                            rename={"value": municipality})  # fmt: skip
    notes = [with_level(ml("verdict_note", lang), conf, lang), *notes]
    return Section("", (table_, *(Text(n, "note") for n in notes)))


def benchmark_notes(bench: Benchmark, lang: str, year: str = "") -> list[str]:
    """Notes under the benchmark table: where this municipality's values come from, the KPIs
    left unranked, the file's own values that differ from the computed ones, average rows."""
    notes = []
    source = bench.source
    if bench.this_from_own:
        shown = year or ("" if source.year is None else str(source.year))
        notes.append(ml("this_from_own", lang).format(year=shown or "–"))
    unranked = bench.unranked
    if len(unranked):
        names = []
        for kpi, channel, value in unranked[["kpi", "channel", "file_value"]].itertuples(
            index=False, name=None
        ):
            name = kpi_name(str(kpi), str(channel), lang)
            if pd.notna(value):
                shown = _one(float(value) * float(display_scale(pd.Series([kpi]))[0]), lang)
                name = f"{name} ({ml('file_value', lang).format(value=shown)})"
            names.append(name)
        notes.append(ml("not_ranked", lang).format(kpis="; ".join(names)))
    differs = bench.file_differs
    if len(differs):
        scale = display_scale(differs["kpi"])
        cols = [differs[c].tolist() for c in ("kpi", "channel", "value", "file_value")]
        parts = []
        for k, c, v, f, s in zip(*cols, scale, strict=True):
            in_file = ml("file_value", lang).format(value=_one(f * s, lang))
            parts.append(f"{kpi_name(str(k), str(c), lang)} {_one(v * s, lang)} ({in_file})")
        notes.append(
            ml("file_differs", lang).format(municipality=source.municipality, kpis="; ".join(parts))
        )
    if source.n_average_rows:
        notes.append(f"{source.n_average_rows} {ml('average_rows', lang)}.")
    return notes


def _one(value: float, lang: str) -> str:
    """One decimal in a note: "74,1" and "−2,4" in Swedish, "74.1" in English.

    >>> _one(-2.35, "sv"), _one(-2.35, "en")
    ('−2,4', '-2.4')
    """
    return fmt_number(value, lang, 1) if lang == "sv" else f"{value:.1f}"
