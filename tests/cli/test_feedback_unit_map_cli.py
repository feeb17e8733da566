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
        {"from": "Teknik", "to": "Samhällsbyggnad", "n": 10, "to_in_register": True},
        {"from": "Tekink", "to": "X", "n": 0, "to_in_register": False},  # a typo: says so
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


# Review 17, finding 9: a comma list read as one new unit "Skola,Skola=Teknik", and a unit
# mapped onto itself reported as a merge. A value with more than one "=" is a comma list now;
# a map that merges nothing or cannot be followed is refused (exit 2); a NEW the register does
# not hold is said.


def test_a_comma_list_is_pairs(cli) -> None:
    one = json.loads(cli("feedback", CSV, "--unit-map", "Teknik=Samhällsbyggnad,Skola=Utbildning",
                         "-f", "json").stdout)  # fmt: skip
    two = json.loads(cli("feedback", CSV, "--unit-map", "Teknik=Samhällsbyggnad",
                         "--unit-map", "Skola=Utbildning", "-f", "json").stdout)  # fmt: skip
    assert one == two
    assert [(m["from"], m["to"]) for m in one["unit_map"]] == [
        ("Teknik", "Samhällsbyggnad"), ("Skola", "Utbildning")]  # fmt: skip
    units = {u["unit"] for u in one["by_unit"]}
    assert "Utbildning" in units and not any("=" in u or "," in u for u in units)


@pytest.mark.parametrize(
    ("value", "code", "swedish"),
    [
        ("Teknik=Teknik", "unit_map_same",
         "--unit-map slår samman 'Teknik' med sig själv: ange en annan förvaltning som NY"),
        ("Teknik=Skola,Skola=Teknik", "unit_map_chain",
         "--unit-map: 'Skola' är både ett nytt namn och byts själv ut; ange varje förvaltning "
         "direkt med sitt slutliga namn"),
        ("Teknik=Skola,Teknik=Kultur", "unit_map_twice",
         "--unit-map anger 'Teknik' två gånger ('Skola' och 'Kultur')"),
        ("Teknik=Skola=Kultur", "unit_map_form",
         "--unit-map tar GAMMAL=NY (två förvaltningsnamn), inte 'Teknik=Skola=Kultur'"),
    ],
)  # fmt: skip
def test_a_map_that_merges_nothing_is_refused(cli, value: str, code: str, swedish: str) -> None:
    r = cli("feedback", CSV, "--unit-map", value, "--lang", "sv")
    assert r.exit_code == 2, r.stdout
    assert swedish in r.stderr and r.stderr.count("\n") == 1, r.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "Teknik → Tekniken (10 synpunkter; nytt namn, finns inte i registret)"),
        ("en", "Teknik → Tekniken (10 items; a new name, not in the register)"),
    ],
)  # fmt: skip
def test_a_new_name_not_in_the_register_is_said(cli, lang: str, said: str) -> None:
    r = cli("feedback", CSV, "--unit-map", "Teknik=Tekniken", "-f", "markdown", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert said in " ".join(r.stdout.split())


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ('{ Teknik = "Teknik" }', "service.unit_map maps 'Teknik' onto itself"),
        ('{ Teknik = "Skola,Skola=Teknik" }',
         "service.unit_map maps 'Teknik' onto 'Skola,Skola=Teknik', which is not one unit name"),
        ('{ Teknik = "Skola", Skola = "Teknik" }', "service.unit_map: 'Skola' is both a new name"),
    ],
)  # fmt: skip
def test_report_unit_map_refuses_the_same(cli, tmp_path: Path, table: str, said: str) -> None:
    cfg = tmp_path / "fb.toml"
    cfg.write_text(f'[service]\nfeedback = "{CSV.as_posix()}"\nunit_map = {table}\n',
                   encoding="utf-8")  # fmt: skip
    r = cli("report", cfg, "-o", tmp_path / "out")
    assert r.exit_code == 2 and said in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1
