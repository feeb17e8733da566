"""Units renamed between the feedback trend's windows, merged on the analyst's word
(``servqual feedback --unit-map OLD=NEW``, ``[service] unit_map`` in a report config).

Review 16, finding 3: a unit renamed or reorganised (Tekniska förvaltningen →
Stadsmiljöförvaltningen) has items in one window only and is not compared
(:func:`~servqual_cli.core.feedback_trend._not_compared`); only the analyst knows that the two
names are one unit. The map renames OLD to NEW before every count, so the trend compares them;
the renderers name each pair and how many items it renamed (0: the name is not in the
register, a typo the reader must see).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

__all__ = ["merge_units"]


def merge_units(
    frame: pd.DataFrame, mapping: Mapping[str, str]
) -> tuple[pd.DataFrame, tuple[tuple[str, str, int], ...]]:
    """``frame`` with its ``unit`` values OLD renamed NEW, and (old, new, items renamed) per
    pair, in the map's order.

    >>> f = pd.DataFrame({"unit": ["Teknik", "Skola", "Teknik"]})
    >>> out, used = merge_units(f, {"Teknik": "Samhällsbyggnad", "Tekink": "X"})
    >>> out["unit"].tolist(), used
    (['Samhällsbyggnad', 'Skola', 'Samhällsbyggnad'], (('Teknik', 'Samhällsbyggnad', 2), \
('Tekink', 'X', 0)))
    >>> merge_units(f, {})[1]
    ()
    """
    if not mapping:
        return frame, ()
    unit = frame["unit"]
    counts = unit.value_counts()
    used = tuple((old, new, int(counts.get(old, 0))) for old, new in mapping.items())
    renamed = unit.replace(dict(mapping))  # whole values only; a missing unit stays missing
    return frame.assign(unit=renamed), used
