"""Write command output: atomically, never over an input, in the format asked for.

The format comes from ``--format`` or the extension of ``-o`` (``.csv``, ``.json``, ``.md``,
``.xlsx``, ``.txt``); another extension without ``--format`` is a usage error. ``-o -`` writes
to standard output. The main output and the ``--excluded`` list are rendered first and written
together at the end, so a failed run leaves no output file behind.

CSV outputs are made to be opened in Excel (formula guard, ``--csv-dialect excel-sv``): see
:mod:`~servqual_cli.cli.csv_dialect`.
"""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from servqual_cli.cli.csv_dialect import DIALECTS, CsvSettings, csv_bytes
from servqual_cli.cli.options import OutputFormat
from servqual_cli.errors import UsageError
from servqual_cli.report.atomic import refuse_input, register_inputs, write_all

if TYPE_CHECKING:
    from servqual_cli.report.spec import Document

_EXT = {".json": OutputFormat.json, ".csv": OutputFormat.csv, ".md": OutputFormat.markdown,
        ".markdown": OutputFormat.markdown, ".txt": OutputFormat.table,
        ".xlsx": OutputFormat.xlsx, ".html": OutputFormat.html}  # fmt: skip

_STATE: dict[str, Any] = {"csv": CsvSettings(), "pending": [], "command": None}


def configure(csv: CsvSettings, command: str | None = None) -> None:
    """Set the CSV settings and the command (``knowledge-gap``) of this run and forget outputs
    of an earlier one."""
    if csv.dialect not in DIALECTS:
        raise UsageError(
            f"--csv-dialect must be one of {', '.join(DIALECTS)}, got {csv.dialect!r}",
            code="csv_dialect_unknown",
            facts={"dialects": ", ".join(DIALECTS), "dialect": csv.dialect},
        )
    _STATE["csv"] = csv
    _STATE["command"] = command
    _STATE["pending"] = []


def csv_settings() -> CsvSettings:
    settings: CsvSettings = _STATE["csv"]
    return settings


def is_stdout(output: Path | str | None) -> bool:
    return output is not None and str(output) == "-"


def resolve_format(fmt: OutputFormat | None, output: Path | None) -> OutputFormat:
    """The output format: ``--format``, else from ``-o``'s extension, else the table.

    >>> resolve_format(None, Path("a.CSV")).value, resolve_format(None, None).value
    ('csv', 'table')
    """
    if fmt is not None:
        return fmt
    if output is None or is_stdout(output):
        return OutputFormat.table
    chosen = _EXT.get(Path(output).suffix.lower())
    if chosen is None:
        known = ", ".join(sorted(_EXT))
        raise UsageError(
            f"cannot tell the format of output {str(output)!r} from its extension; name it "
            f"{known} or give --format",
            code="output_format_unknown",
            facts={"output": str(output), "known": known},
        )
    return chosen


# what --excluded may be called: its list is CSV text (a name without a suffix too)
_EXCLUDED_SUFFIXES = frozenset({".csv", ".txt", ""})


def check_output(
    output: Path | None, inputs: Iterable[str | Path | None], option: str = "output"
) -> None:
    """Refuse an output path that is an input, a folder, a device or in a missing folder.

    ``inputs`` are added to the run's registered inputs; the output is checked against all of
    them. Checked before any work is done, so a refused run costs nothing and touches nothing.
    """
    register_inputs(inputs)
    if output is None or is_stdout(output):
        return
    if str(Path(output).absolute()).startswith(("/dev/", "/proc/")):
        # /dev/stdout resolves to whatever the shell redirected to; renaming over it would
        # replace that file instead of writing into the stream.
        raise UsageError(
            f"{option} {str(output)!r} is a device; use -o - for standard output",
            code="output_device",
            facts={"option": option, "output": str(output)},
        )
    try:
        target = Path(output).resolve()  # a symlink is written through to its target
        target.exists()
    except OSError as exc:  # a name over 255 bytes, a loop of symbolic links
        from servqual_cli.report.atomic import os_reason

        raise UsageError(
            f"cannot use {option} {str(output)!r}: {os_reason(exc)}", code="output_unusable",
            facts={"option": option, "output": str(output), "reason": os_reason(exc),
                   "errno": errno.errorcode.get(exc.errno or 0, "")},
        ) from None  # fmt: skip
    refuse_input(target, option)
    if target.is_dir():
        raise UsageError(
            f"{option} {str(output)!r} is a folder; give a file name",
            code="output_is_folder",
            facts={"option": option, "output": str(output)},
        )
    if target.exists() and not target.is_file():
        # Renaming over /dev/null or a pipe would replace the device node itself.
        raise UsageError(
            f"{option} {str(output)!r} is not a regular file; give a file name",
            code="output_not_regular",
            facts={"option": option, "output": str(output)},
        )
    if not target.parent.exists():
        raise UsageError(
            f"{option} folder {str(target.parent)!r} does not exist",
            code="output_folder_missing",
            facts={"option": option, "folder": str(target.parent)},
        )


