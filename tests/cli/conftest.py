"""Shared by the CLI tests of the Swedish error line (test_errors_swedish_cli*.py): the paths of
their files, the ``seen`` fixture that records the errors the CLI's handler renders, and
:func:`check`, one case run in Swedish and in English.

Files: tests/data/ and tests/data/errors_sv/ (written by its make_files.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.cli import error_text
from servqual_cli.errors import ServqualError

DATA = Path(__file__).parent.parent / "data"
SV = DATA / "errors_sv"
SRC = Path(__file__).parent.parent.parent / "src" / "servqual_cli"
KIOSK = ("--instrument", str(DATA / "kiosk.toml"))
READER = DATA / "reader"
TWO = ("--instrument", str(READER / "two_items.toml"))
FORMS_DIR = DATA / "instruments"
FORMS = str(FORMS_DIR / "kiosk_r_export.csv")
SAMPLE_SURVEY = DATA.parent.parent / "data" / "samples" / "servicematning_medborgare_2022_2024.xlsx"
TOOLBOX_SYNTH = DATA.parent / "core" / "r" / "toolbox_synth.csv"


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[ServqualError]:
    """The errors the CLI's handler renders, in order."""
    found: list[ServqualError] = []
    original = error_text.error_line

    def record(exc: ServqualError, lang: str) -> str:
        found.append(exc)
        return original(exc, lang)

    monkeypatch.setattr(error_text, "error_line", record)
    return found


def check(cli, seen, args, exit_code: int, code: str, swedish: str) -> None:
    sv = cli(*args, "--lang", "sv")
    assert sv.exit_code == exit_code, sv.stderr
    assert sv.stderr.startswith("servqual: fel: ") and sv.stderr.count("\n") == 1, sv.stderr
    assert "Traceback" not in sv.stderr and swedish in sv.stderr, sv.stderr
    assert seen[-1].code == code
    # English: the raise site's sentence, as before codes existed
    en = cli(*args)
    exc = seen[-1]
    assert en.exit_code == exit_code and exc.code == code
    assert en.stderr == f"servqual: error: {' '.join(str(exc).split())}\n"
    assert en.stdout == "" and sv.stdout == ""
    # the catalog's English entry says what the raise site says: the facts are complete
    assert error_text.render(code, exc.facts, "en") == exc.message
