"""``servqual trend`` over three or more years: which inputs make a series, and the series'
tables added before the last pair's comparison (:mod:`servqual_cli.core.series`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servqual_cli.core.thresholds import MIN_N

if TYPE_CHECKING:
    import pandas as pd

    from servqual_cli.io.measurement import ReadOptions, Side

__all__ = ["add_series", "series_sides"]


def series_sides(
    files: list[str], years: str | None, municipality: str | None, opts: ReadOptions
) -> list[Side] | None:
    """The years of a contact series, or None when the inputs are a before/after pair.

    Three or more files make a series (contact files, one year each); so does one contact
    file with three or more years and no ``--years``.
    """
    from servqual_cli.errors import UsageError
    from servqual_cli.io import measurement as m

    if len(files) < 3 and not (len(files) == 1 and years is None):
        return None
    if len(files) >= 3 and years is not None:
        raise UsageError("--years picks two years; a series of files uses every file's year",
                         code="years_with_series")  # fmt: skip
    tables = [opts.read(f) for f in files]
    if len(files) == 1:
        from servqual_cli.instruments.toml import load_instrument

        if m.table_kind(tables[0], load_instrument(None)) != m.CONTACTS:
            return None
        sides = m.contact_series(tables, municipality, opts.strict)
        return sides if len(sides) >= 3 else None
    for table in tables:
        index = m.ColumnIndex(table.columns, table.source, table.sheet)
        if index.find_role(m.CONTACT_ROLES["channel"]) is None:
            raise UsageError("a series of three or more files takes contact files only",
                             m.Location(table.source, table.sheet),
                             code="series_contacts_only")  # fmt: skip
    return m.contact_series(tables, municipality, opts.strict)


def add_series(
    sides: list[Side],
    payload: dict[str, Any],
    sections: list[Any],
    tidy: pd.DataFrame,
    lang: str,
    conf: float,
    bench_args: tuple[str, str | None, ReadOptions, str | None] | None = None,
    email_rule: Any = None,
    min_n: int = MIN_N,
) -> tuple[list[Any], pd.DataFrame]:
    """Every year's KPI values and the trend test over all years, before the last pair; with a
    benchmark, the other municipalities' mean of every year the benchmark file has.

    ``email_rule`` (an :class:`~servqual_cli.core.email_rule.EmailRule`) decides the e-mail
    reply shares of every year, as in the last pair, and is printed under the series tables.
    ``min_n`` (``--min-n``) marks a year's value under it and every trend that rests on it."""
    import pandas as pd

    from servqual_cli.core.series import SeriesResult
    from servqual_cli.io.kolada_map import load_kpi_map
    from servqual_cli.report.series_data import others_by_year, series_tables
    from servqual_cli.report.series_sections import series_sections

    frames = [side.contacts for side in sides if side.contacts is not None]
    others = None
    if bench_args is not None:
        path, municipality, opts, kpi_map = bench_args
        names = {k: e.name for k, e in load_kpi_map(kpi_map).items() if e.name}
        years = [(int(s.year), s.contacts, municipality or s.municipality) for s in sides
                 if s.year is not None and s.contacts is not None]  # fmt: skip
        others = others_by_year(years, path, opts, names, conf)
    values, trends = series_tables(frames, conf, others, email_rule, min_n)
    result = SeriesResult(tuple(int(s.year) for s in sides if s.year is not None), values, trends)
    from servqual_cli.core.results import records

    def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:  # nullable ints and NaN -> null
        return records(frame.astype(object).where(frame.notna(), None))

    payload["series"] = {**result.to_dict(), "values": _records(values),
                         "trends": _records(trends), "min_n": min_n}  # fmt: skip
    payload["years"] = [side.describe() for side in sides]
    tidy = pd.concat([tidy, values.assign(table="series"), trends.assign(table="series_trend")],
                     ignore_index=True)  # fmt: skip
    series = series_sections(values, trends, lang, conf=conf)
    if email_rule is not None:
        from servqual_cli.cli.measurement import email_note

        series = [*series, email_note(email_rule, lang)]
    # the series' totals over a changed mix of areas are named too (review 16 finding 2)
    from servqual_cli.cli.measurement import json_records
    from servqual_cli.core.trend_mix import series_mix
    from servqual_cli.report.spec import Section, Text
    from servqual_cli.report.trend_mix_section import series_mix_text

    mix = series_mix(frames)
    payload["series"]["area_mix"] = json_records(mix.assign(counts=mix["counts"].map(list)))
    text = series_mix_text(mix, [s.label for s in sides], lang)
    if text:
        payload.setdefault("warnings", []).append(text)
        series = [*series, Section("", (Text(text, kind="warning"),))]
    return [*series, *sections], tidy
