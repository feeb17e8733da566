"""Review 13, findings 3, 7 and 14: ``knowledge-gap --by`` adjusts Holm over groups ×
dimensions (as ``gap --by``) and says once that every group meets the same staff; the staff may
be a sheet of the citizens' workbook (``--staff-sheet``), and ``--sheet`` missing from a staff
workbook says to give it; the English Markdown warning says "Warning".

Files: tests/data/kg_groups.xlsx (sheets "Svar": 3 units × 30 citizens, "Personal": 20 staff)
and kg_staff.xlsx (the same staff, sheet "Personal"), written by kg_groups_gen.py. Reference:
statsmodels ``multipletests(method="holm")`` on the JSON's unadjusted Welch p's.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from statsmodels.stats.multitest import multipletests

from .conftest import DATA, check

GROUPS = DATA / "kg_groups.xlsx"
STAFF = DATA / "kg_staff.xlsx"
INST = ("-i", str(DATA / "toolbox.toml"))


def _json(cli, *args: str | Path) -> dict:
    r = cli("knowledge-gap", *args, *INST, "-f", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_holm_over_groups_times_dimensions_as_gap_by(cli) -> None:
    out = _json(cli, GROUPS, STAFF, "--by", "Enhet")
    rows = [(g, r) for g, res in out["groups"].items() for r in res["dimensions"]]
    p = np.array([r["p_welch"] for _, r in rows])
    pooled = multipletests(p, method="holm")[1]
    np.testing.assert_allclose([r["p_holm"] for _, r in rows], pooled, rtol=1e-10)
    assert out["group_holm"]["n_dimension_tests"] == len(rows) == 9
    # the reading follows the pooled p: two groups' "staff underestimate" under Holm within
    # the group (3 tests) are "unclear" over the 9 tests
    per_group = [[r["p_welch"] for r in res["dimensions"]] for res in out["groups"].values()]
    within = np.concatenate([multipletests(q, method="holm")[1] for q in per_group])
    changed = [(g, r["dimension"]) for (g, r), w in zip(rows, within, strict=True)
               if w < 0.05 <= r["p_holm"]]  # fmt: skip
    assert changed == [("Bibliotek", "Responsiveness"), ("Skola", "Reliability")]
    assert all(r["reading"] == ("unclear" if q >= 0.05 else r["reading"])
               for (_, r), q in zip(rows, pooled, strict=True))  # fmt: skip
    # the items: one family over groups × items, for itself
    items = [r for res in out["groups"].values() for r in res["items"]]
    np.testing.assert_allclose([r["p_holm"] for r in items],
                               multipletests([r["p_welch"] for r in items], method="holm")[1],
                               rtol=1e-10)  # fmt: skip
    assert out["group_holm"]["n_item_tests"] == 18


@pytest.mark.parametrize(
    ("lang", "head", "staff"),
    [
        ("sv", "p (Holm, 9 test, grupper × dimensioner)",
         "I grupptabellerna nedan jämförs varje grupp i Enhet med all personal (n = 20), samma "
         "personal varje gång. Därför justeras deras p (Holm)"),
        ("en", "p (Holm, 9 tests, groups × dimensions)",
         "In the group tables below, every group of Enhet is compared with all staff (n = 20), "
         "the same staff each time. So their p (Holm)"),
    ],
)  # fmt: skip
def test_groups_name_their_family_and_the_shared_staff_once(cli, lang, head, staff) -> None:
    r = cli("knowledge-gap", GROUPS, STAFF, *INST, "--by", "Enhet", "--no-items",
            "-f", "markdown", "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count(head) == 3 and r.stdout.count(staff) == 1
    # the whole file's own table keeps its family, named: the dimensions of everyone (s17)
    own = "| p (Holm, 3 dimensioner) |" if lang == "sv" else "| p (Holm, 3 dimensions) |"
    assert own in r.stdout


def test_staff_sheet_of_the_same_workbook(cli) -> None:
    apart = _json(cli, GROUPS, STAFF, "--by", "Enhet")
    one = _json(cli, GROUPS, GROUPS, "--staff-sheet", "Personal", "--by", "Enhet")
    assert one["input"]["staff"]["sheet"] == "Personal" and one["n_staff"] == 20
    assert one["groups"] == apart["groups"] and one["dimensions"] == apart["dimensions"]
    by_index = _json(cli, GROUPS, GROUPS, "--sheet", "Svar", "--staff-sheet", "2")
    assert by_index["dimensions"] == apart["dimensions"]


@pytest.mark.parametrize(
    ("args", "code", "swedish"),
    [
        ((GROUPS, GROUPS), "same_survey_twice",
         "är samma fil (samma SHA-256) och blad: ange personalens enkät som STAFF, den andra "
         "filen, eller personalens blad i samma arbetsbok med --staff-sheet NAMN"),
        # two options naming one sheet: found once the sheets are read
        ((GROUPS, GROUPS, "--sheet", "Svar", "--staff-sheet", "1"), "same_survey_twice",
         "med --staff-sheet NAMN"),
        ((GROUPS, STAFF, "--sheet", "Svar"), "staff_sheet_not_found",
         "det finns inget blad 'Svar'; arbetsboken har 'Personal' (ange ett namn eller ett "
         "nummer från 1); --sheet gäller båda filerna: ange personalens blad med "
         "--staff-sheet NAMN"),
    ],
)  # fmt: skip
def test_sheet_errors_suggest_staff_sheet(cli, seen, args, code, swedish) -> None:
    check(cli, seen, ("knowledge-gap", *args, *INST), 2, code, swedish)
    r = cli("knowledge-gap", *args, *INST)
    assert "--staff-sheet NAME" in r.stderr


def test_a_wrong_staff_sheet_is_the_readers_error(cli) -> None:
    r = cli("knowledge-gap", GROUPS, STAFF, *INST, "--sheet", "Svar", "--staff-sheet", "Nej")
    assert r.exit_code == 2 and "no sheet 'Nej'" in r.stderr and "--staff-sheet" not in r.stderr


def test_english_markdown_warning_is_english(cli, samples_dir: Path) -> None:
    r = cli("knowledge-gap", samples_dir / "karlstad_servqual_2025.xlsx",
            samples_dir / "karlstad_personal.xlsx", "--no-items", "-f", "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "> **Warning:** Weight column" in r.stdout and "Varning" not in r.stdout


def test_one_workbook_read_twice_names_its_sheets_in_the_title(cli) -> None:
    """Review 14, finding 8: with --staff-sheet the title read "enkat.xlsx / enkat.xlsx"; the
    sheets now tell the two apart (only when the file names are the same)."""
    r = cli("knowledge-gap", GROUPS, GROUPS, *INST, "--sheet", "Svar", "--staff-sheet",
            "Personal", "--no-items", "-f", "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == (
        "# Knowledge gap – kg_groups.xlsx (Svar) / kg_groups.xlsx (Personal)"
    )
