"""The error line's language and place words (servqual_cli.cli.error_text, errors.Location)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.cli.error_text import click_text, error_lang, error_line, render
from servqual_cli.errors import Location, UsageError

_WORDS = st.sampled_from(["gap", "a.csv", "--lang", "sv", "en", "--lang=sv", "--lang=en", "--",
                          "--by", "Tjänst", "-o", "x.md"])  # fmt: skip


def _expected(args: list[str]) -> str:
    """The rule spelled out: the last --lang before any -- decides; only "sv" is Swedish."""
    head = args[: args.index("--")] if "--" in args else args
    lang = "en"
    for i, arg in enumerate(head):
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg[len("--lang=") :]
    return "sv" if lang == "sv" else "en"


@settings(derandomize=True, max_examples=300)
@given(st.lists(_WORDS, max_size=8))
def test_error_lang_follows_the_last_lang_before_double_dash(args: list[str]) -> None:
    assert error_lang(args) == _expected(args)


_TEXT = st.text(st.characters(blacklist_characters=",", blacklist_categories=("Cs",)), max_size=8)
_SWAP = {"sheet": "blad", "row": "rad", "column": "kolumn"}


@settings(derandomize=True, max_examples=200)
@given(
    st.one_of(st.none(), _TEXT),
    st.one_of(st.none(), _TEXT),
    st.one_of(st.none(), st.integers(1, 10**6)),
    st.one_of(st.none(), _TEXT),
)
def test_location_words_are_the_only_difference(file, sheet, row, column) -> None:
    """Swedish and English name the same parts, in the same order, with the same values; only
    the words sheet, row and column differ."""
    where = Location(file, sheet, row, column)
    if where == Location():
        assert where.describe("sv") == where.describe() == ""
        return
    en, sv = where.describe().split(", "), where.describe("sv").split(", ")
    assert len(en) == len(sv)
    skip = 1 if file is not None else 0  # the file name is no word
    assert en[:skip] == sv[:skip]
    for a, b in zip(en[skip:], sv[skip:], strict=True):
        word, _, value = a.partition(" ")
        assert b == f"{_SWAP[word]} {value}"


def test_english_is_str_of_the_error() -> None:
    exc = UsageError("file not found", Location("a.csv", None, 3), code="file_not_found")
    assert error_line(exc, "en") == str(exc) == "a.csv, row 3: file not found"
    assert error_line(exc, "sv") == "a.csv, rad 3: filen finns inte"


def test_counts_in_swedish_group_thousands() -> None:
    facts = {"value": "x", "n_bad": 12345, "n_filled": 20000}
    assert "(12\u00a0345 av 20\u00a0000 ifyllda)" in render("date_unreadable", facts, "sv")
    assert "(12345 of 20000 non-blank)" in render("date_unreadable", facts, "en")


def test_an_unrecognised_click_message_is_left_as_it_is() -> None:
    assert click_text("Something new from Click.", "sv") == "Something new from Click."
    assert click_text("No such option: --x", "en") == "No such option: --x"
