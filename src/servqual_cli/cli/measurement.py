"""``servqual contacts`` and ``servqual trend``: service measurement by test contacts, year on
year, against other municipalities; and SERVQUAL gaps of two survey years.

pandas and scipy are imported inside the commands, so ``servqual --help`` stays fast.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from servqual_cli.cli import options as o

if TYPE_CHECKING:
    import pandas as pd

    from servqual_cli.core.benchmark import Benchmark
    from servqual_cli.instruments.model import Instrument
    from servqual_cli.io.measurement import ReadOptions, Side

app = typer.Typer()

# JSON keys of the bemötande ratings (the scale is Swedish; the keys are English like all keys).
TREATMENT_KEYS = {"mycket god": "very_good", "god": "good", "medelgod": "fair", "dålig": "poor"}


class Breakdown(str, Enum):
    area = "area"
    channel = "channel"


MunicipalityOpt = Annotated[
    str | None,
    typer.Option(
        "--municipality",
        "-m",
        help="This municipality (name, or Kolada id in a benchmark): the rows to use in a file "
        "of several municipalities, and the one to compare with --benchmark.",
    ),
]
PowerOpt = Annotated[
    float,
    typer.Option("--power", min=0.5, max=0.99, help="Power of the minimum detectable change."),
]


EmailRuleOpt = Annotated[
    str,
    typer.Option(
        "--email-rule",
        help="When an e-mail counts as answered within 1 (2) working days: 24h (default: 24 "
        "working-day hours a day), next-day (by the end of the next working day) or "
        "office-hours=08-17 (9 office hours a day). Printed under the table.",
    ),
]


def _email_note(rule: Any, lang: str) -> Any:
    """The e-mail rule as a note under the tables (the rule changes the e-mail KPIs)."""
    from servqual_cli.report.spec import Section, Text

    return Section(title="", blocks=(Text(rule.describe(lang), kind="note"),))


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON rows: nullable integers and NaN become null."""
    from servqual_cli.core.results import records

    return records(frame.astype(object).where(frame.notna(), None))


def _exclusion_frame(parts: list[tuple[str, pd.DataFrame]]) -> pd.DataFrame:
    """Every excluded cell of every input, with its file first."""
    import pandas as pd

    frames = [f.assign(file=name)[["file", "row", "column", "value", "reason"]]
              for name, f in parts]  # fmt: skip
    return pd.concat(frames, ignore_index=True)


@app.command()
def contacts(
    file: Annotated[str, typer.Argument(help="Contact file: one row per test call or e-mail.")],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="Measurement year: the year of a file without a year "
            "column, or the one year to keep from a file with one.",
        ),
    ] = None,
    by: Annotated[
        Breakdown,
        typer.Option(
            "--by",
            help="area: per channel, area and in total; channel: per channel and in total only.",
        ),
    ] = Breakdown.area,
    municipality: MunicipalityOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
    email_rule: EmailRuleOpt = "24h",
) -> None:
    """Service measurement KPIs per channel, area and in total, with n and intervals (--conf).

    Example: servqual contacts data/samples/servicematning_2020.xlsx
    """
    from servqual_cli.cli.output import emit, guard, write_exclusions
    from servqual_cli.core.contacts import CI_METHODS, contact_kpis, treatment_counts
    from servqual_cli.io.measurement import ReadOptions, load_contact_table
    from servqual_cli.report.measurement_sections import contact_sections
    from servqual_cli.report.spec import Document

    guard([file], output=output, excluded=excluded, fmt=fmt)
    from servqual_cli.core.email_rule import parse_email_rule

    rule = parse_email_rule(email_rule)
    opts = ReadOptions(sheet, encoding, header_row, strict)
    data = load_contact_table(opts.read(file), year, municipality, strict)
    by_area = by is Breakdown.area
    kpis = contact_kpis(data.frame, keys=("year",), by_area=by_area, conf=conf, email_rule=rule)
    counts = treatment_counts(data.frame, keys=("year",))
    sections = contact_sections(kpis, counts, data.excluded, len(data.frame), lang.value, by_area)
    sections = [*sections, _email_note(rule, lang.value)]
    names = data.municipalities
    # Years are whole numbers in JSON and CSV (NaN in the frame only where the file has none).
    kpis_out = kpis.assign(year=kpis["year"].astype("Int64"))
    counts_out = counts.assign(year=counts["year"].astype("Int64")).rename(columns=TREATMENT_KEYS)
    payload: dict[str, Any] = {
        "input": data.table.describe(),
        "municipality": names[0] if names else None,
        "years": data.years,
        "n_rows": len(data.frame),
        "excluded": data.excluded,
        "conf": conf,
        "email_rule": {"rule": rule.text, "description": rule.describe()},
        "ci_method": dict(CI_METHODS),
        "kpis": _records(kpis_out),
        "treatment_counts": _records(counts_out),
    }
    where = " ".join(str(p) for p in (payload["municipality"], *data.years) if p is not None)
    title = f"{'Servicemätning' if lang.value == 'sv' else 'Service measurement'} {where}".strip()
    write_exclusions(excluded, data.exclusions)
    emit(
        Document(title=title, sections=tuple(sections)),
        payload,
        kpis_out,
        fmt,
        output,
        lang=lang.value,
    )


