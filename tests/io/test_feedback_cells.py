"""The cells of a feedback register: type words (io/feedback_cells.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from servqual_cli.io.feedback_cells import parse_types


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Klagomål", "klagomål"),
        ("COMPLAINT", "klagomål"),
        ("synpunkter", "synpunkt"),
        ("Idea", "förslag"),
        ("Förbättringsförslag", "förslag"),
        ("frågor", "fråga"),
        ("Enquiry", "fråga"),
        ("compliment", "beröm"),
        ("berom", "beröm"),
    ],
)
def test_type_synonyms(word: str, kind: str) -> None:
    types, why = parse_types(pd.Series([word], dtype=object))
    assert types.tolist() == [kind] and why.tolist() == [None]
