"""The e-mail rule (core.email_rule) on hand-computed calendar cases.

Swedish working days 2024: Friday 31 May, Monday 3 June; Thursday 20 June, midsommarafton
Friday 21 June (a de facto day off), Monday 24 June. Every expected value below is counted by
hand from those dates.
"""

from __future__ import annotations

import numpy as np
import pytest

from servqual_cli.core.email_rule import office_hours_between, parse_email_rule
from servqual_cli.errors import UsageError

SENT = ["2024-05-31 15:00", "2024-06-20 16:00", "2024-05-31 08:30", "2024-06-01 12:00",
        "2024-05-31 16:30"]  # fmt: skip
ANSWERED = ["2024-06-03 10:00", "2024-06-24 09:30", "2024-06-04 18:00", "2024-06-04 08:00",
            None]  # fmt: skip


def test_office_hours_by_hand() -> None:
    got = office_hours_between(SENT, ANSWERED, 8, 17)
    # Fri 15-17 (2) + Mon 8-10 (2) = 4; Thu 16-17 (1) + Mon 8-9:30 (1.5), midsommarafton off;
    # Fri 8:30-17 (8.5) + Mon 9 + Tue 9 (to 17) = 26.5; Sat -> Tue 8:00: Mon 9 + 0 = 9; None.
    assert got[:4].tolist() == [4.0, 2.5, 26.5, 9.0]
    assert np.isnan(got[4])


@pytest.mark.parametrize(
    ("rule", "within_1", "within_2"),
    [
        # 24h: working-day hours 19, 17.5 (Thu 16-24 + Mon 0-9:30), 57.5 (Fri 15.5 + Mon 24 +
        # Tue 18), 32 (Mon 24 + Tue 8).
        ("24h", [True, True, False, False, False], [True, True, False, True, False]),
        # next-day: working days after the sent day up to the answer day: 1, 1, 2, 2.
        ("next-day", [True, True, False, False, False], [True, True, True, True, False]),
        # office hours 08-17: 4, 2.5, 26.5, 9 against 9 and 18.
        ("office-hours=08-17", [True, True, False, True, False],
         [True, True, False, True, False]),
    ],
)  # fmt: skip
def test_within_by_rule(rule: str, within_1: list[bool], within_2: list[bool]) -> None:
    r = parse_email_rule(rule)
    assert r.within(SENT, ANSWERED, 1).tolist() == within_1
    assert r.within(SENT, ANSWERED, 2).tolist() == within_2
    assert r.text == rule


def test_rule_gives_its_parameters_not_words() -> None:
    """The sentence is the report catalog's (review 7, finding 8); the core gives the facts."""
    r = parse_email_rule("office-hours=8-16")
    assert (r.kind, r.hours_per_day, r.window) == ("office-hours", 8, "08-16")
    assert (parse_email_rule("24h").hours_per_day, parse_email_rule("24h").window) == (24, None)
    assert parse_email_rule("next-day").hours_per_day is None
    assert not hasattr(r, "describe")


@pytest.mark.parametrize("bad", ["office", "office-hours=17-08", "48h", "office-hours=8-25"])
def test_bad_rules_are_usage_errors(bad: str) -> None:
    with pytest.raises(UsageError, match="--email-rule"):
        parse_email_rule(bad)
