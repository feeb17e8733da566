"""report.html and data/<chart>.csv in a real report folder, and the chart data on their own."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.report.chart_data import figure_frame, web_csv
from servqual_cli.report.html_charts import svg_markup
from servqual_cli.report.spec import Figure


def test_report_folder_has_the_page_and_chart_data(sample_report: Path) -> None:
    manifest = json.loads((sample_report / "manifest.json").read_text(encoding="utf-8"))
    outputs = manifest["outputs"]
    listed = {f["path"] for f in outputs} if isinstance(outputs[0], dict) else set(outputs)
    csvs = sorted(
        p.relative_to(sample_report).as_posix() for p in (sample_report / "data").iterdir()
    )
    svgs = sorted(p.stem for p in (sample_report / "figures").glob("*.svg"))
    assert "report.html" in listed and set(csvs) <= listed
    assert [Path(c).stem for c in csvs] == svgs  # one CSV per chart, named like the chart
    page = (sample_report / "report.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"#][^"]*)"', page):
        if href.startswith("data:image/png;base64,"):  # the heatmap's raster, inline
            continue
        assert (sample_report / href).is_file(), href  # every link leads to a file beside it
    assert page.count("<svg") == page.count('class="chart"') == len(svgs)
    # each chart in its own focusable scroll region (review 6, finding 12)
    assert page.count('<div class="scroll chart-scroll" role="region" tabindex="0"') == len(svgs)


def test_ids_on_the_page_are_unique(sample_report: Path) -> None:
    page = (sample_report / "report.html").read_text(encoding="utf-8")
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert ids and max(ids.values()) == 1, [k for k, v in ids.items() if v > 1][:5]
    for ref in re.findall(r'(?:href="#|url\(#|aria-labelledby=")([^")\s]+)', page):
        assert ref in ids, ref  # and every reference finds its target


def test_the_page_is_swedish(sample_report: Path) -> None:
    page = (sample_report / "report.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv">')
    body = page.split("</style>")[1]
    cells = re.findall(r'<td class="num[^"]*">([^<]*)</td>', body)
    assert cells and not [c for c in cells if re.search(r"\d\.\d|^-", c)]
    assert "Publicerad" in body and "14 november 2023" in body  # SOURCE_DATE_EPOCH's date


def test_chart_csv_format(sample_report: Path) -> None:
    raw = (sample_report / "data" / "servqual_dimensions.csv").read_bytes()
    text = raw.decode("utf-8")  # UTF-8, no BOM
    assert not raw.startswith(b"\xef\xbb\xbf")
    head, first = text.splitlines()[:2]
    assert head.split(";")[0] == "Dimension" and head.count(";") == 6
    assert head.endswith(";Bedömning")  # the verdict the chart shows by shape, in words
    assert re.search(r";-?\d+,\d+", first) and '"' not in text
    frame = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    assert frame.shape == (5, 7) and frame.iloc[:, 1:6].dtypes.map(lambda d: d.kind).eq("f").all()


def test_every_chart_kind_of_the_reports_has_a_table() -> None:
    from servqual_cli.report.build import build_report
    from servqual_cli.report.charts import CHARTS, figures
    from servqual_cli.report.config import load_config

    samples = Path(__file__).parents[3] / "data" / "samples"
    seen = set()
    for name in ("karlstad", "lekeberg"):
        doc = build_report(load_config(samples / f"report_{name}.toml"))
        for fig in figures(doc):
            frame = figure_frame(fig, "sv")
            assert frame is not None and len(frame) > 0, fig.name
            assert frame.columns.is_unique, fig.name
            seen.add(fig.kind)
    assert seen <= set(CHARTS) and len(seen) >= 6


def test_bars_table_keeps_values_series_and_reference() -> None:
    fig = Figure("f", "Svar", "bars", {
        "categories": ["A", "B"],
        "series": [{"name": "2019", "values": [80.0, None], "ci_low": [70.0, None],
                    "ci_high": [88.0, None]}, {"name": "2020", "values": [75.5, 90.0]}],
        "reference": {"value": 82.0, "label": "Medel övriga"},
        "labels": {"x": "Område"}})  # fmt: skip
    frame = figure_frame(fig, "sv")
    assert list(frame.columns) == ["Område", "2019", "2019, KI låg", "2019, KI hög", "2020",
                                   "Medel övriga"]  # fmt: skip
    assert np.isnan(frame.loc[1, "2019"]) and frame.loc[0, "2019, KI hög"] == 88.0
    assert web_csv(frame, "sv").splitlines()[2] == "B;;;;90,0;82,0"


def test_kpi_aspect_table_in_percent() -> None:
    data = pd.DataFrame({"name": ["Svar", "Väntetid"], "value": [0.8, 36.0],
                         "ci_low": [0.7, None], "ci_high": [0.9, None], "goal": [0.9, 30.0],
                         "unit": [None, "s"], "higher_is_better": [True, False],
                         "statistic": ["share", "median"], "share": [True, False]})  # fmt: skip
    frame = figure_frame(Figure("k", "K", "kpi_aspect", data), "en")
    assert frame.to_dict("list")["Value"] == [80.0, 36.0]
    assert frame.iloc[:, -1].tolist() == ["%", "s"]


names = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1)


@given(
    st.lists(names, min_size=1, max_size=6, unique=True),
    st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=1, max_size=6),
)
def test_web_csv_reads_back_as_written(labels: list[str], values: list[float]) -> None:
    n = min(len(labels), len(values))
    frame = pd.DataFrame({"Namn": labels[:n], "Värde; andel": values[:n]})
    text = web_csv(frame, "sv")
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",", dtype={"Namn": str},
                       keep_default_na=False)  # fmt: skip
    assert list(back.columns) == ["Namn", "Värde; andel"]
    # text a spreadsheet would run as a formula is kept as text by a leading '
    assert back["Namn"].tolist() == [("'" if s[0] in "=+-@\t\r" else "") + s for s in labels[:n]]
    assert np.array_equal(back["Värde; andel"].to_numpy(float), np.array(values[:n], float))


def test_svg_ids_are_prefixed_and_text_escaped() -> None:
    svg = ('<?xml version="1.0"?><!DOCTYPE svg><svg viewBox="0 0 1 1"><!-- <b> -->'
           '<clipPath id="p1"><rect/></clipPath><g clip-path="url(#p1)"><text>x</text></g>'
           "</svg>")  # fmt: skip
    out = str(svg_markup(svg, "fig-3", "<T>", 'a "b"'))
    assert out.startswith('<div class="scroll chart-scroll" role="region" tabindex="0"')
    assert out.endswith("</svg></div>") and "min-width" not in out  # no width in pt: no minimum
    assert "<!--" not in out and "DOCTYPE" not in out
    assert 'id="fig-3-p1"' in out and "url(#fig-3-p1)" in out and 'id="p1"' not in out
    assert '<title id="fig-3-title">&lt;T&gt;</title>' in out
    assert "&#34;b&#34;" in out
