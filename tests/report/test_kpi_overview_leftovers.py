"""Session 14's KPI and overview leftovers, in every renderer (Markdown, the web page, report.xlsx
read back with openpyxl):

1. the changed-KPIs table's period cell names the calendar window when the latest period was
   cut short ("2023 → 2024 (1 jan–21 okt)"): read alone it said "2023 → 2024", whole years
   (closing 13, "KPI windows");
2. "Gott bemötande": the 13 excluded cells are 11 calls that reached no one and 2 e-mails never
   answered, named so, not "tomma 13" (review 10a, finding 5);
3. the overview says the equal-follow-up rule once per row (a plain name, the basis and window
   in Anmärkning) and the KPI group rule's noun is the KPI note's, "ärenden" (review 10c, #4);
4. the feedback count change names its source and Holm p in "Förändringens källa" and in the
   change cell, as the service measurement's rows do (review 10c, #5);
6. the Karlstad overall gap's note gives the overall perception level, as every dimension's
   does (review 10c, #7), over the overall gap's own respondents: 5.346223893065998 from
   tests/report/r/overall_perception.py (pandas on the sample, not the tool's reader).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup
from openpyxl import load_workbook

from servqual_cli.core.overall_perception import overall_perception
from servqual_cli.report.build import build_report, load_survey
from servqual_cli.report.config import load_config
from servqual_cli.report.excel import write_workbook
from servqual_cli.report.html import PageOptions, render_html
from servqual_cli.report.markdown import render_document

from .conftest import SAMPLES

# tests/report/r/overall_perception.py on data/samples/karlstad_servqual.xlsx
OVERALL_PERCEPTION = 5.346223893065998
FEEDBACK_ROW = {
    "sv": "Synpunkter: Tekniska förvaltningen",
    "en": "Feedback items: Tekniska förvaltningen",
}
WINDOWS = {  # the two KPIs of the changed-KPIs table, with their period cells
    "sv": {
        "Handläggningstid bygglov": "2023 → 2024 (1 jan–21 okt)",
        "Synpunkter besvaras inom 14 dagar": "2023 → 2024 (1 jan–17 dec)",
    },
    "en": {
        "Handläggningstid bygglov": "2023 → 2024 (1 Jan–21 Oct)",
        "Synpunkter besvaras inom 14 dagar": "2023 → 2024 (1 Jan–17 Dec)",
    },
}


def _svg(figure: object, uid: str, message: str) -> Markup:
    return Markup(f'<svg role="img" id="{uid}"></svg>')


def _plain(text: Any) -> str:
    text = html.unescape(str(text)).replace("\xa0", " ").replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


def _build(name: str, lang: str, tmp: Path) -> dict[str, Any]:
    config = replace(load_config(SAMPLES / f"report_{name}.toml"), language=lang)
    doc = build_report(config, load_survey(config))
    path = tmp / "report.xlsx"
    write_workbook(doc, path, None, dt.datetime(2024, 1, 1))
    return {
        "lang": lang,
        "doc": doc,
        "md": _plain(render_document(doc)),
        "lines": render_document(doc).splitlines(),
        "html": _plain(re.sub(r"<[^>]+>", " ", render_html(doc, PageOptions(chart_svg=_svg)))),
        "book": load_workbook(path),
    }


@pytest.fixture(scope="module", params=["sv", "en"])
def lekeberg(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _build("lekeberg", request.param, tmp_path_factory.mktemp(f"s14_l_{request.param}"))


def _md_table(lines: list[str], first: str) -> list[dict[str, str]]:
    """The Markdown table whose header starts with ``| first |``, as rows of {header: cell}."""
    head = next(i for i, s in enumerate(lines) if s.startswith(f"| {first} |"))
    rows = []
    for line in lines[head:]:
        if not line.startswith("|"):
            break
        rows.append([_plain(c) for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])])
    return [dict(zip(rows[0], r, strict=True)) for r in rows[2:]]


def _sheet_rows(book: Any, sheet: str, header_first: str) -> list[dict[str, str]]:
    """The rows of ``sheet`` below its header row (first cell ``header_first``)."""
    values = list(book[sheet].iter_rows(values_only=True))
    i = next(i for i, r in enumerate(values) if r[0] == header_first)
    header = [str(h) for h in values[i]]
    out = []
    for row in values[i + 1 :]:
        if row[0] is None:
            break
        out.append({h: _plain(v) for h, v in zip(header, row, strict=False)})
    return out


def _overview_sheet(book: Any) -> dict[str, dict[str, str]]:
    ws = book.worksheets[1]
    header = [c.value for c in ws[2]]
    out = {}
    for r in ws.iter_rows(min_row=3, values_only=True):
        if r[0] is None:
            break
        out[_plain(r[0])] = {str(h): _plain(v) for h, v in zip(header, r, strict=False) if h}
    return out


def test_changed_kpis_period_cell_names_the_window(lekeberg: dict) -> None:
    lang = lekeberg["lang"]
    kpi, period = ("Nyckeltal", "Period") if lang == "sv" else ("KPI", "Period")
    before = "Före" if lang == "sv" else "Before"
    sheet = "Ändrade nyckeltal" if lang == "sv" else "Changed KPIs"
    rows = _md_table(lekeberg["lines"], f"{kpi} | {period} | {before}")
    changed = {r[kpi]: r[period] for r in rows if period in r and "→" in r[period]}
    assert changed == WINDOWS[lang]
    cells = {r[kpi]: r[period] for r in _sheet_rows(lekeberg["book"], sheet, kpi) if period in r}
    for name, cell in WINDOWS[lang].items():
        assert cells[name] == cell
        assert f"{name} {cell}" in lekeberg["html"]  # the web page's row: name, then period


def test_gott_bemotande_names_the_contacts_that_reached_no_one(lekeberg: dict) -> None:
    lang = lekeberg["lang"]
    words = (
        "andelen gäller de 95 kontakter som har ett värde; 11 samtal nådde ingen och 2 e-brev "
        "besvarades aldrig, så de har inget värde"
        if lang == "sv"
        else "the share is over the 95 contacts with a value; 11 calls reached no one and 2 "
        "e-mails were never answered, so they have none"
    )
    blank13 = "tomma 13" if lang == "sv" else "blank 13"
    for out in ("md", "html"):
        assert words in lekeberg[out]
        assert blank13 not in lekeberg[out]
    note = _overview_sheet(lekeberg["book"])["Gott bemötande (god eller mycket god)"]
    assert words in " ".join(note.values())


def test_the_overview_says_the_follow_up_rule_once(lekeberg: dict) -> None:
    lang = lekeberg["lang"]
    sheet = _overview_sheet(lekeberg["book"])
    head = "Anmärkning" if lang == "sv" else "Note"
    same = "jämförs över samma datum" if lang == "sv" else "compared over the same dates"
    whole = "hela tiden på sig" if lang == "sv" else "the whole time"
    name = "Synpunkter besvaras inom 14 dagar"
    assert name in sheet  # the KPI's own name, no parenthesis
    for kpi in (name, "Handläggningstid bygglov",
                "Bygglov beslutas inom tio veckor från komplett ansökan"):  # fmt: skip
        row = " ".join(sheet[kpi].values())
        assert row.count(same) == 1 and row.count(whole) == 1, kpi
        assert sheet[kpi][head].count(same) == 1
    md = {r[next(iter(r))]: r for r in _md_table(lekeberg["lines"], next(iter(
        _md_table(lekeberg["lines"], "Mått" if lang == "sv" else "Measure")[0])))}  # fmt: skip
    assert " ".join(md[name].values()).count(same) == 1
    if lang == "sv":
        assert sheet[name][head] == (
            "ärenden som hade hela tiden på sig: 984 av 1 005; 2023 jämförs över samma datum, "
            "1 jan–17 dec; grupper under målet: ensidigt exakt test mot målet, Holm över 6 "
            "grupper med minst 30 ärenden"
        )
        assert "grupper med minst 30 svar" not in lekeberg["md"] + lekeberg["html"]
    else:
        assert sheet[name][head].endswith("Holm over 6 groups with at least 30 cases")


def test_the_feedback_change_names_its_source(lekeberg: dict) -> None:
    lang = lekeberg["lang"]
    row = _overview_sheet(lekeberg["book"])[FEEDBACK_ROW[lang]]
    source, note = (
        ("Förändringens källa", "Anmärkning") if lang == "sv" else ("Source of the change", "Note")
    )
    expected = (
        "synpunkterna, p efter Holm 0,039" if lang == "sv"
        else "feedback register, Holm-adjusted p 0.039"
    )  # fmt: skip
    assert row[source] == expected
    assert "p (Holm)" not in row[note]  # the ratio stays in the note, the p moved
    assert row[note].startswith("kvot 1,21 (95 % KI [1,05; 1,40])" if lang == "sv"
                                else "ratio 1.21 (95% CI [1.05, 1.40])")  # fmt: skip
    md = next(r for r in _md_table(lekeberg["lines"], "Mått" if lang == "sv" else "Measure")
              if r[next(iter(r))] == FEEDBACK_ROW[lang])  # fmt: skip
    assert f"+80 ({expected})" in " ".join(md.values())
    assert f"+80 ({expected})" in lekeberg["html"]


@pytest.fixture(scope="module")
def karlstad(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _build("karlstad", "sv", tmp_path_factory.mktemp("s14_k"))


def test_the_overall_gap_gives_the_overall_perception(karlstad: dict) -> None:
    sheet = _overview_sheet(karlstad["book"])
    assert sheet["SERVQUAL totalt (gap)"]["Anmärkning"] == "upplevelse 5,35 av 7"
    md = {r["Mått"]: r for r in _md_table(karlstad["lines"], "Mått")}
    assert md["SERVQUAL totalt (gap)"]["Senaste period"] == "−0,74 (2024); upplevelse 5,35 av 7"
    assert "upplevelse 5,35 av 7" in karlstad["html"]


def test_overall_perception_matches_pandas() -> None:
    config = load_config(SAMPLES / "report_karlstad.toml")
    survey = load_survey(config)
    assert survey is not None
    scores = _scores(config, survey)
    assert overall_perception(scores.gap, scores.servperf) == pytest.approx(
        OVERALL_PERCEPTION, abs=1e-12
    )


def _scores(config: Any, survey: Any) -> Any:
    from servqual_cli.report.build import ReportContext
    from servqual_cli.report.survey_results import analyses

    result, _ = analyses(ReportContext(config, config.language, survey))
    assert result.scores is not None
    return result.scores


def test_the_backlog_row_does_not_repeat_the_paragraph(lekeberg: dict) -> None:
    """Review 10c, finding 4: the row's Anmärkning repeated the paragraph's sentence word for
    word; it now says only what the row's name and value (106, 2024-12-31) do not."""
    lang = lekeberg["lang"]
    sentence, note = (
        (
            "106 synpunkter med kontaktuppgifter har inte fått svar och är äldre än löftet (14 "
            "dagar) per 2024-12-31, varav 55 avslutade utan svar.",
            "varav 55 avslutade utan svar; ej avslutade ärenden, besvarade eller inte: 92, "
            "varav 73 äldre än 14 dagar",
        )
        if lang == "sv"
        else (
            "106 feedback items with contact details have no reply and are older than the "
            "promise (14 days) as of 2024-12-31, of which 55 closed without a reply.",
            "of which 55 closed without a reply; cases not closed, answered or not: 92, of "
            "which 73 older than 14 days",
        )
    )
    assert lekeberg["md"].count(sentence) == 1  # the paragraph's, not the row's as well
    rows = _overview_sheet(lekeberg["book"])
    (backlog,) = [r for name, r in rows.items() if name.startswith(("Obesvarade", "Unanswered"))]
    assert backlog["Anmärkning" if lang == "sv" else "Note"] == note
    assert note in lekeberg["html"]
