"""Document sections for service measurement: KPI tables, trends, benchmark, survey trends.

Shared by ``servqual contacts``, ``servqual trend`` and ``servqual report``. Values are shown in
display units (shares and the treatment index as 0-100, changes of shares in percentage points,
queue times in seconds, reply times in working hours); JSON and CSV keep the core's units.

This module holds one year's contact KPI tables; the shared helpers are in
:mod:`~servqual_cli.report.measurement_tables` and the before/after comparison in
:mod:`~servqual_cli.report.measurement_trend` (split by job when it passed 400 lines), both
re-exported here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from servqual_cli.core.contacts import ALL, SPECS, unanswered_emails, unreached_calls
from servqual_cli.core.wait_basis import WaitBasis, wait_basis
from servqual_cli.report.labels import count_text, exclusion_summary
from servqual_cli.report.measurement_tables import (
    _CHANNEL_ORDER,
    _UNIT_SYMBOL,
    AREA_KPIS,
    FORMATS,
    code_labels,
    display_scale,
    kpi_name,
    kpi_names,
    labelled_table,
    ml,
)
from servqual_cli.report.measurement_trend import (
    adjusted_p_label,
    mdd_table,
    shift_columns,
    trend_sections,
)
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Section, Table, Text

# the helpers and the trend sections live in measurement_tables and measurement_trend (split by
# job); re-exported here so every caller keeps importing from this module
__all__ = ["AREA_KPIS", "FORMATS", "_UNIT_SYMBOL", "adjusted_p_label", "area_table",
           "contact_sections", "display_scale", "kpi_name", "kpi_table", "mdd_table", "ml",
           "shift_columns", "treatment_table", "trend_sections", "year_line"]  # fmt: skip


def kpi_table(
    kpis: pd.DataFrame,
    lang: str,
    title: str | None = None,
    conf: float | None = None,
    email_rule: str | None = None,
    wait: WaitBasis | None = None,
) -> Table:
    """The KPIs of one year in total (area ALL): value, n, k and the interval, display units;
    ``conf``, the level the KPIs were computed at, is named in the interval headings;
    ``email_rule``, the e-mail rule's sentence (the report's; the CLI prints it once below
    every table), goes into the note (review 10a finding 2: the rule decides which e-mails
    count as on time); ``wait``, the calls behind the queue-time median counted from the
    contact rows (:func:`~servqual_cli.core.wait_basis.wait_basis`): when some have no valid
    reached value the note says so, as their count differs from the reach KPI's (review 10a
    finding 5)."""
    t = kpis[kpis["area"].eq(ALL)].copy()
    scale = display_scale(t["kpi"])
    for col in ("value", "ci_low", "ci_high"):
        t[col] = t[col].to_numpy(dtype=float) * scale
    # k counts the contacts that met a share's measure; an index row's k is a sum of scores
    # 0-3 (k > n), which the column and the glossary do not mean: "–" (review 3, finding 17)
    index = t["kpi"].map(lambda k: SPECS[str(k)].unit == "index").to_numpy(dtype=bool)
    t["k"] = t["k"].to_numpy(dtype=float)
    t.loc[index, "k"] = float("nan")
    t["kpi"] = kpi_names(t, lang)
    t = t[["kpi", "n", "k", "value", "ci_low", "ci_high"]]
    digits = {"value": ".1f", "ci_low": ".1f", "ci_high": ".1f"}
    note = f"{ml('units_note', lang)} {ml('ci_note', lang)}"
    if email_rule:
        note = f"{note} {email_rule}"
    unanswered = unanswered_emails(kpis)  # review item 21: the median's rule, named
    if unanswered:
        note = f"{note} {ml('unanswered_note', lang).format(n=count_text(unanswered, lang))}"
    note = f"{note} {wait_note(kpis, lang, wait)}".rstrip()

    return labelled_table(title or ml("kpi_title", lang), t, lang, digits, note,
                          ("Nyckeltal", "KPIs"), conf=conf)  # fmt: skip


def wait_note(kpis: pd.DataFrame, lang: str, wait: WaitBasis | None = None) -> str:
    """The queue-time median's basis: its calls and those that reached no one (review 3, finding
    10), and, from the contact rows (``wait``), the calls counted for their time although their
    reached value is blank or invalid (review 10a, finding 5); "" when every call got through.

    >>> from servqual_cli.core.wait_basis import WaitBasis
    >>> wait_note(pd.DataFrame(columns=["kpi", "channel", "area", "n", "k"]), "sv",
    ...           WaitBasis(with_wait=45, reached=44, reached_unknown=1, unreached=9))[:72]
    'Väntetid i telefon: median över de 45 samtal med väntetid: 44 nådde en p'
    """
    if wait is not None and wait.reached_unknown:
        n, r, u, k = (
            count_text(c, lang)
            for c in (wait.with_wait, wait.reached, wait.reached_unknown, wait.unreached)
        )
        return ml("unreached_note_unknown", lang).format(n=n, r=r, u=u, k=k)
    waited, unreached = unreached_calls(kpis)
    if not unreached:
        return ""
    return ml("unreached_note", lang).format(
        n=count_text(waited, lang), k=count_text(unreached, lang)
    )


def area_table(kpis: pd.DataFrame, lang: str, min_n: int | None = None) -> Table:
    """The main KPIs per area side by side (areas as rows), display units.

    With ``min_n`` (the report) each cell is text with its own n, "80 (n = 5)", and a cell on
    fewer than ``min_n`` answers says so: the column's "Kontakter" counts every contact of the
    area, while an e-mail KPI rests on the area's e-mails only (review item 14)."""
    pairs = pd.Series(list(zip(kpis["kpi"], kpis["channel"], strict=True)), index=kpis.index)
    t = kpis[pairs.isin(AREA_KPIS)].copy()
    t["value"] = t["value"].to_numpy(dtype=float) * display_scale(t["kpi"])
    wide = t.pivot_table(index="area", columns="kpi", values="value", sort=False, dropna=False)
    wide = wide.reindex(columns=[k for k, _ in AREA_KPIS if k in wide.columns])
    if min_n is not None:
        ns = t.pivot_table(index="area", columns="kpi", values="n", sort=False, dropna=False)
        ns = ns.reindex(index=wide.index, columns=wide.columns)
        few = ml("few_answers", lang)
        for col in wide.columns:
            wide[col] = [
                "–"
                if pd.isna(v) or pd.isna(n)
                else f"{fmt_number(v, lang, 0)} (n = {count_text(int(n), lang)}"
                f"{', ' + few if n < min_n else ''})"
                for v, n in zip(wide[col], ns[col], strict=True)
            ]
    counts = kpis[kpis["kpi"].eq("answered_question")].set_index("area")["n"]
    wide.insert(0, "contacts", counts.reindex(wide.index))
    order = [ALL, *sorted((a for a in wide.index if a != ALL), key=str.casefold)]
    wide = wide.reindex([a for a in order if a in wide.index]).reset_index()
    wide["area"] = wide["area"].where(wide["area"].ne(ALL), ml("all_areas", lang))
    digits = {k: ".0f" for k in wide.columns if k in SPECS} if min_n is None else {}
    digits["contacts"] = "d"
    names = {k: kpi_name(k, c, lang) for k, c in AREA_KPIS if c != ALL}
    note = ml("units_note", lang)
    if min_n is not None:
        note += " " + ml("area_n_note", lang).format(min_n=min_n)
    return labelled_table(ml("area_title", lang), wide, lang, digits, note,
                          ("Områden", "Areas"), rename=names)  # fmt: skip


