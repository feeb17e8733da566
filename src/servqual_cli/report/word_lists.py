"""Lists in running text: "a, b och c" / "a, b and c", one rule for every sentence that names
several things (the overview's paragraph and cards, the reversed items' note, the charts'
notes)."""

from __future__ import annotations

from collections.abc import Sequence

from servqual_cli.report.catalog import rl

__all__ = ["join_items", "join_words"]


def join_words(names: Sequence[str], lang: str, sep: str = ", ") -> str:
    """ "a, b och c" / "a, b and c".

    >>> join_words(["a", "b", "c"], "sv"), join_words(["a"], "en")
    ('a, b och c', 'a')
    """
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return f"{sep.join(names[:-1])} {rl('and', lang)} {names[-1]}"


def join_items(names: Sequence[str], lang: str) -> str:
    """:func:`join_words`, with semicolons between items that carry commas of their own.

    >>> join_items(["Svar, telefon", "Svar, e-post"], "sv")
    'Svar, telefon och Svar, e-post'
    >>> join_items(["Svar, telefon", "Väntetid", "Svar, e-post"], "en")
    'Svar, telefon; Väntetid and Svar, e-post'
    """
    return join_words(names, lang, "; " if any("," in n for n in names) else ", ")
