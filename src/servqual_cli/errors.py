"""Exception types shared by every layer.

The core and the readers raise these with the facts (file, sheet, row, column, value, what was
expected); the CLI turns them into one line on stderr and an exit code in one place
(:func:`servqual_cli.cli.main.run`). Exit code 1 means bad data, 2 bad usage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from servqual_cli.core.caveats import Caveat


@dataclass(frozen=True)
class Location:
    """Where a problem is: any part may be unknown."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # 1-based row number as the user sees it in the file
    column: str | None = None

    def describe(self) -> str:
        """Render as ``file.xlsx, sheet 'Data', row 12, column 'E3'``.

        >>> Location("a.csv", None, 3, "E1").describe()
        "a.csv, row 3, column 'E1'"
        >>> Location().describe()
        ''
        """
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)


class ServqualError(Exception):
    """Base class: a problem the user can fix. ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(
        self, message: str, location: Location | None = None, *, caveat: Caveat | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()
        # The reliability core's reason as data (code + parameters), for a report to render.
        self.caveat = caveat

    def __str__(self) -> str:
        where = self.location.describe()
        return f"{where}: {self.message}" if where else self.message


class DataError(ServqualError):
    """The data cannot be analysed as asked (bad file, bad values, nothing left). Exit code 1."""

    exit_code = 1


class UsageError(ServqualError):
    """The command was asked for something impossible (bad option, bad config). Exit code 2."""

    exit_code = 2


class ConfigError(UsageError):
    """An instrument, KPI or report configuration is invalid. Exit code 2."""


class AnalysisWarning(UserWarning):
    """A statistic was computed but deserves a caveat (e.g. a negative item-rest correlation)."""