@app.command()
def trend(
    files: Annotated[
        list[str],
        typer.Argument(
            help="BEFORE and AFTER files (contacts or SERVQUAL surveys), or one "
            "file with a year column and --years; three or more contact files (one year "
            "each), or one with three or more years, give a series."
        ),
    ],
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            help="BEFORE,AFTER years, e.g. 2019,2020 (one file with a year "
            "column; or to pick the years of two files).",
        ),
    ] = None,
    benchmark: Annotated[
        str | None,
        typer.Option(
            "--benchmark",
            help="Other municipalities' results: a Kolada-style table "
            "(kpi, municipality, period, value) or contact rows with a kommun column.",
        ),
    ] = None,
    municipality: MunicipalityOpt = None,
    kpi_map: Annotated[
        str | None,
        typer.Option(
            "--kpi-map",
            help="TOML map of Kolada KPI ids to this tool's KPI names (for --benchmark).",
        ),
    ] = None,
    instrument: o.InstrumentOpt = None,
    power: PowerOpt = 0.8,
    share_test: Annotated[
        str,
        typer.Option(
            "--test",
            help="Test for shares: score (default; p and interval agree) or fisher "
            "(Fisher's exact test beside the Newcombe interval).",
        ),
    ] = "score",
    email_rule: EmailRuleOpt = "24h",
    adjust: Annotated[
        str,
        typer.Option(
            "--adjust",
            help="Multiple-testing adjustment over the per-area comparisons, and over the "
            "totals as a family of their own: holm (default), bh (Benjamini-Hochberg) or none.",
        ),
    ] = "holm",
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
) -> None:
    """Did the KPIs (or the SERVQUAL gaps) change between two years, more than chance?

    Example: servqual trend data/samples/servicematning_2019.xlsx
    data/samples/servicematning_2020.xlsx --benchmark data/samples/kolada_servicematning.csv
    """
    from servqual_cli.cli.output import emit, guard, write_exclusions
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.measurement import ReadOptions
    from servqual_cli.report.spec import Document

    inputs = [*files, *([benchmark] if benchmark else [])]
    guard([*inputs, instrument], output=output, excluded=excluded, fmt=fmt)
    from servqual_cli.core.email_rule import parse_email_rule

    rule = parse_email_rule(email_rule)  # bad usage is refused before any file is read
    from servqual_cli.core.trend import ADJUSTMENTS
    from servqual_cli.errors import UsageError

    if adjust not in ADJUSTMENTS:
        raise UsageError(f"--adjust must be holm, bh or none; got {adjust!r}")
    opts = ReadOptions(sheet, encoding, header_row, strict)
    from servqual_cli.cli.trend_series import add_series, series_sides

    series = series_sides(files, years, municipality, opts)
    if series is not None:
        kind, sides = "contacts", series
    else:
        pair = parse_years(years)
        kind, before, after = _load_sides(
            files, pair, municipality, load_instrument(instrument), opts, benchmark
        )
        sides = [before, after]
    before, after = sides[-2], sides[-1]
    payload: dict[str, Any] = {
        "kind": kind,
        "before": before.describe(),
        "after": after.describe(),
        "conf": conf,
        "power": power,
        "share_test": share_test,
    }
    if kind == "survey":
        sections, tidy = _survey_trend(before, after, payload, lang.value, conf, power)
        bench_exclusions = None
    else:
        sections, tidy, bench_exclusions = _contact_trend(
            before,
            after,
            payload,
            lang.value,
            conf,
            power,
            benchmark,
            municipality,
            opts,
            kpi_map,
            share_test,
            rule,
            adjust,
        )
        if len(sides) > 2:
            bench_args = (benchmark, municipality, opts, kpi_map) if benchmark else None
            sections, tidy = add_series(sides, payload, sections, tidy, lang.value, conf,
                                         bench_args, rule)  # fmt: skip
    from servqual_cli.report.labels import exclusion_summary

    # One file with two years: both sides hold (disjoint) rows of the same file.
    parts = [(side.describe()["file"], side.exclusions) for side in sides]
    if bench_exclusions is not None:
        parts.append(bench_exclusions)
    all_excluded = _exclusion_frame(parts)
    counts = all_excluded["reason"].value_counts()
    payload["excluded"] = {str(k): int(counts[k]) for k in sorted(counts.index)}
    from servqual_cli.report.spec import Section, Text

    note = Text(f"{exclusion_summary(payload['excluded'], lang.value)}.", "note")
    sections.append(Section("", (note,)))
    title = "Trend" if kind == "contacts" else "SERVQUAL trend"
    write_exclusions(excluded, all_excluded)
    span = " → ".join(side.label for side in sides)
    emit(Document(title=f"{title}: {span}", sections=tuple(sections)), payload, tidy, fmt,
         output, lang=lang.value)  # fmt: skip


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
        raise UsageError(f"--years takes two different years, e.g. 2019,2020; got {text!r}")
    return int(parts[0]), int(parts[1])


