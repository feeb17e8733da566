"""Document sections for service measurement: KPI tables, trends, benchmark, survey trends.

Shared by ``servqual contacts``, ``servqual trend`` and ``servqual report``. Values are shown in
display units (shares and the treatment index as 0-100, changes of shares in percentage points,
queue times in seconds, reply times in working hours); JSON and CSV keep the core's units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

import numpy as np
import pandas as pd

from servqual_cli.core.contacts import ALL, SPECS, unanswered_emails, unreached_calls
from servqual_cli.report.catalog import MEASUREMENT as MEASUREMENT_LABELS
from servqual_cli.report.catalog_shared import ADJUST_METHODS
from servqual_cli.report.labels import exclusion_summary, label
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Section, Table, Text

_UNIT_SYMBOL = {"share": "%", "index": "0–100", "seconds": "s", "hours": "h"}
FORMATS = MappingProxyType({"n": "d", "k": "d", "p": "p", "p_adjusted": "p", "p_welch": "p",
                            "p_mann_whitney": "p"})  # fmt: skip
_CHANNEL_ORDER = {"phone": 0, "email": 1, ALL: 2}
AREA_KPIS = (
    ("phone_reached", "phone"),
    ("phone_answered_question", "phone"),
    ("phone_wait_seconds_median", "phone"),
    ("email_within_1_working_day", "email"),
    ("email_response_hours_median", "email"),
    ("email_answered_question", "email"),
    ("treatment_index", ALL),
)


def ml(key: str, lang: str) -> str:
    """A measurement label in ``lang``.

    >>> ml("phone_reached", "sv"), ml("worse", "en")
    ('Telefon: når en person', 'worse')
    """
    return label(key, lang, MEASUREMENT_LABELS)


def display_scale(kpis: pd.Series) -> np.ndarray:
    """Factor from core units to display units: 100 for shares and the index, else 1.

    >>> display_scale(pd.Series(["phone_reached", "phone_wait_seconds_median"])).tolist()
    [100.0, 1.0]
    """
    units = kpis.map(lambda k: SPECS[k].unit)
    return np.where(units.isin(["share", "index"]), 100.0, 1.0)


def _table(
    title: str,
    frame: pd.DataFrame,
    lang: str,
    digits: dict[str, str],
    note: str | None,
    sheet: tuple[str, str],
    rename: dict[str, str] | None = None,
) -> Table:
    """A Table with labelled columns; ``digits`` maps a column code to its display format."""
    names = {c: ml(c, lang) for c in frame.columns}
    names.update(rename or {})
    formats = {names[c]: f for c, f in {**FORMATS, **digits}.items() if c in frame.columns}
    sheet_name = sheet[0] if lang == "sv" else sheet[1]
    return Table(title, frame.rename(columns=names), formats, note=note, sheet=sheet_name)


def _names(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """KPI, channel, verdict and area codes as labels."""
    out = frame.copy()
    for col in ("kpi", "channel", "verdict", "relative", "rank_third"):
        if col in out:
            out[col] = out[col].map(lambda v: "–" if v is None or v != v else ml(str(v), lang))
    if "area" in out:
        out["area"] = out["area"].where(out["area"].ne(ALL), ml("all_areas", lang))
    return out


def kpi_name(kpi: str, channel: str, lang: str) -> str:
    """A KPI's label, with its channel when it is reported per channel and its unit when it is
    not a share.

    >>> kpi_name("treatment_index", "email", "en"), kpi_name("phone_reached", "phone", "sv")
    ('Treatment index, e-mail (0–100)', 'Telefon: når en person')
    """
    spec = SPECS[kpi]
    name = ml(kpi, lang)
    if len(spec.channels) > 1:
        name = f"{name}, {ml(channel, lang)}"
    return name if spec.unit == "share" else f"{name} ({_UNIT_SYMBOL[spec.unit]})"


def _kpi_names(frame: pd.DataFrame, lang: str) -> pd.Series:
    pairs = zip(frame["kpi"].tolist(), frame["channel"].tolist(), strict=True)
    return pd.Series([kpi_name(k, c, lang) for k, c in pairs], index=frame.index, dtype=object)


def kpi_table(kpis: pd.DataFrame, lang: str, title: str | None = None) -> Table:
    """The KPIs of one year in total (area ALL): value, n, k and the interval, display units."""
    t = kpis[kpis["area"].eq(ALL)].copy()
    scale = display_scale(t["kpi"])
    for col in ("value", "ci_low", "ci_high"):
        t[col] = t[col].to_numpy(dtype=float) * scale
    # k counts the contacts that met a share's measure; an index row's k is a sum of scores
    # 0-3 (k > n), which the column and the glossary do not mean: "–" (review 3, finding 17)
    index = t["kpi"].map(lambda k: SPECS[str(k)].unit == "index").to_numpy(dtype=bool)
    t["k"] = t["k"].to_numpy(dtype=float)
    t.loc[index, "k"] = float("nan")
    t["kpi"] = _kpi_names(t, lang)
    t = t[["kpi", "n", "k", "value", "ci_low", "ci_high"]]
    digits = {"value": ".1f", "ci_low": ".1f", "ci_high": ".1f"}
    note = f"{ml('units_note', lang)} {ml('ci_note', lang)}"
    unanswered = unanswered_emails(kpis)  # review item 21: the median's rule, named
    if unanswered:
        note = f"{note} {ml('unanswered_note', lang).format(n=unanswered)}"
    waited, unreached = unreached_calls(kpis)  # review 3 finding 10: the median's rule, named
    if unreached:
        note = f"{note} {ml('unreached_note', lang).format(n=waited, k=unreached)}"
    return _table(title or ml("kpi_title", lang), t, lang, digits, note,
                  ("Nyckeltal", "KPIs"))  # fmt: skip


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
                else f"{fmt_number(v, lang, 0)} (n = {int(n)}{', ' + few if n < min_n else ''})"
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
    return _table(ml("area_title", lang), wide, lang, digits, note,
                  ("Områden", "Areas"), rename=names)  # fmt: skip


def treatment_table(counts: pd.DataFrame, lang: str) -> Table:
    """Number of contacts per bemötande rating, per channel."""
    t = _names(counts.drop(columns=[c for c in ("year", "municipality") if c in counts]), lang)
    ratings = {r: ml(r, lang) for r in ("mycket god", "god", "medelgod", "dålig")}
    return _table(ml("treatment_title", lang), t, lang, {}, None, ("Bemötande", "Treatment"),
                  rename=ratings)  # fmt: skip


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
    years: Sequence[tuple[str, pd.DataFrame, dict[str, int]]] | None = None,
    min_n: int | None = None,
) -> list[Section]:
    """One section per year: KPI totals, the per-area table and the bemötande counts
    (``min_n``: the per-area cells show their n and flag fewer answers, see :func:`area_table`).

    The closing note gives the number of contacts and the excluded cells; with ``years``
    (label, contact rows, excluded cells of each year read) one line per year instead.
    """
    sections = []
    for year in kpis["year"].drop_duplicates().tolist():
        k, c = _year_rows(kpis, year), _year_rows(counts, year)
        blocks: list[Table | Text] = [kpi_table(k, lang)]
        if by_area and k["area"].ne(ALL).any():
            blocks.append(area_table(k, lang, min_n))
        if len(c):
            blocks.append(treatment_table(c, lang))
        known = isinstance(year, int | float) and not math.isnan(year)
        sections.append(Section(str(int(year)) if known else "", tuple(blocks)))
    if years:
        note = Text(" ".join(year_line(*y, lang) for y in years), "note")
    else:
        text = f"{ml('contacts', lang)}: {n_rows}. {exclusion_summary(excluded, lang)}."
        note = Text(text, "note")
    if not sections:
        return [Section("", (note,))]
    sections[-1] = Section(sections[-1].title, (*sections[-1].blocks, note))
    return sections


def year_line(label_: str, frame: pd.DataFrame, excluded: dict[str, int], lang: str) -> str:
    """One year's contacts per channel and its excluded cells, as one sentence.

    >>> f = pd.DataFrame({"channel": ["phone", "phone", "email"]})
    >>> year_line("2019", f, {}, "en")
    '2019: 3 contacts (phone 2, e-mail 1); excluded cells: none.'
    """
    counts = frame["channel"].value_counts()
    order = sorted(counts.index, key=lambda c: (_CHANNEL_ORDER.get(str(c), 9), str(c)))
    channels = ", ".join(f"{ml(str(c), lang)} {int(counts[c])}" for c in order) or "–"
    excl = exclusion_summary(excluded, lang)
    text = ml("year_line", lang).format(
        year=label_, n=len(frame), channels=channels, excluded=excl[:1].lower() + excl[1:]
    )
    return f"{text}."


def adjusted_p_label(adjust: str, m: int, lang: str) -> str:
    """The header of an adjusted p column: the method and the size of its family.

    >>> adjusted_p_label("holm", 24, "en"), adjusted_p_label("none", 24, "sv")
    ('p (Holm, 24 comparisons)', 'p (ojusterat, 24 jämförelser)')
    """
    name = ADJUST_METHODS.get(adjust) or ml("unadjusted", lang)
    return f"p ({name}, {ml('n_comparisons', lang).format(m=m)})"


def _comparison_table(
    title: str, comparisons: pd.DataFrame, lang: str, note: str, p_label: str | None = None
) -> Table:
    """Comparison rows in display units: shares and index x 100, changes in points.

    With ``p_label`` the p column is the adjusted one (``p_adjusted``) under that header."""
    t = comparisons.copy()
    scale = display_scale(t["kpi"])
    for col in ("before", "after", "diff", "ci_low", "ci_high", "mdd", "value_diff"):
        if col in t:
            t[col] = t[col].to_numpy(dtype=float) * scale
    t["kpi"] = _kpi_names(t, lang)
    area = ["area"] if t["area"].ne(ALL).any() else []
    # n before and after as two columns of numbers (Excel keeps them as numbers, issue #9)
    p_col = "p_adjusted" if p_label else "p"
    shift = shift_columns(t, lang)  # review 4 finding 1: times show the medians' difference too
    cols = ["kpi", *area, "before", "after", *shift[:1], "diff", "ci_low", "ci_high", p_col,
            "n_before", "n_after", "mdd", "verdict"]  # fmt: skip
    digits = {c: ".1f" for c in ("before", "after", "ci_low", "ci_high", "mdd")}
    digits.update({"diff": "+.1f", "value_diff": "+.1f", "n_before": "d", "n_after": "d"})
    sheet = ("Per område", "Per area") if area else ("Förändring", "Change")
    rename = {"diff": shift[1] if shift else ml("change", lang)}
    if p_label:  # the p is adjusted, the intervals are not: both headers say so (finding 6)
        rename.update({"p_adjusted": p_label, "ci_low": ml("ci_low_unadjusted", lang),
                       "ci_high": ml("ci_high_unadjusted", lang)})  # fmt: skip
    return _table(title, _names(t[cols], lang), lang, digits, note, sheet, rename=rename)


def shift_columns(t: pd.DataFrame, lang: str) -> tuple[str, str] | tuple[()]:
    """For comparison rows in display units that hold a time (Hodges-Lehmann shift): set
    ``t["value_diff"]`` to the medians' difference on those rows only (NaN elsewhere) and
    return its column and the header of the change column that names the shift; else ().

    >>> t = pd.DataFrame({"estimate": ["difference", "hodges-lehmann shift"],
    ...                   "value_diff": [5.0, -6.2]})
    >>> shift_columns(t, "sv"), t["value_diff"].tolist()
    (('value_diff', 'Förändring (tider: förskjutning)'), [nan, -6.2])
    """
    from servqual_cli.core.trend import ESTIMATES

    if "estimate" not in t or not t["estimate"].eq(ESTIMATES[1]).any():
        return ()
    t["value_diff"] = t["value_diff"].where(t["estimate"].eq(ESTIMATES[1]))
    return "value_diff", ml("change_shift", lang)


def mdd_lines(
    comparisons: pd.DataFrame, lang: str, power: float, conf: float, adjust: str = "holm"
) -> list[str]:
    """For each KPI in total: "a true change of N would be detected with 80 % probability", and
    the critical difference beside it: with an adjustment (``adjust``, as compare_kpis used)
    the core's ``critical`` at the comparison's own step level, which the verdict follows,
    and the unadjusted one in brackets (review 4, finding 2).

    The minimum detectable difference is MDD = (z_{1-α/2} + z_{power}) · SE and the critical
    difference (the smallest measured difference the test calls significant) z · SE, both
    from the core (:func:`~servqual_cli.core.trend.compare_kpis`: ``critical`` and
    ``critical_unadjusted``, Cohen 1988, *Statistical Power Analysis*, ch. 6); "about", as the
    SE is the one the test implies."""
    total = comparisons[comparisons["area"].eq(ALL)]
    total = total.assign(
        _o=total["kpi"].map({k: i for i, k in enumerate(SPECS)}),
        _c=total["channel"].map(_CHANNEL_ORDER),
    ).sort_values(["_o", "_c"])
    pct = round(power * 100)
    lines = [ml("mdd_intro", lang).format(power=pct, alpha=round((1 - conf) * 100))]
    units = {"share": "pp", "index": "index_points", "seconds": "seconds", "hours": "hours"}
    from servqual_cli.core.trend import total_family_size

    adjusted = adjust != "none"
    family = total_family_size(comparisons)
    columns = [total[c].tolist() for c in ("kpi", "channel", "mdd", "n_before", "n_after",
                                           "critical", "critical_unadjusted")]  # fmt: skip
    for kpi, channel, mdd, n1, n2, at_level, unadjusted in zip(*columns, strict=True):
        spec = SPECS[str(kpi)]
        name = ml(str(kpi), lang)
        if len(spec.channels) > 1:
            name = f"{name}, {ml(str(channel), lang)}"
        if mdd is None or math.isnan(float(mdd)):
            lines.append(f"{name}: {ml('no_mdd', lang).format(power=pct)}")
            continue
        scale = 100 if spec.unit in ("share", "index") else 1
        digits = 1 if spec.unit == "hours" else 0
        shown = fmt_number(float(mdd) * scale, lang, digits)
        critical = fmt_number(float(unadjusted) * scale, lang, digits)
        unit = ml(units[spec.unit], lang)
        args = {"kpi": name, "value": shown, "unit": unit, "n1": n1, "n2": n2, "power": pct,
                "critical": critical}  # fmt: skip
        if adjusted and not math.isnan(float(at_level)):
            args.update(
                unadjusted=critical,
                critical=fmt_number(float(at_level) * scale, lang, digits),
                method=ADJUST_METHODS.get(adjust, adjust),
                m=family,
            )
            lines.append(ml("mdd_line_adjusted", lang).format(**args))
        else:
            lines.append(ml("mdd_line", lang).format(**args))
    return lines


def trend_sections(
    comparisons: pd.DataFrame,
    before: str,
    after: str,
    lang: str,
    power: float = 0.8,
    conf: float = 0.95,
    adjust: str = "holm",
    family_size: int | None = None,
) -> list[Section]:
    """The totals, the per-area changes (worse first) and the minimum detectable changes.

    The per-area table shows the p adjusted over the family of ``family_size`` per-area
    comparisons by ``adjust`` (its header names both; ``adjust`` must be the method
    :func:`~servqual_cli.core.trend.compare_kpis` used); the totals are a family of their own,
    adjusted the same way (their header names it too)."""
    heading = f"{before} → {after}"
    total = comparisons[comparisons["area"].eq(ALL)]
    # Per area only the memo's main KPIs: with 6-7 contacts per area and channel the rest is
    # noise on the screen (JSON and CSV keep every comparison).
    pairs = pd.MultiIndex.from_frame(comparisons[["kpi", "channel"]])
    per_area = comparisons[comparisons["area"].ne(ALL) & pairs.isin(AREA_KPIS)]
    note = f"{ml('units_note', lang)} {ml('trend_note', lang)}"
    from servqual_cli.core.trend import total_family_size

    total_label = adjusted_p_label(adjust, total_family_size(comparisons), lang)
    note = f"{note} {ml('total_adjust_note', lang).format(label=total_label)}"
    blocks: list[Table | Text] = [
        _comparison_table(f"{ml('trend_total', lang)} {heading}", total, lang, note, total_label)
    ]
    if len(per_area):
        # the heading says the order the rows are in: deteriorations first only when there are
        # some (sort_comparisons), else the KPIs' and areas' own order
        any_worse = bool(per_area["verdict"].eq("worse").any())
        title = f"{ml('trend_area' if any_worse else 'trend_area_none', lang)} {heading}"
        area_note = ml("area_note", lang).format(power=round(power * 100))
        if not any_worse:
            area_note = f"{ml('no_area_worse', lang)} {area_note}"
        if family_size is None:  # the core's count of the family compare_kpis adjusted over
            from servqual_cli.core.trend import area_family_size

            family_size = area_family_size(comparisons)
        label = adjusted_p_label(adjust, family_size, lang)
        area_note = f"{area_note} {ml('adjust_note', lang).format(label=label)}"
        per_area_table = _comparison_table(title, per_area, lang, area_note, label)
        blocks.append(replace(per_area_table, appendix=True))  # detail: the report's appendix
    lines = mdd_lines(comparisons, lang, power, conf, adjust)
    return [
        Section("", tuple(blocks)),
        Section(ml("mdd_title", lang), tuple(Text(line) for line in lines)),
    ]
