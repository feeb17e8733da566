"""Messages another part writes in English, read back by pattern so they can be said in
Swedish (D3 of the session-12 read-through: the option parser's messages in
:mod:`servqual_cli.cli.error_text` and the reasons a sheet was skipped in
:mod:`servqual_cli.cli.describe` did this each with a loop of their own). Each caller keeps its
own table of (pattern, what to say); this finds the entry, the caller says it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

__all__ = ["read_back"]

T = TypeVar("T")


def read_back(
    text: str, table: Iterable[tuple[re.Pattern[str], T]]
) -> tuple[re.Match[str], T] | None:
    """The first entry whose pattern matches the whole of ``text``, with its match (None when
    no pattern does: the caller then keeps the English text).

    >>> table = ((re.compile(r"(\\d+) rows"), "{0} rader"), (re.compile(r"no rows"), "inga rader"))
    >>> match, template = read_back("12 rows", table)
    >>> template.format(*match.groups())
    '12 rader'
    >>> read_back("12 rows and more", table) is None
    True
    """
    for pattern, entry in table:
        match = pattern.fullmatch(text)
        if match is not None:
            return match, entry
    return None
