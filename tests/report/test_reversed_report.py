"""Review 13, findings 4 and 8, in ``servqual report``: the item tables mark a reversed
statement ("Personalen är ofta otrevlig (omvänt)") and end with the sentence that names the
reversed items and their scoring, as the method section does; the zone of tolerance says A and
D are reversed too and counts D < A after the reversal; an English report of a Swedish
instrument says the English dimension names of its ``[dimension_labels.en]``.

Data: the toolbox's synthetic survey read by tests/data/instruments/toolbox_reversed.toml (item
3 reversed, scale 1–7).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
SYNTH = Path(__file__).parents[1] / "core" / "r" / "toolbox_synth.csv"
INSTRUMENT = DATA / "instruments" / "toolbox_reversed.toml"
SECTIONS = '["servqual", "item_distributions", "tolerance", "reliability", "method"]'


def _report(tmp: Path, lang: str) -> str:
    from servqual_cli.cli.main import main  # the real entry point, once per language

    survey = tmp / "medborgare.csv"
    frame = pd.read_csv(SYNTH)
    frame[frame["role"] == "customer"].drop(columns="w").to_csv(survey, index=False)
    config = tmp / f"rapport_{lang}.toml"
    config.write_text(
        f'title = "Test"\nlanguage = "{lang}"\nsections = {SECTIONS}\n'
        f'[survey]\nfile = "{survey.as_posix()}"\ninstrument = "{INSTRUMENT.as_posix()}"\n',
        encoding="utf-8",
    )
    assert main(["report", str(config), "-o", str(tmp / f"ut_{lang}")]) == 0
    return (tmp / f"ut_{lang}" / "report.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("reversed_report")
    return {lang: _report(tmp, lang) for lang in ("sv", "en")}


def _table_notes(text: str) -> list[str]:
    """The italic notes under the tables ("*...*") and the notes in quotes ("> ...")."""
    return [x for x in text.splitlines() if x.startswith(("*", "> "))]


def test_reversed_statement_is_marked_in_the_item_table(reports) -> None:
    assert "| 3 | Personalen är ofta otrevlig (omvänt) |" in reports["sv"]
    assert "| 3 | Staff are often rude (reversed) |" in reports["en"]


@pytest.mark.parametrize(("lang", "note"), [
    ("sv", "Omvänt formulerat påstående 3 räknat som 8 − svaret (skala 1–7)."),
    ("en", "Negatively worded item 3 scored as 8 − the answer (scale 1–7)."),
])  # fmt: skip
def test_every_item_table_ends_with_the_reversal(reports, lang, note) -> None:
    notes = [x for x in _table_notes(reports[lang]) if note in x]
    # the item gaps, the answer distribution, the tolerance rule and the item statistics
    assert len(notes) >= 4, notes
    assert any("A och D vänds på samma sätt" in x or "A and D are reversed" in x for x in notes)


def test_english_report_names_the_english_dimensions(reports) -> None:
    assert "Dependability" in reports["en"] and "Pålitlighet" not in reports["en"]
    assert "Pålitlighet" in reports["sv"] and "Dependability" not in reports["sv"]


def test_largest_gaps_table_names_a_reversed_item_it_shows(tmp_path: Path) -> None:
    """Tabell 2 ranks the three lowest gaps: when the reversed item is among them, its note
    says how it was scored (the lowest here: expectations answered 1–2, perceptions 6–7)."""
    from servqual_cli.cli.main import main

    frame = pd.read_csv(SYNTH)
    frame = frame[frame["role"] == "customer"].drop(columns="w")
    frame["E3"] = [1 + i % 2 for i in range(len(frame))]  # 8 − x: 7 and 6
    frame["P3"] = [6 + i % 2 for i in range(len(frame))]  # 8 − x: 2 and 1
    survey, config = tmp_path / "medborgare.csv", tmp_path / "rapport.toml"
    frame.to_csv(survey, index=False)
    config.write_text(
        'title = "Test"\nlanguage = "sv"\nsections = ["summary", "servqual"]\n'
        f'[survey]\nfile = "{survey.as_posix()}"\ninstrument = "{INSTRUMENT.as_posix()}"\n',
        encoding="utf-8",
    )
    assert main(["report", str(config), "-o", str(tmp_path / "ut")]) == 0
    text = (tmp_path / "ut" / "report.md").read_text(encoding="utf-8")
    table = text[text.index("Påståenden med störst negativt gap") :]
    assert "| 3 | Personalen är ofta otrevlig (omvänt) |" in table
    note = next(x for x in table.splitlines() if x.startswith("*De tre påståenden"))
    assert "Omvänt formulerat påstående 3 räknat som 8 − svaret (skala 1–7)." in note


@pytest.mark.parametrize(("lang", "note", "efa"), [
    ("sv", "Omvänt formulerat påstående 3 räknat som 8 − svaret (skala 1–7).", "mönstermatris"),
    ("en", "Negatively worded item 3 scored as 8 − the answer (scale 1–7).", "pattern matrix"),
])  # fmt: skip
def test_efa_pattern_matrices_end_with_the_reversal(reports, lang, note, efa) -> None:
    # closing 16: the appendix's EFA tables lacked the sentence every other item table has
    blocks = [b for b in reports[lang].split("\n#### ") if efa in b.splitlines()[0]]
    assert len(blocks) >= 2, efa  # one pattern matrix per score (E, P, gap)
    for block in blocks:
        assert note in _table_notes(block)[0], block.splitlines()[0]
