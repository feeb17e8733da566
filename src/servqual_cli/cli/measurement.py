"""``servqual contacts`` and ``servqual trend``: service measurement by test contacts, year on
year, against other municipalities; and SERVQUAL gaps of two survey years.

pandas and scipy are imported inside the commands, so ``servqual --help`` stays fast.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from servqual_cli.cli import options as o
from servqual_cli.core.thresholds import MIN_N

if TYPE_CHECKING:
    import pandas as pd


app = typer.Typer()

# JSON keys of the bemötande ratings (the scale is Swedish; the keys are English like all keys).
TREATMENT_KEYS = {"mycket god": "very_good", "god": "good", "medelgod": "fair", "dålig": "poor"}


class Breakdown(str, Enum):
    area = "area"
    channel = "channel"


class ShareTest(str, Enum):  # --help lists the choices (review 4, finding 19)
    score = "score"
    fisher = "fisher"


MunicipalityOpt = Annotated[
    str | None,
    typer.Option(
        "--municipality",
        "-m",
        help="This municipality (name, or Kolada id in a benchmark): the rows to use in a file "
        "of several municipalities, and the one to compare with --benchmark.",
    ),
]
ContactsMunicipalityOpt = Annotated[  # contacts has no --benchmark (review 4, finding 20)
    str | None,
    typer.Option(
        "--municipality",
        "-m",
        help="This municipality (name or code in the file's kommun column): the rows to use in "
        "a file of several municipalities.",
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


def email_note(rule: Any, lang: str) -> Any:
    """The e-mail rule as a note under the tables (the rule changes the e-mail KPIs)."""
    from servqual_cli.report.email_rule_text import email_rule_text
    from servqual_cli.report.spec import Section, Text

    return Section(title="", blocks=(Text(email_rule_text(rule, lang), kind="note"),))


def json_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON rows: nullable integers and NaN become null."""
    from servqual_cli.core.results import records

    return records(frame.astype(object).where(frame.notna(), None))


