"""WCAG 2.1, 1.4.3 on the group heatmap (review 12b, finding 3): every cell's 8-pt text has at
least 4.5:1 contrast with its cell, black or white whichever is higher. Checked on the files a
report writes, from their pixels, not from the drawing code: the SVG (text as ``<text>`` with its
fill, the cells a raster ``<image>`` decoded here) and the PNG (the pixels of each cell beside its
text, and the text's own colour among the pixels under it). A small group's row is coloured like
the others and hatched on top (review 12c, finding 1); its texts stand on a patch of their cell's
colour, so the pixels right above and below each text must be the cell's colour, not a hatch
line. Cases: the bundled Karlstad report through the real CLI (where white on orange was 3,1:1),
Karlstad by Kön weighted, and synthetic figures from −3 to +3 with grey, hatched and empty cells.

Reference values for the contrast formula: WCAG 2.1's definitions of relative luminance and
contrast ratio; #767676 on white is 4.54:1 and #777777 4.48:1 (WebAIM's contrast checker), the
review's rgb(216, 123, 17) with white 3.11:1.
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np
import pytest

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.markdown import figure_stem
from servqual_cli.report.spec import Figure
from servqual_cli.report.survey_charts import contrast

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
TESTS = Path(__file__).parents[1] / "data"
PT_TO_PX = charts.DPI / 72  # the SVG is in points, the PNG at charts.DPI


def _rgb(hex_colour: str) -> np.ndarray:
    h = hex_colour.lstrip("#")
    return np.array([int(h[i : i + 2], 16) for i in (0, 2, 4)], dtype=float) / 255


def test_the_contrast_formula() -> None:
    white = [1.0, 1.0, 1.0]
    assert float(contrast(white, [0.0, 0.0, 0.0])) == pytest.approx(21.0)
    assert float(contrast(white, _rgb("#767676"))) == pytest.approx(4.54, abs=0.005)
    assert float(contrast(white, _rgb("#777777"))) == pytest.approx(4.48, abs=0.005)
    assert float(contrast(white, _rgb("#D87B11"))) == pytest.approx(3.11, abs=0.005)


def _raster(svg: ET.Element) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """The heatmap's cells as drawn in the SVG (the largest embedded image; the colour bar's is
    narrow): its pixels top row first, and where it stands (left, top, width, height, pt)."""
    images = list(svg.iter(f"{SVG}image"))
    image = max(images, key=lambda e: float(e.get("width", 0)) * float(e.get("height", 0)))
    data = base64.b64decode(image.get(f"{XLINK}href", "").split(",", 1)[1])
    pixels = mpimg.imread(io.BytesIO(data), format="png")
    x, y = float(image.get("x", 0)), float(image.get("y", 0))
    w, h = float(image.get("width", 0)), float(image.get("height", 0))
    flip = re.search(r"scale\(1 -1\) translate\(0 (-?[\d.]+)\)", image.get("transform", ""))
    if flip:  # matplotlib writes the raster upside down and flips it back
        t = float(flip[1])
        return pixels[::-1], (x, -(y + h + t), w, h)
    return pixels, (x, y, w, h)


def _cell_texts(svg: ET.Element) -> list[tuple[str, np.ndarray, float, float]]:
    """The cells' texts: 8 px, centred (the tick labels, legend and notes are not)."""
    out = []
    for t in svg.iter(f"{SVG}text"):
        style = t.get("style", "")
        if "font-size: 8px" in style and "text-anchor: middle" in style:
            fill = re.search(r"fill: (#[0-9a-fA-F]{6})", style)
            colour = _rgb(fill[1]) if fill else np.zeros(3)  # SVG's default fill is black
            out.append(("".join(t.itertext()), colour, float(t.get("x")), float(t.get("y"))))
    return out


