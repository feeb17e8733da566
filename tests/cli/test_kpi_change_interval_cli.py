"""A share's change in the KPI tables carries its Newcombe interval (l-small, session 11): the
changed-KPIs table of the report showed it, the KPI tables' change column only Fisher's p, so a
reader of the KPI table could not see why "+5,5 procentenheter" is no change. The cell's bounds
are the core's ``diff_low``/``diff_high`` (tested against R in tests/core), in percentage points
at the level the KPIs were evaluated at; the CI headings name that level too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from servqual_cli.report.numbers import fmt_signed


def _kpis(cli, samples_dir: Path, *args: str) -> dict[str, dict]:
    r = cli("kpi", samples_dir / "kpi.toml", "-f", "json", *args)
    assert r.exit_code == 0, r.stderr
    return {k["name"]: k for k in json.loads(r.stdout)["kpis"]}


def _rows(text: str) -> dict[str, list[str]]:
    return {
        cells[0]: cells for line in text.splitlines() if line.startswith("| ")
        for cells in [[c.strip() for c in line.strip("|").split(" | ")]]
    }  # fmt: skip


def _number(text: str, lang: str) -> float:
    return float(text.replace("−", "-").replace("," if lang == "sv" else ".", "."))


@pytest.mark.parametrize(("lang", "conf"), [("sv", "0.95"), ("en", "0.9")])
def test_share_change_cell_has_the_newcombe_interval(cli, samples_dir: Path, lang, conf) -> None:
    kpis = _kpis(cli, samples_dir, "--conf", conf)
    r = cli("kpi", samples_dir / "kpi.toml", "-f", "markdown", "--lang", lang, "--conf", conf)
    assert r.exit_code == 0, r.stderr
    rows = _rows(r.stdout.replace("\xa0", " "))
    level = "95 % KI" if lang == "sv" else "90% CI"
    shares = [k for k in kpis.values() if k["change"] and k["change"]["test"] == "fisher"]
    assert len(shares) == 2
    for k in shares:
        c = k["change"]
        cell = rows[k["name"]][-1]
        diff = fmt_signed(c["diff"] * 100, lang, 1)
        points = "procentenheter" if lang == "sv" else "percentage points"
        assert f"{diff} {points}, {level} " in cell, cell
        sep = ";" if lang == "sv" else ","  # the report's interval notation (review 10a #9)
        low, high = re.search(rf"{level} \[(\S+){sep} ([^\]]+)\]\)", cell).groups()  # type: ignore[union-attr]
        point = "," if lang == "sv" else "."  # both bounds one decimal
        assert len(low.split(point)[1]) == len(high.split(point)[1]) == 1
        assert _number(low, lang) == pytest.approx(c["diff_low"] * 100, abs=0.051)
        assert _number(high, lang) == pytest.approx(c["diff_high"] * 100, abs=0.051)
        assert _number(low, lang) > 0 if c["diff_low"] > 0 else _number(low, lang) <= 0
    note = "Newcombes intervall" if lang == "sv" else "Newcombe's (1998 hybrid score) interval"
    assert note in r.stdout


def test_bygglov_share_change_is_over_the_same_window(cli, samples_dir: Path) -> None:
    """Review 10a, finding 4: Lekeberg's bygglov share compared all of 2023 (86,0 %) with 2024's
    cases up to 21 October (91,5 %), Newcombe's lower bound 0,026 pp (printed "0,026 till 10,8",
    review 10a finding 9). Over the same window 2023 is 87,5 % (217 of 248), Fisher p 0,18
    (tests/core/r/kpi_windows.py); a bound near 0 keeps its sign (tests/report)."""
    kpi = _kpis(cli, samples_dir)["Bygglov beslutas inom tio veckor från komplett ansökan"]
    r = cli("kpi", samples_dir / "kpi.toml", "-f", "markdown", "--lang", "sv")
    cell = _rows(r.stdout.replace("\xa0", " "))[kpi["name"]][-1]
    assert cell.startswith("2023 (1 jan–21 okt, 248 ärenden) → 2024 (1 jan–21 okt, 235 ärenden): "
                           "87,5 → 91,5 % (skillnad +4,0 procentenheter, 95 % KI [−1,6; 9,5]), "
                           "p 0,183 (Fisher)"), cell  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_kpi_ci_headings_name_the_level(cli, samples_dir: Path, lang: str) -> None:
    r = cli("kpi", samples_dir / "kpi.toml", "-f", "markdown", "--lang", lang, "--conf", "0.9")
    heads = [line for line in r.stdout.replace("\xa0", " ").splitlines()
             if line.startswith("| Nyckeltal") or line.startswith("| KPI")]  # fmt: skip
    assert heads
    low = "90 % KI låg" if lang == "sv" else "90% CI low"
    for head in heads:
        assert low in head
        assert not re.search(r"\| (KI låg|CI low)", head)
