"""Beside a Holm-adjusted p, the change's interval says it is per comparison (review 3, finding 6).

``service-survey`` 2022–2023, telephone, clear answer: −9,5 with 95 % CI −16,5 to −2,4 (wholly
below 0) and Holm p 0,101, "ingen påvisbar förändring". Without a word that the interval is
unadjusted the row reads as a contradiction. The column titles and one sentence say it, in every
format (terminal, markdown, html, xlsx), and the same for the KPI change tables of ``trend``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent.parent.parent / "data" / "samples"
SURVEY = SAMPLE / "servicematning_medborgare_2022_2024.xlsx"
YEARS = [SAMPLE / "servicematning_2019.xlsx", SAMPLE / "servicematning_2020.xlsx"]

SV_SENTENCE = "Förändringens intervall gäller varje jämförelse för sig (ojusterat)"
EN_SENTENCE = "The change's interval is per comparison (unadjusted)"


@pytest.mark.parametrize(
    ("lang", "title", "sentence"),
    [("sv", "95 % KI, nedre (ojusterat)", SV_SENTENCE),
     ("en", "95% CI, low (unadjusted)", EN_SENTENCE)],
)  # fmt: skip
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_service_survey_change_interval_named_unadjusted(
    cli, tmp_path: Path, lang: str, title: str, sentence: str, fmt: str
) -> None:
    out = tmp_path / f"s.{'md' if fmt == 'markdown' else 'html'}"
    r = cli("service-survey", SURVEY, "--lang", lang, "-f", fmt, "-o", out)
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8").replace("\u00a0", " ")
    text = html.unescape(re.sub(r"<[^>]+>", "", text))  # html: <abbr> around KI/CI
    assert title in text and sentence in text
    # the index table's interval is a plain interval of one value: no "(unadjusted)" there;
    # the changes' 2 titles + note, and the trend slope's 2 interval titles (review 9 #7)
    assert text.count("(ojusterat)" if lang == "sv" else "(unadjusted)") == 5


def test_service_survey_terminal(cli, monkeypatch) -> None:
    """The command's xlsx is the tidy data (codes ``ci_low``/``ci_high``); the report's xlsx
    renders the same Table as md and html (see the trend test below and the golden files)."""
    monkeypatch.setenv("COLUMNS", "240")
    r = cli("service-survey", SURVEY, "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count("(ojusterat)") == 5  # 2 + 2 column titles and the changes' note
    assert SV_SENTENCE in " ".join(r.stdout.split())


def test_trend_change_tables_name_the_unadjusted_interval(cli, tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    r = cli("trend", *YEARS, "--lang", "sv", "-o", out)
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8").replace("\u00a0", " ")
    # the totals and the per-area table: both headers of both tables, and both notes
    # ... with their level (l-small, session 11: "KI låg (ojusterat)" had none)
    assert text.count("| 95 % KI låg (ojusterat) | 95 % KI hög (ojusterat) |") == 2
    assert text.count("Intervallen gäller varje jämförelse för sig (ojusterade).") == 2
