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

from collections.abc import Mapping, Sequence

import pandas as pd

__all__ = ["merge_units", "unit_map_problem"]


def merge_units(
    frame: pd.DataFrame, mapping: Mapping[str, str]
) -> tuple[pd.DataFrame, tuple[tuple[str, str, int, bool], ...]]:
    """``frame`` with its ``unit`` values OLD renamed NEW, and (old, new, items renamed, NEW
    is a unit of the register) per pair, in the map's order. A NEW the register does not hold
    is said (a typo in NEW makes a unit of its own: review 17, finding 9).

    >>> f = pd.DataFrame({"unit": ["Teknik", "Skola", "Teknik"]})
    >>> out, used = merge_units(f, {"Teknik": "Samhällsbyggnad", "Tekink": "Skola"})
    >>> out["unit"].tolist(), used
    (['Samhällsbyggnad', 'Skola', 'Samhällsbyggnad'], (('Teknik', 'Samhällsbyggnad', 2, False), \
('Tekink', 'Skola', 0, True)))
    >>> merge_units(f, {})[1]
    ()
    """
    if not mapping:
        return frame, ()
    unit = frame["unit"]
    counts = unit.value_counts()
    used = tuple((old, new, int(counts.get(old, 0)), bool(counts.get(new, 0)))
                 for old, new in mapping.items())  # fmt: skip
    renamed = unit.replace(dict(mapping))  # whole values only; a missing unit stays missing
    return frame.assign(unit=renamed), used


# The English sentences of :func:`unit_map_problem` (report.error_words_more has both languages)
_PROBLEMS = {
    "unit_map_same": "{option} maps {name!r} onto itself: name another unit as NEW",
    "unit_map_value": (
        "{option} maps {name!r} onto {value!r}, which is not one unit name (one OLD=NEW pair each)"
    ),
    "unit_map_twice": "{option} maps {name!r} twice ({first!r} and {second!r})",
    "unit_map_chain": (
        "{option}: {name!r} is both a new name and renamed itself; map each unit straight to "
        "its final name"
    ),
}


def unit_map_problem(
    pairs: Sequence[tuple[str, str]], option: str
) -> tuple[str, str, dict[str, str]] | None:
    """What is wrong with a unit map (``code``, English sentence, ``facts``), None when nothing
    (review 17, finding 9): a unit mapped onto itself (no merge, yet named as one), a unit
    mapped twice, a NEW that is no one name (``"B,B=C"``), or a NEW that is itself renamed
    (``A=B,B=A`` swaps, ``A=B,B=C`` leaves A as B: neither is a merge the reader can follow).
    ``option`` names where the map came from.

    >>> unit_map_problem([("Teknik", "Skola")], "--unit-map") is None
    True
    >>> unit_map_problem([("Teknik", "Teknik")], "--unit-map")[1]
    "--unit-map maps 'Teknik' onto itself: name another unit as NEW"
    >>> unit_map_problem([("A", "B"), ("A", "C")], "--unit-map")[0]
    'unit_map_twice'
    >>> unit_map_problem([("Teknik", "Skola"), ("Skola", "Teknik")], "--unit-map")[2]
    {'option': '--unit-map', 'name': 'Skola'}
    """
    seen: dict[str, str] = {}
    found: tuple[str, dict[str, str]] | None = None
    for old, new in pairs:  # a handful of pairs
        if "=" in new or not new.strip():  # [service] unit_map = { A = "B,B=C" }
            found = "unit_map_value", {"name": old, "value": new}
        elif old == new:
            found = "unit_map_same", {"name": old}
        elif old in seen and seen[old] != new:
            found = "unit_map_twice", {"name": old, "first": seen[old], "second": new}
        if found:
            break
        seen[old] = new
    if found is None:
        chained = [new for new in seen.values() if new in seen]
        found = ("unit_map_chain", {"name": chained[0]}) if chained else None
    if found is None:
        return None
    code, facts = found
    facts = {"option": option, **facts}
    return code, _PROBLEMS[code].format(**facts), facts
