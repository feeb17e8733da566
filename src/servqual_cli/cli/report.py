"""``servqual report``: a publishable report folder (Markdown, Excel, charts, manifest)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from servqual_cli.cli import options as o

if TYPE_CHECKING:
    from servqual_cli.report.config import ReportConfig

app = typer.Typer()

OutDirOpt = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        help="Report folder; written atomically and replaced only if it holds an earlier report.",
    ),
]
ReportLangOpt = Annotated[
    o.Lang | None,
    typer.Option(
        "--lang",
        help="Language of the report: sv or en (default: the config's, or en); switches the "
        "number format too (sv: decimal comma, '−', '95 %').",
    ),
]
SplitOpt = Annotated[
    bool, typer.Option("--split", help="One report per group of --by, in DIR/<group>/.")
]
DepfileOpt = Annotated[
    Path | None,
    typer.Option(
        "--depfile",
        help="Also write a Make rule DIR/manifest.json: INPUTS... here (for `make reports`).",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Processes for --split (default: the cores available; one BLAS thread each).",
    ),
]


@app.command()
def report(
    source: Annotated[
        str,
        typer.Argument(
            help="A report config (.toml) or a survey file (.xlsx, .csv, ...).", show_default=False
        ),
    ],
    output: OutDirOpt,
    instrument: o.InstrumentOpt = None,
    by: o.ByOpt = None,
    sheet: o.SheetOpt = None,
    encoding: o.EncodingOpt = None,
    header_row: o.HeaderRowOpt = None,
    max_cells: o.MaxCellsOpt = None,  # read by the reader (io.limits)
    strict: o.StrictOpt = False,
    lang: ReportLangOpt = None,
    split: SplitOpt = False,
    jobs: JobsOpt = None,
    depfile: DepfileOpt = None,
) -> None:
    """Write DIR/report.html (the residents' web page), DIR/report.md, DIR/report.xlsx,
    DIR/manifest.json and DIR/figures/.

    Examples: servqual report data/samples/report_karlstad.toml -o reports/karlstad
              servqual report survey.xlsx --by Tjänst --split -o reports/per_tjanst
    """
    from servqual_cli.cli.error_text import language_of
    from servqual_cli.cli.output import check_output, require_regular
    from servqual_cli.report.config import load_config
    from servqual_cli.report.config_cli import survey_config, with_overrides

    for config_file in (source, instrument):
        if config_file is not None and config_file.lower().endswith(".toml"):
            require_regular(config_file, "configuration")
    check_output(depfile, [source, instrument], "--depfile")

    lang_code = None if lang is None else lang.value
    survey_opts = {
        "instrument": instrument,
        "by": by,
        "sheet": sheet,
        "encoding": encoding,
        "header_row": header_row,
        "strict": strict,
    }
    if source.lower().endswith(".toml"):
        config = with_overrides(load_config(source), lang_code, **survey_opts)
    else:
        config = survey_config(
            source,
            instrument=instrument,
            by=by,
            sheet=sheet,
            encoding=encoding,
            header_row=header_row,
            strict=strict,
            lang=lang_code,
        )
    with language_of(config.language):  # errors from here on in the config's language
        _write(config, source, output, lang_code, split, jobs, depfile, survey_opts)


def _write(
    config: ReportConfig,
    source: str,
    output: Path,
    lang_code: str | None,
    split: bool,
    jobs: int | None,
    depfile: Path | None,
    survey_opts: dict[str, Any],
) -> None:
    """Write the report (or the split reports) of a parsed config and say what was written."""
    from servqual_cli.report.writer import check_depfile, write_report

    check_depfile(depfile, output, config.inputs())  # every file the configs name
    command = command_line(source, output, lang_code, split, **survey_opts)
    if split:
        rows, skipped = _split(config, output, command, jobs or _cores(), depfile)
        by = config.survey.by if config.survey else ""
        message = f"wrote {len(rows)} reports by {by} to {output}/ (index.md, index.html)"
        _warn_skipped(skipped, source)
        if skipped and survey_opts["strict"]:
            typer.echo(message)
            raise typer.Exit(1)
    else:
        files = write_report(config, output, command, depfile)
        n_fig = sum(1 for f in files if f.startswith("figures/"))
        message = (
            f"wrote {output}/: report.html, report.md, report.xlsx, manifest.json, "
            f"{n_fig} figure files"
        )
    typer.echo(message)


def _cores() -> int:
    """The cores this process may use (its CPU affinity), else the machine's."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _warn_skipped(skipped: list[tuple[str, str]], source: str) -> None:
    import sys

    from servqual_cli.report.safe_text import visible

    for group, why in skipped:
        line = " ".join(f"group {group!r} of {source} skipped: {why}".split())
        sys.stderr.write(f"servqual: warning: {visible(line)}\n")


def _split(
    config: ReportConfig, output: Path, command: list[str], jobs: int, depfile: Path | None
) -> tuple[list[tuple[str, str, int]], list[tuple[str, str]]]:
    import sys

    from rich.console import Console
    from rich.markup import escape
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )

    from servqual_cli.report.safe_text import visible
    from servqual_cli.report.writer import write_split

    progress = Progress(
        TextColumn("[bold]report[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
        disable=not sys.stderr.isatty(),  # a log file gets the warnings, not a progress bar
    )
    task: list[TaskID] = []

    def update(total: int, group: str) -> None:
        if not task:  # first call: the pool (if any) has forked, the display may start
            progress.start()
            task.append(progress.add_task("per group", total=total))
        if group:
            progress.update(task[0], advance=1, description=escape(visible(group)))

    try:
        return write_split(config, output, command, jobs, update, depfile)
    finally:
        if task:  # stopping a display that never started would still print a blank line
            progress.stop()


def command_line(
    source: str, output: Path, lang: str | None, split: bool, **survey: object
) -> list[str]:
    """The command as a canonical argument list (for the manifest), paths as given."""
    args = ["servqual", "report", source, "-o", str(output)]
    for key, value in survey.items():
        if value is True:
            args.append(f"--{key.replace('_', '-')}")
        elif value not in (None, False):
            args += [f"--{key.replace('_', '-')}", str(value)]
    if lang is not None:
        args += ["--lang", lang]
    if split:
        args.append("--split")
    # --jobs and --depfile are left out: they do not change the report
    return args
