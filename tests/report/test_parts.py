"""The measurement, KPI and feedback parts on the Lekeberg sample config (document only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.report.build import build_report, section_names
from servqual_cli.report.charts import figures
from servqual_cli.report.config import load_config
from servqual_cli.report.markdown import relative_png, render_document
from servqual_cli.report.spec import Document, Table

from .conftest import SAMPLES

LEKEBERG = SAMPLES / "report_lekeberg.toml"


@pytest.fixture(scope="module")
def doc() -> Document:
    return build_report(load_config(LEKEBERG))


def test_sections_by_default(doc: Document) -> None:
    assert section_names(load_config(LEKEBERG)) == ["summary", "measurement", "service", "method"]
    top = [s.title for s in doc.sections if s.level == 2]
    assert top == ["Resultat i korthet", "Sammanfattning", "Servicemätning: telefon och e-post",
                   "Nyckeltal, servicedeklarationer och synpunkter",
                   "Bilaga: detaljtabeller och metod"]  # fmt: skip
    start = [s.title for s in doc.sections].index("Bilaga: detaljtabeller och metod")
    appendix = [s.title for s in doc.sections[start:]]
    assert "Metod" in appendix  # the method notes are in the appendix


def test_summary_lists_what_changed(doc: Document) -> None:
    summary = doc.sections[1]
    tables = [b for b in summary.blocks if isinstance(b, Table)]
    contacts, kpis = tables
    # e-mail got faster from 2019 to 2020 (README: 55.6% -> 81.1% within one working day)
    # review 3 finding 25: +25.6 points has Holm p 0.054 among the 14 totals: not listed; the
    # reply time (Hodges-Lehmann shift, finding 11) and within 2 working days are
    row = contacts.frame[contacts.frame["Nyckeltal"].eq("E-post: svar inom 2 arbetsdagar")]
    assert row["2019"].round(1).tolist() == [66.7] and row["2020"].round(1).tolist() == [90.6]
    assert "E-post: svar inom 1 arbetsdag" not in set(contacts.frame["Nyckeltal"])
    assert set(contacts.frame["Bedömning"]) <= {"bättre", "sämre"}
    assert (kpis.frame["p"] < 0.05).all() and "Synpunkter besvaras inom 14 dagar" in set(
        kpis.frame["Nyckeltal"]
    )


def test_summary_shows_the_medians_difference_and_the_holm_p(doc: Document) -> None:
    """Review 4 findings 1 and 3: Tabell 1 shows a time's Hodges-Lehmann shift under a header
    that names it, beside the medians' own difference (23.8 -> 17.6 h is -6.2, the shift
    -19.1), and the p its verdict follows (Holm over the 14 totals: 0.034, not 0.003)."""
    contacts = next(b for b in doc.sections[1].blocks if isinstance(b, Table))
    f = contacts.frame.set_index("Nyckeltal")
    reply = f.loc["E-post: svarstid, median bland besvarade (h på arbetsdagar)"]
    assert round(reply["Medianernas skillnad"], 1) == round(reply["2020"] - reply["2019"], 1)
    assert round(reply["Medianernas skillnad"], 1) == -6.2
    assert round(reply["Förändring (tider: förskjutning)"], 1) == -19.1
    assert "p" not in f.columns
    p = f.loc["E-post: svar inom 2 arbetsdagar", "p (Holm, 14 jämförelser)"]
    assert round(p, 3) == 0.034
    assert "p (Holm, 14 jämförelser): p justerat över alla totaler" in (contacts.note or "")
    text = render_document(doc, relative_png)
    first = "| E-post: svarstid, median bland besvarade (h på arbetsdagar) | 17,6"
    row = next(x for x in text.splitlines() if x.startswith(first))
    assert (
        "medianen −6,2 timmar på arbetsdagar, typisk förskjutning −19,1 timmar på arbetsdagar"
        in row
    )
    assert "Holm-justering över de 14 jämförda måtten" in text


def test_summary_and_measurement_give_n_and_exclusions_per_year(doc: Document) -> None:
    from servqual_cli.report.spec import Text

    first = doc.sections[1].blocks[0]
    assert isinstance(first, Text)
    assert "2019: 108 kontakter (telefon 54, e-post 54); uteslutna celler: ogiltigt värde 1" in (
        first.text)  # fmt: skip
    assert "2020: 108 kontakter" in first.text and "ogiltigt datum 1" in first.text
    text = render_document(doc, relative_png)
    assert text.count("2019: 108 kontakter") == 2  # summary and the measurement section
    assert "annars ingen påvisbar förändring" in text
    assert "Hodges-Lehmanns förskjutning" in text
    assert "Kommunens värden är beräknade från de analyserade kontakterna (2020)" in text


def test_one_contacts_year_has_a_one_line_summary(tmp_path: Path) -> None:
    from servqual_cli.report.spec import Text

    cfg = tmp_path / "one.toml"
    data = (SAMPLES / "servicematning_2020.xlsx").as_posix()
    cfg.write_text(f'language = "en"\n[contacts]\nmunicipality = "Lekeberg"\n'
                   f'[contacts.years]\n2020 = "{data}"\n', encoding="utf-8")  # fmt: skip
    one = build_report(load_config(cfg))
    summary = one.sections[1]
    texts = [b.text for b in summary.blocks if isinstance(b, Text)]
    # the unreadable date named, as `servqual contacts` names it (session 17)
    assert texts == ["2020: 108 contacts (phone 54, e-mail 54); excluded cells: not a date 1 "
                     "(“okänt” 1). A trend needs contacts from two years."]  # fmt: skip


def test_figures_and_links(doc: Document) -> None:
    kinds = [f.kind for f in figures(doc)]
    # no area has min_n = 30 contacts: no chart "per area" (review 3, finding 27)
    assert kinds.count("bars") == 0 and kinds.count("kpi_aspect") == 4
    assert "feedback_periods" in kinds
    text = render_document(doc, relative_png)
    assert "](figures/kpi_nabarhet.png)" in text and str(Path.cwd()) not in text
    shares = next(f for f in figures(doc) if f.kind == "kpi_aspect").data
    assert "share" in shares.columns  # marked by the report for the chart's axis


def test_method_notes(doc: Document) -> None:
    headings = [h for h, _ in doc.meta["method"]]
    assert headings == ["Servicemätning: telefon och e-post",
                        "Nyckeltal, servicedeklarationer och synpunkter",
                        "Hur rapporten citeras"]  # fmt: skip


def test_files_read_through_the_kpi_config_are_inputs(doc: Document) -> None:
    roles = [(f.role, f.given) for f in doc.meta["inputs"]]
    assert roles[0] == ("config", str(LEKEBERG))
    assert ("kpi", "kpi.toml") in roles and ("kpi data", "bygglov_arenden.xlsx") in roles
    assert len({f.path for f in doc.meta["inputs"]}) == len(roles)  # each file once


def test_service_sheets_and_limits_in_the_report_language(doc: Document) -> None:
    from servqual_cli.report.config import with_overrides
    from servqual_cli.report.excel import build_workbook
    from servqual_cli.report.service_labels import SERVICE_LABELS

    sv_names = build_workbook(doc).sheetnames
    assert sv_names[sv_names.index("Nyckeltal – Nåbarhet") :][:12] == [
        "Nyckeltal – Nåbarhet", "Nyckeltal – Väntetid", "Nyckeltal – Genomförandetid",
        "Nyckeltal – Resultat", "Synpunkter per typ", "Synpunkter per förvaltning",
        "Synpunkter per kanal", "Synpunkter per period", "Svar", "Svar per förvaltning",
        "Balans", "Synpunkter, trend",
    ]  # fmt: skip
    assert not any("(2)" in name for name in sv_names)
    text = render_document(doc, relative_png)
    for shown in ("(1 arbetsdag)", "(10 veckor)", "(14 dagar)", "löfte 14 dagar"):
        assert shown in text, shown
    assert "working day" not in text and "weeks)" not in text and "14 days" not in text
    en = build_report(with_overrides(load_config(LEKEBERG), "en"))
    en_names = build_workbook(en).sheetnames
    swedish = {sv for key, (sv, en_) in SERVICE_LABELS.items() if key.startswith("sheet_")}
    assert not swedish & set(en_names) and "KPI – Waiting time" in en_names
    en_text = render_document(en, relative_png)
    assert "(1 working day)" in en_text and "promise 14 days" in en_text


def test_service_sheets_hold_numbers_with_formats_and_titles(doc: Document) -> None:
    """KPI and feedback sheets: numeric cells with number formats, a title in A1 that is not
    the first column's header."""
    from servqual_cli.report.excel import build_workbook

    wb = build_workbook(doc)
    names = wb.sheetnames
    service = names[names.index("Nyckeltal – Nåbarhet") : names.index("Svar, trend") + 1]
    for name in service:
        ws = wb[name]
        assert ws["A1"].value and ws["A1"].value != ws["A2"].value, name
    waiting = wb["Nyckeltal – Väntetid"]
    header = [c.value for c in waiting[2]]
    low, high = "95\xa0% KI låg", "95\xa0% KI hög"  # the level named (l-small, session 11)
    assert header[:7] == ["Nyckeltal", "Period", "n", "Värde", low, high, "Enhet"]
    rows = {r[0].value: r for r in waiting.iter_rows(min_row=3)}
    mail = rows["E-post besvaras inom en arbetsdag"]
    assert (
        round(mail[3].value, 1) == 81.1 and mail[3].number_format == '0.0;"−"0.0'
    )  # "−" (review 5 #19)
    assert round(mail[4].value, 1) == 68.6 and mail[6].value == "%"
    assert rows["Väntetid i telefon (median)"][6].value == "s"
    reach = [c.value for c in wb["Nyckeltal – Nåbarhet"][2]]
    assert reach[3:6] == ["Värde (%)", f"{low} (%)", f"{high} (%)"]
    trend = wb["Synpunkter, trend"]
    first = [c.value for c in trend[3]]
    assert first[:4] == ["Totalt", "alla", 1200, 1285]  # every item counts (review item 5)
    assert trend.cell(3, 5).number_format == '0.00;"−"0.00' and round(first[4], 2) == 1.07
    assert round(first[5], 2) == 0.99 and round(first[6], 2) == 1.16
    reply = wb["Svar"]
    assert [c.value for c in reply[2]][-2:] == [low, high]  # named as every interval (c-conf)
    # equal follow-up (review 4 finding 10): 1,578 of 1,951, Wilson low 0.791 (feedback.R)
    assert (
        reply.cell(3, 12).number_format == '0.0%;"−"0.0%'
        and round(reply.cell(3, 12).value, 3) == 0.791
    )
    # review 10a finding 1: the days to reply of every item (Kaplan-Meier), as numbers, each
    # with its interval as text beside it (x-km, session 14; R quantile.survfit)
    assert [c.value for c in reply[2]][3:8] == [
        "Dagar till svar, median", "Median, 95\xa0% KI", "Dagar till svar, 90:e percentil",
        "90:e percentil, 95\xa0% KI", "Median dagar bland besvarade"
    ]  # fmt: skip
    assert [reply.cell(3, j).value for j in (3, 4, 5, 6, 7, 8)] == [
        116,
        6,
        "[6; 7]",
        24,
        "[21; 28]",
        6,
    ]
    replies = wb["Svar, trend"]
    assert replies.cell(3, 5).number_format == '+0.0;"−"0.0;0.0'
    for ws in (wb[n] for n in service):
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                text = cell.value if isinstance(cell.value, str) else ""
                assert not text.replace(".", "").replace("–", "").isdigit(), (ws.title, text)


