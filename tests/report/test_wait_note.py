"""The queue-time note under the contacts KPI table names the rule where it changes a count
(review 10a finding 5; the counts themselves: tests/core/test_wait_basis.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.core.contacts import contact_kpis
from servqual_cli.core.wait_basis import wait_basis
from servqual_cli.io.contacts import load_contacts
from servqual_cli.io.read import read_table
from servqual_cli.report.measurement_sections import kpi_table

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", "Väntetid i telefon: median över de 45 samtal med väntetid: 44 nådde en person "
               "enligt nådd-kolumnen och 1 saknar giltigt värde där men räknas med eftersom "
               "samtalet har en väntetid (det kom fram), därför fler än i Telefon: når en "
               "person; 9 samtal nådde ingen och saknar väntetid."),
        ("en", "Phone queue time: median over the 45 calls with a queue time: 44 reached a "
               "person by the reached column and 1 have no valid value there but count because "
               "the call has a queue time (it got through), hence more than in Phone: reached a "
               "person; 9 calls reached no one and have no queue time."),
    ],
)  # fmt: skip
def test_the_2019_note_names_the_rule_where_it_changes_a_count(lang: str, words: str) -> None:
    data = load_contacts(read_table(SAMPLES / "servicematning_2019.xlsx"))
    kpis = contact_kpis(data.frame)
    note = kpi_table(kpis, lang, wait=wait_basis(data.frame)).note or ""
    assert words in note
    assert "45 samtal som nådde en person" not in note
    # without the contact rows the old note stands (it cannot see the reached values)
    assert "45" in (kpi_table(kpis, lang).note or "")
