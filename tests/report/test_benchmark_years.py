"""The benchmark section of another year in every renderer (t-slope, session 13).

``servqual trend`` prints the terminal and Markdown forms (tests/cli/test_benchmark_years_cli.py).
A report cannot reach this case (its years are years, and a benchmark file without the last one
is refused), so the HTML page and the workbook are checked on the section itself: they show the
heading and the column names the section gives, both years in each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.core.benchmark import rank_benchmark
from servqual_cli.io.measurement import ReadOptions, load_contact_table, read_benchmark
from servqual_cli.report.benchmark_sections import benchmark_notes, benchmark_section
from servqual_cli.report.excel import build_workbook
from servqual_cli.report.html import render_html
from servqual_cli.report.markdown import render_document
from servqual_cli.report.spec import Document, Table

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module", params=["sv", "en"])
def section(request):
    lang = request.param
    opts = ReadOptions()
    own = load_contact_table(opts.read(str(DATA / "contacts_2020.csv")), None, "Lekeberg", False)
    read = read_benchmark(str(DATA / "kolada_2019_only.csv"), "Lekeberg", None, opts)
    bench = rank_benchmark(read, own.frame, 0.95, "2020")
    assert (bench.others_year, bench.shown_this_year, bench.same_year) == ("2019", "2020", False)
    notes = benchmark_notes(bench, lang, "2020")
    return lang, benchmark_section(bench.kpis, "Lekeberg", "2019", lang, notes, 0.95, "2020")


def _expected(lang: str) -> tuple[str, list[str]]:
    if lang == "sv":
        return "Lekeberg 2020 mot övriga kommuner 2019", [
            "Lekeberg 2020", "Medel övriga 2019", "Placering bland 2019 års värden"]  # fmt: skip
    return "Lekeberg 2020 against the other municipalities 2019", [
        "Lekeberg 2020", "Others' mean 2019", "Rank among the 2019 values"]  # fmt: skip


def test_section_heading_and_columns(section) -> None:
    lang, sec = section
    table = next(b for b in sec.blocks if isinstance(b, Table))
    title, columns = _expected(lang)
    assert table.title == title
    assert all(c in table.frame.columns for c in columns)


def test_markdown_html_excel_show_both_years(section) -> None:
    lang, sec = section
    doc = Document("t", (sec,), {"lang": lang})
    title, columns = _expected(lang)
    md = render_document(doc)
    page = render_html(doc)
    assert title in md and all(c in md for c in columns)
    assert title in page
    assert all(c.replace("'", "&#39;") in page or c in page for c in columns)
    sheet = build_workbook(doc).worksheets[1]
    assert sheet["A1"].value == title
    header = [c.value for c in sheet[2]]
    assert all(c in header for c in columns)
