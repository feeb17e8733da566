"""Review 9 finding 1's independent check, stored in feedback_backlog_review9.json.

The reply promise's backlog of the sample register, counted with plain pandas on the workbook
(not the tool's loader or case engine): items whose sender left contact details
(``kontaktuppgifter == "ja"``), with no reply (``besvarad`` empty) at 2024-12-31 (the register's
latest date) and older than the 14-day promise then, open or closed alike; of them the ones
closed (``avslutad`` set) without a reply. Beside it, the reply share's denominator on the same
items: the decided (answered, or unanswered past the promise) among those that had the whole
promise, and the answered among them; decided minus answered is the backlog, so the two tables
count the same unanswered items. A repeated id keeps its first row, as the tool does.

The dates are whole days: the age at the end of 2024-12-31 exceeds 14 days exactly when the
difference in calendar days is at least 14. Run from the repository root:

    R=tests/core/r
    python $R/feedback_backlog_review9.py data/samples/synpunkter_2023_2024.xlsx \
        > $R/feedback_backlog_review9.json

pandas 2.x / 3.x with openpyxl.
"""

import json
import sys

import pandas as pd


def main() -> None:
    # a function, so that pytest's --doctest-modules can import the file without arguments
    d = pd.read_excel(sys.argv[1], engine="openpyxl").drop_duplicates("id", keep="first")
    for c in ("inkommen", "besvarad", "avslutad"):
        d[c] = pd.to_datetime(d[c], errors="coerce")
    as_of = pd.Timestamp("2024-12-31")
    age = (as_of - d["inkommen"]).dt.days
    contact = d["kontaktuppgifter"].eq("ja")
    no_reply = d["besvarad"].isna() | (d["besvarad"] > as_of)
    closed = d["avslutad"].notna() & (d["avslutad"] <= as_of)
    whole_promise = age >= 14
    late = contact & no_reply & whole_promise
    # the reply share: an answer dated before its receipt is no valid duration (neither
    # answered nor decided), as the case engine rules
    answered = contact & ~no_reply & (d["besvarad"] >= d["inkommen"])
    decided = (answered | late) & whole_promise
    within = answered & whole_promise & ((d["besvarad"] - d["inkommen"]).dt.days <= 14)
    units = sorted(d["förvaltning"].unique())

    def per_unit(mask: pd.Series) -> dict[str, int]:
        counts = d.loc[mask, "förvaltning"].value_counts()
        return {u: int(counts.get(u, 0)) for u in units}

    out = {
        "as_of": as_of.date().isoformat(),
        "promise_days": 14,
        "n_with_contact_no_reply": int((contact & no_reply).sum()),
        "n_with_contact_no_reply_too_recent": int((contact & no_reply & ~whole_promise).sum()),
        "n_unanswered_overdue": int(late.sum()),
        "n_unanswered_overdue_closed": int((late & closed).sum()),
        "n_unanswered_overdue_open": int((late & ~closed).sum()),
        "by_unit": {
            "n_unanswered_overdue": per_unit(late),
            "n_unanswered_overdue_closed": per_unit(late & closed),
            "n_decided": per_unit(decided),
            "n_answered_decided": per_unit(answered & whole_promise),
        },
        "reply": {
            "n_decided": int(decided.sum()),
            "n_answered_decided": int((answered & whole_promise).sum()),
            "within_promise": int(within.sum()),
        },
        "closed_unanswered_by_year": {
            str(y): int(n)
            for y, n in d.loc[late & closed, "inkommen"].dt.year.value_counts().sort_index().items()
        },
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
