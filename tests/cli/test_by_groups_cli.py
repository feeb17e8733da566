"""Review 13, finding 17: ``tolerance --by Vikt`` (a weight column, 163 distinct values) ran one
group per value, most of n = 1, "Andel över D 100,0 %" on one answer and no caveat. Every
``--by`` (gap, tolerance, knowledge-gap, the report's by and --by A,B's second column) now
refuses a column of numbers with decimals, or of more than 20 groups averaging fewer than 5
respondents (io.groups.check_groups), with exit 2 and one line; and tolerance and
knowledge-gap mark a group below min_n "Small base", in gap --by's words.

Files: tests/data/tolerance_small_group.csv (tolerance_small_group_gen.py: toolbox_synth.csv
with Enhet, Norr 12 and Söder 148, and Löpnr, one per respondent; w is a weight with decimals),
tests/data/kg_staff.xlsx (20 staff) and the Karlstad samples (Kön "Annat": 7 citizens).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import DATA, check

SMALL = DATA / "tolerance_small_group.csv"
INST = ("-i", str(DATA / "toolbox.toml"))
COMMANDS = {
    "gap": ("gap", str(SMALL), *INST),
    "tolerance": ("tolerance", str(SMALL), *INST),
    "knowledge-gap": ("knowledge-gap", str(SMALL), str(DATA / "kg_staff.xlsx"), *INST),
}
DECIMALS = ("kolumnen 'w' i --by har tal med decimaler (156 olika värden): ett mått eller en "
            "vikt, inga grupper; välj en grupperingskolumn")  # fmt: skip
MANY = ("kolumnen 'Löpnr' i --by har 160 olika värden bland 160 svarande (fler än 20 grupper "
        "och färre än 5 svarande per grupp i snitt): välj en grupperingskolumn eller slå ihop "
        "värdena till färre grupper i filen")  # fmt: skip


@pytest.mark.parametrize("command", [*COMMANDS, "report"])
@pytest.mark.parametrize(
    ("by", "code", "swedish"),
    [("w", "by_decimals", DECIMALS), ("Löpnr", "by_too_many_groups", MANY),
     ("Enhet,w", "by_decimals", DECIMALS)],  # --by A,B: the second column too
)  # fmt: skip
def test_a_weight_or_an_id_is_no_grouping(cli, seen, tmp_path: Path, command, by, code,
                                          swedish) -> None:  # fmt: skip
    if command == "report":
        if "," in by:
            pytest.skip("the report's by is one column")
        args = ("report", str(SMALL), *INST, "-o", str(tmp_path / "out"))
    else:
        args = COMMANDS[command]
    check(cli, seen, (*args, "--by", by), 2, code, swedish)
    assert not (tmp_path / "out").exists()


def test_a_report_config_names_its_survey_by(cli, seen, tmp_path: Path) -> None:
    cfg = tmp_path / "rep.toml"
    cfg.write_text(f'[survey]\nfile = "{SMALL.as_posix()}"\ninstrument = '
                   f'"{(DATA / "toolbox.toml").as_posix()}"\nby = "w"\n', "utf-8")  # fmt: skip
    check(cli, seen, ("report", str(cfg), "-o", str(tmp_path / "out")), 2, "by_decimals",
          f"{cfg}: kolumnen 'w' i survey.by har tal med decimaler")  # fmt: skip


def test_a_grouping_column_still_groups(cli) -> None:
    """Whole-number codes and a few groups pass (role: 2 groups; overall: 1-7 as numbers)."""
    for by in ("role", "overall", "Enhet,role"):
        r = cli("tolerance", SMALL, *INST, "--by", by, "-f", "json")
        assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize(
    ("lang", "column", "note"),
    [("sv", "Litet underlag", "Litet underlag: n under 30; läs värdet med försiktighet."),
     ("en", "Small base", "Small base: n below 30; read the value with care.")],
)  # fmt: skip
def test_tolerance_marks_a_small_group(cli, lang, column, note) -> None:
    r = cli("tolerance", SMALL, *INST, "--by", "Enhet", "--no-items", "-f", "markdown",
            "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    norr, soder = r.stdout.split("## Enhet: Norr", 1)[1].split("## Enhet: Söder", 1)
    head = next(x for x in norr.splitlines() if x.startswith("| Dimension"))
    assert head.endswith(f"| {column} |") and note in norr
    yes = "ja" if lang == "sv" else "yes"
    rows = [x for x in norr.splitlines() if x.startswith("| ") and "| 12 |" in x]
    assert len(rows) == 3 and all(x.endswith(f"| {yes} |") for x in rows)
    assert column not in soder and column not in r.stdout.split("## Enhet: Norr", 1)[0]
    out = json.loads(cli("tolerance", SMALL, *INST, "--by", "Enhet", "-f", "json").stdout)
    assert out["min_n"] == 30
    assert [d["small_base"] for d in out["groups"]["Norr"]["dimensions"]] == [True] * 3
    assert not any(d["small_base"] for d in out["groups"]["Söder"]["dimensions"])


@pytest.mark.parametrize(
    ("lang", "column", "note"),
    [("sv", "Litet underlag", "Litet underlag: n under 30; läs värdet med försiktighet."),
     ("en", "Small base", "Small base: n below 30; read the value with care.")],
)  # fmt: skip
def test_knowledge_gap_marks_a_small_group(cli, samples_dir: Path, lang, column, note) -> None:
    args = ("knowledge-gap", samples_dir / "karlstad_servqual.xlsx",
            samples_dir / "karlstad_personal.xlsx", "--by", "Kön")  # fmt: skip
    r = cli(*args, "--no-items", "-f", "markdown", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    parts = r.stdout.split("## Kön: ")
    small = [p for p in parts[1:] if column in p]
    assert [p.split("\n", 1)[0] for p in small] == ["Annat"]
    assert note in small[0] and column not in parts[0]
    out = json.loads(cli(*args, "-f", "json").stdout)
    annat = out["groups"]["Annat"]["dimensions"]
    assert all(d["small_base"] == (d["n_customers"] < 30) for d in annat) and annat[0]["small_base"]


def test_min_n_as_gap_s(cli) -> None:
    """``--min-n`` moves the line as gap's does: role's staff (48–50) are small below 60."""
    out = json.loads(cli("tolerance", SMALL, *INST, "--by", "role", "--min-n", "60",
                         "-f", "json").stdout)  # fmt: skip
    assert out["min_n"] == 60
    assert all(d["small_base"] for d in out["groups"]["staff"]["dimensions"])
    assert not any(d["small_base"] for d in out["groups"]["customer"]["dimensions"])
    kg = cli("knowledge-gap", DATA / "kg_groups.xlsx", DATA / "kg_staff.xlsx", *INST, "--by",
             "Enhet", "--min-n", "31", "-f", "json")  # fmt: skip
    groups = json.loads(kg.stdout)["groups"]
    assert all(d["small_base"] for g in groups.values() for d in g["dimensions"])
