"""Closing 17: 16 ``COMMAND_TIDY`` entries gave the header the command would get without them
(the SHARED, command and TIDY words it falls back to, or the tidy name itself), so nothing read
them. Each entry left must change a Swedish header (the English workbook keeps the tidy names,
cli.output_xlsx.header_label)."""

from __future__ import annotations

from servqual_cli.cli.output_xlsx import _COMMAND_TABLES, _words
from servqual_cli.report import catalog
from servqual_cli.report.catalog_tidy import COMMAND_TIDY


def _fallback(command: str) -> dict[str, str]:
    """The Swedish headers without COMMAND_TIDY, merged as cli.output_xlsx._words merges."""
    merged = dict(catalog.SHARED)
    for name in reversed(_COMMAND_TABLES[command]):
        merged.update(getattr(catalog, name))
    merged.update(catalog.TIDY)
    return {k: v[0] for k, v in merged.items() if "{" not in v[0]}


def test_every_command_tidy_entry_changes_a_header() -> None:
    dead = {
        (command, key)
        for command, words in COMMAND_TIDY.items()
        for key, (sv, _en) in words.items()
        if _fallback(command).get(key, key) == sv
    }
    assert dead == set()


def test_the_headers_are_those_of_before() -> None:
    """The 16 left out gave these headers, which the fallback gives still."""
    kpi, survey = _words("kpi"), _words("service-survey")
    assert [kpi[k][0] for k in ("kpi", "level", "group", "ci_low", "p_holm")] == [
        "Nyckeltal", "Nivå", "Grupp", "KI låg", "p (Holm)"]  # fmt: skip
    assert [survey[k][0] for k in ("year", "diff", "t", "p_adjusted")] == [
        "År", "Skillnad", "t", "p (justerat)"]  # fmt: skip
    assert "p" not in survey and _words("feedback")["level"][0] == "Nivå"
