"""Charts for the HTML report: the report's own matplotlib charts, inlined as accessible SVG.

The SVG is the very file :func:`servqual_cli.report.charts.save` wrote (drawn once; a figure
not saved in this process is drawn here), with its text kept as ``<text>`` so labels stay text a
screen reader, a search engine and a translation tool can read. It is made fit to live inside a
page:

- the XML prolog, DOCTYPE, RDF metadata, comments and the global ``<style>`` matplotlib writes
  are removed (an inline ``<style>`` would apply to the whole page);
- every ``id`` gets the figure's prefix, so two charts on one page never share an id;
- the file's own ``<title>``/``<desc>`` are replaced by the page's: the root gets
  ``role="img"``, ``aria-labelledby`` and a ``<title>``/``<desc>`` pair with ids of this chart
  (WAI-ARIA Graphics Module; W3C, *SVG 2*, §5.4 "The desc and title elements").

On a narrow screen a chart no longer shrinks to fit (review 6, finding 12: on a 390 px phone
the SVGs came out at about 45 % with 4-5 px labels): it keeps at least :data:`MIN_SCALE` of its
drawn width, so its smallest text (8 pt) stays above 9 CSS px, and scrolls sideways inside a
focusable, labelled scroll region (``role="region"``, ``tabindex="0"``: WCAG 2.1, 2.1.1 and
axe's "scrollable-region-focusable"), as the tables do. The page itself never scrolls sideways
(1.4.10 lets two-dimensional content such as charts scroll within itself). Print drops the
minimum width (report.css).

Labels drawn in the chart are XML-escaped by matplotlib's SVG writer; the title and message
given here are escaped with :func:`markupsafe.escape`.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from servqual_cli.report import charts
from servqual_cli.report.spec import Figure

_PROLOG = re.compile(r"\A.*?(?=<svg[\s>])", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EMPTY_DEFS = re.compile(r"<defs>\s*</defs>\s*")
_ID = re.compile(r'(\sid=")([^"]+)(")')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')
_ROOT = re.compile(r"<svg\b([^>]*)>")
_WIDTH = re.compile(r'\swidth="([0-9.]+)pt"')
MIN_SCALE = 0.9  # of the drawn width: 8 pt text at 96 px per inch and 0.9 is 9.6 CSS px
PX_PER_PT = 96 / 72
# what charts.accessible_svg put in the file: replaced here by the page's labels
_OWN_LABELS = re.compile(r'<title id="chart-title">[^<]*</title><desc id="chart-desc">[^<]*</desc>')
_OWN_ROLE = re.compile(r' role="img" aria-labelledby="chart-title chart-desc"')


def min_width(svg_root: str) -> str:
    """The inline style that keeps a chart at :data:`MIN_SCALE` of its drawn width (in CSS px,
    whole), or nothing when the root gives no width in pt.

    >>> min_width(' width="576pt" height="244.8pt"'), min_width(' width="100%"')
    (' style="min-width: 691px"', '')
    """
    m = _WIDTH.search(svg_root)
    if m is None:
        return ""
    return f' style="min-width: {round(float(m[1]) * PX_PER_PT * MIN_SCALE)}px"'


def svg_markup(svg: str, uid: str, title: str, message: str, region: str | None = None) -> Markup:
    """Make matplotlib's SVG document an accessible fragment for inline use, inside its scroll
    region (see the module's note on narrow screens).

    >>> out = svg_markup('<?xml version="1.0"?>\\n<svg width="10pt" viewBox="0 0 10 10">'
    ...     '<defs><style>*{x}</style></defs><g id="a"><use xlink:href="#a"/></g></svg>',
    ...     "fig-1", "Svar <i>", "Andelen steg.")
    >>> print(out)  # doctest: +NORMALIZE_WHITESPACE
    <div class="scroll chart-scroll" role="region" tabindex="0"
    aria-labelledby="fig-1-title"><svg width="10pt" viewBox="0 0 10 10" class="chart"
    style="min-width: 12px" role="img" aria-labelledby="fig-1-title fig-1-desc"><title
    id="fig-1-title">Svar &lt;i&gt;</title><desc id="fig-1-desc">Andelen steg.</desc><g
    id="fig-1-a"><use xlink:href="#fig-1-a"/></g></svg></div>
    """
    text = _PROLOG.sub("", svg, count=1)
    text = _OWN_ROLE.sub("", _OWN_LABELS.sub("", text, count=1), count=1)
    text = _COMMENT.sub("", _METADATA.sub("", text))
    text = _EMPTY_DEFS.sub("", _STYLE.sub("", text))
    text = _ID.sub(lambda m: f"{m[1]}{uid}-{m[2]}{m[3]}", text)
    text = _REF.sub(lambda m: f"{m[1]}{uid}-{m[2]}", text)
    labels = (
        f'role="img" aria-labelledby="{uid}-title {uid}-desc">'
        f'<title id="{uid}-title">{escape(title)}</title>'
        f'<desc id="{uid}-desc">{escape(message)}</desc>'
    )
    text = _ROOT.sub(lambda m: f'<svg{m[1]} class="chart"{min_width(m[1])} {labels}', text,
                     count=1)  # fmt: skip
    # ``region`` ("Diagram"): the scroll region's name differs from its data table's region,
    # which has the same title (axe's landmark-unique; review 12b, finding 14)
    if region:
        name = f'aria-labelledby="{uid}-kind {uid}-title"'
        text = f'<span id="{uid}-kind" hidden>{escape(region)}</span>{text.strip()}'
    else:
        name = f'aria-labelledby="{uid}-title"'
    return Markup(f'<div class="scroll chart-scroll" role="region" tabindex="0" {name}>'
                  f"{text.strip()}</div>")  # fmt: skip


def inline_svg(figure: Figure, uid: str, message: str, lang: str | None = None) -> Markup:
    """``figure`` (see :mod:`~servqual_cli.report.charts`) as an inline SVG fragment: the SVG
    its file has when the report saved it in this process, else drawn now, with tick labels in
    ``lang``'s number format (the page's language; the figure's own ``lang`` wins). The
    ``<desc>`` is the figure's description followed by ``message``; the page's figcaption
    carries the caption, so a screen reader that reads both never hears it twice (review 3,
    finding 27)."""
    svg = charts.drawn_svg(figure)
    if svg is None:
        own = figure.data.get("lang") if isinstance(figure.data, dict) else None
        lang = lang if own is None else str(own)
        fig = charts.render(figure, lang)
        svg = charts.svg_of(fig, figure, lang)
    desc = " ".join(t for t in (figure.description, message) if t)
    from servqual_cli.report.html_words import hw

    return svg_markup(svg, uid, figure.title, desc, hw("chart_region", lang or "en"))
