"""Notes joined from parts end each sentence (review 13, finding 18): the weighting rule that a
weighted report appends to every unweighted table's note ran on from a note without a full stop,
"… på de 13 kompletta raderna (lavaans standard) Oviktat (urvalet): …"."""

from __future__ import annotations

import pandas as pd

from servqual_cli.report.note_join import join_sentences
from servqual_cli.report.spec import Figure, Table
from servqual_cli.report.weighted_labels import unweighted_blocks


def test_weighting_rule_starts_a_sentence_of_its_own() -> None:
    table = Table("Validitet", pd.DataFrame({"a": [1]}), note="CFA listvis (lavaans standard)")
    out = unweighted_blocks([table], "Vikt", "sv", "weight_rule_reliability")[0]
    assert isinstance(out, Table)
    assert out.note == (
        "CFA listvis (lavaans standard). Oviktat (urvalet): reliabiliteten är inte viktad efter "
        "Vikt; den beskriver urvalet."
    )


def test_figure_caption_too() -> None:
    fig = Figure(
        "tolerance", "Toleranszon", "tolerance", {}, caption="Punkterna är medelvärden (urvalet)"
    )
    out = unweighted_blocks([fig], "Vikt", "en", "weight_rule_tolerance")[0]
    assert isinstance(out, Figure)
    assert out.caption.startswith("Punkterna är medelvärden (urvalet). Unweighted (the sample):")


def test_a_sentence_already_ended_is_left_alone() -> None:
    assert join_sentences("Se tabellen ovan.", "(Se ovan.)", "Klart!") == (
        "Se tabellen ovan. (Se ovan.) Klart!"
    )
    assert join_sentences(None, "", "  ") == ""