def check_distinct(**paths: Path | None) -> None:
    """Two outputs of one run must not be the same file (one would overwrite the other)."""
    seen: dict[Path, str] = {}
    for option, path in paths.items():
        if path is None or is_stdout(path):
            continue
        key = Path(path).resolve()
        if key in seen:
            raise UsageError(
                f"--{seen[key]} and --{option} are the same file {str(path)!r}; give two names",
                code="outputs_same_file",
                facts={"first": seen[key], "second": option, "path": str(path)},
            )
        seen[key] = option


def guard(
    inputs: Iterable[str | Path | None],
    *,
    output: Path | None = None,
    excluded: Path | None = None,
    fmt: OutputFormat | None = None,
) -> None:
    """Every check on a command's outputs, before any work: the one call commands make.

    ``inputs`` are every file the command names (data, instrument TOML, config, benchmark);
    files found later (the data files a config names) are registered with
    :func:`check_output` or :func:`servqual_cli.report.atomic.register_inputs` as they are
    known. ``-o`` must have a known extension (or ``--format``) and differ from ``--excluded``.
    """
    names = list(inputs)
    for name in names:
        if name is not None and str(name).lower().endswith(".toml"):
            require_regular(name, "configuration")
    check_output(output, names, "output")
    check_output(excluded, names, "--excluded")
    if is_stdout(excluded):
        raise UsageError(
            "--excluded needs a file name; '-' is the main output's place", code="excluded_stdout"
        )
    check_distinct(output=output, excluded=excluded)
    if excluded is not None and Path(excluded).suffix.lower() not in _EXCLUDED_SUFFIXES:
        # the list is CSV text; under .xlsx Excel refuses to open it (review 10b, finding 5);
        # after check_distinct, so -o x.json --excluded x.json still says they are one file
        raise UsageError(
            f"--excluded writes a CSV list; name it .csv (got {str(excluded)!r})",
            code="excluded_not_csv",
            facts={"excluded": str(excluded)},
        )
    chosen = resolve_format(fmt, output)
    if chosen is OutputFormat.xlsx and (output is None or is_stdout(output)):
        raise UsageError(
            "--format xlsx needs -o FILE.xlsx (a workbook is not terminal text)",
            code="xlsx_needs_file",
        )
    if chosen is OutputFormat.json:  # the JSON's git_dirty: git status runs beside the work
        from servqual_cli.provenance import start_git_dirty

        start_git_dirty()


def require_input(path: str) -> None:
    """Refuse a data file that is missing, a folder or not a regular file, before the
    statistics libraries load (a mistyped name is then answered in a fraction of the time).

    The reader's own first check (:func:`servqual_cli.io.limits.check_regular_file`), with its
    message; a command calls it only where that check would be the run's first error anyway.
    ``-`` (standard input) is left to the reader.

    >>> require_input("no/such/file.xlsx")
    Traceback (most recent call last):
    ...
    servqual_cli.errors.UsageError: no/such/file.xlsx: file not found
    """
    if path != "-":
        from servqual_cli.io.limits import check_regular_file

        check_regular_file(path)


def require_regular(path: str | Path, what: str) -> None:
    """A configuration must be a regular file: a folder is refused, a FIFO would hang the run.

    A missing file is left to the loader, which says so in its own words.
    """
    import stat

    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return
    if stat.S_ISDIR(mode):
        raise UsageError(
            f"{str(path)!r} is a folder; the {what} must be a file",
            code="input_is_folder",
            facts={"path": str(path), "what": what},
        )
    if not stat.S_ISREG(mode):
        raise UsageError(
            f"{str(path)!r} is not a regular file (a pipe or a device); the {what} must be a file",
            code="input_not_regular",
            facts={"path": str(path), "what": what},
        )


