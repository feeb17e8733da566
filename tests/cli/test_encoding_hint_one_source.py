"""The advice on a doubtful decoding is written once, in report.catalog_errors (session 15,
w-bench item 2): the error line's piece, the warning under a command's tables
(cli.decoding_note) and describe's note say its words in both languages; io.decode's English
raise-site copy (io cannot import a catalog) is held to it here."""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.cli import decoding_note
from servqual_cli.cli.error_text import render
from servqual_cli.io.decode import encoding_hint
from servqual_cli.report import catalog_errors

HINTS = ("part_encoding_hint", "part_encoding_hint_garbled")
KOREAN = Path(__file__).resolve().parents[1] / "data" / "instruments" / "kiosk_korean_cp949.csv"


@pytest.mark.parametrize("garbled", [False, True])
def test_io_english_is_the_catalog_english(garbled: bool) -> None:
    key = HINTS[garbled]
    assert encoding_hint("cp1252", garbled) == catalog_errors.ERRORS[key][1].format(
        encoding="cp1252"
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("garbled", [False, True])
def test_the_three_paths_say_one_entry(garbled: bool, lang: str) -> None:
    sv, en = catalog_errors.ERRORS[HINTS[garbled]]
    words = (sv if lang == "sv" else en).format(encoding="cp1252")
    assert decoding_note.encoding_words("cp1252", garbled, lang) == words
    facts = {"column": "x", "closest": (), "columns": ("a",), "encoding": "cp1252",
             "garbled": garbled}  # fmt: skip
    assert render("by_column_missing", facts, lang).endswith("; " + words)


def test_a_changed_entry_changes_the_warning_in_both_languages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The warning takes the catalog's words, not a copy of its own (it had its own Swedish,
    and its English came from io.decode)."""
    errors = dict(catalog_errors.ERRORS)
    errors["part_encoding_hint_garbled"] = ("läst som {encoding}", "read as {encoding}")
    monkeypatch.setattr(catalog_errors, "ERRORS", errors)
    note = decoding_note.decoding_note(
        {"file": "k.csv", "encoding": "cp1252", "encoding_garbled": True}, "en"
    )
    assert note[0].blocks[0].text == "k.csv: read as cp1252"
    assert decoding_note.encoding_words("cp1252", True, "sv") == "läst som cp1252"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_describe_and_gap_warn_in_the_entry_words(cli, lang: str) -> None:
    sv, en = catalog_errors.ERRORS["part_encoding_hint_garbled"]
    words = (sv if lang == "sv" else en).format(encoding="cp1252")
    described = " ".join(cli("describe", KOREAN, "--lang", lang).stdout.split())
    assert words[0].upper() + words[1:] + "." in described
    r = cli("gap", KOREAN, "-i", KOREAN.with_suffix(".toml"), "--no-items", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert words in " ".join(r.stdout.split())
