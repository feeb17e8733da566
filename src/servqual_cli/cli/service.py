"""``servqual kpi`` and ``servqual feedback``: service declarations, KPIs, the feedback register."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from servqual_cli.cli import options as o

if TYPE_CHECKING:
    import pandas as pd


app = typer.Typer()


class KpiPeriod(str, Enum):
    year = "year"
    quarter = "quarter"
    month = "month"


class CountPeriod(str, Enum):
    month = "month"
    quarter = "quarter"
    year = "year"


AsOfOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d", "%Y-%m-%d %H:%M"],
        # review 12a finding 4: kpi and feedback default alike (a start or receipt, or an end
        # or answer; a closing date is no answer), and feedback's windows then end at the
        # last receipt (core.feedback_window)
        help="Judge open cases at the end of this date (default: the latest date received or "
        "answered, i.e. start or end, in the data; feedback's trend then ends at the last "
        "item received).",
        show_default=False,
    ),
]


def _shown(path: Path) -> str:
    """A data path as short as possible for messages: relative to the working folder."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _as_of(value: dt.datetime | None) -> pd.Timestamp | None:
    import pandas as pd

    if value is None:
        return None
    if not pd.Timestamp.min <= value <= pd.Timestamp.max:
        from servqual_cli.errors import UsageError

        raise UsageError(
            f"--as-of {value.date()} is outside the dates this tool handles (1678 to 2261)",
            code="as_of_outside",
            facts={"date": str(value.date())},
        )
    return pd.Timestamp(value)


@app.command()
def kpi(
    config: Annotated[str, typer.Argument(help="KPI configuration file (TOML).")],
    as_of: AsOfOpt = None,
    period: Annotated[
        KpiPeriod,
        typer.Option("--period", help="Period of the change: the last against the one before."),
    ] = KpiPeriod.year,
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
    groups: Annotated[
        bool, typer.Option("--groups", help="Also show every KPI per group.")
    ] = False,
) -> None:
    """KPIs and service declarations by aspect: value, CI, target or norm, verdict, change.

    Example: servqual kpi data/samples/kpi.toml
    """
    import pandas as pd

    from servqual_cli.cli.output import emit, guard, write_exclusions
    from servqual_cli.core.kpi import evaluate_kpis
    from servqual_cli.core.kpi_results import MIN_N
    from servqual_cli.io.exclusions import excluded_detail
    from servqual_cli.io.kpi_config import load_kpi_config
    from servqual_cli.io.kpi_data import load_all_kpi_data
    from servqual_cli.io.read import read_table
    from servqual_cli.report.exclusion_words import named_of
    from servqual_cli.report.kpi_sections import kpi_sections
    from servqual_cli.report.spec import Document

    guard([config], output=output, excluded=excluded, fmt=fmt)
    cfg = load_kpi_config(config)
    data_files = [spec.data for spec in cfg.kpis]
    guard(data_files, output=output, excluded=excluded, fmt=fmt)
    loaded = load_all_kpi_data(
        cfg, lambda path: read_table(_shown(path), sheet, encoding, header_row), strict
    )
    min_n = MIN_N if cfg.min_n is None else cfg.min_n  # the groups are judged once, here
    results = evaluate_kpis(loaded, _as_of(as_of), period.value, conf, min_n)
    # the invalid texts of each KPI, named in its note (review 14 finding 13)
    named = {d.spec.index: named_of(d.log) for d in loaded}
    logs = []
    for data in loaded:
        log = data.log.to_frame()
        log.insert(0, "kpi", data.spec.name)
        log.insert(1, "file", data.table.describe()["file"])
        log.insert(2, "sheet", data.table.describe()["sheet"])
        logs.append(log)
    payload: dict[str, Any] = {
        "title": cfg.title,
        "config": Path(config).name,
        # every data file read, once, as the other commands' "input" records it
        "input": list({d.table.describe()["sha256"]: d.table.describe() for d in loaded}.values()),
        # each KPI's invalid texts beside its counts, as the other commands' JSON carries them
        "kpis": [
            {**r.to_dict(), "excluded_detail": excluded_detail(named.get(r.spec.index, {}))}
            for r in results
        ],
    }
    from servqual_cli.cli.short_row_note import short_row_note  # a CSV cut short (review 6 #10)

    read_once = {d.table.describe()["sha256"]: d.table.describe() for d in loaded}.values()
    shorts = [s for described in read_once for s in short_row_note(described, lang.value)]
    doc = Document(
        title=cfg.title or "KPI",
        sections=(*kpi_sections(results, lang.value, groups, conf=conf, named=named), *shorts),
        meta={"lang": lang.value},  # numbers in the reader's language
    )
    write_exclusions(excluded, pd.concat(logs, ignore_index=True), inputs=read_once)
    from servqual_cli.cli.service_tidy import kpi_tidy

    emit(doc, payload, kpi_tidy(results), fmt, output, lang=lang.value)


