"""Render a :class:`~servqual_cli.report.spec.Document` as one self-contained, accessible web page.

Like :mod:`~servqual_cli.report.markdown`, this module computes nothing: it lays the document out
and formats its numbers (cells in :mod:`~servqual_cli.report.html_cells`, the glance cards in
:mod:`~servqual_cli.report.html_cards`, both through :mod:`~servqual_cli.report.numbers`, so
Swedish pages get a decimal comma, "95 %" and "−"). The page

- is one file: CSS inline, charts as inline SVG (:mod:`~servqual_cli.report.html_charts`), no
  script, font or image from anywhere, and a Content-Security-Policy that forbids them;
- shows the "results at a glance" (:class:`~servqual_cli.report.spec.Glance`) first, as cards
  readable by a resident: value, target, verdict in words with an icon, change, the others'
  mean and rank, period and number of answers; a small base shows "too few answers";
- keeps every table, with p-values and method detail, in collapsible ``<details>`` below;
- follows WCAG 2.1 AA: ``lang``, one ``h1``, headings in order, landmarks, captioned tables with
  scoped headers, every chart followed by its values as a table, visible focus, contrast >= 4.5:1
  (W3C, *Web Content Accessibility Guidelines 2.1*, 2018; EN 301 549 v3.2.1, clause 9).

Everything from the data reaches the page through Jinja2 with autoescaping, so a group named
``<script>`` is text. Two runs on the same document give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from numbers import Real
from typing import Any

import pandas as pd
from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from servqual_cli.report.config import MIN_N
from servqual_cli.report.glance_small import small_change_note
from servqual_cli.report.html_cards import glance_card
from servqual_cli.report.html_cells import format_cell, missing
from servqual_cli.report.html_glossary import abbreviated, glossary, page_texts
from servqual_cli.report.html_words import hw
from servqual_cli.report.safe_text import html_safe
from servqual_cli.report.spec import (
    PLACEHOLDERS,
    Document,
    Figure,
    Glance,
    Section,
    Table,
    Text,
    number_columns,
)
from servqual_cli.report.typeset import html_text

# No script, frame, font, image or connection from anywhere; inline styles (the page's own
# stylesheet and matplotlib's style attributes) only. W3C, *Content Security Policy Level 3*.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
_SAFE_HREF = re.compile(r"\A(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9._/-]*\Z")


@dataclass(frozen=True)
class Link:
    """A table cell that links to a file beside the page (a relative path of safe characters
    only; anything else is shown as text)."""

    text: str
    href: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Download:
    """A file of the report folder the page links to (Excel, manifest)."""

    href: str
    label: str


@dataclass(frozen=True)
class PageOptions:
    """What the page needs besides the document.

    ``chart_svg(figure, uid, message)`` draws a figure as inline SVG (default: the report's
    matplotlib charts); ``data_csv`` maps a figure's name to the relative path of its CSV.
    """

    published: dt.date | None = None
    downloads: tuple[Download, ...] = ()
    data_csv: Mapping[str, str] = field(default_factory=dict)
    chart_svg: Callable[[Figure, str, str], Markup] | None = None
    frame_of: Callable[[Figure, str], pd.DataFrame | None] | None = None


# --- view models: plain dicts of text the template lays out --------------------------------


def _table_view(table: Table, uid: str, fallback_title: str, lang: str) -> dict[str, Any]:
    frame = table.frame
    columns = [str(c) for c in frame.columns]
    # right-aligned columns: the rule every renderer shares (spec.number_columns)
    numeric = number_columns(frame)
    row_header = bool(columns) and not numeric[0]
    # marked only where the table's own test says below 0: the flags its builder set
    # (below_test.flag_below), the cells Excel fills; a table without a test has none
    below = table.below
    rows = []
    for row, values in enumerate(frame.itertuples(index=False, name=None)):
        cells = []
        for name, value, num in zip(columns, values, numeric, strict=True):
            link = value if isinstance(value, Link) and _SAFE_HREF.match(value.href) else None
            text = (
                str(value)
                if isinstance(value, Link)
                else format_cell(value, table.formats.get(name), lang)
            )
            number = isinstance(value, Real) and not isinstance(value, bool) and not missing(value)
            negative = bool(name in below and below[name][row])
            # words in a number column ("ingen ökning kan skiljas från slumpen (högst …)") stay
            # right-aligned with the column but may wrap, unlike its numbers
            words = num and not number and not missing(value) and text not in PLACEHOLDERS
            cells.append({"text": text, "num": num, "neg": negative, "link": link, "words": words})
        rows.append(cells)
    return {
        "kind": "table",
        "uid": uid,
        "caption": table.title or fallback_title,
        # short forms in the headers explained (<abbr title>), the rest escaped
        # an empty header (the row labels' column) is named: axe's empty-table-header
        "columns": [
            {"text": abbreviated(str(c) or (hw("row_head", lang) if not i else ""), lang), "num": n}
            for i, (c, n) in enumerate(zip(columns, numeric, strict=True))
        ],
        "rows": rows,
        "row_header": row_header,
        "note": table.note,
        "legend": table.legend,  # the rule of the red, only where a cell is red
        # a flagged cell's mark in words, visually hidden (review 14, finding 7)
        "below_cell": table.below_cell,
        "notes": [],  # notes that follow the table in the document (see _block_views)
    }


@dataclass
class _Counter:
    n: int = 0

    def next(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}-{self.n}"


def _figure_view(figure: Figure, ids: _Counter, lang: str, options: PageOptions) -> dict[str, Any]:
    from servqual_cli.report.chart_data import figure_formats, figure_frame, figure_note
    from servqual_cli.report.html_charts import inline_svg

    uid = ids.next("fig")
    # the figcaption already reads the caption: with a description of its own, the SVG's desc is
    # that and where the values are, not the caption's sentences a second time (review 3,
    # finding 27); without one, the caption is the chart's only message
    tail = hw("chart_tail", lang)
    message = (
        tail
        if figure.description
        else " ".join(t for t in (figure.caption or figure.title, tail) if t)
    )
    frame_of = options.frame_of or figure_frame
    frame = frame_of(figure, lang)
    data = None
    if frame is not None:
        # the decimals of the table the chart illustrates (review 3, finding 19)
        table = Table(title=figure.title, frame=frame, formats=figure_formats(figure, frame),
                      note=figure_note(figure))  # fmt: skip
        data = _table_view(table, ids.next("tab"), "", lang)
    return {
        "kind": "figure",
        "uid": uid,
        "title": figure.title,
        "caption": figure.caption,
        "svg": (
            options.chart_svg(figure, uid, message)
            if options.chart_svg
            else inline_svg(figure, uid, message, lang)
        ),
        "data": data,
        "csv": options.data_csv.get(figure.name),
    }


def _is_table(views: list[dict[str, Any]]) -> bool:
    return bool(views[-1]["kind"] == "table")


def _block_views(
    section: Section, ids: _Counter, lang: str, options: PageOptions
) -> list[dict[str, Any]]:
    views: list[dict[str, Any]] = []
    for block in section.blocks:
        if isinstance(block, Glance):
            views.append(
                {
                    "kind": "glance",
                    "title": block.title,
                    "summary": list(block.summary),
                    "cards": [glance_card(r, lang, block.whole) for r in block.rows],
                    "small": any(r.small_base for r in block.rows),
                    "small_note": hw("too_few_note", lang, min_n=block.min_n or MIN_N)
                    + small_change_note(block, lang),
                    "note": block.note,
                }
            )
        elif isinstance(block, Table):
            views.append(_table_view(block, ids.next("tab"), section.title, lang))
        elif isinstance(block, Text) and block.technical and block.kind == "warning":
            # a section's checks of the instrument, for analysts: one collapsed list with one
            # plain sentence visible, at the first one's place (review 12b, finding 6)
            group = next((v for v in views if v["kind"] == "technical"), None)
            if group is None:
                group = {"kind": "technical", "items": []}
                views.append(group)
            group["items"].append(block.text)
        elif isinstance(block, Text) and block.kind == "note" and views[-1:] and _is_table(views):
            # a note right after a table is that table's method note: on the page it stays
            # inside the table's collapsed <details>, not in the residents' text (review 12b,
            # finding 6); Markdown keeps it as a callout under the table
            views[-1]["notes"].append(block.text)
        elif isinstance(block, Text):
            views.append({"kind": "text", "style": block.kind, "text": block.text})
        elif isinstance(block, Figure):
            views.append(_figure_view(block, ids, lang, options))
    return views


def _section_views(doc: Document, lang: str, options: PageOptions) -> list[dict[str, Any]]:
    ids = _Counter()
    views: list[dict[str, Any]] = []
    level = 1
    for section in doc.sections:
        title = section.title
        if not title:
            glance = next((b for b in section.blocks if isinstance(b, Glance)), None)
            title = glance.title if glance is not None else ""
        heading = None
        if title:
            level = max(2, min(section.level, level + 1, 6))  # no level skipped below the h1
            heading = {"id": ids.next("s"), "level": level, "text": title}
        views.append({"heading": heading, "blocks": _block_views(section, ids, lang, options)})
    return views


def _toc(sections: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    toc: list[dict[str, Any]] = []
    for view in sections:
        head = view["heading"]
        if head is None:
            continue
        if head["level"] == 2:  # the sub-sections stay out: the list is a first-screen guide
            toc.append(head)
    return toc


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("servqual_cli.report", "templates"),
        autoescape=True,  # every value from the data is escaped; only Markup passes as is
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["ty"] = html_text  # escapes, then ties "n = 345" and ISO dates (review 7 #8)
    return env


def render_html(doc: Document, options: PageOptions | None = None) -> str:
    """The whole page as text (UTF-8 when written).

    Parameters
    ----------
    doc : Document
        ``doc.meta`` may hold ``lang`` (``sv``/``en``, default ``en``), ``facts`` (label, value
        pairs such as the organisation and period) and ``version``.
    options : PageOptions, optional
        Publication date, the files to link to, the CSV of each chart.
    """
    options = options or PageOptions()
    lang = str(doc.meta.get("lang") or "en")
    lang = lang if lang in ("sv", "en") else "en"
    sections = _section_views(doc, lang, options)
    facts = [(str(k), str(v)) for k, v in (doc.meta.get("facts") or ())]
    published = None
    if options.published is not None:
        published = {
            "iso": options.published.isoformat(),
            "text": format_date(
                options.published, "long", locale="sv_SE" if lang == "sv" else "en_GB"
            ),
        }
    keys = ("skip", "toc", "published", "downloads", "show_table", "chart_data", "csv",
            "warning", "glossary", "glossary_intro", "technical", "technical_lead")  # fmt: skip
    words = {k: hw(k, lang) for k in keys}
    version = doc.meta.get("version")
    conf = doc.meta.get("conf")  # the intervals' level (--conf), when the document names it
    terms = glossary(page_texts(doc), lang, None if conf is None else float(conf))
    template = _environment().get_template("report.html.j2")
    return html_safe(
        template.render(
            lang=lang,
            csp=CSP,
            title=doc.title,
            facts=facts,
            published=published,
            sections=sections,
            toc=_toc(sections) + ([{"id": "glossary", "text": words["glossary"]}] if terms else []),
            glossary=terms,
            downloads=list(options.downloads),
            words=words,
            made_with=hw("made_with", lang, version=version) if version else None,
            css=Markup(_environment().loader.get_source(_environment(), "report.css")[0]),  # type: ignore[union-attr]
        )
    )  # raw controls from the data are parse errors: shown as escapes (review 2, item 15)


def downloads(lang: str, files: Sequence[str]) -> tuple[Download, ...]:
    """Links to the Excel file and the manifest of a report folder, labelled in ``lang``.

    >>> downloads("sv", ["report.xlsx"])[0].label
    'Alla tabeller i Excel (report.xlsx)'
    """
    label = {"report.xlsx": "excel", "manifest.json": "manifest"}
    return tuple(
        Download(name, f"{hw(label[name], lang)} ({name})") for name in files if name in label
    )
