"""Under the trend's totals: the areas whose contacts differ sharply between the years, and the
totals over the areas measured in both (review 16 finding 2; the core's
:mod:`~servqual_cli.core.trend_mix`).

A total's change mixes a change of level with a change of which areas it contains: bygglov's 7
e-mails in 2020 and none in 2021 turned a like-for-like −1,8 into +1,8. The reader is told which
areas and channels differ, and given the totals over the same areas beside the ordinary ones.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from servqual_cli.report.measurement_trend import _comparison_table, adjusted_p_label
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Table, Text

__all__ = ["mix_blocks", "mix_text"]

WORDS = {
    "phone": ("telefon", "phone"),
    "email": ("e-post", "e-mail"),
    "absent": (
        "Totalerna (alla områden) bygger på olika områden åren {before} och {after}: "
        "{areas} (kontakter {before} → {after}). Tabellen ”{title}” jämför bara de "
        "områden och kanaler som mättes båda åren.",
        "The totals (all areas) are built on different areas in {before} and {after}: "
        '{areas} (contacts {before} → {after}). The table "{title}" compares only the '
        "areas and channels measured in both years.",
    ),
    "sharp": (
        "Antalet kontakter skiljer sig kraftigt mellan {before} och {after} i {areas} "
        "(kontakter {before} → {after}): totalerna väger områdena olika de två åren.",
        "The number of contacts differs sharply between {before} and {after} in "
        "{areas} (contacts {before} → {after}): the totals weigh the areas differently "
        "in the two years.",
    ),
    "title": ("Förändring, samma områden båda åren", "Change, the same areas both years"),
    "sheet": ("Samma områden", "Same areas"),
    "note": (
        "Totalerna utan de områden och kanaler som saknar kontakter ett av åren ({areas}), "
        "med samma test, intervall och justering som totalerna ovan. Regel: ett område och "
        "en kanal nämns när ett år har inga kontakter där eller färre än hälften av det "
        "andra årets.",
        "The totals without the areas and channels that have no contacts in one of the "
        "years ({areas}), with the same test, interval and adjustment as the totals above. "
        "Rule: an area and channel is named when one year has no contacts there or fewer "
        "than half the other year's.",
    ),
}


def _w(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "sv" else 1]


def _areas(mix: pd.DataFrame, lang: str) -> str:
    """``bygglov: e-post 7 → 0, telefon 7 → 2; skola: …``, one clause per area."""
    m = mix.assign(
        part=mix["channel"].map(lambda c: _w(c, lang) if c in WORDS else str(c))
        + " "
        + mix["n_before"].map(lambda n: fmt_number(int(n), lang, 0))
        + " → "
        + mix["n_after"].map(lambda n: fmt_number(int(n), lang, 0))
    )
    parts = m.groupby("area", sort=False)["part"].agg(", ".join)
    return "; ".join(f"{area}: {text}" for area, text in parts.items())


def mix_text(mix: pd.DataFrame, before: str, after: str, lang: str) -> str:
    """The warning under the totals; "" when no area differs sharply.

    >>> mix = pd.DataFrame({"channel": ["phone", "email"], "area": ["bygglov"] * 2,
    ...                     "n_before": [7, 7], "n_after": [2, 0], "absent": [False, True]})
    >>> text = mix_text(mix, "2020", "2021", "sv")
    >>> "2021: bygglov: telefon 7 → 2, e-post 7 → 0 (kontakter" in text
    True
    """
    if not len(mix):
        return ""
    key = "absent" if bool(mix["absent"].any()) else "sharp"
    title = f"{_w('title', lang)} {before} → {after}"
    return _w(key, lang).format(before=before, after=after, areas=_areas(mix, lang), title=title)


def mix_blocks(
    mix: pd.DataFrame,
    like: pd.DataFrame,
    before: str,
    after: str,
    lang: str,
    adjust: str = "holm",
    conf: float = 0.95,
) -> list[Table | Text]:
    """The warning and, when an area is absent in one year, the like-for-like totals' table."""
    text = mix_text(mix, before, after, lang)
    if not text:
        return []
    blocks: list[Table | Text] = [Text(text, kind="warning")]
    if len(like):
        from servqual_cli.core.trend import total_family_size

        label = adjusted_p_label(adjust, total_family_size(like), lang)
        note = _w("note", lang).format(areas=_areas(mix[mix["absent"]], lang))
        title = f"{_w('title', lang)} {before} → {after}"
        table = _comparison_table(title, like, lang, note, label, conf)
        blocks.append(replace(table, sheet=_w("sheet", lang)))
    return blocks
