"""The words for an inverted zone of tolerance (D < A), spread into
:data:`~servqual_cli.report.catalog_toolbox.TOOLBOX` (that catalog is near its 400 lines), and
the warning that names the items.

Review 15, finding 3: items 4 and 11 had D < A on 91 % and 85 % of their answers (A and D stored
unreversed while the instrument reversed them) and were called "under zonen"; their dimensions'
zones, blends of three normal items and one inverted, were called "inom zonen". The decision
(no verdict for an inverted zone, nor for a dimension holding one) is made in
:mod:`servqual_cli.core.tolerance`; here it is only worded.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from servqual_cli.report.numbers import fmt_percent

if TYPE_CHECKING:
    from servqual_cli.core.tolerance import ToleranceAnalysis

__all__ = ["TOLERANCE_INVERTED", "inverted_warning"]

TOLERANCE_INVERTED: dict[str, tuple[str, str]] = {
    # positions (core.tolerance.NO_VERDICT) and the result's columns
    "inverted": ("omvänd zon (D < A)", "inverted zone (D < A)"),
    "inverted_item": (
        "ingen bedömning (påstående med omvänd zon)",
        "no verdict (an item's zone is inverted)",
    ),
    "inverted_zone": ("Omvänd zon (D < A)", "Inverted zone (D < A)"),
    "n_inverted_items": ("Påståenden med omvänd zon", "Items with an inverted zone"),
}

_WORDS: dict[str, dict[str, Any]] = {
    "sv": {
        "items": ("Påstående {items}: D under A i {shares} av svaren. ",
                  "Påståendena {items}: D under A i {shares} av svaren. "),
        "rule": "En zon vars nedre gräns ligger över den övre (medel-D under medel-A eller D < A "
                "i mer än hälften av svaren) får inget läge: omvänd zon (D < A).",
        "reversed": " Är A och D för de omvända påståendena redan omvända i filen? De vänds "
                    "här som P.",
        "plain": " Kontrollera att kolumnerna för A och D inte har bytt plats.",
        "dims": (" Dimensionen {dims} innehåller ett sådant påstående och får ingen bedömning: "
                 "dess zon blandar omvända och vanliga zoner.",
                 " Dimensionerna {dims} innehåller sådana påståenden och får ingen bedömning: "
                 "deras zoner blandar omvända och vanliga zoner."),
        "dim_own": (" Dimensionen {dims} har själv en omvänd zon.",
                    " Dimensionerna {dims} har själva en omvänd zon."),
    },
    "en": {
        "items": ("Item {items}: D below A in {shares} of the answers. ",
                  "Items {items}: D below A in {shares} of the answers. "),
        "rule": "A zone whose lower edge lies above its upper edge (mean D below mean A, or "
                "D < A in more than half of the answers) gets no position: inverted zone (D < A).",
        "reversed": " Were A and D of the negatively worded items already reversed in the "
                    "file? They are reversed here as P is.",
        "plain": " Check that the columns for A and D have not been swapped.",
        "dims": (" Dimension {dims} holds such an item and gets no verdict: its zone blends "
                 "inverted and normal zones.",
                 " Dimensions {dims} hold such items and get no verdict: their zones blend "
                 "inverted and normal zones."),
        "dim_own": (" Dimension {dims} has an inverted zone itself.",
                    " Dimensions {dims} have inverted zones themselves."),
    },
}  # fmt: skip


def inverted_warning(
    res: ToleranceAnalysis, lang: str, reversed_items: Collection[str] = ()
) -> str | None:
    """ "Påståendena 4 och 11: D under A i 90,6 % och 85,0 % av svaren. …": the items whose
    zone is inverted with their shares of D < A, the rule, the likeliest cause (A and D already
    reversed in the file, when the items are ``reversed_items``; else swapped columns) and the
    dimensions left without a verdict. None when no zone is inverted.

    >>> import numpy as np
    >>> from servqual_cli.core.tolerance import tolerance_analysis
    >>> A = np.array([[4.0, 5], [5, 4], [3, 5], [4, 5]])
    >>> D = np.array([[6.0, 2], [7, 3], [5, 2], [6, 7]])
    >>> P = np.array([[5.0, 2], [6, 5], [6, 4], [3, 6]])
    >>> res = tolerance_analysis(A, D, P, ["1", "2"], {"X": [0, 1]})
    >>> text = inverted_warning(res, "en", reversed_items={"2"})
    >>> text[:43]
    'Item 2: D below A in 75.0% of the answers. '
    >>> "already reversed in the file?" in text, text[-78:]
    (True, 's such an item and gets no verdict: its zone blends inverted and normal zones.')
    >>> inverted_warning(tolerance_analysis(A, A + 2, P, ["1", "2"], {"X": [0, 1]}), "sv") is None
    True
    """
    # imported here: the catalog imports this module, and these import the catalog
    from servqual_cli.report.catalog import dimension_name
    from servqual_cli.report.word_lists import join_words

    items = res.items[res.items["inverted_zone"].astype(bool)]
    if items.empty:
        return None
    words = _WORDS["sv" if lang == "sv" else "en"]
    names = [str(i) for i in items["item"]]
    shares = (items["n_inverted"] / items["n"]).tolist()
    one, many = words["items"]
    text = (one if len(names) == 1 else many).format(
        items=join_words(names, lang),
        shares=join_words([fmt_percent(s, lang) for s in shares], lang),
    )
    text += words["rule"]
    text += words["reversed"] if set(names) & set(map(str, reversed_items)) else words["plain"]
    dims = res.dimensions
    for key, rows in (
        ("dims", dims[dims["position"] == "inverted_item"]),
        ("dim_own", dims[dims["position"] == "inverted"]),
    ):
        if len(rows):
            found = [dimension_name(str(x), lang) for x in rows["dimension"]]
            text += words[key][len(found) > 1].format(dims=join_words(found, lang))
    return text
