"""The sections of ``servqual kolada``: this municipality against all others, per KPI and year."""

from __future__ import annotations

import numpy as np
import pandas as pd

from servqual_cli.core.contacts import SPECS
from servqual_cli.report.catalog import KOLADA as _LABELS
from servqual_cli.report.catalog import count_text, label
from servqual_cli.report.catalog_measurement import MEASUREMENT
from servqual_cli.report.numbers import fmt_signed
from servqual_cli.report.spec import Section, Table, Text

__all__ = ["change_cells", "kolada_exclusions", "kolada_sections", "kpi_heading"]


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
        t["change"], gap = change_cells(t["period"], t["previous_period"], t["change"], lang)
        cols = ["period", "value", "status", "others_mean", "others_median", "diff", "rank",
                "rank_third", "change"]  # fmt: skip
        if not t["status"].astype(bool).any():
            cols.remove("status")
        names = {c: _l(c, lang) for c in cols}
        if gap:  # the column's title says the change can span a year the file lacks
            names["change"] = _l("change_gap", lang)
        shown = t[cols].rename(columns=names)
        formats = {names[c]: f for c, f in (("period", "year"), ("value", ".1f"),
                   ("others_mean", ".1f"), ("others_median", ".1f"), ("diff", "+.1f"),
                   ("change", "+.1f"))}  # fmt: skip
        title = kpi_heading(str(kpi), titles.get(str(kpi)), lang)
        blocks.append(Table(title, shown.reset_index(drop=True), formats, sheet=str(kpi)[:31]))
    if positions["change"].notna().any():  # the change's basis (review 3, finding 20)
        blocks.append(Text(_l("change_note", lang), "note"))
    blocks.extend(Text(n, "note") for n in notes)
    return [Section("", tuple(blocks))]


def change_cells(
    period: pd.Series, previous: pd.Series, change: pd.Series, lang: str
) -> tuple[pd.Series, bool]:
    """The change column: a number where the previous period is the year before, else the
    change as text with the year it is against, "+10,3 (sedan 2023)" (review 12a, finding 5:
    with 2024 unpublished, 2025's change against 2023 read as a one-year rise). Text cells are
    shown as they are by every renderer (Markdown, HTML, Excel, terminal). Also whether any cell
    spans a gap.

    >>> p = pd.Series([2022, 2023, 2025], dtype="Int64")
    >>> prev = pd.Series([None, 2022, 2023], dtype="Int64")
    >>> cells, gap = change_cells(p, prev, pd.Series([float("nan"), -12.0, 10.3]), "sv")
    >>> cells.tolist(), gap
    ([nan, -12.0, '+10,3 (sedan 2023)'], True)
    >>> change_cells(p, prev, pd.Series([float("nan"), -12.0, -1.25]), "en")[0].tolist()[2]
    '-1.2 (since 2023)'
    """
    p = period.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    q = previous.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    spans = ~np.isnan(q) & (p - q > 1) & change.notna().to_numpy(dtype=bool)
    out = change.astype(object)
    if spans.any():
        since = _l("since", lang)
        out[spans] = [f"{fmt_signed(v, lang, 1)} ({since.format(year=int(y))})"
                      for v, y in zip(change[spans], q[spans], strict=True)]  # fmt: skip
    return out, bool(spans.any())


def kolada_exclusions(excluded: dict[str, int], lang: str) -> str:
    """The exclusions line of a Kolada file: a ".." cell is a value Kolada did not publish
    (review 12a, finding 6: "NA" in both languages), said so here; the shared label of that
    reason also covers a survey's "NA" or "ej svar", which are not about publishing.

    >>> kolada_exclusions({"not_available": 1, "duplicate": 2}, "sv")
    'Uteslutna celler: ej publicerat (..) 1, dubbletter 2'
    """
    head = label("excluded", lang)
    if not excluded:
        return f"{head}: {'inga' if lang == 'sv' else 'none'}"
    words = {"not_available": _LABELS["not_published"]}
    parts = ", ".join(f"{label(k, lang, words)} {count_text(v, lang)}" for k, v in excluded.items())
    return f"{head}: {parts}"
