"""Review 13, finding 10: each item's zone position rests on its own two unadjusted intervals
(22 items × MSA and MSS on the sample), which the item table now says where the positions are
read; the dimension table and ``--no-items`` runs do not carry it."""

from __future__ import annotations

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
