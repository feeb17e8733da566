"""Render a :class:`~servqual_cli.report.spec.Document` as rich tables on the terminal."""

from __future__ import annotations

import io
import sys

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text as RichText

from servqual_cli.report.spec import Document, Glance, Table, Text, format_value


def _console(record: bool = False) -> Console:
    out = sys.stdout
    width = None if out.isatty() else 160  # piped output: wide enough not to wrap tables
    return Console(file=out, width=width, highlight=False, record=record, soft_wrap=False)


def _rich_table(table: Table, lang: str | None = None) -> RichTable:
    rt = RichTable(title=table.title or None, title_justify="left", title_style="bold")
    for col in table.frame.columns:
        numeric = table.frame[col].dtype.kind in "iuf"
        rt.add_column(str(col), justify="right" if numeric else "left")
    signed = set(table.signed)
    for row in table.frame.itertuples(index=False, name=None):
        cells = []
        for col, value in zip(table.frame.columns, row, strict=True):
            text = format_value(value, table.formats.get(str(col)), lang)
            negative = str(col) in signed and isinstance(value, int | float) and value < 0
            cells.append(RichText(text, style="bold red" if negative else ""))
        rt.add_row(*cells)
    if table.note:
        rt.caption = table.note
        rt.caption_justify = "left"
    return rt


def print_document(doc: Document, console: Console | None = None) -> None:
    con = console or _console()
    lang = doc.meta.get("lang")  # numbers in the document's language (report.numbers)
    if doc.title:
        con.print(RichText(doc.title, style="bold underline"))
    for section in doc.sections:
        if section.title:
            con.print()
            con.print(RichText(section.title, style="bold"))
        for block in section.blocks:
            if isinstance(block, Table):
                con.print()
                con.print(_rich_table(block, lang))
            elif isinstance(block, Glance):  # the report's overview: paragraph, then the table
                from servqual_cli.report.glance import glance_table

                for line in block.summary:
                    con.print(RichText(line))
                con.print(_rich_table(glance_table(block, str(lang or "en")), lang))
            elif isinstance(block, Text):
                style = {"warning": "yellow", "note": "dim"}.get(block.kind, "")
                con.print(RichText(block.text, style=style))


def render_text(doc: Document) -> str:
    """Plain-text rendering (for ``-o file.txt``)."""
    buf = io.StringIO()
    con = Console(file=buf, width=160, highlight=False, color_system=None, soft_wrap=False)
    print_document(doc, con)
    return buf.getvalue()
