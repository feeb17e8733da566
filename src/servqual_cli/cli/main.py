"""The ``servqual`` command: one Typer sub-app per command group, errors handled in one place.

Heavy libraries (pandas, scipy, matplotlib, statsmodels) are imported inside the commands that use
them, so ``servqual --help`` starts fast.

Linear algebra runs on one thread per process unless ``--threads N`` or ``SERVQUAL_THREADS=N``
asks for more (:mod:`servqual_cli.cli.blas`, set at import, before numpy loads).
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import traceback
import warnings
from collections.abc import Sequence
from typing import Any

from servqual_cli.cli.blas import env_threads, set_threads, threads_option

set_threads()  # at import, before any command imports numpy
# numpy asks the kernel for huge pages on large arrays; where the kernel then compacts memory on
# the fault (transparent_hugepage/defrag = madvise, a common default, and this machine's), that
# stalls: on a 1M-row gap the system time halved without it (2.4-3.1 s -> 1.6 s, same output,
# peak memory within 0.3 %). Read once when numpy loads; a caller's own setting is kept.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")

import importlib  # noqa: E402

import typer  # noqa: E402

from servqual_cli import __version__  # noqa: E402
from servqual_cli.lazy_numpy import install as _defer_numpy_extras  # noqa: E402

# numpy.f2py and numpy.testing load on first use, not with scipy.special (about 0.1 s a run)
_defer_numpy_extras()

# Each group's file in servqual_cli.cli holds its own Typer app; the commands appear at the top
# level (kolada is a named group), in this order in the help.
_GROUPS = ("gap", "reliability", "measurement", "service", "citizen", "report", "describe",
           "toolbox", "kolada")  # fmt: skip
_NAMED_GROUPS = {"kolada"}
# Command -> its group's module. A run names its command first, so only that module is imported
# and only its commands are built (the other groups' modules and Typer's per-command signature
# work cost about 0.05 s per start); `servqual --help`, a mistyped command and anything not
# listed here build the whole app. tests/cli/test_main_lazy.py checks the map against the app.
COMMAND_GROUP = {
    "gap": "gap", "reliability": "reliability", "alpha": "reliability",
    "contacts": "measurement", "trend": "measurement", "kpi": "service", "feedback": "service",
    "service-survey": "citizen", "report": "report", "describe": "describe",
    "tolerance": "toolbox", "knowledge-gap": "toolbox", "items": "toolbox", "kolada": "kolada",
}  # fmt: skip


def _version(value: bool) -> None:
    if value:
        typer.echo(f"servqual {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
    csv_raw: bool = typer.Option(
        False,
        "--csv-raw",
        help="CSV outputs: do not prefix ' to text cells starting with = + - @ TAB CR (the "
        "guard against formulas in Excel); for pipelines. Accepted anywhere on the line.",
    ),
    csv_dialect: str = typer.Option(
        "default",
        "--csv-dialect",
        help="CSV outputs: default (comma, point, UTF-8) or excel-sv (semicolon, decimal "
        "comma, UTF-8 with BOM). Accepted anywhere on the line.",
    ),
    threads: int = typer.Option(
        1,
        "--threads",
        min=1,
        help="BLAS threads per process (default 1, or SERVQUAL_THREADS). Accepted anywhere.",
    ),
) -> None:
    """servqual: service quality analysis for public services."""


def build_app(groups: Sequence[str] = _GROUPS) -> typer.Typer:
    """The ``servqual`` Typer app with the commands of ``groups`` (default: all of them)."""
    root = typer.Typer(
        name="servqual",
        help="Measure and analyse public service quality: SERVQUAL gaps, reliability, service "
        "measurement, KPIs, feedback and reports.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
    )
    root.callback()(_root)
    for group in groups:
        sub = importlib.import_module(f"servqual_cli.cli.{group}").app
        root.add_typer(sub, name=group if group in _NAMED_GROUPS else None)
    return root


def _app_for(args: Sequence[str]) -> typer.Typer:
    """The app a command line needs: its command's group only, when it names one first."""
    group = COMMAND_GROUP.get(args[0]) if args else None
    return build_app(_GROUPS if group is None else (group,))


