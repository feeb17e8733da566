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
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.spec import Section, Text

if TYPE_CHECKING:
    import numpy as np

    from servqual_cli.core.benchmark import Benchmark

__all__ = ["benchmark_notes", "benchmark_rows", "benchmark_section", "colour_verdict_note"]


def benchmark_section(
    table: pd.DataFrame,
    municipality: str,
    year: str,
    lang: str,
    notes: list[str],
    conf: float = 0.95,
    this_year: str = "",
) -> Section:
    """This municipality against the others' mean, with its rank, display units; the verdict
    note names the interval level ``conf`` the verdicts used.

    ``year`` is the others' year (the benchmark file's), ``this_year`` this municipality's (the
    analysed year's label; empty: the same). When the two differ, the heading, the columns of
    the others and of the rank, and a note name both years (t-slope, session 13: the heading
    read "Jämförelse med övriga kommuner 2019" above Lekeberg's 2020 values)."""
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
    rename = {"value": municipality}
    first: list[str] = []
    if this_year and this_year != year:
        title, rename, first = _two_years(municipality, this_year, year or "–", lang)
    table_ = labelled_table(title, code_labels(t[cols], lang), lang, digits,
                            ml("units_note", lang), ("Jämförelse", "Benchmark"),
                            rename=rename)  # fmt: skip
    notes = [*first, with_level(ml("verdict_note", lang), conf, lang),
             *colour_verdict_note(table, lang, conf), *notes]  # fmt: skip
    return Section("", (table_, *(Text(n, "note") for n in notes)))


def colour_verdict_note(kpis: pd.DataFrame, lang: str, conf: float = 0.95) -> list[str]:
    """The note that Kolada's colour and the verdict answer different questions, when a row
    shows both a colour and a verdict from an interval (review 12c, finding 8: "röd" beside
    "kan inte skiljas från medel" read as a contradiction). A verdict by rank thirds (a value
    without an interval) is the colour itself, and a row without a colour (unranked, small
    base) has nothing to explain: no note then.

    >>> k = pd.DataFrame({"rank_third": ["red", None], "verdict": ["same", "same"],
    ...                   "verdict_method": ["t_interval", "t_interval"]})
    >>> colour_verdict_note(k, "sv")[0][:45]
    'Kolada-färg och bedömning kan skilja sig åt: '
    >>> colour_verdict_note(k.assign(verdict_method="rank_thirds"), "en")
    []
    """
    from servqual_cli.report.catalog import KOLADA
    from servqual_cli.report.conf_level import with_level
    from servqual_cli.report.labels import label

    if not {"rank_third", "verdict", "verdict_method"} <= set(kpis.columns):
        return []
    both = (
        kpis["rank_third"].notna()
        & kpis["verdict"].notna()
        & kpis["verdict_method"].notna()
        & kpis["verdict_method"].ne("rank_thirds")
    )
    if not both.any():
        return []
    return [with_level(label("colour_verdict_note", lang, KOLADA), conf, lang)]


def benchmark_rows(kpis: pd.DataFrame) -> pd.DataFrame:
    """The benchmark's KPI rows as the CSV and the JSON give them: the core's columns, floats to
    12 significant digits (review 11b, "still open").

    The benchmark file's percents divided by 100 read 0.7959999999999999 for a published
    79.6 %; the other CSV outputs write each float's shortest form, which is then 0.796. No
    value here has more than 12 meaningful digits. ``side_of_mean`` comes from the core
    (:func:`servqual_cli.core.benchmark.benchmark_kpis`), as every other column does.

    >>> k = pd.DataFrame({"diff": [0.0125, None], "others_max": [0.8520000000000001, 56.0]})
    >>> k["side_of_mean"] = pd.Series(["above", None], dtype=object)
    >>> out = benchmark_rows(k)
    >>> out["others_max"].tolist(), out["side_of_mean"].tolist()
    ([0.852, 56.0], ['above', None])
    """
    out = kpis.copy()
    for col in out.columns[[k == "f" for k in out.dtypes.map(lambda d: d.kind)]]:
        out[col] = _significant(out[col].to_numpy(dtype=float))
    return out


