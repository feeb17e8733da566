"""Review 17, finding 8: with the inverted-zone entry ("ingen bedömning (påstående med omvänd
zon)") the tolerance chart's legend wrapped three to a row and its last entry ran off the PNG
("inom zone"). The legend now takes as many columns as fit; every entry lies inside the figure,
whichever verdicts the chart shows. Fails on the old code (three columns always).
"""

from __future__ import annotations

import pytest

from servqual_cli.report import charts
from servqual_cli.report.chart_words import cw
from servqual_cli.report.spec import Figure

CODES = ("unclear", "inverted_item", "inside", "below", "above", "inverted")


def _figure(lang: str, codes: tuple[str, ...], names: list[str]) -> Figure:
    k = len(names)
    return Figure("tolerance_zone", "Toleranszon per dimension", "tolerance_zone", {
        "categories": names, "adequate": [4.5] * k, "desired": [6.0] * k,
        "perception": [5.0] * k, "scale": [1.0, 7.0],
        "position": [codes[j % len(codes)] for j in range(k)],
        "position_labels": {c: cw(f"chart_zone_{c}", lang) for c in codes},
        "labels": {"zone": "Toleranszon (A–D)", "perception": "Upplevd (P)",
                   "x": "Medelvärde (skala 1–7)"},
    })  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    ("codes", "names"),
    [
        # review 17's chart: four entries, short dimension names
        (CODES[:3], ["Fysisk miljö", "Tillförlitlighet", "Lyhördhet", "Trygghet", "Empati"]),
        # every verdict (seven entries) beside long labels that push the axes right
        (CODES, ["Påstående 12: personalen ger snabb service", "Empati", "Trygghet",
                 "Lyhördhet", "Tillförlitlighet", "Fysisk miljö"]),
    ],
)  # fmt: skip
def test_every_legend_entry_lies_inside_the_figure(
    lang: str, codes: tuple[str, ...], names: list[str]
) -> None:
    fig = charts.render(_figure(lang, codes, names), lang)
    fig.draw_without_rendering()  # every text placed, as in the saved PNG
    legend = fig.axes[0].get_legend()
    texts = [t.get_text() for t in legend.get_texts()]
    assert len(texts) == len(codes) + 1  # the zone and each verdict shown
    assert cw("chart_zone_inverted_item", lang) in texts
    page = fig.bbox
    for artist in (legend, *legend.get_texts()):
        box = artist.get_window_extent()
        assert page.x0 <= box.x0 and box.x1 <= page.x1, (artist, box, page)
        assert page.y0 <= box.y0 and box.y1 <= page.y1, (artist, box, page)
