"""One confidence-level text (report.conf_level): every catalog string names the level by its
``{level}`` placeholder, filled at render time; Swedish "90 %" (no-break space), English "90%".
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import servqual_cli.report as report_pkg
from servqual_cli.report.conf_level import LEVEL, level_text, with_level
from servqual_cli.report.html import render_html
from servqual_cli.report.spec import Document, Section, Table

# A level written out in a catalog string: the thing the placeholder replaces.
WRITTEN_LEVEL = re.compile(r"\b\d{2}(?:[.,]\d+)?(?:\u00a0| )?%")
# Catalog texts whose level is fixed, not --conf: the RMSEA's interval is 90 % by convention
# (lavaan, MacCallum et al. 1996); the feedback register's trend in the report is computed at
# 0.95 (its analysis does not keep its level).
FIXED_LEVEL = {("RELIABILITY", "rmsea_ci"), ("GLANCE", "feedback_rise_note")}
# A share written out, not a level: the MDD of a share is for "a change toward 50 %" (session 12).
A_SHARE = re.compile(r"(?:mot|toward) 50(?:\u00a0| )?%")


def catalog_strings() -> Iterator[tuple[str, str, str]]:
    """(table, key, text) of every two-language string in the report's word tables."""
    for info in pkgutil.iter_modules(report_pkg.__path__):
        name = info.name
        if not (name.startswith("catalog") or name in ("chart_words", "html_words")):
            continue
        module = importlib.import_module(f"servqual_cli.report.{name}")
        for table, obj in vars(module).items():
            if not table.isupper() or not hasattr(obj, "items"):
                continue
            for key, pair in obj.items():
                if isinstance(pair, tuple):
                    yield from ((table, str(key), s) for s in pair if isinstance(s, str))


def test_the_catalog_names_no_level_itself() -> None:
    written = {
        (table, key, text)
        for table, key, text in catalog_strings()
        if WRITTEN_LEVEL.search(A_SHARE.sub("", text)) and (table, key) not in FIXED_LEVEL
    }
    assert not written
    assert any(LEVEL in text for _, _, text in catalog_strings())  # the scan sees the tables


def test_a_written_level_is_found() -> None:  # the scan above can fail
    assert WRITTEN_LEVEL.search("95 % KI") and WRITTEN_LEVEL.search("a 97.5% CI")
    assert WRITTEN_LEVEL.search("hela 95\u00a0%-intervall")
    assert WRITTEN_LEVEL.search(A_SHARE.sub("", "mot 50\u00a0% vid 95\u00a0%"))
    assert not WRITTEN_LEVEL.search(A_SHARE.sub("", "en förändring mot 50\u00a0%"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_placeholder_is_filled(lang: str) -> None:
    for _, _, text in catalog_strings():
        if LEVEL in text:
            filled = with_level(text, 0.9, lang)
            assert LEVEL not in filled
            assert ("90\u00a0%" if lang == "sv" else "90%") in filled


@given(st.integers(500, 999))
def test_one_spacing_rule_per_language(permille: int) -> None:
    conf = permille / 1000
    en, sv = level_text(conf, "en"), level_text(conf, "sv")
    assert en.endswith("%") and not en.endswith(" %") and "\u00a0" not in en
    assert sv == en[:-1].replace(".", ",") + "\u00a0%"
    assert float(en[:-1]) == pytest.approx(conf * 100)


@pytest.mark.parametrize(("conf", "words"), [(0.9, "90\u00a0% säkerhet"), (None, "angiven")])
def test_the_glossary_names_the_pages_level(conf: float | None, words: str) -> None:
    frame = pd.DataFrame({"KI låg": [1.0]})
    meta = {"lang": "sv"} if conf is None else {"lang": "sv", "conf": conf}
    page = render_html(Document("R", (Section("S", (Table("T", frame),)),), meta))
    glossary = page[page.index('id="glossary"') :]
    assert words in glossary
    assert "95" not in glossary


def test_swedish_gap_output_writes_the_level_with_a_no_break_space(cli, samples_dir: Path) -> None:
    path = samples_dir / "karlstad_servqual.xlsx"
    r = cli("gap", path, "--by", "Tjänst", "--conf", "0.9", "--lang", "sv", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "90\u00a0% KI [" in r.stdout  # the APA lines
    assert "{level}" not in r.stdout and "90 %" not in r.stdout
    assert {m.replace("\u00a0", "") for m in WRITTEN_LEVEL.findall(r.stdout)} == {"90%"}
