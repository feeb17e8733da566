"""Review 16, finding 10: two error lines that spoke the program's words, not the reader's.

- A register without a unit column: Swedish led with the internal key ("kolumner saknas: unit
  (eller förvaltning / …)"); now the Swedish name leads and the key comes last. English keeps
  its English name first.
- A date option (``--as-of``, shared by ``feedback`` and ``kpi``) not read: English showed
  Click's strftime codes ("'%Y-%m-%d', '%Y-%m-%d %H:%M'"); now it says the form, as Swedish
  says "ÅÅÅÅ-MM-DD".

Files: tests/data/feedback_no_unit.csv (three rows of review 16's fb_nounit.csv: every column
but the unit), data/samples/synpunkter_2023_2024.xlsx and kpi.toml.
"""

from __future__ import annotations

import pytest

from .conftest import DATA

SAMPLES = DATA.parent.parent / "data" / "samples"


UNIT = {
    "sv": "servqual: fel: {f}: kolumner saknas: förvaltning (eller department / verksamhet / "
    "enhet / nämnd / unit); filen har: id, inkommen",
    "en": "servqual: error: {f}: missing column(s): unit (or förvaltning / department / "
    "verksamhet / enhet / nämnd); the file has: id, inkommen",
}
DATE = {
    "en": "Invalid value for '--as-of': '2024-13-01' is not a date of the form YYYY-MM-DD or "
    "YYYY-MM-DD HH:MM (see 'servqual {command} --help')",
    "sv": "ogiltigt värde för '--as-of': '2024-13-01' är inget datum i formen ÅÅÅÅ-MM-DD eller "
    "ÅÅÅÅ-MM-DD TT:MM (se 'servqual {command} --help')",
}


def test_missing_unit_column_names_the_readers_word_first(cli) -> None:
    path = DATA / "feedback_no_unit.csv"
    for lang, line in UNIT.items():  # the Swedish name first in Swedish, the English in English
        r = cli("feedback", path, "--lang", lang)
        assert r.exit_code == 1 and r.stderr.count("\n") == 1
        assert r.stderr.startswith(line.format(f=path)), r.stderr


@pytest.mark.parametrize("args", [("feedback", SAMPLES / "synpunkter_2023_2024.xlsx"),
                                  ("kpi", SAMPLES / "kpi.toml")])  # fmt: skip
def test_a_date_not_read_says_its_form(cli, args: tuple) -> None:
    """Both commands' shared ``--as-of``, in both languages: the form, never "%Y"."""
    for lang, text in DATE.items():
        r = cli(*args, "--as-of", "2024-13-01", "--lang", lang)
        assert r.exit_code == 2 and r.stderr.count("\n") == 1
        assert r.stderr.endswith(f"{text.format(command=args[0])}\n"), r.stderr
        assert "%Y" not in r.stderr