@app.command()
def feedback(
    file: Annotated[
        str, typer.Argument(help="Feedback register (.xlsx, .csv, ...; - = stdin CSV).")
    ],
    promise: Annotated[
        str, typer.Option("--promise", help='Reply promise: "14 days", "5 working days", ...')
    ] = "14 days",
    as_of: AsOfOpt = None,
    period: Annotated[
        CountPeriod, typer.Option("--period", help="Count items per month, quarter or year.")
    ] = CountPeriod.month,
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
    unit_map: Annotated[
        list[str] | None,
        typer.Option(
            "--unit-map",
            help="OLD=NEW: count unit OLD as NEW (a renamed or merged unit), so the trend "
            "compares them; repeat or give a comma list (A=B,C=D) for more. Named in the output.",
        ),
    ] = None,
) -> None:
    """Feedback register: counts by type and unit, replies, backlog and trend.

    Example: servqual feedback data/samples/synpunkter_2023_2024.xlsx --promise "14 days"
    """
    from servqual_cli.cli.output import emit, guard, write_exclusions
    from servqual_cli.core.durations import parse_limit
    from servqual_cli.core.feedback import analyse_feedback
    from servqual_cli.errors import ConfigError
    from servqual_cli.io.feedback import load_feedback
    from servqual_cli.io.feedback_left_out import items_left_out
    from servqual_cli.io.read import read_table
    from servqual_cli.report.feedback_notes import (
        feedback_note_records,
        feedback_note_sections,
        unit_map_records,
        unit_map_sections,
    )
    from servqual_cli.report.feedback_sections import feedback_sections
    from servqual_cli.report.spec import Document

    guard([file], output=output, excluded=excluded, fmt=fmt)
    try:
        limit = parse_limit(promise)
    except ConfigError as exc:
        raise ConfigError(f"--promise: {exc.message}", code="prefixed" if exc.code else None,
                          facts={"prefix": "--promise", "code": exc.code,
                                 "facts": exc.facts}) from exc  # fmt: skip
    table = read_table(file, sheet=sheet, encoding=encoding, header_row=header_row)
    data = load_feedback(table, strict=strict)
    from servqual_cli.core.feedback_units import merge_units

    frame, merged = merge_units(data.frame, _unit_map(unit_map or []))
    result = analyse_feedback(
        frame, limit, _as_of(as_of), period.value, conf, has_closed="closed" in data.columns
    )
    source = {**table.describe(), "columns": data.columns}
    left = items_left_out(data)  # rows read, items left out whole (review 2, item 16)
    merges = data.log.group_merges()  # units differing only in case, read as one
    payload = {
        "n_rows": data.n_rows,
        "excluded": data.excluded,
        "left_out": left.to_dict()["left_out"],
        **feedback_note_records(
            data.serial_dates, merges, data.swedish_dates, data.swedish_examples
        ),
        "input": source,
        "unit_map": unit_map_records(merged),  # review 16, finding 3
        **result.to_dict(),
    }
    title = ("Synpunkter" if lang.value == "sv" else "Feedback") + f" – {source['file']}"
    from servqual_cli.report.exclusion_words import exclusion_note

    # the invalid texts named, as gap names them (session 16); the cells, not the log: the
    # left-out line before the note names the date columns already
    note, payload["excluded_detail"] = exclusion_note(data.excluded, data.log.to_frame(),
                                                      lang.value)  # fmt: skip
    sections = feedback_sections(result, data.excluded, lang.value, left_out=left,
                                 exclusions=note)  # fmt: skip
    sections += feedback_note_sections(
        data.serial_dates, merges, lang.value, data.swedish_dates, data.swedish_examples
    )
    sections += unit_map_sections(merged, "unit_map_cli", lang.value)
    from servqual_cli.cli.short_row_note import short_row_note  # a CSV cut short (review 6 #10)

    sections += short_row_note(table.describe(), lang.value)
    doc = Document(
        title=title,
        sections=tuple(sections),
        meta={"lang": lang.value},  # numbers in the reader's language
    )
    write_exclusions(excluded, data.log.to_frame(), table)
    from servqual_cli.cli.service_tidy import feedback_tidy

    emit(doc, payload, feedback_tidy(result), fmt, output, lang=lang.value)


def _unit_map(pairs: list[str]) -> dict[str, str]:
    """``--unit-map OLD=NEW`` values as {OLD: NEW} (review 16, finding 3); a value with more
    than one "=" is a comma list of pairs, as every list option takes it, and a map that merges
    nothing (``A=A``) or cannot be followed (``A=B,B=A``) is refused (review 17, finding 9).
    One pair may hold a comma in a name ("Vård, omsorg=Omsorg").

    >>> _unit_map(["Teknik=Samhällsbyggnad", " A = B "])
    {'Teknik': 'Samhällsbyggnad', 'A': 'B'}
    >>> _unit_map(["Teknik=Skola,Kultur=Fritid", "Vård, omsorg=Omsorg"])
    {'Teknik': 'Skola', 'Kultur': 'Fritid', 'Vård, omsorg': 'Omsorg'}
    """
    from servqual_cli.core.feedback_units import unit_map_problem
    from servqual_cli.errors import UsageError

    out: list[tuple[str, str]] = []
    for text in pairs:  # a handful of options
        many = text.count("=") > 1
        for part in [p for p in text.split(",") if p.strip()] if many else [text]:
            old, sep, new = part.partition("=")
            if not sep or not old.strip() or not new.strip() or "=" in new:
                raise UsageError(f"--unit-map takes OLD=NEW (two unit names), got {text!r}",
                                 code="unit_map_form", facts={"value": text})  # fmt: skip
            out.append((old.strip(), new.strip()))
    problem = unit_map_problem(out, "--unit-map")
    if problem is not None:
        code, message, facts = problem
        raise UsageError(message, code=code, facts=facts)
    return dict(out)
