"""Review item 15: the residents' page explains its jargon (glossary, <abbr title>)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.report.html import render_html
from servqual_cli.report.html_glossary import abbreviated, glossary
from servqual_cli.report.spec import Document, Section, Table


def _doc(columns: list[str], lang: str = "sv") -> Document:
    frame = pd.DataFrame({c: [1.0] for c in columns})
    return Document("R", (Section("S", (Table("T", frame),)),), {"lang": lang})


def test_headers_get_abbr_and_the_page_a_glossary() -> None:
    page = render_html(_doc(["Dimension", "KI låg", "p (Holm, 5 dimensioner)", "Cohens dz"]))
    assert '<abbr title="konfidensintervall">KI</abbr> låg' in page
    assert "<abbr title=" in page and ">Holm</abbr>" in page and ">dz</abbr>" in page
    glossary_part = page[page.index('id="glossary"') :]
    assert "Konfidensintervall:" in glossary_part and "Holms metod" in glossary_part
    assert "Cohens dz:" in glossary_part
    assert "SERVPERF" not in glossary_part  # only the terms the page uses
    assert 'href="#glossary"' in page  # listed in the contents


def test_no_glossary_without_jargon() -> None:
    page = render_html(_doc(["Område", "Antal"], "en"))
    assert 'id="glossary"' not in page


def test_glossary_in_english() -> None:
    terms = dict(glossary(["CI low", "SERVPERF (mean P)"], "en"))
    assert terms["KI / CI"].startswith("Confidence interval")
    assert "Cronin & Taylor" in terms["SERVPERF"]


@given(st.text(max_size=30))
def test_abbr_never_lets_data_become_markup(text: str) -> None:
    import html
    import re

    out = str(abbreviated(text, "sv"))
    bare = re.sub(r'<abbr title="[^"<>]*">([^<]*)</abbr>', r"\1", out)
    assert "<" not in bare and ">" not in bare  # only our <abbr> tags are markup
    assert html.unescape(bare) == text
