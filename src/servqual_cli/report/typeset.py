"""Line breaks a reader should never meet: "n =⏎345" and "2024-⏎12-31" (review 7, finding 8).

Swedish and English typography keep a sample size together with its sign and number ("n = 345",
both spaces no-break, as "95 %" keeps its sign: Språkrådet, *Svenska skrivregler*), and an ISO
date is one word. :func:`tie_n` puts the no-break spaces into the report's text (Markdown, Excel
and the page alike); :func:`html_text` also keeps each ISO date on one line on the web page (a
``white-space: nowrap`` span: a U+2011 hyphen would change the date's text for search and
copy).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from markupsafe import Markup, escape

from servqual_cli.report.percent_sign import NBSP

__all__ = ["html_text", "tie_n", "typeset_block"]

# "n = 345", "n = 53 / 54", "(n = −)": the sample size's sign with a number (or minus) after it
_N_EQUALS = re.compile(r"(?<![\w])n = (?=[\d−–-])")
# 2024-12-31 and 2024-12 (ISO 8601), not part of a longer run of digits and hyphens
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4}-\d{2}(?:-\d{2})?)(?![\w-])")


_TIED = f"n{NBSP}={NBSP}"


def tie_n(text: str) -> str:
    """``text`` with no-break spaces on both sides of the "=" of "n = 345".

    >>> tie_n("Tekniska förvaltningen (78,6 %, n = 345); Bygglov (n = 53 / 54)")
    'Tekniska förvaltningen (78,6 %, n\\xa0=\\xa0345); Bygglov (n\\xa0=\\xa053 / 54)'
    >>> tie_n("min n = 30"), tie_n("pn = 3"), tie_n("n = alla")
    ('min n\\xa0=\\xa030', 'pn = 3', 'n = alla')
    """
    return _N_EQUALS.sub(_TIED, text)


def html_text(text: object) -> Markup:
    """Escaped text for the page, "n = 345" tied and every ISO date in a no-wrap span.

    >>> html_text("per 2024-12-31 <b>, n = 5")
    Markup('per <span class="nw">2024-12-31</span> &lt;b&gt;, n\\xa0=\\xa05')
    >>> html_text("2019-2020, 12345-12-31")
    Markup('2019-2020, 12345-12-31')
    >>> html_text(Markup('<time datetime="2024-12-31">n = 5</time>'))
    Markup('<time datetime="2024-12-31">n\xa0=\xa05</time>')
    """
    if isinstance(text, Markup):  # the package's own markup (attributes may hold dates)
        return Markup(tie_n(str(text)))
    escaped = str(escape(tie_n(str(text))))
    return Markup(_ISO_DATE.sub(r'<span class="nw">\1</span>', escaped))


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
