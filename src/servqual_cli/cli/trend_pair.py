"""``servqual trend`` of two years: the inputs' before and after sides and the contact KPIs'
comparison with its benchmark; the SERVQUAL gaps' comparison is
:mod:`~servqual_cli.cli.trend_survey_pair` (split off at 400 lines, session 18).

Three or more years are :mod:`~servqual_cli.cli.trend_series`; the command and its options are in
:mod:`~servqual_cli.cli.measurement`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from servqual_cli.cli.measurement import email_note, json_records
from servqual_cli.cli.trend_labels import label_note, period_labels
from servqual_cli.core.thresholds import MIN_N

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from servqual_cli.core.benchmark import Benchmark
    from servqual_cli.instruments.model import Instrument
    from servqual_cli.io.measurement import ReadOptions, Side, SurveyYear


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``--years 2019,2020`` as a pair of years.

    >>> parse_years("2019, 2020"), parse_years(None)
    ((2019, 2020), None)
    """
    from servqual_cli.errors import UsageError

    if text is None:
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or parts[0] == parts[1]:
        raise UsageError(f"--years takes two different years, e.g. 2019,2020; got {text!r}",
                         code="years_two_different", facts={"text": text})  # fmt: skip
    return int(parts[0]), int(parts[1])


def load_sides(
    files: list[str],
    years: tuple[int, int] | None,
    municipality: str | None,
    instrument: Instrument,
    opts: ReadOptions,
    benchmark: str | None = None,
    weight_column: str | None = None,
) -> tuple[str, Side, Side]:
    """The kind of the inputs (contacts or survey) and their before and after years.

    The kind is settled from the headers before any value is parsed, so a wrong combination
    (a survey and a contact file, a survey with ``--benchmark``, contacts with
    ``--weight-column``) fails fast.
    """
    from servqual_cli.core.survey_trend import gap_scores
    from servqual_cli.errors import UsageError
    from servqual_cli.io import measurement as m

    if len(files) not in (1, 2):
        raise UsageError(f"give BEFORE and AFTER files, or one file and --years; got {len(files)}")
    tables = [opts.read(f) for f in files]
    if len(tables) == 2 and tables[0].sha256 == tables[1].sha256:
        raise UsageError(
            f"BEFORE and AFTER hold the same data ({files[0]!r} and {files[1]!r}); "
            "give two years' files, or one file with a year column and --years",
            code="before_after_same",
            facts={"before": files[0], "after": files[1]},
        )
    each = [m.table_kind(t, instrument) for t in tables]
    if len(set(each)) > 1:  # review 6 finding 15: say which file is which
        what = {m.CONTACTS: "a contact file", m.SURVEY: "a SERVQUAL survey"}
        named = " and ".join(
            f"{Path(f).name} is {what.get(k, k)}" for f, k in zip(files, each, strict=True)
        )
        raise UsageError(
            f"the two files must both be contact files or both SERVQUAL surveys: {named}",
            code="kinds_differ",
            facts={"files": [[Path(f).name, k] for f, k in zip(files, each, strict=True)]},
        )
    kind = each[0]
    if kind == m.SURVEY and benchmark is not None:
        raise UsageError("--benchmark compares contact KPIs; it does not apply to surveys",
                         code="benchmark_on_survey")  # fmt: skip
    if kind == m.CONTACTS and weight_column is not None:
        raise UsageError("--weight-column weights SERVQUAL survey respondents; it does not "
                         "apply to contact files", code="weight_column_contacts")  # fmt: skip
    if kind == m.CONTACTS:
        before, after = m.contact_sides(tables, years, municipality, opts.strict)
    else:
        pair = m.survey_years(tables, years, instrument, opts.strict)
        pair = weight_cells(pair, weight_column, opts.strict)
        weights = survey_weights(pair, weight_column)
        before, after = (
            m.Side(y.label, y.year, y.data.table, y.exclusions,
                   scores=gap_scores(y.expectation, y.perception, y.data.dimension_positions),
                   weights=w, weight_column=name)
            for y, (w, name) in zip(pair, weights, strict=True)
        )  # fmt: skip
    if before.year is not None and after.year is not None and before.year >= after.year:
        raise UsageError(
            f"BEFORE is {before.year} and AFTER is {after.year}: give the earlier year first",
            code="before_after_order",
            facts={"before": before.year, "after": after.year},
        )
    return kind, *period_labels(before, after)


def weight_cells(
    pair: tuple[SurveyYear, SurveyYear], name: str | None, strict: bool
) -> tuple[SurveyYear, SurveyYear]:
    """The years with their cells of ``name`` that hold no valid weight in their exclusion
    lists (:func:`~servqual_cli.io.weight_column.with_weight_cells`; review 15, finding 8),
    a file that holds both years once."""
    from dataclasses import replace

    from servqual_cli.io.columns import ColumnIndex
    from servqual_cli.io.weight_column import with_weight_cells

    if name is None:
        return pair
    done: dict[int, Any] = {}  # id of a year's survey -> the survey with its weight cells
    for y in pair:  # (two years)
        table = y.data.table
        if id(y.data) not in done:
            has = ColumnIndex(table.columns, table.source, table.sheet).find(name) is not None
            done[id(y.data)] = (with_weight_cells(y.data, name, "--weight-column", strict)
                                if has else y.data)  # fmt: skip
    before, after = (replace(y, data=done[id(y.data)]) for y in pair)
    return before, after


