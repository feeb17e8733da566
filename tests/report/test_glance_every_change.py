""" "Resultat i korthet" names every change the report's tables judge better or worse.

Review 8, finding 4: the Lekeberg report's Tabell 1 marks two 2019 → 2020 changes "bättre",
but the overview named one: "E-post: svar inom 2 arbetsdagar" (66,7 → 90,6 %, Holm p 0,034)
is none of the service measurement's main measures, so its row was offered only to fill a KPI
row and then dropped. With the years swapped the same total is "sämre" (86,8 → 61,1 %), and the
overview said "Inget mått har en påvisbar försämring" above a table with a deterioration: the
bad news was missing. Every total whose change is judged is now a row, and the note says which
totals the overview shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.glance import glance_block, severity
from servqual_cli.report.spec import Document, Glance, GlanceRow, Section, Table

from .conftest import SAMPLES

_VERDICT_COLUMNS = ("Bedömning", "Riktning", "Verdict", "Direction")
_JUDGED = ("bättre", "sämre", "better", "worse")


def _glance(doc: Document) -> Glance:
    block = doc.sections[0].blocks[0]
    assert isinstance(block, Glance)
    return block


def _tables(blocks: tuple[object, ...]) -> Iterator[Table]:
    for b in blocks:
        if isinstance(b, Table):
            yield b
        elif isinstance(b, Section):
            yield from _tables(b.blocks)


def _judged_changes(doc: Document) -> list[tuple[str, str]]:
    """(measure, verdict) of every row of a change table whose verdict is better or worse."""
    out = []
    for t in _tables(tuple(doc.sections)):
        column = next((c for c in _VERDICT_COLUMNS if c in t.frame.columns), None)
        if column is None:
            continue
        first = t.frame.columns[0]
        out += [
            (str(name), str(v))
            for name, v in zip(t.frame[first], t.frame[column], strict=True)
            if str(v) in _JUDGED
        ]
    return out


@pytest.fixture(scope="module")
def lekeberg() -> Document:
    return build_report(load_config(SAMPLES / "report_lekeberg.toml"))


def test_lekeberg_overview_names_both_improvements_of_tabell_1(lekeberg: Document) -> None:
    glance = _glance(lekeberg)
    text = " ".join(glance.summary)
    assert (
        "Bättre 2019 → 2020: E-post: svarstid, median bland besvarade (h på arbetsdagar) och "
        "E-post: svar inom 2 arbetsdagar." in text
    )
    row = next(r for r in glance.rows if r.name == "E-post: svar inom 2 arbetsdagar")
    assert (row.change_verdict, row.severity) == ("better", 2)
    assert row.value == pytest.approx(48 / 53) and row.previous_value == pytest.approx(36 / 54)


def test_every_change_a_table_judges_is_named_in_the_overview(lekeberg: Document) -> None:
    judged = set(_judged_changes(lekeberg))  # Tabell 1 and the trend table repeat two
    # Tabell 1 (the service measurement's totals) and Tabell 2 (the KPIs): four changes
    assert len(judged) == 4 and {v for _, v in judged} == {"bättre"}
    text = " ".join(_glance(lekeberg).summary)
    better = text[text.index("Bättre") :]
    for name, _ in judged:
        assert name in better, name


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_note_says_which_totals_the_overview_shows(lekeberg: Document, lang: str) -> None:
    from servqual_cli.report.glance import glance_note

    note = glance_note(_glance(lekeberg).rows, lang)
    words = {
        "sv": "Servicemätningen: huvudmåtten visas alltid, övriga totaler bara när förändringen "
        "(totalt eller i ett område) bedöms bättre eller sämre",
        "en": "Service measurement: the main measures are always shown, its other totals only "
        "when their change (in total or in an area) is judged better or worse",
    }[lang]
    assert words in note
    # a report with no service measurement has no such sentence
    kpi_only = [GlanceRow("kpi", "A", "share", 0.5, target=0.6, target_verdict="not_met")]
    assert "Servicemätningen" not in glance_note(kpi_only, "sv")


def _swapped_years(base: Path) -> Path:
    """The Lekeberg contacts with the years swapped: 2020's answers labelled 2019 and 2019's
    labelled 2020 (dates moved with them), so e-mail within two working days falls from
    86,8 % to 61,1 %: a deterioration of a total with no target and no benchmark."""
    for src, dst in ((2020, 2019), (2019, 2020)):
        x = pd.read_excel(SAMPLES / f"servicematning_{src}.xlsx", engine="openpyxl", dtype=str)
        x["år"] = str(dst)
        for c in ("skickad", "besvarad"):
            x[c] = x[c].str.replace(f"^{src}-", f"{dst}-", regex=True)
        x.to_csv(base / f"kontakter_{dst}.csv", index=False)
    cfg = base / "report.toml"
    cfg.write_text(
        'language = "sv"\n[contacts]\nmunicipality = "Lekeberg"\n[contacts.years]\n'
        '2019 = "kontakter_2019.csv"\n2020 = "kontakter_2020.csv"\n',
        encoding="utf-8",
    )
    return cfg


def test_a_worse_total_without_a_target_leads_the_overview(tmp_path: Path) -> None:
    doc = build_report(load_config(_swapped_years(tmp_path)))
    assert set(_judged_changes(doc)) == {("E-post: svar inom 2 arbetsdagar", "sämre")}
    glance = _glance(doc)
    first = glance.rows[0]
    assert (first.name, first.change_verdict, first.severity) == (
        "E-post: svar inom 2 arbetsdagar",
        "worse",
        0,
    )
    assert first.target is None and first.others_mean is None  # no target, no benchmark
    assert glance.summary[0] == "Sämre 2019 → 2020: E-post: svar inom 2 arbetsdagar."
    assert "påvisbar försämring" not in " ".join(glance.summary)  # "Inget mått har en ..."


def test_an_area_worse_is_bad_news_even_when_the_total_is_not() -> None:
    row = GlanceRow(
        "contact_kpi", "Telefon: når en person", "share", 0.8, period="2020", n=54,
        previous_period="2019", previous_value=0.83, change=-0.03, change_verdict="no_change",
        area="äldreomsorg (28,6\u00a0%, n\u00a0=\u00a07)", area_kind="worse",
    )  # fmt: skip
    assert severity(row) == 0
    block = glance_block([GlanceRow("kpi", "B", "share", 0.9, n=50), row], "sv")
    assert block.rows[0].name == "Telefon: når en person"
    assert block.summary[0] == (
        "Sämre 2019 → 2020 i äldreomsorg (28,6\u00a0%, n\u00a0=\u00a07): Telefon: når en person."
    )
    en = glance_block([row], "en").summary[0]
    assert en.startswith("Worse 2019 → 2020 in äldreomsorg")
