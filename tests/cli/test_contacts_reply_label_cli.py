"""Review 16 finding 8: the contacts' e-mail reply median is over answered e-mails only (the
unanswered ones have no reply time), while the feedback register's Kaplan-Meier median
censors them and labels its answered-only median "bland besvarade". The contact median's row
name now says so too, in the terminal and the report (tests/report/test_parts.py), in both
languages. The sample file: 2 e-mails never answered."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "servicematning_2020.xlsx"
NAMES = {
    "sv": "E-post: svarstid, median bland besvarade (h på arbetsdagar)",
    "en": "E-mail: median reply time among answered (h on working days)",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_contacts_reply_median_is_labelled_among_answered(cli, lang: str) -> None:
    raw = pd.read_excel(SAMPLE, engine="openpyxl")
    mail = raw[raw["kanal"].eq("e-post")]
    unanswered = int(mail["besvarad"].isna().sum())  # the note's "2 obesvarade"
    out = cli("contacts", SAMPLE, "--lang", lang)
    assert out.exit_code == 0, out.stderr
    assert any(NAMES[lang] in line for line in out.stdout.splitlines())
    text = " ".join(out.stdout.split())
    note = {"sv": "obesvarade e-postmeddelanden ingår inte i svarstidens median",
            "en": "unanswered e-mails are not in the median reply time"}[lang]  # fmt: skip
    assert f"{unanswered} {note}" in text


def test_unanswered_note_quotes_the_kpi_swedish_way(cli) -> None:
    """Review 18 finding 16: the note quoted "inom 1 arbetsdag" with straight quotes, where the
    other Swedish notes use ”…”; it now quotes the KPI's own name, ”svar inom 1 arbetsdag”."""
    out = cli("contacts", SAMPLE, "--lang", "sv")
    assert out.exit_code == 0, out.stderr
    text = " ".join(out.stdout.split())
    assert "i ”svar inom 1 arbetsdag” räknas de som inte besvarade i tid" in text
    assert '"' not in text
