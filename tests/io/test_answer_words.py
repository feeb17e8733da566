"""The words an answer is matched against: the built-in Likert label sets."""

from __future__ import annotations

from servqual_cli.io.answer_words import builtin_labels


def test_five_point_swedish_set() -> None:
    labels = builtin_labels(1, 5)
    assert labels["instämmer inte alls"] == 1 and labels["instämmer helt"] == 5
    assert labels["instämmer i stor grad"] == 4


# Review 11, finding 5: the non-answer boxes of Swedish surveys are missing kinds, not
# "not a valid value"; a combined box gets one kind (dont_know when a part is "don't know").
def test_swedish_non_answers_and_combined_boxes() -> None:
    import pandas as pd

    from servqual_cli.io.values import parse_scale_values

    texts = ["Ingen uppfattning", "Kan ej bedöma", "Vet inte", "Vet inte/ingen åsikt",
             "Ingen åsikt", "Ej svar", "Vet ej/Ej aktuellt", "Vet ej / Ej aktuellt",
             "Ej aktuellt/Vet ej", "Ej aktuellt / ej tillämpligt", "Vet ej/7",
             "Bra/Vet ej"]  # fmt: skip
    _, reasons = parse_scale_values(pd.Series(texts, dtype=object), (1, 7))
    assert reasons.tolist() == ["dont_know"] * 5 + ["not_available"] + ["dont_know"] * 3 + [
        "not_applicable", "unparseable", "unparseable"]  # fmt: skip


def test_declared_numbers_match_numeric_cells_only_when_equal() -> None:
    import numpy as np

    from servqual_cli.io.answer_words import declared_numbers

    values = np.array([99.0, 9.0, 990.0, np.nan, 1.0])
    reasons = np.array([None, None, None, "blank", None], dtype=object)
    out = declared_numbers(values, reasons, ["99", "Vet ej"])
    assert np.isnan(out[[0, 3]]).all() and out[[1, 2, 4]].tolist() == [9.0, 990.0, 1.0]
    assert reasons.tolist() == ["missing_token", None, None, "blank", None]
    assert declared_numbers(values, reasons, ["Vet ej"]) is values  # no number: unchanged
