"""A KPI whose data hold one period says so (session 10 leftover 4): the overview's previous
period was a bare "–" for a KPI with one period that matches no contact total, and the KPI
table's change "–" had no reason either. Now the core result says it (``single_period``), the
KPI note says "the data hold only one period (2020), so no change is computed from them" and
the overview's previous-period cell "– (only 2020 in the data)", sv and en; a KPI the contact
totals fill keeps their previous period (review 6, finding 11).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.glance_table import glance_table
from servqual_cli.report.spec import Glance, Table, Text

from .conftest import SAMPLES

FILES = ("kpi.toml", "servicematning_2020.xlsx", "bygglov_arenden.xlsx",
         "synpunkter_2023_2024.xlsx")  # fmt: skip
WORDS = {
    "sv": ("Föregående period", "– (bara 2020 i data)",
           "data har bara en period (2020), så ingen förändring beräknas ur dem"),
    "en": ("Previous period", "– (only 2020 in the data)",
           "the data hold only one period (2020), so no change is computed from them"),
}  # fmt: skip


@pytest.fixture(scope="module")
def kpi_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report of the sample KPIs without the contact files: nothing fills the 2020 KPIs'
    previous period."""
    base = tmp_path_factory.mktemp("one_period")
    for name in FILES:
        shutil.copy(SAMPLES / name, base / name)
    config = base / "r.toml"
    config.write_text('title = "T"\norganisation = "X"\nlanguage = "sv"\n\n[service]\n'
                      'kpi = "kpi.toml"\n', encoding="utf-8")  # fmt: skip
    return config


def _doc_parts(config: Path, lang: str) -> tuple[Glance, list[str]]:
    doc = build_report(replace(load_config(config), language=lang))
    glance = doc.sections[0].blocks[0]
    assert isinstance(glance, Glance)
    notes = [b.text for s in doc.sections for b in s.blocks if isinstance(b, Text)]
    return glance, notes


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_one_period_kpi_says_why_it_has_no_previous_period(kpi_only: Path, lang: str) -> None:
    previous, cell, note = WORDS[lang]
    glance, notes = _doc_parts(kpi_only, lang)
    table: Table = glance_table(glance, lang)
    rows = table.frame.set_index(table.frame.columns[0])
    assert rows.loc["Telefon: når en person", previous] == cell
    assert rows.loc["Väntetid i telefon (median)", previous] == cell
    # a KPI with two periods shows its previous one, no note
    [lead] = [n for n in rows.index if n.startswith("Handläggningstid bygglov")]
    assert rows.loc[lead, previous].endswith("(2023)")
    assert any(n.startswith("Telefon: når en person:") and note in n for n in notes)
    assert not any(n.startswith("Handläggningstid bygglov:") and note in n for n in notes)


def test_contact_totals_still_fill_the_previous_period() -> None:
    """Lekeberg: the 2020 KPIs match the contact totals, which bring 2019; no one-period cell."""
    glance, _ = _doc_parts(SAMPLES / "report_lekeberg.toml", "sv")
    table = glance_table(glance, "sv")
    rows = table.frame.set_index(table.frame.columns[0])
    assert rows.loc["Telefon: når en person", "Föregående period"] == "83,0\u00a0% (2019)"
    assert not table.frame.apply(lambda c: c.astype(str).str.contains("i data")).any().any()
