"""Bad news from the feedback register in "Resultat i korthet", and the header's periods.

Review item 8: a significant rise in the number of items about a unit (the register's own exact
Poisson test, Holm within units) and the open items older than the promise were only in the
feedback section; the overview, read first and often alone, said nothing of them. Items 6/7:
the header named one year for a report whose parts cover other periods.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.core.feedback import analyse_feedback
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.read import read_table
from servqual_cli.report.build import Part
from servqual_cli.report.build_meta import period_text
from servqual_cli.report.config import ReportConfig
from servqual_cli.report.glance import glance_block
from servqual_cli.report.glance_rows import feedback_rows

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def analysis():
    data = load_feedback(read_table(str(SAMPLES / "synpunkter_2023_2024.xlsx")))
    return analyse_feedback(data.frame, "14 days", None, "month", 0.95, has_closed=True)


def test_the_data_behind_the_case(analysis) -> None:
    t = analysis.trend
    units = t[t["level"].eq("unit")].set_index("key")
    assert units.loc["Tekniska förvaltningen", "p_holm"] < 0.05
    assert (units.drop("Tekniska förvaltningen")["p_holm"] >= 0.05).all()
    assert int(analysis.backlog["n_open_overdue"].sum()) == 73


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_only_significant_rises_and_the_backlog_become_rows(analysis, lang: str) -> None:
    rows = feedback_rows(analysis, lang)
    rises = [r for r in rows if r.kind == "feedback"]
    assert [r.name.split(": ")[-1] for r in rises] == ["Tekniska förvaltningen"]
    (rise,) = rises
    # review 3 finding 7: a unit's count of every type is "more", not "worse"
    assert (rise.previous_value, rise.value, rise.change_verdict) == (370, 450, "more")
    assert rise.n is None  # the value is the count: no n, so never "too few answers"
    (backlog,) = [r for r in rows if r.kind == "backlog"]
    # review 3 finding 12: the promise's count (unanswered with contact details), no target;
    # review 9 finding 1: 51 still open and 55 closed without a reply
    assert (backlog.value, backlog.n, backlog.target_verdict) == (106, None, None)


def test_a_small_count_rise_keeps_its_verdict() -> None:
    """A rise from 20 to 35 items is not a sample of 35 answers: it is not flagged too few."""
    from servqual_cli.report.glance import is_small
    from servqual_cli.report.spec import GlanceRow

    row = GlanceRow("feedback", "Synpunkter: X", "count", 35.0, n=None, change_verdict="worse")
    assert not is_small(row)


def test_the_summary_names_them_plainly(analysis) -> None:
    glance = glance_block(feedback_rows(analysis, "sv"), "sv")
    text = " ".join(glance.summary)
    assert "Fler synpunkter 2023 → 2024: Tekniska förvaltningen (370 → 450)." in text
    # no test statistics in the paragraph (review 6, finding 4); they are in the card's note
    assert "kvot" not in text and "Holm" not in text
    rise = next(r for r in glance.rows if r.kind == "feedback")
    assert rise.note is not None and "kvot 1,21" in rise.note
    # review 10c, finding 5: the p is the change's source, in its own column, not in the note
    assert "p (Holm)" not in rise.note
    assert rise.change_source == "feedback" and f"{rise.change_p:.3f}" == "0.039"
    # review 6, finding 9: the register's own types (its "synpunkt" too), named once
    types = "(klagomål, synpunkt, förslag, fråga, beröm)"
    assert f"Antalen gäller alla typer av synpunkter {types}" in text and types in rise.note
    assert rise.severity == 3  # more items of every type: not bad news, not good news
    assert (
        "106 synpunkter med kontaktuppgifter har inte fått svar och är äldre än löftet (14 "
        "dagar) per 2024-12-31, varav 55 avslutade utan svar. Ej avslutade ärenden, besvarade "
        "eller inte: 92, varav 73 äldre än 14 dagar."
    ) in text
    en = " ".join(glance_block(feedback_rows(analysis, "en"), "en").summary)
    assert (
        "106 feedback items with contact details have no reply and are older than the promise "
        "(14 days) as of 2024-12-31, of which 55 closed without a reply. Cases not closed, "
        "answered or not: 92, of which 73 older than 14 days."
    ) in en
    backlog = next(r for r in glance.rows if r.kind == "backlog")
    assert backlog.severity == 0  # bad news, first in the table, without an invented target


def test_the_header_names_what_each_part_covers() -> None:
    config = ReportConfig(period="2020", language="sv")
    contacts = Part(periods=(("servicemätning", ("2019", "2020")),))
    kpis = Part(periods=(("nyckeltal", ("2020", "2024", "2023")),))
    assert period_text(config, [contacts, kpis]) == (
        "2019–2020 (servicemätning); 2020, 2023–2024 (nyckeltal)"
    )
    same = Part(periods=(("enkät", ("2020",)),))
    assert period_text(config, [same]) == "2020"  # one period throughout: the config's
    assert period_text(config, [Part()]) == "2020"
