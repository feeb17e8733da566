"""Honest charts (issue #9 item 7), read back from the SVG files a report writes.

Each SVG is parsed with xml.etree: ``<title>``/``<desc>`` first and localised, text kept as
``<text>``, n in the labels, areas under ``min_n`` absent with a note, labelled target lines, the
benchmark drawn at one bar only, Swedish number format; and the legend rule, checked with
matplotlib's own renderer (a legend's box meets no bar's or point's box).
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection
from matplotlib.patches import Rectangle

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.chart_spec import area_bars
from servqual_cli.report.config import parse_config
from servqual_cli.report.html_charts import inline_svg
from servqual_cli.report.markdown import figure_stem
from servqual_cli.report.spec import Document, Figure, Text

SVG = "{http://www.w3.org/2000/svg}"
SAMPLES = Path(__file__).parents[2] / "data" / "samples"
NBSP = "\u00a0"


def _config(name: str, **changes: object):
    data = tomllib.loads((SAMPLES / name).read_text(encoding="utf-8"))
    data.update(changes)
    return parse_config(data, SAMPLES, None)


@pytest.fixture(scope="module")
def lekeberg(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Path]]:
    """The Lekeberg sample (contacts, KPIs, feedback) in sv and en, figures written once."""
    out = {}
    for lang in ("sv", "en"):
        doc = build_report(_config("report_lekeberg.toml", language=lang))
        folder = tmp_path_factory.mktemp(f"lek-{lang}")
        charts.save_all(doc, folder)
        out[lang] = (doc, folder)
    return out


@pytest.fixture(scope="module")
def lekeberg_areas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Path]]:
    """The Lekeberg sample with min_n = 5, so its areas (6-7 contacts a year) are charted."""
    out = {}
    for lang in ("sv", "en"):
        doc = build_report(_config("report_lekeberg.toml", language=lang, min_n=5))
        folder = tmp_path_factory.mktemp(f"lek5-{lang}")
        charts.save_all(doc, folder)
        out[lang] = (doc, folder)
    return out


@pytest.fixture(scope="module")
def karlstad(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Path]:
    doc = build_report(_config("report_karlstad.toml"))
    folder = tmp_path_factory.mktemp("kar")
    charts.save_all(doc, folder)
    return doc, folder


def _root(folder: Path, stem: str) -> ET.Element:
    return ET.parse(folder / f"{stem}.svg").getroot()


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_every_svg_has_title_desc_first_and_text_as_text(lekeberg, karlstad) -> None:
    docs = [*lekeberg.values(), karlstad]
    for doc, folder in docs:
        for fig in charts.figures(doc):
            root = _root(folder, figure_stem(fig))
            first, second = list(root)[:2]
            assert first.tag == f"{SVG}title" and first.text == fig.title, fig.name
            assert second.tag == f"{SVG}desc" and second.text, fig.name
            assert second.text == fig.description, fig.name
            assert root.get("role") == "img"
            assert root.get("aria-labelledby") == f"{first.get('id')} {second.get('id')}"
            texts = _texts(root)
            assert fig.title in texts, fig.name  # drawn as <text>, not as glyph paths
            glyphs = [e for e in root.iter() if (e.get("id") or "").startswith("DejaVu")]
            assert not glyphs, fig.name  # no glyph outlines (svg.fonttype "path")


def test_title_and_desc_are_localised(lekeberg_areas) -> None:
    (sv, sv_dir), (en, en_dir) = lekeberg_areas["sv"], lekeberg_areas["en"]
    for a, b in zip(charts.figures(sv), charts.figures(en), strict=True):
        desc_sv = list(_root(sv_dir, figure_stem(a)))[1].text or ""
        desc_en = list(_root(en_dir, figure_stem(b)))[1].text or ""
        assert desc_sv != desc_en, a.name
    reached = "contacts_phone_reached"
    assert "per område och år" in (list(_root(sv_dir, reached))[1].text or "")
    assert "by area and year" in (list(_root(en_dir, reached))[1].text or "")


def _blocks(doc: Document, title: str) -> tuple:
    return next(s.blocks for s in doc.sections if s.title == title)


def test_no_area_reaching_min_n_is_one_sentence_not_six_charts(lekeberg) -> None:
    """Lekeberg's areas have about 7 contacts a year: under min_n = 30 a chart "per area and
    year" would show only the whole municipality (the totals of the change table) and say that 8
    areas are left out, six times over. One sentence says it instead (review 3, finding 27)."""
    for lang, title in (("sv", "Nyckeltal per område och år"), ("en", "KPIs by area and year")):
        doc, _ = lekeberg[lang]
        assert not [f for f in charts.figures(doc) if f.name.startswith("contacts_")]
        blocks = _blocks(doc, title)
        assert len(blocks) == 1 and isinstance(blocks[0], Text)
    (text,) = _blocks(lekeberg["sv"][0], "Nyckeltal per område och år")
    assert text.text.startswith("Inget av de 8 områdena har minst 30 svar, så inga diagram")


def test_areas_below_min_n_are_absent_and_noted() -> None:
    """With min_n = 7 the areas with 7 contacts in both years are drawn; the others are left
    out and the figure and its caption say how many."""
    doc = build_report(_config("report_lekeberg.toml", min_n=7))
    fig = next(f for f in charts.figures(doc) if f.name == "contacts_phone_reached")
    assert fig.data["categories"][0] == "alla områden (n = 53 / 54)"
    assert len(fig.data["categories"]) > 1
    bars = [(v, n) for s in fig.data["series"] for v, n in zip(s["values"], s["n"], strict=True)]
    assert all(v is None for v, n in bars if n is not None and n < 7)  # no bar below min_n
    assert any(v is not None for v, n in bars[1:])
    assert "visas inte" in (fig.caption or "")
    assert not [b for b in _blocks(doc, "Nyckeltal per område och år") if isinstance(b, Text)]


def test_min_n_from_the_config_shows_small_areas_with_their_n(tmp_path: Path) -> None:
    doc = build_report(_config("report_lekeberg.toml", min_n=5))
    fig = next(f for f in charts.figures(doc) if f.name == "contacts_phone_reached")
    charts.save(fig, tmp_path, "sv")
    texts = _texts(_root(tmp_path, figure_stem(fig)))
    assert any(re.fullmatch(r"bygglov \(n = \d+ / \d+\)", t) for t in texts), texts
    assert not any("visas inte" in t for t in texts)


def test_target_and_norm_lines_are_labelled(lekeberg) -> None:
    _doc, folder = lekeberg["sv"]
    texts = " ".join(_texts(_root(folder, "kpi_resultat")))
    assert f"Mål 80{NBSP}%" in texts and f"Mål 90{NBSP}%" in texts
    assert "Norm 70 dagar" in " ".join(_texts(_root(folder, "kpi_genomforandetid")))
    en_texts = " ".join(_texts(_root(lekeberg["en"][1], "kpi_resultat")))
    assert "Target 80%" in en_texts


def test_kpi_verdict_comes_from_the_report_in_words_and_shape(tmp_path: Path) -> None:
    """A value under its target whose interval covers it is "cannot tell", not "not met": the
    chart draws the report's verdict (a diamond and its words), it does not judge by itself."""
    data = pd.DataFrame({
        "name": ["Nås"], "value": [0.796], "ci_low": [0.67], "ci_high": [0.88], "goal": [0.8],
        "unit": [None], "higher_is_better": [True], "share": [True],
        "verdict": ["cannot_tell"], "verdict_label": ["kan ej avgöras"],
        "goal_label": [f"Mål 80{NBSP}%"], "axis": ["Andel (%)"]})  # fmt: skip
    fig = charts.render(Figure("k", "Nåbarhet", "kpi_aspect", data), "sv")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "kan ej avgöras" in texts and f"Mål 80{NBSP}%" in texts
    marker = ax.collections[-1]
    assert marker.get_paths()[0].vertices.shape[0] == 5  # the diamond "D" of "cannot_tell"
    assert ax.get_legend().get_texts()[0].get_text() == "kan ej avgöras"
    assert ax.get_xlabel() == "Andel (%)"


