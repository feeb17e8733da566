"""report.md of the sample config, in Swedish and English, against golden files.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/report`` and review the
diff like any other change.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from servqual_cli.report.build import build_report, load_survey
from servqual_cli.report.config import load_config
from servqual_cli.report.markdown import relative_png, render_document
from servqual_cli.report.report_labels import REPORT
from servqual_cli.report.spec import Document

from .conftest import CONFIG

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    # The golden files cover this module's sections; the reliability section (another module,
    # with its own tests) is left out so that a change there does not break the golden files.
    # The report's date is the config's ``date``: the golden files do not change with the day.
    config = replace(
        load_config(CONFIG),
        sections=("summary", "servqual", "groups", "method"),
        date=dt.date(2025, 2, 15),
    )
    survey = load_survey(config)  # loaded once, shared by both languages
    return {lang: build_report(replace(config, language=lang), survey) for lang in ("sv", "en")}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_against_golden(documents: dict[str, Document], lang: str) -> None:
    text = render_document(documents[lang], relative_png)
    path = GOLDEN / f"karlstad_{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_links_are_relative_and_every_label_is_translated(
    documents: dict[str, Document], lang: str
) -> None:
    text = render_document(documents[lang], relative_png)
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert links == [
        "figures/servqual_dimensions.png",
        "figures/servqual_items.png",
        "figures/servqual_ipa.png",
        "figures/servqual_groups.png",
    ]
    assert str(Path.cwd()) not in text and "/tmp" not in text and "\\" not in text
    # a key such as "fig_items" shown instead of its label means a lookup went wrong
    for key in (k for k in REPORT if "_" in k):
        assert key not in text.replace("servqual_", ""), key
    assert "{" not in text  # no unfilled placeholder


def test_languages_differ_where_they_should(documents: dict[str, Document]) -> None:
    sv = render_document(documents["sv"], relative_png)
    en = render_document(documents["en"], relative_png)
    assert "## Resultat i korthet" in sv and "## Results at a glance" in en
    assert "## Sammanfattning" in sv and "## Summary" in en
    assert "## Metod" in sv and "## Method" in en
    assert (
        "högre viktighet, lägre upplevelse" in sv and "higher importance, lower performance" in en
    )
    # the numbers are the same in both, in each language's format
    en_numbers = re.findall(r"-?\d+\.\d\d\b", en)
    sv_numbers = [x.replace("−", "-").replace(",", ".") for x in re.findall(r"−?\d+,\d\d\b", sv)]
    assert en_numbers and sv_numbers == en_numbers


def test_swedish_has_no_english_dimension_names_codes_or_decimal_points(
    documents: dict[str, Document],
) -> None:
    sv = render_document(documents["sv"], relative_png)
    english = re.findall(r"Tangibles|Reliability|Responsiveness|Assurance|Empathy", sv)
    assert english == []
    assert not re.search(r"\b(?:E|P|gap):[A-Za-z]|P\d+-E\d+", sv)  # no code-style labels
    table_lines = [line for line in sv.splitlines() if line.startswith("|")]
    assert table_lines and not [line for line in table_lines if re.search(r"\d\.\d", line)]
    assert "Fysisk miljö" in sv and "Lyhördhet" in sv and "−0,74" in sv
    assert "Personalen ger dig snabb service." in sv  # statements, not "11 · Responsiveness"
    en = render_document(documents["en"], relative_png)
    assert "Employees of the service give you prompt service." in en


def test_summary_content(documents: dict[str, Document]) -> None:
    sv = render_document(documents["sv"], relative_png)
    glance, summary = sv.split("## Sammanfattning")[0], sv.split("## SERVQUAL")[0]
    # the overview: every dimension's gap held against expectations, in plain words
    assert "## Resultat i korthet" in glance and ".xlsx" not in glance and "α" not in glance
    # review 6, finding 4: short sentences, the period on the verdict
    assert "upp till förväntan 2024 för Fysisk miljö" in glance
    # review 10a, finding 3: the groups of every dimension that has them, not the largest only
    assert (
        "Störst är gapet för Lyhördhet (−1,19). Fysisk miljö: under förväntan i Grundskola "
        "(−0,44, n\u00a0=\u00a099) och Förskola/barnomsorg (−0,27, n\u00a0=\u00a0101). Under "
        "förväntan i alla 4 grupper: Tillförlitlighet, Lyhördhet, Trygghet och Empati." in glance
    )
    assert "sämst i" not in glance  # no test ranked the groups
    assert "400 svarande i karlstad_servqual.xlsx" in summary
    # the out-of-range values named since session 16 (w-excl)
    assert ("tomma 176, vet ej 176, utanför skalan 4 (”0” 2, ”8” 2). Uteslutna "
            "viktighetspoäng (W1–W5): tomma 55") in summary  # fmt: skip
    assert "Total SERVQUAL är −0,74 (alla dimensioner lika tunga) och −0,78 viktad" in summary
    rows = re.findall(r"^\| (\d+) \| [^|]+ \| Lyhördhet \|", summary, re.M)
    assert rows == ["11", "12", "10"]  # the three largest negative item gaps, largest first


def test_contents_numbering_and_appendix(documents: dict[str, Document]) -> None:
    sv = render_document(documents["sv"], relative_png)
    contents = sv.split("## Resultat i korthet")[0]
    assert "## Innehåll" in contents and "1. [Resultat i korthet](#resultat-i-korthet)" in contents
    numbers = [int(n) for n in re.findall(r"^#+ Tabell (\d+)\. ", sv, re.M)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 5
    assert re.findall(r"^\*Figur (\d+)\. ", sv, re.M) == ["1", "2", "3", "4"]
    body, appendix = sv.split("## Bilaga: detaljtabeller och metod")
    assert "Parvisa jämförelser" in appendix and "Parvisa jämförelser" not in body
    assert "### Metod" in appendix and "## Metod" not in body
