"""The research toolbox: ``servqual tolerance``, ``servqual knowledge-gap``, ``servqual items``.

This module is the group's Typer app: each command's options, help and registration, so that
the three read together. What a command does is in its own module, imported when it runs:
:mod:`~servqual_cli.cli.toolbox_tolerance`, :mod:`~servqual_cli.cli.toolbox_knowledge`,
:mod:`~servqual_cli.cli.toolbox_items` (their shared pieces in
:mod:`~servqual_cli.cli.toolbox_parts`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from servqual_cli.cli import options as o
from servqual_cli.core.thresholds import MIN_N

app = typer.Typer()

WeightOpt = Annotated[
    str | None,
    typer.Option(
        "--weight-column",
        help="Survey weights (calibration/post-stratification): weighted means with "
        "design-based SEs (R survey::svymean) and Kish's effective n.",
    ),
]
# review 13, finding 7: survey tools export one workbook with a sheet per respondent group
StaffSheetOpt = Annotated[
    str | None,
    typer.Option(
        "--staff-sheet",
        help="The staff survey's sheet name or 1-based index (default: --sheet); may be a sheet "
        "of the citizens' workbook.",
    ),
]
ItemsTableOpt = Annotated[bool, typer.Option("--items/--no-items", help="Show the item table.")]


@app.command()
def tolerance(
    file: Annotated[str, typer.Argument(help="Survey with adequate, desired and perceived items.")],
    instrument: o.InstrumentOpt = None,
    by: o.ByOpt = None,
    weight_column: WeightOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    max_cells: o.MaxCellsOpt = None,  # read by the reader (io.limits)
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
    items: ItemsTableOpt = True,
    min_n: o.MinNOpt = MIN_N,
) -> None:
    """Zone of tolerance (PZB 1994): MSA = P − A, MSS = P − D, zone width, shares outside.

    Adequate and desired columns come from the instrument (default A1.., D1..).

    Example: servqual tolerance data/samples/karlstad_tolerans.xlsx --by Tjänst
    """
    from servqual_cli.cli.toolbox_tolerance import run_tolerance

    run_tolerance(
        file=file,
        instrument=instrument,
        by=by,
        weight_column=weight_column,
        fmt=fmt,
        output=output,
        sheet=sheet,
        encoding=encoding,
        header_row=header_row,
        strict=strict,
        excluded=excluded,
        lang=lang,
        conf=conf,
        items=items,
        min_n=min_n,
    )


@app.command("knowledge-gap")
def knowledge_gap_cmd(
    customers: Annotated[str, typer.Argument(help="Citizens' survey (the gap survey).")],
    staff: Annotated[
        str,
        typer.Argument(help="Staff survey: the expectation items as 'what do citizens expect?'"),
    ],
    instrument: o.InstrumentOpt = None,
    by: o.ByOpt = None,
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    staff_sheet: StaffSheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    max_cells: o.MaxCellsOpt = None,  # read by the reader (io.limits)
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
    items: ItemsTableOpt = True,
    min_n: o.MinNOpt = MIN_N,
) -> None:
    """The knowledge gap (PZB gap 1): staff's picture of citizens' expectations vs theirs.

    Difference = staff − citizens; --by splits the citizens' file (each group vs all staff).

    Example: servqual knowledge-gap karlstad_servqual.xlsx karlstad_personal.xlsx
    """
    from servqual_cli.cli.toolbox_knowledge import run_knowledge_gap

    run_knowledge_gap(
        customers=customers,
        staff=staff,
        instrument=instrument,
        by=by,
        fmt=fmt,
        output=output,
        sheet=sheet,
        staff_sheet=staff_sheet,
        encoding=encoding,
        header_row=header_row,
        strict=strict,
        excluded=excluded,
        lang=lang,
        conf=conf,
        items=items,
        min_n=min_n,
    )


@app.command()
def items(
    file: Annotated[str, typer.Argument(help="Survey file.")],
    instrument: o.InstrumentOpt = None,
    item_columns: Annotated[
        str | None,
        typer.Option(
            "--items", help="Item columns instead of an instrument: names, globs, ranges (P1:P22)."
        ),
    ] = None,
    scale_range: Annotated[
        str | None, typer.Option("--scale-range", help="min,max of the scale with --items.")
    ] = None,
    missing_codes: o.MissingCodesOpt = None,  # with --items (an instrument has its `missing`)
    fmt: o.FormatOpt = None,
    output: o.OutputOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    max_cells: o.MaxCellsOpt = None,  # read by the reader (io.limits)
    strict: o.StrictOpt = False,
    excluded: o.ExcludedOpt = None,
    lang: o.LangOpt = o.Lang.en,
    conf: o.ConfOpt = 0.95,
    chart: Annotated[
        bool,
        typer.Option(
            "--chart/--no-chart",
            help="Likert bars of E and P: in -f html and in reports (the terminal, json, csv "
            "and markdown show the table only).",
        ),
    ] = True,
    weight_column: WeightOpt = None,
) -> None:
    """Item distributions: counts per scale point and missing reason, mean, SD, quartiles,
    top-2/bottom-2 boxes with Wilson CIs, skewness.

    Example: servqual items data/samples/karlstad_servqual.xlsx
    """
    from servqual_cli.cli.toolbox_items import run_items

    run_items(
        file=file,
        instrument=instrument,
        item_columns=item_columns,
        scale_range=scale_range,
        missing_codes=missing_codes,
        fmt=fmt,
        output=output,
        sheet=sheet,
        encoding=encoding,
        header_row=header_row,
        strict=strict,
        excluded=excluded,
        lang=lang,
        conf=conf,
        chart=chart,
        weight_column=weight_column,
    )
