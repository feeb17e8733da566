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

from collections.abc import Collection, Sequence
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
        # the --by groups' tables mark their own inverted zones (closing 17)
        "groups": " Omvänd zon per {by}: {groups}.",
        "group": ("{group} (påstående {items})", "{group} (påståendena {items})"),
        "groups_only": "Omvänd zon (D < A) per {by}: {groups}. ",
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
        "groups": " Inverted zones per {by}: {groups}.",
        "group": ("{group} (item {items})", "{group} (items {items})"),
        "groups_only": "Inverted zones (D < A) per {by}: {groups}. ",
    },
}  # fmt: skip


def _inverted_items(res: ToleranceAnalysis) -> list[str]:
    return [str(i) for i in res.items.loc[res.items["inverted_zone"].astype(bool), "item"]]


def _groups_text(
    groups: Sequence[tuple[str, ToleranceAnalysis]], words: dict[str, Any], lang: str
) -> tuple[str, list[str]]:
    """ "Bibliotek (påståendena 4 och 11), Bygglov (påstående 4)": each ``--by`` group with an
    inverted item zone, and every item named."""
    from servqual_cli.report.word_lists import join_words

    parts, named = [], []
    for group, sub in groups:  # a handful of groups
        names = _inverted_items(sub)
        if names:
            one, many = words["group"]
            text = one if len(names) == 1 else many
            parts.append(text.format(group=group, items=join_words(names, lang)))
            named += names
    return ", ".join(parts), named


def inverted_warning(
    res: ToleranceAnalysis,
    lang: str,
    reversed_items: Collection[str] = (),
    groups: Sequence[tuple[str, ToleranceAnalysis]] = (),
    by: str | None = None,
) -> str | None:
    """ "Påståendena 4 och 11: D under A i 90,6 % och 84,4 % av svaren. …": the items whose
    zone is inverted with their shares of D < A, the rule, the likeliest cause (A and D already
    reversed in the file, when the items are ``reversed_items``; else swapped columns) and the
    dimensions left without a verdict; with ``groups`` (the ``--by`` groups' results, ``by``
    their column) the groups whose tables mark an inverted zone and its items (closing 17: the
    group tables marked them and the warning named only the whole file's items). None when no
    zone is inverted.

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
    >>> ok = tolerance_analysis(A, A + 2, P, ["1", "2"], {"X": [0, 1]})
    >>> inverted_warning(ok, "sv") is None
    True
    >>> inverted_warning(res, "sv", groups=[("Bygglov", res), ("Skola", ok)], by="Enhet")[-45:]
    ' Omvänd zon per Enhet: Bygglov (påstående 2).'
    >>> inverted_warning(ok, "en", groups=[("Bygglov", res)], by="Unit")[:52]
    'Inverted zones (D < A) per Unit: Bygglov (item 2). A'
    """
    # imported here: the catalog imports this module, and these import the catalog
    from servqual_cli.report.catalog import dimension_name
    from servqual_cli.report.word_lists import join_words

    words = _WORDS["sv" if lang == "sv" else "en"]
    in_groups, group_items = _groups_text(groups, words, lang)
    items = res.items[res.items["inverted_zone"].astype(bool)]
    names = [str(i) for i in items["item"]]
    if items.empty:
        if not in_groups:
            return None
        text = words["groups_only"].format(by=by, groups=in_groups) + words["rule"]
        flipped = set(group_items) & set(map(str, reversed_items))
        return text + (words["reversed"] if flipped else words["plain"])
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
    if in_groups:
        text += words["groups"].format(by=by, groups=in_groups)
    return text
