"""Facts of the error codes coded in session 15 put in the shape their sentence needs
(:mod:`servqual_cli.report.error_words_more`); :mod:`servqual_cli.cli.error_text` takes
:data:`LATE_PREPARE` into its table of preparations. Kept apart so that each module stays under
400 lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from servqual_cli.report.catalog import count_text
from servqual_cli.report.catalog_errors import ERRORS

__all__ = ["LATE_PREPARE"]


def _word(key: str, lang: str, **fill: object) -> str:
    pair = ERRORS[key]
    return (pair[0] if lang == "sv" else pair[1]).format(**fill)


def _grouped(n: object, lang: str) -> str:
    """A count the raise site writes with ``{n:,}``: a no-break thousands space in Swedish.

    >>> _grouped(100001, "sv"), _grouped(100001, "en")
    ('100\\xa0001', '100,001')
    """
    whole = int(str(n))
    return count_text(whole, lang) if lang == "sv" else f"{whole:,}"


def _prep_merges(f: dict[str, Any], lang: str) -> None:
    f["n"], f["limit"] = _grouped(f["n"], lang), _grouped(f["limit"], lang)


def _prep_filter(f: dict[str, Any], lang: str) -> None:
    """The data file, and its sheet when it has one (io.kpi_data's ``place``)."""
    sheet = f.get("sheet")
    f["place"] = f["file"] + (_word("part_place_sheet", lang, sheet=sheet) if sheet else "")


def _prep_as_of(f: dict[str, Any], lang: str) -> None:
    """The data file, and the start column when the KPI has one (core.kpi)."""
    column = f.get("column")
    f["place"] = f["file"] + (_word("part_place_column", lang, column=column) if column else "")


def _prep_groups(f: dict[str, Any], lang: str) -> None:
    """Each group's own error, said in the run's language (report.writer's --split)."""
    from servqual_cli.cli.error_text import place_and_sentence as said

    f["reasons"] = "; ".join(f"{group}: {said(exc, lang)}" for group, exc in f["failed"])


def _prep_conf(f: dict[str, Any], lang: str) -> None:
    """The level as the raise site wrote it (``{conf}``); a decimal comma and "−" in Swedish."""
    if lang == "sv":
        f["conf"] = str(f["conf"]).replace(".", ",").replace("-", "\u2212")


def _prep_by_groups(f: dict[str, Any], lang: str) -> None:
    """A --by column's counts as the raise site writes them (io.groups.check_groups)."""
    f["n_values"], f["n"] = _grouped(f["n_values"], lang), _grouped(f["n"], lang)


LATE_PREPARE: dict[str, Callable[[dict[str, Any], str], None]] = {
    "too_many_merges": _prep_merges,
    "kpi_filter_keeps_none": _prep_filter,
    "kpi_as_of_before_cases": _prep_as_of,
    "no_group_reported": _prep_groups,
    "conf_range": _prep_conf,
    "by_decimals": _prep_by_groups,
    "by_too_many_groups": _prep_by_groups,
}
