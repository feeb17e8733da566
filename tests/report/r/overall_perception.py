"""Independent reference for the Karlstad overview's overall perception level (review 10c,
finding 7), stored in tests/report/test_kpi_overview_leftovers.py.

pandas on data/samples/karlstad_servqual.xlsx, not the tool's reader. The overall gap
(core/overall_score.py) is, per respondent with every dimension gap valid, the mean of the
dimension gaps, then the mean over those respondents; the overall perception is the same over
the dimension perceptions (SERVPERF: mean P over the dimension's answered P items, at least half
of them). Prints n 399, overall gap -0.73921470342523 (the tool's -0.7392147034251629) and the
overall perception 5.346223893065998.

Run from the repository root: python tests/report/r/overall_perception.py
"""

import math

import numpy as np
import pandas as pd

# the scale's anchor labels count as their points (one cell, P22 of respondent 146, says
# "Instämmer helt"); "Vet ej", 0 and 8 are not scale points
ANCHORS = {"instämmer helt": 7.0, "instämmer inte alls": 1.0}


def num(d: pd.DataFrame, c: str) -> pd.Series:
    text = d[c].astype(str).str.strip().str.casefold()
    x = pd.to_numeric(d[c], errors="coerce").where(~text.isin(ANCHORS), text.map(ANCHORS))
    return x.where((x >= 1) & (x <= 7))


def main() -> None:
    d = pd.read_excel(
        "data/samples/karlstad_servqual.xlsx", sheet_name="Enkät", engine="openpyxl", header=2
    )
    # pzb1991: Tangibles 1-4, Reliability 5-9, Responsiveness 10-13, Assurance 14-17, Empathy 18-22
    dims = {"T": range(1, 5), "R": range(5, 10), "Rs": range(10, 14), "A": range(14, 18),
            "E": range(18, 23)}  # fmt: skip
    gaps, perf = {}, {}
    for k, items in dims.items():
        P = pd.concat([num(d, f"P{i}") for i in items], axis=1).to_numpy()
        E = pd.concat([num(d, f"E{i}") for i in items], axis=1).to_numpy()
        need = math.ceil(len(items) / 2)
        pair = ~np.isnan(P) & ~np.isnan(E)
        with np.errstate(invalid="ignore"):
            g = np.where(pair, P - E, np.nan)
            gaps[k] = np.where(pair.sum(1) >= need, np.nanmean(g, 1), np.nan)
            perf[k] = np.where((~np.isnan(P)).sum(1) >= need, np.nanmean(P, 1), np.nan)
    G, S = pd.DataFrame(gaps), pd.DataFrame(perf)
    complete = G.notna().all(axis=1)
    print("n", int(complete.sum()))
    print("overall gap", repr(G[complete].mean(axis=1).mean()))
    print("overall perception", repr(S[complete].mean(axis=1).mean()))
    print("dimension perceptions", S.mean().round(2).tolist())


if __name__ == "__main__":
    main()
