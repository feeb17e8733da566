"""Review 10a, finding 1: the feedback reply times count the unanswered.

``servqual feedback`` showed "Median dagar 6,0, 90:e percentil dagar 18,0" over the 1 856
answered items only, beside a share within the promise over the decided ones (unanswered
included), and nothing said so. The days to reply are now Kaplan-Meier quantiles over every item
with contact details, an unanswered one censored at its age at the as-of date (closed or not);
the answered-only median stays, labelled "bland besvarade"; a quantile the curve never reaches is
"> N" (N the longest follow-up), never a number; the trend's days say they are the answered
items' and carry their n. Values against R in tests/core/test_feedback_km.py.

tests/data/feedback_closed_unanswered.csv at 2024-04-30: five items with contact details, one
answered (3 days), four without a reply (two closed without one): no quantile is reached
overall, and the answered-only median (3,0) would have been the only figure shown.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

REGISTER = "synpunkter_2023_2024.xlsx"
SMALL = Path(__file__).parents[1] / "data" / "feedback_closed_unanswered.csv"
SMALL_ARGS = ("feedback", SMALL, "--as-of", "2024-04-30")


def _flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def test_json_adds_the_times_of_every_item_and_keeps_the_old_fields(cli, samples_dir) -> None:
    r = cli("feedback", samples_dir / REGISTER, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    reply = d["reply"]
    # old names, old meaning (answered only), as before
    assert (reply["median_days"], reply["p90_days"], reply["n_answered"]) == (6, 18, 1856)
    # the new fields: every item with contact details, the 116 unanswered censored
    assert (reply["n_timed"], reply["n_unanswered"]) == (1972, 116)
    assert (reply["km_median_days"], reply["km_p90_days"], reply["km_follow_up_days"]) == (
        6,
        24,
        721,
    )
    social = next(u for u in d["reply_by_unit"] if u["unit"] == "Socialförvaltningen")
    assert (social["p90_days"], social["km_p90_days"], social["n_unanswered"]) == (20, 35, 24)


@pytest.mark.parametrize(
    ("lang", "heads", "gone", "note"),
    [
        (
            "sv",
            ["| Obesvarade |", "| Dagar till svar, median |", "| Median, 95 % KI |",
             "| Dagar till svar, 90:e percentil |", "| 90:e percentil, 95 % KI |",
             "| Median dagar bland besvarade |"],
            "90:e percentil dagar",
            "Dagar till svar (median, 90:e percentil) räknas över 1 972 synpunkter med "
            "kontaktuppgifter, även de 116 som saknar svar per 2024-12-31",
        ),
        (
            "en",
            ["| Unanswered |", "| Days to reply, median |", "| Median, 95% CI |",
             "| Days to reply, 90th percentile |", "| 90th percentile, 95% CI |",
             "| Median days among answered |"],
            "90th percentile days",
            "Days to reply (median, 90th percentile) count 1,972 items with contact details, "
            "also the 116 without a reply at 2024-12-31",
        ),
    ],
)  # fmt: skip
def test_tables_and_note_name_the_basis(cli, samples_dir, lang, heads, gone, note) -> None:
    r = cli("feedback", samples_dir / REGISTER, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    text = r.stdout.replace("\xa0", " ")
    for head in heads:
        assert text.count(head) == 2, head  # the overall table and the one per unit
    assert gone not in text  # the answered-only p90 is no longer shown unlabelled
    assert note in _flat(text)
    assert "Kaplan-Meier" in text
    # the overall row: 1 972 | 1 856 | 116 | 6,0 [6; 7] | 24,0 [21; 28] | 6,0 (decimal comma and
    # "; " between the bounds in Swedish), each interval in a column of its own
    row = "| 1 972 | 1 856 | 116 | 6,0 | [6; 7] | 24,0 | [21; 28] | 6,0 |" if lang == "sv" else (
        "| 1,972 | 1,856 | 116 | 6.0 | [6, 7] | 24.0 | [21, 28] | 6.0 |")  # fmt: skip
    assert row in text
    # Socialförvaltningen's p90: its curve's upper limit never comes down to one in ten
    social = "| 8,0 | [7; 10] | 35,0 | [28; > 715] |" if lang == "sv" else (
        "| 8.0 | [7, 10] | 35.0 | [28, > 715] |")  # fmt: skip
    assert social in text


@pytest.mark.parametrize(("lang", "row"), [
    ("sv", "| Teknik | 3 | 0 | 3 | > 60 | – | > 60 | – | – |"),
    ("en", "| Teknik | 3 | 0 | 3 | > 60 | – | > 60 | – | – |"),
])  # fmt: skip
def test_a_quantile_never_reached_is_more_than_the_follow_up(cli, lang, row) -> None:
    r = cli(*SMALL_ARGS, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    text = r.stdout.replace("\xa0", " ")
    assert "| 5 | 1 | 4 | > 60 | – | > 60 | – | 3,0 |" in text if lang == "sv" else (
        "| 5 | 1 | 4 | > 60 | – | > 60 | – | 3.0 |" in text)  # fmt: skip
    assert row in text
    # Skola: answered after 3 days and one item unanswered 58 days: the median is 3 days, its
    # upper limit is not reached (R: lower 3, upper NA), and the p90 has no interval at all
    skola = "| Skola | 2 | 1 | 1 | 3,0 | [3; > 58] | > 58 | – |" if lang == "sv" else (
        "| Skola | 2 | 1 | 1 | 3.0 | [3, > 58] | > 58 | – |")  # fmt: skip
    assert skola in text
    d = json.loads(cli(*SMALL_ARGS, "-f", "json").stdout)
    assert d["reply"]["km_p90_days"] is None and d["reply"]["km_median_days"] is None
    assert d["reply"]["km_follow_up_days"] == 60 and d["reply"]["median_days"] == 3


def test_csv_carries_the_new_statistics(cli) -> None:
    r = cli(*SMALL_ARGS, "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    reply = {row["statistic"]: row["value"] for row in rows if row["section"] == "reply"}
    assert reply["km_follow_up_days"] in ("60", "60.0") and reply["n_unanswered"] == "4"
    assert reply["km_p90_days"] == ""  # not reached: empty, never a number


@pytest.mark.parametrize(("lang", "median", "shift", "note"), [
    ("sv", "| Median dagar till svar, bland besvarade (n = 913 → 943) | dagar | 7,0 | 5,0 |",
     "| Typisk förskjutning, dagar till svar, bland besvarade (n = 913 → 943) |",
     "Median och typisk förskjutning av dagar till svar jämförs bland besvarade (n står på "
     "raden): obesvarade ingår inte i den jämförelsen, men räknas i andelen inom löftet."),
    ("en", "| Median days to reply, among answered (n = 913 → 943) | days | 7.0 | 5.0 |",
     "| Typical shift, days to reply, among answered (n = 913 → 943) |",
     "The median and the typical shift of the days to reply are compared among the answered "
     "(n on the row): the unanswered are not in that comparison, but count in the share "
     "within the promise."),
])  # fmt: skip
def test_trend_days_say_they_are_the_answered_items(cli, samples_dir, lang, median, shift,
                                                    note) -> None:  # fmt: skip
    r = cli("feedback", samples_dir / REGISTER, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    text = r.stdout.replace("\xa0", " ")
    assert median in text and shift in text
    assert note in _flat(text)
    # session 14 (w-fbkm): the table with the Kaplan-Meier days that count the unanswered is
    # there (session 15: the trend's log-rank row compares them between the windows,
    # tests/cli/test_feedback_logrank_cli.py)
    table = "Svar, alla förvaltningar" if lang == "sv" else "Replies, all units"
    assert f"### {table}," in text
