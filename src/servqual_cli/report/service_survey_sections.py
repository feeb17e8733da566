"""Sections of ``servqual service-survey``: indices per year, channel and question, changes
from the previous year and the trend over all years. Renders only; computes nothing."""

from __future__ import annotations

import pandas as pd

from servqual_cli.core.service_survey import ServiceSurveyResult
from servqual_cli.core.thresholds import MIN_N
from servqual_cli.report.catalog import SERVICE_SURVEY as _L
from servqual_cli.report.catalog import count_text
from servqual_cli.report.catalog_shared import ADJUST_METHODS
from servqual_cli.report.conf_level import with_level
from servqual_cli.report.spec import Section, Table, Text

__all__ = ["service_survey_sections", "survey_benchmark_section"]


def _l(key: str, lang: str, conf: float = 0.95) -> str:
    """A label; its ``{level}`` the level ``conf`` the intervals were computed at (``--conf``)."""
    sv, en = _L[key]
    return with_level(sv if lang == "sv" else en, conf, lang)


def _adjusted(key: str, lang: str, adjust: str, **fields: int) -> str:
    """A label or note that names the adjustment ``adjust`` (holm, bh; R p.adjust)."""
    return _l(key, lang).format(method=ADJUST_METHODS[adjust], code=adjust, **fields)


def _labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    for col in ("channel", "question", "verdict"):
        if col in out:
            out[col] = out[col].map(lambda v: _l(str(v), lang))
    return out


def service_survey_sections(
    result: ServiceSurveyResult, lang: str, notes: list[str]
) -> list[Section]:
    idx = _labelled(result.indices, lang)
    idx["small_base"] = idx["small_base"].map(lambda b: _l("yes" if b else "no", lang))
    cols = ["year", "channel", "question", "n", "index", "ci_low", "ci_high", "share_4_5",
            "small_base"]  # fmt: skip
    fmt = {"year": "year", "n": "d", "index": ".1f", "ci_low": ".1f", "ci_high": ".1f",
           "share_4_5": "pct"}  # fmt: skip
    conf, adjust = result.conf, result.adjust
    names = {c: _l(c, lang, conf) for c in cols}
    note = _l("note", lang).format(min_n=result.min_n)
    blocks: list[Table | Text] = [
        Table(
            _l("title", lang),
            idx[cols].rename(columns=names),
            {names[c]: f for c, f in fmt.items()},
            note=note,
            sheet="Index",
        )
    ]
    if len(result.changes):
        ch = _labelled(result.changes, lang)
        ch["years"] = [f"{a}–{b}" for a, b in zip(ch["before"], ch["after"], strict=True)]
        cols = ["years", "channel", "question", "index_before", "index_after", "diff", "ci_low",
                "ci_high", "p", "p_adjusted", "verdict"]  # fmt: skip
        fmt = {"index_before": ".1f", "index_after": ".1f", "diff": "+.1f", "ci_low": ".1f",
               "ci_high": ".1f", "p": "p", "p_adjusted": "p"}  # fmt: skip
        names = {c: _l(c, lang, conf) for c in cols}
        if adjust != "none":  # the intervals are per comparison, the verdict follows the
            # adjusted p (review 3, finding 6)
            names.update({c: _l(f"diff_{c}", lang, conf) for c in ("ci_low", "ci_high")})
        if adjust == "none":  # no second p column: the verdict follows the one shown
            cols.remove("p_adjusted")
            note = _l("no_adjust_note", lang)
        else:
            names["p_adjusted"] = _adjusted("p_adjusted", lang, adjust, n=len(result.changes))
            note = _adjusted("ci_note", lang, adjust)
            if not len(result.trends):
                note = f"{_adjusted('adjust_note', lang, adjust)} {note}"
        blocks.append(Table(_l("changes", lang), ch[cols].rename(columns=names),
                            {names[c]: f for c, f in fmt.items()}, sheet="Change", note=note,
                            ))  # fmt: skip
    if len(result.trends):
        tr = _labelled(result.trends.rename(columns={"kpi": "question"}), lang)
        spans = zip(tr["first_year"], tr["last_year"], tr["n_years"], strict=True)
        tr["years"] = [f"{a}–{b} ({count_text(n, lang)})" for a, b, n in spans]
        cols = ["channel", "question", "years", "slope", "ci_low", "ci_high", "p", "p_adjusted",
                "verdict"]  # fmt: skip
        names = {c: _l(c, lang, conf) for c in cols}
        names["p"] = "p"
        # the slope's t interval at --conf (review 9 finding 7), per trend like the changes'
        formats = {names["slope"]: "+.2f", names["ci_low"]: ".2f", names["ci_high"]: ".2f",
                   "p": "p"}  # fmt: skip
        if adjust == "none":
            cols.remove("p_adjusted")
            note = _l("no_adjust_note", lang)
        else:
            names.update({c: _l(f"diff_{c}", lang, conf) for c in ("ci_low", "ci_high")})
            formats = {names["slope"]: "+.2f", names["ci_low"]: ".2f",
                       names["ci_high"]: ".2f", "p": "p"}  # fmt: skip
            names["p_adjusted"] = _adjusted("p_adjusted", lang, adjust,
                                            n=int(tr["p"].notna().sum()))  # fmt: skip
            formats[names["p_adjusted"]] = "p"
            note = _adjusted("adjust_note", lang, adjust)
        note = f"{note} {_l('trend_ci_note', lang)}"
        blocks.append(Table(_l("trend", lang), tr[cols].rename(columns=names), formats,
                            sheet="Trend", note=note))  # fmt: skip
    blocks.extend(Text(n, "note") for n in notes)
    return [Section("", tuple(blocks))]


