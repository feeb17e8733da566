"""The importance points' (W1–W5) excluded cells counted apart from the answers', for gap's
own note and JSON as a report's summary counts them (session 18, b-left: gap's "Uteslutna
celler: tomma 74" mixed 49 blank answers with 25 blank points; review 17, finding 2)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from servqual_cli.report.catalog import count_text, label
from servqual_cli.report.exclusion_words import HINT, exclusion_note, located_summary, named_of
from servqual_cli.report.report_labels import rl

if TYPE_CHECKING:
    from servqual_cli.io.survey import SurveyData


def point_columns(d: SurveyData) -> list[str]:
    """The importance points' columns as the file names them, in the instrument's order."""
    return list((d.columns or {}).get("weights", {}).values())


def columns_text(names: list[str]) -> str:
    """The importance points' columns as one name: "W1–W5" when they are one stem numbered
    1, 2, … in order, else the names listed.

    >>> columns_text(["W1", "W2", "W3", "W4", "W5"]), columns_text(["Vikt_a", "Vikt_b"])
    ('W1–W5', 'Vikt_a, Vikt_b')
    """
    parts = [re.fullmatch(r"(.*?)(\d+)", n) for n in names]
    stems = {m.group(1) for m in parts if m}
    numbers = [int(m.group(2)) for m in parts if m]
    if len(names) > 2 and len(stems) == 1 and numbers == list(range(1, len(names) + 1)):
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


def points_text(names: list[str], cells: dict[str, int], lang: str) -> str:
    """The sentence a report's summary writes (no final stop).

    >>> points_text(["W1", "W2", "W3"], {"blank": 25}, "sv")
    'Uteslutna viktighetspoäng (W1–W3): tomma 25'
    """
    listed = ", ".join(f"{label(k, lang)} {count_text(v, lang)}" for k, v in cells.items())
    return rl("weight_cells", lang, columns=columns_text(names), cells=listed)


def split_note(
    d: SurveyData, lang: str, hint: bool
) -> tuple[str, dict[str, dict[str, Any]], dict[str, int], dict[str, int]]:
    """gap's exclusions note and ``excluded_detail`` with the points' cells apart, and the two
    counts (answers, points; reason -> cells). Without excluded points the note is
    :func:`~servqual_cli.report.exclusion_words.exclusion_note`'s, the answers all cells."""
    names = point_columns(d)
    ex = d.exclusions if (names and d.exclusion_log is not None and d.excluded) else None
    in_points = None if ex is None else ex["column"].isin(names)
    if ex is None or in_points is None or not in_points.any():
        note, detail = exclusion_note(d.excluded, d.exclusion_log, lang, hint)
        return note, detail, dict(d.excluded), {}
    answers_frame = ex.loc[~in_points]
    found = ex.loc[in_points, "reason"].value_counts()
    points = {k: int(found[k]) for k in d.excluded if k in found.index}
    answers = {k: v - points.get(k, 0) for k, v in d.excluded.items() if v - points.get(k, 0)}
    # reason -> column -> cells of the answers alone, commonest column first as the log's
    where = (answers_frame.groupby(["reason", "column"], sort=False).size()
             .sort_values(ascending=False, kind="stable"))  # fmt: skip
    located: dict[str, dict[str, int]] = {}
    reasons, columns = where.index.get_level_values(0), where.index.get_level_values(1)
    for reason, column, n in zip(reasons, columns, where.to_numpy(), strict=True):  # per pair
        located.setdefault(str(reason), {})[str(column)] = int(n)
    values = named_of(answers_frame)
    text = located_summary(answers, located, lang, False, values)
    text += f" {points_text(names, points, lang)}."
    if hint:
        text += f" {HINT[lang]}"
    return text, exclusion_note(answers, answers_frame, lang)[1], answers, points
