"""Review 9 finding 1: the reply promise's backlog counts the items with contact details and no
reply older than the promise whether or not they were closed, names those closed without a reply
(table column, note, JSON, CSV), and equals the unanswered decided items of the reply share.

tests/data/feedback_closed_unanswered.csv at 2024-04-30 (promise 14 days): Teknik 1 closed
without a reply and 1 open without one (both late), 1 closed without a reply but only 5 days old
(too recent: in neither count); Skola 1 closed without a reply (late), 1 anonymous closed
without a reply (promised none), 1 answered in 3 days.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data" / "feedback_closed_unanswered.csv"
ARGS = ("feedback", DATA, "--as-of", "2024-04-30")


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_json_counts_the_closed_ones_and_names_them(cli) -> None:
    r = cli(*ARGS, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["backlog"] == [
        {"unit": "Teknik", "n_open": 1, "n_open_overdue": 1, "n_unanswered_overdue": 2,
         "n_unanswered_overdue_closed": 1},
        {"unit": "Skola", "n_open": 0, "n_open_overdue": 0, "n_unanswered_overdue": 1,
         "n_unanswered_overdue_closed": 1},
    ]  # fmt: skip
    reply = d["reply"]
    # decided: the three late without a reply and the one answered; the young one left out
    assert (reply["n_decided"], reply["within_promise"], reply["n_too_recent"]) == (4, 1, 1)
    assert (
        reply["n_unanswered_overdue"] == 3 == sum(b["n_unanswered_overdue"] for b in d["backlog"])
    )


@pytest.mark.parametrize(
    ("lang", "head", "note"),
    [
        (
            "sv",
            "Varav avslutade utan svar",
            "Obesvarade med kontaktuppgifter, äldre än löftet: synpunkter med kontaktuppgifter som "
            "inte fått svar per 2024-04-30 och är äldre än löftet (14 dagar), avslutade eller "
            "inte; 2 av dem avslutades utan svar. Det är de obesvarade bland svarsandelens "
            "avgjorda: 4 avgjorda, varav 1 besvarade.",
        ),
        (
            "en",
            "Of which closed without a reply",
            "Unanswered with contact details, older than promise: items with contact details "
            "that have no reply at 2024-04-30 and are older than the promise (14 days), closed "
            "or not; 2 of them were closed without a reply. They are the unanswered ones among "
            "the reply share's decided items: 4 decided, 1 of them answered.",
        ),
    ],
)
def test_the_table_has_the_column_and_the_note(cli, lang: str, head: str, note: str) -> None:
    r = cli(*ARGS, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    (header,) = [line for line in lines if head in line]
    total = "Totalt" if lang == "sv" else "Total"
    (row,) = [line for line in lines if line.startswith(f"| {total} ") and line.count("|") == 6]
    assert [c.strip() for c in row.strip("|").split("|")][1:] == ["1", "1", "3", "2"]
    assert header.strip("|").split("|")[-1].strip() == head
    assert note in _flat(r.stdout)


def test_csv_has_the_closed_count(cli) -> None:
    r = cli(*ARGS, "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = [x for x in csv.DictReader(io.StringIO(r.stdout)) if x["section"] == "backlog"]
    closed = {
        x["unit"]: x["value"] for x in rows if x["statistic"] == "n_unanswered_overdue_closed"
    }
    assert closed == {"Teknik": "1", "Skola": "1"}
