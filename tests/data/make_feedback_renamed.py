"""Writes feedback_renamed.csv (review 12a findings 1 and 4; test_feedback_windows_cli.py).

A register exported by date received (2024-2025) on 2026-01-10: Skola in both years (one item
on the 15th of each month, and one on 2025-12-31 closed without a reply on 2026-01-10, the
file's latest date); Teknik only in 2024 (the 1st, January to October); Samhällsbyggnad,
Teknik's new name, only from 2025 (2, 3 and 6 January, the 20th of February to December and
the 25th of February to July). Types alternate klagomål/synpunkt; every third item is answered
in 20 days, the others in 5; every item has contact details.
Run: python tests/data/make_feedback_renamed.py
"""

from pathlib import Path

import pandas as pd

# a script, not a module: importing it (a test run, a doctest) writes nothing
if __name__ == "__main__":
    skola = [f"{y}-{m:02d}-15" for y in (2024, 2025) for m in range(1, 13)]
    teknik = [f"2024-{m:02d}-01" for m in range(1, 11)]
    samh = ["2025-01-02", "2025-01-03", "2025-01-06"] + [f"2025-{m:02d}-20" for m in range(2, 13)]
    samh += [f"2025-{m:02d}-25" for m in range(2, 8)]
    rows = (
        pd.DataFrame(
            {
                "inkommen": pd.to_datetime(skola + teknik + samh + ["2025-12-31"]),
                "förvaltning": ["Skola"] * len(skola)
                + ["Teknik"] * len(teknik)
                + ["Samhällsbyggnad"] * len(samh)
                + ["Skola"],
            }
        )
        .sort_values("inkommen", kind="stable")
        .reset_index(drop=True)
    )
    n = len(rows)
    rows.insert(0, "id", range(1, n + 1))
    rows.insert(2, "typ", ["klagomål", "synpunkt"] * (n // 2) + ["klagomål"] * (n % 2))
    rows["kontaktuppgifter"] = "ja"
    answered = rows["inkommen"].lt(pd.Timestamp("2025-12-31"))
    delay = pd.to_timedelta(pd.Series(range(n)).mod(3).eq(0).map({True: 20, False: 5}), unit="D")
    rows["besvarad"] = (rows["inkommen"] + delay).where(answered)
    rows["avslutad"] = rows["besvarad"].where(answered, pd.Timestamp("2026-01-10"))
    for column in ("inkommen", "besvarad", "avslutad"):
        rows[column] = rows[column].dt.strftime("%Y-%m-%d")
    rows.to_csv(Path(__file__).parent / "feedback_renamed.csv", sep=";", index=False)
