"""Render a :class:`~servqual_cli.report.spec.Document` as GitHub-flavoured Markdown.

Used by ``servqual gap -f markdown`` (tables only) and by ``servqual report`` (with relative image
links). The output depends only on the document, so two runs give the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from servqual_cli.report.safe_text import visible
from servqual_cli.report.spec import (
    Document,
    Figure,
    Glance,
    Section,
    Table,
    Text,
    format_value,
    number_columns,
)

# A tag, comment, declaration or autolink can only start with "<" and one of these.
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
# The one link the renderer itself puts in a cell: an index entry to a sibling report.
_SAFE_LINK = re.compile(r"\[[A-Za-z0-9._/-]+\]\([A-Za-z0-9._/-]+\)")


def inert(text: str) -> str:
    r"""Data-derived text made inert in Markdown: no HTML, no links, no images.

    Control characters are shown as escapes (:func:`~servqual_cli.report.safe_text.visible`),
    backslashes are doubled, ``<`` before a tag or autolink becomes ``&lt;`` and ``](`` / ``][``
    lose their meaning, so ``<script>`` and ``[x](javascript:…)`` from a group name are shown as
    written (CommonMark 0.31, sections 2.4 and 6.3-6.6). ``<0.001`` and other text keep their
    bytes.

    >>> inert("<script>alert(1)</script> [x](javascript:alert(1)) p <0.001")
    '&lt;script>alert(1)&lt;/script> [x\\](javascript:alert(1)) p <0.001'
    """
    text = visible(text, newlines=True).replace("\\", "\\\\")
    text = _HTML_START.sub("&lt;", text)
    return text.replace("](", "\\](").replace("][", "\\][").replace("]:", "\\]:")


def _escape(cell: str) -> str:
    if _SAFE_LINK.fullmatch(cell):
        return cell
    return inert(cell).replace("|", "\\|").replace("\n", " ")


def _escape_alt(text: str) -> str:
    # Brackets in an image's alt text would end the link early.
    text = _HTML_START.sub("&lt;", visible(text).replace("\\", "\\\\"))
    return text.replace("[", "\\[").replace("]", "\\]").replace("\n", " ")


def _line(text: str) -> str:
    """A heading: inert, on one line."""
    return " ".join(inert(text).split())


def figure_stem(figure: Figure) -> str:
    """The file name (without extension) of a figure: ASCII, safe in a URL and on any disk.

    >>> figure_stem(Figure("kpi_nåbarhet", "", "bars", None))
    'kpi_nabarhet'
    """
    text = unicodedata.normalize("NFKD", figure.name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_") or "figure"


def relative_png(figure: Figure) -> str:
    """The link ``servqual report`` uses: ``figures/<stem>.png``, relative to report.md."""
    return f"figures/{figure_stem(figure)}.png"


def render_table(
    table: Table, heading_level: int = 3, lang: str | None = None, number: str | None = None
) -> str:
    """A Markdown pipe table; number columns right-aligned, numbers in ``lang``'s format;
    ``number`` ("Tabell 3.") goes before the title."""
    frame = table.frame
    lines = []
    if table.title:
        title = f"{number} {table.title}" if number else table.title
        lines += [f"{'#' * heading_level} {_line(title)}", ""]
    cols = [str(c) for c in frame.columns]
    lines.append("| " + " | ".join(_escape(c) for c in cols) + " |")
    # Markdown aligns whole columns: a column of mostly numbers is right-aligned, its words too
    # (spec.number_columns, the rule every renderer shares)
    aligns = ["---:" if numeric else "---" for numeric in number_columns(frame)]
    lines.append("| " + " | ".join(aligns) + " |")
    for row in frame.itertuples(index=False, name=None):
        cells = [
            _escape(format_value(v, table.formats.get(str(c)), lang))
            for c, v in zip(frame.columns, row, strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if table.note:
        lines += ["", f"*{inert(table.note)}*"]
    return "\n".join(lines)


def render_document(
    doc: Document, figure_link: Callable[[Figure], str] | None = None, top_level: int = 1
) -> str:
    """The whole document.

    Parameters
    ----------
    doc : Document
    figure_link : callable, optional
        Gives the (relative) image path of a figure; without it figures are left out, as in the
        single-file Markdown output of the analysis commands.
    top_level : int
        Heading level of the document title.
    """
    parts = [f"{'#' * top_level} {_line(doc.title)}", ""] if doc.title else []
    facts = list(doc.meta.get("facts") or ())
    lang = str(doc.meta.get("lang", ""))
    if doc.meta.get("date") and lang in ("sv", "en"):  # the report's date (issue #9 item 8)
        from servqual_cli.report.catalog import rl

        facts.append((rl("report_date", lang), str(doc.meta["date"])))
    if facts:
        parts += ["  \n".join(f"**{inert(k)}:** {inert(v)}" for k, v in facts), ""]
    numbered = figure_link is not None and bool(lang)  # a report: contents, numbered tables
    if numbered:
        parts += _contents(doc, lang, top_level)
    counter = {"table": 0, "figure": 0} if numbered else None
    for section in doc.sections:
        parts.append(_render_section(section, figure_link, top_level, lang, counter))
    return "\n".join(parts).rstrip() + "\n"


def anchor(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation removed, spaces to hyphens.

    >>> anchor("Resultat i korthet"), anchor("SERVQUAL: förväntan och upplevelse")
    ('resultat-i-korthet', 'servqual-förväntan-och-upplevelse')
    """
    text = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return text.replace(" ", "-")


def _contents(doc: Document, lang: str, top_level: int) -> list[str]:
    """A table of contents of the top sections (level 2) with links to their headings."""
    from servqual_cli.report.catalog import rl

    titles = [s.title for s in doc.sections if s.level == 2 and s.title]
    if len(titles) < 2:
        return []
    lines = [f"{'#' * (top_level + 1)} {rl('toc', lang)}", ""]
    lines += [f"{i}. [{_escape_alt(t)}](#{anchor(t)})" for i, t in enumerate(titles, start=1)]
    return [*lines, ""]


def _number(counter: dict[str, int] | None, kind: str, lang: str) -> str | None:
    """The next "Tabell 3." / "Figur 2." (None when the document is not numbered)."""
    if counter is None:
        return None
    from servqual_cli.report.catalog import rl

    counter[kind] += 1
    return rl(f"{kind}_no", lang, n=counter[kind])


def _render_section(
    section: Section,
    figure_link: Callable[[Figure], str] | None,
    top_level: int,
    lang: str,
    counter: dict[str, int] | None = None,
) -> str:
    level = top_level + section.level - 1
    out = [f"{'#' * level} {_line(section.title)}", ""] if section.title else []
    for block in section.blocks:
        if isinstance(block, Table):
            number = _number(counter, "table", lang) if block.title else None
            out += [render_table(block, level + 1, lang or None, number), ""]
        elif isinstance(block, Text):
            from servqual_cli.report.catalog import rl

            # the report's shared label; a document without a language is English (every
            # Swedish one is named by cli.output.in_language): review 13, finding 14
            word = rl("warning", lang or "en")
            prefix = {"warning": f"> **{word}:** ", "note": "> "}.get(block.kind, "")
            out += [prefix + inert(block.text), ""]
        elif isinstance(block, Glance):
            from servqual_cli.report.glance_table import glance_table

            # one Markdown paragraph per paragraph of the overview (review 7, finding 14)
            out += [x for line in block.summary for x in (inert(line), "")]
            out += [render_table(glance_table(block, lang or "en"), level + 1, lang or None), ""]
        elif isinstance(block, Figure) and figure_link is not None:
            out += [f"![{_escape_alt(block.title)}]({figure_link(block)})", ""]
            number = _number(counter, "figure", lang)
            head = f"{number} {block.title.rstrip('.')}." if number else None
            caption = " ".join(x for x in (head, block.caption) if x)
            if caption:
                out += [f"*{inert(caption)}*", ""]
    return "\n".join(out)