def __getattr__(name: str) -> Any:
    """``app``: the whole app, built on first use (importing this module builds nothing)."""
    if name == "app":
        return build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _one_line(text: str) -> str:
    from servqual_cli.report.safe_text import visible

    return visible(" ".join(str(text).split()))


# Global options accepted anywhere on the command line: name -> takes a value
_GLOBAL = {"--debug": False, "--csv-raw": False, "--csv-dialect": True, "--threads": True}


def _pull_globals(args: list[str]) -> tuple[list[str], dict[str, str | bool]]:
    """Take the global options out of ``args`` wherever they stand (before ``--`` only)."""
    rest: list[str] = []
    found: dict[str, str | bool] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        name, eq, value = arg.partition("=")
        if name in _GLOBAL:
            if not _GLOBAL[name]:
                found[name] = True
            elif eq:
                found[name] = value
            elif i + 1 < len(args):
                found[name] = args[i + 1]
                i += 1
            else:
                rest.append(arg)  # missing value: let the parser say so
        else:
            rest.append(arg)
        i += 1
    return rest, found


def _hide_bool_metavars(command: object) -> None:
    """Flags take no value: show ``--strict``, not ``--strict <bool>``, in every help."""
    for param in getattr(command, "params", []):
        if getattr(param, "is_flag", False):
            param.metavar = ""
    original = getattr(command, "get_help_option", None)
    if original is not None:

        def help_option(ctx: object, original: Any = original) -> Any:
            option = original(ctx)
            if option is not None:
                option.metavar = ""
            return option

        setattr(command, "get_help_option", help_option)  # noqa: B010 (an instance override)
    for sub in getattr(command, "commands", {}).values():
        _hide_bool_metavars(sub)


def _quiet_stdout() -> None:
    """After a broken pipe or a failed write: point stdout at /dev/null so that the
    interpreter's final flush does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return the exit code: 0 ok, 1 bad data, 2 bad usage."""
    args, found = _pull_globals(list(sys.argv[1:] if argv is None else argv))
    debug = bool(found.get("--debug"))
    command = typer.main.get_command(_app_for(args))
    _hide_bool_metavars(command)
    if not [a for a in args if a]:  # bare `servqual`: the help, and no error
        with typer.Context(command, info_name="servqual") as ctx:
            sys.stdout.write(command.get_help(ctx) + "\n")
        return 0
    with warnings.catch_warnings():
        if not debug:
            # Statistical caveats travel in the results; numpy's RuntimeWarnings (an empty
            # slice in a tiny group) and matplotlib's font notes must not break the one-line
            # stderr contract.
            warnings.simplefilter("ignore")
            # ... nor may matplotlib's logged notes ("findfont: Font family ... not found").
            for name in ("matplotlib", "fontTools", "PIL"):
                logging.getLogger(name).setLevel(logging.ERROR)
        try:
            return _run(command, args, found, debug)
        finally:  # a test's next run, or a caller's own dimension_name, starts clean
            from servqual_cli.instruments.labels_in_effect import forget_dimension_labels

            forget_dimension_labels()


