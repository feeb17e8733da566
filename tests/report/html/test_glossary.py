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


def test_interval_and_p_are_not_overstated() -> None:
    """Review 3, finding 16: a 95 % interval is a method right in 95 % of samples, not a range
    the value lies in "with 95 % certainty"; p < 0.05 is not certainty, p > 0.05 not zero."""
    terms = dict(glossary(["KI låg", "p (Holm)"], "sv", 0.95))
    assert "säkerhet ligger" not in terms["KI / CI"]
    assert "urval täcker" in terms["KI / CI"] and "95\xa0%" in terms["KI / CI"]
    assert "räknas skillnaden som säker" not in terms["p"]
    assert "inte bevisat" in terms["p"]
    en = dict(glossary(["CI low", "p"], "en", 0.9))
    assert "90% confidence" in en["KI / CI"] and "not shown to be zero" in en["p"]


def test_words_the_measurement_pages_use_are_explained() -> None:
    cols = ["Förändring (procentenheter)", "Kvot", "ω² (ANOVA)", "p (Games-Howell)", "KMO"]
    terms = [t for t, _ in glossary(cols, "sv")]
    for term in ("Procentenheter", "Kvot", "ω², ε²", "Games-Howell", "KMO, Bartlett"):
        assert term in terms
    notes = ["Förändringen är Hodges-Lehmanns förskjutning", "viktat efter Vikt, effektivt n 253"]
    assert {"Hodges-Lehmann", "Effektivt n"} <= {t for t, _ in glossary(notes, "sv")}


def test_a_card_note_brings_its_words_into_the_glossary() -> None:
    """The feedback card says "kvot 1,21 (95 % KI …), p (Holm) 0,039": the page explains kvot."""
    from servqual_cli.report.html_glossary import page_texts
    from servqual_cli.report.spec import Glance, GlanceRow

    row = GlanceRow("feedback", "Synpunkter", "count", 450.0, note="kvot 1,21, p (Holm) 0,039")
    doc = Document("R", (Section("S", (Glance("Resultat i korthet", (row,)),)),), {"lang": "sv"})
    assert "Kvot" in [t for t, _ in glossary(page_texts(doc), "sv")]
    empty = Document("R", (Section("S", (Glance("Resultat i korthet", ()),)),), {"lang": "sv"})
    assert glossary(page_texts(empty), "sv") == []


def test_only_the_methods_the_page_uses_are_named() -> None:
    """Review 7, finding 7: the glossary explained Bonett-Price, which no table of the report
    used; an examiner would look for it. The entry now names the methods found in the page's
    own words, and an option's alternative ("Newcombe med --test fisher") is not one of them."""
    note = ("Intervall: Wilson (andelar), Mee-score (andelar; Newcombe med --test fisher), "
            "Welch (index). Tider: Mann-Whitney-testets eget intervall.")  # fmt: skip
    terms = dict(glossary([note], "sv"))
    assert terms["Wilson, Mee-score, Welch"] == (
        "Namn på metoder för konfidensintervall: Wilson för andelar, Mee-score för skillnaden "
        "mellan två andelar, Welch för skillnaden mellan två medelvärden."
    )
    assert "Mann-Whitney" in terms
    assert not [t for t, text in terms.items() if "Bonett" in t + text or "Newcombe" in t + text]
    both = dict(glossary(["Newcombe (fisher) och Mee-score", "p (Dunn)"], "en"))
    # English writes "Mee score", as its notes do (x-small, s14: the term read "Mee-score")
    assert "Mee score and Newcombe for the difference of two shares" in both["Mee score, Newcombe"]
    assert not [t for t, text in both.items() if "Mee-score" in t + text]
    assert both["Dunn"].startswith("Comparisons of the groups two by two") and (
        "Dunn for ranks;" in both["Dunn"] and "Games-Howell" not in both["Dunn"])  # fmt: skip
    assert dict(glossary(["Kontakter"], "sv")) == {}


