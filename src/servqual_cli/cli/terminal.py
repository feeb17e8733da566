"""Render a :class:`~servqual_cli.report.spec.Document` as rich tables on the terminal.

Two promises hold for every rendering (tables, titles, notes, warnings):

- text from the data is shown, never obeyed: it is passed to rich as plain ``Text`` (no markup
  parsing, so ``[link=…]`` or ``[/bold]`` in a group name is printed as written) and control
  characters (ESC, BEL, CR, bidi overrides) are shown as ``\\x1b``-style escapes
  (:func:`visible`);
- numbers are never cut: a numeric column is as wide as its widest number; headers and text
  cells wrap; a table wider than the terminal (of at least 60 columns) is folded into stacked
  blocks that repeat the leading label columns;
- a number stays on its line with its unit ("91,5 %", "14 dagar", "+5,8 procentenheter",
  "n = 345", "1 951"): see :class:`Tied`.
"""

from __future__ import annotations

import io
import re
import sys
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group
from rich.containers import Lines
from rich.measure import Measurement
from rich.table import Table as RichTable
from rich.text import Text as RichText

from servqual_cli.report.catalog import label
from servqual_cli.report.safe_text import visible
from servqual_cli.report.spec import PLACEHOLDERS, Document, Glance, Table, Text, format_value

MIN_WIDTH = 60
_TEXT_MIN = 10  # a text column may wrap down to this width
# ... or to its longest word, up to this width ("Samhällsbyggnadsförvaltningen" is 29)
_TEXT_MAX = 32


# Rich breaks a line at any whitespace, the no-break space included (rich/_wrap.py words by
# r"\s*\S+\s*", and "\xa0" is \s): "91,5 %" came out as "91,5⏎%" in a narrow column. While
# rich wraps, each space a line must not break at is a private-use character (one cell wide,
# not whitespace), and every wrapped line gets its space back: the text shown and copied is
# unchanged.
_NBSP, _NBSP_MARK, _SPACE_MARK = "\xa0", "\ue000", "\ue001"


def tied(text: str) -> str:
    """``text`` with the spaces rich must not break at marked: every no-break space, and the
    spaces of a number with its unit and of "n = 345"
    (:func:`~servqual_cli.report.unbreakable.unbreakable_runs`, the page's rule). A text that holds
    a mark already is left as it is (wrapped as rich would).

    >>> tied("Tekniska 78,6\xa0% (n = 345), 14 dagar") == (
    ...     "Tekniska 78,6\ue000% (n\ue001=\ue001345), 14\ue001dagar")
    True
    """
    if _NBSP_MARK in text or _SPACE_MARK in text:
        return text
    # the rule without the page's typesetting (report.typeset loads markupsafe): a terminal
    # render loads neither (m-misc, session 12)
    from servqual_cli.report.unbreakable import unbreakable_runs

    marked = list(text.replace(_NBSP, _NBSP_MARK))
    for start, end in unbreakable_runs(text):
        marked[start:end] = [_SPACE_MARK if c == " " else c for c in marked[start:end]]
    return "".join(marked)


def _untied(text: str) -> str:
    return text.replace(_NBSP_MARK, _NBSP).replace(_SPACE_MARK, " ")


# An interval's level stays with its "KI"/"CI" in a header: "90 %⏎KI låg" left "KI låg" on a
# line of its own, an interval heading without its level (review 5, finding 21), once header
# words were no longer broken (review 10c, finding 2).
_LEVEL_KI = re.compile(r"(?<=%) (?=[KC]I\b)")


def header_tied(text: str) -> str:
    """A header marked as :func:`tied` marks a cell, and the space between an interval's level
    and "KI"/"CI" marked too.

    >>> header_tied("90\xa0% KI låg") == "90\ue000%\ue001KI låg"
    True
    >>> header_tied("95% CI high") == "95%\ue001CI high"
    True
    """
    return _LEVEL_KI.sub(_SPACE_MARK, tied(text))


class Tied(RichText):
    """A rich ``Text`` that never breaks a line inside a number with its unit (:func:`tied`):
    rich wraps the marked text, then each line gets its spaces back (same length, so the styles
    stay where they were)."""

    _mark = staticmethod(tied)

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        text = self.plain
        marked_text = self._mark(text)
        if marked_text == text:
            return super().wrap(console, width, **options)
        marked = self.copy()  # a plain Text: wrapped by rich's own rule
        marked.plain = marked_text
        lines = marked.wrap(console, width, **options)
        for line in lines:
            line.plain = _untied(line.plain)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        natural = super().__rich_measure__(console, options)
        least = max((cell_len(w) for w in self._mark(self.plain).split()), default=0)
        return Measurement(min(max(natural.minimum, least), natural.maximum), natural.maximum)


class _Header(Tied):
    """A column header: wrapped at its spaces, the level kept with "KI" (:func:`header_tied`)."""

    _mark = staticmethod(header_tied)


