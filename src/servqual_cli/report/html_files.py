"""Write the HTML page of a report folder and the data of its charts.

``servqual report ... -o DIR`` calls :func:`write_page`: ``DIR/report.html`` and, per chart,
``DIR/data/<chart>.csv`` (:func:`~servqual_cli.report.chart_data.web_csv`), named like the
chart's PNG and SVG in ``DIR/figures/``. ``--split`` calls :func:`write_index_page` for
``DIR/index.html``, linking each group's ``report.html``. Both write into the staging folder of
:func:`~servqual_cli.report.writer.staged`, so they are atomic with the rest of the report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd

from servqual_cli.report.chart_data import figure_frame, web_csv
from servqual_cli.report.html import Link, PageOptions, downloads, render_html
from servqual_cli.report.markdown import figure_stem
from servqual_cli.report.spec import Document, Figure, Section, Table

_MD_LINK = re.compile(r"\A\[(?P<text>[^\]]*)\]\((?P<href>[^)\s]+)\.md\)\Z")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _figures(doc: Document) -> list[Figure]:
    return [b for s in doc.sections for b in s.blocks if isinstance(b, Figure)]


def _date(doc: Document, published: dt.datetime) -> dt.date:
    """The report's own date (config ``date``, see
    :func:`servqual_cli.report.build_meta.report_date`) when the document has one, else the day
    of the time stamp."""
    given = doc.meta.get("date")
    return dt.date.fromisoformat(str(given)) if given else published.date()


def write_page(folder: Path, doc: Document, published: dt.datetime) -> list[str]:
    """Write ``report.html``, ``data/<chart>.csv`` and the parts' data files (``doc.meta
    ["files"]``: ``data/tolerance_dimensions.csv``) into ``folder``; return their paths
    relative to it (the manifest lists each with its SHA-256)."""
    lang = str(doc.meta.get("lang") or "en")
    written: list[str] = []
    csv_of: dict[str, str] = {}
    for figure in _figures(doc):
        frame = figure_frame(figure, lang)
        if frame is None:
            continue
        name = f"data/{figure_stem(figure)}.csv"
        _write(folder / name, web_csv(frame, lang))
        csv_of[figure.name] = name
        written.append(name)
    for name, frame in doc.meta.get("files") or ():  # the parts' own data (tolerance)
        _write(folder / name, web_csv(frame, lang))
        written.append(name)
    options = PageOptions(
        published=_date(doc, published),
        downloads=downloads(lang, ["report.xlsx", "manifest.json"]),
        data_csv=csv_of,
    )
    _write(folder / "report.html", render_html(doc, options))
    return [*written, "report.html"]


def _html_links(table: Table) -> Table:
    """Markdown links to ``x/report.md`` become links to ``x/report.html``."""
    frame = table.frame.copy()
    for column in frame.columns:
        if frame[column].dtype.kind != "O":
            continue
        found = frame[column].astype(str).str.extract(_MD_LINK)
        linked = found["href"].notna()
        # a column of links, "–" where a row has none (the whole municipality's row)
        if len(frame) and linked.any() and (linked | frame[column].eq("–")).all():
            links = [
                Link(f"{h}.html", f"{h}.html") if isinstance(h, str) else "–"
                for h in found["href"].tolist()
            ]
            frame[column] = pd.Series(links, index=frame.index, dtype=object)
    return replace(table, frame=frame)


def write_index_page(folder: Path, index: Document, published: dt.datetime) -> list[str]:
    """Write ``index.html`` of a ``--split`` folder (the index document with its links to the
    groups' pages)."""
    sections = tuple(
        Section(
            s.title,
            tuple(_html_links(b) if isinstance(b, Table) else b for b in s.blocks),
            s.level,
        )
        for s in index.sections
    )
    lang = str(index.meta.get("lang") or "en")
    page = replace(index, sections=sections)
    options = PageOptions(
        published=_date(index, published), downloads=downloads(lang, ["manifest.json"])
    )
    _write(folder / "index.html", render_html(page, options))
    return ["index.html"]


def command_page(doc: Document, lang: str) -> str:
    """The page of one command's output (``--format html``): the same page as a report's,
    dated by :func:`~servqual_cli.report.manifest.report_time` (``SOURCE_DATE_EPOCH`` when
    set), without links to files it does not write."""
    from servqual_cli import __version__
    from servqual_cli.report.manifest import report_time

    stamp, _ = report_time()
    meta = {"version": __version__, **doc.meta, "lang": doc.meta.get("lang") or lang}
    return render_html(replace(doc, meta=meta), PageOptions(published=stamp.date()))