def _check(
    folder: Path, stem: str, shape: tuple[int, int], n_texts: int, small: list[bool] | None = None
) -> float:
    """Every cell text of the written SVG and PNG against its cell; returns the lowest ratio.
    ``small``: the rows drawn hatched (a group below min_n)."""
    root = ET.parse(folder / f"{stem}.svg").getroot()
    cells, (left, top, width, height) = _raster(root)
    png = mpimg.imread(folder / f"{stem}.png")[..., :3]
    rows, cols = shape
    texts = _cell_texts(root)
    assert len(texts) == n_texts
    lowest = 21.0
    for text, ink, x, y in texts:
        # the cell under the text: x is its centre, y its baseline (8 px, mid-height ~3 px up)
        j = int((x - left) / width * cols)
        i = int((y - 3.0 - top) / height * rows)
        py = int((i + 0.5) / rows * cells.shape[0])
        px = int((j + 0.5) / cols * cells.shape[1])
        svg_cell = cells[py, px, :3]
        # SVG: the text's fill against the raster cell it stands on
        ratio = float(contrast(ink, svg_cell))
        other = float(contrast(1.0 - ink, svg_cell))
        assert ratio >= 4.5 and ratio >= other, (text, ink, svg_cell, ratio)
        # PNG: the same cell beside the text (its median pixel: a hatched cell's lines are the
        # fewer pixels), and whether the hatch lines are there
        x0, x1 = (left + (j + np.array([0.03, 0.15])) * width / cols) * PT_TO_PX
        y0, y1 = (top + (i + np.array([0.2, 0.8])) * height / rows) * PT_TO_PX
        beside = png[int(y0) : int(y1), int(x0) : int(x1)].reshape(-1, 3)
        assert np.allclose(np.median(beside, axis=0), svg_cell, atol=2 / 255), (text, svg_cell)
        lines = (np.abs(beside - svg_cell).max(axis=1) > 0.05).mean()
        hatched = small is not None and small[i]
        assert (lines > 0.05) if hatched else (lines == 0), (text, lines)
        # right above and below the text: its backdrop, the cell's colour (no hatch line)
        backdrop = np.concatenate([
            png[int((y + dy) * PT_TO_PX), int((x - 3) * PT_TO_PX) : int((x + 3) * PT_TO_PX)]
            for dy in (-6.5, 1.8)
        ])  # fmt: skip
        assert np.allclose(backdrop, svg_cell, atol=2 / 255), (text, svg_cell)
        png_ratio = float(contrast(ink, backdrop.mean(axis=0)))
        assert png_ratio >= 4.5, (text, ink, backdrop.mean(axis=0), png_ratio)
        glyphs = png[
            int((y - 7) * PT_TO_PX) : int((y + 1) * PT_TO_PX),
            int((x - 12) * PT_TO_PX) : int((x + 12) * PT_TO_PX),
        ].reshape(-1, 3)
        assert (np.abs(glyphs - ink).max(axis=1) < 0.05).any(), (text, ink)  # drawn in ink
        lowest = min(lowest, ratio, png_ratio)
    return lowest


def test_the_bundled_report_through_the_cli(sample_report: Path) -> None:
    """Karlstad by Tjänst: Förskola/barnomsorg × Empati (−0,95) was white on rgb(216,123,17),
    3,11:1."""
    lowest = _check(sample_report / "figures", "servqual_groups", (4, 5), 20)
    assert lowest >= 4.5


def test_the_weighted_report_by_kon(tmp_path: Path) -> None:
    doc = build_report(load_config(TESTS / "report_weighted_by_kon.toml"))
    fig = next(f for f in charts.figures(doc) if f.name == "servqual_groups")
    charts.save(fig, tmp_path, "sv")
    rows, cols = len(fig.data["rows"]), len(fig.data["columns"])
    small = fig.data["small_base"]
    assert _check(tmp_path, figure_stem(fig), (rows, cols), rows * cols, small) >= 4.5


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_extreme_values_grey_hatched_and_empty_cells(tmp_path: Path, lang: str) -> None:
    """Every shade of the scale and beyond it (−3 to +3, each cell told from 0), a grey row
    (not told), a hatched row (small base, coloured dark orange, one grey cell) and an empty
    cell."""
    cols = 9
    scale = np.linspace(-3.0, 3.0, 4 * cols).reshape(4, cols)
    values = [*scale.tolist(), [-1.4] * cols, [-2.0] * cols]
    values[5][3] = None
    told = [[True] * cols for _ in range(4)] + [[False] * cols, [True] * cols]
    told[5][4] = False  # a small group's gap its test cannot tell from 0: grey, hatched
    rows = [f"G{i}" for i in range(6)]
    cells = [[f"{v:.2f}" if v is not None else "" for v in row] for row in values]
    figure = Figure("extreme", "Extremer", "group_heatmap", {
        "rows": rows, "columns": [f"D{j}" for j in range(cols)], "values": values,
        "cells": cells, "told": told, "small_base": [False] * 5 + [True], "n": [100] * 5 + [5],
        "limit": 1.5, "lang": lang,
        "labels": {"rows": "Enhet", "columns": "Dimension", "value": "Gap", "unclear": "grey",
                   "small": "hatched"},
    })  # fmt: skip
    charts.save(figure, tmp_path, lang)
    small = [False] * 5 + [True]
    assert _check(tmp_path, "extreme", (6, cols), 6 * cols - 1, small) >= 4.5
    # the hatched row as drawn: dark orange (−2,00 beyond the scale's end), grey where its test
    # cannot tell the gap from 0, white only in the empty cell (white is 0 on the colour bar)
    pixels, _where = _raster(ET.parse(tmp_path / "extreme.svg").getroot())
    row = pixels[int(5.5 / 6 * pixels.shape[0]), ((np.arange(cols) + 0.5) / cols
                                                   * pixels.shape[1]).astype(int), :3]  # fmt: skip
    assert np.allclose(row[0], _rgb("#7F3B08"), atol=2 / 255)
    assert np.allclose(row[4], _rgb("#D9D9D9"), atol=2 / 255)
    assert [bool(np.allclose(c, 1.0)) for c in row] == [j == 3 for j in range(cols)]
