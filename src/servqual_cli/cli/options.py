"""Options every command shares, defined once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"
    html = "html"
    apa = "apa"  # APA-style result lines as text (commands that report tests)


class Lang(str, Enum):
    sv = "sv"
    en = "en"


# What -f xlsx writes (cli/output_xlsx.py): the csv table as the sheet "Resultat"/"Results" in
# the --lang's words, the notes sheet and reliability's validity tables (w-xlsx2); the help said
# "the csv table and a sheet of the notes" after that changed (w-left, session 17)
XLSX_HELP = (
    "a sheet Results (Resultat with --lang sv) with the csv table in the output language, a "
    "sheet Notes (Noter) with the notes; reliability adds its validity tables as sheets"
)
# Commands without test lines do not list apa (they refuse it with a message, exit 2).
FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        metavar="<table|json|csv|markdown|xlsx|html>",
        help="table (terminal), json, csv, markdown, html (one accessible web page) or xlsx "
        f"(needs -o; {XLSX_HELP}). Default: "
        "table, or from -o's extension (.txt .json .csv .md .html .xlsx; another one needs "
        "--format).",
        show_default=False,
    ),
]
# `gap`, the command that writes APA-style test lines.
TestFormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal), json, csv, markdown, html (one accessible web page), xlsx "
        f"(needs -o; {XLSX_HELP}) or apa "
        "(APA-style test lines). Default: table, or from -o's extension (.txt .json .csv .md "
        ".html .xlsx; another one needs --format).",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write here (atomically) instead of to the terminal; - = stdout."
    ),
]
SheetOpt = Annotated[
    str | None, typer.Option("--sheet", help="Sheet name or 1-based index (default: the first).")
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Text encoding of a CSV (default: detect UTF-8 or cp1252)."),
]
HeaderRowOpt = Annotated[
    int | None,
    typer.Option("--header-row", min=1, help="1-based header row (default: found below titles)."),
]


def _scoped(setter_name: str) -> Any:
    """A callback that hands an option's value to the reader for this invocation only (undone
    when the command's context closes, so in-process runs do not inherit it)."""

    def callback(ctx: typer.Context, value: int | None) -> int | None:
        from servqual_cli.io import header, limits

        setter = getattr(header if setter_name == "header_rows" else limits, "use_" + setter_name)
        ctx.call_on_close(setter(value))
        return value

    return callback


# Read by the reader through a per-invocation context, so a command takes them with one
# parameter line and no pass-through (servqual_cli.io.header / io.limits).
HeaderRowsOpt = Annotated[
    int | None,
    typer.Option(
        "--header-rows",
        min=1,
        max=2,
        callback=_scoped("header_rows"),
        help="Header rows: 2 joins a group row with the row below (E over 1, 2 … → 'E 1', which "
        "an instrument's E1 matches); "
        "1 turns detection off. Default: 2 where the file shows it unambiguously.",
        show_default=False,
    ),
]
MaxCellsOpt = Annotated[
    int | None,
    typer.Option(
        "--max-cells",
        min=1,
        callback=_scoped("max_cells"),
        help="Refuse a sheet or table over this many cells (rows × columns). "
        "Default: $SERVQUAL_MAX_CELLS or 50,000,000.",
        show_default=False,
    ),
]
StrictOpt = Annotated[
    bool, typer.Option("--strict", help="Any out-of-range or invalid value is an error.")
]
ExcludedOpt = Annotated[
    Path | None,
    typer.Option(
        "--excluded",
        help="Write every excluded cell (file, sheet, row, column, value, reason) here.",
    ),
]
LangOpt = Annotated[
    Lang,
    typer.Option(
        "--lang",
        help="Language of the output: sv or en. Switches the words and the number format too "
        "(sv: decimal comma, '−' for minus, '95 %').",
    ),
]
InstrumentOpt = Annotated[
    str | None,
    typer.Option(
        "--instrument",
        "-i",
        help="pzb1991 (default), pzb1988, or a TOML file describing a custom instrument.",
    ),
]
ByOpt = Annotated[
    str | None, typer.Option("--by", help="Analyse per group of this column (e.g. service unit).")
]
ConfOpt = Annotated[
    float, typer.Option("--conf", min=0.5, max=0.999, help="Confidence level of intervals.")
]

# Every command's --min-n (gap, tolerance, knowledge-gap, trend, service-survey): one
# option, its default core.thresholds.MIN_N in every signature (s18: it was defined twice here
# and in cli/toolbox.py, inline in gap and citizen, and 30 typed in 10+ signatures).
MinNOpt = Annotated[
    int,
    typer.Option(
        "--min-n",
        min=1,
        help="Mark a value whose n is below this n as a small base (a --by group, dimension or "
        "item; a year, channel or question; a comparison's n before or after). Default 30.",
    ),
]


class Adjust(str, Enum):  # the choices of gap's and trend's --adjust (review 4 finding 19)
    holm = "holm"
    bh = "bh"
    none = "none"


SeedOpt = Annotated[
    int, typer.Option("--seed", min=0, max=2**63 - 1, help="Seed for bootstrap draws.")
]
# `alpha` and `items` (with --items): the codes an instrument's TOML declares as `missing`, for
# an item set without one (w-miss2, s15). Matched by the instrument's own matcher (io.values,
# io.answer_words.declared_numbers): the text, and a number equal to a numeric code.
MissingCodesOpt = Annotated[
    str | None,
    typer.Option(
        "--missing-codes",
        metavar="CODES",
        help='Codes that mean "no answer", a comma list such as 99 or 99,"Ej svar": a cell with '
        'that text, or a number equal to a numeric code (99, 99.0, "99,0"), is left out as '
        "declared missing, as with an instrument's `missing` list.",
        show_default=False,
    ),
]


def parse_missing_codes(text: str | None) -> tuple[str, ...]:
    """``--missing-codes`` as its codes: a comma list, each entry trimmed, quotes allowed around
    an entry (so a text may hold a comma); an empty list or entry is bad usage.

    >>> parse_missing_codes('99, "Vet ej"'), parse_missing_codes(None)
    (('99', 'Vet ej'), ())
    >>> parse_missing_codes('-1,"Ej aktuell, ej svar"')
    ('-1', 'Ej aktuell, ej svar')
    >>> parse_missing_codes(" , ")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    servqual_cli.errors.UsageError: --missing-codes needs a comma list of codes such as 99 ...
    """
    if text is None:
        return ()
    import csv

    from servqual_cli.errors import UsageError

    codes = tuple(c.strip() for c in next(csv.reader([text], skipinitialspace=True), []))
    if not codes or not all(codes):
        raise UsageError(
            f'--missing-codes needs a comma list of codes such as 99 or 99,"Ej svar", got {text!r}',
            code="missing_codes_empty",
            facts={"text": text},
        )
    return codes


def missing_codes_record(
    codes: tuple[str, ...], own: tuple[str, ...], none: tuple[str, ...] = ()
) -> dict[str, object]:
    """The JSON's record of ``gap``'s ``--missing-codes``: the option's codes (as ``alpha``
    writes them), the instrument's own ``missing``, the rule that joins them (both apply) and
    the option's codes no cell holds (review 17, finding 10).

    >>> missing_codes_record(("99",), ("98",))  # doctest: +NORMALIZE_WHITESPACE
    {'missing_codes': ['99'], 'missing_codes_instrument': ['98'], 'missing_codes_rule': 'union',
     'missing_codes_no_cell': []}
    """
    return {"missing_codes": list(codes), "missing_codes_instrument": list(own),
            "missing_codes_rule": "union", "missing_codes_no_cell": list(none)}  # fmt: skip
