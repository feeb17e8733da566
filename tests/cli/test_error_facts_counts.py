"""The sizes of a limit's error message go through the one count rule in both languages
(session 15, w-bench item 3: English had its own ``f"{whole:,}"``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.cli import error_facts


def test_english_sizes_use_count_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(error_facts, "count_text", lambda n, lang: f"<{n}|{lang}>")
    assert error_facts._num(1200.0, "en") == "<1200|en>"
    assert error_facts._num("50000000", "sv") == "<50000000|sv>"


@settings(derandomize=True, max_examples=200)
@given(st.integers(min_value=0, max_value=10**15))
def test_english_grouping_is_the_raise_sites(n: int) -> None:
    """count_text's English is Python's ``{n:,}``, the raise sites' format: the change is a
    pure simplification of the English line."""
    assert error_facts._num(n, "en") == f"{n:,}"
    assert error_facts._num(float(n) if n < 2**53 else n, "en") == f"{n:,}"