def _exclusion_frame(parts: list[tuple[tuple[str, str | None], pd.DataFrame]]) -> pd.DataFrame:
    """Every excluded cell of every input, with its file and sheet first."""
    import pandas as pd

    from servqual_cli.io.exclusions import LIST_COLUMNS

    frames = [f.assign(file=name[0], sheet=name[1])[list(LIST_COLUMNS)]
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
    municipality: ContactsMunicipalityOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    max_cells: o.MaxCellsOpt = None,
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
    from servqual_cli.report.measurement_sections import contact_sections, ml
    from servqual_cli.report.spec import Document

    guard([file], output=output, excluded=excluded, fmt=fmt)
    from servqual_cli.core.email_rule import parse_email_rule
    from servqual_cli.report.email_rule_text import email_rule_text

    rule = parse_email_rule(email_rule)
    opts = ReadOptions(sheet, encoding, header_row, strict)
    data = load_contact_table(opts.read(file), year, municipality, strict)
    by_area = by is Breakdown.area
    kpis = contact_kpis(data.frame, keys=("year",), by_area=by_area, conf=conf, email_rule=rule)
    counts = treatment_counts(data.frame, keys=("year",))
    from servqual_cli.report.exclusion_words import exclusion_note

    # the invalid texts named, as trend names them (session 16)
    note, detail = exclusion_note(data.excluded, data.exclusions, lang.value)
    sections = contact_sections(
        kpis,
        counts,
        data.excluded,
        len(data.frame),
        lang.value,
        by_area,
        conf=conf,
        contacts=data.frame,
        exclusions=note,
    )
    sections = [*sections, email_note(rule, lang.value)]
    from servqual_cli.cli.short_row_note import short_row_note  # a CSV cut short (review 6 #10)

    sections += short_row_note(data.table.describe(), lang.value)
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
        "excluded_detail": detail,
        "conf": conf,
        "email_rule": {"rule": rule.text, "description": email_rule_text(rule)},
        "ci_method": dict(CI_METHODS),
        "kpis": json_records(kpis_out),
        "treatment_counts": json_records(counts_out),
    }
    where = " ".join(str(p) for p in (payload["municipality"], *data.years) if p is not None)
    title = f"{ml('contacts_title', lang.value)} {where}".strip()
    write_exclusions(excluded, data.exclusions, data.table)
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
        ShareTest,
        typer.Option(
            "--test",
            help="Test for shares: score (default; p and interval agree; Fisher's where an "
            "expected count is under 5) or fisher (Fisher's exact test beside the Newcombe "
            "interval).",
        ),
    ] = ShareTest.score,
    email_rule: EmailRuleOpt = "24h",
    adjust: Annotated[
        o.Adjust,
        typer.Option(
            "--adjust",
            help="Multiple-testing adjustment over the per-area comparisons, and over the "
            "totals as a family of their own: holm (default), bh (Benjamini-Hochberg) or none.",
        ),
    ] = o.Adjust.holm,
    weight_column: Annotated[
        str | None,
        typer.Option(
            "--weight-column",
            help="SERVQUAL surveys: survey weights (e.g. Vikt). Weighted gaps per year and a "
            "design-based change (as R survey::svyglm(gap ~ year)); a year whose file lacks "
            "the column weighs every respondent 1, and the output says so.",
        ),
    ] = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    max_cells: o.MaxCellsOpt = None,
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
    min_n: o.MinNOpt = MIN_N,
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
    test, family = share_test.value, adjust.value  # the choices are checked by Typer
    opts = ReadOptions(sheet, encoding, header_row, strict)
    from servqual_cli.cli.trend_pair import contact_trend, load_sides, parse_years
    from servqual_cli.cli.trend_series import add_series, series_sides
    from servqual_cli.cli.trend_survey_pair import survey_trend

    series = series_sides(files, years, municipality, opts)
    if series is not None and weight_column is not None:
        from servqual_cli.errors import UsageError

        raise UsageError("--weight-column weights SERVQUAL survey respondents; a series of "
                         "contact files has none", code="weight_column_series")  # fmt: skip
    if series is not None:
        kind, sides = "contacts", series
    else:
        pair = parse_years(years)
        kind, before, after = load_sides(
            files, pair, municipality, load_instrument(instrument), opts, benchmark, weight_column
        )
        sides = [before, after]
    before, after = sides[-2], sides[-1]
    payload: dict[str, Any] = {
        "kind": kind,
        "before": before.describe(),
        "after": after.describe(),
        "conf": conf,
        "power": power,
        "share_test": test,
    }
    if kind == "survey":
        sections, tidy = survey_trend(before, after, payload, lang.value, conf, power, family,
                                      min_n)  # fmt: skip
        bench_exclusions = None
    else:
        sections, tidy, bench_exclusions = contact_trend(
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
            test,
            rule,
            family,
            min_n,
        )
        if len(sides) > 2:
            bench_args = (benchmark, municipality, opts, kpi_map) if benchmark else None
            sections, tidy = add_series(sides, payload, sections, tidy, lang.value, conf,
                                         bench_args, rule, min_n)  # fmt: skip
    from servqual_cli.report.exclusion_words import exclusion_note

    # One file with two years: both sides hold (disjoint) rows of the same file.
    parts = [((side.describe()["file"], side.describe()["sheet"]), side.exclusions)
             for side in sides]  # fmt: skip
    if bench_exclusions is not None:
        bench_file, bench_cells = bench_exclusions
        parts.append(((bench_file, None), bench_cells))
    all_excluded = _exclusion_frame(parts)
    counts = all_excluded["reason"].value_counts()
    payload["excluded"] = {str(k): int(counts[k]) for k in sorted(counts.index)}
    from servqual_cli.report.spec import Section, Text

    # per file, located, with the list's option (review 4, finding 13: the pooled count hid
    # which year's file held the cells); the invalid texts per file, pooled in the JSON (s15)
    note, payload["excluded_detail"] = exclusion_note(payload["excluded"], all_excluded,
                                                      lang.value, excluded is None)  # fmt: skip
    sections.append(Section("", (Text(note, "note"),)))
    from servqual_cli.cli.short_row_note import short_row_note  # a CSV cut short (review 6 #10)

    for side in sides:  # (one file with two years: named once)
        if side is sides[0] or side.table is not sides[0].table:
            sections += short_row_note(side.describe(), lang.value)
    title = "Trend" if kind == "contacts" else "SERVQUAL trend"
    write_exclusions(excluded, all_excluded, inputs=[side.table for side in sides])
    span = " → ".join(side.label for side in sides)
    emit(Document(title=f"{title}: {span}", sections=tuple(sections)), payload, tidy, fmt,
         output, lang=lang.value)  # fmt: skip
