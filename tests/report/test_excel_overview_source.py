"""The workbook's overview says where a change was computed, with the p its verdict follows, in
the words the Markdown table shows (review 9, finding 3, carried to report.xlsx).

The Markdown cell "+25,6 procentenheter (servicemätningen, p efter Holm 0,054), ingen påvisbar
förändring" is, in the workbook, the number 25,6 under "Förändring", the text "servicemätningen,
p efter Holm 0,054" under "Förändringens källa" and "ingen påvisbar förändring" under
"Förändringen". The test writes report.xlsx, reads it back with openpyxl and compares each
overview row with the Markdown's row of the same measure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from servqual_cli.report.build import build_report, load_survey
from servqual_cli.report.config import load_config
from servqual_cli.report.excel import write_workbook
from servqual_cli.report.markdown import render_document
from servqual_cli.report.spec import Document

from .conftest import SAMPLES

# (overview title, measure, change, source, verdict headers; the row review 9 names)
WORDS = {
    "sv": ("Resultat i korthet", "Mått", "Förändring", "Förändringens källa", "Förändringen",
           "E-post besvaras inom en arbetsdag"),
    "en": ("Results at a glance", "Measure", "Change", "Source of the change", "The change",
           "E-post besvaras inom en arbetsdag"),
}  # fmt: skip


@pytest.fixture(scope="module", params=["sv", "en"])
def lekeberg(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Document, Path]:
    lang = request.param
    config = replace(load_config(SAMPLES / "report_lekeberg.toml"), language=lang)
    doc = build_report(config, load_survey(config))
    path = tmp_path_factory.mktemp(f"xlsx_{lang}") / "report.xlsx"
    write_workbook(doc, path, None, dt.datetime(2024, 1, 1))
    return lang, doc, path


def _markdown_rows(doc: Document, title: str, measure: str) -> dict[str, dict[str, str]]:
    """The Markdown overview table (the first table after the overview's heading) by measure."""
    lines = render_document(doc).splitlines()
    start = next(i for i, s in enumerate(lines) if s.lstrip("#").strip() == title)
    head = next(i for i in range(start, len(lines)) if lines[i].startswith(f"| {measure} |"))
    rows = []
    for line in lines[head:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split(" | ")])
    header, body = rows[0], rows[2:]
    return {r[0]: dict(zip(header, r, strict=True)) for r in body}


def _excel_rows(path: Path) -> list[dict[str, object]]:
    """The overview sheet's rows as {header: cell}, up to the note."""
    ws = load_workbook(path).worksheets[1]
    header = [c.value for c in ws[2]]
    rows = []
    for r in ws.iter_rows(min_row=3):
        if r[0].value is None:
            break
        rows.append({str(h): c for h, c in zip(header, r, strict=False) if h is not None})
    return rows


def _signed(value: float, number_format: str, lang: str) -> str:
    """The change as the Markdown writes it, at the decimals of the cell's Excel format."""
    body = number_format.split(";")[0].lstrip("+")
    decimals = len(body.split(".")[1]) if "." in body else 0
    text = f"{value:+.{decimals}f}"
    return text.replace(".", ",").replace("-", "−") if lang == "sv" else text


def test_the_overview_rows_say_what_the_markdown_says(lekeberg: tuple[str, Document, Path]) -> None:
    lang, doc, path = lekeberg
    title, measure, change_word, source_col, verdict_col, kpi = WORDS[lang]
    md = _markdown_rows(doc, title, measure)
    xl = _excel_rows(path)
    assert [str(r[measure].value) for r in xl] == list(md), "the same rows in the same order"
    md_change = next(c for c in next(iter(md.values())) if c.startswith(change_word))
    assert source_col in xl[0], "the workbook's overview has the source column"
    borrowed = 0
    for row in xl:
        name = str(row[measure].value)
        cell = md[name][md_change]
        source = row[source_col].value
        verdict = row[verdict_col].value
        number = next(v for k, v in row.items() if k.startswith(change_word) and k != source_col)
        if number.value is None:  # no change: neither says one
            assert cell == "–" and source == "–", name
            continue
        assert _signed(float(number.value), str(number.number_format), lang) in cell, name
        assert cell.endswith(f", {verdict}"), (name, cell, verdict)
        if source == "–":  # the row's own change: no source in either
            assert " p " not in cell and "(" not in cell.split(",")[0], (name, cell)
        else:
            assert f"({source})" in cell, (name, cell, source)
            borrowed += 1
    assert borrowed >= 2  # the KPI row and the service measurement's own rows
    [row] = [r for r in xl if r[measure].value == kpi]
    sep = "," if lang == "sv" else "."
    holm = (
        "servicemätningen, p efter Holm" if lang == "sv" else "service measurement, Holm-adjusted p"
    )
    assert row[source_col].value == f"{holm} 0{sep}054"
    assert row[verdict_col].value in ("ingen påvisbar förändring", "no detectable change")
