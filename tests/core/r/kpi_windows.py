"""Review 10a finding 4's independent check, stored in kpi_windows.json (and the lead times of
kpi_shift_bygglov.csv, which kpi_shift.R reads).

The duration KPIs of data/samples/kpi.toml with the equal-follow-up rule, counted with plain
pandas and scipy on the workbooks (not the tool's loader, case engine or tests):

- as_of is the end of the last date in the KPI's start and end columns; a case counts only when
  its clock started at least the limit (or the norm) before it, which with whole-day dates is
  ``(as_of date - start date).days >= limit days``; so the latest year's cases end at a start
  date ``cut`` (2024-10-21 for bygglov, 2024-12-17 for the feedback register);
- the matched window: the previous year's cases count only up to the same calendar date
  (month and day; the rule's 29 February would be 28 February in a year without it, which
  does not arise here); both years start on 1 January;
- share within the limit: decided = the kept cases (every kept case had the whole time, so an
  open one is decided as late), within = answered by as_of in at most the limit; Fisher's exact
  test (``scipy.stats.fisher_exact``, two-sided) and Newcombe's hybrid score interval of the
  difference (``statsmodels`` ``confint_proportions_2indep(method="newcomb")``);
- a median time: the closed durations, Mann-Whitney (``scipy.stats.mannwhitneyu``, asymptotic
  with continuity correction, two-sided) and the Hodges-Lehmann shift (the median of all
  pairwise differences later - earlier); the shift's interval is R's (kpi_shift.R on the CSV
  this script writes).

Alongside, the same statistics without the matched window (the previous year whole): the values
the tool showed before, so the verdicts that change can be listed. The feedback register keeps
the first row of a repeated id and leaves out an answer dated before its receipt, as
``servqual feedback`` does. Run from the repository root:

    R=tests/core/r
    python $R/kpi_windows.py data/samples $R/kpi_shift_bygglov.csv > $R/kpi_windows.json
    Rscript $R/kpi_shift.R > $R/kpi_shift.json

pandas 2.x / 3.x with openpyxl, scipy >= 1.9, statsmodels >= 0.13.
"""

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _cases(path: Path, start: str, end: str, keep: dict[str, str], register: bool) -> pd.DataFrame:
    d = pd.read_excel(path, engine="openpyxl")
    for column, value in keep.items():
        d = d[d[column].astype(str).eq(value)]
    if register:
        d = d.drop_duplicates("id", keep="first")
    s = pd.to_datetime(d[start], errors="coerce")
    e = pd.to_datetime(d[end], errors="coerce")
    if register:  # an answer dated before its receipt is no answer the register measures
        e = e.where(~(e < s))
    out = pd.DataFrame({"start": s, "end": e}).dropna(subset=["start"])
    return out[~(out["end"] < out["start"])]


def _share(days: int, cases: pd.DataFrame, as_of: pd.Timestamp) -> tuple[int, int]:
    answered = cases["end"].notna() & (cases["end"] <= as_of)
    within = answered & ((cases["end"] - cases["start"]).dt.days <= days)
    return int(within.sum()), len(cases)


def _closed(cases: pd.DataFrame, as_of: pd.Timestamp) -> np.ndarray:
    answered = cases["end"].notna() & (cases["end"] <= as_of)
    return (cases["end"] - cases["start"]).dt.days[answered].to_numpy(dtype=float)


def measure(cases: pd.DataFrame, days: int, statistic: str, matched: bool) -> dict:
    from scipy.stats import fisher_exact, mannwhitneyu
    from statsmodels.stats.proportion import confint_proportions_2indep

    as_of = max(cases["start"].max(), cases["end"].max()).normalize()
    cases = cases[cases["start"] <= as_of]
    full = (as_of - cases["start"]).dt.days >= days
    cut = as_of - pd.Timedelta(days=days)
    year = cases["start"].dt.year
    latest = cases[(year == 2024) & full]
    previous = cases[year == 2023]
    if matched:  # the same calendar date in 2023 (month and day)
        same = cut.replace(year=2023)
        previous = previous[previous["start"] <= same]
    out = {
        "as_of": as_of.date().isoformat(),
        "window_2024": ["2024-01-01", cut.date().isoformat()],
        "window_2023": [
            "2023-01-01",
            (cut.replace(year=2023) if matched else pd.Timestamp("2023-12-31")).date().isoformat(),
        ],
        "n_cases_2023": len(previous),
        "n_cases_2024": len(latest),
        "n_2023_total": int((year == 2023).sum()),
        "n_2024_total": int((year == 2024).sum()),
    }
    if statistic == "share_within":
        k1, n1 = _share(days, previous, as_of)
        k2, n2 = _share(days, latest, as_of)
        low, high = confint_proportions_2indep(k2, n2, k1, n1, method="newcomb", compare="diff")
        out |= {
            "k_2023": k1, "n_2023": n1, "k_2024": k2, "n_2024": n2,
            "share_2023": k1 / n1, "share_2024": k2 / n2, "diff": k2 / n2 - k1 / n1,
            "diff_low": float(low), "diff_high": float(high),
            "p": float(fisher_exact([[k1, n1 - k1], [k2, n2 - k2]])[1]),
        }  # fmt: skip
    else:
        b, a = _closed(previous, as_of), _closed(latest, as_of)
        out |= {
            "n_2023": int(b.size), "n_2024": int(a.size),
            "median_2023": float(np.median(b)), "median_2024": float(np.median(a)),
            "shift": float(np.median(np.subtract.outer(a, b))),
            "p": float(mannwhitneyu(a, b, alternative="two-sided", use_continuity=True,
                                    method="asymptotic").pvalue),
        }  # fmt: skip
    p_detected = out["p"] < 0.05
    if statistic == "share_within":
        p_detected = p_detected and (out["diff_low"] > 0 or out["diff_high"] < 0)
    out["detected"] = bool(p_detected)
    return out


def main() -> None:
    # a function, so that pytest's --doctest-modules can import the file without arguments
    samples = Path(sys.argv[1])
    bygglov = _cases(samples / "bygglov_arenden.xlsx", "komplett", "beslut", {}, False)
    feedback = _cases(samples / "synpunkter_2023_2024.xlsx", "inkommen", "besvarad",
                      {"kontaktuppgifter": "ja"}, True)  # fmt: skip
    kpis = {
        "Handläggningstid bygglov": (bygglov, 70, "median"),
        "Bygglov beslutas inom tio veckor från komplett ansökan": (bygglov, 70, "share_within"),
        "Synpunkter besvaras inom 14 dagar": (feedback, 14, "share_within"),
    }
    out = {
        name: {"matched": measure(c, d, s, True), "whole_previous_year": measure(c, d, s, False)}
        for name, (c, d, s) in kpis.items()
    }
    if len(sys.argv) > 2:  # the lead times kpi_shift.R reads: the matched window's
        as_of = max(bygglov["start"].max(), bygglov["end"].max()).normalize()
        cut = as_of - pd.Timedelta(days=70)
        year = bygglov["start"].dt.year
        b = _closed(bygglov[(year == 2023) & (bygglov["start"] <= cut.replace(year=2023))], as_of)
        a = _closed(bygglov[(year == 2024) & (bygglov["start"] <= cut)], as_of)
        rows = [f"2023,{int(v)}" for v in np.sort(b)] + [f"2024,{int(v)}" for v in np.sort(a)]
        Path(sys.argv[2]).write_text("year,days\n" + "\n".join(rows) + "\n", encoding="utf-8")
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
