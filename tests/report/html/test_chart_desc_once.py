"""A screen reader hears a chart's caption once (review 3, finding 27): the figcaption reads it,
so the SVG's name (title + desc) carries the description and where the values are, not the
caption's sentences again ("Strecken visar 95 % konfidensintervall" was read twice)."""

from __future__ import annotations

import re
from dataclasses import replace

from markupsafe import Markup

from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.html import PageOptions, render_html
from servqual_cli.report.html_charts import inline_svg
from servqual_cli.report.spec import Figure

from ..conftest import SAMPLES


def test_the_svg_desc_does_not_repeat_the_caption() -> None:
    config = replace(load_config(SAMPLES / "report_lekeberg.toml"), min_n=5)
    doc = build_report(config)
    seen: list[tuple[Figure, str]] = []

    def capture(figure: Figure, uid: str, message: str) -> Markup:
        seen.append((figure, message))
        return Markup(f'<svg role="img" id="{uid}"></svg>')

    page = render_html(doc, PageOptions(chart_svg=capture))
    captioned = [(f, m) for f, m in seen if f.caption]
    assert len(captioned) >= 6
    for figure, message in captioned:
        assert message == "Värdena finns i tabellen under diagrammet.", figure.name
        sentences = [s for s in re.split(r"(?<=\.) ", figure.caption or "") if s]
        assert not any(s in message for s in sentences), figure.name
        assert figure.caption in page  # the figcaption still says it
    bars = next(f for f, _ in seen if f.name == "contacts_phone_reached")
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", str(inline_svg(bars, "fig-9", seen[0][1])))
    assert desc is not None
    assert desc.group(1).count("konfidensintervall") == 1
    assert "visas inte" not in desc.group(1) and "Medel övriga" not in desc.group(1)
