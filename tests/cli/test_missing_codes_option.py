"""``--missing-codes``' parser (cli.options.parse_missing_codes) and the note's list
(report.missing_codes_note): invariants over generated code lists (w-miss2, s15)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.cli.options import parse_missing_codes
from servqual_cli.errors import UsageError
from servqual_cli.report.missing_codes_note import missing_codes_text

# A code as a user types it: no comma or quote, not blank after trimming.
CODE = st.text(
    st.characters(blacklist_characters=',"', blacklist_categories=("Cc", "Cs")), min_size=1
).filter(lambda c: c.strip() == c and c.strip() != "")


@settings(derandomize=True, max_examples=200)
@given(st.lists(CODE, min_size=1, max_size=5), st.sampled_from([",", ", ", " ,"]))
def test_a_joined_list_parses_back_to_its_codes(codes: list[str], sep: str) -> None:
    assert parse_missing_codes(sep.join(codes)) == tuple(codes)


@settings(derandomize=True, max_examples=200)
@given(st.lists(CODE, min_size=1, max_size=5))
def test_quoted_codes_may_hold_commas(codes: list[str]) -> None:
    with_commas = [f"{c}, {c}" for c in codes]
    assert parse_missing_codes(",".join(f'"{c}"' for c in with_commas)) == tuple(with_commas)


@settings(derandomize=True, max_examples=100)
@given(st.lists(CODE, min_size=1, max_size=5), st.sampled_from(["sv", "en"]))
def test_the_note_names_every_code_once(codes: list[str], lang: str) -> None:
    text = missing_codes_text(codes, lang)
    assert text is not None and text.endswith("(--missing-codes).")
    for code in dict.fromkeys(codes):
        assert code in text


@pytest.mark.parametrize("text", ["", ",", " , ", "99,", ",99", "99,,98", '""'])
def test_an_empty_list_or_entry_is_refused(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_missing_codes(text)
    assert caught.value.code == "missing_codes_empty" and caught.value.facts == {"text": text}
