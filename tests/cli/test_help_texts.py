"""`--help` says what the options do (review 2, item 19 a-e)."""

from __future__ import annotations

import re

import pytest


def _help(cli, *command: str) -> str:
    r = cli(*command, "--help")
    assert r.exit_code == 0, r.stderr
    # rich boxes and wrapping: keep the words only
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.stdout).split())


@pytest.mark.parametrize(
    "command", [("describe",), ("feedback",), ("kpi",), ("items",), ("reliability",),
                ("alpha",), ("service-survey",), ("contacts",), ("trend",), ("tolerance",)],
)  # fmt: skip
def test_apa_is_listed_only_where_it_works(cli, command: tuple[str, ...]) -> None:
    text = _help(cli, *command)
    assert "apa" not in text.lower().replace("kapa", "")
    assert "APA-style" not in text


def test_gap_lists_apa(cli) -> None:
    assert "apa (APA-style test lines)" in _help(cli, "gap")


def test_report_help_names_the_web_page(cli) -> None:
    assert "DIR/report.html" in _help(cli, "report")


def test_lang_says_it_switches_numbers_too(cli) -> None:
    for command in ("gap", "report"):
        assert "number format" in _help(cli, command)


def test_feedback_period_and_items_chart(cli) -> None:
    assert "month, quarter or year" in _help(cli, "feedback")
    assert "in -f html and in reports" in _help(cli, "items")
