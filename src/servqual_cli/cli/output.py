"""Write command output: atomically, never over an input, in the format asked for."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from servqual_cli.cli.options import OutputFormat
from servqual_cli.errors import UsageError
from servqual_cli.report.atomic import write_atomic
from servqual_cli.report.spec import Document

_EXT = {".json": OutputFormat.json, ".csv": OutputFormat.csv, ".md": OutputFormat.markdown,
        ".markdown": OutputFormat.markdown, ".html": OutputFormat.html}  # fmt: skip


def resolve_format(fmt: OutputFormat | None, output: Path | None) -> OutputFormat:
    if fmt is not None:
        return fmt
    if output is not None:
        return _EXT.get(output.suffix.lower(), OutputFormat.table)
    return OutputFormat.table


def check_output(output: Path | None, inputs: Iterable[str | Path]) -> None:
    """Refuse an output path that is an input, a folder, a device or in a missing folder.

    Checked before any work is done, so a refused run costs nothing and touches nothing.
    """
    if output is None:
        return
    target = Path(output).resolve()  # a symlink is written through to its target
    for item in inputs:
        if str(item) == "-":
            continue
        src = Path(item)
        same = target == src.resolve()
        if not same and target.exists() and src.exists():
            same = os.path.samefile(target, src)
        if same:
            raise UsageError(f"output {str(output)!r} is an input file; refusing to overwrite it")
    if target.is_dir():
        raise UsageError(f"output {str(output)!r} is a folder; give a file name")
    if target.exists() and not target.is_file():
        # Renaming over /dev/null or a pipe would replace the device node itself.
        raise UsageError(f"output {str(output)!r} is not a regular file; give a file name")
    if not target.parent.exists():
        raise UsageError(f"output folder {str(target.parent)!r} does not exist")


def check_distinct(**paths: Path | None) -> None:
    """Two outputs of one run must not be the same file (one would overwrite the other)."""
    seen: dict[Path, str] = {}
    for option, path in paths.items():
        if path is None:
            continue
        key = Path(path).resolve()
        if key in seen:
            raise UsageError(
                f"--{seen[key]} and --{option} are the same file {str(path)!r}; give two names"
            )
        seen[key] = option


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
    """Render ``doc`` (table/markdown/html), ``payload`` (json) or the tidy frame (csv)."""
    chosen = resolve_format(fmt, output)
    if chosen is OutputFormat.json:
        text = to_json(payload)
    elif chosen is OutputFormat.csv:
        text = tidy.to_csv(index=False, lineterminator="\n")
    elif chosen is OutputFormat.markdown:
        from servqual_cli.report.markdown import render_document

        text = render_document(doc)
    elif chosen is OutputFormat.html:
        from servqual_cli.report.html_files import command_page

        text = command_page(doc, lang)
    elif chosen is OutputFormat.apa:  # the document's APA lines (d-stats, issue #12)
        from servqual_cli.report.spec import Text

        lines = [b.text for s in doc.sections for b in s.blocks
                 if isinstance(b, Text) and b.kind == "apa"]  # fmt: skip
        if not lines:
            raise UsageError("--format apa: this command reports no APA-style test lines")
        text = "\n".join(lines) + "\n"
    else:
        from servqual_cli.cli.terminal import print_document, render_text

        if output is None:
            print_document(doc)
            return
        text = render_text(doc)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text.encode("utf-8"))


def write_exclusions(path: Path | None, frame: Any) -> None:
    if path is not None:
        write_atomic(path, frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
