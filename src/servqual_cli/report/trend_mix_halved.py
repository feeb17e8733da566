"""The overview's note for a total whose areas were measured both years but one of them
sharply fewer times (review 17 finding 14).

"Antalet kontakter skiljer sig kraftigt mellan åren (bygglov: telefon 7 → 2): totalen väger
områdena olika" told the reader that the phone total is skewed, not by how much, while the
e-mail rows (bygglov absent in 2021) got a like-for-like figure. Bygglov's calls were made both
years, so "the same areas both years" is the ordinary total; the figure that answers is the
total without the halved area in either year
(:func:`~servqual_cli.core.trend_mix.like_for_like`, the rows of the "samma områden båda åren"
table since review 18 finding 13), with its p after Holm as that table gives it, after the note
of :func:`~servqual_cli.report.trend_mix_section.mix_card_notes`. Kept apart from that module
(another slice's) so the note is extended, not rewritten.
"""

from __future__ import annotations

import pandas as pd

from servqual_cli.report.measurement_tables import display_scale, ml
from servqual_cli.report.numbers import fmt_number, fmt_p, fmt_signed
from servqual_cli.report.word_lists import join_words

__all__ = ["halved_card_notes"]

WORDS = {
    "halved": (
        "{sharp}; utan {areas} båda åren {before} → {after}, förändring {diff} "
        "(p efter Holm {p}, {verdict}).",
        "{sharp}; without {areas} in both years {before} → {after}, change {diff} "
        "(Holm-adjusted p {p}, {verdict}).",
    ),
    # a time's change is the Hodges-Lehmann shift, not the medians' difference
    "halved_median": (
        "{sharp}; utan {areas} båda åren medianen {before} → {after}, typisk förskjutning "
        "{diff} (p efter Holm {p}, {verdict}).",
        "{sharp}; without {areas} in both years the median {before} → {after}, typical shift "
        "{diff} (Holm-adjusted p {p}, {verdict}).",
    ),
}


def halved_card_notes(
    mix: pd.DataFrame, without: pd.DataFrame, notes: dict[tuple[str, str], str], lang: str
) -> dict[tuple[str, str], str]:
    """Per total (KPI, channel) of a channel whose areas only shrank sharply (``notes`` has its
    ``("*", channel)`` note), that note with the total without the named areas in both years.
    ``without`` from :func:`~servqual_cli.core.trend_mix.like_for_like`; {} when it is empty.

    >>> mix = pd.DataFrame({"channel": ["phone"], "area": ["bygglov"], "n_before": [7],
    ...                     "n_after": [2], "absent": [False]})
    >>> without = pd.DataFrame({"kpi": ["phone_reached"], "channel": ["phone"],
    ...     "before": [0.830], "after": [0.596], "diff": [-0.234], "p_adjusted": [0.142],
    ...     "verdict": ["no detectable change"]})
    >>> sharp = {("*", "phone"): "Antalet kontakter skiljer sig (bygglov: telefon 7 → 2)."}
    >>> note = halved_card_notes(mix, without, sharp, "sv")[("phone_reached", "phone")]
    >>> print(note.replace("; ", ";\\n"))
    Antalet kontakter skiljer sig (bygglov: telefon 7 → 2);
    utan bygglov båda åren 83,0 → 59,6, förändring −23,4 (p efter Holm 0,142, ingen påvisbar
    förändring).
    """
    from servqual_cli.core.contacts import SPECS

    out: dict[tuple[str, str], str] = {}
    if not len(without) or not len(mix):
        return out
    i = 0 if lang == "sv" else 1
    for channel in without["channel"].astype(str).unique():
        sharp = notes.get(("*", channel))
        if sharp is None:  # an absent area: the like-for-like note says it
            continue
        mine = mix if channel == "ALL" else mix[mix["channel"].eq(channel)]
        areas = join_words(list(dict.fromkeys(mine["area"].astype(str))), lang)
        rows = without[without["channel"].eq(channel)]
        scale = display_scale(rows["kpi"])
        cells = rows[["kpi", "before", "after", "diff", "p_adjusted", "verdict"]].itertuples(
            index=False, name=None
        )
        for (kpi, b, a, d, p, v), k in zip(cells, scale, strict=True):  # a KPI total each
            key = "halved_median" if SPECS[str(kpi)].kind == "median" else "halved"
            verdict = v if v in ("better", "worse") else "no detectable change"
            out[(str(kpi), channel)] = WORDS[key][i].format(
                sharp=sharp.removesuffix("."),
                areas=areas,
                before=fmt_number(b * k, lang, 1),
                after=fmt_number(a * k, lang, 1),
                diff=fmt_signed(d * k, lang, 1),
                p=fmt_p(p, lang),
                verdict=ml(verdict, lang),
            )
    return out