def _significant(x: np.ndarray, digits: int = 12) -> np.ndarray:
    """``x`` rounded to ``digits`` significant digits, vectorised (0 and NaN stay).

    >>> import numpy as np
    >>> _significant(np.array([0.7959999999999999, 12345.600000000002, 0.0, np.nan]))
    array([7.96000e-01, 1.23456e+04, 0.00000e+00,         nan])
    """
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        magnitude = np.floor(np.log10(np.abs(x)))
    decimals = np.where(np.isfinite(magnitude), digits - 1 - magnitude, 0).astype(int)
    # a power of ten up to 1e22 is exact, and one division rounds correctly: the nearest double
    scale = 10.0 ** np.clip(decimals, -22, 22)
    return np.where(np.isfinite(x), np.round(x * scale) / scale, x)


def _two_years(
    municipality: str, this: str, others: str, lang: str
) -> tuple[str, dict[str, str], list[str]]:
    """The heading, the column names and the first note of a benchmark whose two sides are of
    different (or, for a label that is no year, possibly different) years.

    >>> title, names, notes = _two_years("Lekeberg", "2020", "2019", "sv")
    >>> title, names["value"], names["others_mean"]
    ('Lekeberg 2020 mot övriga kommuner 2019', 'Lekeberg 2020', 'Medel övriga 2019')
    >>> names["rank"], names["rank_third"]
    ('Placering bland 2019 års värden', 'Kolada-färg (bland 2019 års värden)')
    >>> _two_years("Lekeberg", "2020", "2019", "en")[0]
    'Lekeberg 2020 against the other municipalities 2019'
    """
    words = {"municipality": municipality, "this": this, "others": others}
    title = ml("bench_title_years", lang).format(**words)
    rename = {
        "value": f"{municipality} {this}",
        "others_mean": ml("bench_others_mean_year", lang).format(**words),
        "others_min": ml("bench_others_min_year", lang).format(**words),
        "others_max": ml("bench_others_max_year", lang).format(**words),
        "diff": ml("bench_diff_years", lang).format(**words),
        "rank": ml("bench_rank_years", lang).format(**words),
        "rank_third": ml("bench_third_years", lang).format(**words),
    }
    key = "bench_years_differ" if this.isdigit() else "bench_year_unknown"
    return title, rename, [ml(key, lang).format(**words)]


def benchmark_notes(bench: Benchmark, lang: str, year: str = "") -> list[str]:
    """Notes under the benchmark table: where this municipality's values come from, the KPIs
    left unranked, the file's own values that differ from the computed ones, average rows."""
    notes = []
    source = bench.source
    if bench.this_from_own:
        shown = year or ("" if source.year is None else str(source.year))
        key = "this_from_own_computed" if bench.others_computed else "this_from_own"
        notes.append(ml(key, lang).format(year=shown or "–"))
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
    other_year = _file_other_year(bench, lang)
    if other_year:
        notes.append(other_year)
    if source.n_average_rows:
        # a count in the language's thousands format, as every count in a note (x-small, s14)
        words = ml("average_row" if source.n_average_rows == 1 else "average_rows", lang)
        notes.append(f"{fmt_int(source.n_average_rows, lang)} {words}.")
    return notes


def _file_other_year(bench: Benchmark, lang: str) -> str:
    """This municipality's own values in a benchmark file of another year: listed, not checked
    against the computed ones (:attr:`Benchmark.file_differs` is empty then)."""
    if not bench.this_from_own or bench.same_year is not False:
        return ""
    own = bench.kpis[bench.kpis["value"].notna() & bench.kpis["file_value"].notna()]
    if not len(own):
        return ""
    scale = display_scale(own["kpi"])
    cols = [own[c].tolist() for c in ("kpi", "channel", "file_value")]
    parts = [f"{kpi_name(str(k), str(c), lang)} {_one(f * s, lang)}"
             for k, c, f, s in zip(*cols, scale, strict=True)]  # fmt: skip
    return ml("bench_file_other_year", lang).format(
        municipality=bench.source.municipality, others=bench.others_year,
        this=bench.shown_this_year, kpis="; ".join(parts),
    )  # fmt: skip


def _one(value: float, lang: str) -> str:
    """One decimal in a note: "74,1" and "−2,4" in Swedish, "74.1" in English.

    >>> _one(-2.35, "sv"), _one(-2.35, "en")
    ('−2,4', '-2.4')
    """
    return fmt_number(value, lang, 1) if lang == "sv" else f"{value:.1f}"
