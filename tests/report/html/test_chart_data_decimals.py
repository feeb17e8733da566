"""The table under each chart shows the decimals of the table the chart illustrates (review 3,
finding 19): Karlstad's dimension chart printed "−0,182 | −0,298 | −0,0663" beside the main
table's "−0,18 | −0,30 | −0,07", and Lekeberg's reply time "17,6 | 2,36 | 21,3" beside "2,4"."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from markupsafe import Markup

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.html import PageOptions, render_html

from ..conftest import SAMPLES


def _fake_svg(figure, uid: str, message: str) -> Markup:
    return Markup(f'<svg role="img" id="{uid}"></svg>')


def _tables(page: str) -> dict[str, list[list[str]]]:
    """Every table of the page by caption: its body rows as cell texts."""
    out = {}
    for m in re.finditer(r"<caption[^>]*>(.*?)</caption>(.*?)</table>", page, re.S):
        caption = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
        body = m.group(2).split("<tbody>", 1)[-1]
        rows = [
            [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(
                r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
        ]  # fmt: skip
        out.setdefault(caption, rows)
    return out


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    out = {}
    for name in ("karlstad", "lekeberg"):
        config = load_config(SAMPLES / f"report_{name}.toml")
        if name == "lekeberg":  # its areas (6-7 contacts) charted, so there is a chart table
            config = replace(config, min_n=5)
        out[name] = render_html(build_report(config), PageOptions(chart_svg=_fake_svg))
    return out


def _decimals(cell: str) -> int | None:
    m = re.fullmatch(r"[−+]?\d[\d\u00a0 ]*(?:,(\d+))?", cell)
    return None if m is None else len(m.group(1) or "")


def test_servqual_chart_tables_have_two_decimals(pages: dict[str, str]) -> None:
    tables = _tables(pages["karlstad"])
    rows = tables["Förväntan och upplevelse per dimension"]
    assert len(rows) == 5
    numbers = [c for row in rows for c in row[1:6]]  # E, P, gap, CI low, CI high
    assert numbers and all(_decimals(c) == 2 for c in numbers), numbers
    # the same gap as the main dimension table shows it
    fysisk = rows[0]
    assert fysisk[0] == "Fysisk miljö" and fysisk[3] == "−0,18"
    items = tables["Gap per påstående, sorterat"]  # label, wording, n, gap, CI low, CI high
    assert all(_decimals(c) == 2 for row in items for c in row[3:6])
    assert all(_decimals(row[2]) == 0 for row in items)
    ipa = tables["Viktighet och upplevelse (IPA)"]  # n, importance and CI; n, P and CI
    assert [tuple(_decimals(c) for c in r[1:9]) for r in ipa] == [(0, 1, 1, 1, 0, 2, 2, 2)] * len(
        ipa
    )


def test_kpi_chart_tables_have_one_decimal_and_whole_n(pages: dict[str, str]) -> None:
    tables = _tables(pages["lekeberg"])
    reply = next(v for k, v in tables.items() if k.startswith("E-post: svarstid"))
    whole = next(r for r in reply if r[0] == "alla områden")
    assert whole[5:9] == ["17,6", "2,4", "21,3", "51"], whole
    assert whole[4] == "52"  # n as a whole number
