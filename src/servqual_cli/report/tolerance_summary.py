"""The report summary's line on an inverted zone of tolerance (review 17, finding 8, "also"):
the warning that items have D < A, most likely swapped A and D columns, stood only in the
tolerance section, and the lead and summary said nothing of it, so a reader of the summary
alone took the section's dimensions as judged. The decision (which zones are inverted, which
dimensions get no verdict) is :mod:`servqual_cli.core.tolerance`'s; this module only words it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from servqual_cli.core.tolerance import ToleranceAnalysis

__all__ = ["inverted_summary"]

_WORDS: dict[str, dict[str, Any]] = {
    "sv": {
        "items": ("Toleranszonen: påstående {items} har omvänd zon (D under A)",
                  "Toleranszonen: påståendena {items} har omvänd zon (D under A)"),
        "plain": ", troligen har kolumnerna för A och D bytt plats",
        "reversed": ", kanske är A och D för de omvända påståendena redan omvända i filen",
        "dims": ("; dimensionen {dims} får därför ingen bedömning",
                 "; dimensionerna {dims} får därför ingen bedömning"),
        "end": " (se avsnittet {section}).",
    },
    "en": {
        "items": ("Zone of tolerance: item {items} has an inverted zone (D below A)",
                  "Zone of tolerance: items {items} have inverted zones (D below A)"),
        "plain": ", most likely the columns for A and D have been swapped",
        "reversed": ", perhaps A and D of the negatively worded items are already reversed in "
                    "the file",
        "dims": ("; dimension {dims} therefore gets no verdict",
                 "; dimensions {dims} therefore get no verdict"),
        "end": " (see the section {section}).",
    },
}  # fmt: skip


def inverted_summary(
    res: ToleranceAnalysis, lang: str, section: str, reversed_items: Collection[str] = ()
) -> str | None:
    """The summary's sentence naming the inverted items, the likeliest cause (as the section's
    warning, :func:`~servqual_cli.report.tolerance_inverted.inverted_warning`, gives it) and
    the dimensions left without a verdict; None when no zone is inverted.

    >>> import numpy as np
    >>> from servqual_cli.core.tolerance import tolerance_analysis
    >>> A = np.array([[4.0, 5], [5, 4], [3, 5], [4, 5]])
    >>> D = np.array([[6.0, 2], [7, 3], [5, 2], [6, 7]])
    >>> P = np.array([[5.0, 2], [6, 5], [6, 4], [3, 6]])
    >>> res = tolerance_analysis(A, D, P, ["1", "2"], {"Tangibles": [0, 1]})
    >>> print(inverted_summary(res, "sv", "Toleranszon per dimension"))
    Toleranszonen: påstående 2 har omvänd zon (D under A), troligen har kolumnerna för A och D \
bytt plats; dimensionen Fysisk miljö får därför ingen bedömning (se avsnittet Toleranszon per \
dimension).
    >>> inverted_summary(tolerance_analysis(A, A + 2, P, ["1", "2"], {"X": [0, 1]}), "sv", "")
    """
    # imported here: the catalog imports report modules that import this one
    from servqual_cli.report.catalog import dimension_name
    from servqual_cli.report.word_lists import join_words

    items = res.items[res.items["inverted_zone"].astype(bool)]
    if items.empty:
        return None
    words = _WORDS["sv" if lang == "sv" else "en"]
    names = [str(i) for i in items["item"]]
    text = words["items"][len(names) > 1].format(items=join_words(names, lang))
    text += words["reversed"] if set(names) & set(map(str, reversed_items)) else words["plain"]
    dims = res.dimensions
    unjudged = dims[dims["position"].isin(["inverted", "inverted_item"])]
    if len(unjudged):
        found = [dimension_name(str(x), lang) for x in unjudged["dimension"]]
        text += words["dims"][len(found) > 1].format(dims=join_words(found, lang))
    return text + words["end"].format(section=section)
