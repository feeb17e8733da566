"""The group heatmap after review 12b: small groups are flagged rows, not left out (finding 1);
colour is on a fixed scale and only where the test tells a gap from 0 (finding 2); each cell's
text is black or white by its WCAG contrast with the cell (finding 3, checked on the PNG and the
SVG the report writes: tests/report/test_heatmap_contrast.py).

Data: Karlstad by Kön, where Annat has n = 3 (below the default min_n of 30), and synthetic
figures with values the reports do not reach.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.colors import Normalize, to_rgba
from matplotlib.patches import Rectangle

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.chart_data import figure_frame, web_csv
from servqual_cli.report.config import parse_config
from servqual_cli.report.spec import Document, Figure
from servqual_cli.report.survey_charts import UNCLEAR_FILL, heat_colours
from servqual_cli.report.survey_figures import heat_limit

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def _kon(lang: str) -> Document:
    data = tomllib.loads((SAMPLES / "report_karlstad.toml").read_text(encoding="utf-8"))
    data["survey"]["by"] = "Kön"
    data["sections"] = ["groups"]
    data["language"] = lang
    return build_report(parse_config(data, SAMPLES, None))


@pytest.fixture(scope="module")
def kon() -> dict[str, Figure]:
    out = {}
    for lang in ("sv", "en"):
        out[lang] = next(f for f in charts.figures(_kon(lang)) if f.name == "servqual_groups")
    return out


def _plain(text: str | None) -> str:
    """A caption with its no-break spaces (typeset: "n\xa0=\xa03") as spaces."""
    return (text or "").replace("\xa0", " ")


def _image(figure: Figure) -> np.ndarray:
    """The cells' colours as drawn (the heatmap's raster, rows x columns x RGBA)."""
    fig = charts.render(figure, str(figure.data.get("lang", "sv")))
    return np.asarray(fig.axes[0].images[0].get_array(), dtype=float)


# -- finding 1: the small group is a flagged row -------------------------------------------


def test_the_small_group_is_a_row_named_in_the_note(kon) -> None:
    sv, en = kon["sv"], kon["en"]
    assert sv.data["rows"] == ["Annat", "Kvinna", "Man"]
    assert sv.data["row_labels"][0] == "Annat (n = 3, litet underlag)"
    assert en.data["row_labels"][0] == "Annat (n = 3, small base)"
    note = (
        "Annat (n = 3) har färre än 30 svar (litet underlag): raden är streckad och inte "
        "färgad; läs värdena med försiktighet. Värdena står också i tabellen ”Gap per "
        "dimension – Kön”."
    )
    assert note in sv.notes and note in _plain(sv.caption)
    assert "visas inte" not in (sv.caption or "")
    assert (
        "Annat (n = 3) has fewer than 30 answers (small base): its row is hatched and not "
        "coloured; read the values with care. The values are also in the table “Dimension "
        "gaps – Kön”." in en.notes
    )


def test_the_small_group_is_in_the_data_table_and_csv_flagged(kon) -> None:
    frame = figure_frame(kon["sv"], "sv")
    assert frame is not None
    assert frame["Kön"].tolist() == ["Annat", "Kvinna", "Man"]
    assert frame["Litet underlag"].tolist() == ["ja", "", ""]
    lines = web_csv(frame, "sv").splitlines()
    assert lines[0].split(";")[:3] == ["Kön", "n", "Litet underlag"]
    assert lines[1].split(";")[:3] == ["Annat", "3", "ja"]
    assert figure_frame(kon["en"], "en")["Small base"].tolist() == ["yes", "", ""]


def test_the_small_group_is_drawn_hatched_and_uncoloured(kon) -> None:
    figure = kon["sv"]
    fig = charts.render(figure, "sv")
    ax = fig.axes[0]
    hatched = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_y() == pytest.approx(-0.5)  # row 0: Annat
    image = np.asarray(ax.images[0].get_array(), dtype=float)
    assert np.allclose(image[0], 1.0)  # white under the hatch, whatever Annat's gaps
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "streckat: litet underlag (n under 30)" in labels


# -- finding 2: a fixed scale, grey where the test cannot tell ------------------------------


def _synthetic(values: list[list[float]], told: list[list[bool]], lang: str = "sv") -> Figure:
    rows = [f"G{i}" for i in range(len(values))]
    return Figure("heat", "Grupper", "group_heatmap", {
        "rows": rows, "columns": [f"D{j}" for j in range(len(values[0]))], "values": values,
        "told": told, "n": [100] * len(rows), "limit": 1.5, "lang": lang,
        "labels": {"rows": "Enhet", "columns": "Dimension", "value": "Gap",
                   "scale": "fast färgskala ±1,5", "unclear": "grått"},
    })  # fmt: skip


def test_one_gap_one_colour_whatever_the_largest_gap() -> None:
    """−0,20 in a figure whose largest gap is 0,21 and in one whose largest is 1,21 gets the
    same, light colour: the PuOr colour of −0,20 on ±1,5 (the old scale stretched to the largest
    |gap|, so −0,20 was the darkest colour in the first; review 12b, finding 2)."""
    small = _image(_synthetic([[-0.20, 0.21]], [[True, True]]))
    large = _image(_synthetic([[-0.20, -1.21]], [[True, True]]))
    expected = mpl.colormaps["PuOr"](Normalize(-1.5, 1.5)(-0.20))
    assert np.allclose(small[0, 0], expected) and np.allclose(large[0, 0], expected)
    darkest = mpl.colormaps["PuOr"](0.0)
    assert not np.allclose(small[0, 0], darkest)
    # beyond the scale: the end colour, and the colour bar's arrow says so
    beyond = _synthetic([[-2.5, 0.3]], [[True, True]])
    assert np.allclose(_image(beyond)[0, 0], darkest)
    fig = charts.render(beyond, "sv")
    bar = fig.axes[1]
    assert bar.get_ylim() == pytest.approx((-1.5, 1.5))
    assert [t.get_text() for t in bar.get_yticklabels()] == ["−1,5", "0,0", "1,5"]
    assert "fast färgskala ±1,5" in bar.get_ylabel()
    assert bar._colorbar.extend == "min"  # the arrow below: a gap beyond −1,5
    within = charts.render(_synthetic([[-0.2, 0.3]], [[True, True]]), "sv")
    assert within.axes[1]._colorbar.extend == "neither"


def test_a_gap_the_test_cannot_tell_from_zero_is_grey() -> None:
    figure = _synthetic([[-1.2, -1.2, 0.9]], [[False, True, False]])
    image = _image(figure)
    grey = to_rgba(UNCLEAR_FILL)
    assert np.allclose(image[0, 0], grey) and np.allclose(image[0, 2], grey)
    assert not np.allclose(image[0, 1], grey)
    fig = charts.render(figure, "sv")
    assert "grått" in [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


def test_the_reports_cells_follow_their_test(kon) -> None:
    """Karlstad by Kön: Kvinna's and Man's Fysisk miljö (−0,18, −0,19; Holm p 0,128 and 0,222)
    are grey; Kvinna's Empati (told from 0) is on the scale."""
    figure = kon["sv"]
    image = _image(figure)
    d = figure.data
    told, values = np.array(d["told"]), np.array(d["values"], dtype=float)
    grey = np.array(to_rgba(UNCLEAR_FILL))
    rows = ~np.array(d["small_base"])
    assert np.allclose(image[rows][~told[rows]], grey)
    expected = heat_colours(values, told, np.array(d["small_base"]), 1.5)
    assert np.allclose(image, expected)
    on_scale = mpl.colormaps["PuOr"](Normalize(-1.5, 1.5, clip=True)(values))
    assert np.allclose(image[rows][told[rows]], on_scale[rows][told[rows]])
    kvinna = d["rows"].index("Kvinna")
    assert d["cells"][kvinna][0] == "(−0,18)" and np.allclose(image[kvinna, 0], grey)


def test_the_scale_is_a_quarter_of_the_range_and_said_in_words(kon) -> None:
    assert heat_limit((1.0, 7.0)) == 1.5 and heat_limit((1.0, 5.0)) == 1.0
    assert kon["sv"].data["limit"] == 1.5
    sv = "Färgskalan är fast, ±1,5 skalsteg (en fjärdedel av skalan 1–7)"
    en = "The colour scale is fixed, ±1.5 scale points (a quarter of the 1–7 scale)"
    assert sv in _plain(kon["sv"].caption) and en in _plain(kon["en"].caption)
    assert "grått (inom parentes) kan inte skiljas från 0" in (kon["sv"].caption or "")
    assert "grey (in parentheses) cannot be told from 0" in (kon["en"].caption or "")
    assert "mörkare orange" not in (kon["sv"].caption or "")