def with_tool(payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` led by the ``"tool"`` block (name, version, git commit, whether the checkout
    had uncommitted changes, the numerical libraries' versions:
    :func:`servqual_cli.provenance.tool_block`), so a command's JSON says which code produced it
    (review 9, finding 6; ``git_dirty`` session 17). No time stamp: two runs stay byte-identical.

    >>> list(with_tool({"n_rows": 3}))
    ['tool', 'n_rows']
    """
    from servqual_cli.provenance import tool_block

    return {"tool": tool_block(), **payload}


def to_json(payload: Any) -> str:
    """Deterministic JSON: key order as built, UTF-8 text, no NaN."""
    return json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def emit(
    doc: Document,
    payload: dict[str, Any],
    tidy: Any,
    fmt: OutputFormat | None,
    output: Path | None,
    lang: str = "en",
) -> None:
    """Render ``doc`` (table/markdown/html), ``payload`` (json) or the tidy frame (csv, xlsx).

    ``tidy`` is the frame, or a function that builds it: then it is built for csv and xlsx only
    (``servqual gap``'s took about 20 ms a run that prints a table).

    The rendering happens first; then this output and any pending ``--excluded`` list are
    written together. JSON is led by the ``"tool"`` block (:func:`with_tool`). With
    ``lang="sv"`` the document's numbers are shown the Swedish way (:func:`in_language`); JSON
    and CSV keep their plain numbers. The xlsx workbook has the tidy table with Swedish headers
    under ``lang="sv"`` and the document's notes on a second sheet (:mod:`.output_xlsx`).
    """
    doc = in_language(doc, lang)
    chosen = resolve_format(fmt, output)
    if is_stdout(output):
        output = None
    data: bytes
    if chosen is OutputFormat.json:
        data = to_json(with_tool(payload)).encode("utf-8")
    elif chosen is OutputFormat.csv:
        data = csv_bytes(_built(tidy), csv_settings())
    elif chosen is OutputFormat.xlsx:
        if output is None:
            raise UsageError(
                "--format xlsx needs -o FILE.xlsx (a workbook is not terminal text)",
                code="xlsx_needs_file",
            )
        from servqual_cli.cli.output_xlsx import xlsx_bytes  # openpyxl: only for -o FILE.xlsx

        data = xlsx_bytes(_built(tidy), doc.title, doc, lang, _STATE["command"])
    elif chosen is OutputFormat.markdown:
        from servqual_cli.report.markdown import render_document

        data = render_document(doc).encode("utf-8")
    elif chosen is OutputFormat.html:
        from servqual_cli.report.html_files import command_page

        data = command_page(doc, lang).encode("utf-8")
    elif chosen is OutputFormat.apa:  # the document's APA lines (d-stats, issue #12)
        from servqual_cli.report.spec import Text

        lines = [b.text for s in doc.sections for b in s.blocks
                 if isinstance(b, Text) and b.kind == "apa"]  # fmt: skip
        if not lines:
            raise UsageError(
                "--format apa: this command reports no APA-style test lines", code="apa_no_lines"
            )
        data = ("\n".join(lines) + "\n").encode("utf-8")
    else:
        from servqual_cli.cli.terminal import print_document, render_text

        if output is None:
            flush_pending()
            print_document(doc)
            return
        data = render_text(doc).encode("utf-8")
    if output is None:
        flush_pending()
        write_stdout(data)
    else:
        flush_pending([(Path(output), data)])


def _built(tidy: Any) -> Any:
    """The tidy frame of :func:`emit`: ``tidy`` itself, or what it builds when it is a function
    (a DataFrame is not callable)."""
    return tidy() if callable(tidy) else tidy


def in_language(doc: Document, lang: str) -> Document:
    """``doc`` with its numbers in ``lang`` when that is Swedish: decimal comma, "−", "95 %".

    A document that names its language keeps it. An English document without one keeps the
    plain Python number format of the analysis commands (``69.8``, ``-7.6``, ``<0.001``), so
    the English output of every command stays as it was.

    >>> from servqual_cli.report.spec import Document
    >>> dict(in_language(Document("t"), "sv").meta), dict(in_language(Document("t"), "en").meta)
    ({'lang': 'sv'}, {})
    >>> dict(in_language(Document("t", meta={"lang": "en"}), "sv").meta)
    {'lang': 'en'}
    """
    if lang == "en" or doc.meta.get("lang"):
        return doc
    import dataclasses

    return dataclasses.replace(doc, meta={**doc.meta, "lang": lang})


def write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None:
        sys.stdout.flush()
        stream.write(data)
        stream.flush()
    else:  # a captured text stream (tests)
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()


def write_exclusions(path: Path | None, frame: Any, source: Any = None, inputs: Any = ()) -> None:
    """Render the ``--excluded`` list now; it is written with the main output (:func:`emit`).

    Every command's list has the same columns (:data:`~servqual_cli.io.exclusions.LIST_COLUMNS`:
    file, sheet, row, column, value, reason); ``source`` (a table with ``describe()``, or its
    dict) names the file and sheet of a single file's cells. The trailing summary rows left out
    of ``source`` and of ``inputs`` (the other tables a command read, each with ``describe()``
    or as its dict) are listed too, one entry per row (reason ``summary_row``)."""
    if path is not None:
        from servqual_cli.io.exclusions import exclusion_list

        def described_of(table: Any) -> dict[str, Any]:
            return table.describe() if hasattr(table, "describe") else dict(table or {})

        described = described_of(source)
        tables = [described, *(described_of(t) for t in inputs)]
        from servqual_cli.report.safe_text import visible_frame

        listing = exclusion_list(frame, described.get("file"), described.get("sheet"), tables)
        # control characters from the data shown as escapes ("\x1b[31m4"), as the notes show
        # them: the list is read with cat too (review 15, finding 15); formulas stay guarded
        listing = visible_frame(listing)
        _STATE["pending"].append((Path(path), csv_bytes(listing, csv_settings())))


def flush_pending(more: list[tuple[Path, bytes]] | None = None) -> None:
    """Write the pending outputs (and ``more``) together; a command that never calls
    :func:`emit` has its ``--excluded`` list written when it returns."""
    files = [*_STATE["pending"], *(more or [])]
    _STATE["pending"] = []
    if files:
        write_all(files)