def treatment_table(counts: pd.DataFrame, lang: str) -> Table:
    """Number of contacts per bemötande rating, per channel."""
    t = code_labels(counts.drop(columns=[c for c in ("year", "municipality") if c in counts]), lang)
    ratings = {r: ml(r, lang) for r in ("mycket god", "god", "medelgod", "dålig")}
    counts_d = dict.fromkeys(ratings, "d")  # counts, grouped as every table's n
    return labelled_table(ml("treatment_title", lang), t, lang, counts_d, None,
                          ("Bemötande", "Courtesy"), rename=ratings)  # fmt: skip


def _year_rows(frame: pd.DataFrame, year: float) -> pd.DataFrame:
    """The rows of one year (NaN: the rows without a year)."""
    if isinstance(year, float) and math.isnan(year):
        return frame[frame["year"].isna()]
    return frame[frame["year"].eq(year)]


def contact_sections(
    kpis: pd.DataFrame,
    counts: pd.DataFrame,
    excluded: dict[str, int],
    n_rows: int,
    lang: str,
    by_area: bool = True,
    years: Sequence[tuple[str, pd.DataFrame, dict[str, int], pd.DataFrame | None]] | None = None,
    min_n: int | None = None,
    *,
    conf: float,
    email_rule: str | None = None,
    contacts: pd.DataFrame | None = None,
    exclusions: str | None = None,
) -> list[Section]:
    """One section per year: KPI totals, the per-area table and the bemötande counts
    (``min_n``: the per-area cells show their n and flag fewer answers, see :func:`area_table`;
    ``conf``: the level the KPIs were computed at, named in the KPI table's interval headings;
    ``email_rule``: the e-mail rule's sentence for the KPI table's note, see :func:`kpi_table`;
    ``contacts``: the contact rows behind ``kpis``, for the queue-time note's counts;
    ``exclusions``: the exclusions note as the command made it, the invalid texts named, in
    place of the counts of ``excluded``: session 16).

    The closing note gives the number of contacts and the excluded cells; with ``years``
    (label, contact rows, excluded cells and the list of those cells, of each year read) one
    line per year instead, its invalid texts named (:func:`year_line`).
    """
    sections = []
    for year in kpis["year"].drop_duplicates().tolist():
        k, c = _year_rows(kpis, year), _year_rows(counts, year)
        wait = None if contacts is None else wait_basis(_year_rows(contacts, year))
        blocks: list[Table | Text] = [
            kpi_table(k, lang, conf=conf, email_rule=email_rule, wait=wait)
        ]
        if by_area and k["area"].ne(ALL).any():
            blocks.append(area_table(k, lang, min_n))
        if len(c):
            blocks.append(treatment_table(c, lang))
        known = isinstance(year, int | float) and not math.isnan(year)
        sections.append(Section(str(int(year)) if known else "", tuple(blocks)))
    if years:
        note = Text(" ".join(year_line(y, f, ex, lang, cells) for y, f, ex, cells in years),
                    "note")  # fmt: skip
    else:
        n = count_text(n_rows, lang)
        excl = f"{exclusion_summary(excluded, lang)}." if exclusions is None else exclusions
        text = f"{ml('contacts', lang)}: {n}. {excl}"
        note = Text(text, "note")
    if not sections:
        return [Section("", (note,))]
    sections[-1] = Section(sections[-1].title, (*sections[-1].blocks, note))
    return sections


