"""The period label of each side of ``servqual trend``'s two years, and the note that says
where a label not from the data came from.

Split from :mod:`~servqual_cli.cli.trend_pair` when the title row's year joined the rule (m-misc,
session 12): its year column or ``--years``, else the one year its title rows name, else the
one year its file name holds, else its file name (review 5 finding 15, review 8 finding 5).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from servqual_cli.io.measurement import Side

__all__ = ["LABEL_SOURCES", "label_note", "label_source", "period_labels"]

#: A year in a file name: 19xx or 20xx not inside a longer number ("enkat_2025_v2" -> 2025).
_NAME_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: Where a side's period label comes from, in the order tried (:func:`label_source`).
DATA, TITLE_ROW, FILE_NAME, FILE_STEM = LABEL_SOURCES = ("data", "title_row", "file_name",
                                                         "file_stem")  # fmt: skip


def _name_year(side: Side) -> str | None:
    """The one year the side's file name holds, or None (none or several)."""
    years = set(_NAME_YEAR.findall(Path(side.table.source).stem))
    return years.pop() if len(years) == 1 else None


def label_source(side: Side) -> tuple[str, str]:
    """A side's period label and where it came from: its year in the data (a year column or
    ``--years``: ``data``), else the one year its title rows name (``title_row``: "Servicemätning
    2021" above the header, :func:`~servqual_cli.io.title_rows.title_year`; m-misc, session
    12), else the one year its file name holds (``file_name``), else the file's name with its
    extension (``file_stem``; review 5 finding 15), so it reads as a file, not a period (review
    8 finding 5: "karlstad_servqual → 2025"). Title rows that name no year or several leave the
    label to the file name.

    >>> from types import SimpleNamespace as S
    >>> t = lambda name, titles=(): S(source=name, title_rows=titles)
    >>> label_source(S(year=2024, table=t("x.xlsx", ((1, "Enkät 2023"),))))
    ('2024', 'data')
    >>> label_source(S(year=None, table=t("enkat_2025.xlsx", ((1, "Servicemätning 2024"),))))
    ('2024', 'title_row')
    >>> label_source(S(year=None, table=t("/d/karlstad_servqual_2025.xlsx")))
    ('2025', 'file_name')
    >>> label_source(S(year=None, table=t("enkat_2025.csv", ((1, "Enkät 2023–2024"),))))
    ('2025', 'file_name')
    >>> label_source(S(year=None, table=t("enkat_2024_2025.csv")))
    ('enkat_2024_2025.csv', 'file_stem')
    """
    from servqual_cli.io.title_rows import title_year

    if side.year is not None:
        return str(side.year), DATA
    titled = title_year(side.table.title_rows)
    if titled is not None:
        return str(titled), TITLE_ROW
    named = _name_year(side)
    if named is not None:
        return named, FILE_NAME
    return Path(side.table.source).name, FILE_STEM


def period_labels(before: Side, after: Side) -> tuple[Side, Side]:
    """Both sides labelled by :func:`label_source`; when that gives the two the same label
    (two file names with the same year), each keeps its file's stem."""
    from dataclasses import replace

    labels = [label_source(side)[0] for side in (before, after)]
    if labels[0] == labels[1]:
        return before, after
    return replace(before, label=labels[0]), replace(after, label=labels[1])


#: A title longer than this is shortened in the note (the JSON keeps it whole).
_TITLE_SHOWN = 80


def _title_note(side: Side, label: str, lang: str) -> str:
    """Where a title row's year came from: the title (shortened) and its row, and the file
    name's own year when that is another one (the reader sees both and may choose)."""
    from servqual_cli.io.title_rows import naming_row
    from servqual_cli.report.measurement_sections import ml

    row, text = naming_row(side.table.title_rows, int(label))
    if len(text) > _TITLE_SHOWN:  # (the JSON keeps it whole)
        text = text[: _TITLE_SHOWN - 1].rstrip() + "…"
    name = Path(side.table.source).name
    line = ml("label_title_row", lang).format(label=label, title=text, row=row, file=name)
    other = _name_year(side)
    if other is not None and other != label:
        line += " " + ml("label_name_differs", lang).format(file=name, year=other)
    return line


def _unread_title(side: Side, lang: str) -> list[str]:
    """A title row that looks as if it named the year but gave none (several years, a date, a
    span): said, so the reader sees why the file name labels the side."""
    from servqual_cli.io.title_rows import unread_year_row
    from servqual_cli.report.measurement_sections import ml

    if side.year is not None:
        return []
    unread = unread_year_row(side.table.title_rows)
    if unread is None:
        return []
    row, text = unread
    shown = text if len(text) <= _TITLE_SHOWN else text[: _TITLE_SHOWN - 1].rstrip() + "…"
    name = Path(side.table.source).name
    return [ml("label_title_no_year", lang).format(title=shown, row=row, file=name)]


def label_note(sides: tuple[Side, Side], payload: dict[str, Any], lang: str) -> list[Any]:
    """Where each label not from the data came from, as a note section, and in JSON
    (``before.label_source``, ``after.label_source``; a title row's as ``title_row``: its row
    and text)."""
    from servqual_cli.report.measurement_sections import ml
    from servqual_cli.report.spec import Section, Text

    lines = []
    for key, side in zip(("before", "after"), sides, strict=True):
        label, source = label_source(side)
        if label != side.label:  # the two collided: both kept their stems
            label, source = side.label, FILE_STEM
        payload[key]["label_source"] = source
        if source == TITLE_ROW:
            from servqual_cli.io.title_rows import naming_row

            row, text = naming_row(side.table.title_rows, int(label))
            payload[key]["title_row"] = {"row": row, "text": text}
            lines.append(_title_note(side, label, lang))
        elif source != DATA:
            name = Path(side.table.source).name
            lines.append(ml(f"label_{source}", lang).format(label=label, file=name))
            lines += _unread_title(side, lang)
    if any(payload[key]["label_source"] == FILE_STEM for key in ("before", "after")):
        lines.append(ml("years_hint", lang))  # review 8 finding 5: how to name the periods
    return [Section("", (Text(" ".join(lines), kind="note"),))] if lines else []