def _run(command: Any, args: list[str], found: dict[str, str | bool],
         debug: bool) -> int:  # fmt: skip
    from servqual_cli.cli import output
    from servqual_cli.errors import ServqualError
    from servqual_cli.instruments.labels_in_effect import forget_dimension_labels
    from servqual_cli.report.atomic import reset_inputs

    try:
        reset_inputs()
        forget_dimension_labels()  # an earlier run's instrument names nothing here
        output.configure(
            output.CsvSettings(
                raw=bool(found.get("--csv-raw")), dialect=str(found.get("--csv-dialect", "default"))
            ),
            command=args[0] if args else None,  # a workbook's headers use its words
        )
        if "--threads" in found:
            threads_option(str(found["--threads"]))
        else:
            env_threads()  # a bad SERVQUAL_THREADS is a usage error, not a silent 1
        if sys.stdin is None and "-" in args:
            from servqual_cli.errors import UsageError

            raise UsageError("standard input is closed; give a file name instead of '-'",
                             code="stdin_closed")  # fmt: skip
        result = command.main(args=args, prog_name="servqual", standalone_mode=False)
        output.flush_pending()  # an --excluded list of a command that wrote no other output
        if sys.stdout is not None:
            sys.stdout.flush()
        return int(result) if isinstance(result, int) else 0
    except BrokenPipeError:
        # The reader went away (`servqual gap x.csv | head`): quiet, as other Unix tools.
        _quiet_stdout()
        return 0
    except SystemExit as exc:
        # Click turns a broken pipe into exit(1) and wraps stdout; that is no failure either.
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":
            sys.stdout = sys.__stdout__
            _quiet_stdout()
            return 0
        raise exc
    except ServqualError as exc:
        if debug:
            traceback.print_exc()
        from servqual_cli.cli import error_text as et  # the run's --lang (review 9 finding 9)

        lang = et.error_lang(args, exc.lang)  # report: its config's language, if no --lang
        sys.stderr.write(f"{et.prefix(lang)}{et.one_line(et.error_line(exc, lang), lang)}\n")
        return exc.exit_code
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("servqual: aborted\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("servqual: interrupted\n")
        return 130
    except OSError as exc:
        if debug:
            traceback.print_exc()
        return _os_error(exc)
    except Exception as exc:
        # Typer's bundled Click raises UsageError/BadParameter: they carry format_message().
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            from servqual_cli.cli import error_text as et

            lang, ctx = et.error_lang(args), getattr(exc, "ctx", None)
            where = et.see_help(typed_path(ctx.command_path, args), lang) if ctx else ""
            text = et.click_text(_one_line(exc.format_message()), lang)
            sys.stderr.write(f"{et.prefix(lang)}{text}{where}\n")
            return int(exc.exit_code)
        if debug:
            traceback.print_exc()
        sys.stderr.write(
            f"servqual: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
            "(please report it; --debug shows the traceback)\n"
        )
        return 3


def typed_path(command_path: str, args: Sequence[str]) -> str:
    """The command path as the user typed it, for the usage hint: a subcommand a group put in
    by itself (``servqual kolada FILE`` runs ``show``) is not named, since the help and the
    README document ``servqual kolada FILE`` (review 7, finding 12).

    >>> typed_path("servqual kolada show", ["kolada", "k.csv"])
    'servqual kolada'
    >>> typed_path("servqual kolada show", ["kolada", "show", "k.csv", "--lang", "sv"])
    'servqual kolada show'
    >>> typed_path("servqual gap", ["gap", "--by"])
    'servqual gap'
    """
    words = command_path.split()
    words_typed = [a for a in args if not a.startswith("-")]
    shown = words[:1]
    for word, typed in zip(words[1:], words_typed, strict=False):
        if word != typed:
            break
        shown.append(word)
    return " ".join(shown)


def _os_error(exc: OSError) -> int:
    """A system error outside the readers and writers' own checks, as one line."""
    from servqual_cli.report.atomic import os_reason

    where = exc.filename if exc.filename is not None else "standard output"
    if exc.errno in (errno.ENOSPC, errno.EIO) or where == "standard output":
        _quiet_stdout()
    sys.stderr.write(f"servqual: error: cannot use {_one_line(str(where))!r}: {os_reason(exc)}\n")
    return 2 if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.EISDIR) else 1


def run() -> None:
    """Console-script entry point.

    When pyarrow was loaded the process leaves with ``os._exit`` after flushing its output:
    Arrow keeps worker threads alive to the end (even after its readers are closed and with
    ``use_threads=False``), and the interpreter's teardown racing them aborted about one run in
    70 with "terminate called without an active exception" (exit 134; apache/arrow#34314).
    Every output is written and closed by then (atomic writes and locks finish inside the
    command), so nothing is lost by skipping the teardown.
    """
    code = main()
    if "pyarrow" not in sys.modules:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a reader gone, a full disk: reported by main already
            _quiet_stdout()
    os._exit(code)
