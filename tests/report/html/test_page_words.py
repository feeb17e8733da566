"""The web page's words and order (review 12b, findings 6, 7, 8, 10, 12 and 14): analysts'
notes and technical warnings collapsed, the chart's message in its desc, the pairwise
difference's direction, Swedish "fg" and the short forms explained, gap items named as the
tables name them, the card's value first and labelled. Each test fails on the code before."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest
from markupsafe import Markup

from servqual_cli.core.caveats import Caveat
from servqual_cli.core.group_gaps import grouped_gap_analysis
from servqual_cli.report.catalog import label
from servqual_cli.report.catalog_reliability import RELIABILITY
from servqual_cli.report.chart_messages import gap_message
from servqual_cli.report.group_gap_sections import group_sections
from servqual_cli.report.html import PageOptions, render_html
from servqual_cli.report.html_charts import svg_markup
from servqual_cli.report.html_glossary import abbreviated, glossary, page_texts
from servqual_cli.report.reliability_warnings import reader_warning
from servqual_cli.report.spec import Document, Glance, GlanceRow, Section, Table, Text

from .conftest import glance_document


def _page(doc: Document) -> str:
    return render_html(doc, PageOptions(published=dt.date(2024, 3, 1)))


def _closed_text(html: str) -> str:
    """The page's text with every <details> left out (what shows before anything is opened)."""
    main = html[html.index("<main") : html.index('<h2 id="glossary"')]
    shown = re.sub(r"<details>.*?</details>", "", main, flags=re.S)
    return re.sub(r"<[^>]+>", "", shown)


TABLE = Table(title="Viktade medelvärden (Vikt)",
              frame=pd.DataFrame({"Storhet": ["Gap"], "n": [306], "SE": [0.048]}),
              formats={"n": "d", "SE": ".3f"})  # fmt: skip
NOTE = "Medel = Σwx/Σw; SE med Taylorlinjärisering som R survey::svymean."
WARNINGS = (
    "Gap, validitet: faktorkorrelationsmatrisen är inte positivt definit",
    "Gap – Trygghet: Heywood-fall i enfaktormodellen",
)


def _doc(lang: str = "sv") -> Document:
    blocks = (
        TABLE,
        Text(NOTE, kind="note"),
        Text("Filen har en viktkolumn som inte används.", kind="warning"),
        *(Text(w, kind="warning", technical=True) for w in WARNINGS),
    )
    return Document("R", (Section("Reliabilitet och validitet", blocks),), {"lang": lang})


def test_a_tables_note_is_inside_its_details() -> None:
    html = _page(_doc())
    assert "Taylorlinjärisering" not in _closed_text(html)
    details = re.findall(r"<details>.*?</details>", html, re.S)
    assert any("Taylorlinjärisering" in d and "<table" in d for d in details)


def test_technical_warnings_are_one_collapsed_list_with_one_plain_sentence() -> None:
    html = _page(_doc())
    shown = _closed_text(html)
    assert "Heywood" not in shown and "positivt definit" not in shown
    assert shown.count("Några kontroller av enkätens mätegenskaper gav varningar") == 1
    # a warning that is not technical stays in view
    assert "Filen har en viktkolumn som inte används." in shown
    (box,) = [d for d in re.findall(r"<details>.*?</details>", html, re.S) if "Heywood" in d]
    assert "<summary>Tekniska varningar (2)</summary>" in box
    assert box.count("<li>") == 2
    en = _page(_doc("en"))
    assert "<summary>Technical warnings (2)</summary>" in en


def test_the_cfa_warning_is_scoped() -> None:
    cfa = Caveat("cfa_not_converged", scale="gap", validity=True)
    sv, en = reader_warning(cfa, "sv"), reader_warning(cfa, "en")
    assert "övriga resultat påverkas inte" in sv and "resultaten är otillförlitliga" not in sv
    assert "the other results are not affected" in en and "results are unreliable" not in en


def _pairs(lang: str) -> Table:
    values = {"A": [-0.2, 0.1, -0.3, 0.0, -0.1, 0.2] * 3, "B": [-1.2, -0.9, -1.4, -1.0] * 4,
              "C": [-0.5, -0.4, -0.7, -0.2] * 4}  # fmt: skip
    labels = [name for name, v in values.items() for _ in v]
    gaps = np.concatenate([np.asarray(v, dtype=float) for v in values.values()])
    res = grouped_gap_analysis(np.zeros((gaps.size, 1)), gaps[:, None], ["1"], {"D": [0]},
                               labels, "unit")  # fmt: skip
    (section,) = group_sections(res, lang)
    (table,) = [
        b for b in section.blocks if isinstance(b, Table) and b.sheet in ("Parvis", "Pairwise")
    ]
    return table


@pytest.mark.parametrize(("lang", "head", "words"), [
    ("sv", "Skillnad (A \u2212 B)", "positiv betyder att A:s gap är mindre negativt"),
    ("en", "Difference (A \u2212 B)", "positive means A's gap is less negative"),
])  # fmt: skip
def test_the_pairwise_difference_names_its_direction(lang: str, head: str, words: str) -> None:
    table = _pairs(lang)
    assert head in table.frame.columns and words in (table.note or "")
    a, b = (label("group_a", lang), label("group_b", lang))
    row = table.frame.iloc[0]
    # the sign is A − B: A's mean gap minus B's (the column the header says)
    means = {"A": np.mean([-0.2, 0.1, -0.3, 0.0, -0.1, 0.2]),
             "B": np.mean([-1.2, -0.9, -1.4, -1.0]),
             "C": np.mean([-0.5, -0.4, -0.7, -0.2])}  # fmt: skip
    assert row[head] == pytest.approx(means[row[a]] - means[row[b]])


