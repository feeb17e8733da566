"""Review 16, finding 3: ``--unit-map OLD=NEW`` (``feedback``) and ``[service] unit_map``
(``report``) merge a unit renamed between the trend's windows, so the trend compares it, and
the output names the merge with its count (README said "not implemented"; on the old code the
option and the key were refused).

tests/data/feedback_renamed.csv: Teknik has 10 items in 2024 only, Samhällsbyggnad (its new
name) 20 in 2025 only. Merged: 10 → 20; the exact Poisson p conditions on the total, so it is
scipy's ``binomtest(20, 30, 365 / 731)`` (2025: 365 days, 2024: 366), as R ``poisson.test``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from scipy import stats

DATA = Path(__file__).parents[1] / "data"
CSV = DATA / "feedback_renamed.csv"


def test_json_compares_the_merged_unit_and_names_the_map(cli) -> None:
    r = cli("feedback", CSV, "--unit-map", "Teknik=Samhällsbyggnad", "--unit-map", "Tekink=X",
            "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["unit_map"] == [
        {"from": "Teknik", "to": "Samhällsbyggnad", "n": 10},
        {"from": "Tekink", "to": "X", "n": 0},  # a typo renames nothing, and says so
    ]
    units = {t["key"]: t for t in d["trend"] if t["level"] == "unit"}
    assert "Teknik" not in units
    raw = pd.read_csv(CSV, sep=";", parse_dates=["inkommen"])
    merged = raw["förvaltning"].replace({"Teknik": "Samhällsbyggnad"})
    year = raw["inkommen"].dt.year
    before = int((merged.eq("Samhällsbyggnad") & year.eq(2024)).sum())
    after = int((merged.eq("Samhällsbyggnad") & year.eq(2025)).sum())
    row = units["Samhällsbyggnad"]
    assert (row["previous_value"], row["value"], row["compared"]) == (before, after, True)
    assert (before, after) == (10, 20)
    expected = stats.binomtest(after, before + after, 365 / (365 + 366)).pvalue
    assert row["p"] == pytest.approx(expected, rel=1e-9)
    plain = json.loads(cli("feedback", CSV, "-f", "json").stdout)
    assert plain["unit_map"] == []


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("sv", "Förvaltningar slagna samman (--unit-map): Teknik → Samhällsbyggnad (10 "
         "synpunkter). Räkningar, svar och trend gäller varje par som en förvaltning under det "
         "nya namnet."),
        ("en", "Units merged (--unit-map): Teknik → Samhällsbyggnad (10 items). Counts, replies "
         "and the trend treat each pair as one unit under the new name."),
    ],
)  # fmt: skip
def test_markdown_names_the_merge(cli, lang: str, line: str) -> None:
    r = cli("feedback", CSV, "--unit-map", "Teknik=Samhällsbyggnad", "-f", "markdown",
            "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert line in " ".join(r.stdout.split())
    # no "renamed or reorganised?" question left: the pair is one unit now
    assert "Teknik har inga" not in r.stdout and "Teknik has no" not in r.stdout


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_unit_map_merges_and_is_named(cli, tmp_path: Path, lang: str) -> None:
    from servqual_cli.report.catalog import rl

    cfg = tmp_path / "fb.toml"
    cfg.write_text(
        f'language = "{lang}"\nperiod = "2025"\n[service]\nfeedback = "{CSV.as_posix()}"\n'
        'promise = "14 days"\nunit_map = { Teknik = "Samhällsbyggnad" }\n',
        encoding="utf-8",
    )
    r = cli("report", cfg, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    flat = re.sub(r"[ \n>]+", " ", md)
    said = {
        "sv": "Förvaltningar slagna samman (unit_map i [service]): Teknik → Samhällsbyggnad",
        "en": "Units merged (unit_map in [service]): Teknik → Samhällsbyggnad",
    }[lang]
    assert said in flat
    glance = md.split(f"## {rl('glance_title', lang)}", 1)[1].split("\n## ", 1)[0]
    # merged, the pair is compared: no "not compared" row or sentence in the overview
    assert "omorganiserat" not in glance and "reorganised" not in glance


def test_report_unit_map_value_must_be_a_name(cli, tmp_path: Path) -> None:
    cfg = tmp_path / "fb.toml"
    cfg.write_text(
        f'[service]\nfeedback = "{CSV.as_posix()}"\nunit_map = {{ Teknik = 3 }}\n',
        encoding="utf-8",
    )
    r = cli("report", cfg, "-o", tmp_path / "out")
    assert r.exit_code == 2 and "service.unit_map.Teknik" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1
