"""The e-mail rule's sentence, worded in the catalog (review 7, finding 8: "inom 24 N timmar"
read as the number 24 N, and the sentence lived in the core)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from servqual_cli.core.email_rule import parse_email_rule
from servqual_cli.report.email_rule_text import email_rule_text


@pytest.mark.parametrize(
    ("rule", "lang", "text"),
    [
        (
            "24h",
            "sv",
            "inom N × 24 timmar räknat på arbetsdagar (hela dygn); helger och "
            "helgdagar räknas inte.",
        ),
        (
            "24h",
            "en",
            "within N × 24 hours counted on working days (whole days); weekends and "
            "public holidays do not count.",
        ),
        ("office-hours=08-16", "sv", "inom N × 8 kontorstimmar (08-16 på arbetsdagar)."),
        ("office-hours=8-17", "en", "within N × 9 office hours (08-17 on working days)."),
        ("next-day", "sv", "senast vid slutet av den N:e arbetsdagen efter avsändningsdagen."),
    ],
)
def test_each_rule_reads_in_both_languages(rule: str, lang: str, text: str) -> None:
    sentence = email_rule_text(parse_email_rule(rule), lang)
    head = "E-post besvarad inom N arbetsdagar: " if lang == "sv" else (
        "E-mail answered within N working days: ")  # fmt: skip
    assert sentence == head + text
    assert "24 N" not in sentence and " N timmar" not in sentence


def test_the_core_module_holds_no_swedish_words() -> None:
    source = Path(__import__("servqual_cli.core.email_rule", fromlist=["x"]).__file__)
    strings = [n.value for n in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
               if isinstance(n, ast.Constant) and isinstance(n.value, str)]  # fmt: skip
    assert not [s for s in strings if "timmar" in s or "arbetsdag" in s or "E-post" in s]


def test_contacts_prints_the_catalog_sentence(cli, tmp_path: Path) -> None:
    data = Path(__file__).parent.parent.parent / "data" / "samples" / "servicematning_2020.xlsx"
    r = cli("contacts", data, "--lang", "sv", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "inom N × 24 timmar räknat på arbetsdagar" in r.stdout
