"""Find columns by name: case-insensitive, surrounding spaces ignored, ``_``/``-``/``.``/space
folded (so R's ``make.names`` spelling ``X1a..Bevara.grönområden`` matches ``X1a Bevara
grönområden``).

One place resolves every column role (survey items via the instrument; contact, feedback and case
columns via their alias tables), so a missing or ambiguous column is always the same error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from servqual_cli.errors import DataError, Location, UsageError

if TYPE_CHECKING:
    from servqual_cli.io.raw_table import RawTable

_FOLD = re.compile(r"[\s_\-.]+")


def normalise(name: str) -> str:
    """Fold a column name for matching.

    >>> normalise("  Svar_på frågan ")
    'svar på frågan'
    >>> normalise("E1") == normalise(" e1")
    True
    >>> normalise("X1a..Bevara.större")
    'x1a bevara större'

    """
    return _FOLD.sub(" ", str(name).strip().casefold()).strip()


class ColumnIndex:
    """Look up columns of a table by folded name, detecting duplicates only when they matter."""

    def __init__(self, columns: Sequence[str], source: str, sheet: str | None = None) -> None:
        self.columns = list(columns)
        self.source = source
        self.sheet = sheet
        self._by_name: dict[str, list[int]] = {}
        for i, col in enumerate(self.columns):
            self._by_name.setdefault(normalise(col), []).append(i)

    def find(self, name: str) -> int | None:
        """Position of the column called ``name``, None if absent; ambiguous names raise."""
        hits = self._by_name.get(normalise(name), [])
        if len(hits) > 1:
            letters = ", ".join(excel_letter(i) for i in hits)
            raise DataError(
                f"column {name!r} appears {len(hits)} times (columns {letters}); "
                "rename the duplicates so each column name is unique",
                Location(self.source, self.sheet, None, name),
                code="column_duplicated",
                facts={"name": name, "n": len(hits), "letters": letters},
            )
        return hits[0] if hits else None

    def require(self, names: Iterable[str], what: str) -> list[int]:
        """Positions of all ``names``; the error lists every missing one, not just the first."""
        names = list(names)
        found = [self.find(n) for n in names]
        missing = [n for n, f in zip(names, found, strict=True) if f is None]
        if missing:
            shown = ", ".join(missing[:8]) + (
                f" and {len(missing) - 8} more" if len(missing) > 8 else ""
            )
            raise DataError(
                f"{what} needs column{'s' if len(missing) > 1 else ''} {shown}, "
                f"which the file lacks (it has: {_preview(self.columns)})",
                Location(self.source, self.sheet),
            )
        return [f for f in found if f is not None]

    def find_role(self, aliases: Sequence[str]) -> int | None:
        """First alias present (English or Swedish name of one role)."""
        for alias in aliases:
            pos = self.find(alias)
            if pos is not None:
                return pos
        return None

    def resolve_roles(
        self, roles: Mapping[str, Sequence[str]], required: Iterable[str] = ()
    ) -> dict[str, int]:
        """Map each role to a column position by its aliases; missing required roles raise."""
        out: dict[str, int] = {}
        for role, aliases in roles.items():
            pos = self.find_role(aliases)
            if pos is not None:
                out[role] = pos
        missing = [r for r in required if r not in out]
        if missing:
            wanted = "; ".join(
                f"{r} (or {' / '.join(roles[r][1:]) or roles[r][0]})" for r in missing
            )
            raise DataError(
                f"missing column(s): {wanted}; the file has: {_preview(self.columns)}",
                Location(self.source, self.sheet),
                code="role_columns_missing",
                facts={"roles": tuple((r, tuple(roles[r])) for r in missing),
                       **_column_facts(self.columns)},
            )  # fmt: skip
        return out


def encoding_advice(table: object) -> str:
    """``"; <advice>"`` when the table's text decoding may be wrong (a cp1252 fallback, text that
    looks garbled), else ``""``: appended to every column-not-found message. Uses the table's
    ``encoding_hint()`` when the reader provides one.

    >>> encoding_advice(object())
    ''
    """
    hint = getattr(table, "encoding_hint", None)
    text = hint() if callable(hint) else ""
    return f"; {text}" if text else ""


def sheet_advice(table: object) -> str:
    """``"; the workbook's other sheets: ... (choose one with --sheet)"`` when a column was not
    found in a workbook that has other sheets (the first sheet is often a title page), else
    ``""``: appended to column-not-found messages.

    >>> sheet_advice(object())
    ''
    """
    sheet = getattr(table, "sheet", None)
    if sheet is None:
        return ""
    from servqual_cli.io.profile import sheet_names

    others = [s for s in sheet_names(str(getattr(table, "source", ""))) if s != sheet]
    if not others:
        return ""
    return f"; the workbook's other sheets: {', '.join(others[:8])} (choose one with --sheet)"


def advice_facts(table: object) -> dict[str, object]:
    """The facts behind :func:`encoding_advice` and :func:`sheet_advice` (the encoding the text
    was read with when it is in doubt, whether it looks garbled, the workbook's other sheets),
    for an error that carries a code: the CLI says them in the run's language.

    >>> advice_facts(object())
    {}
    """
    facts: dict[str, object] = {}
    if encoding_advice(table):
        facts["encoding"] = getattr(table, "encoding", None)
        facts["garbled"] = bool(getattr(table, "garbled", False))
    advice = sheet_advice(table)
    if advice:  # (sheet_names reads the workbook's list again: an error path only)
        sheet = getattr(table, "sheet", None)
        from servqual_cli.io.profile import sheet_names

        others = [s for s in sheet_names(str(getattr(table, "source", ""))) if s != sheet]
        facts["other_sheets"] = tuple(others[:8])
    return facts


def missing_option_column(table: RawTable, name: str, option: str) -> UsageError:
    """The error for an option (``--weight-column``, ``--overall``, ``[survey] overall`` …) that
    names a column the table lacks: one wording and code wherever an option names a column."""
    shown = list(table.columns[:12])
    return UsageError(
        f"{option} column {name!r} is not in the file (it has: {', '.join(shown)})",
        Location(table.source, table.sheet, None, name),
        code="option_column_missing",
        facts={"option": option, "column": name, "columns": tuple(shown)},
    )


def excel_letter(index: int) -> str:
    """0-based column position as an Excel letter.

    >>> excel_letter(0), excel_letter(25), excel_letter(26)
    ('A', 'Z', 'AA')
    """
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _column_facts(columns: Sequence[str], limit: int = 12) -> dict[str, object]:
    """What :func:`_preview` shows, as facts: the first ``limit`` names and how many there are."""
    return {"columns": tuple(columns[:limit]), "n_columns": len(columns)}


def _preview(columns: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(columns[:limit])
    return shown + (f" ... ({len(columns)} columns)" if len(columns) > limit else "")