def survey_weights(
    years: tuple[SurveyYear, SurveyYear], name: str | None
) -> list[tuple[np.ndarray | None, str | None]]:
    """Each year's respondent weights from the column ``name`` (``--weight-column``) and the
    column as spelt there; a year whose file has no such column weighs every respondent 1
    (name None; the output says so). Neither file having it is bad usage."""
    from numpy import ones

    from servqual_cli.io.columns import ColumnIndex
    from servqual_cli.io.weight_column import read_weight_column

    if name is None:
        return [(None, None), (None, None)]
    out: list[tuple[np.ndarray | None, str | None]] = []
    for y in years:
        table = y.data.table
        if ColumnIndex(table.columns, table.source, table.sheet).find(name) is None:
            out.append((ones(int(y.mask.sum())), None))
        else:
            values, real = read_weight_column(y.data, name, "--weight-column")
            out.append((values[y.mask], real))
    if all(real is None for _, real in out):  # the reader's message names file and columns
        read_weight_column(years[-1].data, name, "--weight-column")
    return out


def contact_trend(
    before: Side,
    after: Side,
    payload: dict[str, Any],
    lang: str,
    conf: float,
    power: float,
    benchmark: str | None,
    municipality: str | None,
    opts: ReadOptions,
    kpi_map: str | None = None,
    share_test: str = "score",
    rule: Any = None,
    adjust: str = "holm",
    min_n: int = MIN_N,
) -> tuple[list[Any], pd.DataFrame, tuple[str, pd.DataFrame] | None]:
    import pandas as pd

    from servqual_cli.core.benchmark import rank_benchmark
    from servqual_cli.core.change_verdict import VERDICT_RULE
    from servqual_cli.core.contacts import kpi_observations
    from servqual_cli.core.trend import area_family_size, compare_kpis, total_family_size
    from servqual_cli.core.trend_coverage import not_compared
    from servqual_cli.core.wait_basis import wait_basis
    from servqual_cli.report.measurement_sections import trend_sections

    if before.contacts is None or after.contacts is None:  # the caller checked the kind
        raise RuntimeError("internal: a contact trend without contact rows")
    observations = [kpi_observations(contacts, keys=(), email_rule=rule)
                    for contacts in (before.contacts, after.contacts)]  # fmt: skip
    comparisons = compare_kpis(observations[0], observations[1], conf, power, share_test, adjust,
                               min_n)  # fmt: skip
    payload["min_n"] = min_n  # the rows' small_base is n before or n after below it
    # what was measured in one year only is named, not silently dropped (review 12a finding 2)
    left_out = not_compared(observations[0], observations[1])
    payload["not_compared"] = left_out.records(before.label, after.label)
    family = area_family_size(comparisons)
    payload["adjust"] = {"family": "areas (every per-area comparison); the totals are a "
                         "family of their own", "method": adjust, "comparisons": family,
                         "totals": total_family_size(comparisons)}  # fmt: skip
    payload["verdict_rule"] = VERDICT_RULE
    if rule is not None:
        from servqual_cli.report.email_rule_text import email_rule_text

        payload["email_rule"] = {"rule": rule.text, "description": email_rule_text(rule)}
    payload["municipality"] = municipality or after.municipality or before.municipality
    payload["comparisons"] = json_records(comparisons)
    # each year's queue-time basis from its contact rows (review 10c finding 1)
    waits = (wait_basis(before.contacts), wait_basis(after.contacts))
    payload["wait_basis"] = {"before": waits[0].to_dict(), "after": waits[1].to_dict()}
    sections = trend_sections(comparisons, before.label, after.label, lang, power, conf, adjust,
                              family, waits, left_out)  # fmt: skip
    sections = _with_mix(sections, before, after, payload, lang, rule,
                         dict(conf=conf, power=power, share_test=share_test, adjust=adjust,
                              min_n=min_n))  # fmt: skip
    sections = [*label_note((before, after), payload, lang), *sections]
    if rule is not None:
        sections = [*sections, email_note(rule, lang)]
    # Totals over all channels compare like with like only if both years measured the same
    # channels (54 calls + 54 e-mails against 54 e-mails alone is not a trend).
    channels = [set(c["channel"].dropna().astype(str)) for c in (before.contacts, after.contacts)]
    if channels[0] != channels[1]:
        from servqual_cli.report.measurement_sections import ml
        from servqual_cli.report.spec import Section, Text

        b, a = (", ".join(sorted(c)) or "–" for c in channels)
        text = ml("channels_differ", lang).format(before=before.label, b=b, after=after.label, a=a)
        payload["warnings"].append(text)
        sections.insert(0, Section(title="", blocks=(Text(text, kind="warning"),)))
    tidy = comparisons.assign(table="trend")
    if payload["totals_like_for_like"]:  # the like-for-like totals, one row per KPI (finding 2)
        like = pd.DataFrame(payload["totals_like_for_like"]).assign(table="trend_same_areas")
        tidy = pd.concat([tidy, like], ignore_index=True)
    if left_out:  # the machine table (CSV, -o x.xlsx) names them too, one row each
        gone = pd.DataFrame(left_out.records(before.label, after.label))
        gone = gone.assign(
            table="not_compared", verdict="measured in one year only", year=gone["years"].str[0]
        ).drop(columns=["years", "reason", "level"])
        tidy = pd.concat([tidy, gone], ignore_index=True)
    bench_parts = None
    payload["benchmark"] = None
    if benchmark is not None:
        from servqual_cli.io.kolada_map import load_kpi_map

        names = {k: e.name for k, e in load_kpi_map(kpi_map).items() if e.name}
        read = _read_benchmark(benchmark, municipality or after.municipality, after, opts, names)
        bench = rank_benchmark(read, after.contacts, conf, after.label)
        from servqual_cli.core.results import records
        from servqual_cli.report.benchmark_sections import benchmark_rows

        # the CSV's and the JSON's KPI rows alike (floats without noise, review 11b)
        kpi_rows = benchmark_rows(bench.kpis)
        payload["benchmark"] = {**bench.to_dict(), "kpis": records(kpi_rows)}
        sections.append(_benchmark_section(bench, lang, after.label, conf))
        # both sides' years on every row, as the terminal heading and the JSON name them: a
        # CSV of Lekeberg 2020 against the others' 2019 must not read as one year (x-small, s14)
        years = {"this_year": bench.shown_this_year, "others_year": bench.others_year,
                 "same_year": bench.same_year}  # fmt: skip
        rows = kpi_rows.assign(table="benchmark", area="ALL", **years)
        tidy = pd.concat([tidy, rows], ignore_index=True)
        bench_parts = (payload["benchmark"]["file"], read.exclusions)
    tidy = tidy[["table", *[c for c in tidy.columns if c != "table"]]]
    return sections, tidy, bench_parts


