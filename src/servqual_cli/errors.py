"""Exception types shared by every layer.

The core and the readers raise these with the facts (file, sheet, row, column, value, what was
expected); the CLI turns them into one line on stderr and an exit code in one place
(:func:`servqual_cli.cli.main.run`). Exit code 1 means bad data, 2 bad usage.
"""

from __future__ import annotations

from collections.abc import Mapping
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

    def describe(self, lang: str = "en") -> str:
        """Render as ``file.xlsx, sheet 'Data', row 12, column 'E3'`` (``lang="sv"``: ``blad``,
        ``rad``, ``kolumn``; the error line of a ``--lang sv`` run, review 9 finding 9).

        >>> Location("a.csv", None, 3, "E1").describe()
        "a.csv, row 3, column 'E1'"
        >>> Location("a.xlsx", "Data", 12, "E3").describe("sv")
        "a.xlsx, blad 'Data', rad 12, kolumn 'E3'"
        >>> Location().describe()
        ''
        """
        sheet, row, column = _PLACE_WORDS.get(lang, _PLACE_WORDS["en"])
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.sheet is not None:
            parts.append(f"{sheet} {self.sheet!r}")
        if self.row is not None:
            parts.append(f"{row} {self.row}")
        if self.column is not None:
            parts.append(f"{column} {self.column!r}")
        return ", ".join(parts)


# The three place words of a location. They live here, not in a report catalog, because every
# layer builds locations and the errors module imports no other part of the package.
_PLACE_WORDS = {"en": ("sheet", "row", "column"), "sv": ("blad", "rad", "kolumn")}


class ServqualError(Exception):
    """Base class: a problem the user can fix. ``exit_code`` is what the CLI returns.

    ``message`` is the English sentence (what ``str()`` and an English run show). ``code`` and
    ``facts`` optionally name the situation and its facts as data, so that the CLI can say it in
    the run's language from ``report.catalog_errors.ERRORS`` (keyed by ``code``; ``facts`` fill
    its ``{placeholders}``) without any layer below the CLI importing a catalog.

    ``lang`` is the language a command learnt after its options were parsed (``servqual
    report``'s config ``language``): the error line uses it when the command line gives no
    ``--lang``. It stays ``None`` for every error raised before.
    """

    exit_code = 1

    def __init__(
        self,
        message: str,
        location: Location | None = None,
        *,
        caveat: Caveat | None = None,
        code: str | None = None,
        facts: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()
        # The reliability core's reason as data (code + parameters), for a report to render.
        self.caveat = caveat
        self.code = code
        self.facts: dict[str, object] = dict(facts or {})  # a copy; plain, so it pickles
        self.lang: str | None = None

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
