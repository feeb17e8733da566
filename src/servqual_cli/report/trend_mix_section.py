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

from servqual_cli.report.measurement_tables import ml
from servqual_cli.report.measurement_trend import _comparison_table, adjusted_p_label
from servqual_cli.report.numbers import fmt_number, fmt_p, fmt_signed
from servqual_cli.report.spec import Section, Table, Text

__all__ = ["mix_blocks", "mix_card_notes", "mix_text", "series_mix_text", "with_mix"]

_VERDICTS = {"better": "better", "worse": "worse"}  # else "no detectable change"


def _w(key: str, lang: str) -> str:
    """A word of the area mix (``mix_*``, :mod:`~servqual_cli.report.trend_mix_words`) or of
    the measurement catalog (the channels, the verdicts)."""
    return ml(key, lang)


def _channel(channel: object, lang: str) -> str:
    return _w(str(channel), lang) if channel in ("phone", "email") else str(channel)


def _areas(mix: pd.DataFrame, lang: str) -> str:
    """``bygglov: e-post 7 → 0, telefon 7 → 2; skola: …``, one clause per area."""
    m = mix.assign(
        part=mix["channel"].map(lambda c: _channel(c, lang))
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
    key = "mix_absent" if bool(mix["absent"].any()) else "mix_sharp"
    title = f"{_w('mix_title', lang)} {before} → {after}"
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
    """The warning and the like-for-like totals' table (``like``: without every area and
    channel ``mix`` names, absent or halved; review 18 finding 13)."""
    text = mix_text(mix, before, after, lang)
    if not text:
        return []
    blocks: list[Table | Text] = [Text(text, kind="warning")]
    if len(like):
        from servqual_cli.core.trend import total_family_size

        label = adjusted_p_label(adjust, total_family_size(like), lang)
        note = _w("mix_note", lang).format(areas=_areas(mix, lang))
        title = f"{_w('mix_title', lang)} {before} → {after}"
        table = _comparison_table(title, like, lang, note, label, conf)
        blocks.append(replace(table, sheet=_w("mix_sheet", lang)))
    return blocks


def with_mix(
    sections: list[Section],
    mix: pd.DataFrame,
    like: pd.DataFrame,
    before: str,
    after: str,
    lang: str,
    adjust: str = "holm",
    conf: float = 0.95,
) -> list[Section]:
    """``trend_sections``' output with :func:`mix_blocks` right under the totals' table (its
    first section's first block), where the reader of the totals looks."""
    blocks = mix_blocks(mix, like, before, after, lang, adjust, conf)
    if not blocks:
        return sections
    first = sections[0]
    return [Section(first.title, (first.blocks[0], *blocks, *first.blocks[1:])), *sections[1:]]


def mix_card_notes(mix: pd.DataFrame, like: pd.DataFrame, lang: str) -> dict[tuple[str, str], str]:
    """A note per total (KPI, channel) whose contacts' mix of areas changed, for the report's
    overview rows, keyed ``(kpi, channel)``, or ``("*", channel)`` for every KPI of a channel
    whose areas only shrank sharply. Where an area of the channel is absent in one year the
    note gives the like-for-like values and change. The all-channel totals (``ALL``) are
    affected by every channel's.

    >>> mix = pd.DataFrame({"channel": ["email"], "area": ["bygglov"], "n_before": [7],
    ...                     "n_after": [0], "absent": [True]})
    >>> like = pd.DataFrame({"kpi": ["email_within_1_working_day"], "channel": ["email"],
    ...     "before": [39 / 46], "after": [39 / 47], "diff": [39 / 47 - 39 / 46],
    ...     "p_adjusted": [1.0], "verdict": ["no detectable change"]})
    >>> note = mix_card_notes(mix, like, "sv")[("email_within_1_working_day", "email")]
    >>> "båda åren 84,8 → 83,0, förändring −1,8 (p efter Holm 1,000, ingen påvisbar " in note
    True
    """
    from servqual_cli.core.contacts import SPECS
    from servqual_cli.report.measurement_tables import display_scale

    out: dict[tuple[str, str], str] = {}
    if not len(mix):
        return out
    for channel in [*dict.fromkeys(mix["channel"].astype(str)), "ALL"]:  # two channels and all
        mine = mix if channel == "ALL" else mix[mix["channel"].eq(channel)]
        areas = _areas(mine, lang)
        rows = like[like["channel"].eq(channel)] if len(like) else like
        if not bool(mine["absent"].any()) or not len(rows):
            out[("*", channel)] = _w("mix_card_sharp", lang).format(areas=areas)
            continue
        scale = display_scale(rows["kpi"])
        cells = rows[["kpi", "before", "after", "diff", "p_adjusted", "verdict"]].itertuples(
            index=False, name=None
        )
        for (kpi, b, a, d, p, v), k in zip(cells, scale, strict=True):  # a KPI total each
            out[(str(kpi), channel)] = _w(
                "mix_card_median" if SPECS[str(kpi)].kind == "median" else "mix_card", lang
            ).format(
                areas=areas,
                before=fmt_number(b * k, lang, 1),
                after=fmt_number(a * k, lang, 1),
                diff=fmt_signed(d * k, lang, 1),
                p=fmt_p(p, lang),
                verdict=_w(_VERDICTS.get(str(v), "no detectable change"), lang),
            )
    return out


def series_mix_text(mix: pd.DataFrame, years: list[str], lang: str) -> str:
    """The series' warning (:func:`~servqual_cli.core.trend_mix.series_mix`); "" without one.

    >>> mix = pd.DataFrame({"channel": ["email"], "area": ["bygglov"], "counts": [(7, 7, 0)],
    ...                     "absent": [True]})
    >>> text = series_mix_text(mix, ["2019", "2020", "2021"], "en")
    >>> "different areas: bygglov: e-mail 7 → 7 → 0 (contacts 2019 → 2020 → 2021)" in text
    True
    """
    if not len(mix):
        return ""
    m = mix.assign(
        part=mix["channel"].map(lambda c: _channel(c, lang))
        + " "
        + mix["counts"].map(lambda n: " → ".join(fmt_number(x, lang, 0) for x in n))
    )
    parts = m.groupby("area", sort=False)["part"].agg(", ".join)
    areas = "; ".join(f"{area}: {text}" for area, text in parts.items())
    key = "mix_series" if bool(mix["absent"].any()) else "mix_series_sharp"
    return _w(key, lang).format(areas=areas, years=" → ".join(years))