def _with_mix(
    sections: list[Any],
    before: Side,
    after: Side,
    payload: dict[str, Any],
    lang: str,
    rule: Any,
    compare: dict[str, Any],
) -> list[Any]:
    """Name the areas whose contacts differ sharply under the totals, with the like-for-like
    totals (review 16 finding 2); JSON ``area_mix``, ``totals_like_for_like`` and a warning."""
    from servqual_cli.core.trend_mix import MIX_RULE, area_mix, like_for_like
    from servqual_cli.report.trend_mix_section import mix_text, with_mix

    if before.contacts is None or after.contacts is None:  # the caller checked the kind
        raise RuntimeError("internal: a contact trend without contact rows")
    mix = area_mix(before.contacts, after.contacts)
    like = like_for_like(before.contacts, after.contacts, mix, rule, **compare)
    payload["warnings"] = []
    payload["area_mix"] = {"rule": MIX_RULE, "areas": json_records(mix)}
    payload["totals_like_for_like"] = json_records(like) if len(like) else []
    if not len(mix):
        return sections
    payload["warnings"].append(mix_text(mix, before.label, after.label, lang))
    return with_mix(sections, mix, like, before.label, after.label, lang, compare["adjust"],
                    compare["conf"])  # fmt: skip


def _read_benchmark(
    path: str, municipality: str | None, after: Side, opts: ReadOptions, names: dict[str, str]
) -> Any:
    """The benchmark file at the AFTER year: the year in the data; else the year the AFTER side
    is labelled by (its title row or file name) when the file holds it; else the file's latest
    year, which the output then names beside the AFTER year (t-slope, session 13)."""
    from servqual_cli.errors import UsageError
    from servqual_cli.io.measurement import read_benchmark

    if after.year is None and after.label.isdigit():
        try:
            return read_benchmark(path, municipality, int(after.label), opts, names)
        except UsageError as error:
            if error.code != "no_values_for_year":
                raise
    return read_benchmark(path, municipality, after.year, opts, names)


def _benchmark_section(bench: Benchmark, lang: str, year: str = "", conf: float = 0.95) -> Any:
    from servqual_cli.report.benchmark_sections import benchmark_notes, benchmark_section

    source = bench.source
    notes = benchmark_notes(bench, lang, year)
    shown = "" if source.year is None else str(source.year)
    this = bench.shown_this_year or ""  # both years named when they differ (t-slope, s13)
    return benchmark_section(bench.kpis, source.municipality, shown, lang, notes, conf, this)
