"""The ``servqual`` command: one Typer sub-app per command group, errors handled in one place.

Heavy libraries (pandas, scipy, matplotlib, statsmodels) are imported inside the commands that use
them, so ``servqual --help`` starts fast.
"""

from __future__ import annotations

import sys
import traceback
import warnings
from collections.abc import Sequence

import typer

from servqual_cli import __version__
from servqual_cli.cli import (
    citizen,
    describe,
    gap,
    kolada,
    measurement,
    reliability,
    report,
    service,
    toolbox,
)

app = typer.Typer(
    name="servqual",
    help="Measure and analyse public service quality: SERVQUAL gaps, reliability, service "
    "measurement, KPIs, feedback and reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
# Each group's file holds its own Typer app; the commands appear at the top level.
for sub in (gap.app, reliability.app, measurement.app, service.app, citizen.app, report.app,
            describe.app, toolbox.app):  # fmt: skip
    app.add_typer(sub)
app.add_typer(kolada.app, name="kolada")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"servqual {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
) -> None:
    """servqual: service quality analysis for public services."""


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return the exit code: 0 ok, 1 bad data, 2 bad usage."""
    from servqual_cli.errors import ServqualError

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:  # accepted anywhere on the command line, not only before the command
        args = [a for a in args if a != "--debug"]
    command = typer.main.get_command(app)
    if not debug:
        # Statistical caveats travel in the results; numpy's RuntimeWarnings (an empty slice
        # in a tiny group) must not break the one-line stderr contract.
        warnings.simplefilter("ignore", RuntimeWarning)
    try:
        result = command.main(args=args, prog_name="servqual", standalone_mode=False)
        return int(result) if isinstance(result, int) else 0
    except ServqualError as exc:
        if debug:
            traceback.print_exc()
        sys.stderr.write(f"servqual: error: {_one_line(str(exc))}\n")
        return exc.exit_code
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("servqual: aborted\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("servqual: interrupted\n")
        return 130
    except Exception as exc:
        # Typer's bundled Click raises UsageError/BadParameter: they carry format_message().
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            ctx = getattr(exc, "ctx", None)
            where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            sys.stderr.write(f"servqual: error: {_one_line(exc.format_message())}{where}\n")
            return int(exc.exit_code)
        if debug:
            traceback.print_exc()
        sys.stderr.write(
            f"servqual: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
            "(please report it; --debug shows the traceback)\n"
        )
        return 3


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
