"""The overview's paragraph comes in short paragraphs by kind, bad news first (review 7, finding
14: 197 words in one block filled 1,5 phone screens before the first card): unmet targets and
what got worse; the feedback register; what cannot be told or is not judged; what is met or
better. Each verdict keeps its period, and Markdown shows each as a paragraph of its own."""

from __future__ import annotations

import re

from servqual_cli.report.glance import glance_block
from servqual_cli.report.markdown import render_document
from servqual_cli.report.spec import Document, GlanceRow, Section

ROWS = [
    GlanceRow("kpi", "Bygglov", "share", 0.9, period="2024", n=80, target=0.8,
              target_verdict="met", previous_period="2023", previous_value=0.7, change=0.2,
              change_verdict="better"),
    GlanceRow("kpi", "Telefon", "share", 0.6, period="2020", n=54, target=0.7,
              target_verdict="cannot_tell"),
    GlanceRow("backlog", "Obesvarade", "count", 51.0, plain="51 synpunkter har inte fått svar "
              "och är äldre än löftet (14 dagar) per 2024-12-31."),
    GlanceRow("kpi", "E-post", "share", 0.811, period="2020", n=53, target=0.9,
              target_verdict="not_met", area="telefon (53,7 %, n = 54)",
              area_kind="below_target"),
]  # fmt: skip


def test_paragraphs_by_kind_bad_news_first() -> None:
    paragraphs = glance_block(ROWS, "sv").summary
    assert len(paragraphs) == 4
    bad, register, cannot, good = paragraphs
    assert bad.startswith("Målet nås inte 2020 för E-post: 81,1\xa0%.")
    assert "Under målet i telefon (53,7 %, n = 54)." in bad  # tied in build (typeset)
    assert register.startswith("51 synpunkter har inte fått svar")
    assert cannot.startswith("Det går inte att avgöra om målet nås 2020 för Telefon.")
    assert good == "Målet nås 2024 för Bygglov. Bättre 2023 → 2024: Bygglov."
    for p in paragraphs:  # every verdict keeps its period
        for verdict in re.findall(r"Målet nås(?: inte)? (\S+) för", p):
            assert re.fullmatch(r"\d{4}", verdict)


def test_a_paragraph_of_a_kind_the_report_lacks_is_left_out() -> None:
    paragraphs = glance_block([ROWS[0], ROWS[3]], "en").summary
    assert len(paragraphs) == 3  # no feedback register: no paragraph for it
    assert paragraphs[0].startswith("The target is not met in 2020 for E-post")
    assert paragraphs[1] == "The report has no comparison with other municipalities."
    assert paragraphs[2] == "The target is met in 2024 for Bygglov. Better 2023 → 2024: Bygglov."


def test_markdown_separates_the_paragraphs() -> None:
    glance = glance_block(ROWS, "sv")
    doc = Document("R", (Section(glance.title, (glance,)),), {"lang": "sv"})
    text = render_document(doc, lambda f: "x.png")
    for first, second in zip(glance.summary, glance.summary[1:], strict=False):
        assert f"{first}\n\n{second}\n" in text
