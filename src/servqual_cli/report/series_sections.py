"""Sections of ``servqual trend`` over three or more years: every year's value and interval per
KPI, and the trend test over all years (:mod:`servqual_cli.core.series`). Renders only."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.contacts import ALL, SPECS
from servqual_cli.report.catalog import SERIES as _LABELS
from servqual_cli.report.catalog import count_text, rl
from servqual_cli.report.conf_level import level_text, with_level
from servqual_cli.report.measurement_sections import AREA_KPIS, display_scale, kpi_name
from servqual_cli.report.numbers import fmt_signed
from servqual_cli.report.spec import Figure, Section, Table, Text
from servqual_cli.report.trend_small_base import small_base_cells, small_base_note
from servqual_cli.report.word_lists import join_items

__all__ = ["series_lead", "series_sections"]


def _l(key: str, lang: str, conf: float = 0.95) -> str:
    """A label; its ``{level}`` the level ``conf`` the intervals were computed at (``--conf``)."""
    sv, en = _LABELS[key]
    return with_level(sv if lang == "sv" else en, conf, lang)


def _span(t: pd.DataFrame) -> str:
    """The years the trends span: "2019–2022"."""
    return f"{int(t['first_year'].min())}–{int(t['last_year'].max())}"


def series_lead(trends: pd.DataFrame, lang: str) -> str | None:
    """One sentence for the report's lead: the totals' trends judged better and worse over all
    years, the verdicts of the table "Trend över alla år" (Holm-adjusted; the lead names no
    test), or that none is detectable (review 18 #10: the lead spoke of the last two years
    only and left out the series' two clear improvements). None without trend rows."""
    t = trends[trends["area"].eq(ALL) & trends["p"].notna()]
    if t.empty:
        return None
    names = pd.Series([kpi_name(k, c, lang) for k, c in zip(t["kpi"], t["channel"], strict=True)],
                      index=t.index)  # fmt: skip
    better = names[t["verdict"].eq("better")].tolist()
    worse = names[t["verdict"].eq("worse")].tolist()
    keys = {(True, True): "lead_both", (True, False): "lead_better",
            (False, True): "lead_worse", (False, False): "lead_none"}  # fmt: skip
    key = keys[(bool(better), bool(worse))]
    return _l(key, lang).format(span=_span(t), better=join_items(better, lang),
                                worse=join_items(worse, lang))  # fmt: skip


def _trend_caption(trends: pd.DataFrame | None, kpi: str, channel: str, lang: str) -> str:
    """The KPI's row of "Trend över alla år" for its chart's caption: " Trend 2019–2022: −6,29
    procentenheter per år, ingen påvisbar trend (Holm, 14 test)." (review 18 #10); "" without."""
    if trends is None:
        return ""
    row = trends[trends["area"].eq(ALL) & trends["kpi"].eq(kpi) & trends["channel"].eq(channel)
                 & trends["p"].notna()]  # fmt: skip
    if row.empty:
        return ""
    slope = float(row["slope"].iloc[0]) * float(display_scale(pd.Series([kpi]))[0])
    holm = ""
    if "p_adjusted" in row.columns:  # the family the table names: every trend test made
        n = count_text(int(trends["p"].notna().sum()), lang)
        holm = _l("caption_holm", lang).format(n=n)
    return " " + _l("caption_trend", lang).format(
        span=_span(row), slope=fmt_signed(slope, lang), unit=_l(f"unit_{SPECS[kpi].unit}", lang),
        verdict=_l(str(row["verdict"].iloc[0]), lang), holm=holm)  # fmt: skip


def series_figures(
    values: pd.DataFrame, lang: str, conf: float = 0.95, trends: pd.DataFrame | None = None
) -> list[Figure]:
    """A line chart per main KPI: every year's value with its interval (display units), and the
    others' mean per year as a dashed line when a benchmark gave it; with ``trends`` the
    caption ends with the KPI's trend row (review 18 #10)."""
    from servqual_cli.report.chart_words import cw

    v = values[values["area"].eq(ALL)]
    level = level_text(conf, lang)  # the series' intervals (core.series)
    out = []
    for kpi, channel in AREA_KPIS:  # a loop over the memo's main KPIs
        rows = v[v["kpi"].eq(kpi) & v["channel"].eq(channel)].sort_values("year")
        if len(rows) < 2:
            continue
        scale = float(display_scale(pd.Series([kpi]))[0])
        series: list[dict[str, object]] = [{
            "name": _l("this", lang),
            "values": (rows["value"].to_numpy(dtype=float) * scale).tolist(),
            "ci_low": (rows["ci_low"].to_numpy(dtype=float) * scale).tolist(),
            "ci_high": (rows["ci_high"].to_numpy(dtype=float) * scale).tolist(),
        }]  # fmt: skip
        if "others_mean" in rows and rows["others_mean"].notna().any():
            others = rows["others_mean"].to_numpy(dtype=float) * scale
            series.append({"name": _l("others_mean", lang), "values": others.tolist(),
                           "dashed": True})  # fmt: skip
        key = "chart_series_others" if len(series) > 1 else "chart_series_own"
        note = cw(key, lang, conf=level)
        small = rows["small_base"].fillna(False).astype(bool) if "small_base" in rows else None
        extra: dict[str, object] = {}
        said = ""  # the ringed years, in the note and the text alternative alike
        if small is not None and small.any():  # the core's flag, ringed and said (a-small)
            series[0].update(small=small.tolist(), n=[int(n) for n in rows["n"]])
            limit = count_text(int(rows["min_n"].max()), lang)
            extra["small_label"] = _l("small_marker", lang).format(min_n=limit)
            ringed = rows[small.to_numpy()]
            years = [f"{int(y)} (n = {count_text(int(n), lang)})"
                     for y, n in zip(ringed["year"], ringed["n"], strict=True)]  # fmt: skip
            said = " " + _l("small_chart_note", lang).format(years=", ".join(years))
            note += said
        trend = _trend_caption(trends, kpi, channel, lang)  # in the text alternative too
        note += trend
        data = {"x": [int(y) for y in rows["year"]], "series": series,
                "labels": {"x": _l("year", lang), "y": _l(SPECS[kpi].unit, lang)},
                "percent": SPECS[kpi].unit == "share", "conf": conf, **extra}  # fmt: skip
        # conf: the intervals' level, for the data table's and CSV's headings (chart_data)
        title = kpi_name(kpi, channel, lang)
        out.append(Figure(f"series_{kpi}_{channel}".lower(), title, "lines", data,
                          caption=note,
                          description=cw("chart_desc_series", lang, what=title, conf=level)
                          + said + trend,
                          notes=(note,)))  # fmt: skip
    return out


def series_sections(
    values: pd.DataFrame,
    trends: pd.DataFrame,
    lang: str,
    charts: bool = False,
    conf: float = 0.95,
) -> list[Section]:
    """The yearly values of the totals (area ALL) and the trend tests; with ``charts`` a line
    chart per main KPI (for reports; the terminal shows none)."""
    v = values[values["area"].eq(ALL)].copy()
    # KPI by KPI, each with its years in order (the values come year by year).
    order = pd.DataFrame({"kpi": v["kpi"].map({k: i for i, k in enumerate(SPECS)}),
                          "channel": v["channel"].map({"phone": 0, "email": 1, ALL: 2}),
                          "year": v["year"]})  # fmt: skip
    v = v.loc[order.sort_values(["kpi", "channel", "year"], kind="stable").index]
    scale = display_scale(v["kpi"])
    has_others = "others_mean" in v and bool(v["others_mean"].notna().any())
    for col in ("value", "ci_low", "ci_high", *(["others_mean"] if has_others else [])):
        v[col] = v[col].to_numpy(dtype=float) * scale
    v["kpi"] = [kpi_name(k, c, lang) for k, c in zip(v["kpi"], v["channel"], strict=True)]
    v["year"] = v["year"].astype("Int64")
    cols = [
        "kpi",
        "year",
        "n",
        "value",
        "ci_low",
        "ci_high",
        *(["others_mean"] if has_others else []),
    ]
    shown = v[cols].rename(columns={c: _l(c, lang, conf) for c in cols}).reset_index(drop=True)
    fmt = {_l(c, lang, conf): f for c, f in (("year", "year"), ("n", "d"), ("value", ".1f"),
                                       ("ci_low", ".1f"), ("ci_high", ".1f"),
                                       ("others_mean", ".1f"))}  # fmt: skip
    # a year under min_n marked beside its n, in the overview's word (core's small_base;
    # w-trend2, s17: the series had no mark), and said in a note; nothing when none is small
    cells = small_base_cells(v, lang)  # trend_small_base: the trend tables' mark and note
    values_note = None
    if cells is not None:
        shown.insert(cols.index("n") + 1, rl("g_small_base", lang), cells.to_numpy())
        values_note = small_base_note(v, lang, "small_values_note", _l)
    blocks: list[Table | Text] = [
        Table(
            _l("series_title", lang),
            shown,
            fmt,
            note=values_note,
            sheet=_l("series_title", lang)[:31],
        )
    ]
    t = trends[trends["area"].eq(ALL)].copy()
    if len(t):
        scale_t = display_scale(t["kpi"])
        for col in ("slope", "ci_low", "ci_high"):  # the interval at --conf (review 9 #7)
            t[col] = t[col].to_numpy(dtype=float) * scale_t
        t["kpi"] = [kpi_name(k, c, lang) for k, c in zip(t["kpi"], t["channel"], strict=True)]
        t["years"] = [f"{a}–{b} ({count_text(n, lang)})" for a, b, n in
                      zip(t["first_year"], t["last_year"], t["n_years"], strict=True)]  # fmt: skip
        t["test"] = t["test"].map(lambda x: _l(str(x), lang))
        t["verdict"] = t["verdict"].map(lambda x: _l(str(x), lang))
        adjusted = "p_adjusted" in t.columns
        cols = ["kpi", "years", "slope", "ci_low", "ci_high", "p",
                *(["p_adjusted"] if adjusted else []), "test", "verdict"]  # fmt: skip
        note = f"{_l('note', lang)} {_l('trend_ci_note', lang)}"
        t_cells = small_base_cells(t, lang)
        if t_cells is not None:  # which years are small, after the years the trend spans
            note = f"{note} {small_base_note(t, lang, 'small_trend_note', _l)}"
            years = t_cells + " " + t["small_years"].astype(str)
            t["small_base"] = years.where(t_cells.ne(""), "")
            cols.insert(cols.index("years") + 1, "small_base")
        names = {c: _l(c, lang, conf) for c in cols if c != "small_base"}
        names["small_base"] = rl("g_small_base", lang)
        if adjusted:  # the family is every trend test made, the totals' and the areas' alike
            n_tests = count_text(int(trends["p"].notna().sum()), lang)
            names["p"] = _l("p_raw", lang)
            names["p_adjusted"] = _l("p_adjusted", lang).format(n=n_tests)
            note = f"{note} {_l('adjust_note', lang).format(n=n_tests)}"
        shown_t = t[cols].rename(columns=names).reset_index(drop=True)
        formats = {names["slope"]: "+.2f", names["ci_low"]: ".2f", names["ci_high"]: ".2f",
                   names["p"]: "p"}  # fmt: skip
        if adjusted:
            formats[names["p_adjusted"]] = "p"
        blocks.append(Table(_l("trend_title", lang), shown_t, formats, note=note,
                            sheet=_l("trend_title", lang)[:31]))  # fmt: skip
    sections = [Section("", tuple(blocks))]
    figures = series_figures(values, lang, conf, trends) if charts else []
    if figures:
        sections.append(Section(_l("series_title", lang), tuple(figures), level=3))
    return sections
