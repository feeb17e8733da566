"""WCAG 2.1, 1.4.11 (non-text contrast) on figure 1, the dimension chart of mean expectation
beside mean perception (review 12b, finding 14): each bar, a graphical object the reader needs
to read the chart, has at least 3:1 contrast with the background, and the E and P bars, which
touch, have 3:1 with each other, so they differ in lightness for every colour vision. The
legend's swatches are the bars' fills. Checked on the files a report writes, as the heatmap's
contrast test does (tests/report/test_heatmap_contrast.py): the SVG (each bar's ``fill``) and the
PNG (the pixel at each bar's centre, the background at the figure's corner). Cases: the bundled
Karlstad report through the real CLI, and a synthetic figure in both languages.

Reference values for the contrast formula: WCAG 2.1's definitions of relative luminance and
contrast ratio, checked in tests/report/test_heatmap_contrast.py (WebAIM's contrast checker);
the old expectation fill #56B4E9 on white is 2.31:1 (WebAIM: 2.31:1).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np
import pytest

from servqual_cli.report import charts
from servqual_cli.report.spec import Figure
from servqual_cli.report.survey_charts import contrast

SVG = "{http://www.w3.org/2000/svg}"
PT_TO_PX = charts.DPI / 72  # the SVG is in points, the PNG at charts.DPI


def _rgb(hex_colour: str) -> np.ndarray:
    h = hex_colour.lstrip("#")
    return np.array([int(h[i : i + 2], 16) for i in (0, 2, 4)], dtype=float) / 255


def test_the_old_expectation_fill_fails() -> None:
    """The reference the finding measured: Okabe-Ito's sky blue on white."""
    assert float(contrast([1.0, 1.0, 1.0], _rgb("#56B4E9"))) == pytest.approx(2.31, abs=0.005)


def _patches(root: ET.Element) -> list[tuple[str, bool, np.ndarray]]:
    """Every filled patch of the SVG in drawing order: its fill, whether it is clipped to an
    axes (a bar; the legend's swatches and the backgrounds are not), and its box in pt."""
    out = []
    for g in root.iter(f"{SVG}g"):
        if not g.get("id", "").startswith("patch_"):
            continue
        for path in g.iter(f"{SVG}path"):
            fill = re.search(r"fill: (#[0-9a-fA-F]{6})", path.get("style", ""))
            if fill:
                xy = np.array([float(v) for v in re.findall(r"-?\d+\.?\d*", path.get("d", ""))])
                box = np.array([xy[0::2].min(), xy[1::2].min(), xy[0::2].max(), xy[1::2].max()])
                out.append((fill[1].lower(), path.get("clip-path") is not None, box))
    return out


def _check(svg: Path, png: Path, n_dimensions: int) -> float:
    """Every bar of the written SVG and PNG against the background and E against P; returns
    the lowest ratio."""
    patches = _patches(ET.parse(svg).getroot())
    background = patches[0][0]  # the figure's own patch, drawn first
    bars = [(fill, box) for fill, clipped, box in patches if clipped and fill != background]
    others = {fill for fill, clipped, _box in patches if not clipped}
    assert len(bars) == 2 * n_dimensions  # the E bars, then the P bars
    e_fills = {fill for fill, _box in bars[:n_dimensions]}
    p_fills = {fill for fill, _box in bars[n_dimensions:]}
    assert len(e_fills) == len(p_fills) == 1 and e_fills != p_fills
    (e_fill,), (p_fill,) = e_fills, p_fills
    assert others == {background, e_fill, p_fill}  # the axes on the same ground; the legend
    ground = _rgb(background)
    ratios = [float(contrast(_rgb(f), ground)) for f in (e_fill, p_fill)]
    between = float(contrast(_rgb(e_fill), _rgb(p_fill)))
    assert min(ratios) >= 3.0 and between >= 3.0, (e_fill, p_fill, ratios, between)
    # the PNG: the background at the corner, each bar's fill at its centre
    pixels = mpimg.imread(png)[..., :3]
    corner = pixels[2, 2]
    assert np.allclose(corner, ground, atol=2 / 255)
    lowest = min(*ratios, between)
    for fill, box in bars:
        x, y = (box[0] + box[2]) / 2 * PT_TO_PX, (box[1] + box[3]) / 2 * PT_TO_PX
        pixel = pixels[int(y), int(x)]
        assert np.allclose(pixel, _rgb(fill), atol=2 / 255), (fill, pixel)
        ratio = float(contrast(pixel, corner))
        assert ratio >= 3.0, (fill, pixel, ratio)
        lowest = min(lowest, ratio)
    return lowest


def test_the_bundled_report_through_the_cli(sample_report: Path) -> None:
    """Karlstad's five SERVQUAL dimensions (figure 1)."""
    folder = sample_report / "figures"
    assert _check(folder / "servqual_dimensions.svg", folder / "servqual_dimensions.png", 5) >= 3


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_synthetic_figure(tmp_path: Path, lang: str) -> None:
    """Bars from the scale's bottom to its top, verdicts of every kind on the right."""
    dims = ["Miljö", "Bemötande", "Tillgänglighet", "Pålitlighet"]
    figure = Figure("dims", "Dimensioner", "dimension_gaps", {
        "categories": dims, "expectation": [7.0, 6.2, 1.5, 4.0],
        "perception": [1.2, 5.0, 6.9, 4.0], "gap": [-5.8, -1.2, 5.4, 0.0],
        "ci_low": [-6.0, -1.4, 5.0, -0.3], "ci_high": [-5.6, -1.0, 5.8, 0.3],
        "verdict": ["below", "below", "above", "unclear"],
        "verdict_labels": {"below": "under", "above": "över", "unclear": "oklart"},
        "scale": [1.0, 7.0],
        "labels": {"expectation": "E", "perception": "P", "mean": "Medel", "gap": "Gap"},
    })  # fmt: skip
    charts.save(figure, tmp_path, lang)
    assert _check(tmp_path / "dims.svg", tmp_path / "dims.png", len(dims)) >= 3
