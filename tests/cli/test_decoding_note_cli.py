"""Issue #11 item 4: a garbled fallback decoding is said under the tables, not only in JSON."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "instruments"
KOREAN = DATA / "kiosk_korean_cp949.csv"


def test_gap_warns_when_the_text_looks_garbled(cli) -> None:
    args = ("gap", KOREAN, "-i", DATA / "kiosk_korean_cp949.toml", "--no-items")
    r = cli(*args)
    assert r.exit_code == 0, r.stderr
    flat = " ".join(r.stdout.split())
    assert "read as cp1252 and its text looks garbled; try --encoding cp949" in flat
    right = cli(*args, "--encoding", "cp949")
    assert right.exit_code == 0, right.stderr
    assert "garbled" not in right.stdout


def test_alpha_warns_too_and_markdown_carries_it(cli) -> None:
    r = cli("alpha", KOREAN, "--items", "3-6", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "looks garbled" in r.stdout
    clean = cli("alpha", DATA / "kiosk_questions.csv", "--items", "3-6")
    assert clean.exit_code == 0, clean.stderr
    assert "garbled" not in clean.stdout


def test_the_warning_in_swedish(cli) -> None:
    """--lang sv: the same advice in Swedish (review item 11: no English in Swedish output)."""
    r = cli("gap", KOREAN, "-i", DATA / "kiosk_korean_cp949.toml", "--no-items", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    flat = " ".join(r.stdout.split())
    # the error line's words (catalog_errors' part_encoding_hint_garbled; session 15 w-bench:
    # this warning had its own "förvrängd" beside the error line's "förvanskad")
    assert "filen lästes som cp1252 och texten ser förvanskad ut; prova --encoding cp949" in flat
    assert "garbled" not in flat
    described = " ".join(cli("describe", KOREAN, "--lang", "sv").stdout.split())
    assert (
        "Filen lästes som cp1252 och texten ser förvanskad ut; prova --encoding cp949" in described
    )
