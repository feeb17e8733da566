"""Review 13, finding 10: each item's zone position rests on its own two unadjusted intervals
(22 items × MSA and MSS on the sample), which the item table now says where the positions are
read; the dimension table and ``--no-items`` runs do not carry it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "karlstad_tolerans.xlsx"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "sv",
            "ojusterade 95\u00a0%-intervall för MSA och MSS (22 påståenden, två intervall vardera)",
        ),
        ("en", "unadjusted 95% intervals for MSA and MSS (22 items, two intervals each)"),
    ],
)
def test_item_positions_name_their_unadjusted_intervals(cli, lang: str, words: str) -> None:
    out = cli("tolerance", SAMPLE, "--lang", lang, "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    assert out.stdout.count(words) == 1
    title = "Toleranszon per påstående" if lang == "sv" else "Zone of tolerance by item"
    items_table = out.stdout.index(title)
    assert out.stdout.index(words) > items_table  # under the item table, not the dimensions'


def test_no_item_table_no_item_note(cli) -> None:
    out = cli("tolerance", SAMPLE, "--no-items", "--lang", "sv", "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    assert "ojusterade" not in out.stdout


def test_the_level_follows_conf(cli) -> None:
    out = cli("tolerance", SAMPLE, "--conf", "0.9", "--lang", "sv", "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    assert "ojusterade 90\u00a0%-intervall" in out.stdout


TOL_INV = Path(__file__).parents[1] / "data" / "r17_tol_inv.xlsx"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", "Läget bedöms på varje grupps ojusterade 95\u00a0%-intervall för MSA och MSS (9 "
               "lägen som bedöms, av 3 grupper × 5 dimensioner; en dimension med omvänd zon får "
               "ingen bedömning; två intervall vardera): bland så många kan något enstaka läge "
               "under eller över zonen bero på slumpen."),
        ("en", "Each group's position is judged on its own unadjusted 95% intervals for MSA and "
               "MSS (9 positions judged, of 3 groups × 5 dimensions; a dimension with an inverted "
               "zone gets no verdict; two intervals each): among so many, a single position "
               "below or above the zone can be chance."),
    ],
)  # fmt: skip
def test_by_group_positions_counted(cli, lang: str, words: str) -> None:
    """Review 17, finding 16: ``--by Tjänst`` gives 3 groups × 5 dimensions = 15 positions on
    unadjusted intervals, and the group tables said only "judged on the confidence intervals".
    Now each group table's legend counts them (fails on the old code)."""
    out = cli("tolerance", TOL_INV, "--by", "Tjänst", "--no-items", "--lang", lang,
              "-f", "markdown")  # fmt: skip
    assert out.exit_code == 0, out.stderr
    text = re.sub(r"[ \n]+", " ", out.stdout)  # the no-break space in "95 %" stays
    assert text.count(words) == 3  # one per group table
    first = text.index("Tjänst: ")
    assert text.index(words) > first  # under the groups' tables, not the whole file's
    # review 18, finding 15: the count is of the positions judged; the JSON's group rows
    # without a verdict (an inverted zone) are left out of it (it said 15 of which 6 had none)
    data = json.loads(cli("tolerance", TOL_INV, "--by", "Tjänst", "-f", "json").stdout)
    rows = [r["position"] for g in data["groups"].values() for r in g["dimensions"]]
    assert len(rows) == 15 and sum(p != "inverted_item" for p in rows) == 9


def test_one_group_singular(cli, tmp_path: Path) -> None:
    """The counted nouns in the singular: "1 grupp × …", not "1 grupper"."""
    import pandas as pd

    frame = pd.read_excel(TOL_INV, engine="openpyxl")
    frame = frame[frame["Tjänst"] == "Grundskola"]
    path = tmp_path / "one.csv"
    frame.to_csv(path, index=False)
    out = cli("tolerance", path, "--by", "Tjänst", "--no-items", "--lang", "sv")
    assert out.exit_code == 0, out.stderr
    # Grundskola's two inverted zones get no verdict: 3 judged (review 18, finding 15)
    assert "(3 lägen som bedöms, av 1 grupp × 5 dimensioner;" in " ".join(out.stdout.split())


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", "(20 påståenden som bedöms, av 22; ett påstående med omvänd zon får ingen "
               "bedömning; två intervall vardera)"),
        ("en", "(20 items judged, of 22; an item with an inverted zone gets no verdict; two "
               "intervals each)"),
    ],
)  # fmt: skip
def test_item_positions_count_those_judged(cli, lang: str, words: str) -> None:
    """Review 18, finding 15: the item table's note said "22 påståenden" while items 3 and 7
    (inverted zones) get no position; the count is of the items judged, checked against the
    JSON's item rows (fails on the old code)."""
    out = cli("tolerance", TOL_INV, "--lang", lang, "-f", "markdown")
    assert out.exit_code == 0, out.stderr
    assert words in re.sub(r"[ \n]+", " ", out.stdout)
    data = json.loads(cli("tolerance", TOL_INV, "-f", "json").stdout)
    positions = [r["position"] for r in data["items"]]
    assert len(positions) == 22 and sum(p != "inverted" for p in positions) == 20
