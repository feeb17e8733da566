"""The group heatmap after review 12b: small groups are flagged rows, not left out (finding 1),
coloured by their own test like every other row and hatched as the mark (review 12c, finding 1);
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
        "Annat (n = 3) har färre än 30 svar: raden är streckad (litet underlag, läs med "
        "försiktighet); färgen följer gruppens eget test som övriga rader. Värdena står också "
        "i tabellen ”Gap per dimension – Kön”."
    )
    assert note in sv.notes and note in _plain(sv.caption)
    assert "visas inte" not in (sv.caption or "") and "inte färgad" not in _plain(sv.caption)
    assert (
        "Annat (n = 3) has fewer than 30 answers: its row is hatched (small base, read with "
        "care); its colour follows the group's own test like the other rows. The values are "
        "also in the table “Dimension gaps – Kön”." in en.notes
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


def _hatched(fig) -> set[tuple[int, int]]:
    """The (row, column) of every hatched cell of a rendered heatmap."""
    return {
        (round(p.get_y() + 0.5), round(p.get_x() + 0.5))
        for p in fig.axes[0].patches
        if isinstance(p, Rectangle) and p.get_hatch()
    }


def test_the_small_group_is_hatched_and_coloured_by_its_own_test(kon) -> None:
    """Annat (n = 3): every gap is in parentheses (its own test cannot tell it from 0), so its
    cells are grey like any other such cell, hatched on top; never white (0 on the colour bar)."""
    figure = kon["sv"]
    fig = charts.render(figure, "sv")
    cols = len(figure.data["columns"])
    assert _hatched(fig) == {(0, j) for j in range(cols)}  # row 0: Annat, and only it
    image = np.asarray(fig.axes[0].images[0].get_array(), dtype=float)
    assert not np.array(figure.data["told"])[0].any()
    assert np.allclose(image[0], to_rgba(UNCLEAR_FILL))
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "streckat: litet underlag (n under 30)" in labels


def _small(values: list[list[float]], told: list[list[bool]], small: list[bool]) -> Figure:
    figure = _synthetic(values, told)
    figure.data["small_base"] = small
    figure.data["labels"]["small"] = "streckat"
    return figure


def test_a_small_group_below_expectations_is_coloured_and_hatched() -> None:
    """Review 12c, finding 1: Simhall (n = 12) held the largest gaps (−1,99, −1,50 …, Holm p
    below 0,002) and was drawn white, the colour bar's 0. A small row's gap told from 0 gets the
    colour of the same gap in a large row; one its test cannot tell from 0 is grey; both hatched."""
    figure = _small([[-1.9, -1.9], [-1.9, -0.4]], [[True, True], [True, False]], [False, True])
    fig = charts.render(figure, "sv")
    image = np.asarray(fig.axes[0].images[0].get_array(), dtype=float)
    orange = mpl.colormaps["PuOr"](Normalize(-1.5, 1.5, clip=True)(-1.9))
    assert np.allclose(image[1, 0], orange) and np.allclose(image[1, 0], image[0, 0])
    assert not np.allclose(image[1, 0], 1.0)  # not white
    assert np.allclose(image[1, 1], to_rgba(UNCLEAR_FILL))
    assert _hatched(fig) == {(1, 0), (1, 1)}
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["grått", "streckat"]  # the grey cell is in the small row only
    assert fig.axes[1]._colorbar.extend == "min"  # −1,9 beyond −1,5, in the small row too


def test_the_hatching_shows_on_every_shade() -> None:
    """The hatch lines are in the cell text's colour (black on light cells, white on dark),
    half opaque; the texts stand on a patch of their own cell's colour."""
    figure = _small([[-1.9, -0.3, 0.0]], [[True, True, False]], [True])
    fig = charts.render(figure, "sv")
    ax = fig.axes[0]
    hatches = sorted(
        (p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch()),
        key=lambda p: p.get_x(),
    )
    assert [np.round(p.get_edgecolor(), 2).tolist() for p in hatches] == [
        [1.0, 1.0, 1.0, 0.5],
        [0.0, 0.0, 0.0, 0.5],
        [0.0, 0.0, 0.0, 0.5],
    ]
    image = np.asarray(ax.images[0].get_array(), dtype=float)
    boxes = [t.get_bbox_patch().get_facecolor() for t in ax.texts if t.get_bbox_patch()]
    assert np.allclose(boxes, image[0])


def test_a_real_small_group_with_gaps_below_zero_is_coloured() -> None:
    """Karlstad at min_n = 100: Grundskola (n = 99) becomes a small base; its gaps the Holm test
    tells from 0 keep their colour on the scale, as in the default report (min_n = 30)."""
    data = tomllib.loads((SAMPLES / "report_karlstad.toml").read_text(encoding="utf-8"))
    data["sections"] = ["groups"]
    figures = {}
    for min_n in (30, 100):
        data["min_n"] = min_n
        doc = build_report(parse_config(data, SAMPLES, None))
        figures[min_n] = next(f for f in charts.figures(doc) if f.name == "servqual_groups")
    small = figures[100]
    row = small.data["rows"].index("Grundskola")
    assert small.data["small_base"][row] and not figures[30].data["small_base"][row]
    told = np.array(small.data["told"][row])
    assert told.sum() >= 3  # the row has gaps its test tells from 0
    image, before = _image(small), _image(figures[30])
    assert np.allclose(image, before)  # the same colours, small base or not
    assert not np.allclose(image[row][told], 1.0, atol=0.02)
    assert (row, 0) in _hatched(charts.render(small, "sv"))


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
    assert np.allclose(image[~told], grey)  # the small group's row (Annat) too
    expected = heat_colours(values, told, 1.5)
    assert np.allclose(image, expected)
    on_scale = mpl.colormaps["PuOr"](Normalize(-1.5, 1.5, clip=True)(values))
    assert np.allclose(image[told], on_scale[told])
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
