"""Session 18 (a-xlsx): the EFA's pattern matrix carried the reversed items' rule in its note
but named the item "Påstående 3" as if it were worded like the others; it loads with its sign
turned, so the row says "Påstående 3 (omvänt)" / "Statement 3 (reversed)", as the survey's item
tables mark a reversed item, in ``servqual reliability`` and in a report.

Data: the toolbox's synthetic survey (tests/core/r/toolbox_synth.csv) read by
tests/data/instruments/toolbox_reversed.toml (item 3 reversed, scale 1–7).
"""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
SYNTH = Path(__file__).parents[1] / "core" / "r" / "toolbox_synth.csv"
INSTRUMENT = DATA / "instruments" / "toolbox_reversed.toml"
MARKED = {"sv": "Påstående 3 (omvänt)", "en": "Statement 3 (reversed)"}
EFA = {"sv": "Explorativ faktoranalys (EFA)", "en": "Exploratory factor analysis (EFA)"}


def _efa_rows(markdown: str, lang: str) -> list[str]:
    """The first cells of the rows of every EFA pattern matrix."""
    rows = []
    for part in markdown.split(EFA[lang])[1:]:  # "### …" in a command, "#### Tabell 5. …"
        table = part.split("\n\n", 2)[1]
        rows += [line.split("|")[1].strip() for line in table.splitlines()[2:]]
    return rows


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_reliability_efa_marks_the_reversed_item(cli, lang: str) -> None:
    r = cli("reliability", SYNTH, "-i", INSTRUMENT, "-f", "markdown", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    rows = _efa_rows(r.stdout, lang)
    assert rows.count(MARKED[lang]) == 3  # E, P and the gap: one pattern matrix each
    assert sum("(" in row for row in rows) == 3  # no other item is marked


def test_report_efa_marks_the_reversed_item(cli, tmp_path: Path) -> None:
    cfg = tmp_path / "r.toml"
    cfg.write_text(
        f'language = "sv"\nsections = ["reliability"]\n[survey]\nfile = "{SYNTH.as_posix()}"\n'
        f'instrument = "{INSTRUMENT.as_posix()}"\n',
        encoding="utf-8",
    )
    r = cli("report", cfg, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    rows = _efa_rows(md, "sv")
    assert rows and rows.count(MARKED["sv"]) == 3
