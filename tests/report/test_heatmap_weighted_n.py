"""Review 17, finding 7: in a weighted report the group heat map's row labels, its small-base
marks and its note gave each group's n as all of its rows (Förskola/barnomsorg 26, Äldreomsorg
28), rows without a valid weight and without answers included, while its cells and the table
it says it follows ("Gap per dimension – Tjänst, viktat efter Vikt") rest on 24 and 26. The n
and the mark now come from that table.

The reference is independent of the package: pandas counts, per group and dimension, the rows
with a positive weight and a gap on at least half of the dimension's items (PZB 1991's items,
scale 1–7), the rule a dimension score follows. Fails on the old code (labels "n = 26").
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from servqual_cli.report.build import build_report, load_survey
from servqual_cli.report.config import load_config
from servqual_cli.report.spec import Figure, Table

DATA = Path(__file__).resolve().parents[1] / "data"
CONFIG = DATA / "r17_messy_weighted.toml"
ITEMS = {
    "Fysisk miljö": range(1, 5),
    "Tillförlitlighet": range(5, 10),
    "Lyhördhet": range(10, 14),
    "Trygghet": range(14, 18),
    "Empati": range(18, 23),
}
MIN_N = 30  # the report's default min_n


def _reference() -> pd.DataFrame:
    """Groups × dimensions: the respondents each weighted gap rests on."""
    d = pd.read_csv(DATA / "r17_messy_weighted.csv", dtype=str, sep=";")

    def number(column: str) -> pd.Series:
        x = pd.to_numeric(d[column].str.replace(",", "."), errors="coerce")
        return x.where(x.between(1, 7))

    weight = pd.to_numeric(d["Vikt"].str.replace(",", "."), errors="coerce")
    counts = {}
    for name, items in ITEMS.items():
        gap = np.column_stack([number(f"P{i}") - number(f"E{i}") for i in items])
        used = (np.isfinite(gap).sum(axis=1) >= len(items) / 2) & (weight > 0).to_numpy()
        counts[name] = d[used].groupby("Tjänst").size()
    return pd.DataFrame(counts)


def test_heatmap_n_and_small_base_follow_the_weighted_table() -> None:
    config = load_config(CONFIG)
    doc = build_report(config, load_survey(config))
    blocks = [b for s in doc.sections for b in s.blocks]
    heat = next(b for b in blocks if isinstance(b, Figure) and b.kind == "group_heatmap")
    table = next(b for b in blocks if isinstance(b, Table) and b.title.endswith("viktat efter Vikt")
                 and "Litet underlag" in b.frame.columns)  # fmt: skip
    ref = _reference()
    rows = heat.data["rows"]
    low, high = ref.loc[rows].min(axis=1), ref.loc[rows].max(axis=1)
    words = [str(h) if lo == h else f"{lo}–{h}" for lo, h in zip(low, high, strict=True)]
    small = (low < MIN_N).tolist()
    expected = [f"{g} (n = {k}{', litet underlag' if s else ''})"
                for g, k, s in zip(rows, words, small, strict=True)]  # fmt: skip
    assert heat.data["row_labels"] == expected
    assert heat.data["n"] == high.tolist() and heat.data["small_base"] == small
    # the same n as the table the note points to, and its "Litet underlag" rows
    t = table.frame
    assert t.groupby("Grupp")["n"].max().loc[rows].tolist() == high.tolist()
    flagged = t.assign(f=t["Litet underlag"] == "ja").groupby("Grupp")["f"].any()
    assert flagged.loc[rows].tolist() == small
    note = " ".join(heat.notes)
    assert "Förskola/barnomsorg (n = 24), Grundskola (n = 28–29) och Äldreomsorg (n = 26)" in note
    assert "(n = 26), Grundskola" not in note and "(n = 28)" not in note
