"""A KPI row that shows the service measurement's change says so, with the p its verdict follows
(review 9, finding 3).

The Lekeberg overview showed "E-post besvaras inom en arbetsdag" with "+25,6 procentenheter,
ingen påvisbar förändring" (borrowed from the service measurement's "E-post: svar inom 1
arbetsdag") beside "E-post: svar inom 2 arbetsdagar +23,9 ▲ bättre", while the KPI section said
"no change is computed". Now the cell and the card say "(servicemätningen, p efter Holm 0,054)"
and "(…, 0,034)", and the KPI's note names the service measurement's table and row.

The two Holm p-values are the reviewer's independent ones (scipy score test, statsmodels Holm
over the 14 totals: 0,0540 and 0,0341; /work/coord/review9.md, "Trend p and intervals").
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.glance import merge_same_measure
from servqual_cli.report.glance_table import glance_table
from servqual_cli.report.html_cards import glance_card
from servqual_cli.report.spec import Document, Glance, GlanceRow, Table, Text

from .conftest import SAMPLES

KPI = "E-post besvaras inom en arbetsdag"
# (language, source words, table title, the contact row the KPI's change is, the other change)
WORDS = {
    "sv": ("servicemätningen, p efter Holm", "Förändring, alla områden 2019 → 2020",
           "E-post: svar inom 1 arbetsdag", "E-post: svar inom 2 arbetsdagar"),
    "en": ("service measurement, Holm-adjusted p", "Change, all areas 2019 → 2020",
           "E-mail: reply in 1 working day", "E-mail: reply in 2 working days"),
}  # fmt: skip
REFERENCE_P = {KPI: 0.0540, "other": 0.0341}  # the reviewer's scipy + statsmodels Holm


def _build(lang: str, sections: tuple[str, ...] | None = None) -> Document:
    config = replace(load_config(SAMPLES / "report_lekeberg.toml"), language=lang)
    if sections is not None:
        config = replace(config, sections=sections)
    return build_report(config)


@pytest.fixture(scope="module", params=["sv", "en"])
def lekeberg(request: pytest.FixtureRequest) -> tuple[str, Document]:
    return request.param, _build(request.param)


def _glance(doc: Document) -> Glance:
    return next(b for s in doc.sections for b in s.blocks if isinstance(b, Glance))


def _notes(doc: Document) -> list[str]:
    return [b.text for s in doc.sections for b in s.blocks if isinstance(b, Text)]


def _table(doc: Document, title: str) -> Table:
    return next(b for s in doc.sections for b in s.blocks if isinstance(b, Table)
                and b.title == title)  # fmt: skip


def test_the_overview_names_the_source_and_the_holm_p(lekeberg: tuple[str, Document]) -> None:
    lang, doc = lekeberg
    source, title, row_name, other = WORDS[lang]
    glance = _glance(doc)
    rows = {r.name: r for r in glance.rows}
    # the same p as the service measurement's own table, and as the reviewer's reference
    changes = _table(doc, title).frame.set_index(_table(doc, title).frame.columns[0])
    p_column = next(c for c in changes.columns if str(c).startswith("p "))
    assert rows[KPI].change_p == pytest.approx(changes.loc[row_name, p_column], abs=1e-12)
    assert rows[KPI].change_p == pytest.approx(REFERENCE_P[KPI], abs=5e-5)
    assert rows[other].change_p == pytest.approx(REFERENCE_P["other"], abs=5e-5)
    table = glance_table(glance, lang)
    cells = table.frame.set_index(table.frame.columns[0])
    change = next(c for c in cells.columns if str(c).startswith(("Förändring", "Change")))
    sep = "," if lang == "sv" else "."
    assert f"({source} 0{sep}054)" in cells.loc[KPI, change]
    assert f"({source} 0{sep}034)" in cells.loc[other, change]
    assert cells.loc[KPI, change].endswith(("ingen påvisbar förändring", "no detectable change"))
    assert "▲" in cells.loc[other, change]


def test_the_card_says_the_same(lekeberg: tuple[str, Document]) -> None:
    lang, doc = lekeberg
    source = WORDS[lang][0]
    [row] = [r for r in _glance(doc).rows if r.name == KPI]
    card = glance_card(row, lang)
    [fact] = [f for f in card["facts"] if f["term"].startswith(("Förändring", "Change"))]
    assert fact["verdict"]["word"] in ("ingen påvisbar förändring", "no detectable change")
    sep = "," if lang == "sv" else "."
    assert fact["text"].endswith(f"({source} 0{sep}054)")


def test_the_kpi_note_points_to_the_change_table(lekeberg: tuple[str, Document]) -> None:
    lang, doc = lekeberg
    _, title, row_name, _ = WORDS[lang]
    notes = _notes(doc)
    [note] = [n for n in notes if n.startswith(f"{KPI}:")]
    quote = ("”", "”") if lang == "sv" else ("“", "”")
    assert f"{quote[0]}{title}{quote[1]}" in note
    assert f"{quote[0]}{row_name}{quote[1]}" in note
    assert "ingen förändring beräknas" not in note and "no change is computed" not in note
    # the table and the row it names exist, with the change the overview shows
    frame = _table(doc, title).frame.set_index(_table(doc, title).frame.columns[0])
    [row] = [r for r in _glance(doc).rows if r.name == KPI]
    shown = frame.loc[row_name, next(c for c in frame.columns if "(" in str(c))]
    assert row.change is not None and shown == pytest.approx(row.change * 100, abs=1e-9)


def test_the_pointer_holds_whatever_order_the_config_names_the_sections() -> None:
    """Parts are built in the registry's order, so the KPIs see the service measurement's rows
    even when the config lists the service part first; the report keeps the config's order."""
    doc = _build("sv", ("summary", "service", "measurement", "method"))
    [note] = [n for n in _notes(doc) if n.startswith(f"{KPI}:")]
    assert "servicemätningens tabell ”Förändring, alla områden 2019 → 2020”" in note
    titles = [s.title for s in doc.sections if s.level == 2]
    assert titles.index("Nyckeltal, servicedeklarationer och synpunkter") < titles.index(
        "Servicemätning: telefon och e-post"
    )


def test_a_kpi_with_its_own_change_keeps_it_whole() -> None:
    """A KPI that has its own change takes none of the contact measure's change fields (its
    verdict, median difference, p, source), only what it lacks (the benchmark)."""
    kpi = GlanceRow("kpi", "Väntetid", "seconds", 56.0, period="2020", n=43, previous_period="2019",
                    previous_value=84.0, change=-20.0, change_verdict="better")  # fmt: skip
    contact = GlanceRow("contact_kpi", "Telefon: väntetid", "seconds", 56.0, period="2020", n=43,
                        previous_period="2019", previous_value=84.0, change=-28.0,
                        median_change=-28.0, change_verdict="no_change", change_family=14,
                        change_source="measurement", change_p=0.168, change_table="T",
                        others_mean=70.0)  # fmt: skip
    [merged] = merge_same_measure([kpi, contact])
    assert (merged.change, merged.change_verdict, merged.median_change) == (-20.0, "better", None)
    assert (merged.change_source, merged.change_p, merged.change_family) == (None, None, None)
    assert merged.others_mean == 70.0
    # without a change of its own it takes the contact measure's, saying where from
    alone = replace(kpi, change=None, change_verdict=None, previous_value=None)
    [borrowed] = merge_same_measure([alone, contact])
    got = (borrowed.change, borrowed.change_source, borrowed.change_p, borrowed.previous_value)
    assert got == (-28.0, "measurement", 0.168, 84.0)