def test_benchmark_is_drawn_only_at_the_own_bar(lekeberg_areas) -> None:
    doc, _ = lekeberg_areas["sv"]
    fig = next(f for f in charts.figures(doc) if f.name == "contacts_phone_reached")
    ref = fig.data["reference"]
    assert ref["at"] == [0, 1] and ref["label"].startswith("Medel övriga ")
    drawn = charts.render(fig, "sv")
    ax = drawn.axes[0]
    line = next(c for c in ax.collections if c.get_label() == ref["label"])
    (start, end) = line.get_segments()[0][:, 0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    own = bars[len(fig.data["categories"])]  # the 2020 bar of "alla" (bars series by series)
    assert start < own.get_x() + own.get_width() / 2 < end
    assert end - start < 1.3 * own.get_width()  # one bar, not the whole axis


def test_shares_are_on_one_0_to_100_scale(lekeberg_areas) -> None:
    doc, _ = lekeberg_areas["sv"]
    for fig in charts.figures(doc):
        if fig.kind == "bars" and fig.data.get("percent"):
            values = [v for s in fig.data["series"] for v in s["values"] if v is not None]
            assert max(values) > 1.5, fig.name  # percent, never 0-1
            assert charts.render(fig, "sv").axes[0].get_ylim() == (0.0, 100.0)
    labels = {f.data["labels"]["y"] for f in charts.figures(doc) if f.kind == "bars"}
    # the e-mail reply time: hours on working days, 24 h each (review 10a finding 2)
    assert labels == {"Andel (%)", "Index (0–100)", "Sekunder", "Timmar på arbetsdagar (hela dygn)"}


def test_swedish_number_format_in_chart_text(lekeberg, karlstad) -> None:
    for doc, folder in (lekeberg["sv"], karlstad):
        for fig in charts.figures(doc):
            for text in _texts(_root(folder, figure_stem(fig))):
                assert not re.search(r"\d\.\d", text), (fig.name, text)  # decimal comma
                assert not re.search(r"(?<![\d\w])-\d", text), (fig.name, text)  # "−", not "-"
                assert not re.search(r"\d%", text), (fig.name, text)  # "95 %", not "95%"
    gaps = _texts(_root(karlstad[1], "servqual_dimensions"))
    assert any(re.fullmatch(r"−\d,\d", t) for t in gaps)
    assert f"Strecken visar 95{NBSP}% konfidensintervall." in " ".join(
        _texts(_root(lekeberg["sv"][1], "kpi_resultat"))
    )


def test_english_number_format_in_chart_text(lekeberg) -> None:
    _, folder = lekeberg["en"]
    texts = " ".join(_texts(_root(folder, "kpi_resultat")))
    assert "95%" in texts and "Target 80%" in texts
    assert not re.search(r"\d,\d", texts) and not re.search(r"\d\s%", texts)


def _overlaps(fig) -> list[str]:
    """Legend boxes that meet a data artist's box (bars, points, whiskers, lines)."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    bad = []
    for ax in fig.axes:
        legends = [ax.get_legend(), *fig.legends]
        for legend in (lg for lg in legends if lg is not None):
            box = legend.get_window_extent(renderer)
            data = [p for p in ax.patches if isinstance(p, Rectangle)]
            data += [c for c in ax.collections if isinstance(c, Collection)]
            data += [line for line in ax.lines if len(line.get_xdata()) > 0]
            for artist in data:
                other = artist.get_window_extent(renderer)
                if other.width > 0 and other.height > 0 and box.overlaps(other):
                    bad.append(f"{legend} covers {artist}")
    return bad


def test_no_legend_covers_data(lekeberg, karlstad) -> None:
    from tests.report.test_charts import FIGURES

    figures = [*charts.figures(lekeberg["sv"][0]), *charts.figures(karlstad[0]), *FIGURES]
    for fig in figures:
        assert _overlaps(charts.render(fig, "sv")) == [], fig.name


def test_the_legend_check_can_fail() -> None:
    """The check above finds a legend placed on the bars."""
    fig = charts.render(
        Figure("x", "x", "bars", {"categories": ["a", "b"], "labels": {},
                                  "series": [{"name": "2024", "values": [80.0, 90.0]}]})
    )  # fmt: skip
    ax = fig.axes[0]
    ax.legend(loc="center")
    assert _overlaps(fig)


def test_html_reuses_the_saved_svg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fig = Figure("x", "Svar", "bars", {"categories": ["a (n = 40)"], "labels": {},
                                       "series": [{"name": "2024", "values": [80.0]}]},
                 description="Andelen per område.")  # fmt: skip
    charts.save(fig, tmp_path, "sv")

    def no_drawing(*_args: object) -> None:
        raise AssertionError("drawn twice")

    monkeypatch.setattr(charts, "render", no_drawing)
    page = str(inline_svg(fig, "fig-1", "Se tabellen."))
    assert page.count("<title") == 1 and page.count("<desc") == 1
    assert '<desc id="fig-1-desc">Andelen per område. Se tabellen.</desc>' in page
    saved = (tmp_path / "x.svg").read_text(encoding="utf-8")
    assert re.findall(r"<text\b[^>]*>[^<]*</text>", saved)[-1] in page


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.one_of(st.none(), st.integers(0, 80)), min_size=3, max_size=3),
             min_size=1, max_size=3),
    st.integers(1, 60),
)  # fmt: skip
def test_area_bars_never_show_a_bar_below_min_n(ns: list[list[int | None]], min_n: int) -> None:
    k = len(ns)
    values = [[None if n is None else 50.0 for n in row] for row in ns]
    cats, series, kept, notes = area_bars(["a", "b", "c"], [str(i) for i in range(k)], values,
                                          values, values, ns, min_n, "en")  # fmt: skip
    n = np.array([[np.nan if v is None else v for v in row] for row in ns], dtype=float)
    with np.errstate(invalid="ignore"):
        ok = n >= min_n
    assert kept == [c for c in range(3) if ok[:, c].any()]
    for s, row in enumerate(series):
        for v, c in zip(row["values"], kept, strict=True):
            assert (v is not None) == bool(ok[s, c])
    dropped = int(((~ok.any(axis=0)) & (n < min_n).any(axis=0)).sum())
    assert any(f"{dropped} area" in note for note in notes) == (dropped > 0)
    assert len(cats) == len(kept)


def test_groups_below_min_n_stay_in_the_heatmap_flagged(tmp_path: Path, karlstad) -> None:
    """Karlstad's services have 97-103 respondents: at min_n = 100 two of them are small bases,
    drawn as flagged rows and named in the note (review 12b, finding 1: they were left out)."""
    doc = build_report(_config("report_karlstad.toml", min_n=100))
    fig = next(f for f in charts.figures(doc) if f.name == "servqual_groups")
    charts.save(fig, tmp_path, "sv")
    texts = _texts(_root(tmp_path, figure_stem(fig)))
    joined = " ".join(texts)
    assert "Förskola/barnomsorg (n = 101)" in texts and "Äldreomsorg (n = 103)" in texts
    assert "Grundskola (n = 99, litet underlag)" in texts
    assert "Gymnasieskola (n = 97, litet underlag)" in texts
    note = (
        "Grundskola (n = 99) och Gymnasieskola (n = 97) har färre än 100 svar: raderna är "
        "streckade (litet underlag, läs med försiktighet); färgen följer varje grupps eget test"
    )
    caption = (fig.caption or "").replace("\xa0", " ")  # typeset: "n\xa0=\xa099"
    assert note in caption and "visas inte" not in caption
    assert "raderna är streckade" in joined  # the note under the chart, wrapped
    # at the default min_n every group is shown; a gap the data cannot tell from 0 is in ()
    default = _texts(_root(karlstad[1], "servqual_groups"))
    assert "Gymnasieskola (n = 97)" in default and "(0,08)" in default
    assert "−1,52" in default


def test_goal_labels_are_whole_in_the_panel_unit() -> None:
    from types import SimpleNamespace

    from servqual_cli.report.kpi_charts import _goal_label

    def kpi(target, norm, statistic, unit):
        spec = SimpleNamespace(target=target, norm=norm, statistic=statistic, unit=unit)
        return SimpleNamespace(spec=spec, goal=target if target is not None else norm)

    assert _goal_label(kpi(0.07, None, "share", None), "sv") == f"Mål 7{NBSP}%"  # 7.000000000000001
    assert _goal_label(kpi(0.925, None, "share", None), "en") == "Target 92.5%"
    assert _goal_label(kpi(None, 14, "median", "days"), "sv") == "Norm 14 dagar"
    assert _goal_label(kpi(None, None, "median", "days"), "sv") is None


def test_the_cli_report_writes_the_honest_charts(sample_report: Path) -> None:
    """Through the real CLI (the shared Karlstad report): the SVG file and the page agree."""
    root = _root(sample_report / "figures", "servqual_groups")
    assert [child.tag for child in list(root)[:2]] == [f"{SVG}title", f"{SVG}desc"]
    assert "Gymnasieskola (n = 97)" in _texts(root)
    note = "Ett gap inom parentes kan inte skiljas från 0: dess p (Holm, 20 test, grupper ×"
    assert note in " ".join(_texts(root))  # the rule of the per-group table (review 6, #5)
    page = (sample_report / "report.html").read_text(encoding="utf-8")
    assert page.count('<title id="fig-') == len(list((sample_report / "figures").glob("*.svg")))
    assert "Gymnasieskola (n = 97)" in page


def test_kpis_without_areas_are_named_beside_the_charts_that_have_some() -> None:
    """min_n = 8: only the treatment index (both channels pooled) has areas with 8 answers; the
    six other KPIs are named in one sentence instead of six charts of the totals (finding 27)."""
    doc = build_report(_config("report_lekeberg.toml", min_n=8))
    first, *rest = _blocks(doc, "Nyckeltal per område och år")
    assert isinstance(first, Text)
    assert first.text.startswith("Inget av de 8 områdena har minst 8 svar för Telefon: når en")
    assert "E-post: svar på frågan, så de visas inte per område." in first.text
    assert [b.name for b in rest if isinstance(b, Figure)] == ["contacts_treatment_index"]
