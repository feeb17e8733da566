"""Session 17: the words of the weighted estimates. ``items --weight-column`` ended its weighted
note "The tests above are unweighted" under a command that runs no test; and the CSV's weighted
rows (``items``, ``tolerance``, ``gap``) kept the JSON's keys ("Reliability: msa", "P3: top2")
where the terminal says "MSA (P−A)" and "Top 2"."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

SYNTH = Path(__file__).parents[1] / "core" / "r" / "toolbox_synth.csv"


def _args(data_dir: Path, command: str, *more: str) -> list[str]:
    return [command, str(SYNTH), "--instrument", str(data_dir / "toolbox.toml"),
            "--weight-column", "w", *more]  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


NOTE = {
    "sv": ("Svarsfördelningarna ovan (antal, medel, kvartiler och andelarna topp-2 och botten-2 "
           "med sina Wilson-intervall) är oviktade och beskriver urvalet; de viktade medlen och "
           "andelarna, med sina intervall, står i denna tabell. Påståendena testas inte, varken "
           "viktat eller oviktat.", "Testerna ovan", "P3: Topp-2"),
    "en": ("The distributions above (counts, means, quartiles and the top-2 and bottom-2 shares "
           "with their Wilson intervals) are unweighted and describe the sample; the weighted "
           "means and shares, with their intervals, are in this table. The items are not tested, "
           "weighted or unweighted.", "The tests above", "P3: Top 2"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_items_weighted_note_says_what_is_unweighted(cli, data_dir: Path, lang: str) -> None:
    r = cli(*_args(data_dir, "items", "-f", "markdown", "--lang", lang))
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    note, old, name = NOTE[lang]
    assert note in text and old not in text
    assert f"| {name} |" in text  # the estimate in the reader's words, in English too
    assert "top2" not in text.replace("top-2", "")


def _weighted(text: str, key: str) -> list[str]:
    return [r[key] for r in csv.DictReader(io.StringIO(text)) if r["level"] == "weighted"]


def test_csv_weighted_rows_carry_the_terminals_words(cli, data_dir: Path) -> None:
    items = cli(*_args(data_dir, "items", "-f", "csv"))
    names = _weighted(items.stdout, "item")
    assert {"P3: Top 2", "P3: Bottom 2", "P1: Mean"} <= set(names)
    tolerance = cli(*_args(data_dir, "tolerance", "-f", "csv"))
    names = _weighted(tolerance.stdout, "name")
    assert {"Reliability: MSA (P\u2212A)", "Reliability: MSS (P\u2212D)",
            "Reliability: Share below A", "Reliability: Share above D"} <= set(names)  # fmt: skip
    gap = cli(*_args(data_dir, "gap", "--no-items", "-f", "csv"))
    names = _weighted(gap.stdout, "name")
    assert {"Reliability: Gap (P\u2212E)", "Reliability: Perception (P)"} <= set(names)
    for name in names:  # no JSON key left ("Reliability: msa", "P3: top2")
        assert not name.rpartition(": ")[2].islower(), name