def _note(frame: pd.DataFrame, lang: str, conf: float) -> str:
    """The benchmark table's note, naming that its verdicts are not Holm-adjusted when more
    than one was made (review 16, finding 4)."""
    note = _l("bench_note", lang, conf)
    m = int(frame["verdict"].notna().sum())
    if m > 1:
        note += " " + _l("bench_unadjusted", lang, conf).format(m=m)
    return note


def survey_benchmark_section(
    frame: pd.DataFrame,
    municipality: str,
    year: int,
    lang: str,
    notes: list[str],
    conf: float = 0.95,
    min_n: int = MIN_N,
) -> Section:
    """This municipality's indices of ``year`` against the others' published values; an index
    on a small base (fewer than ``min_n`` answers) shows "för få svar" for rank, no colour."""
    t = _labelled(frame, lang)
    of = _l("of", lang)
    small = t["small_base"].astype(bool).to_numpy() if "small_base" in t else None
    t["rank"] = [_l("too_few", lang) if r is None or r != r else f"{int(r)} {of} {int(n)}"
                 for r, n in zip(t["rank"], t["n_municipalities"], strict=True)]  # fmt: skip
    t["rank_third"] = t["rank_third"].map(lambda c: "–" if c is None else _l(str(c), lang))
    if small is not None:  # a verdict on a small base stays, marked (review 16, finding 4)
        judged = small & frame["verdict"].notna().to_numpy()
        t.loc[judged, "verdict"] = [
            _l("bench_small_mark", lang).format(verdict=v, n=count_text(int(n), lang))
            for v, n in zip(t.loc[judged, "verdict"], t.loc[judged, "n"], strict=True)
        ]
    cols = ["channel", "question", "index", "ci_low", "ci_high", "others_mean", "diff", "rank",
            "rank_third", "verdict"]  # fmt: skip
    if t["file_value"].notna().any():  # the municipality's own published value (finding 8)
        cols.insert(cols.index("others_mean"), "file_value")
    names = {c: _l(c, lang, conf) for c in cols}
    names["index"] = municipality
    names["diff"] = _l("bench_diff", lang)
    fmt = {"index": ".1f", "ci_low": ".1f", "ci_high": ".1f", "others_mean": ".1f",
           "diff": "+.1f", "file_value": ".1f"}  # fmt: skip
    table = Table(f"{_l('bench_title', lang)} {year}", t[cols].rename(columns=names),
                  {names[c]: f for c, f in fmt.items() if c in names},
                  note=_note(frame, lang, conf), sheet="Benchmark")  # fmt: skip
    from servqual_cli.report.benchmark_sections import colour_verdict_note

    extra = colour_verdict_note(frame, lang, conf)  # review 12c, finding 8
    if small is not None and small.any():
        extra.append(_l("bench_small_note", lang).format(min_n=count_text(min_n, lang)))
    if "file_value" in cols:
        extra.append(_l("bench_file_note", lang))
    return Section("", (table, *(Text(n, "note") for n in [*extra, *notes])))
