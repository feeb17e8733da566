"""The sections of ``servqual kolada``: this municipality against all others, per KPI and year."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.contacts import SPECS
from servqual_cli.report.catalog import KOLADA as _LABELS
from servqual_cli.report.catalog_measurement import MEASUREMENT
from servqual_cli.report.spec import Section, Table, Text

__all__ = ["kolada_sections", "kpi_heading"]


def _l(key: str, lang: str) -> str:
    sv, en = _LABELS[key]
    return sv if lang == "sv" else en


def kpi_heading(kpi: str, title: str | None, lang: str) -> str:
    """A KPI's table title: its name, the Kolada id in parentheses ("U07451" alone said nothing
    to a reader). A title that is one of this tool's contact KPIs (a file's ``kpi_name`` column,
    or the KPI map's name) is shown by its label in ``lang``; without a title, the id alone.

    >>> kpi_heading("U07451", "Andel når en person via telefon, %", "sv")
    'Andel når en person via telefon, % (U07451)'
    >>> kpi_heading("U07451", "phone_reached", "sv"), kpi_heading("U07451", "phone_reached", "en")
    ('Telefon: når en person (U07451)', 'Phone: reached a person (U07451)')
    >>> kpi_heading("U07451", "", "en")
    'U07451'
    """
    name = (title or "").strip()
    if name in SPECS and name in MEASUREMENT:
        sv, en = MEASUREMENT[name]
        name = sv if lang == "sv" else en
    return f"{name} ({kpi})" if name and name != kpi else kpi


def kolada_sections(
    positions: pd.DataFrame, titles: dict[str, str], lang: str, notes: list[str]
) -> list[Section]:
    """One table per KPI (rows: years), then the notes (rules, exclusions, flags)."""
    blocks: list[Table | Text] = []
    of = _l("of", lang)
    for kpi, rows in positions.groupby("kpi", sort=False):  # a loop over KPIs
        t = rows.drop(columns="kpi").copy()
        t["rank"] = ["–" if r is None or pd.isna(r) else f"{int(r)} {of} {int(n)}"
                     for r, n in zip(t["rank"], t["n_municipalities"], strict=True)]  # fmt: skip
        t["rank_third"] = t["rank_third"].map(lambda c: "–" if c is None else _l(str(c), lang))
        t["status"] = t["status"].map(lambda s: "" if s is None or s != s else str(s))
        cols = ["period", "value", "status", "others_mean", "others_median", "diff", "rank",
                "rank_third", "change"]  # fmt: skip
        if not t["status"].astype(bool).any():
            cols.remove("status")
        shown = t[cols].rename(columns={c: _l(c, lang) for c in cols})
        formats = {_l(c, lang): f for c, f in (("period", "year"), ("value", ".1f"),
                   ("others_mean", ".1f"), ("others_median", ".1f"), ("diff", "+.1f"),
                   ("change", "+.1f"))}  # fmt: skip
        title = kpi_heading(str(kpi), titles.get(str(kpi)), lang)
        blocks.append(Table(title, shown.reset_index(drop=True), formats, sheet=str(kpi)[:31]))
    if positions["change"].notna().any():  # the change's basis (review 3, finding 20)
        blocks.append(Text(_l("change_note", lang), "note"))
    blocks.extend(Text(n, "note") for n in notes)
    return [Section("", tuple(blocks))]
