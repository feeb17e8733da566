"""Review 7, finding 2: ``gap --weight-column Vikt --by Kön`` keeps its group tables unweighted
(the sample) and says so in their titles and notes, not only in the APA lines."""

from __future__ import annotations

from pathlib import Path

import pytest

TITLES = {
    "sv": ("Gap per dimension – Kön", "Skillnader mellan grupper",
           "Parvisa jämförelser (Games-Howell)"),
    "en": ("Dimension gaps – Kön", "Differences between groups",
           "Pairwise comparisons (Games-Howell)"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "words", "note"),
    [("sv", "oviktat (urvalet)", "Oviktat (urvalet): gapen och testen per grupp är inte viktade "
                                 "efter Vikt"),
     ("en", "unweighted (the sample)", "Unweighted (the sample): the groups' gaps and tests are "
                                       "not weighted by Vikt")],
)  # fmt: skip
def test_group_titles_say_unweighted(
    cli, samples_dir: Path, lang: str, words: str, note: str
) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--weight-column", "Vikt",
            "--by", "Kön", "--no-items", "--lang", lang, "-f", "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    heads = [line[4:] for line in r.stdout.splitlines() if line.startswith("### ")]
    for title in TITLES[lang]:  # per group, between the groups, pairwise
        assert f"{title} – {words}" in heads, heads
    assert note in r.stdout


def test_without_weights_no_unweighted_words(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--by", "Kön", "--no-items",
            "--lang", "sv", "-f", "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "### Gap per dimension – Kön\n" in r.stdout
    assert "oviktat (urvalet)" not in r.stdout
