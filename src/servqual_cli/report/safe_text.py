"""Text from the data made harmless for the place it is shown: terminals, Markdown, workbooks.

A group name, a column header or a free-text cell comes from a file someone else wrote. It is
shown as written, never obeyed: control characters (ESC sequences that clear a terminal, bidi
overrides that reorder what is read, "Trojan Source", CVE-2021-42574) are shown as escapes.
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls and DEL, and the bidi marks, embeddings, overrides and isolates.
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
CONTROL_BUT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]")
# In HTML every control but the whitespace (tab, LF, CR) is a parse error, and bidi marks from
# the data reorder what is read: shown as escapes, as in the terminal and Markdown.
HTML_CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
# What XML 1.0 (and so an .xlsx cell) cannot hold at all; tab, LF and CR are allowed.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _escape(m: re.Match[str]) -> str:
    return m.group(0).encode("unicode_escape").decode("ascii")


def visible(text: Any, newlines: bool = False) -> str:
    r"""``text`` with every control character shown as an escape; safe for any terminal.

    >>> visible("a\x1b[2Jb\tc")
    'a\\x1b[2Jb\\tc'
    >>> visible("Förskola – 5 %\nrad 2", newlines=True)
    'Förskola – 5 %\nrad 2'
    """
    return (CONTROL_BUT_NEWLINE if newlines else CONTROL).sub(_escape, str(text))


def visible_frame(frame: Any) -> Any:
    r"""``frame`` with the text cells of its object columns shown by :func:`visible` (once per
    distinct text): a CSV written for people, such as the ``--excluded`` list, where an ESC
    from the data would recolour the terminal of whoever ``cat``\ s it (review 15, finding 15).
    Other cells (numbers, empty) are kept.

    >>> import pandas as pd
    >>> visible_frame(pd.DataFrame({"row": [8, 9], "value": ["\x1b[31m4", None]})).values.tolist()
    [[8, '\\x1b[31m4'], [9, nan]]
    """
    import numpy as np
    import pandas as pd

    out = frame.copy()
    for name in out.columns:  # a loop over columns, not cells
        column = out[name]
        if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
            continue
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        if not len(uniques):
            continue
        shown = np.array([visible(u) if isinstance(u, str) else u for u in uniques], dtype=object)
        values = column.to_numpy(dtype=object, copy=True)
        hit = codes >= 0  # the empty cells stay as they were
        values[hit] = shown[codes[hit]]
        out[name] = pd.Series(values, index=out.index, dtype=column.dtype)
    return out


def xml_safe(text: str) -> str:
    r"""Text an .xlsx cell can hold: characters XML forbids are shown as escapes.

    >>> xml_safe("a\x1bb\tc")
    'a\\x1bb\tc'
    """
    return XML_ILLEGAL.sub(_escape, text)


def html_safe(text: str) -> str:
    r"""A rendered HTML page with every control character (but tab, LF and CR) and bidi mark
    shown as an escape, as :func:`visible` shows them in a terminal or in Markdown. The page's
    own markup has none, so only text from the data changes.

    >>> html_safe("<th>Bygg\x1b[31mlov\x07</th>\n")
    '<th>Bygg\\x1b[31mlov\\x07</th>\n'
    """
    return HTML_CONTROL.sub(_escape, text)
