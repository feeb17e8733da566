"""The note on a text file's rows with fewer fields than its header (review 6, finding 10), as a
section of a command's output. The words are :mod:`servqual_cli.report.short_rows`' (the report's
summary shows the same lines); the facts are in the JSON's ``input.short_rows``
(:class:`servqual_cli.io.rows.ShortRows`).
"""

from __future__ import annotations

from typing import Any

from servqual_cli.report.short_rows import short_row_lines

__all__ = ["short_row_lines", "short_row_note"]


def short_row_note(described: dict[str, Any] | None, lang: str = "en") -> list[Any]:
    """:func:`short_row_lines` as a section ([] when every row has the header's fields)."""
    lines = short_row_lines(described, lang)
    if not lines:
        return []
    from servqual_cli.report.spec import Section, Text

    return [Section("", tuple(Text(text, kind=kind) for kind, text in lines))]
