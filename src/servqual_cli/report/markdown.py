"""Render a :class:`~servqual_cli.report.spec.Document` as GitHub-flavoured Markdown."""

from __future__ import annotations

from collections.abc import Callable

from servqual_cli.report.spec import Document, Figure, Section, Table, Text, format_value


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def render_table(table: Table, heading_level: int = 3) -> str:
    """A Markdown pipe table; numeric columns right-aligned."""
    frame = table.frame
    lines = []
    if table.title:
        lines += [f"{'#' * heading_level} {table.title}", ""]
    cols = [str(c) for c in frame.columns]
    lines.append("| " + " | ".join(_escape(c) for c in cols) + " |")
    aligns = []
    for c in frame.columns:
        numeric = frame[c].dtype.kind in "iuf"
        aligns.append("---:" if numeric else "---")
    lines.append("| " + " | ".join(aligns) + " |")
    for row in frame.itertuples(index=False, name=None):
        cells = [
            _escape(format_value(v, table.formats.get(str(c))))
            for c, v in zip(frame.columns, row, strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if table.note:
        lines += ["", f"*{table.note}*"]
    return "\n".join(lines)


def render_document(
    doc: Document, figure_link: Callable[[Figure], str] | None = None, top_level: int = 1
) -> str:
    """The whole document; ``figure_link`` gives the relative image path of a figure."""
    parts = [f"{'#' * top_level} {doc.title}", ""] if doc.title else []
    for section in doc.sections:
        parts.append(_render_section(section, figure_link, top_level))
    return "\n".join(parts).rstrip() + "\n"


def _render_section(
    section: Section, figure_link: Callable[[Figure], str] | None, top_level: int
) -> str:
    level = top_level + section.level - 1
    out = [f"{'#' * level} {section.title}", ""] if section.title else []
    for block in section.blocks:
        if isinstance(block, Table):
            out += [render_table(block, level + 1), ""]
        elif isinstance(block, Text):
            prefix = {"warning": "> **Varning/Warning:** ", "note": "> "}.get(block.kind, "")
            out += [prefix + block.text, ""]
        elif isinstance(block, Figure) and figure_link is not None:
            out += [f"![{block.title}]({figure_link(block)})", ""]
            if block.caption:
                out += [f"*{block.caption}*", ""]
    return "\n".join(out)