def test_welch_is_explained_in_the_sense_the_page_uses() -> None:
    """Review 10a, finding 9: the Karlstad page uses Welch only as Welch's ANOVA (Tabell 7), and
    its glossary said "Welch for the difference of two means"."""
    group_tests = [
        "Antal grupper (Welch)",
        "p (Welch ANOVA)",
        "p (Holm, 5 dimensioner, Welch)",
        "Grupptesten (Welch, Games-Howell, Kruskal-Wallis, Dunn) använder …",
    ]
    terms = dict(glossary(group_tests, "sv"))
    assert terms["Welch ANOVA"].startswith("Welchs ANOVA: jämför medelvärdena i flera grupper")
    assert not any("två medelvärden" in text for text in terms.values())
    assert "Welch" not in terms and "Mee-score, Newcombe, Bonett-Price, Welch, Wilson" not in terms
    en = dict(glossary(["p (Welch ANOVA)"], "en"))
    assert en["Welch ANOVA"].startswith("Welch's ANOVA: compares the means of several groups")
    # the interval of two means where a page has it: a trend's p (Welch) and note, the service
    # measurement's "Welch (index)"; only it
    for texts in (["p (Welch)", "Oberoende urval: Welchs t-test"], ["Welch (index)."]):
        terms = dict(glossary(texts, "sv"))
        assert terms["Welch"] == (
            "Namn på metoder för konfidensintervall: Welch för skillnaden mellan två medelvärden."
        )
        assert "Welch ANOVA" not in terms
    both = [t for t, _ in glossary(["p (Welch ANOVA)", "p (Welch)"], "sv")]
    assert "Welch ANOVA" in both and "Welch" in both


def test_p_value_is_at_least_this_large() -> None:
    # review 10a, finding 9: the p-value is the chance of a difference at least this large
    assert "minst så stor skillnad av ren slump" in dict(glossary(["p (t)"], "sv"))["p"]
    assert "a difference at least this large" in dict(glossary(["p (t)"], "en"))["p"]


def test_kaplan_meier_is_explained_where_the_censored_days_are_shown(cli, samples_dir) -> None:
    """The feedback tables' "Dagar till svar" columns count the unanswered as censored
    (Kaplan-Meier); their page explains the word, a page without them does not (review 10c,
    finding 8: the rule was in a note the glossary does not read)."""
    assert [t for t, _ in glossary(["Dagar till svar, median"], "sv")] == ["Kaplan-Meier"]
    assert [t for t, _ in glossary(["Days to reply, median"], "en")] == ["Kaplan-Meier"]
    assert glossary(["Days to reply: the change the test judges"], "en") == []
    for lang, words in (("sv", "Kaplan-Meier: ett sätt"), ("en", "Kaplan-Meier: a way")):
        page = cli("feedback", samples_dir / "synpunkter_2023_2024.xlsx", "--lang", lang,
                   "-f", "html")  # fmt: skip
        assert page.exit_code == 0, page.stderr
        assert words in page.stdout


def test_english_lekeberg_glossary_names_the_methods_in_english() -> None:
    """x-small, session 14: the English Lekeberg page's glossary read "Mee-score, Newcombe"
    (the Swedish spelling) beside notes that say "Mee score"; its references cited neither
    Mee (1984) nor Newcombe (1998), whose intervals its trend and KPI tables use."""
    from pathlib import Path

    from servqual_cli.report.build import build_report
    from servqual_cli.report.config import load_config
    from servqual_cli.report.config_cli import with_overrides

    samples = Path(__file__).parents[3] / "data" / "samples"
    for lang, term in (("en", "Wilson, Mee score, Newcombe, Welch"),
                       ("sv", "Wilson, Mee-score, Newcombe, Welch")):  # fmt: skip
        doc = build_report(with_overrides(load_config(samples / "report_lekeberg.toml"), lang))
        page = render_html(doc)
        assert f">{term}<" in page, lang
        cite = dict(doc.meta["method"])["How to cite" if lang == "en" else "Hur rapporten citeras"]
        assert "Mee (1984), Biometrics 40(4), 1175–1176" in cite
        assert "Newcombe (1998), Statistics in Medicine 17(8), 873–890" in cite
