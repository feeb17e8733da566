"""The per-area trend note states the table's own n and the chance sentence of the adjustment
used (review 9 finding 2: "6–7 kontakter" was fixed text, and "one in twenty changes is chance"
sat under Holm-adjusted verdicts)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.core.contacts import kpi_observations
from servqual_cli.core.trend import area_family_size, compare_kpis
from servqual_cli.io.measurement import ReadOptions, load_contact_table
from servqual_cli.report.measurement_trend import area_rows, trend_sections
from servqual_cli.report.spec import Table

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
Y2019 = SAMPLES / "servicematning_2019.xlsx"
Y2020 = SAMPLES / "servicematning_2020.xlsx"


def _contacts(path: Path, copies: int = 1) -> pd.DataFrame:
    frame = load_contact_table(ReadOptions().read(str(path)), None, None, False).frame
    return pd.concat([frame] * copies, ignore_index=True)


def _comparisons(copies: int, adjust: str) -> pd.DataFrame:
    obs = [kpi_observations(_contacts(p, copies), keys=()) for p in (Y2019, Y2020)]
    return compare_kpis(obs[0], obs[1], 0.95, 0.8, adjust=adjust)


def _flat(text: str) -> str:
    """Line breaks and runs of spaces as one space; the no-break spaces stay."""
    return re.sub(r"[ \n]+", " ", text)


def _area_table(comparisons: pd.DataFrame, lang: str, adjust: str) -> Table:
    blocks = trend_sections(comparisons, "2019", "2020", lang, 0.8, 0.95, adjust)[0].blocks
    tables = [b for b in blocks if isinstance(b, Table) and b.appendix]
    assert len(tables) == 1
    return tables[0]


@pytest.mark.parametrize("copies", [1, 4])
def test_the_note_states_the_range_of_the_tables_own_n(copies: int) -> None:
    comparisons = _comparisons(copies, "holm")
    rows = area_rows(comparisons)
    n = pd.concat([rows["n_before"], rows["n_after"]])
    note = _flat(_area_table(comparisons, "sv", "holm").note)
    assert f"bygger jämförelserna på {n.min()}–{n.max()} kontakter per period" in note
    assert "6–7" not in note and "var tjugonde" not in note
    if copies == 4:  # the review's file: each area four times bigger, n up to 56
        assert n.max() == 4 * _comparisons(1, "holm").pipe(area_rows)["n_after"].max()


@pytest.mark.parametrize(
    ("adjust", "sv", "en"),
    [
        ("holm", "Holm-justeringen håller risken att någon av de {m} jämförelserna per område "
                 "visar en förändring som bara är slump på högst 5\u00a0%.",
         "Holm's adjustment keeps the chance that any of the {m} per-area comparisons shows a "
         "change that is only chance at or below 5%."),
        ("bh", "håller den väntade andelen slumpförändringar bland de jämförelser som bedöms "
               "bättre eller sämre på högst 5\u00a0% (av {m} jämförelser per område",
         "keeps the expected share of chance changes among the comparisons called better or "
         "worse at or below 5% (of {m} per-area comparisons"),
        ("none", "p (ojusterat, {m} jämförelser): bedömningen följer varje jämförelses eget p, "
                 "och av de jämförelser där inget har förändrats kommer ungefär 5\u00a0% (1 av "
                 "20) att se ut som en förändring.",
         "p (unadjusted, {m} comparisons): the verdict follows each comparison's own p, and of "
         "comparisons where nothing changed, about 5% (1 in 20) will look like a change."),
    ],
)  # fmt: skip
def test_the_chance_sentence_matches_the_adjustment(adjust: str, sv: str, en: str) -> None:
    comparisons = _comparisons(1, adjust)
    m = area_family_size(comparisons)
    for lang, wanted in (("sv", sv), ("en", en)):
        note = _flat(_area_table(comparisons, lang, adjust).note)
        assert wanted.format(m=m) in note, note
        # the other adjustments' sentences are not there, nor (none) a claim that p was adjusted
        markers = {
            "holm": "Holm-justeringen",
            "bh": "väntade andelen",
            "none": "jämförelses eget p,",
        }
        if lang == "sv":
            assert [a for a, w in markers.items() if w in note] == [adjust], note
        if adjust == "none":
            assert "p justerat" not in note and "p adjusted" not in note


def test_the_cli_note_follows_adjust(cli) -> None:
    r = cli("trend", Y2019, Y2020, "--adjust", "bh", "--lang", "sv", "--format", "json")
    assert r.exit_code == 0, r.stderr
    family = json.loads(r.stdout)["adjust"]["comparisons"]
    r = cli("trend", Y2019, Y2020, "--adjust", "bh", "--lang", "sv", "--format", "markdown")
    flat = _flat(r.stdout)
    assert f"(av {family} jämförelser per område" in flat
    assert "Holm-justeringen" not in flat and "var tjugonde" not in flat