def year_line(
    label_: str,
    frame: pd.DataFrame,
    excluded: dict[str, int],
    lang: str,
    cells: pd.DataFrame | None = None,
) -> str:
    """One year's contacts per channel and its excluded cells, as one sentence; ``cells`` (the
    year's excluded cells, ``value`` and ``reason`` columns, as ``--excluded`` lists them)
    names the commonest invalid texts and dates as the commands' notes do (session 17: the
    report counted "ogiltigt datum 3" without saying which texts).

    >>> f = pd.DataFrame({"channel": ["phone", "phone", "email"]})
    >>> year_line("2019", f, {}, "en")
    '2019: 3 contacts (phone 2, e-mail 1); excluded cells: none.'
    >>> bad = pd.DataFrame({"value": ["31/2", "tisdag 3 mars 2024"],
    ...                     "reason": ["invalid_date", "wrong_weekday"]})
    >>> year_line("2020", f, {"invalid_date": 1, "wrong_weekday": 1}, "sv", bad)[41:]
    'uteslutna celler: ogiltigt datum 1 (”31/2” 1), fel veckodag 1 (”tisdag 3 mars 2024” 1).'
    """
    from servqual_cli.report.exclusion_words import named_of, named_summary

    counts = frame["channel"].value_counts()
    order = sorted(counts.index, key=lambda c: (_CHANNEL_ORDER.get(str(c), 9), str(c)))
    channels = (
        ", ".join(f"{ml(str(c), lang)} {count_text(int(counts[c]), lang)}" for c in order) or "–"
    )
    excl = named_summary(excluded, named_of(cells), lang)
    text = ml("year_line", lang).format(
        year=label_,
        n=count_text(len(frame), lang),
        channels=channels,
        excluded=excl[:1].lower() + excl[1:],
    )
    return f"{text}."
