"""The words an answer is matched against: the built-in Likert label sets."""

from __future__ import annotations

from servqual_cli.io.answer_words import builtin_labels


def test_five_point_swedish_set() -> None:
    labels = builtin_labels(1, 5)
    assert labels["instämmer inte alls"] == 1 and labels["instämmer helt"] == 5
    assert labels["instämmer i stor grad"] == 4
