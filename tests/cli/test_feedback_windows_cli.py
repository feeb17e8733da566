"""Review 12a findings 1 and 4 on ``servqual feedback``: a unit renamed between the windows and
an export whose dates run past its last receipt.

tests/data/feedback_renamed.csv (written by tests/data/make_feedback_renamed.py): Teknik has
items only in 2024, Samhällsbyggnad (its new name) only in 2025, Skola in both; receipts end
2025-12-31 and one closing date is 2026-01-10. Finding 1: a unit with no item in one window got
a rate ratio of 0 or infinity, a tiny p and a place in the Holm family (on the old code,
Samhällsbyggnad "3 → 20", p_holm 0,004). Finding 4: the default as-of date was the latest date
in any column (2026-01-10), so the windows ran ten days past the last receipt; ``kpi`` on the
same register judged at 2025-12-31 and gave another share for one promise. Every test here
fails on the old code. The expected counts are recomputed from the raw CSV with pandas beside
the tests, and the Poisson p with scipy's binomial test (R ``poisson.test`` conditions on the
total, as ``binom.test``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from scipy import stats

DATA = Path(__file__).parents[1] / "data"
CSV = DATA / "feedback_renamed.csv"
KPI = DATA / "feedback_renamed_kpi.toml"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _raw_counts(start: str, end: str) -> pd.Series:
    """Items per unit received from ``start`` to ``end`` (dates inclusive), from the raw CSV."""
    raw = pd.read_csv(CSV, sep=";", parse_dates=["inkommen"])
    inside = raw["inkommen"].between(pd.Timestamp(start), pd.Timestamp(end))
    return raw.loc[inside, "förvaltning"].value_counts()


def test_json_windows_end_at_the_last_receipt_and_units_absent_from_one_are_not_compared(
    cli,
) -> None:
    r = cli("feedback", CSV, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    # finding 4: the as-of date is the latest received or answered (kpi's rule), not the
    # closing date 2026-01-10, and the windows end at the last receipt
    assert d["as_of"] == "2025-12-31"
    w = d["trend_window"]
    assert (w["current"]["from"], w["current"]["to"]) == ("2025-01-01", "2025-12-31")
    assert (w["previous"]["from"], w["previous"]["to"]) == ("2024-01-01", "2024-12-31")
    assert (w["last_received"], w["latest_date"], w["end"]) == (
        "2025-12-31",
        "2026-01-10",
        "last_received",
    )
    later, earlier = (
        _raw_counts("2025-01-01", "2025-12-31"),
        _raw_counts("2024-01-01", "2024-12-31"),
    )
    units = {r["key"]: r for r in d["trend"] if r["level"] == "unit"}
    for key, row in units.items():
        assert (row["value"], row["previous_value"]) == (later.get(key, 0), earlier.get(key, 0))
    assert (units["Teknik"]["value"], units["Teknik"]["previous_value"]) == (0, 10)
    assert (units["Samhällsbyggnad"]["value"], units["Samhällsbyggnad"]["previous_value"]) == (
        20,
        0,
    )
    # finding 1: no ratio or test for a unit absent from one window, and the reason in JSON
    for key, reason in (("Teknik", "none_current"), ("Samhällsbyggnad", "none_previous")):
        row = units[key]
        assert (row["compared"], row["reason"]) == (False, reason)
        assert row["estimate"] is row["p"] is row["p_holm"] is None
    # ... so the Holm family of the units is Skola alone: its adjusted p is its own p
    skola = units["Skola"]
    assert (skola["compared"], skola["reason"]) == (True, None)
    exact = stats.binomtest(13, 25, 365 / (365 + 366)).pvalue  # 2025: 365 days, 2024: 366
    assert skola["p"] == pytest.approx(exact, rel=1e-9)
    assert skola["p_holm"] == skola["p"]
    total = next(r for r in d["trend"] if r["level"] == "total")
    assert (total["value"], total["previous_value"]) == (later.sum(), earlier.sum())
    assert (total["compared"], total["reason"]) == (True, None)


@pytest.mark.parametrize(
    ("lang", "row", "note"),
    [
        (
            "sv",
            "| Förvaltning | Samhällsbyggnad | 0 | 20 | – | – | – | – | – |",
            "Teknik har inga synpunkter i det senare fönstret och Samhällsbyggnad inga i det "
            "tidigare: bytt namn eller omorganiserat? De jämförs inte (ingen kvot eller test, "
            "och ingår inte i Holm-justeringen). Inga synpunkter inkomna efter 2025-12-31 "
            "(registrets senaste datum är 2026-01-10); fönstren slutar där. Per-datumet "
            "2025-12-31 är registrets senaste inkomst- eller svarsdatum, som i kpi; "
            "avslutsdatum efter det (till 2026-01-10) räknas inte: de ärendena är ej avslutade "
            "per 2025-12-31.",
        ),
        (
            "en",
            "| Unit | Samhällsbyggnad | 0 | 20 | – | – | – | – | – |",
            "Teknik has no items in the later window and Samhällsbyggnad none in the earlier: "
            "renamed or reorganised? They are not compared (no ratio or test, and not in the "
            "Holm adjustment). No items received after 2025-12-31 (the register's latest date "
            "is 2026-01-10); the windows end there. The as-of date 2025-12-31 is the register's "
            "latest date received or answered, as in kpi; closing dates after it (to "
            "2026-01-10) are not counted: those items are not closed as of 2025-12-31.",
        ),
    ],
)
def test_markdown_shows_the_counts_with_dashes_and_names_both_rules(
    cli, lang: str, row: str, note: str
) -> None:
    r = cli("feedback", CSV, "-f", "markdown", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert row in r.stdout
    head = "Antal synpunkter" if lang == "sv" else "Number of items"
    assert f"### {head}, 2024-01-01–2024-12-31 → 2025-01-01–2025-12-31" in r.stdout
    assert note in _flat(r.stdout)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_explicit_as_of_after_the_last_receipt_keeps_its_windows_and_says_so(
    cli, lang: str
) -> None:
    r = cli("feedback", CSV, "--as-of", "2026-01-10", "-f", "json")
    w = json.loads(r.stdout)["trend_window"]
    assert (w["current"]["to"], w["end"]) == ("2026-01-10", "as_of")
    md = _flat(
        cli("feedback", CSV, "--as-of", "2026-01-10", "-f", "markdown", "--lang", lang).stdout
    )
    expected = {
        "sv": "Inga synpunkter inkomna efter 2025-12-31, men fönstren slutar vid --as-of "
        "2026-01-10: är registret inte komplett till dess är det senare fönstrets antal för lågt.",
        "en": "No items received after 2025-12-31, but the windows end at --as-of 2026-01-10: if "
        "the register is not complete to that date, the later window's count is too low.",
    }[lang]
    assert expected in md


def test_kpi_and_feedback_give_one_default_date_and_one_share_for_one_promise(cli) -> None:
    k = cli("kpi", KPI, "-f", "json")
    assert k.exit_code == 0, k.stderr
    kpi = json.loads(k.stdout)["kpis"][0]
    f = json.loads(cli("feedback", CSV, "-f", "json").stdout)
    assert f["as_of"] == kpi["as_of"] == "2025-12-31"
    (share,) = [r for r in f["trend"] if r["measure"] == "reply_within_promise"]
    change = kpi["change"]
    assert (share["value"], share["n"]) == (kpi["value"], kpi["n"])
    assert (share["previous_value"], share["n_previous"]) == (
        change["previous_value"],
        change["n_previous"],
    )
    assert f["reply_windows"]["end"] == change["windows"]["end"] == "2025-12-17"
    # recomputed from the raw CSV: received 1 Jan-17 Dec 2025, answered within 14 days
    raw = pd.read_csv(CSV, sep=";", parse_dates=["inkommen", "besvarad"])
    kept = raw[raw["inkommen"].between(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-17"))]
    within = (kept["besvarad"] - kept["inkommen"]).dt.days.le(14).sum()
    assert share["value"] == pytest.approx(within / len(kept))