def test_swedish_validity_table_says_fg_and_short_forms_are_explained() -> None:
    assert label("cfa_df", "sv", RELIABILITY) == "fg"
    assert label("cfa_df", "en", RELIABILITY) == "df"
    for short in ("SE", "SD", "fg"):
        assert f">{short}</abbr>" in str(abbreviated(f"{short} täljare", "sv"))
    assert isinstance(abbreviated("df", "en"), Markup) and ">df</abbr>" in abbreviated("df", "en")
    terms = [t for t, _ in glossary(page_texts(_doc()), "sv")]
    for term in ("SE", "Taylorlinjärisering", "Heywood-fall", "Positivt definit"):
        assert term in terms, term
    assert "Wald-test" in [t for t, _ in glossary(["ett designbaserat Wald-test"], "sv")]


@pytest.mark.parametrize(("verdicts", "sv"), [
    (["below"] * 3, "Upplevelsen ligger under förväntan i alla 3 dimensionerna; störst uppmätt "
                    "gap i Lyhördhet (\u22121,19)."),
    (["below", "unclear", "unclear"], "Under förväntan (intervallet under 0): Fysisk miljö. Kan "
     "inte skiljas från förväntan: Lyhördhet och Empati. Störst uppmätt gap: Fysisk miljö "
     "(\u22120,81)."),
    (["unclear", "unclear", "above"], "Kan inte skiljas från förväntan: Fysisk miljö och "
     "Lyhördhet. Över förväntan (intervallet över 0): Empati."),
])  # fmt: skip
def test_the_charts_desc_states_its_message(verdicts: list[str], sv: str) -> None:
    data = {"categories": ["Fysisk miljö", "Lyhördhet", "Empati"],
            "gap": [-0.81, -1.19, 0.05], "verdict": verdicts}  # fmt: skip
    # a gap whose interval covers 0 is never "below" nor "largest"
    assert gap_message(data, "sv") == sv


def test_gap_items_in_warnings_are_named_as_the_tables_name_them() -> None:
    neg = Caveat("negative_item_rest", {"item": "P3-E3", "r": -0.055}, scale="gap:Tangibles")
    assert "påstående 3 (gap P3 \u2212 E3) har negativ" in reader_warning(neg, "sv")
    assert "P3-E3" not in reader_warning(neg, "sv")
    heywood = Caveat("heywood_one_factor", {"items": ("P17-E17",)}, scale="gap:Assurance")
    assert "unikheten för påstående 17 (gap P17 \u2212 E17) stannade" in reader_warning(
        heywood, "sv"
    )
    assert "statement 17 (gap P17 \u2212 E17)" in reader_warning(heywood, "en")
    # an item of one scale keeps its column name
    assert "E4" in reader_warning(Caveat("negative_item_rest", {"item": "E4", "r": -0.1}), "sv")


def test_a_card_reads_its_value_first_labelled_gap() -> None:
    html = _page(glance_document("sv"))
    card = next(c for c in re.findall(r'<li class="card.*?</li>', html, re.S) if "Lyhördhet" in c)
    value = card.index('class="value')
    assert value < card.index('class="area"')
    assert re.search(r'class="value"><span class="value-label">Gap:</span> ', card)


def test_no_empty_header_and_the_chart_region_is_named_apart_from_its_table() -> None:
    frame = pd.DataFrame({"": ["Total SERVQUAL"], "n": [303]})
    doc = Document("R", (Section("S", (Table("Total SERVQUAL", frame),)),), {"lang": "sv"})
    assert '<th scope="col"></th>' not in _page(doc)
    assert '<th scope="col">Mått</th>' in _page(doc)
    out = str(svg_markup('<svg width="10pt"></svg>', "fig-1", "Gap", "m", "Diagram"))
    assert 'aria-labelledby="fig-1-kind fig-1-title"' in out
    assert '<span id="fig-1-kind" hidden>Diagram</span>' in out


def test_glance_document_has_a_gap_card() -> None:  # the fixture the card test relies on
    doc = glance_document("sv")
    glance = next(b for s in doc.sections for b in s.blocks if isinstance(b, Glance))
    assert any(isinstance(r, GlanceRow) and r.against_expectation for r in glance.rows)


def test_figure_1s_desc_begins_with_its_message_from_its_own_verdicts() -> None:
    from servqual_cli.report.build import build_report
    from servqual_cli.report.config import load_config
    from servqual_cli.report.spec import Figure

    from ..conftest import SAMPLES

    doc = build_report(load_config(SAMPLES / "report_karlstad.toml"))
    (fig,) = [b for s in doc.sections for b in s.blocks
              if isinstance(b, Figure) and b.name == "servqual_dimensions"]  # fmt: skip
    message = gap_message(fig.data, "sv")
    assert (fig.description or "").startswith(message + " ")
    # Karlstad: every dimension's interval lies under 0
    assert fig.data["verdict"] == ["below"] * 5
    assert message.startswith("Upplevelsen ligger under förväntan i alla 5 dimensionerna")
