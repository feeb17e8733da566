"""Review 8, finding 6: the feedback register's change table names its share interval's method
and writes interval bounds in the one sign style of the trend and KPI tables.

``servqual feedback data/samples/synpunkter_2023_2024.xlsx --lang sv`` showed "Andel besvarade
inom löftet ... +5,8 | +2,3 | +9,2" with the note "Fishers exakta test" only, while the
interval is Newcombe's and the report's "Nyckeltal som förändrats" shows the same interval as
"2,3 | 9,2" with a note naming Newcombe. A change carries its sign; its bounds do not
(:mod:`servqual_cli.report.change_formats`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from statsmodels.stats.proportion import confint_proportions_2indep

REGISTER = "synpunkter_2023_2024.xlsx"


def _row(markdown: str, start: str) -> list[str]:
    line = next(x for x in markdown.splitlines() if x.startswith(f"| {start} |"))
    return [c.strip() for c in line.strip("|").split("|")]


def test_the_bounds_are_newcombes_interval(cli, samples_dir: Path) -> None:
    """The JSON bounds against statsmodels' Newcombe interval on the counts (824 of 984 within
    the promise in 2024, 727 of 931 in 2023 up to 17 December, the same window as 2024's:
    review 10a finding 4): the method the note now names."""
    r = cli("feedback", samples_dir / REGISTER, "-f", "json")
    assert r.exit_code == 0, r.stderr
    (share,) = [t for t in json.loads(r.stdout)["trend"] if t["measure"] == "reply_within_promise"]
    assert (share["n"], share["n_previous"]) == (984, 931)
    k, k0 = round(share["value"] * 984), round(share["previous_value"] * 931)
    assert (k, k0) == (824, 727)
    low, high = confint_proportions_2indep(k, 984, k0, 931, method="newcomb", compare="diff")
    assert share["ci_low"] == pytest.approx(low, abs=1e-9)
    assert share["ci_high"] == pytest.approx(high, abs=1e-9)
    assert share["test"] == "fisher"


@pytest.mark.parametrize(
    ("lang", "row", "cells", "named"),
    [
        (
            "sv",
            "Andel besvarade inom löftet, 2023 (1 jan–17 dec, 931 synpunkter) → 2024 (1 jan–17 "
            "dec, 984 synpunkter)",
            ["+5,7", "2,1", "9,2"],
            "andel inom löftet: skillnad i procentenheter, Fishers exakta test med Newcombes "
            "intervall",
        ),
        (
            "en",
            "Share answered within promise, 2023 (1 Jan–17 Dec, 931 items) → 2024 (1 Jan–17 "
            "Dec, 984 items)",
            ["+5.7", "2.1", "9.2"],
            "share within promise: difference in percentage points, Fisher's exact test with "
            "Newcombe's interval",
        ),
    ],
)
def test_the_change_is_signed_its_bounds_are_not_and_the_note_names_newcombe(
    cli, samples_dir: Path, lang: str, row: str, cells: list[str], named: str
) -> None:
    r = cli("feedback", samples_dir / REGISTER, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert _row(r.stdout, row)[4:7] == cells
    minus = "−" if lang == "sv" else "-"
    # review 10a finding 1: the days compared are the answered items', n on the row
    shift = _row(r.stdout, "Typisk förskjutning, dagar till svar, bland besvarade (n = 913 → 943)"
                 if lang == "sv" else
                 "Typical shift, days to reply, among answered (n = 913 → 943)")  # fmt: skip
    assert shift[4:7] == [f"{minus}2{',' if lang == 'sv' else '.'}0"] * 2 + [
        f"{minus}1{',' if lang == 'sv' else '.'}0"
    ]  # a bound below 0 keeps its minus
    assert named in " ".join(r.stdout.split())
    # the terminal table reads the same formats
    term = cli("feedback", samples_dir / REGISTER, "--lang", lang)
    line = next(x for x in term.stdout.splitlines() if row[:40] in x)  # the name may wrap
    assert cells[0] in line and f"+{cells[1]}" not in line and f"+{cells[2]}" not in line