def _load_sides(
    files: list[str],
    years: tuple[int, int] | None,
    municipality: str | None,
    instrument: Instrument,
    opts: ReadOptions,
    benchmark: str | None = None,
) -> tuple[str, Side, Side]:
    """The kind of the inputs (contacts or survey) and their before and after years.

    The kind is settled from the headers before any value is parsed, so a wrong combination
    (a survey and a contact file, a survey with ``--benchmark``) fails fast.
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
            "give two years' files, or one file with a year column and --years"
        )
    kinds = {m.table_kind(t, instrument) for t in tables}
    if len(kinds) > 1:
        raise UsageError("the two files must both be contact files or both SERVQUAL surveys")
    kind = kinds.pop()
    if kind == m.SURVEY and benchmark is not None:
        raise UsageError("--benchmark compares contact KPIs; it does not apply to surveys")
    if kind == m.CONTACTS:
        before, after = m.contact_sides(tables, years, municipality, opts.strict)
    else:
        before, after = (
            m.Side(y.label, y.year, y.data.table, y.exclusions,
                   scores=gap_scores(y.expectation, y.perception, y.data.dimension_positions))
            for y in m.survey_years(tables, years, instrument, opts.strict)
        )  # fmt: skip
    if before.year is not None and after.year is not None and before.year >= after.year:
        raise UsageError(
            f"BEFORE is {before.year} and AFTER is {after.year}: give the earlier year first"
        )
    return kind, before, after


def _contact_trend(
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
) -> tuple[list[Any], pd.DataFrame, tuple[str, pd.DataFrame] | None]:
    import pandas as pd

    from servqual_cli.core.benchmark import rank_benchmark
    from servqual_cli.core.contacts import kpi_observations
    from servqual_cli.core.trend import (
        VERDICT_RULE,
        area_family_size,
        compare_kpis,
        total_family_size,
    )
    from servqual_cli.io.measurement import read_benchmark
    from servqual_cli.report.measurement_sections import trend_sections

    if before.contacts is None or after.contacts is None:  # the caller checked the kind
        raise RuntimeError("internal: a contact trend without contact rows")
    comparisons = compare_kpis(kpi_observations(before.contacts, keys=(), email_rule=rule),
                               kpi_observations(after.contacts, keys=(), email_rule=rule),
                               conf, power, share_test, adjust)  # fmt: skip
    family = area_family_size(comparisons)
    payload["adjust"] = {"family": "areas (every per-area comparison); the totals are a "
                         "family of their own", "method": adjust, "comparisons": family,
                         "totals": total_family_size(comparisons)}  # fmt: skip
    payload["verdict_rule"] = VERDICT_RULE
    if rule is not None:
        payload["email_rule"] = {"rule": rule.text, "description": rule.describe()}
    payload["municipality"] = municipality or after.municipality or before.municipality
    payload["comparisons"] = _records(comparisons)
    sections = trend_sections(comparisons, before.label, after.label, lang, power, conf, adjust,
                              family)  # fmt: skip
    if rule is not None:
        sections = [*sections, _email_note(rule, lang)]
    # Totals over all channels compare like with like only if both years measured the same
    # channels (54 calls + 54 e-mails against 54 e-mails alone is not a trend).
    channels = [set(c["channel"].dropna().astype(str)) for c in (before.contacts, after.contacts)]
    payload["warnings"] = []
    if channels[0] != channels[1]:
        from servqual_cli.report.spec import Section, Text

        b, a = (", ".join(sorted(c)) or "–" for c in channels)
        text = (
            f"{before.label} mätte {b} men {after.label} {a}: totalerna över alla kanaler är "
            "inte jämförbara; läs raderna per kanal."
            if lang == "sv"
            else f"{before.label} measured {b} but {after.label} {a}: the totals over all "
            "channels are not comparable; read the per-channel rows."
        )
        payload["warnings"].append(text)
        sections.insert(0, Section(title="", blocks=(Text(text, kind="warning"),)))
    tidy = comparisons.assign(table="trend")
    bench_parts = None
    payload["benchmark"] = None
    if benchmark is not None:
        from servqual_cli.io.kolada_map import load_kpi_map

        names = {k: e.name for k, e in load_kpi_map(kpi_map).items() if e.name}
        read = read_benchmark(benchmark, municipality or after.municipality, after.year, opts,
                              names)  # fmt: skip
        bench = rank_benchmark(read, after.contacts, conf)
        payload["benchmark"] = bench.to_dict()
        sections.append(_benchmark_section(bench, lang, after.label, conf))
        tidy = pd.concat([tidy, bench.kpis.assign(table="benchmark", area="ALL")],
                         ignore_index=True)  # fmt: skip
        bench_parts = (payload["benchmark"]["file"], read.exclusions)
    tidy = tidy[["table", *[c for c in tidy.columns if c != "table"]]]
    return sections, tidy, bench_parts


def _benchmark_section(bench: Benchmark, lang: str, year: str = "", conf: float = 0.95) -> Any:
    from servqual_cli.report.measurement_sections import benchmark_notes, benchmark_section

    source = bench.source
    notes = benchmark_notes(bench, lang, year)
    shown = "" if source.year is None else str(source.year)
    return benchmark_section(bench.kpis, source.municipality, shown, lang, notes, conf)


def _survey_trend(
    before: Side, after: Side, payload: dict[str, Any], lang: str, conf: float, power: float
) -> tuple[list[Any], pd.DataFrame]:
    from servqual_cli.core.survey_trend import compare_survey_gaps
    from servqual_cli.report.measurement_sections import survey_trend_sections

    if before.scores is None or after.scores is None:  # not user input: an invariant of the caller
        raise RuntimeError("internal: a survey trend without gap scores")
    frame = compare_survey_gaps(before.scores, after.scores, conf, power)
    payload["dimensions"] = _records(frame)
    return survey_trend_sections(frame, before.label, after.label, lang, []), frame
