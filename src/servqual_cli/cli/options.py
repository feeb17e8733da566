"""Options every command shares, defined once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    apa = "apa"  # APA-style result lines as text (commands that report tests)


class Lang(str, Enum):
    sv = "sv"
    en = "en"


FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal), json, csv, markdown, html (one accessible web page) or apa "
        "(APA-style test lines). Default: table, or from -o's extension.",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write here (atomically) instead of to the terminal."),
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
StrictOpt = Annotated[
    bool, typer.Option("--strict", help="Any out-of-range or invalid value is an error.")
]
ExcludedOpt = Annotated[
    Path | None,
    typer.Option("--excluded", help="Write every excluded cell (row, column, value, reason) here."),
]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of labels: sv or en.")]
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
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed for bootstrap draws.")]
