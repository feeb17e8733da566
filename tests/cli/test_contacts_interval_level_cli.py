"""The contact KPI table of one year names its interval level (c-conf, session 11): ``servqual
contacts`` and the report's "Nyckeltal" table of the latest year (the Lekeberg report's table 3)
headed "KI låg" / "KI hög" while the KPIs were computed at ``--conf``; the level is now passed to
:func:`servqual_cli.report.measurement_sections.kpi_table` and headed through
:func:`servqual_cli.report.conf_level.interval_head`. Checked at ``--conf 0.9`` so that a
hard-coded "95" fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

YEAR = "servicematning_2020.xlsx"


def bare(text: str, lang: str) -> list[str]:
    """Interval headings without a level before the word: "| CI low |", "┃ KI låg ┃"."""
    word = "KI låg|KI hög" if lang == "sv" else "CI low|CI high"
    text = re.sub(r"%\s?(?=[KC]I )", "%_", text)  # "90 % KI låg", "90% CI low": named
    return re.findall(rf"(?:^|[|┃│>\s])(?:{word})(?=\s*(?:[|┃│<]|$))", text, flags=re.M)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_contact_kpi_intervals_name_their_level(cli, samples_dir: Path, lang, fmt) -> None:
    r = cli("contacts", samples_dir / YEAR, "--lang", lang, "-f", fmt, "--conf", "0.9")
    assert r.exit_code == 0, r.stderr
    text = re.sub(r"<[^>]+>", "", r.stdout).replace("\xa0", " ")  # HTML: <abbr>KI</abbr>
    assert ("90 % KI låg" if lang == "sv" else "90% CI low") in text
    assert bare(text, lang) == []


def test_the_level_is_the_one_the_kpis_were_computed_at(cli, samples_dir: Path) -> None:
    """The heading follows --conf, and so do the bounds under it (a narrower 90 % interval)."""
    rows = {}
    for conf in ("0.9", "0.99"):
        md = cli("contacts", samples_dir / YEAR, "-f", "markdown", "--conf", conf).stdout
        level = f"{round(float(conf) * 100)}%"
        assert f"| KPI | n | k | Value | {level} CI low | {level} CI high |" in md
        line = next(x for x in md.splitlines() if x.startswith("| Phone: reached a person |"))
        rows[conf] = [float(c) for c in line.strip("| ").split("|")[3:6]]
    assert rows["0.9"][0] == rows["0.99"][0]  # the same value
    assert rows["0.99"][1] < rows["0.9"][1] < rows["0.9"][2] < rows["0.99"][2]