def plain(text: Any, style: str = "", newlines: bool = False) -> RichText:
    """Data-derived text as a rich ``Text``: never parsed as markup, controls made visible, a
    number kept on its line with its unit (:class:`Tied`)."""
    return Tied(visible(text, newlines), style=style)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich would exit with status 1; the CLI exits quietly with 0, as other Unix tools do.
        raise BrokenPipeError


def _console(record: bool = False) -> Console:
    out = sys.stdout
    width = None if out.isatty() else 160  # piped output: wide enough not to wrap tables
    return _Console(file=out, width=width, highlight=False, record=record, soft_wrap=False)


def _cells(
    table: Table, lang: str | None = None
) -> tuple[list[str], list[list[str]], list[bool], list[list[bool]]]:
    """Headers, formatted cells (by column), which columns are numeric, which cells are set
    apart: the cells the table's own test puts below 0 (:attr:`Table.below`, the flag Excel and
    the web page read), never every negative value (review 12c, finding 6)."""
    frame = table.frame
    headers = [visible(c) for c in frame.columns]
    columns: list[list[str]] = []
    numeric: list[bool] = []
    negative: list[list[bool]] = []
    for col in frame.columns:
        values = frame[col].tolist()
        fmt = table.formats.get(str(col))
        columns.append([visible(format_value(v, fmt, lang)) for v in values])
        numeric.append(frame[col].dtype.kind in "iuf")
        negative.append(list(table.below.get(str(col), (False,) * len(values))))
    return headers, columns, numeric, negative


def _widths(header: str, cells: list[str], is_numeric: bool) -> tuple[int, int]:
    """(natural, least) width of a column: numbers never narrower than the widest number."""
    longest = max((len(c) for c in cells), default=1)
    # a header wraps at its spaces only: never narrower than its longest word ("95 %" is one
    # word), or "Med kontaktuppgifter" read "Med kontaktuppgi│fter" (review 10c, finding 2)
    word = max((len(w) for w in header_tied(header).split()), default=1)
    natural = max(longest, len(header), 1)
    if is_numeric:
        return natural, max(longest, word, 1)
    cell_word = max((len(w) for c in cells for w in tied(c).split()), default=1)
    text_least = min(natural, max(_TEXT_MIN, min(max(word, cell_word), _TEXT_MAX)))
    return natural, max(text_least, word)


def _overhead(n: int) -> int:
    return 3 * n + 1  # padding 1+1 and a rule per column, and the last rule


def _fit(natural: list[int], least: list[int], text: list[bool], width: int) -> list[int]:
    """Shrink the widest shrinkable columns until the table fits (never below ``least``):
    the headers of numeric columns wrap first, text columns only after them."""
    widths = list(natural)
    excess = sum(widths) + _overhead(len(widths)) - width
    while excess > 0:
        slack = [w - m for w, m in zip(widths, least, strict=True)]
        j = max(
            range(len(widths)),
            key=lambda k: (slack[k] > 0, not text[k], widths[k], -k),
        )
        if slack[j] <= 0:
            break
        widths[j] -= 1
        excess -= 1
    return widths


def _labels(least: list[int], numeric: list[bool], width: int) -> int:
    """How many leading columns every block repeats: the label (text) columns before the first
    number column, at least the first, and no more than leaves room for the widest other column.
    Repeating the first alone left a block of "Typ 0,325 / … / Förvaltning 0,039" whose p values
    could not be matched to their group (review 10c, finding 2).

    >>> _labels([11, 30, 5, 5], [False, False, True, True], 100)
    2
    >>> _labels([11, 30, 40], [False, False, True], 80)  # 11+30+40 and 4 rules: no room
    1
    """
    n = len(least)
    leading = next((j for j, num in enumerate(numeric) if num), n)
    r = max(1, min(leading, n - 1))
    while r > 1 and sum(least[:r]) + _overhead(r) + max(least[r:]) + 3 > width:
        r -= 1
    return r


def _blocks(least: list[int], width: int, labels: int = 1) -> list[list[int]]:
    """Column indices of each stacked block: the first ``labels`` columns repeated, the rest
    packed in order.

    >>> _blocks([10, 20, 30, 30], 80, labels=2)
    [[0, 1, 2], [0, 1, 3]]
    >>> _blocks([10, 20, 30], 80, labels=2)
    [[0, 1, 2]]
    """
    n = len(least)
    labels = max(1, min(labels, n - 1)) if n > 1 else n
    if sum(least) + _overhead(n) <= width or n - labels <= 1:
        return [list(range(n))]
    head = list(range(labels))
    base = sum(least[:labels]) + _overhead(labels)
    blocks: list[list[int]] = []
    current, used = list(head), base
    for j in range(labels, n):
        need = least[j] + 3
        if len(current) > labels and used + need > width:
            blocks.append(current)
            current, used = list(head), base
        current.append(j)
        used += need
    blocks.append(current)
    return blocks


