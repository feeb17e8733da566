"""Join the sentences of a table's note so that each one ends before the next begins.

A note is often built from parts: a table's own note, then a sentence another rule appends (the
weighting rule of :mod:`~servqual_cli.report.weighted_labels`, a withdrawn-fit note). A part that
ends without a full stop ran into the next one: "… på de 13 kompletta raderna (lavaans
standard) Oviktat (urvalet): …" (review 13, finding 18). :func:`join_sentences` ends every part
that has no closing punctuation of its own, so the rule holds wherever notes are joined rather
than for one string.
"""

from __future__ import annotations

__all__ = ["ends_sentence", "join_sentences"]

_ENDS = (".", "!", "?", "…", ":")
_CLOSING = "\"'”’)]"  # closers after the sentence's own full stop: "(se ovan.)", "”r med.”"


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: a full stop (or ! ? … :) last, before any closing
    quote or bracket.

    >>> ends_sentence("CFA på de 13 raderna (lavaans standard)"), ends_sentence("(se ovan.)")
    (False, True)
    """
    return text.rstrip().rstrip(_CLOSING).endswith(_ENDS)


def join_sentences(*parts: str | None) -> str:
    """The non-empty ``parts`` joined by a space, each ended with a full stop where it has none.

    >>> join_sentences("CFA listvis (lavaans standard)", None, "Oviktat (urvalet)")
    'CFA listvis (lavaans standard). Oviktat (urvalet).'
    >>> join_sentences("MSA = P − A.", "", "Oviktat.")
    'MSA = P − A. Oviktat.'
    """
    shown = [p.strip() for p in parts if p and p.strip()]
    return " ".join(p if ends_sentence(p) else f"{p}." for p in shown)
