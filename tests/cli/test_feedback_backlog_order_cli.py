"""The backlog table's note says the order the units stand in, in both languages, and the
rows follow it (tests/data/feedback_closed_unanswered.csv: Teknik 2 unanswered, Skola 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data" / "feedback_closed_unanswered.csv"

NOTES = {
    "sv": "Förvaltningarna står i ordning efter antalet obesvarade med kontaktuppgifter, äldre "
    "än löftet, flest först; lika antal i namnordning.",
    "en": "Units are in order of the number unanswered with contact details, older than the "
    "promise, most first; equal numbers in name order.",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_note_names_the_order(cli, lang: str) -> None:
    r = cli("feedback", DATA, "--as-of", "2024-04-30", "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert NOTES[lang] in " ".join(r.stdout.split())
    rows = [line for line in r.stdout.splitlines() if line.count("|") == 6]
    units = [line.strip("|").split("|")[0].strip() for line in rows]
    assert units.index("Teknik") < units.index("Skola")
