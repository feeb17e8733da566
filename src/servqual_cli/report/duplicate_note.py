"""The warning for duplicate respondent rows (:mod:`servqual_cli.io.duplicates`), the same in
every survey command and the report, and its JSON record.

>>> from servqual_cli.io.duplicates import DuplicateRows
>>> d = DuplicateRows((32, 33), (12, 13))
>>> [b.text[:30] for s in duplicate_sections(d, "sv") for b in s.blocks]
['2 rader är dubbletter av en ti']
>>> duplicate_sections(None, "en"), duplicate_record(None)
([], None)
>>> duplicate_record(d)["rows"]
[32, 33]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servqual_cli.report.spec import Section, Text

if TYPE_CHECKING:  # pragma: no cover
    from servqual_cli.io.duplicates import DuplicateRows


def duplicate_blocks(duplicates: DuplicateRows | None, lang: str, file: str = "") -> list[Text]:
    """One warning per finding (repeated rows; each id with different answers), each after
    ``file: `` when a command reads two files."""
    if duplicates is None:
        return []
    head = f"{file}: " if file else ""
    return [Text(head + message, kind="warning") for message in duplicates.messages(lang)]


def duplicate_sections(
    duplicates: DuplicateRows | None, lang: str, file: str = ""
) -> list[Section]:
    """The warnings as a section before the tables (none: no section)."""
    blocks = duplicate_blocks(duplicates, lang, file)
    return [Section(title="", blocks=tuple(blocks))] if blocks else []


def duplicate_record(duplicates: DuplicateRows | None) -> dict[str, Any] | None:
    """JSON's ``duplicate_rows``: rows, the rows they repeat, id conflicts; None when none."""
    return None if duplicates is None else duplicates.to_dict()