def test_report_per_area_trend_names_its_adjustment(doc: Document) -> None:
    """The report's per-area trend table carries the Holm-adjusted p under a header naming the
    method and the (non-empty) family, as `servqual trend` does."""
    headers = [c for s in doc.sections for b in s.blocks if isinstance(b, Table)
               for c in b.frame.columns if str(c).startswith("p (")]  # fmt: skip
    assert any(h.startswith("p (Holm, ") and h.endswith(" jämförelser)")
               and not h.startswith("p (Holm, 0 ") for h in headers), headers  # fmt: skip


def test_one_computation_per_measure(doc: Document) -> None:
    """Issue #9: the reply time of the feedback register is one measure. The KPI that reads the
    register's file uses the rows the register keeps (a duplicate id left out of both; three
    closing dates before the receipt are unusable cells, the items stay), so the two sections
    show the same n and share."""
    from servqual_cli.core.durations import parse_limit
    from servqual_cli.core.feedback import analyse_feedback
    from servqual_cli.io.feedback import load_feedback
    from servqual_cli.io.read import read_table

    data = load_feedback(read_table(str(SAMPLES / "synpunkter_2023_2024.xlsx")))
    reply = analyse_feedback(data.frame, parse_limit("14 days"), None, "month", 0.95,
                             has_closed="closed" in data.columns).reply  # fmt: skip
    text = render_document(doc, relative_png)
    note = next(x for x in text.splitlines() if x.startswith("> Synpunkter besvaras inom 14"))
    assert "dubbletter 1" in note and "slut före start" not in note  # no closing date used
    n = f"{reply.n_decided:,}".replace(",", "\u00a0")
    share = f"{reply.within_promise_share * 100:.1f}".replace(".", ",")
    assert (reply.n_decided, share) == (1951, "80,9")
    # the KPI and the register measure the items that had the whole 14 days (equal follow-up,
    # review 3 finding 3, review 4 finding 10): one share, one n
    assert "alla perioder tillsammans (2023–2024): 80,9\u00a0%, n\u00a0=\u00a01\u00a0951" in note
    assert "984 av 1\u00a0005 ärenden 2024; senare ärenden ingår inte (21, varav 10 pågår)" in note
    assert n == "1\u00a0951"


def test_every_interval_heading_names_its_level(doc: Document) -> None:
    """c-conf, session 11: the contact KPI table of the latest year (table 3) and the feedback
    register's tables (16, 17, 19, 20) headed "KI låg" without the level; no table does now."""
    heads = [str(c) for s in doc.sections for b in s.blocks if isinstance(b, Table)
             for c in b.frame.columns if "KI låg" in str(c) or "KI hög" in str(c)]  # fmt: skip
    assert len(heads) >= 2 * 9 and all(h.startswith("95\xa0% KI") for h in heads), heads
    kpis = next(b for s in doc.sections for b in s.blocks
                if isinstance(b, Table) and b.sheet == "Nyckeltal")  # fmt: skip
    assert list(kpis.frame.columns)[4:6] == ["95\xa0% KI låg", "95\xa0% KI hög"]