def _rich_tables(
    table: Table, width: int, lang: str | None = None, colour: bool = False
) -> tuple[list[RichTable], RichText | None]:
    """The table's blocks, and its note when the table was folded into several blocks: a
    caption wraps to its own table's width, so under a narrow last block ("(2/2)", Skala and
    McDonalds ω: 23 columns) the note read four words a line (review 11b, finding 10); the note
    of a folded table is printed after its blocks at the terminal's width instead. With
    ``colour`` (a console that draws it) the legend of the red follows the note."""
    headers, columns, numeric, negative = _cells(table, lang)
    sizes = [_widths(h, c, n) for h, c, n in zip(headers, columns, numeric, strict=True)]
    width = max(width, MIN_WIDTH)
    least = [s[1] for s in sizes]
    labels = _labels(least, numeric, width)
    blocks = _blocks(least, width, labels)
    # A continuation block whose every data cell is a placeholder ("–") is left out, and a
    # line under the table names its columns: it held no value to hide (review 10c, finding 6:
    # "Förändring –" on every row took a block of its own). The first block always shows.
    empty = [
        k > 0 and all(c.strip() in PLACEHOLDERS for j in block[labels:] for c in columns[j])
        for k, block in enumerate(blocks)
    ]
    left_out = [
        headers[j] for block, e in zip(blocks, empty, strict=True) if e for j in block[labels:]
    ]
    blocks = [block for block, e in zip(blocks, empty, strict=True) if not e]
    legend = table.legend if colour else None  # plain text shows no red, so names no rule
    caption = [text for text in (table.note, legend) if text]
    if left_out:
        and_ = label("terminal_and", lang or "en")
        names = (
            ", ".join(left_out[:-1]) + f" {and_} " + left_out[-1]
            if len(left_out) > 1
            else left_out[0]
        )
        caption.insert(0, label("terminal_empty_block", lang or "en").format(columns=names))
    out = []
    for k, block in enumerate(blocks):
        title = (
            # every block of a folded table says it is one of several, the first too ("(1/3)"):
            # a reader of the first alone did not know the table went on (review 11b, finding 10)
            table.title if len(blocks) == 1 else f"{table.title} ({k + 1}/{len(blocks)})"
        )
        rt = RichTable(title=plain(title, "bold") if table.title else None, title_justify="left")
        fitted = _fit(
            [sizes[j][0] for j in block],
            [sizes[j][1] for j in block],
            [not numeric[j] for j in block],
            width,
        )
        for j, w in zip(block, fitted, strict=True):
            rt.add_column(
                _Header(headers[j], overflow="fold"),
                justify="right" if numeric[j] else "left",
                width=w,
                overflow="fold",
            )
        for i in range(len(table.frame)):
            rt.add_row(
                *(Tied(columns[j][i], style="bold red" if negative[j][i] else "") for j in block)
            )
        if caption and len(blocks) == 1:
            rt.caption = plain("\n".join(caption), newlines=True)
            rt.caption_justify = "left"
        out.append(rt)
    after = plain("\n".join(caption), "dim", newlines=True) if caption and len(blocks) > 1 else None
    return out, after


def _say(con: Console, text: RichText) -> None:
    """Print a text line by line. In a Group: console.print joins the Text objects it is given
    into one plain Text first, which would wrap by rich's rule, not :class:`Tied`'s."""
    con.print(Group(text))


def _print_tables(con: Console, tables: list[RichTable], after: RichText | None) -> None:
    for rt in tables:
        con.print()
        con.print(rt)
    if after is not None:
        _say(con, after)


def print_document(doc: Document, console: Console | None = None) -> None:
    con = console or _console()
    lang = doc.meta.get("lang")  # numbers in the document's language (report.numbers)
    if doc.title:
        _say(con, plain(doc.title, "bold underline"))
    for section in doc.sections:
        if section.title:
            con.print()
            _say(con, plain(section.title, "bold"))
        for block in section.blocks:
            if isinstance(block, Table):
                colour = con.color_system is not None
                _print_tables(con, *_rich_tables(block, con.width, lang, colour))
            elif isinstance(block, Glance):  # the report's overview: paragraph, then the table
                from servqual_cli.report.glance_table import glance_table

                for line in block.summary:
                    _say(con, plain(line, newlines=True))
                _print_tables(
                    con, *_rich_tables(glance_table(block, str(lang or "en")), con.width, lang)
                )
            elif isinstance(block, Text):
                style = {"warning": "yellow", "note": "dim"}.get(block.kind, "")
                _say(con, plain(block.text, style, newlines=True))


def render_text(doc: Document, width: int = 160) -> str:
    """Plain-text rendering (for ``-o file.txt``)."""
    buf = io.StringIO()
    con = Console(file=buf, width=width, highlight=False, color_system=None, soft_wrap=False)
    print_document(doc, con)
    return buf.getvalue()
