"""Review 7, finding 2, and session 11: ``gap --weight-column Vikt --by Kön`` shows the groups'
gaps weighted (as a weighted report) and a weighted test between the groups; the tests that
stay unweighted (Welch, Kruskal-Wallis, the pairwise ones) say so in their titles and notes,
not only in the APA lines."""

from __future__ import annotations

from pathlib import Path

import pytest

TITLES = {
    "sv": ("Skillnader mellan grupper", "Parvisa jämförelser (Games-Howell)"),
    "en": ("Differences between groups", "Pairwise comparisons (Games-Howell)"),
}  # fmt: skip
WEIGHTED = {
    "sv": ("Gap per dimension – Kön, viktat efter Vikt",
           "Skillnader mellan grupper – Kön, viktat efter Vikt"),
    "en": ("Dimension gaps – Kön, weighted by Vikt",
           "Differences between groups – Kön, weighted by Vikt"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "words", "note"),
    [("sv", "oviktat (urvalet)", "Oviktat (urvalet): Welch, Kruskal-Wallis och de parvisa "
                                 "jämförelserna har ingen viktad form här"),
     ("en", "unweighted (the sample)", "Unweighted (the sample): Welch, Kruskal-Wallis and the "
                                       "pairwise comparisons have no weighted form here")],
)  # fmt: skip
def test_group_titles_say_unweighted(
    cli, samples_dir: Path, lang: str, words: str, note: str
) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--weight-column", "Vikt",
            "--by", "Kön", "--no-items", "--lang", lang, "-f", "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    heads = [line[4:] for line in r.stdout.splitlines() if line.startswith("### ")]
    for title in TITLES[lang]:  # between the groups (Welch, KW), pairwise
        assert f"{title} – {words}" in heads, heads
    for title in WEIGHTED[lang]:  # the groups' gaps, the design-based test between them
        assert title in heads, heads
    assert note in r.stdout


def test_without_weights_no_unweighted_words(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual_2025.xlsx", "--by", "Kön", "--no-items",
            "--lang", "sv", "-f", "markdown")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "### Gap per dimension – Kön\n" in r.stdout
    assert "oviktat (urvalet)" not in r.stdout
