"""Line breaks a reader should never meet: "n =⏎345" and "2024-⏎12-31" (review 7, finding 8),
"2023 →⏎2024", "14⏎dagar", "+26⏎procentenheter" (l-small, session 11: seen at 390 px).

Swedish and English typography keep a sample size together with its sign and number ("n = 345",
both spaces no-break, as "95 %" keeps its sign: Språkrådet, *Svenska skrivregler*), a number
with its unit ("14 dagar", "+5,8 procentenheter", "≤ 90 s"; *Svenska skrivregler* on numbers
and units), a change's arrow with both its ends ("2023 → 2024", "370 → 450"), and an ISO date
is one word. :func:`tie_n` puts the no-break spaces into the report's text (Markdown, Excel
and the page alike); :func:`html_text` also keeps each ISO date, number with its unit and arrow
with its ends on one line on the web page (``white-space: nowrap`` spans: a U+2011 hyphen or a
no-break space would change the text for search and copy). An arrow's end longer than
:data:`_END` characters ("2023-01-01–2023-12-31") stays with the arrow's left side only, so no
unbreakable run is wider than a phone's line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from markupsafe import Markup, escape

from servqual_cli.report.percent_sign import NBSP

# "n = 345" and a number with its unit, the part of the rule the terminal needs too, live in a
# module of their own that loads no markupsafe (re-exported here)
from servqual_cli.report.unbreakable import (
    _N_EQUALS,
    _NUMBER_UNIT,
    _TIED,
    _UNITS,
    tie_n,
    unbreakable_runs,
)

__all__ = ["html_text", "tie_n", "typeset_block", "unbreakable_runs"]

# 2024-12-31 and 2024-12 (ISO 8601), not part of a longer run of digits and hyphens
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4}-\d{2}(?:-\d{2})?)(?![\w-])")
_END = 12  # the longest arrow end kept on the arrow's line ("2024-12-31", "83,7 %,")
# "2023 → 2024", "36 → 32 dagar", "(370 → 450).": both ends short, one span; a long left end
# ("2023-01-01–2023-12-31 →") keeps the arrow, so no line starts with it
_ARROW = re.compile(
    rf"(?<!\S)([^\s→]{{1,{_END}}}[ {NBSP}]?→[ {NBSP}]?[^\s→]{{1,{_END}}}"
    rf"(?:[ {NBSP}](?:{_UNITS})(?!\w)[,.;:)]*)?(?!\S)|[^\s→]+[ {NBSP}]→(?=\s))"
)
_TAG = re.compile(r"(<[^>]*>)")
_NW = r'<span class="nw">\1</span>'


def html_text(text: object) -> Markup:
    """Escaped text for the page, "n = 345" tied, and every ISO date, number with its unit and
    arrow with its ends in a no-wrap span. The package's own markup (a heading's ``<abbr>``)
    keeps its tags: only the text between them is spanned (attributes may hold dates).

    >>> html_text("per 2024-12-31 <b>, n = 5")
    Markup('per <span class="nw">2024-12-31</span> &lt;b&gt;, n\\xa0=\\xa05')
    >>> html_text("2019-2020, 12345-12-31")
    Markup('2019-2020, 12345-12-31')
    >>> html_text(Markup('<time datetime="2024-12-31">n = 5</time>'))
    Markup('<time datetime="2024-12-31">n\xa0=\xa05</time>')
    >>> str(html_text("Bättre 2023 → 2024: inom 14 dagar, +5,8 procentenheter"))
    'Bättre <span class="nw">2023 → 2024:</span> inom <span class="nw">14 dagar</span>, \
<span class="nw">+5,8 procentenheter</span>'
    >>> str(html_text("36 → 32 dagar; ≤ 90 s"))
    '<span class="nw">36 → <span class="nw">32 dagar</span>;</span> <span class="nw">≤ 90 s</span>'
    >>> str(html_text("2023-01-01–2023-12-31 → 2024-01-01–2024-12-31")).count('"nw"')
    5
    """
    if isinstance(text, Markup):  # the package's own markup: its tags kept as they are
        return Markup(_spans(tie_n(str(text))))
    return Markup(_spans(str(escape(tie_n(str(text))))))


def _spans(html: str) -> str:
    """``html``'s text between tags with its arrows, numbers with units and ISO dates in
    no-wrap spans (arrows first, so an arrow's span holds its ends' units and dates)."""
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):  # even parts: text; odd: tags
        if "→" in parts[i]:
            parts[i] = _ARROW.sub(_NW, parts[i])
    parts = _TAG.split("".join(parts))
    for i in range(0, len(parts), 2):
        parts[i] = _ISO_DATE.sub(_NW, _NUMBER_UNIT.sub(_NW, parts[i]))
    return "".join(parts)


B = TypeVar("B")


def typeset_block(block: B) -> B:
    """A document block with :func:`tie_n` applied to its prose: a text, a table's title and
    note and its text cells ("80 (n = 54)"), a figure's caption, the overview's paragraphs and
    note. Other blocks are returned as they are.

    >>> from servqual_cli.report.spec import Text
    >>> typeset_block(Text("Svarande (n = 54)", kind="note")).text
    'Svarande (n\\xa0=\\xa054)'
    """
    import pandas as pd  # here: the module is imported where pandas is not needed yet

    from servqual_cli.report.spec import Figure, Glance, Table, Text

    if isinstance(block, Text):
        return replace(block, text=tie_n(block.text))
    if isinstance(block, Table):
        note = None if block.note is None else tie_n(block.note)
        frame = block.frame
        text = [c for c in frame.columns if pd.api.types.infer_dtype(frame[c]) == "string"]
        if any(frame[c].str.contains(_N_EQUALS).any() for c in text):  # "80 (n = 54)" cells
            frame = frame.copy()
            for c in text:  # a column at a time, vectorised over its cells
                frame[c] = frame[c].str.replace(_N_EQUALS, _TIED, regex=True)
        return replace(block, title=tie_n(block.title), note=note, frame=frame)
    if isinstance(block, Figure) and block.caption:
        return replace(block, caption=tie_n(block.caption))
    if isinstance(block, Glance):
        note = None if block.note is None else tie_n(block.note)
        summary = tuple(tie_n(p) for p in block.summary)
        return replace(block, summary=summary, note=note)
    return block
