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
